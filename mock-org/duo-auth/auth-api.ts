import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import {
  DUO_ACCOUNT,
  duoId,
  newActivationCode,
  newTxid,
  type DuoAccount,
  type DuoLogFactor,
  type DuoPhone,
  type DuoTransaction,
  type DuoUser,
} from './account.js';
import { logAttempt } from './auth-log.js';
import type { DuoOrg } from './context.js';
import { HOTP_LOOK_AHEAD, hotpCode, maskedNumber, phoneCapabilities, tokenDigits, userPhones, userTokens } from './devices.js';
import { internalError, invalidParameter, missingParameter, notFound } from './errors.js';
import { DuoParams } from './params.js';
import { ok } from './reply.js';

/** A push or phone call ends as a timeout 60 s after it was sent (D8). */
const PUSH_TIMEOUT_MS = 60_000;
/** Consecutive failures that lock a user out (Duo's default, spec §3.5). */
const LOCKOUT_THRESHOLD = 10;
/** Enrollment activation codes live a day unless told otherwise. */
const DEFAULT_VALID_SECS = 86_400;

/** A 1×1 PNG: the account logo. */
const LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The Duo API host a request was addressed to (its Host header, without the port). */
export function apiHost(request: FastifyRequest): string {
  return String(request.headers.host ?? 'api-mock.duo.test').toLowerCase().replace(/:\d+$/, '');
}

