import { validationFailed } from '../../core/errors.js';
import type { FactorServices } from '../kind.js';
import { SERIAL_DIGITS, type StoredYubikeyToken, assignedUser, shownSerial, tokenStatus } from './tokens.js';

/**
 * The YubiKey token list's query (spec §8): `filter` in Okta's filter syntax over the documented
 * fields, `sortBy`/`sortOrder` over the same fields, and an opaque `after` cursor. What the mock
 * cannot answer faithfully is refused with 400 E0000001 rather than half-answered.
 */

const TOKEN_FIELDS = ['profile.email', 'profile.serial', 'activated', 'user.id', 'created', 'status', 'lastVerified'] as const;
export type TokenField = (typeof TOKEN_FIELDS)[number];
const DATE_FIELDS: ReadonlySet<TokenField> = new Set(['activated', 'created', 'lastVerified']);
const OPERATORS = ['eq', 'gt', 'ge', 'lt', 'le'] as const;
type Operator = (typeof OPERATORS)[number];

const isField = (name: string): name is TokenField => (TOKEN_FIELDS as readonly string[]).includes(name);

const badFilter = (why: string) => validationFailed('filter', [`filter: ${why}`]);

/** A token's value for a field, as a string that sorts right ('' when it has none). */
export function fieldValue(org: FactorServices, token: StoredYubikeyToken, field: TokenField): string {
  switch (field) {
    case 'profile.serial':
      return shownSerial(org, token);
    case 'profile.email':
      return assignedUser(org, token)?.profile.email.toLowerCase() ?? '';
    case 'user.id':
      return assignedUser(org, token)?.id ?? '';
    case 'status':
      return tokenStatus(org, token);
    case 'created':
      return token.created;
    case 'lastVerified':
      return token.lastVerified;
    case 'activated':
      return token.activated ?? '';
  }
}

type Predicate = (token: StoredYubikeyToken) => boolean;

interface Comparison {
  field: TokenField;
  operator: Operator;
  value: string;
}

/** Words and quoted strings; parentheses and anything else are not part of what the mock supports. */
function tokenize(filter: string): string[] {
  const out: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z][A-Za-z0-9_.]*)|(\S))/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(filter)) !== null) {
    if (match[3] !== undefined) throw badFilter(`unsupported character '${match[3]}' (grouping with parentheses is not supported)`);
    out.push(match[1] !== undefined ? `"${match[1].replace(/\\(.)/g, '$1')}` : (match[2] as string));
    if (pattern.lastIndex >= filter.length) break;
  }
  if (filter.slice(pattern.lastIndex).trim() !== '') throw badFilter('could not read the expression');
  return out;
}

function comparison(words: string[], at: number): Comparison {
  const [field, operator, value] = [words[at], words[at + 1], words[at + 2]];
  if (field === undefined || !isField(field)) throw badFilter(`'${field ?? ''}' is not a field tokens can be filtered on (${TOKEN_FIELDS.join(', ')})`);
  if (operator === undefined || !(OPERATORS as readonly string[]).includes(operator.toLowerCase())) {
    throw badFilter(`unsupported operator '${operator ?? ''}'`);
  }
  const op = operator.toLowerCase() as Operator;
  if (value === undefined || !value.startsWith('"')) throw badFilter(`the value for ${field} must be a quoted string`);
  const text = value.slice(1);
  if (op !== 'eq' && !DATE_FIELDS.has(field)) throw badFilter(`${field} supports only eq`);
  if (DATE_FIELDS.has(field) && Number.isNaN(Date.parse(text))) throw badFilter(`'${text}' is not a date`);
  return { field, operator: op, value: text };
}

function predicateOf(org: FactorServices, c: Comparison): Predicate {
  if (DATE_FIELDS.has(c.field)) {
    const bound = Date.parse(c.value);
    return (token) => {
      const raw = fieldValue(org, token, c.field);
      if (raw === '') return false;
      const t = Date.parse(raw);
      return { eq: t === bound, gt: t > bound, ge: t >= bound, lt: t < bound, le: t <= bound }[c.operator];
    };
  }
  // Serials match padded or not (`"7886622"` finds 000007886622); status and email ignore case.
  const wanted =
    c.field === 'profile.serial' && /^\d{1,12}$/.test(c.value) ? c.value.padStart(SERIAL_DIGITS, '0')
    : c.field === 'user.id' ? c.value
    : c.value.toLowerCase();
  return (token) => {
    const value = fieldValue(org, token, c.field);
    return c.field === 'user.id' || c.field === 'profile.serial' ? value === wanted : value.toLowerCase() === wanted;
  };
}

/** `a eq "x" and b eq "y" or c eq "z"`: `and` binds tighter than `or`, as in Okta's filter syntax. */
export function parseFilter(org: FactorServices, filter: string): Predicate {
  const words = tokenize(filter);
  if (words.length === 0) throw badFilter('empty expression');
  const alternatives: Predicate[][] = [[]];
  let at = 0;
  for (;;) {
    alternatives[alternatives.length - 1]!.push(predicateOf(org, comparison(words, at)));
    at += 3;
    if (at >= words.length) break;
    const joiner = words[at]?.toLowerCase();
    if (joiner === 'or') alternatives.push([]);
    else if (joiner !== 'and') throw badFilter(`expected 'and' or 'or', found '${words[at]}'`);
    at += 1;
  }
  return (token) => alternatives.some((all) => all.every((p) => p(token)));
}

export interface SortOrder {
  field: TokenField;
  descending: boolean;
}

export function parseSort(sortBy: string | undefined, sortOrder: string | undefined): SortOrder {
  if (sortBy !== undefined && !isField(sortBy)) {
    throw validationFailed('sortBy', [`sortBy: must be one of ${TOKEN_FIELDS.join(', ')}`]);
  }
  if (sortOrder !== undefined && !['ASC', 'DESC'].includes(sortOrder.toUpperCase())) {
    throw validationFailed('sortOrder', ['sortOrder: must be ASC or DESC']);
  }
  return { field: sortBy ?? 'created', descending: sortOrder?.toUpperCase() === 'DESC' };
}

/** Where a page ends: the sort value and id of its last token. Opaque to clients. */
export interface Cursor {
  key: string;
  id: string;
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');

export function decodeCursor(after: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the 400
  }
  throw validationFailed('after', ['after: not a cursor this list handed out']);
}

/** Orders by the sort field (in its direction), then by id, so that the order is total and a cursor is a position. */
export function compareBy(order: SortOrder) {
  return (a: Cursor, b: Cursor): number => {
    const byKey = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    if (byKey !== 0) return order.descending ? -byKey : byKey;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
