/**
 * Allure categories (`categories.json` in the results directory): failed checks grouped by failure kind.
 * `check()` starts every failure message with its kind in brackets (`[status] HTTP 500, expected 200`).
 */
import { FAILURE_KINDS, type FailureKind } from './check-meta.js';

export interface AllureCategory {
  name: string;
  matchedStatuses: string[];
  messageRegex: string;
}

const CATEGORY_NAME: Record<FailureKind, string> = {
  status: 'Wrong HTTP status',
  'error-code': 'Wrong error code',
  schema: 'Schema violation',
  state: 'State not as expected (not persisted, wrong status)',
  header: 'Wrong or missing header',
  secret: 'Secret echoed',
  body: 'Wrong response body',
  assertion: 'Other assertion',
  error: 'Error in the check (not an assertion)',
};

/** The category a failure message falls in (by its `[kind]` prefix), as the Allure report names it. */
export function categoryOfMessage(message: string): string {
  if (TIMED_OUT.test(message)) return TIMING_CATEGORY;
  const kind = FAILURE_KINDS.find((k) => message.startsWith(failurePrefix(k)));
  return CATEGORY_NAME[kind ?? 'error'];
}

/** The prefix a failure message of this kind starts with. */
export const failurePrefix = (kind: FailureKind): string => `[${kind}] `;

/**
 * Timing: vitest's own failure when a check or its hook ran past its timeout ("Test timed out in 30000ms."), the
 * one failure about time that has a fixed shape; a check that waited on a rate-limit window or a target that stopped
 * answering ends here, not among the assertions.
 */
const TIMING_CATEGORY = 'Timing (a check or hook ran past its timeout)';
const TIMED_OUT = /^(Test|Hook) timed out in \d+ms/;

/** Categories that cut across failure kinds; Allure puts a result in the first category that matches. */
const CROSS_CATEGORIES: readonly AllureCategory[] = [
  // a 429 or E0000047 where the check expected something else: the target throttled the run
  { name: 'Rate limited (HTTP 429)', matchedStatuses: ['failed', 'broken'], messageRegex: '\\[status\\] HTTP 429[\\s\\S]*|[\\s\\S]*E0000047[\\s\\S]*' },
  { name: TIMING_CATEGORY, matchedStatuses: ['failed', 'broken'], messageRegex: '(Test|Hook) timed out in \\d+ms[\\s\\S]*' },
  { name: 'Blocked (a precondition failed)', matchedStatuses: ['skipped'], messageRegex: '[\\s\\S]*BLOCKED[\\s\\S]*' },
];

export const ALLURE_CATEGORIES: readonly AllureCategory[] = [
  ...CROSS_CATEGORIES,
  ...FAILURE_KINDS.map((kind) => ({
    name: CATEGORY_NAME[kind],
    matchedStatuses: ['failed', 'broken'],
    // Allure matches the whole message; [\s\S] spans lines in both Java and JavaScript regexes
    messageRegex: `${escapeRegex(failurePrefix(kind))}[\\s\\S]*`,
  })),
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