/** Auth API v2 (spec §3). */
export function registerAuthApiRoutes(app: Routes, org: DuoOrg): void {
  const account = () => DUO_ACCOUNT.of(org.scope);
  const seconds = () => {
    const now = org.clock.now();
    return org.faults.has('duo-auth.ping-time-ms') ? now : Math.floor(now / 1000);
  };

  app.get('/auth/v2/ping', async (_request, reply) => ok(reply, { time: seconds() }));
  app.get('/auth/v2/check', async (_request, reply) => ok(reply, { time: seconds() }));

  app.get('/auth/v2/logo', async (_request, reply) =>
    reply.code(200).header('content-type', org.faults.has('duo-auth.logo-as-json') ? 'application/json' : 'image/png').send(LOGO),
  );

  app.post('/auth/v2/enroll', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const username = params.optional('username') || `user-${randomInt(1e9)}`;
    const validSecs = params.integer('valid_secs', DEFAULT_VALID_SECS, 1, 365 * 86_400);
    const existing = duo.userByName(username);
    if (existing && !org.faults.has('duo-auth.enroll-duplicate-accepted')) throw invalidParameter('username');
    if (existing) duo.users.delete(existing.user_id);
    const user = newUser(org, username);
    const phone = newPhone({ platform: 'Generic Smartphone', type: 'Mobile' });
    const code = newActivationCode();
    const expiresAtMs = org.clock.now() + validSecs * 1000;
    phone.activation = { code, expiresAtMs };
    phone.userIds.push(user.user_id);
    user.phoneIds.push(phone.phone_id);
    if (!org.faults.has('duo-auth.enroll-user-not-stored')) {
      duo.users.set(user.user_id, user);
      duo.phones.set(phone.phone_id, phone);
    }
    const host = apiHost(request);
    return ok(reply, {
      activation_barcode: `https://${host}/frame/qr?value=${encodeURIComponent(`duo://${code}`)}`,
      activation_code: `duo://${code}`,
      activation_url: `https://${host.replace(/^api-/, 'm-')}/iphone/${code}`,
      expiration: Math.floor(expiresAtMs / 1000),
      user_id: user.user_id,
      username: user.username,
    });
  });

  app.post('/auth/v2/enroll_status', async (request, reply) => {
    const params = DuoParams.of(request);
    const userId = params.required('user_id');
    const code = params.required('activation_code').replace(/^duo:\/\//, '');
    const duo = account();
    const claimedBy = duo.claimed.get(code);
    if (claimedBy !== undefined) return ok(reply, claimedBy === userId && !org.faults.has('duo-auth.enroll-status-always-waiting') ? 'success' : 'invalid');
    const user = duo.users.get(userId);
    const pending = user && userPhones(duo, user).find((p) => p.activation?.code === code && p.activation.expiresAtMs > org.clock.now());
    return ok(reply, pending ? 'waiting' : 'invalid');
  });

  app.post('/auth/v2/preauth', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const user = lookUpUser(org, duo, params, { unknownIsNull: true });
    if (!user || (user.phoneIds.length === 0 && user.tokenIds.length === 0)) {
      if (!user && org.faults.has('duo-auth.preauth-unknown-user-deny')) return ok(reply, { result: 'deny', status_msg: 'Access denied' });
      return ok(reply, {
        result: 'enroll',
        status_msg: 'Enroll an authentication device to proceed',
        enroll_portal_url: `https://${apiHost(request)}/portal?code=${newActivationCode()}`,
      });
    }
    const ignoreStatus = org.faults.has('duo-auth.preauth-ignores-status');
    if (user.status === 'bypass' && !ignoreStatus) return ok(reply, { result: 'allow', status_msg: 'Allowing unknown user' });
    if ((user.status === 'disabled' || user.status === 'locked out') && !ignoreStatus) return ok(reply, { result: 'deny', status_msg: 'Your account is disabled.' });
    return ok(reply, { result: 'auth', status_msg: 'Account is active', devices: devicesOf(org, duo, user) });
  });

  app.post('/auth/v2/auth', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const user = lookUpUser(org, duo, params, { unknownIsNull: false });
    if (!user) throw invalidParameter('username');
    const factor = params.required('factor');
    if (!['auto', 'push', 'passcode', 'sms', 'phone'].includes(factor)) throw invalidParameter('factor');
    const isAsync = params.flag('async');
    const ipaddr = params.optional('ipaddr') ?? '';
    const logFactor: DuoLogFactor = factor === 'push' ? 'duo_push' : factor === 'phone' ? 'phone_call' : factor === 'sms' ? 'sms_passcode' : factor === 'passcode' ? 'passcode' : 'not_available';

    // The user's status decides before any factor does (spec §3.5).
    const refusal = statusRefusal(user);
    if (refusal) {
      const txid = newTxid();
      logAttempt(org, duo, { txid, user_id: user.user_id, username: user.username, factor: refusal.result === 'allow' ? 'not_available' : logFactor, result: refusal.result === 'allow' ? 'success' : 'denied', reason: refusal.reason, ipaddr, device: '' });
      const answer = { result: refusal.result, status: refusal.status, status_msg: refusal.status_msg };
      return ok(reply, isAsync ? { txid: settledTransaction(duo, user, txid, answer).txid } : answer);
    }

    if (factor === 'passcode') {
      const answer = checkPasscode(org, duo, user, params.required('passcode'), ipaddr);
      if (!isAsync) return ok(reply, answer);
      return ok(reply, { txid: settledTransaction(duo, user, newTxid(), answer).txid });
    }

    const deviceParam = params.optional('device') ?? 'auto';
    if (factor === 'sms') {
      const phone = capableDevice(org, duo, user, deviceParam, 'sms');
      sendSmsPasscodes(org, user, phone);
      const answer = { result: 'deny', status: 'sent', status_msg: 'New SMS passcodes sent.' };
      return ok(reply, isAsync ? { txid: settledTransaction(duo, user, newTxid(), answer).txid } : answer);
    }

    const wanted = factor === 'auto' ? (devicesOf(org, duo, user).some((d) => d.capabilities?.includes('push')) ? 'push' : 'phone') : factor;
    const phone = capableDevice(org, duo, user, deviceParam, wanted === 'push' ? 'push' : 'phone');
    const tx = openTransaction(org, duo, user, phone, wanted === 'push' ? 'duo_push' : 'phone_call', ipaddr);
    if (isAsync) return ok(reply, { txid: tx.txid });
    await tx.settled;
    return ok(reply, statusOf(org, duo, tx));
  });

  app.get('/auth/v2/auth_status', async (request, reply) => {
    const params = DuoParams.of(request);
    const txid = params.required('txid');
    const tx = account().transactions.get(txid);
    if (!tx) {
      if (org.faults.has('duo-auth.unknown-txid-waiting')) return ok(reply, { result: 'waiting', status: 'pushed', status_msg: 'Pushed a login request to your device...' });
      throw invalidParameter('txid');
    }
    return ok(reply, statusOf(org, account(), tx));
  });
}

