import { requiredString, type JsonObject } from '../../core/input.js';

/** What the u2f and webauthn kinds share. */

/** The foreign appId / origin a misconfigured allow-list trusts (the `*.foreign-*-trusted` faults). */
export const FOREIGN_TRUSTED_ORIGIN = 'https://attacker.example';
export const FOREIGN_TRUSTED_RP_ID = 'attacker.example';

/** A verify body without any of the credential fields: the request for a challenge ([F]: "no body"). */
export function isChallengeRequest(body: JsonObject, fields: readonly string[]): boolean {
  return fields.every((field) => body[field] === undefined || body[field] === null);
}

/** Longest credential field accepted (a packed attestation with its certificate is a few kilobytes). */
const MAX_FIELD_LENGTH = 65_536;

/** The named string fields, all required: a missing or mistyped one is the API's 400 E0000001. */
export function credentialFields<const N extends readonly string[]>(body: JsonObject, fields: N): { [K in keyof N]: string } {
  return fields.map((field) => requiredString(body, field, { maxLength: MAX_FIELD_LENGTH, subject: 'factor' })) as { [K in keyof N]: string };
}
