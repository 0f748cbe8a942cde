import { randomBytes } from 'node:crypto';
import { VirtualClock } from './clock.js';
import { FaultSwitches } from './faults.js';
import { OrgStore } from './store.js';

export interface MockOrgConfig {
  /** The SSWS API token; random when not given. */
  apiToken?: string;
  /** Faults switched on from the start. */
  faults?: readonly string[];
  /** The real clock the virtual one starts from (tests pass a fixed function). */
  clockBase?: () => number;
}

/** One org: its clock, what it stores, its faults and its API token. No HTTP here. */
export class MockOrg {
  readonly clock: VirtualClock;
  readonly store = new OrgStore();
  readonly faults = new FaultSwitches();
  readonly apiToken: string;

  constructor(config: MockOrgConfig = {}) {
    this.clock = new VirtualClock(config.clockBase);
    this.apiToken = config.apiToken ?? '00' + randomBytes(30).toString('base64url');
    this.faults.apply(config.faults ?? []);
  }

  /** Forgets users, factors and faults; the clock keeps its time (it never goes back). */
  reset(): void {
    this.store.clear();
    this.faults.clear();
  }
}
