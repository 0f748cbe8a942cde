import { expect, test } from 'vitest';
import { CheckFailure, failureKindOf } from '../../suites/support/failure.js';
import { given, PreconditionFailed } from '../../suites/support/given.js';
import { OrgWideChangeRefused } from '../../drivers/check-scope.js';

test('given returns what its step returns', async () => {
  expect(await given('a value', () => 42)).toBe(42);
  expect(await given('a promised value', async () => 'ok', { by: 'FACTORS.TOTP.ENROLL.PENDING' })).toBe('ok');
});

test('a failing step becomes PreconditionFailed naming the precondition, the requirement and the cause', async () => {
  const cause = new CheckFailure('status', 'HTTP 500, expected 200', 200, 500);
  const error = await given('an enrolled factor', () => Promise.reject(cause), { by: 'FACTORS.TOTP.ENROLL.PENDING' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PreconditionFailed);
  expect(error).toMatchObject({ precondition: 'an enrolled factor', by: 'FACTORS.TOTP.ENROLL.PENDING', cause });
  expect((error as Error).message).toBe("precondition 'an enrolled factor' failed: HTTP 500, expected 200");
});

test('nested preconditions keep the innermost failure, which names the most precise cause', async () => {
  const error = await given('an active factor', () => given('an enrolled factor', () => { throw new Error('boom'); }, { by: 'FACTORS.TOTP.ENROLL.PENDING' }), { by: 'FACTORS.TOTP.ACTIVATE.GOOD_CODE' }).catch(
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ precondition: 'an enrolled factor', by: 'FACTORS.TOTP.ENROLL.PENDING' });
});

test('an org-wide change refused in a precondition is not a BLOCKED precondition: it reaches the check as it is', async () => {
  const refused = new OrgWideChangeRefused('clock.advance');
  const error = await given('an expired transaction', () => Promise.reject(refused)).catch((e: unknown) => e);
  expect(error).toBe(refused);
});

test('failure kinds: typed failures say theirs, assertions are assertion, anything else error', () => {
  expect(failureKindOf(new CheckFailure('error-code', 'm', 'E0000068', 'E0000001'))).toBe('error-code');
  let assertion: unknown;
  try {
    expect(1).toBe(2);
  } catch (error) {
    assertion = error;
  }
  expect(failureKindOf(assertion)).toBe('assertion');
  expect(failureKindOf(new TypeError('x is undefined'))).toBe('error');
  expect(failureKindOf('a string')).toBe('error');
});
