import { afterAll, beforeAll, inject } from 'vitest';
import { createDriver, type MockHostAccess } from '../../drivers/index.js';
import type { Driver, FixturesPort, TargetConfig, TargetProfile } from '../../drivers/contract.js';
import { asHook } from './running-check.js';

/**
 * One driver per suite file. Files run in parallel, each against its own driver; with the
 * embedded mock that means its own org, in the worker's own process (drivers/mock/), so one file
 * moving the virtual clock never disturbs another's time windows.
 */
let current: Driver | undefined;
/** The running suite file's driver, whatever its family (assertion messages redact through it). */
let active: Driver<FixturesPort> | undefined;

/** The mock-org switches a suite file's org gets, and the profile its driver reports, in the nested runs. */
export interface MockSwitches {
  faults: string[];
  /** A `variant.*` that makes the mock behave as Identity Engine: the driver reports that profile. */
  profile?: TargetProfile;
}

/**
 * The switches for the suite file that registers next: set by the harness's fault and variant runners (test/faults/)
 * just before they import a suite file, taken by the file's target hook as it registers (at its top, during the
 * import). One wrapper file of those runners imports the same suite file once per switch, each import in a describe of
 * its own, so a hook must take them as it registers, not when its org connects (by then the last import's are set).
 */
let switchesForNextFile: MockSwitches | undefined;

/**
 * Requirements whose checks the suite file being collected registers to run; the others it registers skipped.
 * Set by the fault-detection runner before its import of a suite file, and left set while vitest collects the file's
 * describe() bodies (after the import, before the next switch's import): a fault need only be shown to fail the
 * requirements it breaks, so the file's other checks need not run again once per fault.
 */
let requirementsToRun: ReadonlySet<string> | undefined;

/** @public The fault and variant harnesses call it from the wrapper files they write (not an import knip can see). */
export function useMockSwitchesForNextSuiteFile(faults: string[], profile?: TargetProfile): void {
  switchesForNextFile = { faults, ...(profile ? { profile } : {}) };
}

/** The switches set for the suite file now registering, once (any family's target hook takes them as it registers). */
export function takeMockSwitches(): MockSwitches | undefined {
  const switches = switchesForNextFile;
  switchesForNextFile = undefined;
  return switches;
}

/** @public As useMockSwitchesForNextSuiteFile: `undefined` lets every check run. */
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
  const switches = takeMockSwitches();
  beforeAll(() =>
    asHook(async () => {
      const mockHost = inject('mockHost');
      let target = inject('target');
      if (switches && target.kind === 'mock') target = { ...target, ...switches };
      current = await connect(target, mockHost);
      active = current;
    }),
  );
  afterAll(() =>
    asHook(async () => {
      const driver = current;
      current = undefined;
      active = undefined;
      await driver?.close();
    }),
  );
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
