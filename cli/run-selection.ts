/**
 * Which checks `run` runs, from its selection flags: `--grep` (check name or requirement id contains the text),
 * `--profile` (the profile's suite folders), `--only-failed` (the failed and blocked checks of an earlier summary),
 * `--replay` (one check by its name, or the checks of one requirement id). Turned into vitest file filters and
 * a test-name pattern.
 */
import { relative, resolve } from 'node:path';
import type { Profile, Requirement } from '../requirements/index.js';
import type { RunSummary } from '../reports/summary.js';
import { UsageError } from './usage.js';

export interface Selection {
  filters: string[];
  testNamePattern?: string;
  /** Requirements the summary is narrowed to (a profile's). */
  profile?: Profile;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface SelectionFlags {
  filters: readonly string[];
  testNamePattern?: string;
  grep?: string;
  profile?: Profile;
  onlyFailed?: RunSummary;
  replay?: string;
}

export function selectChecks(flags: SelectionFlags, catalog: readonly Requirement[], root: string): Selection {
  const patterns = [flags.testNamePattern, flags.grep !== undefined ? escapeRegex(flags.grep) : undefined].filter((p) => p !== undefined);
  let filters = [...flags.filters];
  if (flags.profile) filters.push(...flags.profile.suites);
  if (flags.onlyFailed) {
    const again = flags.onlyFailed.checks.filter((c) => c.state === 'failed' || c.state === 'blocked');
    if (again.length === 0) throw new UsageError('--only-failed: that summary has no failed or blocked check');
    filters.push(...new Set(again.map((c) => c.module)));
    patterns.push(again.map((c) => escapeRegex(lastPart(c.name))).join('|'));
  }
  if (flags.replay !== undefined) {
    const requirement = catalog.find((r) => r.id === flags.replay);
    if (requirement) {
      filters.push(requirement.suite);
      patterns.push(`[\\[ ]${escapeRegex(requirement.id)}[\\],]`);
    } else patterns.push(escapeRegex(lastPart(flags.replay)));
  }
  if (patterns.length > 1) throw new UsageError('use one of -t, --grep, --only-failed and --replay');
  filters = [...new Set(filters.map((f) => (f.startsWith('/') ? relative(root, resolve(f)) : f)))];
  return { filters, ...(patterns[0] !== undefined ? { testNamePattern: patterns[0] } : {}), ...(flags.profile ? { profile: flags.profile } : {}) };
}

/** vitest's full name is `describe > … > test`; the test-name pattern matches the test's own name too. */
function lastPart(name: string): string {
  return name.split(' > ').at(-1) ?? name;
}
