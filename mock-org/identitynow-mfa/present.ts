import type { MfaConfig } from './tenant.js';

/** The mask the published examples show (§4.1, §9 item 8): first character, six asterisks, last character. */
export function mask(secret: string): string {
  return secret.length <= 2 ? '******' : `${secret[0]}******${secret[secret.length - 1]}`;
}

/** Keys of configProperties that hold a secret (§9 item 9): `skey`, and any `…key` other than `ikey`. */
export const isSecretProperty = (name: string): boolean => name !== 'ikey' && /key$/i.test(name);

/** A stored config as every response shows it: secrets masked unless the fault says otherwise. */
export function presentConfig(config: MfaConfig, inClear: boolean): Record<string, unknown> {
  const hide = (value: unknown) => (typeof value === 'string' && !inClear ? mask(value) : value);
  return {
    mfaMethod: config.mfaMethod,
    enabled: config.enabled,
    host: config.host,
    accessKey: config.accessKey === null ? null : hide(config.accessKey),
    identityAttribute: config.identityAttribute,
    ...(config.configProperties !== undefined
      ? {
          configProperties:
            config.configProperties === null
              ? null
              : Object.fromEntries(Object.entries(config.configProperties).map(([k, v]) => [k, isSecretProperty(k) ? hide(v) : v])),
        }
      : {}),
  };
}

/** GET before any PUT (§9 item 5). */
export function unsetConfig(method: MfaConfig['mfaMethod']): MfaConfig {
  return {
    mfaMethod: method,
    enabled: false,
    host: null,
    accessKey: null,
    identityAttribute: null,
    ...(method === 'duo-web' ? { configProperties: null } : {}),
  };
}
