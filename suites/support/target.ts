import { afterAll, beforeAll, inject } from 'vitest';
import { createDriver, type MockHostAccess } from '../../drivers/index.js';
import type { Driver, FixturesPort, TargetConfig, TargetProfile } from '../../drivers/contract.js';

/**
 * One driver per suite file. Files run in parallel, each against its own driver; with the
 * embedded mock that means its own org, in the worker's own process (drivers/mock/), so one file
 * moving the virtual clock never disturbs another's time windows.
 */
let current: Driver | undefined;
/** The running suite file's driver, whatever its family (assertion messages redact through it). */
let active: Driver<FixturesPort> | undefined;

/**
 * Faults for the embedded mock org of the next suite file that connects: set by the harness's
 * fault-detection runner (test/faults/), which runs one small wrapper file per fault and suite.
 */
let faultsForNextFile: string[] | undefined;
/** The profile the next suite file's driver reports (a `variant.*` that makes the mock behave as Identity Engine). */
let profileForNextFile: TargetProfile | undefined;

/**
 * Requirements whose checks the suite file being collected registers to run; the others it registers skipped.
 * Set by the fault-detection runner before its import of a suite file, and left set while vitest collects the file's
 * describe() bodies (after the import): a fault need only be shown to fail the requirements it breaks, so the file's
 * other checks need not run again once per fault.
 */
let requirementsToRun: ReadonlySet<string> | undefined;

/** @public The fault-detection harness calls it from the suite files it writes (not an import knip can see). */
export function useFaultsForNextSuiteFile(faults: string[], profile?: TargetProfile): void {
  faultsForNextFile = faults;
  profileForNextFile = profile;
}

/** The faults set for the suite file now connecting, once (any family's target hook takes them). */
export function takeFaultsForNextFile(): string[] | undefined {
  const faults = faultsForNextFile;
  faultsForNextFile = undefined;
  return faults;
}

/** @public As useFaultsForNextSuiteFile: `undefined` lets every check run. */
export function runOnlyChecksOf(requirements: readonly string[] | undefined): void {
  requirementsToRun = requirements && new Set(requirements);
}

/** Whether a check naming these requirements runs (always, outside the fault-detection runner). */
export function checkRuns(requirements: readonly string[]): boolean {
  return !requirementsToRun || requirements.some((id) => requirementsToRun?.has(id));
}

/** Call once at the top of a suite file: connects before its checks, cleans up after them. */
export function useTarget(): void {
  useConnectedDriver((target, mockHost) => createDriver(target, mockHost ? { mockHost } : {}));
}

/** As useTarget, with a family's own driver (the IdentityNow suites' tenant beside its Okta org). */
export function useConnectedDriver(connect: (target: TargetConfig, mockHost: MockHostAccess | undefined) => Promise<Driver>): void {
  beforeAll(async () => {
    const mockHost = inject('mockHost');
    let target = inject('target');
    const faults = takeFaultsForNextFile();
    if (faults && target.kind === 'mock') target = { ...target, faults, ...(profileForNextFile ? { profile: profileForNextFile } : {}) };
    profileForNextFile = undefined;
    current = await connect(target, mockHost);
    active = current;
  });
  afterAll(async () => {
    const driver = current;
    current = undefined;
    active = undefined;
    await driver?.close();
  });
}

/** Another family's target hook names its driver here while its suite file runs (undefined: none). */
export function setActiveDriver(driver: Driver<FixturesPort> | undefined): void {
  active = driver;
}

/** The running suite file's driver, whatever its family. */
export function activeDriver(): Driver<FixturesPort> {
  if (!active) throw new Error('no target: call useTarget() (or the family\'s own hook) at the top of the suite file');
  return active;
}

/** The driver of the running suite file. */
export function currentDriver(): Driver {
  if (!current) throw new Error('no target: call useTarget() at the top of the suite file');
  return current;
}