/** Exactly one of username and user_id names the user (spec §3.2); an unknown one is null or 40002. */
function lookUpUser(org: DuoOrg, duo: DuoAccount, params: DuoParams, options: { unknownIsNull: boolean }): DuoUser | null {
  const username = params.optional('username');
  const userId = params.optional('user_id');
  if (username === undefined && userId === undefined) {
    if (org.faults.has('duo-auth.missing-user-500')) throw internalError();
    throw missingParameter('username');
  }
  if (username !== undefined && userId !== undefined) throw invalidParameter('user_id');
  const user = userId !== undefined ? duo.users.get(userId) : duo.userByName(username ?? '');
  if (!user && !options.unknownIsNull) throw invalidParameter(userId !== undefined ? 'user_id' : 'username');
  return user ?? null;
}

function statusRefusal(user: DuoUser): { result: 'allow' | 'deny'; status: string; status_msg: string; reason: string } | undefined {
  switch (user.status) {
    case 'bypass':
      return { result: 'allow', status: 'bypass', status_msg: 'Allowing unknown user', reason: 'bypass_user' };
    case 'disabled':
      return { result: 'deny', status: 'deny', status_msg: 'Your account is disabled.', reason: 'user_disabled' };
    case 'locked out':
      return { result: 'deny', status: 'locked_out', status_msg: 'Your account is locked out.', reason: 'locked_out' };
    default:
      return undefined;
  }
}

function devicesOf(org: DuoOrg, duo: DuoAccount, user: DuoUser): { device: string; capabilities?: string[] }[] {
  const phones = userPhones(duo, user).map((phone) => ({
    device: phone.phone_id,
    type: 'phone',
    name: phone.name,
    display_name: `${phone.name || phone.platform}${phone.number ? ` (${maskedNumber(phone.number)})` : ''}`,
    number: maskedNumber(phone.number),
    ...(org.faults.has('duo-auth.preauth-no-capabilities') ? {} : { capabilities: phoneCapabilities(phone) }),
    ...(phone.smsPasscodes[0] ? { sms_nextcode: phone.smsPasscodes[0].charAt(0) } : {}),
  }));
  // Token entries carry no `capabilities` at all in real responses (spec §3.2).
  const tokens = userTokens(duo, user).map((token) => ({ device: token.token_id, type: 'token', name: token.serial, display_name: `Token (${token.serial})`, number: '' }));
  return [...phones, ...tokens];
}

/** The user's phone named by `device` (or the first fit for `auto`) that can do `capability`, else 400 40002 (D7). */
function capableDevice(org: DuoOrg, duo: DuoAccount, user: DuoUser, device: string, capability: 'push' | 'sms' | 'phone'): DuoPhone {
  const anyDevice = capability === 'push' && org.faults.has('duo-auth.push-to-any-device');
  const phones = userPhones(duo, user).filter((p) => device === 'auto' || p.phone_id === device);
  const phone = phones.find((p) => anyDevice || phoneCapabilities(p).includes(capability));
  if (!phone) throw invalidParameter('no capable device');
  return phone;
}

function openTransaction(org: DuoOrg, duo: DuoAccount, user: DuoUser, phone: DuoPhone, factor: DuoTransaction['factor'], ipaddr: string): DuoTransaction {
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const tx: DuoTransaction = {
    txid: newTxid(),
    user_id: user.user_id,
    device: phone.phone_id,
    factor,
    ipaddr,
    ...(factor === 'duo_push'
      ? { status: 'pushed', status_msg: 'Pushed a login request to your device...' }
      : { status: 'calling', status_msg: `Dialing ${maskedNumber(phone.number)}...` }),
    result: org.faults.has('duo-auth.push-allow-before-answer') ? 'allow' : 'waiting',
    expiresAtMs: org.clock.now() + PUSH_TIMEOUT_MS,
    settled,
    settle,
  };
  duo.transactions.set(tx.txid, tx);
  return tx;
}

/** An async transaction that ended at once (passcode, sms, a status refusal): auth_status answers its outcome. */
function settledTransaction(duo: DuoAccount, user: DuoUser, txid: string, answer: { result: string; status: string; status_msg: string }): DuoTransaction {
  const tx: DuoTransaction = {
    txid,
    user_id: user.user_id,
    device: '',
    factor: 'duo_push',
    ipaddr: '',
    result: answer.result === 'allow' ? 'allow' : 'deny',
    status: answer.status,
    status_msg: answer.status_msg,
    expiresAtMs: Number.POSITIVE_INFINITY,
    settled: Promise.resolve(),
    settle: () => {},
  };
  duo.transactions.set(txid, tx);
  return tx;
}

