/**
 * The check running in this async context, as the driver sees it: which use of the org it holds and the HTTP
 * exchanges it sent. Checks of one suite file may run concurrently against one org: each check's own context then
 * follows its awaits (AsyncLocalStorage); a check that runs alone keeps it in a plain slot (CheckLocal).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { HttpExchange } from './exchange.js';
import { OrgLock, type OrgUse } from './org-lock.js';

interface CheckScope {
  readonly use: OrgUse;
  /** The exchanges recorded in the check's own async context (by any client of its driver). */
  readonly recorded: Set<HttpExchange>;
}

/** What a hook's async context carries: no check (CheckLocal.outside). */
const NO_CHECK: unique symbol = Symbol('no check');

/**
 * A value of the running check (its scope, its test context), found from anywhere in its body.
 *
 * Checks that may run concurrently each carry theirs through their awaits in an AsyncLocalStorage. But on Node 20 an
 * AsyncLocalStorage, once run, turns on promise hooks for every promise of the thread for good (measured on the whole
 * suite against the embedded mock, where checks run one at a time: ~1.2-1.8 s of ~10-11 s CPU). A check that runs
 * alone (vitest runs it with no other test of its worker at once) keeps its value in a plain slot instead, exact
 * there: nothing else runs then. A second check entering while the slot is taken (a check vitest gave up waiting
 * for, still running) is carried by the AsyncLocalStorage, which is read first. One thing the slot cannot follow: work
 * a check starts and does not await, finishing after the check has ended, reads whatever check runs then (no suite
 * leaves such work behind; a check must await what it starts).
 */
export class CheckLocal<T> {
  readonly #carried = new AsyncLocalStorage<T | typeof NO_CHECK>();
  #alone: T | undefined;

  /** The running check's value (undefined outside any check). */
  get(): T | undefined {
    const carried = this.#carried.getStore();
    return carried === NO_CHECK ? undefined : (carried ?? this.#alone);
  }

  /**
   * Runs `body`, which is no check's (a hook: connecting, closing), as such. The slot may still hold a check vitest
   * gave up on (timed out) whose body runs on: the hook is then carried as no check's, or it would pass for that one
   * (its requests recorded as the check's, its org-wide changes made under the check's exclusive use, without the
   * lock). Nothing to do otherwise, so a run with no timed-out check turns no promise hooks on.
   */
  async outside<R>(body: () => Promise<R>): Promise<R> {
    if (this.#alone === undefined) return body();
    return this.#carried.run(NO_CHECK, body);
  }

  /** Runs `body` with `value` as its check's; `alone`: no other check runs meanwhile (vitest runs it on its own). */
  async run<R>(value: T, alone: boolean, body: () => Promise<R>): Promise<R> {
    if (!alone || this.#alone !== undefined || this.#carried.getStore() !== undefined) return this.#carried.run(value, body);
    this.#alone = value;
    try {
      return await body();
    } finally {
      this.#alone = undefined;
    }
  }

  /** Runs `body`, part of the running check, with `value` in place of the check's own, kept where the check's is. */
  async within<R>(value: T, body: () => Promise<R>): Promise<R> {
    const own = this.#alone;
    if (own === undefined || this.#carried.getStore() !== undefined) return this.#carried.run(value, body);
    this.#alone = value;
    try {
      return await body();
    } finally {
      this.#alone = own;
    }
  }
}

const scopes = new CheckLocal<CheckScope>();

/** Runs a hook's `body` as no check's, whatever check a timed-out test left running (CheckLocal.outside). */
export function outsideChecks<R>(body: () => Promise<R>): Promise<R> {
  return scopes.outside(body);
}

/**
 * The org this worker's checks use. A worker runs one suite file at a time, and each file one driver: against a
 * single-org target files take turns, so one lock per worker is one lock per org.
 */
const orgLock = new OrgLock();

/** A change to org-wide state made in a check that holds only shared use of the org. */
export class OrgWideChangeRefused extends Error {
  constructor(readonly change: string) {
    super(
      `${change} changes org-wide state that concurrent checks would see: the check must hold exclusive use of the org ` +
        `(declare it: needs: ['clock'] or ['policy'], or exclusive: '<why>')`,
    );
    this.name = 'OrgWideChangeRefused';
  }
}

/**
 * Runs a check's body holding `use` of the org (waiting for it first). `recorded` receives every exchange its
 * requests make, as they are recorded (so also when the body throws). `alone`: no other check of the worker runs
 * meanwhile (vitest runs it on its own), so its scope needs no AsyncLocalStorage (CheckLocal).
 */
export async function inCheckScope<T>(use: OrgUse, recorded: Set<HttpExchange>, body: () => Promise<T>, alone = false): Promise<T> {
  const release = await orgLock.acquire(use);
  try {
    return await scopes.run({ use, recorded }, alone, body);
  } finally {
    release();
  }
}

/** Records an exchange as the running check's own (none outside a check: connecting, hooks). */
export function recordForCheck(exchange: HttpExchange): void {
  scopes.get()?.recorded.add(exchange);
}

/**
 * Makes an org-wide change (moving the clock, setting a policy): in a check only when it holds exclusive use of
 * the org, else refused loudly; outside any check (a hook, set-up) alone for the change itself.
 */
export async function orgWideChange<T>(change: string, make: () => Promise<T>): Promise<T> {
  const scope = scopes.get();
  if (scope?.use === 'shared') throw new OrgWideChangeRefused(change);
  if (scope?.use === 'exclusive') return make();
  const release = await orgLock.acquire('exclusive');
  try {
    // Held exclusively for the change: a change it makes in turn (a rate-limit wait moves the clock) runs inside it,
    // rather than waiting for the lock it holds. Its exchanges belong to no check. Carried through its awaits (not
    // alone): set-up code may make several at once, each of which must wait for the org. The suites make none
    // outside a check today; one would turn the thread's promise hooks on for the rest of the run (CheckLocal).
    return await scopes.run({ use: 'exclusive', recorded: new Set() }, false, make);
  } finally {
    release();
  }
}

/**
 * A wait that moves the org's clock half-way through a check (a rate-limit window on a target with a clock): made
 * when every other running check has ended or waits too, so that none sees the clock move unless it is waiting.
 */
export async function orgWideWait<T>(make: () => Promise<T>): Promise<T> {
  const scope = scopes.get();
  if (scope?.use !== 'shared') return orgWideChange('a rate-limit wait', make);
  return orgLock.whileOthersWait(() => scopes.within({ ...scope, use: 'exclusive' }, make));
}
