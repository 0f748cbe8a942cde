/** The Allure categories: a check or hook past its timeout falls in Timing, the typed failures in their kinds. */
import { expect, test } from 'vitest';
import { ALLURE_CATEGORIES, categoryOfMessage } from '../../reports/allure-categories.js';

/** The first category whose regex matches the whole message, as Allure assigns them. */
const allureCategory = (message: string) => ALLURE_CATEGORIES.find((c) => new RegExp(`^(?:${c.messageRegex})$`).test(message))?.name;

test("vitest's timeout failures are Timing, in the summary and in Allure alike", () => {
  const timedOut = 'Test timed out in 30000ms.\nIf this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".';
  expect(categoryOfMessage(timedOut)).toBe('Timing (a check or hook ran past its timeout)');
  expect(allureCategory(timedOut)).toBe('Timing (a check or hook ran past its timeout)');
  expect(allureCategory('Hook timed out in 300000ms.')).toBe('Timing (a check or hook ran past its timeout)');
});

test('a typed failure that mentions time is not Timing: it keeps its kind', () => {
  const message = '[status] HTTP 200, expected 403: a code from ten minutes ago timed out in 600000ms';
  expect(categoryOfMessage(message)).toBe('Wrong HTTP status');
  expect(allureCategory(message)).toBe('Wrong HTTP status');
});
