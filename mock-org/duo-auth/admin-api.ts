import { randomInt } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import { DUO_ACCOUNT, duoId, newActivationCode, newBypassCode, type DuoAccount, type DuoPhone, type DuoToken, type DuoUser } from './account.js';
import { apiHost, newPhone, newUser } from './auth-api.js';
import type { DuoOrg } from './context.js';
import { hotpCode, phoneCapabilities, RESYNC_WINDOW, tokenDigits, userPhones, userTokens } from './devices.js';
import { invalidParameter, missingParameter, notFound } from './errors.js';
import { DuoParams } from './params.js';
import { ok } from './reply.js';

const USER_STATUSES = ['active', 'bypass', 'disabled'] as const;
const PHONE_TYPES = ['Mobile', 'Landline', 'Unknown'] as const;
const MAX_BYPASS_CODES_PER_CALL = 10;
const MAX_BYPASS_CODES_PER_USER = 100;
const ACTIVATION_VALID_SECS = 86_400;

/** Admin API v1: users, phones, hardware tokens and bypass codes (spec §4.1–§4.4). Deletes of absent objects succeed (D14). */
export function registerAdminApiRoutes(app: Routes, org: DuoOrg): void {
  const account = () => DUO_ACCOUNT.of(org.scope);
  type Id = { Params: { id: string } };
  type Pair = { Params: { id: string; other: string } };

  app.get('/admin/v1/users', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const username = params.optional('username');
    let users = [...duo.users.values()];
    if (username !== undefined) users = org.faults.has('duo-auth.admin-username-lookup-empty') ? [] : users.filter((u) => u.username === username);
    return page(reply, params, users.map((u) => presentUser(duo, u)));
  });

  app.post('/admin/v1/users', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const username = org.faults.has('duo-auth.admin-user-without-username') ? (params.optional('username') ?? '') : params.required('username');
    if (username.length > 100) throw invalidParameter('username');
    if (username !== '' && duo.userByName(username)) throw invalidParameter('username');
    const status = params.optional('status') ?? 'active';
    if (!(USER_STATUSES as readonly string[]).includes(status)) throw invalidParameter('status');
    const user = newUser(org, username, {
      realname: params.optional('realname') ?? '',
      email: params.optional('email') ?? '',
      notes: params.optional('notes') ?? '',
      status: status as DuoUser['status'],
    });
    duo.users.set(user.user_id, user);
    return ok(reply, presentUser(duo, user));
  });

  app.get<Id>('/admin/v1/users/:id', async (request, reply) => ok(reply, presentUser(account(), userOr404(account(), request.params.id))));

  app.post<Id>('/admin/v1/users/:id', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const user = userOr404(duo, request.params.id);
    const status = params.optional('status');
    // `locked out` is set by the system only; an admin clears it by setting `active` (spec §3.5).
    if (status !== undefined && !(USER_STATUSES as readonly string[]).includes(status)) throw invalidParameter('status');
    if (status !== undefined) {
      user.status = status as DuoUser['status'];
      if (status === 'active') user.failures = 0;
    }
    for (const key of ['realname', 'email', 'notes'] as const) {
      const value = params.optional(key);
      if (value !== undefined) user[key] = value;
    }
    return ok(reply, presentUser(duo, user));
  });

  app.delete<Id>('/admin/v1/users/:id', async (request, reply) => {
    const duo = account();
    const user = duo.users.get(request.params.id);
    if (!user && org.faults.has('duo-auth.admin-delete-missing-404')) throw notFound();
    if (user) {
      duo.users.delete(user.user_id);
      for (const phone of duo.phones.values()) phone.userIds = phone.userIds.filter((id) => id !== user.user_id);
      for (const token of duo.tokens.values()) token.userIds = token.userIds.filter((id) => id !== user.user_id);
      for (const code of [...duo.bypassCodes.values()]) if (code.user_id === user.user_id) duo.bypassCodes.delete(code.bypass_code_id);
    }
    return ok(reply, '');
  });

  app.get<Id>('/admin/v1/users/:id/phones', async (request, reply) => {
    const duo = account();
    return page(reply, DuoParams.of(request), userPhones(duo, userOr404(duo, request.params.id)).map((p) => presentPhone(duo, p)));
  });

  app.post<Id>('/admin/v1/users/:id/phones', async (request, reply) => {
    const duo = account();
    const user = userOr404(duo, request.params.id);
    const phone = duo.phones.get(DuoParams.of(request).required('phone_id'));
    if (!phone) throw invalidParameter('phone_id');
    if (!org.faults.has('duo-auth.phone-not-associated') && !user.phoneIds.includes(phone.phone_id)) {
      user.phoneIds.push(phone.phone_id);
      phone.userIds.push(user.user_id);
    }
    return ok(reply, '');
  });

  app.delete<Pair>('/admin/v1/users/:id/phones/:other', async (request, reply) => {
    const duo = account();
    const user = userOr404(duo, request.params.id);
    user.phoneIds = user.phoneIds.filter((id) => id !== request.params.other);
    const phone = duo.phones.get(request.params.other);
    if (phone) phone.userIds = phone.userIds.filter((id) => id !== user.user_id);
    return ok(reply, '');
  });

  app.get<Id>('/admin/v1/users/:id/tokens', async (request, reply) => {
    const duo = account();
    return page(reply, DuoParams.of(request), userTokens(duo, userOr404(duo, request.params.id)).map((t) => presentToken(duo, t)));
  });

  app.post<Id>('/admin/v1/users/:id/tokens', async (request, reply) => {
    const duo = account();
    const user = userOr404(duo, request.params.id);
    const token = duo.tokens.get(DuoParams.of(request).required('token_id'));
    if (!token) throw invalidParameter('token_id');
    if (!user.tokenIds.includes(token.token_id)) {
      user.tokenIds.push(token.token_id);
      token.userIds.push(user.user_id);
    }
    return ok(reply, '');
  });

  app.get<Id>('/admin/v1/users/:id/bypass_codes', async (request, reply) => {
    const duo = account();
    const user = userOr404(duo, request.params.id);
    const codes = [...duo.bypassCodes.values()].filter((c) => c.user_id === user.user_id);
    return page(reply, DuoParams.of(request), codes.map((c) => presentBypassCode(org, duo, c.bypass_code_id)));
  });

  app.post<Id>('/admin/v1/users/:id/bypass_codes', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const user = userOr404(duo, request.params.id);
    const unlimited = org.faults.has('duo-auth.bypass-count-unlimited');
    const custom = params.optional('codes');
    if (custom !== undefined && params.has('count') && !unlimited) throw invalidParameter('count');
    const count = params.integer('count', 10, 1, unlimited ? MAX_BYPASS_CODES_PER_USER : MAX_BYPASS_CODES_PER_CALL);
    const codes = custom !== undefined ? custom.split(',').map((c) => c.trim()) : Array.from({ length: count }, newBypassCode);
    if (codes.some((c) => !/^\d{4,20}$/.test(c))) throw invalidParameter('codes');
    const reuseCount = params.integer('reuse_count', 1, 0, 1_000_000);
    const validSecs = params.integer('valid_secs', 0, 0, 10 * 365 * 86_400);
    if (!params.flag('preserve_existing')) {
      for (const code of [...duo.bypassCodes.values()]) if (code.user_id === user.user_id) duo.bypassCodes.delete(code.bypass_code_id);
    }
    const kept = [...duo.bypassCodes.values()].filter((c) => c.user_id === user.user_id).length;
    if (kept + codes.length > MAX_BYPASS_CODES_PER_USER) throw invalidParameter('count');
    const now = Math.floor(org.clock.now() / 1000);
    for (const code of codes) {
      const id = duoId('DB');
      duo.bypassCodes.set(id, { bypass_code_id: id, user_id: user.user_id, code, created: now, expiration: validSecs > 0 ? now + validSecs : null, reuse_count: reuseCount });
    }
    // The only time the codes are shown (spec §4.4).
    return ok(reply, codes);
  });

  app.get('/admin/v1/bypass_codes', async (request, reply) => {
    const duo = account();
    return page(reply, DuoParams.of(request), [...duo.bypassCodes.keys()].map((id) => presentBypassCode(org, duo, id)));
  });

  app.get<Id>('/admin/v1/bypass_codes/:id', async (request, reply) => {
    const duo = account();
    if (!duo.bypassCodes.has(request.params.id)) throw notFound();
    return ok(reply, presentBypassCode(org, duo, request.params.id));
  });

  app.delete<Id>('/admin/v1/bypass_codes/:id', async (request, reply) => {
    account().bypassCodes.delete(request.params.id);
    return ok(reply, '');
  });

  app.get('/admin/v1/phones', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const number = params.optional('number');
    const phones = [...duo.phones.values()].filter((p) => number === undefined || p.number === normalizeNumber(number));
    return page(reply, params, phones.map((p) => presentPhone(duo, p)));
  });

  app.post('/admin/v1/phones', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const phone = newPhone(phoneFields(params));
    duo.phones.set(phone.phone_id, phone);
    return ok(reply, presentPhone(duo, phone));
  });

  app.get<Id>('/admin/v1/phones/:id', async (request, reply) => ok(reply, presentPhone(account(), phoneOr404(account(), request.params.id))));

  app.post<Id>('/admin/v1/phones/:id', async (request, reply) => {
    const duo = account();
    const phone = phoneOr404(duo, request.params.id);
    Object.assign(phone, phoneFields(DuoParams.of(request)));
    return ok(reply, presentPhone(duo, phone));
  });

  app.delete<Id>('/admin/v1/phones/:id', async (request, reply) => {
    const duo = account();
    duo.phones.delete(request.params.id);
    for (const user of duo.users.values()) user.phoneIds = user.phoneIds.filter((id) => id !== request.params.id);
    return ok(reply, '');
  });

  app.post<Id>('/admin/v1/phones/:id/activation_url', async (request, reply) => {
    const params = DuoParams.of(request);
    const phone = activatable(phoneOr404(account(), request.params.id));
    const validSecs = params.integer('valid_secs', ACTIVATION_VALID_SECS, 1, 365 * 86_400);
    const links = startActivation(org, apiHost(request), phone, validSecs);
    return ok(reply, {
      activation_url: links.activationUrl,
      activation_barcode: links.barcode,
      valid_secs: validSecs,
      ...(params.flag('install') ? { installation_url: links.installationUrl } : {}),
    });
  });

  app.post<Id>('/admin/v1/phones/:id/send_sms_activation', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const phone = activatable(phoneOr404(duo, request.params.id));
    if (!phone.number) throw invalidParameter('number');
    const validSecs = params.integer('valid_secs', ACTIVATION_VALID_SECS, 1, 365 * 86_400);
    const activationMsg = params.optional('activation_msg') ?? 'To activate the Duo Mobile app, click this link: <acturl>';
    const installationMsg = params.optional('installation_msg') ?? 'Welcome to Duo! Click here to install: <insturl>';
    if (!activationMsg.includes('<acturl>')) throw invalidParameter('activation_msg');
    if (!installationMsg.includes('<insturl>')) throw invalidParameter('installation_msg');
    const links = startActivation(org, apiHost(request), phone, validSecs);
    if (!org.faults.has('duo-auth.sms-activation-not-sent')) {
      // The activation link is what the SMS carries: the outbox's passCode field holds it for the virtual Duo Mobile.
      org.outbox.send({ userId: phone.userIds[0] ?? '', factorId: phone.phone_id, channel: 'sms', to: phone.number, passCode: links.activationUrl, sentAt: new Date(org.clock.now()).toISOString(), templateId: 'duo-activation' });
    }
    return ok(reply, { activation_barcode: links.barcode, activation_msg: activationMsg, installation_msg: installationMsg, valid_secs: validSecs });
  });

  app.get('/admin/v1/tokens', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const serial = params.optional('serial');
    const type = params.optional('type');
    const tokens = [...duo.tokens.values()].filter((t) => (serial === undefined || t.serial === serial) && (type === undefined || t.type === type));
    return page(reply, params, tokens.map((t) => presentToken(duo, t)));
  });

  app.post('/admin/v1/tokens', async (request, reply) => {
    const params = DuoParams.of(request);
    const duo = account();
    const type = params.required('type');
    const serial = params.required('serial');
    if (type !== 'h6' && type !== 'h8' && type !== 't6' && type !== 't8') throw invalidParameter('type');
    if (serial.length > 128) throw invalidParameter('serial');
    if ([...duo.tokens.values()].some((t) => t.serial === serial && t.type === type)) throw invalidParameter('serial');
    const secretHex = params.required('secret');
    if (!/^([0-9a-fA-F]{2}){10,64}$/.test(secretHex)) throw invalidParameter('secret');
    const token: DuoToken = {
      token_id: duoId('DH'),
      type,
      serial,
      secret: Buffer.from(secretHex, 'hex'),
      counter: params.integer('counter', 0, 0, Number.MAX_SAFE_INTEGER),
      totp_step: type.startsWith('t') ? params.integer('totp_step', 30, 1, 600) : null,
      userIds: [],
    };
    duo.tokens.set(token.token_id, token);
    return ok(reply, presentToken(duo, token));
  });

  app.get<Id>('/admin/v1/tokens/:id', async (request, reply) => ok(reply, presentToken(account(), tokenOr404(account(), request.params.id))));

  app.delete<Id>('/admin/v1/tokens/:id', async (request, reply) => {
    const duo = account();
    duo.tokens.delete(request.params.id);
    for (const user of duo.users.values()) user.tokenIds = user.tokenIds.filter((id) => id !== request.params.id);
    return ok(reply, '');
  });

  // Three consecutive codes: the server scans ahead for the counter that produces them (D15: HOTP only).
  app.post<Id>('/admin/v1/tokens/:id/resync', async (request, reply) => {
    const params = DuoParams.of(request);
    const token = tokenOr404(account(), request.params.id);
    const codes = [params.required('code1'), params.required('code2'), params.required('code3')];
    if (token.type !== 'h6' && token.type !== 'h8') throw invalidParameter('code1');
    const digits = tokenDigits(token);
    for (let counter = token.counter; counter < token.counter + RESYNC_WINDOW; counter++) {
      if (codes.every((code, i) => hotpCode(token.secret, counter + i, digits) === code)) {
        if (!org.faults.has('duo-auth.token-resync-noop')) token.counter = counter + 3;
        return ok(reply, '');
      }
    }
    throw invalidParameter('code1');
  });
}

