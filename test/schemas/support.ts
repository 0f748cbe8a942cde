/** Assertions and JSON-pointer edits shared by the schema tests. */
import { expect } from 'vitest';

import { validate } from '../../schemas/index.js';
import type { SchemaIssue, SchemaRef } from '../../schemas/index.js';

export function issuesFor(ref: SchemaRef, value: unknown): SchemaIssue[] {
  const result = validate(ref, value);
  return result.valid ? [] : result.errors;
}

export function expectValid(ref: SchemaRef, value: unknown): void {
  expect(issuesFor(ref, value)).toEqual([]);
}

/** Expects the value to be rejected with (at least) an issue at `path` whose message matches. */
export function expectIssue(ref: SchemaRef, value: unknown, path: string, message: RegExp): void {
  const issues = issuesFor(ref, value);
  expect(issues, JSON.stringify(issues, null, 2)).toContainEqual({ path, message: expect.stringMatching(message) });
}

/** The `_embedded.activation` of a documented factor example. */
export function embeddedActivation(factor: Record<string, unknown>): unknown {
  return (factor._embedded as Record<string, unknown>).activation;
}

export type Change = { readonly set: string; readonly to: unknown } | { readonly remove: string };

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function pointerSegments(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function childOf(container: Container, key: string): unknown {
  return Array.isArray(container) ? container[Number(key)] : container[key];
}

/** A deep copy of `base` with each change applied (set creates the last segment; remove deletes it). */
export function changed(base: unknown, ...changes: readonly Change[]): unknown {
  const copy: unknown = structuredClone(base);
  for (const change of changes) {
    const pointer = 'set' in change ? change.set : change.remove;
    const segments = pointerSegments(pointer);
    const last = segments.pop();
    let parent: unknown = copy;
    for (const segment of segments) parent = isContainer(parent) ? childOf(parent, segment) : undefined;
    if (!isContainer(parent) || last === undefined) throw new Error(`no parent for ${pointer}`);
    if (Array.isArray(parent)) {
      const index = Number(last);
      if ('set' in change) parent[index] = change.to;
      else parent.splice(index, 1);
    } else if ('set' in change) {
      parent[last] = change.to;
    } else {
      delete parent[last];
    }
  }
  return copy;
}
