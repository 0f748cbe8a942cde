import { expectTypeOf, test } from 'vitest';
import type { ClockCapability, DriverWith, OutboxCapability } from '../../drivers/contract.js';
import { check, type CheckContext } from '../../suites/support/check.js';

/** What a check declares in `needs` is what its body may call (checked by the type-checker). */

test('a check that needs nothing sees every capability as optional', () => {
  expectTypeOf<CheckContext['driver']['clock']>().toEqualTypeOf<ClockCapability | undefined>();
});

test("a check that needs 'clock' sees the clock present, and nothing else", () => {
  expectTypeOf<CheckContext<'clock'>['driver']['clock']>().toEqualTypeOf<ClockCapability>();
  expectTypeOf<CheckContext<'clock'>['driver']['outbox']>().toEqualTypeOf<OutboxCapability | undefined>();
});

test('several needs: each is present', () => {
  expectTypeOf<DriverWith<'clock' | 'outbox'>['outbox']>().toEqualTypeOf<OutboxCapability>();
  expectTypeOf<DriverWith<'clock' | 'outbox'>['clock']>().toEqualTypeOf<ClockCapability>();
});

/** Never called (it would declare checks): the type-checker reads it. `needs` is inferred from the options. */
export function declaredNeedsOnly(): void {
  check('FACTORS.TOTP.VERIFY.REPLAY', 'declares the clock', async ({ driver }) => driver.clock.advance(1), { needs: ['clock'] });
  // @ts-expect-error the outbox was not declared
  check('FACTORS.TOTP.VERIFY.REPLAY', 'uses the outbox undeclared', async ({ driver }) => void (await driver.outbox.messages('u')), { needs: ['clock'] });
}
