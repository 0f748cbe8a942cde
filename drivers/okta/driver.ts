/**
 * The real Okta org driver: the http driver (control protocol where a target advertises it, YubiKey probe)
 * authenticated as a real org is (SSWS or an OAuth 2.0 service app), paced by the org's rate limits, with what
 * only a real org tells: its engine (`/.well-known/okta-organization`), and sms/call codes through the harness's
 * telephony inline hook when one is configured.
 */
import { undici } from '../undici.js';
import type { TargetConfig, TargetProfile } from '../contract.js';
import { sswsToken } from '../auth/ssws.js';
import { HttpDriver, type Detected } from '../http-driver.js';
import { Redactor } from '../redact.js';
import { oktaAuth } from './credentials.js';
import { listenForTelephonyHook } from './telephony-hook.js';

export type OktaTarget = Extract<TargetConfig, { kind: 'okta' }>;

export async function connectOktaDriver(target: OktaTarget): Promise<HttpDriver> {
  const redactor = new Redactor();
  return HttpDriver.connect({
    kind: 'okta',
    baseUrl: target.baseUrl,
    auth: oktaAuth(target.baseUrl, target.credentials),
    ...(target.controlToken ? { controlAuth: sswsToken(target.controlToken) } : {}),
    redactor,
    pacing: true,
    ...(target.run ? { run: target.run } : {}),
    detect: async (api, announced): Promise<Detected> => {
      const profile = await detectProfile(target.baseUrl);
      if (!target.telephonyHook) return profile ? { profile } : {};
      const hook = await listenForTelephonyHook(target.telephonyHook, api, (value) => redactor.addSecret(value), announced.outbox);
      return { ...(profile ? { profile } : {}), capabilities: { outbox: hook.outbox }, onClose: () => hook.close() };
    },
  });
}

/** Classic (`pipeline: v1`) or Identity Engine (`idx`), from the org's unauthenticated metadata; undefined when it does not say. */
async function detectProfile(baseUrl: string): Promise<TargetProfile | undefined> {
  try {
    const { request } = await undici();
    const res = await request(`${baseUrl.replace(/\/+$/, '')}/.well-known/okta-organization`, { headersTimeout: 5000, bodyTimeout: 5000 });
    const text = await res.body.text();
    if (res.statusCode !== 200) return undefined;
    const pipeline = (JSON.parse(text) as { pipeline?: unknown }).pipeline;
    return pipeline === 'idx' ? 'identity-engine' : pipeline === 'v1' ? 'classic' : undefined;
  } catch {
    return undefined;
  }
}
