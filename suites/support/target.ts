import { afterAll, beforeAll, inject } from 'vitest';
import { createDriver } from '../../drivers/index.js';
import type { Driver, TargetProfile } from '../../drivers/contract.js';

/**
 * One driver per suite file. Files run in parallel, each against its own driver; with the
 * embedded mock that means its own org on the mock host (global-setup.ts), so one file moving
 * the virtual clock never disturbs another's time windows.
 */
let current: Driver | undefined;

/**
 * Faults for the embedded mock org of the next suite file that connects: set by the harness's
 * fault-detection runner (test/faults/), which runs one small wrapper file per fault and suite.
 */
let faultsForNextFile: string[] | undefined;
/** The profile the next suite file's driver reports (a `variant.*` that makes the mock behave as Identity Engine). */
let profileForNextFile: TargetProfile | undefined;

/** @public The fault-detection harness calls it from the suite files it writes (not an import knip can see). */
export function useFaultsForNextSuiteFile(faults: string[], profile?: TargetProfile): void {
  faultsForNextFile = faults;
  profileForNextFile = profile;
}

/** Call once at the top of a suite file: connects before its checks, cleans up after them. */
export function useTarget(): void {
  beforeAll(async () => {
    const mockHost = inject('mockHost');
    let target = inject('target');
    if (faultsForNextFile && target.kind === 'mock') target = { ...target, faults: faultsForNextFile, ...(profileForNextFile ? { profile: profileForNextFile } : {}) };
    faultsForNextFile = undefined;
    profileForNextFile = undefined;
    current = await createDriver(target, mockHost ? { mockHost } : {});
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