/** auth_status: what the transaction says now; a waiting one past its time ends as a timeout first. */
function statusOf(org: DuoOrg, duo: DuoAccount, tx: DuoTransaction): { result: string; status: string; status_msg: string } {
  expireTransaction(org, duo, tx);
  return { result: tx.result, status: tx.status, status_msg: tx.status_msg };
}

/** Ends a waiting transaction whose 60 s are over (D8: terminal timeout is `deny`). */
export function expireTransaction(org: DuoOrg, duo: DuoAccount, tx: DuoTransaction): void {
  if (tx.result !== 'waiting' || org.clock.now() < tx.expiresAtMs || org.faults.has('duo-auth.push-never-times-out')) return;
  finish(org, duo, tx, { result: 'deny', status: 'timeout', status_msg: 'Login timed out.' }, { result: 'denied', reason: 'no_response' });
}

export type DuoMobileAction = 'approve' | 'deny' | 'fraud' | 'ignore';

/** The user's answer on their phone (the control protocol's virtual Duo Mobile, D21). */
export function answerTransaction(org: DuoOrg, duo: DuoAccount, tx: DuoTransaction, action: DuoMobileAction): void {
  expireTransaction(org, duo, tx);
  if (tx.result !== 'waiting' || action === 'ignore') return;
  if (action === 'approve') {
    finish(org, duo, tx, { result: 'allow', status: 'allow', status_msg: 'Success. Logging you in...' }, { result: 'success', reason: 'user_approved' });
  } else if (action === 'deny') {
    const allows = org.faults.has('duo-auth.push-deny-allows');
    finish(org, duo, tx, allows ? { result: 'allow', status: 'allow', status_msg: 'Success. Logging you in...' } : { result: 'deny', status: 'deny', status_msg: 'Login request denied.' }, { result: 'denied', reason: 'user_mistake' });
  } else {
    const asDenied = org.faults.has('duo-auth.fraud-logged-as-denied');
    finish(org, duo, tx, { result: 'deny', status: 'fraud', status_msg: 'Login request reported as fraudulent.' }, asDenied ? { result: 'denied', reason: 'user_mistake' } : { result: 'fraud', reason: 'user_marked_fraud' });
  }
}

function finish(
  org: DuoOrg,
  duo: DuoAccount,
  tx: DuoTransaction,
  answer: { result: 'allow' | 'deny'; status: string; status_msg: string },
  logged: { result: 'success' | 'denied' | 'fraud'; reason: string },
): void {
  Object.assign(tx, answer);
  const user = duo.users.get(tx.user_id);
  const factor: DuoLogFactor = tx.factor === 'phone_call' && org.faults.has('duo-auth.phone-logged-as-push') ? 'duo_push' : tx.factor;
  if (user) {
    logAttempt(org, duo, { txid: tx.txid, user_id: user.user_id, username: user.username, factor, ...logged, ipaddr: tx.ipaddr, device: tx.device });
    recordOutcome(org, user, logged.result === 'success');
  }
  tx.settle();
}

/** Consecutive failures lock the user out; a success starts the count again (D17). */
function recordOutcome(org: DuoOrg, user: DuoUser, success: boolean): void {
  if (success) {
    user.failures = 0;
    user.last_login = Math.floor(org.clock.now() / 1000);
    return;
  }
  user.failures += 1;
  if (user.failures >= LOCKOUT_THRESHOLD && !org.faults.has('duo-auth.lockout-never')) user.status = 'locked out';
}

/** factor=passcode: a bypass code, a hardware token's code or an SMS passcode (spec §3.3, D11). */
function checkPasscode(org: DuoOrg, duo: DuoAccount, user: DuoUser, passcode: string, ipaddr: string): { result: string; status: string; status_msg: string } {
  const matched = matchPasscode(org, duo, user, passcode);
  const txid = newTxid();
  if (matched) {
    logAttempt(org, duo, { txid, user_id: user.user_id, username: user.username, factor: matched.factor, result: 'success', reason: 'valid_passcode', ipaddr, device: matched.device });
    recordOutcome(org, user, true);
    return { result: 'allow', status: 'allow', status_msg: 'Success. Logging you in...' };
  }
  logAttempt(org, duo, { txid, user_id: user.user_id, username: user.username, factor: 'passcode', result: 'denied', reason: 'invalid_passcode', ipaddr, device: '' });
  recordOutcome(org, user, false);
  return { result: 'deny', status: 'deny', status_msg: 'Incorrect passcode. Please try again.' };
}

