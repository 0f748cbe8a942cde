import { fromBase64Url } from '../encoding/base64url.js';
import type { CoseAlgorithm } from '../crypto/cose.js';
import { webAuthnError } from './errors.js';
import type {
  AuthenticatorSelectionCriteria,
  PublicKeyCredentialParameters,
  UserVerificationRequirement,
} from './json-types.js';

/** What the browser checks and decides before the authenticator acts. */

/** Decodes a base64url member of the options; a malformed one is the TypeError parse…FromJSON() would throw. */
export function decodeOptionBytes(member: string, value: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64Url(value);
  } catch {
    throw new TypeError(`options.${member} is not base64url: "${value}"`);
  }
}

export function decodeUserHandle(userId: string): Uint8Array<ArrayBuffer> {
  const userHandle = decodeOptionBytes('user.id', userId);
  if (userHandle.byteLength < 1 || userHandle.byteLength > 64) {
    throw new TypeError(`options.user.id must be 1 to 64 bytes, got ${userHandle.byteLength}`);
  }
  return userHandle;
}

/** An empty pubKeyCredParams means ES256 and RS256 (WebAuthn "create", step "If pubKeyCredParams is empty"). */
const DEFAULT_ALGORITHMS: readonly number[] = [-7, -257];

export function requireSupportedAlgorithm(
  params: readonly PublicKeyCredentialParameters[],
  algorithm: CoseAlgorithm,
): void {
  const offered = params.length === 0 ? DEFAULT_ALGORITHMS : params.filter((p) => p.type === 'public-key').map((p) => p.alg);
  if (!offered.includes(algorithm)) {
    throw webAuthnError(
      'NotSupportedError',
      `The authenticator only makes COSE algorithm ${algorithm} keys; the RP offered [${offered.join(', ')}]`,
    );
  }
}

export function wantsDiscoverableCredential(selection: AuthenticatorSelectionCriteria | undefined): boolean {
  const residentKey = selection?.residentKey ?? (selection?.requireResidentKey ? 'required' : 'discouraged');
  return residentKey === 'required' || residentKey === 'preferred';
}

/**
 * Whether the authenticator verifies the user: when asked ("required" or "preferred", the default) and able. Values
 * outside the W3C enum (a server may send anything) count as "preferred", as browsers ignore unknown enum values.
 */
export function decideUserVerification(
  requirement: UserVerificationRequirement | undefined,
  authenticatorCanVerify: boolean,
): boolean {
  if (requirement === 'required' && !authenticatorCanVerify) {
    throw webAuthnError('NotAllowedError', 'User verification is required and this authenticator cannot do it');
  }
  return authenticatorCanVerify && requirement !== 'discouraged';
}
