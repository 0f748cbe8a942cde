import { duoHmac } from '../auth/duo-hmac.js';
import type { Capabilities, ClockCapability, Driver, DuoTargetConfig } from '../contract.js';
import { isCapability, type Capability } from '../contract.js';
import { controlCapabilities } from '../control/capabilities.js';
import { ControlClient } from '../control/client.js';
import { HttpApiClient, type HttpTransport } from '../http-client.js';
import { HttpDriverCore } from '../http-driver-core.js';
import { Redactor } from '../redact.js';
import { DuoApiClient } from './client.js';
import { DuoAdminFixtures } from './fixtures.js';

export interface DuoDriverOptions {
  kind: Driver['kind'];
  account: DuoTargetConfig;
  /** Called by close() after cleanup (the mock driver removes its org here). */
  onClose?: () => Promise<void>;
  /** How requests reach the account (default: undici, each API client a connection pool of its own). */
  transport?: HttpTransport;
}

// The capability properties are the contract's; the constructor sets those the target offers.
export interface DuoDriver extends Capabilities {}

/**
 * A driver for a Duo account: the Auth API and Admin API signed with its keys (`duo`), Admin API fixtures, and
 * the control protocol where the target serves it (a mock; Duo itself has none, so its checks that need the
 * clock or the virtual Duo Mobile skip).
 */
export class DuoDriver extends HttpDriverCore implements Driver<DuoAdminFixtures> {
  readonly kind: Driver['kind'];
  readonly baseUrl: string;
  readonly origin: string;
  readonly api: HttpApiClient;
  readonly duoApi: DuoApiClient;
  readonly fixtures: DuoAdminFixtures;
  /** The Auth API integration (host name and keys): what another service configured to use this account is given. */
  readonly authIntegration: { host: string; ikey: string; skey: string };
  /**
   * Learns the target's time again from the unsigned /ping (as on connect): for a Duo host whose clock moved
   * through something else (the org's other APIs), so that the next signed dates fall within its window.
   */
  readonly syncTime: () => Promise<void>;

  private constructor(options: DuoDriverOptions, parts: { api: HttpApiClient; control: HttpApiClient; redactor: Redactor; duo: DuoApiClient; capabilities: Capabilities; syncTime: () => Promise<void> }) {
    super(parts.redactor, parts.control, [options.onClose]);
    this.kind = options.kind;
    this.baseUrl = options.account.url.replace(/\/+$/, '');
    this.origin = `https://${options.account.host}`;
    this.api = parts.api;
    this.duoApi = parts.duo;
    this.syncTime = parts.syncTime;
    this.fixtures = new DuoAdminFixtures(this.duoApi);
    this.authIntegration = { host: options.account.host, ikey: options.account.ikey, skey: options.account.skey };
    Object.assign(this, parts.capabilities);
  }

  static async connect(options: DuoDriverOptions): Promise<DuoDriver> {
    const { account } = options;
    const baseUrl = account.url.replace(/\/+$/, '');
    const redactor = new Redactor();
    const transport = options.transport ? { transport: options.transport } : {};
    // Dates are signed in the target's time: its clock where it has one (kept as an offset from ours).
    let offsetMs = 0;
    const now = () => Date.now() + offsetMs;
    const noWait = async () => {}; // Duo answers 429 without a reset time; the checks see it.
    const api = new HttpApiClient({ baseUrl, auth: duoHmac({ ikey: account.ikey, skey: account.skey, host: account.host, now }), redactor, waitUntilReset: noWait, ...transport });
    const control = new HttpApiClient({
      baseUrl,
      auth: withHost(duoHmac({ ikey: account.adminIkey, skey: account.adminSkey, host: account.host, now }), account.host),
      redactor,
      waitUntilReset: noWait,
      ...transport,
    });
    for (const secret of [account.skey, account.adminSkey]) redactor.addSecret(secret);
    // As duo_unix does (spec §1.5): learn the server's time from the unsigned /ping, so that dates fall in its window.
    const syncTime = async () => {
      const ping = await api.get<{ response?: { time?: unknown } }>('/auth/v2/ping', { headers: { host: account.host }, authorization: null }).catch(() => undefined);
      const serverSeconds = ping?.body?.response?.time;
      if (typeof serverSeconds === 'number') offsetMs = serverSeconds * 1000 - Date.now();
    };
    await syncTime();
    const controlClient = new ControlClient(control);
    const answer = await controlClient.call('capabilities').catch(() => null);
    const announced = new Set<Capability>((answer?.capabilities ?? []).filter(isCapability));
    const capabilities: Capabilities = controlCapabilities(controlClient, announced, (value) => redactor.addSecret(value));
    const clock = capabilities.clock;
    let tracked: Capabilities = capabilities;
    if (clock) {
      offsetMs = (await clock.now()) - Date.now();
      const trackedClock: ClockCapability = {
        now: async () => {
          const at = await clock.now();
          offsetMs = at - Date.now();
          return at;
        },
        advance: async (ms) => {
          await clock.advance(ms);
          offsetMs = (await clock.now()) - Date.now();
        },
      };
      tracked = { ...capabilities, clock: trackedClock };
    }
    const duo = new DuoApiClient(api, { host: account.host, auth: { ikey: account.ikey, skey: account.skey }, admin: { ikey: account.adminIkey, skey: account.adminSkey } }, now, (value) => redactor.addSecret(value));
    return new DuoDriver(options, { api, control, redactor, duo, capabilities: tracked, syncTime });
  }
}

/** The control client's requests are addressed to the Duo host name too (the strategy signs it; this sends it). */
function withHost(strategy: ReturnType<typeof duoHmac>, host: string): ReturnType<typeof duoHmac> {
  return {
    ...strategy,
    authorize: async (request) => ({ ...(await strategy.authorize({ ...request, headers: { ...request.headers, host } })), host }),
  };
}
