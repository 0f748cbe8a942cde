import { feature } from '../../../requirements/builders.js';
import { authnDoc, factorsDoc, u2fJsApi, u2fMessages } from '../../../requirements/sources.js';

const u2f = feature({ family: 'okta-factors', name: 'u2f', suite: 'suites/okta-factors/u2f' });

/** u2f (FIDO U2F): spec §2.11, §3, §4, §9, and the FIDO rules the docs rely on. */
export const U2F_REQUIREMENTS = [
  u2f.must('FACTORS.U2F.ENROLL.PENDING', 'enroll',
    'Enrolling u2f (FIDO) returns the factor PENDING_ACTIVATION with `_embedded.activation` {version, nonce, timeoutSeconds} (appId where published), an `activate` link and no `verify` link.',
    factorsDoc('§2.11 Enroll U2F factor', 'enroll-u2f-factor')),
  u2f.must('FACTORS.U2F.ACTIVATE.REGISTRATION', 'activate',
    'Activating with the U2F registrationData and clientData for the nonce answers 200 with the factor ACTIVE, `profile.credentialId` the key handle (websafe base64, what u2f.sign takes) and `profile.version`; it reads back so.',
    factorsDoc('§2.11 Activate U2F factor', 'activate-u2f-factor')),
  u2f.must('FACTORS.U2F.CHALLENGE', 'challenge',
    'Verify without a body answers {factorResult: CHALLENGE, profile {credentialId, version}, _links {verify, factor}, _embedded.challenge {nonce, timeoutSeconds}}, a new nonce each time.',
    factorsDoc('§2.11 Issue a U2F factor challenge', 'issue-a-u2f-factor-challenge')),
  u2f.must('FACTORS.U2F.VERIFY.ASSERTION', 'verify',
    'Verify with the clientData and signatureData the token signed for the nonce answers {factorResult: SUCCESS, profile}; the factor stays ACTIVE.',
    factorsDoc('§2.11 Verify a U2F factor challenge', 'verify-a-u2f-factor-challenge')),
  u2f.must('FACTORS.U2F.SIGNATURE', 'verify',
    'A registration whose attestation signature does not verify, an assertion whose signature does not verify, and an assertion by a key handle the factor does not hold are refused with 403 E0000068, and the factor is unchanged.',
    u2fMessages('§4.3 registration response, §5.4 authentication response', 'registration-response-message-success')),
  u2f.must('FACTORS.U2F.NONCE', 'verify',
    'clientData must carry the nonce the org issued: a registration or an assertion for another challenge, or for a nonce already used, is refused (403 E0000068) and the factor is unchanged.',
    factorsDoc('§2.11 "invalid nonce" → 403 E0000068', 'activate-u2f-factor')),
  u2f.must('FACTORS.U2F.APP_ID', 'verify',
    "A registration or an assertion made for another appId (application parameter ≠ SHA-256 of the org's appId) is refused with 403 E0000068.",
    authnDoc('§9 "appId is the origin"; §2.11 different DNS zones are refused', 'activate-u2f-factor')),
  u2f.must('FACTORS.U2F.CLIENT_DATA', 'verify',
    'clientData must name the operation (typ navigator.id.finishEnrollment / navigator.id.getAssertion) and come from the appId origin; otherwise the registration or assertion is refused with 403 E0000068.',
    u2fJsApi('§7.1 Client data', 'client-data')),
  u2f.must('FACTORS.U2F.COUNTER', 'verify',
    'An assertion whose counter is not above the last accepted one (a replay, a cloned token) is refused (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED); the factor stays ACTIVE.',
    u2fMessages('§5.4 counter', 'authentication-response-message-success')),
  u2f.must('FACTORS.U2F.USER_PRESENCE', 'verify',
    'An assertion without the user presence bit is refused with 403 E0000068.',
    u2fMessages('§5.4 user presence', 'authentication-response-message-success')),
] as const;
