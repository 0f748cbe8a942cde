import type { Driver, FixturesPort } from '../../drivers/contract.js';

/**
 * A failed assertion travels to stdout, JUnit and Allure with its message, stack and diff:
 * redact them all before they leave the check (vitest builds the diff from `actual`/`expected`).
 */
export function redactError(driver: Driver<FixturesPort>, error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? driver.redactText(error) : error;
  error.message = driver.redactText(error.message);
  if (error.stack) error.stack = driver.redactText(error.stack);
  const withValues = error as Error & { actual?: unknown; expected?: unknown };
  for (const key of ['actual', 'expected'] as const) {
    if (key in withValues) {
      const value = withValues[key];
      withValues[key] = typeof value === 'string' ? driver.redactText(value) : driver.redactJson(value);
    }
  }
  return error;
}
