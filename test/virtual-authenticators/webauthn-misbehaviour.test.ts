import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { WebAuthnCredential } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { ASSERTION_TAMPERS, WebAuthnAuthenticator } from '../../virtual-authenticators/index.js';
import type { AssertionTamper, AttestationKind, RegistrationTamper } from '../../virtual-authenticators/index.js';
import { outcomeOf } from './helpers/simplewebauthn-outcome.js';
import { useTrustedRoots } from './helpers/trusted-roots.js';
import { decodeAttestationObject, decodeCborStrictly } from './helpers/webauthn-bytes.js';

/** Each authenticator's own CA is the one root its chain formats trust. */
const trustOnly = useTrustedRoots();

const ORIGIN = 'https://example.org';
const RP_ID = 'example.org';

async function register(authenticator: WebAuthnAuthenticator, tamper?: RegistrationTamper) {
  const options = await generateRegistrationOptions({
    rpName: 'Example',
    rpID: RP_ID,
    userName: 'alice',
    attestationType: 'direct',
    authenticatorSelection: { userVerification: authenticator.userVerification ? 'required' : 'discouraged' },
  });
  const response = await authenticator.createCredential(options, ORIGIN, tamper ? { tamper } : {});
  const verification = verifyRegistrationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: authenticator.userVerification,
  });
  return { response, verification };
}

async function authenticatorFor(attestation: AttestationKind): Promise<WebAuthnAuthenticator> {
  const authenticator = await WebAuthnAuthenticator.create({ attestation });
  trustOnly(authenticator.caCertificate ? [authenticator.caCertificate.pem] : []);
  return authenticator;
}

describe('registration misbehaviour, against SimpleWebAuthn verifyRegistrationResponse', () => {
  const rejected: [RegistrationTamper, AttestationKind, RegExp][] = [
    ['wrong-origin', 'packed', /^rejected: Unexpected registration response origin "https:\/\/attacker.example"/],
    ['wrong-type', 'packed', /^rejected: Unexpected registration response type: webauthn.get/],
    ['wrong-challenge', 'packed', /^rejected: Unexpected registration response challenge/],
    ['wrong-rp-id', 'packed', /^rejected: .*RP ID/i],
    ['bad-signature', 'packed', /^not verified$/],
    ['bad-signature', 'packed-self', /^not verified$/],
    ['bad-signature', 'fido-u2f', /^not verified$/],
    ['no-user-presence', 'packed', /^rejected: User presence was required/],
    ['no-user-verification', 'packed', /^rejected: User verification was required/],
    ['wrong-aaguid', 'fido-u2f', /^rejected: AAGUID .* was not expected value/],
    ['wrong-aaguid', 'packed', /^rejected: Certificate extension id-fido-gen-ce-aaguid .* not equal/],
  ];
  it.each(rejected)('%s (%s attestation) is refused', async (tamper, attestation, expected) => {
    const authenticator = await authenticatorFor(attestation);
    expect(await outcomeOf(register(authenticator).then((r) => r.verification))).toBe('verified');
    expect(await outcomeOf(register(authenticator, tamper).then((r) => r.verification))).toMatch(expected);
  });

  it('bad-signature has nothing to corrupt with "none" attestation', async () => {
    const authenticator = await authenticatorFor('none');
    await expect(register(authenticator, 'bad-signature')).rejects.toThrow(TypeError);
  });

  it('trailing-cbor-bytes: SimpleWebAuthn decodes only the first CBOR item and accepts it; a strict decoder refuses', async () => {
    const authenticator = await authenticatorFor('packed');
    const { response, verification } = await register(authenticator, 'trailing-cbor-bytes');
    expect(await outcomeOf(verification)).toBe('verified');
    const bytes = new Uint8Array(Buffer.from(response.response.attestationObject, 'base64url'));
    expect(() => decodeCborStrictly(bytes)).toThrow(/end of buffer not reached/);
    expect(() => decodeAttestationObject(bytes.subarray(0, -2))).not.toThrow();
  });

  it('truncated-cbor: SimpleWebAuthn reads the cut byte string without complaint, but the shortened authData fails the signature; a strict decoder refuses', async () => {
    const authenticator = await authenticatorFor('packed');
    const { response, verification } = await register(authenticator, 'truncated-cbor');
    expect(await outcomeOf(verification)).toBe('not verified');
    const bytes = new Uint8Array(Buffer.from(response.response.attestationObject, 'base64url'));
    expect(() => decodeCborStrictly(bytes)).toThrow(/Unexpected end of CBOR data/);
  });

  it('wrong-aaguid with "none" attestation cannot be detected: SimpleWebAuthn reports the foreign AAGUID', async () => {
    const authenticator = await authenticatorFor('none');
    const { verification } = await register(authenticator, 'wrong-aaguid');
    const result = await verification;
    expect(result.verified).toBe(true);
    expect(result.registrationInfo?.aaguid).not.toBe(authenticator.aaguid);
  });
});

