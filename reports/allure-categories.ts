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
  const kind = FAILURE_KINDS.find((k) => message.startsWith(failurePrefix(k)));
  return CATEGORY_NAME[kind ?? 'error'];
}

/** The prefix a failure message of this kind starts with. */
export const failurePrefix = (kind: FailureKind): string => `[${kind}] `;

export const ALLURE_CATEGORIES: readonly AllureCategory[] = FAILURE_KINDS.map((kind) => ({
  name: CATEGORY_NAME[kind],
  matchedStatuses: ['failed', 'broken'],
  // Allure matches the whole message; [\s\S] spans lines in both Java and JavaScript regexes
  messageRegex: `${escapeRegex(failurePrefix(kind))}[\\s\\S]*`,
}));

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
