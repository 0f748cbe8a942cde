import { bytesToHex, randomBytes } from '../encoding/bytes.js';
import { crypto, subtle } from './webcrypto.js';
import type { CryptoKey } from './webcrypto.js';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from './x509.js';
import type { X509Certificate } from './x509.js';

/** id-fido-gen-ce-aaguid: the AAGUID of the authenticator model, in its attestation certificate. */
const FIDO_GEN_CE_AAGUID_OID = '1.3.6.1.4.1.45724.1.1.4';

/** A certificate in both forms tests and trust stores take. */
export interface CertificateExport {
  readonly pem: string;
  readonly der: Uint8Array;
}

/** A P-256 key with its certificate: the authenticator's CA, or the attestation key it issued. */
export interface CertifiedKey {
  readonly certificate: X509Certificate;
  readonly privateKey: CryptoKey;
}

// Long, fixed validity so that no verifier's clock (real or virtual) falls outside it.
const NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const NOT_AFTER = new Date('2099-12-31T23:59:59Z');
const P256_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ES256_SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const VENDOR = 'C=US, O=mfa-conformance';

function positiveSerialNumber(): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return bytesToHex(serial);
}

/**
 * The AAGUID extension's value is an OCTET STRING holding the 16 AAGUID bytes. A SubjectKeyIdentifier value has exactly
 * that DER shape, so @peculiar/x509 encodes it for us rather than writing DER by hand.
 */
function aaguidExtension(aaguid: Uint8Array): Extension {
  const octetString = new SubjectKeyIdentifierExtension(bytesToHex(aaguid)).value;
  return new Extension(FIDO_GEN_CE_AAGUID_OID, false, octetString);
}

export function exportCertificate(certificate: X509Certificate): CertificateExport {
  return { pem: certificate.toString('pem'), der: new Uint8Array(certificate.rawData) };
}

/** A self-signed root that issues this authenticator's attestation certificate. */
async function createAttestationCa(commonName: string): Promise<CertifiedKey> {
  const keys = await subtle.generateKey(P256_KEY, true, ['sign', 'verify']);
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: positiveSerialNumber(),
      name: `${VENDOR}, OU=Authenticator Attestation CA, CN=${commonName}`,
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
      keys,
      signingAlgorithm: ES256_SIGNING,
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { certificate, privateKey: keys.privateKey };
}

/**
 * An attestation certificate as FIDO requires it for packed attestation: X.509 v3, subject C/O/OU/CN with OU
 * "Authenticator Attestation", basicConstraints CA=false, and (when an AAGUID is given) id-fido-gen-ce-aaguid.
 */
async function issueAttestationCertificate(
  ca: CertifiedKey,
  options: { commonName: string; aaguid?: Uint8Array },
): Promise<CertifiedKey> {
  const keys = await subtle.generateKey(P256_KEY, true, ['sign', 'verify']);
  const extensions: Extension[] = [
    new BasicConstraintsExtension(false, undefined, true),
    new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
    await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
    await AuthorityKeyIdentifierExtension.create(ca.certificate.publicKey, false, crypto),
  ];
  if (options.aaguid) extensions.push(aaguidExtension(options.aaguid));
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: positiveSerialNumber(),
      subject: `${VENDOR}, OU=Authenticator Attestation, CN=${options.commonName}`,
      issuer: ca.certificate.subjectName,
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
      publicKey: keys.publicKey,
      signingKey: ca.privateKey,
      signingAlgorithm: ES256_SIGNING,
      extensions,
    },
    crypto,
  );
  return { certificate, privateKey: keys.privateKey };
}

/** An authenticator model's attestation: its CA and the attestation key that CA certified. */
export interface AttestationChain {
  readonly ca: CertifiedKey;
  readonly attestationKey: CertifiedKey;
}

const MODEL_CHAINS = new Map<string, Promise<AttestationChain>>();

/**
 * Whose attestation chain an authenticator carries: `own`, one made for it alone (the default); `model`, one made
 * once per process and shared by every authenticator of the same model (AAGUID), as real devices share it (FIDO
 * attestation keys belong to a batch of at least 100,000 devices). Making keys and certificates per authenticator
 * cost the suites more CPU than anything else the authenticators do.
 */
export type AttestationBatch = 'own' | 'model';

export function attestationChain(
  batch: AttestationBatch,
  caCommonName: string,
  options: { commonName: string; aaguid?: Uint8Array },
): Promise<AttestationChain> {
  if (batch === 'own') return newChain(caCommonName, options);
  const key = [caCommonName, options.commonName, options.aaguid ? bytesToHex(options.aaguid) : ''].join('\u0000');
  let chain = MODEL_CHAINS.get(key);
  if (!chain) {
    chain = newChain(caCommonName, options);
    // a failure is not kept: the next authenticator tries again
    chain.catch(() => MODEL_CHAINS.delete(key));
    MODEL_CHAINS.set(key, chain);
  }
  return chain;
}

async function newChain(caCommonName: string, options: { commonName: string; aaguid?: Uint8Array }): Promise<AttestationChain> {
  const ca = await createAttestationCa(caCommonName);
  return { ca, attestationKey: await issueAttestationCertificate(ca, options) };
}
