import type { Requirement } from '../../../reports/check-meta.js';
import { FACTORS, authnDoc, factorsDoc, factorsSpec, req, type Source } from './source.js';

/** u2f (FIDO U2F) and webauthn (FIDO2): spec §2.11, §2.12, §3, §4, §9, and the FIDO/W3C rules the docs rely on. */

const U2F_RAW_MESSAGES = 'https://fidoalliance.org/specs/fido-u2f-v1.2-ps-20170411/fido-u2f-raw-message-formats-v1.2-ps-20170411.html';
const U2F_JS_API = 'https://fidoalliance.org/specs/fido-u2f-v1.2-ps-20170411/fido-u2f-javascript-api-v1.2-ps-20170411.html';
const WEBAUTHN = 'https://www.w3.org/TR/webauthn-3/';

const u2fMessages = (section: string, anchor: string): Source => ({ tag: 'FIDO U2F', section, url: `${U2F_RAW_MESSAGES}#${anchor}` });
const u2fJsApi = (section: string, anchor: string): Source => ({ tag: 'FIDO U2F', section, url: `${U2F_JS_API}#${anchor}` });
const webauthnSpec = (section: string, anchor: string): Source => ({ tag: 'W3C WebAuthn', section, url: `${WEBAUTHN}#${anchor}` });

const U2F = 'u2f';
const WEBAUTHN_FEATURE = 'webauthn';

