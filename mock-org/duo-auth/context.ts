import type { VirtualClock } from '../core/clock.js';
import type { OrgScope } from '../core/org-state.js';
import type { Outbox } from '../core/outbox.js';
import type { WindowThrottle } from '../core/throttle.js';
import type { DuoAuthFaultId } from './faults.js';

/** What the Duo mock sees of its org: the shared clock, faults, outbox, state scope and throttles. */
export interface DuoOrg {
  readonly clock: VirtualClock;
  readonly faults: { has(id: DuoAuthFaultId): boolean };
  readonly outbox: Outbox;
  readonly scope: OrgScope;
  throttle(name: string, limit: number, windowMs: number): WindowThrottle;
}
