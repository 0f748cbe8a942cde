import { afterAll, beforeAll, inject } from 'vitest';
import { createDriver } from '../../drivers/index.js';
import type { Driver } from '../../drivers/contract.js';

/**
 * One driver per suite file. Files run in parallel, each against its own driver; with the
 * embedded mock that means its own org, so one file moving the virtual clock never
 * disturbs another's time windows.
 */
let current: Driver | undefined;

/** Call once at the top of a suite file: connects before its checks, cleans up after them. */
export function useTarget(): void {
  beforeAll(async () => {
    current = await createDriver(inject('target'));
  });
  afterAll(async () => {
    const driver = current;
    current = undefined;
    await driver?.close();
  });
}

/** The driver of the running suite file. */
export function currentDriver(): Driver {
  if (!current) throw new Error('no target: call useTarget() at the top of the suite file');
  return current;
}
