import { SettingsService } from '@simplewebauthn/server';
import { afterAll } from 'vitest';

/** The attestation formats whose certificate chains these tests verify against their own authenticator's CA. */
const CHAIN_FORMATS = ['packed', 'fido-u2f'] as const;

/**
 * SimpleWebAuthn's trust store (SettingsService) is one per module instance, and the shared project's threads keep
 * modules from file to file: a file that trusted only its own authenticator's CA and left it so made every later
 * verifier in its worker refuse any other authenticator's chain (test/mock-org/fido.test.ts: the mock org's webauthn
 * activation answered 403 whenever webauthn-attestation or webauthn-misbehaviour had run before it in its worker).
 *
 * Returns `trustOnly(certificates)`, which makes the chain formats trust exactly these roots; after the file's tests
 * they trust again what they trusted before.
 */
export function useTrustedRoots(): (certificates: readonly string[]) => void {
  const before = CHAIN_FORMATS.map((identifier) => ({ identifier, certificates: SettingsService.getRootCertificates({ identifier }) }));
  afterAll(() => {
    for (const saved of before) SettingsService.setRootCertificates(saved);
  });
  return (certificates) => {
    for (const identifier of CHAIN_FORMATS) SettingsService.setRootCertificates({ identifier, certificates: [...certificates] });
  };
}