function userOr404(duo: DuoAccount, id: string): DuoUser {
  const user = duo.users.get(id);
  if (!user) throw notFound();
  return user;
}

function phoneOr404(duo: DuoAccount, id: string): DuoPhone {
  const phone = duo.phones.get(id);
  if (!phone) throw notFound();
  return phone;
}

function tokenOr404(duo: DuoAccount, id: string): DuoToken {
  const token = duo.tokens.get(id);
  if (!token) throw notFound();
  return token;
}

/** Activation fails for a phone whose type or platform is Unknown (spec §4.2). */
function activatable(phone: DuoPhone): DuoPhone {
  if (phone.type === 'Unknown' || phone.platform === 'Unknown') throw invalidParameter('platform');
  return phone;
}

function startActivation(org: DuoOrg, host: string, phone: DuoPhone, validSecs: number) {
  const code = newActivationCode();
  phone.activation = { code, expiresAtMs: org.clock.now() + validSecs * 1000 };
  const mobileHost = host.replace(/^api-/, 'm-');
  return {
    activationUrl: `https://${mobileHost}/iphone/${code}`,
    barcode: `https://${host}/frame/qr?value=${encodeURIComponent(`duo://${code}`)}`,
    installationUrl: `https://${mobileHost}/iphone?install=${randomInt(1e9)}`,
  };
}

