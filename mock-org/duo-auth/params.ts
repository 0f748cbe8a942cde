import type { FastifyRequest } from 'fastify';
import { invalidParameter, missingParameter } from './errors.js';

/**
 * A Duo request's parameters, wherever they travel: the query (GET, DELETE), a form body (v2 POST)
 * or a JSON body (v5 POST, whose values may be numbers or booleans, spec §1.4). Bad values are
 * Duo's 400 40001/40002, never an exception.
 */
export class DuoParams {
  readonly #values = new Map<string, string[]>();

  constructor(pairs: Iterable<[string, string]>) {
    for (const [key, value] of pairs) this.#values.set(key, [...(this.#values.get(key) ?? []), value]);
  }

  static of(request: FastifyRequest): DuoParams {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const pairs: [string, string][] = [...new URLSearchParams(query)];
    const body = typeof request.body === 'string' ? request.body : '';
    const type = String(request.headers['content-type'] ?? '').toLowerCase();
    if (body !== '' && type.startsWith('application/json')) pairs.push(...jsonPairs(body));
    else if (body !== '') pairs.push(...new URLSearchParams(body));
    return new DuoParams(pairs);
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  optional(name: string): string | undefined {
    return this.#values.get(name)?.[0];
  }

  all(name: string): string[] {
    return this.#values.get(name) ?? [];
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined || value === '') throw missingParameter(name);
    return value;
  }

  /** An integer parameter within [min, max]; `fallback` when absent. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const text = this.optional(name);
    if (text === undefined || text === '') return fallback;
    if (!/^-?\d{1,15}$/.test(text)) throw invalidParameter(name);
    const value = Number(text);
    if (value < min || value > max) throw invalidParameter(name);
    return value;
  }

  /** `true`/`1` or `false`/`0`. */
  flag(name: string): boolean {
    const text = this.optional(name);
    if (text === undefined || text === '' || text === '0' || text === 'false') return false;
    if (text === '1' || text === 'true') return true;
    throw invalidParameter(name);
  }
}

function jsonPairs(body: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalidParameter('body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParameter('body');
  return Object.entries(parsed).flatMap(([key, value]): [string, string][] => {
    if (Array.isArray(value)) return value.map((item) => [key, scalar(key, item)]);
    return value === null || value === undefined ? [] : [[key, scalar(key, value)]];
  });
}

function scalar(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidParameter(key);
}