describe('assertion misbehaviour, against SimpleWebAuthn verifyAuthenticationResponse', () => {
  async function registeredWithTwoAssertions() {
    const authenticator = await authenticatorFor('packed');
    const { verification } = await register(authenticator);
    let credential: WebAuthnCredential = (await verification).registrationInfo!.credential;
    const assert = async (tamper?: AssertionTamper) => {
      const options = await generateAuthenticationOptions({
        rpID: RP_ID,
        allowCredentials: [{ id: credential.id }],
        userVerification: 'required',
      });
      const response = await authenticator.getAssertion(options, ORIGIN, tamper ? { tamper } : {});
      return verifyAuthenticationResponse({
        response,
        expectedChallenge: options.challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: RP_ID,
        credential,
        requireUserVerification: true,
      });
    };
    for (let i = 0; i < 2; i++) {
      const { authenticationInfo } = await assert();
      credential = { ...credential, counter: authenticationInfo.newCounter };
    }
    return { authenticator, assert };
  }

  const expectations: Record<AssertionTamper, RegExp> = {
    'wrong-origin': /^rejected: Unexpected authentication response origin "https:\/\/attacker.example"/,
    'wrong-type': /^rejected: Unexpected authentication response type: webauthn.create/,
    'wrong-challenge': /^rejected: Unexpected authentication response challenge/,
    'wrong-rp-id': /^rejected: .*RP ID/i,
    'bad-signature': /^not verified$/,
    'counter-regression': /^rejected: Response counter value 1 was lower than expected 2/,
    'no-user-presence': /^rejected: User not present during authentication/,
    'no-user-verification': /^rejected: User verification required, but user could not be verified/,
  };

  it.each(ASSERTION_TAMPERS.map((tamper) => [tamper, expectations[tamper]] as const))('%s is refused', async (tamper, expected) => {
    const { assert } = await registeredWithTwoAssertions();
    expect(await outcomeOf(assert(tamper))).toMatch(expected);
  });

  it('counter-regression does not move the stored counter, so the next genuine assertion carries on', async () => {
    const { authenticator, assert } = await registeredWithTwoAssertions();
    await outcomeOf(assert('counter-regression'));
    expect(authenticator.credentials[0]!.signCount).toBe(2);
    expect((await assert()).authenticationInfo.newCounter).toBe(3);
  });

  it('counter-regression on a fresh credential sends 0 again, which the counter rule cannot see (0 -> 0)', async () => {
    const authenticator = await authenticatorFor('none');
    const { verification } = await register(authenticator);
    const credential = (await verification).registrationInfo!.credential;
    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: credential.id }] });
    const response = await authenticator.getAssertion(options, ORIGIN, { tamper: 'counter-regression' });
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: options.challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      credential,
    });
    expect(result.verified).toBe(true);
    expect(result.authenticationInfo.newCounter).toBe(0);
  });
});
