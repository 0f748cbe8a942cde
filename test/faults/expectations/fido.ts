import type { FIDO_FAULTS } from '../../../mock-org/okta-factors/fido/faults.js';
import type { FaultExpectation } from './types.js';

const U2F = 'suites/okta-factors/u2f/u2f.test.ts';
const WEBAUTHN = 'suites/okta-factors/webauthn/webauthn.test.ts';

const u2f = (...failing: string[]): FaultExpectation => ({ files: [U2F], failing });
const webauthn = (...failing: string[]): FaultExpectation => ({ files: [WEBAUTHN], failing });

export const FIDO_EXPECTATIONS: Record<(typeof FIDO_FAULTS)[number]['id'], FaultExpectation> = {
  'u2f.activation-without-nonce': u2f('FACTORS.U2F.ENROLL.PENDING'),
  'u2f.credential-id-not-key-handle': u2f('FACTORS.U2F.ACTIVATE.REGISTRATION', 'FACTORS.U2F.CHALLENGE', 'FACTORS.U2F.VERIFY.ASSERTION'),
  'u2f.registration-signature-not-checked': u2f('FACTORS.U2F.SIGNATURE'),
  'u2f.signature-not-checked': u2f('FACTORS.U2F.SIGNATURE'),
  'u2f.key-of-any-user-accepted': u2f('FACTORS.U2F.SIGNATURE'),
  'u2f.challenge-not-checked': u2f('FACTORS.U2F.NONCE'),
  'u2f.nonce-reusable': u2f('FACTORS.U2F.NONCE'),
  'u2f.foreign-app-id-trusted': u2f('FACTORS.U2F.APP_ID'),
  'u2f.origin-not-checked': u2f('FACTORS.U2F.CLIENT_DATA'),
  'u2f.typ-not-checked': u2f('FACTORS.U2F.CLIENT_DATA'),
  'u2f.counter-not-checked': u2f('FACTORS.U2F.COUNTER'),
  'u2f.user-presence-not-checked': u2f('FACTORS.U2F.USER_PRESENCE'),
  'u2f.challenge-without-profile': u2f('FACTORS.U2F.CHALLENGE'),
  'webauthn.activation-missing-rs256': webauthn('FACTORS.WEBAUTHN.ENROLL.PENDING', 'FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION'),
  'webauthn.exclude-credentials-empty': webauthn('FACTORS.WEBAUTHN.ENROLL.EXCLUDE_CREDENTIALS', 'FACTORS.WEBAUTHN.ACTIVATE.DUPLICATE'),
  'webauthn.duplicate-credential-accepted': webauthn('FACTORS.WEBAUTHN.ACTIVATE.DUPLICATE'),
  'webauthn.single-factor-per-user': webauthn('FACTORS.WEBAUTHN.VERIFY.ASSERTION'),
  'webauthn.credential-id-not-in-profile': webauthn('FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION'),
  'webauthn.origin-not-checked': webauthn('FACTORS.WEBAUTHN.ORIGIN'),
  'webauthn.foreign-rp-id-trusted': webauthn('FACTORS.WEBAUTHN.RP_ID'),
  'webauthn.challenge-not-checked': webauthn('FACTORS.WEBAUTHN.CHALLENGE_BINDING'),
  'webauthn.challenge-reusable': webauthn('FACTORS.WEBAUTHN.CHALLENGE_BINDING'),
  'webauthn.type-not-checked': webauthn('FACTORS.WEBAUTHN.CLIENT_DATA_TYPE'),
  'webauthn.attestation-signature-not-checked': webauthn('FACTORS.WEBAUTHN.SIGNATURE'),
  'webauthn.assertion-signature-not-checked': webauthn('FACTORS.WEBAUTHN.SIGNATURE'),
  'webauthn.counter-not-checked': webauthn('FACTORS.WEBAUTHN.COUNTER'),
  'webauthn.user-presence-not-checked': webauthn('FACTORS.WEBAUTHN.USER_PRESENCE'),
  'webauthn.uv-ignored': webauthn('FACTORS.WEBAUTHN.USER_VERIFICATION'),
  'webauthn.any-user-credential': webauthn('FACTORS.WEBAUTHN.VERIFY.BY_ID'),
  'webauthn.challenge-without-profile': webauthn('FACTORS.WEBAUTHN.CHALLENGE'),
};
