import type { TestContext } from 'vitest';
import { CheckLocal, outsideChecks } from '../../drivers/check-scope.js';

/**
 * The test context of the check running in this async context: checks of a file may run concurrently, so a
 * module-level "current test" would be any of them (CheckLocal).
 */
export const runningChecks = new CheckLocal<TestContext>();

/** The running check's test context (undefined outside a check's body). */
export function runningCheck(): TestContext | undefined {
  return runningChecks.get();
}

/**
 * Runs a suite hook's body (connecting, closing) as no check's: a check vitest timed out may still be running, and
 * the hook must not pass for it (neither its test context nor its hold on the org).
 */
export function asHook<R>(body: () => Promise<R>): Promise<R> {
  return outsideChecks(() => runningChecks.outside(body));
}
