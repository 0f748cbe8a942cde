import { randomBytes } from 'node:crypto';
import type { ApiResponse, ClockCapability } from '../../../drivers/contract.js';
import type { DuoApiClient, DuoEnvelope } from '../../../drivers/duo/client.js';
import type { DuoFixtures, DuoTestUser } from '../../../drivers/duo/fixtures.js';
import type { RequirementId } from '../../../requirements/index.js';
import type { SchemaRef } from '../../../schemas/index.js';
import { HotpGenerator } from '../../../virtual-authenticators/index.js';
import { expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { CheckFailure } from '../../support/failure.js';
import { given } from '../../support/given.js';

/** A successful Duo call: 200, the OK envelope, and `response` valid against `schema`. */
export function expectDuoOk<T>(res: ApiResponse<DuoEnvelope<T>>, schema?: SchemaRef): T {
  expectStatus(res, 200);
  expectSchema('duo-auth/envelope#ok', res.body);
  if (schema) expectSchema(schema, res.body.response);
  return res.body.response as T;
}

/** A Duo refusal: the status, the FAIL envelope, and one of the accepted codes (message wording is free). */
export function expectDuoError(res: ApiResponse<DuoEnvelope>, status: number, codes: number | number[]): DuoEnvelope {
  expectStatus(res, status);
  expectSchema('duo-auth/envelope#fail', res.body);
  const accepted = [codes].flat();
  if (!accepted.includes(res.body.code ?? -1)) {
    throw new CheckFailure('error-code', `code ${res.body.code}, expected ${accepted.join(' or ')} (${res.body.message ?? ''})`, accepted.length === 1 ? accepted[0] : accepted, res.body.code);
  }
  return res.body;
}

/** A fresh hex secret and the virtual hardware token that shows its codes. */
export function newHardwareToken(register: (secret: string) => void): { secretHex: string; token: HotpGenerator; serial: string } {
  const secretHex = randomBytes(20).toString('hex');
  register(secretHex);
  return { secretHex, token: new HotpGenerator({ secret: secretHex, encoding: 'hex' }), serial: `mfa-${randomBytes(5).toString('hex')}` };
}

export interface LogEntry {
  txid: string;
  timestamp: number;
  factor: string;
  result: string;
  reason: string | null;
  user: { key?: string; name: string };
}

/**
 * The authentication log's entries for a user, read as Duo serves them: entries appear two minutes after the
 * attempt and the log may be read twice a minute, so the target's clock moves past both first.
 */
export async function logEntriesOf(duo: DuoApiClient, clock: ClockCapability, username: string): Promise<LogEntry[]> {
  await clock.advance(125_000);
  const now = await clock.now();
  const res = await duo.admin<{ authlogs: LogEntry[] }>('GET', '/admin/v2/logs/authentication', { mintime: now - 3_600_000, maxtime: now, limit: 1000 });
  const body = expectDuoOk(res, 'duo-auth/auth-log#response');
  return body.authlogs.filter((entry) => entry.user.name === username);
}

/** The log holds exactly one entry for the user with this factor, result and reason (case of result is free, D10). */
export function expectLogged(entries: readonly LogEntry[], expected: { factor: string; result: string; reason: string }): void {
  const match = entries.filter((e) => e.factor === expected.factor && e.result.toLowerCase() === expected.result && e.reason === expected.reason);
  if (match.length === 1) return;
  const seen = entries.map((e) => `${e.factor}/${e.result}/${e.reason}`);
  throw new CheckFailure('state', `authentication log: expected one ${expected.factor}/${expected.result}/${expected.reason}, found ${seen.join(', ') || 'no entry'}`, expected, seen);
}

/** A user of the run's own with a phone (a number, Duo Mobile activated through the virtual app when `activate`). */
export async function userWithPhone(
  duo: DuoApiClient,
  fixtures: DuoFixtures,
  options: { activate?: (activationUrl: string) => Promise<string>; by: RequirementId },
): Promise<{ user: DuoTestUser; phoneId: string }> {
  return given('a user with a phone', async () => {
    const user = await fixtures.createUser();
    const phone = await fixtures.createPhone({ number: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, type: 'Mobile', platform: 'Apple iOS' });
    await duo.ok({ method: 'POST', path: `/admin/v1/users/${user.user_id}/phones`, integration: 'admin', params: { phone_id: phone.phone_id } });
    if (options.activate) {
      const activation = await duo.ok<{ activation_url: string }>({ method: 'POST', path: `/admin/v1/phones/${phone.phone_id}/activation_url`, integration: 'admin' });
      await options.activate(activation.activation_url);
    }
    return { user, phoneId: phone.phone_id };
  }, { by: options.by });
}

/** A user of the run's own with an HOTP hardware token (h6) associated. */
export async function userWithToken(duo: DuoApiClient, fixtures: DuoFixtures, register: (secret: string) => void, by: RequirementId) {
  return given('a user with a hardware token', async () => {
    const user = await fixtures.createUser();
    const hardware = newHardwareToken(register);
    const token = await fixtures.createToken({ type: 'h6', serial: hardware.serial, secret: hardware.secretHex });
    await duo.ok({ method: 'POST', path: `/admin/v1/users/${user.user_id}/tokens`, integration: 'admin', params: { token_id: token.token_id } });
    return { user, tokenId: token.token_id, token: hardware.token };
  }, { by });
}

/** /auth with a passcode, synchronously; the passcode is registered as a secret first. */
export async function authPasscode(duo: DuoApiClient, register: (secret: string) => void, username: string, passcode: string) {
  register(passcode);
  return duo.auth<{ result: string; status: string; status_msg: string }>('POST', '/auth/v2/auth', { username, factor: 'passcode', passcode });
}

export function expectResult(what: string, actual: { result?: string; status?: string } | undefined, result: string, status?: string): void {
  expectState(`${what}: result`, actual?.result, result);
  if (status !== undefined) expectState(`${what}: status`, actual?.status, status);
}
