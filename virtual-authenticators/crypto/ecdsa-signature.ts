import { AsnEcSignatureFormatter } from './x509.js';

const P256 = { name: 'ECDSA', namedCurve: 'P-256' };

/**
 * WebCrypto's ECDSA output is raw r||s; WebAuthn and U2F carry the ASN.1 DER Ecdsa-Sig-Value (RFC 3279).
 * @peculiar/x509's formatter does the DER encoding.
 */
export function p256SignatureToDer(rawSignature: Uint8Array): Uint8Array<ArrayBuffer> {
  const der = new AsnEcSignatureFormatter().toAsnSignature(P256, rawSignature);
  if (!der) throw new Error('Could not encode the ECDSA signature as DER');
  return new Uint8Array(der);
}
