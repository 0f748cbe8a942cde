/**
 * The harness's end of Okta's telephony inline hook (spec §4): Okta POSTs each sms/voice code to this endpoint
 * (`data.messageProfile.otpCode`, `phoneNumber`, `deliveryChannel`, `msgTemplate`; the user in `data.userProfile`),
 * authenticated with the hook's HEADER auth scheme, and gets the documented `com.okta.telephony.action` answer.
 * The codes become the driver's outbox for sms and call; every code is registered as a secret before it is stored.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { ApiClient, OutboxCapability, OutboxMessage, TelephonyHookConfig } from '../contract.js';

interface ReceivedCode {
  userId: string;
  phoneNumber: string;
  channel: 'sms' | 'call';
  passCode: string;
  sentAt: string;
}

export interface TelephonyHookListener {
  /** The URL the org is configured to call (through a public HTTPS front for a real org). */
  readonly url: string;
  readonly outbox: OutboxCapability;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;

export async function listenForTelephonyHook(
  config: TelephonyHookConfig,
  api: ApiClient,
  registerSecret: (value: string) => void,
  /** Where email codes are read (the email adapter: the target's control-protocol outbox where it has one). */
  emailOutbox?: OutboxCapability,
): Promise<TelephonyHookListener> {
  const received: ReceivedCode[] = [];
  registerSecret(config.secret);
  const server: Server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      () => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { errorSummary: 'bad request' } })),
    );
  });

  async function handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.method !== 'POST') return { status: 405, body: { error: { errorSummary: 'POST only' } } };
    if (!sameSecret(req.headers.authorization ?? '', config.secret)) return { status: 401, body: { error: { errorSummary: 'unauthorized' } } };
    const event = await readJson(req);
    const code = codeOf(event);
    if (!code) return { status: 400, body: { error: { errorSummary: 'not a telephony hook request' } } };
    registerSecret(code.passCode);
    received.push(code);
    return {
      status: 200,
      body: { commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'SUCCESSFUL', provider: 'mfa-conformance', transactionId: `${received.length}` }] }] },
    };
  }

  await new Promise<void>((resolve) => server.listen(config.port, config.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;

  const outbox: OutboxCapability = {
    channels: emailOutbox ? ['sms', 'call', 'email'] : ['sms', 'call'],
    async messages(userId, channel) {
      if (channel === 'email') {
        if (emailOutbox) return emailOutbox.messages(userId, channel);
        throw new Error('no email adapter: this target delivers only sms and call codes to the harness (telephony inline hook)');
      }
      const fromEmail = channel === undefined && emailOutbox ? await emailOutbox.messages(userId, 'email') : [];
      const mine = received.filter((m) => m.userId === userId && (channel === undefined || m.channel === channel));
      if (mine.length === 0) return fromEmail;
      // The hook names the phone, not the factor: the user's sms/call factors say which factor a phone belongs to.
      const factors = await api.get<{ id?: string; factorType?: string; profile?: { phoneNumber?: string } }[]>(`/api/v1/users/${userId}/factors`);
      const list = Array.isArray(factors.body) ? factors.body : [];
      const fromHook = mine.map((m): OutboxMessage => {
        const ofChannel = list.filter((f) => f.factorType === m.channel);
        // a number since replaced (`updatePhone`) matches no factor; a user has one factor per channel, so it is that one
        const factor = ofChannel.find((f) => digits(f.profile?.phoneNumber) === digits(m.phoneNumber)) ?? (ofChannel.length === 1 ? ofChannel[0] : undefined);
        return { userId: m.userId, factorId: factor?.id ?? '', channel: m.channel, to: m.phoneNumber, passCode: m.passCode, sentAt: m.sentAt };
      });
      return [...fromEmail, ...fromHook];
    },
  };
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    outbox,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The code in Okta's documented request, or undefined when the body is not one. */
function codeOf(event: unknown): ReceivedCode | undefined {
  const data = field(event, 'data');
  const message = field(data, 'messageProfile');
  const user = field(data, 'userProfile');
  const otpCode = field(message, 'otpCode');
  const phoneNumber = field(message, 'phoneNumber');
  const userId = field(user, 'userId');
  const channel = String(field(message, 'deliveryChannel') ?? '').toLowerCase();
  if (typeof otpCode !== 'string' || typeof phoneNumber !== 'string' || typeof userId !== 'string') return undefined;
  // `SMS`, or voice ("voice call" in the old reference; spec §7.12): anything not SMS is a call
  return { userId, phoneNumber, channel: channel === 'sms' ? 'sms' : 'call', passCode: otpCode, sentAt: new Date().toISOString() };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function digits(phone: string | undefined): string {
  return (phone ?? '').replace(/\D/g, '');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new Error('too large');
  }
  return JSON.parse(text) as unknown;
}