export const FIDO_REQUIREMENTS: readonly Requirement[] = [
  // ---- u2f ----
  req('FACTORS.U2F.ENROLL.PENDING', 'MUST', FACTORS, U2F, 'enroll',
    'Enrolling u2f (FIDO) returns the factor PENDING_ACTIVATION with `_embedded.activation` {version, nonce, timeoutSeconds} (appId where published), an `activate` link and no `verify` link.',
    factorsDoc('§2.11 Enroll U2F factor', 'enroll-u2f-factor')),
  req('FACTORS.U2F.ACTIVATE.REGISTRATION', 'MUST', FACTORS, U2F, 'activate',
    'Activating with the U2F registrationData and clientData for the nonce answers 200 with the factor ACTIVE, `profile.credentialId` the key handle (websafe base64, what u2f.sign takes) and `profile.version`; it reads back so.',
    factorsDoc('§2.11 Activate U2F factor', 'activate-u2f-factor')),
  req('FACTORS.U2F.CHALLENGE', 'MUST', FACTORS, U2F, 'challenge',
    'Verify without a body answers {factorResult: CHALLENGE, profile {credentialId, version}, _links {verify, factor}, _embedded.challenge {nonce, timeoutSeconds}}, a new nonce each time.',
    factorsDoc('§2.11 Issue a U2F factor challenge', 'issue-a-u2f-factor-challenge')),
  req('FACTORS.U2F.VERIFY.ASSERTION', 'MUST', FACTORS, U2F, 'verify',
    'Verify with the clientData and signatureData the token signed for the nonce answers {factorResult: SUCCESS, profile}; the factor stays ACTIVE.',
    factorsDoc('§2.11 Verify a U2F factor challenge', 'verify-a-u2f-factor-challenge')),
  req('FACTORS.U2F.SIGNATURE', 'MUST', FACTORS, U2F, 'verify',
    'A registration whose attestation signature does not verify, an assertion whose signature does not verify, and an assertion by a key handle the factor does not hold are refused with 403 E0000068, and the factor is unchanged.',
    u2fMessages('§4.3 registration response, §5.4 authentication response', 'registration-response-message-success')),
  req('FACTORS.U2F.NONCE', 'MUST', FACTORS, U2F, 'verify',
    'clientData must carry the nonce the org issued: a registration or an assertion for another challenge, or for a nonce already used, is refused (403 E0000068) and the factor is unchanged.',
    factorsDoc('§2.11 "invalid nonce" → 403 E0000068', 'activate-u2f-factor')),
  req('FACTORS.U2F.APP_ID', 'MUST', FACTORS, U2F, 'verify',
    "A registration or an assertion made for another appId (application parameter ≠ SHA-256 of the org's appId) is refused with 403 E0000068.",
    authnDoc('§9 "appId is the origin"; §2.11 different DNS zones are refused', 'activate-u2f-factor')),
  req('FACTORS.U2F.CLIENT_DATA', 'MUST', FACTORS, U2F, 'verify',
    'clientData must name the operation (typ navigator.id.finishEnrollment / navigator.id.getAssertion) and come from the appId origin; otherwise the registration or assertion is refused with 403 E0000068.',
    u2fJsApi('§7.1 Client data', 'client-data')),
  req('FACTORS.U2F.COUNTER', 'MUST', FACTORS, U2F, 'verify',
    'An assertion whose counter is not above the last accepted one (a replay, a cloned token) is refused (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED); the factor stays ACTIVE.',
    u2fMessages('§5.4 counter', 'authentication-response-message-success')),
  req('FACTORS.U2F.USER_PRESENCE', 'MUST', FACTORS, U2F, 'verify',
    'An assertion without the user presence bit is refused with 403 E0000068.',
    u2fMessages('§5.4 user presence', 'authentication-response-message-success')),

  // ---- webauthn ----
  req('FACTORS.WEBAUTHN.ENROLL.PENDING', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'enroll',
    'Enrolling webauthn (FIDO) returns the factor PENDING_ACTIVATION with PublicKeyCredentialCreationOptions in `_embedded.activation` (challenge, rp.name, user {id, name, displayName}, pubKeyCredParams offering ES256 (-7) and RS256 (-257)), an `activate` link and no `verify` link.',
    factorsDoc('§2.12 Enroll WebAuthn factor', 'enroll-webauthn-factor')),
  req('FACTORS.WEBAUTHN.ENROLL.EXCLUDE_CREDENTIALS', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'enroll',
    "The creation options list the user's enrolled webauthn credentials in `excludeCredentials`, so an authenticator is not registered twice.",
    factorsSpec('§2.12 excludeCredentials', 'operation/enrollFactor')),
  req('FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'activate',
    'Activating with base64 attestation and clientData answers 200 with the factor ACTIVE and `profile.credentialId` the credential id, for every attestation format (none, packed self, packed full, fido-u2f) and every offered algorithm; the credential then verifies.',
    factorsDoc('§2.12 Activate WebAuthn factor', 'activate-webauthn-factor')),
  req('FACTORS.WEBAUTHN.ACTIVATE.DUPLICATE', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'activate',
    'A registration of a credential id already enrolled (a client that ignores excludeCredentials) is refused (403 E0000068 or 400 E0000001); the new factor stays pending and the enrolled one is untouched.',
    webauthnSpec('§7.1 step "credentialId is not yet registered"', 'sctn-registering-a-new-credential')),
  req('FACTORS.WEBAUTHN.CHALLENGE', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'challenge',
    "Verify by factor id without a body answers {factorResult: CHALLENGE, profile {credentialId}, _links {verify, factor}, _embedded.challenge {challenge, extensions}}; allowCredentials, when given, names the factor's credential.",
    factorsDoc('§2.12 Issue a WebAuthn factor challenge', 'issue-a-webauthn-factor-challenge')),
  req('FACTORS.WEBAUTHN.VERIFY.ASSERTION', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    'A user holds several webauthn factors; each verifies by its id with clientData, authenticatorData and signatureData ({factorResult: SUCCESS, profile}) and stays ACTIVE.',
    authnDoc('§9 "WebAuthn supports multiple factor instances"', 'verify-webauthn-factor')),
  req('FACTORS.WEBAUTHN.VERIFY.BY_ID', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    "An assertion by another of the user's webauthn credentials, posted to this factor's verify, is refused with 403 E0000068.",
    factorsDoc('§2.12 Verify a WebAuthn factor challenge', 'verify-a-webauthn-factor-challenge')),
  req('FACTORS.WEBAUTHN.ORIGIN', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    "A registration or an assertion whose clientData origin is not the org's is refused with 403 E0000068.",
    webauthnSpec('§7.1/§7.2 verify clientData.origin', 'sctn-verifying-assertion')),
  req('FACTORS.WEBAUTHN.RP_ID', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    "A registration or an assertion whose authenticatorData rpIdHash is not SHA-256 of the org's RP ID is refused with 403 E0000068.",
    webauthnSpec('§7.1/§7.2 verify rpIdHash', 'sctn-verifying-assertion')),
  req('FACTORS.WEBAUTHN.CHALLENGE_BINDING', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    'clientData must carry the challenge the org issued: a registration or an assertion for another challenge, or for one already used, is refused (403 E0000068) and the factor is unchanged.',
    factorsDoc('§2.12 "invalid nonce" → 403 E0000068', 'activate-webauthn-factor')),
  req('FACTORS.WEBAUTHN.CLIENT_DATA_TYPE', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    'A registration whose clientData type is not webauthn.create, or an assertion whose type is not webauthn.get, is refused with 403 E0000068.',
    webauthnSpec('§7.1/§7.2 verify clientData.type', 'sctn-verifying-assertion')),
  req('FACTORS.WEBAUTHN.SIGNATURE', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    'An attestation (packed, packed self, fido-u2f) or an assertion whose signature does not verify is refused with 403 E0000068, and the factor is unchanged.',
    webauthnSpec('§7.1 attestation statement, §7.2 assertion signature', 'sctn-verifying-assertion')),
  req('FACTORS.WEBAUTHN.COUNTER', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    'After assertions with a rising signCount, a replayed assertion or one whose signCount went down is refused (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED).',
    webauthnSpec('§6.1.1 Signature Counter Considerations', 'sctn-sign-counter')),
  req('FACTORS.WEBAUTHN.USER_PRESENCE', 'MUST', FACTORS, WEBAUTHN_FEATURE, 'verify',
    'A registration or an assertion without the UP flag is refused with 403 E0000068.',
    webauthnSpec('§7.1/§7.2 verify the UP flag', 'sctn-verifying-assertion')),
  req('FACTORS.WEBAUTHN.USER_VERIFICATION', 'SHOULD', FACTORS, WEBAUTHN_FEATURE, 'verify',
    "When the org's webauthn policy requires user verification, the options ask for it, and a registration or an assertion without the UV flag is refused with 403 E0000068 (OIE does not enforce it for Factors API enrollments).",
    webauthnSpec('§7.1/§7.2 verify the UV flag when required', 'sctn-verifying-assertion')),
];