/** E.164 without separators; `+1` when no country code is given (spec §4.2). */
function normalizeNumber(text: string): string {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\+?\d{4,15}$/.test(digits)) throw invalidParameter('number');
  return digits.startsWith('+') ? digits : `+1${digits}`;
}

function phoneFields(params: DuoParams): Partial<Pick<DuoPhone, 'number' | 'extension' | 'name' | 'type' | 'platform'>> {
  const type = params.optional('type');
  if (type !== undefined && !(PHONE_TYPES as readonly string[]).includes(type)) throw invalidParameter('type');
  const number = params.optional('number');
  return {
    ...(number !== undefined && number !== '' ? { number: normalizeNumber(number) } : {}),
    ...(params.optional('extension') !== undefined ? { extension: params.optional('extension') ?? '' } : {}),
    ...(params.optional('name') !== undefined ? { name: params.optional('name') ?? '' } : {}),
    ...(type !== undefined ? { type: type as DuoPhone['type'] } : {}),
    ...(params.optional('platform') !== undefined ? { platform: params.optional('platform') ?? 'Unknown' } : {}),
  };
}

/** A v1 list: `limit`/`offset`, metadata beside `response` (spec §2.1, D13). */
function page(reply: FastifyReply, params: DuoParams, items: unknown[]): FastifyReply {
  const limit = Math.min(params.integer('limit', 100, 1, 1_000_000), 300);
  const offset = params.integer('offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? offset + limit : null;
  return reply
    .code(200)
    .header('content-type', 'application/json')
    .send(Buffer.from(JSON.stringify({ stat: 'OK', response: slice, metadata: { total_objects: items.length, next_offset: next, prev_offset: offset > 0 ? Math.max(0, offset - limit) : null } })));
}

function presentUser(duo: DuoAccount, user: DuoUser): Record<string, unknown> {
  const phones = userPhones(duo, user);
  const tokens = userTokens(duo, user);
  return {
    user_id: user.user_id,
    username: user.username,
    alias1: null,
    alias2: null,
    alias3: null,
    alias4: null,
    realname: user.realname,
    firstname: '',
    lastname: '',
    email: user.email,
    notes: user.notes,
    status: user.status,
    created: user.created,
    last_login: user.last_login,
    last_directory_sync: null,
    is_enrolled: phones.length > 0 || tokens.length > 0,
    lockout_reason: user.status === 'locked out' ? 'Failed Attempts' : null,
    groups: [],
    phones: phones.map((p) => presentPhone(duo, p, false)),
    tokens: tokens.map((t) => presentToken(duo, t, false)),
    u2ftokens: [],
    webauthncredentials: [],
  };
}

function presentPhone(duo: DuoAccount, phone: DuoPhone, withUsers = true): Record<string, unknown> {
  return {
    phone_id: phone.phone_id,
    number: phone.number,
    extension: phone.extension,
    name: phone.name,
    type: phone.type,
    platform: phone.platform,
    model: 'Unknown',
    activated: phone.activated,
    sms_passcodes_sent: phone.sms_passcodes_sent,
    capabilities: phoneCapabilities(phone).filter((c) => c !== 'auto' && c !== 'mobile_otp'),
    predelay: null,
    postdelay: null,
    last_seen: '',
    encrypted: '',
    fingerprint: '',
    screenlock: '',
    ...(withUsers ? { users: phone.userIds.flatMap((id) => duo.users.get(id) ?? []).map((u) => ({ user_id: u.user_id, username: u.username })) } : {}),
  };
}

function presentToken(duo: DuoAccount, token: DuoToken, withUsers = true): Record<string, unknown> {
  return {
    token_id: token.token_id,
    type: token.type,
    serial: token.serial,
    totp_step: token.totp_step,
    ...(withUsers ? { users: token.userIds.flatMap((id) => duo.users.get(id) ?? []).map((u) => ({ user_id: u.user_id, username: u.username })) } : {}),
  };
}

/** Metadata only: the code itself is never shown again (spec §4.4). */
function presentBypassCode(org: DuoOrg, duo: DuoAccount, id: string): Record<string, unknown> {
  const code = duo.bypassCodes.get(id);
  if (!code) throw notFound();
  const user = duo.users.get(code.user_id);
  return {
    bypass_code_id: code.bypass_code_id,
    admin_email: 'admin@mock.duo.test',
    created: code.created,
    expiration: code.expiration,
    reuse_count: code.reuse_count,
    user: user ? { user_id: user.user_id, username: user.username, status: user.status } : null,
    ...(org.faults.has('duo-auth.bypass-list-shows-codes') ? { code: code.code } : {}),
  };
}