function matchPasscode(org: DuoOrg, duo: DuoAccount, user: DuoUser, passcode: string): { factor: DuoLogFactor; device: string } | undefined {
  const nowSeconds = org.clock.now() / 1000;
  for (const code of duo.bypassCodes.values()) {
    if (code.user_id !== user.user_id || code.code !== passcode) continue;
    if (code.expiration !== null && nowSeconds >= code.expiration && !org.faults.has('duo-auth.bypass-never-expires')) continue;
    // A code whose uses run out is deleted (D16); 0 means unlimited.
    if (code.reuse_count === 1 && !org.faults.has('duo-auth.bypass-code-reusable')) duo.bypassCodes.delete(code.bypass_code_id);
    else if (code.reuse_count > 1) code.reuse_count -= 1;
    return { factor: 'bypass_code', device: '' };
  }
  for (const token of userTokens(duo, user)) {
    if (token.type !== 'h6' && token.type !== 'h8') continue;
    const start = org.faults.has('duo-auth.token-counter-ignored') ? 0 : token.counter;
    for (let counter = start; counter < start + HOTP_LOOK_AHEAD; counter++) {
      if (hotpCode(token.secret, counter, tokenDigits(token)) === passcode) {
        token.counter = counter + 1;
        return { factor: 'hardware_token', device: token.token_id };
      }
    }
  }
  for (const phone of userPhones(duo, user)) {
    const at = phone.smsPasscodes.indexOf(passcode);
    if (at < 0) continue;
    if (!org.faults.has('duo-auth.sms-passcode-reusable')) phone.smsPasscodes.splice(at, 1);
    return { factor: 'sms_passcode', device: phone.phone_id };
  }
  if (org.faults.has('duo-auth.passcode-any-accepted')) return { factor: 'passcode', device: '' };
  return undefined;
}

/** A batch of ten 7-digit passcodes, each opening with its place in the batch (the `sms_nextcode` digit). */
function sendSmsPasscodes(org: DuoOrg, user: DuoUser, phone: DuoPhone): void {
  phone.smsPasscodes = Array.from({ length: 10 }, (_, i) => `${(i + 1) % 10}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`);
  phone.sms_passcodes_sent = true;
  const sentAt = new Date(org.clock.now()).toISOString();
  for (const passCode of phone.smsPasscodes) {
    org.outbox.send({ userId: user.user_id, factorId: phone.phone_id, channel: 'sms', to: phone.number, passCode, sentAt });
  }
}

export function newUser(org: DuoOrg, username: string, fields: Partial<Pick<DuoUser, 'realname' | 'email' | 'notes' | 'status'>> = {}): DuoUser {
  return {
    user_id: duoId('DU'),
    username,
    realname: fields.realname ?? '',
    email: fields.email ?? '',
    notes: fields.notes ?? '',
    status: fields.status ?? 'active',
    created: Math.floor(org.clock.now() / 1000),
    last_login: null,
    phoneIds: [],
    tokenIds: [],
    failures: 0,
  };
}

export function newPhone(fields: Partial<Pick<DuoPhone, 'number' | 'extension' | 'name' | 'type' | 'platform'>>): DuoPhone {
  return {
    phone_id: duoId('DP'),
    number: fields.number ?? '',
    extension: fields.extension ?? '',
    name: fields.name ?? '',
    type: fields.type ?? 'Unknown',
    platform: fields.platform ?? 'Unknown',
    activated: false,
    sms_passcodes_sent: false,
    userIds: [],
    smsPasscodes: [],
  };
}

/** Claims an activation code as Duo Mobile does when it scans the QR code or opens the link (D21). */
export function claimActivation(org: DuoOrg, duo: DuoAccount, activation: string): DuoPhone {
  const code = activation.replace(/^duo:\/\//, '').replace(/^.*[/=]/, '').replace(/^duo%3A%2F%2F/i, '');
  const phone = [...duo.phones.values()].find((p) => p.activation?.code === code && p.activation.expiresAtMs > org.clock.now());
  if (!phone) throw notFound();
  if (org.faults.has('duo-auth.activation-never-claimed')) return phone;
  delete phone.activation;
  phone.activated = true;
  if (phone.platform === 'Unknown') phone.platform = 'Generic Smartphone';
  const [owner] = phone.userIds;
  if (owner) duo.claimed.set(code, owner);
  return phone;
}
