import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CheckLocal, inCheckScope, orgWideChange, OrgWideChangeRefused, orgWideWait, outsideChecks } from '../../drivers/check-scope.js';
import type { HttpExchange } from '../../drivers/exchange.js';
import type { HttpDriver } from '../../drivers/http-driver.js';
import { connectMockDriver } from '../../drivers/mock/driver.js';
import { OrgLock } from '../../drivers/org-lock.js';

/**
 * Checks of a file may run concurrently against one org: each holds shared use of it, or exclusive use when it
 * changes what every check sees (the clock, a policy). The drivers refuse such a change in a check that holds
 * only shared use, so a check that forgot to declare it fails in every run, concurrent or not.
 */

/** Lets every queued promise callback run (the lock grants on release, through promise resolution). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('OrgLock', () => {
  test('shared uses run together; an exclusive use waits until it is alone and keeps later uses out', async () => {
    const lock = new OrgLock();
    const events: string[] = [];
    const a = await lock.acquire('shared');
    const b = await lock.acquire('shared');
    const exclusive = lock.acquire('exclusive').then((release) => (events.push('exclusive'), release));
    const later = lock.acquire('shared').then((release) => (events.push('later shared'), release));
    await settle();
    expect(events).toEqual([]);
    a();
    await settle();
    expect(events).toEqual([]);
    b();
    await settle();
    expect(events).toEqual(['exclusive']);
    (await exclusive)();
    await settle();
    expect(events).toEqual(['exclusive', 'later shared']);
    (await later)();
  });

  test('a release called twice releases once', async () => {
    const lock = new OrgLock();
    const a = await lock.acquire('shared');
    const b = await lock.acquire('shared');
    let granted = false;
    const exclusive = lock.acquire('exclusive').then((release) => ((granted = true), release));
    a();
    a();
    await settle();
    expect(granted).toBe(false);
    b();
    (await exclusive)();
  });

  test('a change half-way through a shared use waits for the other shared uses to end or wait too', async () => {
    const lock = new OrgLock();
    const a = await lock.acquire('shared');
    const b = await lock.acquire('shared');
    const changes: string[] = [];
    const byA = lock.whileOthersWait(async () => {
      changes.push('a');
    });
    await settle();
    expect(changes).toEqual([]);
    // no new use is granted while a change is pending
    let granted = false;
    const newcomer = lock.acquire('shared').then((release) => ((granted = true), release));
    // b waits too: now every holder waits, and one makes its change (b, which found them all waiting)
    const byB = lock.whileOthersWait(async () => {
      changes.push('b');
    });
    await byB;
    expect(changes).toEqual(['b']);
    // b goes on with its check: a's change waits until b ends (or waits again)
    await settle();
    expect(changes).toEqual(['b']);
    expect(granted).toBe(false);
    b();
    await byA;
    expect(changes).toEqual(['b', 'a']);
    await settle();
    expect(granted).toBe(true);
    a();
    (await newcomer)();
  });
});

describe('org-wide changes through the driver', () => {
  let driver: HttpDriver;
  beforeAll(async () => {
    driver = await connectMockDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  test('a check holding shared use of the org may not move the clock or change a policy', async () => {
    const clock = driver.clock!;
    const policy = driver.policy!;
    const before = await clock.now();
    await expect(inCheckScope('shared', new Set(), () => clock.advance(60_000))).rejects.toThrow(OrgWideChangeRefused);
    await expect(inCheckScope('shared', new Set(), () => clock.advance(60_000))).rejects.toThrow(/clock\.advance changes org-wide state/);
    await expect(inCheckScope('shared', new Set(), () => policy.setSignOnPolicy({ mfa: 'REQUIRED' }))).rejects.toThrow(OrgWideChangeRefused);
    // the org's clock runs with real time: it was not moved by a minute
    expect(await clock.now()).toBeLessThan(before + 60_000);
    // reading is not a change
    await expect(inCheckScope('shared', new Set(), () => clock.now())).resolves.toBeLessThan(before + 60_000);
  });

  test('a check holding exclusive use may, and so may set-up outside any check', async () => {
    const clock = driver.clock!;
    const before = await clock.now();
    await inCheckScope('exclusive', new Set(), () => clock.advance(60_000));
    await clock.advance(1_000);
    expect(await clock.now()).toBeGreaterThanOrEqual(before + 61_000);
    await expect(orgWideChange('a test change', async () => 'made')).resolves.toBe('made');
    // a rate-limit wait half-way through a shared check is made while the others wait, as an exclusive change
    await expect(inCheckScope('shared', new Set(), () => orgWideWait(() => clock.advance(1_000)))).resolves.toBeUndefined();
  });

  test('outside any check, a rate-limit wait that moves the clock (a change within a change) is made, not left waiting for itself', async () => {
    const clock = driver.clock!;
    const before = await clock.now();
    // set-up outside any check hits a rate-limit window: the wait holds the org and moves the clock inside it
    await orgWideWait(() => clock.advance(2_000));
    expect(await clock.now()).toBeGreaterThanOrEqual(before + 2_000);
    // and the org is free again for a check
    await expect(inCheckScope('exclusive', new Set(), () => clock.advance(1_000))).resolves.toBeUndefined();
  });

  test("each check's exchanges are its own, however its requests interleave with another's", async () => {
    const mine = new Set<HttpExchange>();
    const theirs = new Set<HttpExchange>();
    const requests = (n: number) => Promise.all(Array.from({ length: n }, () => driver.api.get('/api/v1/meta/schemas/user/default')));
    await Promise.all([inCheckScope('shared', mine, () => requests(3)), inCheckScope('shared', theirs, () => requests(2))]);
    expect(mine.size).toBe(3);
    expect(theirs.size).toBe(2);
    expect([...mine].some((exchange) => theirs.has(exchange))).toBe(false);
  });

  test('a check run alone (no async context) records its own exchanges and is held to its use of the org the same', async () => {
    const clock = driver.clock!;
    const mine = new Set<HttpExchange>();
    await inCheckScope('shared', mine, () => driver.api.get('/api/v1/meta/schemas/user/default'), true);
    expect(mine.size).toBe(1);
    await expect(inCheckScope('shared', new Set(), () => clock.advance(1_000), true)).rejects.toThrow(OrgWideChangeRefused);
    await expect(inCheckScope('exclusive', new Set(), () => clock.advance(1_000), true)).resolves.toBeUndefined();
    // a rate-limit wait half-way through it is made as an exclusive change, and the check is shared again after it
    await expect(inCheckScope('shared', new Set(), async () => {
      await orgWideWait(() => clock.advance(1_000));
      await clock.advance(1_000);
    }, true)).rejects.toThrow(OrgWideChangeRefused);
    // outside it, no check: the request is nobody's
    const before = mine.size;
    await driver.api.get('/api/v1/meta/schemas/user/default');
    expect(mine.size).toBe(before);
  });

  test('a check entering while one said to run alone still runs (vitest gave up on it) is kept apart from it', async () => {
    const mine = new Set<HttpExchange>();
    const theirs = new Set<HttpExchange>();
    const requests = (n: number) => Promise.all(Array.from({ length: n }, () => driver.api.get('/api/v1/meta/schemas/user/default')));
    await Promise.all([inCheckScope('shared', mine, () => requests(3), true), inCheckScope('shared', theirs, () => requests(2), true)]);
    expect(mine.size).toBe(3);
    expect(theirs.size).toBe(2);
  });

  test('a hook while a check vitest timed out still runs alone is no check\'s: its change waits for that check\'s exclusive use, its requests are not that check\'s', async () => {
    const clock = driver.clock!;
    const theirs = new Set<HttpExchange>();
    const events: string[] = [];
    let finish = () => {};
    const timedOut = inCheckScope('exclusive', theirs, () => new Promise<void>((resolve) => (finish = resolve)).then(() => void events.push('timed-out check ends')), true);
    await settle();
    const hook = outsideChecks(async () => {
      await driver.api.get('/api/v1/meta/schemas/user/default');
      await orgWideChange('a hook moving the clock', () => clock.advance(1_000));
      events.push('hook change made');
    });
    await settle();
    await settle();
    expect(events, 'the hook waits for the exclusive use the check still holds').toEqual([]);
    finish();
    await Promise.all([timedOut, hook]);
    expect(events).toEqual(['timed-out check ends', 'hook change made']);
    expect(theirs.size, "the hook's request is not the check's").toBe(0);
  });
});

describe('CheckLocal', () => {
  test('the running check\'s value, alone or carried through its awaits, and none outside', async () => {
    const local = new CheckLocal<string>();
    const seen: (string | undefined)[] = [];
    const body = (name: string) => async () => {
      await settle();
      seen.push(`${name}:${local.get()}`);
      await local.within(`${name}'`, async () => {
        await settle();
        seen.push(`${name}:${local.get()}`);
      });
      seen.push(`${name}:${local.get()}`);
    };
    await local.run('a', true, body('a'));
    expect(local.get()).toBeUndefined();
    await Promise.all([local.run('b', false, body('b')), local.run('c', false, body('c'))]);
    // one said to run alone, and another entering meanwhile
    await Promise.all([local.run('d', true, body('d')), local.run('e', true, body('e'))]);
    expect(local.get()).toBeUndefined();
    expect(seen.sort()).toEqual(["a:a", "a:a", "a:a'", 'b:b', 'b:b', "b:b'", 'c:c', 'c:c', "c:c'", 'd:d', 'd:d', "d:d'", 'e:e', 'e:e', "e:e'"].sort());
  });
});
