import { afterAll, beforeAll, inject } from 'vitest';
import type { Capability, DriverWith, FixturesPort } from '../../../drivers/contract.js';
import { connectDuoDriver, connectMockDuoDriver } from '../../../drivers/duo/connect.js';
import type { DuoApiClient } from '../../../drivers/duo/client.js';
import type { DuoDriver } from '../../../drivers/duo/driver.js';
import type { DuoAdminFixtures } from '../../../drivers/duo/fixtures.js';
import type { RequirementId } from '../../../requirements/index.js';
import { checkOn, type CheckOptions } from '../../support/check.js';
import { asHook } from '../../support/running-check.js';
import { setActiveDriver, takeMockSwitches } from '../../support/target.js';

/**
 * The duo-auth suites' target: the Duo account the run names (`target.duo`), else, with the embedded mock,
 * a fresh org's own Duo account on the mock host. Without either the checks skip, saying why.
 */
let current: DuoDriver | undefined;
let missing: string | undefined;

/** Call once at the top of a duo-auth suite file. */
export function useDuoTarget(): void {
  const faults = takeMockSwitches()?.faults; // as the file registers (suites/support/target.ts says why)
  beforeAll(() =>
    asHook(async () => {
      const target = inject('target');
      const mockHost = inject('mockHost');
      // The run's allow-list (--allow-target, allowTargets); MFA_CONFORMANCE_DUO_ALLOW for a run started by vitest itself.
      const allowHosts = [...(target.allowTargets ?? []), ...(process.env.MFA_CONFORMANCE_DUO_ALLOW ?? '').split(',').filter(Boolean)];
      if (target.duo) current = await connectDuoDriver(target.duo, { allowHosts });
      else if (target.kind === 'mock') current = await connectMockDuoDriver({ faults: faults ?? target.faults ?? [], ...(mockHost ? { host: mockHost } : {}) });
      else missing = 'no Duo account configured (MFA_CONFORMANCE_DUO, or DUO_IKEY, DUO_SKEY, DUO_HOST, DUO_ADMIN_IKEY, DUO_ADMIN_SKEY)';
      setActiveDriver(current);
    }),
  );
  afterAll(() =>
    asHook(async () => {
      const driver = current;
      current = undefined;
      setActiveDriver(undefined);
      await driver?.close();
    }),
  );
}

/** What a duo-auth check's body receives. */
export interface DuoCheckContext<N extends Capability> {
  driver: DuoDriver & DriverWith<N, FixturesPort>;
  duo: DuoApiClient;
  fixtures: DuoAdminFixtures;
}

/** A duo-auth check: skipped with the reason when the run has no Duo account. */
export function duoCheck<N extends Capability = never>(
  ids: RequirementId | RequirementId[],
  name: string,
  body: (ctx: DuoCheckContext<N>) => Promise<void>,
  options: CheckOptions<N> = {},
): void {
  checkOn<DuoDriver, N>(currentDuoDriver, ids, name, (driver) => body({ driver, duo: driver.duoApi, fixtures: driver.fixtures }), {
    ...options,
    unavailable: () => missing,
  });
}

function currentDuoDriver(): DuoDriver {
  if (!current) throw new Error('no Duo target: call useDuoTarget() at the top of the suite file');
  return current;
}
