import { bytesEqual, concatBytes, randomBytes } from '../encoding/bytes.js';
import { toBase64Url } from '../encoding/base64url.js';
import { attestationChain, exportCertificate, type AttestationBatch } from '../crypto/attestation-ca.js';
import type { CertificateExport, CertifiedKey } from '../crypto/attestation-ca.js';
import { coseKeyOf, generateKeyPair, prepareCredentialKeys, signAs, spkiOf } from '../crypto/credential-key.js';
import type { CoseAlgorithm } from '../crypto/cose.js';
import { sha256 } from '../crypto/webcrypto.js';
import { corruptSignature } from '../misbehaviour.js';
import { DEFAULT_AAGUID, ZERO_AAGUID, formatAaguid, parseAaguid } from './aaguid.js';
import { makeAttestationStatement } from './attestation.js';
import type { AttestationKind } from './attestation.js';
import { encodeAttestationObject } from './attestation-object.js';
import { encodeAuthenticatorData } from './authenticator-data.js';
import { serializeClientData } from './client-data.js';
import {
  decideUserVerification,
  decodeOptionBytes,
  decodeUserHandle,
  requireSupportedAlgorithm,
  wantsDiscoverableCredential,
} from './client-rules.js';
import { webAuthnError } from './errors.js';
import type {
  AuthenticationExtensionsClientOutputsJSON,
  AuthenticationResponseJSON,
  AuthenticatorAttachment,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialDescriptorJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from './json-types.js';
import {
  collectClientData,
  foreignAaguid,
  rpIdHashFor,
  tamperAttestationObjectBytes,
} from './misbehaviour.js';
import type { AssertionMisbehaviour, RegistrationMisbehaviour } from './misbehaviour.js';
import { resolveCeremonyScope } from './rp-id.js';
import { describeCredential } from './virtual-credential.js';
import type { StoredCredential, VirtualCredentialInfo } from './virtual-credential.js';

export interface WebAuthnAuthenticatorOptions {
  /** Attestation statement it returns, whatever the RP's conveyance preference. Default "none". */
  attestation?: AttestationKind;
  /** COSE algorithm of the credentials it makes. Default -7 (ES256); fido-u2f allows only -7. */
  algorithm?: CoseAlgorithm;
  /** UUID string or 16 bytes. Default: this package's model AAGUID; always all zeros for fido-u2f. */
  aaguid?: string | Uint8Array;
  /** Whether it can verify the user (PIN, biometrics). Default true; a fido-u2f (CTAP1) device cannot. */
  userVerification?: boolean;
  /** Default "cross-platform" (a USB security key); "platform" answers with transport "internal". */
  attachment?: AuthenticatorAttachment;
  /** packed and fido-u2f: an attestation chain of its own (default), or its model's, shared in this process. */
  attestationBatch?: AttestationBatch;
}

interface AuthenticatorSettings {
  attestation: AttestationKind;
  algorithm: CoseAlgorithm;
  aaguid: Uint8Array;
  userVerification: boolean;
  attachment: AuthenticatorAttachment;
}

function settingsFrom(options: WebAuthnAuthenticatorOptions): AuthenticatorSettings {
  const attestation = options.attestation ?? 'none';
  const algorithm = options.algorithm ?? -7;
  if (attestation !== 'fido-u2f') {
    return {
      attestation,
      algorithm,
      aaguid: parseAaguid(options.aaguid ?? DEFAULT_AAGUID),
      userVerification: options.userVerification ?? true,
      attachment: options.attachment ?? 'cross-platform',
    };
  }
  // A U2F (CTAP1) device seen through WebAuthn: P-256 only, all-zero AAGUID, no user verification.
  if (algorithm !== -7) throw new TypeError('fido-u2f attestation is only defined for ES256 (-7) credentials');
  const aaguid = parseAaguid(options.aaguid ?? ZERO_AAGUID);
  if (aaguid.some((byte) => byte !== 0)) {
    throw new TypeError('A fido-u2f authenticator has an all-zero AAGUID (use the "wrong-aaguid" tamper to send another)');
  }
  if (options.userVerification) throw new TypeError('A fido-u2f (CTAP1) authenticator cannot verify the user');
  return { attestation, algorithm, aaguid, userVerification: false, attachment: options.attachment ?? 'cross-platform' };
}

/**
 * A software WebAuthn authenticator together with the browser part of the ceremony (RP ID rules, option parsing,
 * excludeCredentials / allowCredentials, clientDataJSON). It takes the W3C JSON options and returns the W3C JSON
 * credential, as `PublicKeyCredential.parseCreationOptionsFromJSON()` … `toJSON()` would in a browser.
 */
export class WebAuthnAuthenticator {
  readonly attestation: AttestationKind;
  readonly algorithm: CoseAlgorithm;
  readonly userVerification: boolean;
  readonly attachment: AuthenticatorAttachment;
  readonly #aaguid: Uint8Array;
  readonly #attestationCa: CertifiedKey | undefined;
  readonly #attestationKey: CertifiedKey | undefined;
  readonly #credentials: StoredCredential[] = [];

  private constructor(settings: AuthenticatorSettings, ca: CertifiedKey | undefined, attestationKey: CertifiedKey | undefined) {
    this.attestation = settings.attestation;
    this.algorithm = settings.algorithm;
    this.userVerification = settings.userVerification;
    this.attachment = settings.attachment;
    this.#aaguid = settings.aaguid;
    this.#attestationCa = ca;
    this.#attestationKey = attestationKey;
  }

  static async create(options: WebAuthnAuthenticatorOptions = {}): Promise<WebAuthnAuthenticator> {
    const settings = settingsFrom(options);
    if (settings.attestation !== 'packed' && settings.attestation !== 'fido-u2f') {
      return new WebAuthnAuthenticator(settings, undefined, undefined);
    }
    const { ca, attestationKey } = await attestationChain(options.attestationBatch ?? 'own', 'mfa-conformance Virtual Authenticator CA', {
      commonName: settings.attestation === 'packed' ? 'Virtual WebAuthn Authenticator' : 'Virtual U2F Authenticator',
      // U2F-era certificates predate id-fido-gen-ce-aaguid (and their AAGUID is zero anyway).
      ...(settings.attestation === 'packed' ? { aaguid: settings.aaguid } : {}),
    });
    return new WebAuthnAuthenticator(settings, ca, attestationKey);
  }

  /**
   * Starts making the key pairs of the next `count` credentials of this algorithm now, on the thread pool, so that
   * registering them later does not wait (RSA-2048 keys take a hundred milliseconds or more). Every credential still
   * has a key of its own.
   */
  static prepareKeys(algorithm: CoseAlgorithm, count: number): void {
    prepareCredentialKeys(algorithm, count);
  }

  /** The AAGUID it writes into attested credential data, as a UUID string. */
  get aaguid(): string {
    return formatAaguid(this.#aaguid);
  }

  /** Trust anchor for its attestation certificate (packed and fido-u2f); undefined for none and packed-self. */
  get caCertificate(): CertificateExport | undefined {
    return this.#attestationCa && exportCertificate(this.#attestationCa.certificate);
  }

  /** The attestation certificate it puts in x5c (packed and fido-u2f). */
  get attestationCertificate(): CertificateExport | undefined {
    return this.#attestationKey && exportCertificate(this.#attestationKey.certificate);
  }

  /** Credentials it holds, oldest first, without their private keys. */
  get credentials(): VirtualCredentialInfo[] {
    return this.#credentials.map(describeCredential);
  }

  get #transports(): AuthenticatorTransport[] {
    return this.attachment === 'platform' ? ['internal'] : ['usb'];
  }

  /** navigator.credentials.create({ publicKey }) at `origin`. */
  async createCredential(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
    misbehaviour: RegistrationMisbehaviour = {},
  ): Promise<RegistrationResponseJSON> {
    const { tamper } = misbehaviour;
    const { origin: callerOrigin, rpId } = resolveCeremonyScope(origin, options.rp.id);
    const challenge = decodeOptionBytes('challenge', options.challenge);
    const userHandle = decodeUserHandle(options.user.id);
    requireSupportedAlgorithm(options.pubKeyCredParams, this.algorithm);
    this.#refuseAttachment(options.authenticatorSelection?.authenticatorAttachment);
    this.#refuseExcludedCredentials(rpId, options.excludeCredentials ?? []);
    const userVerified = decideUserVerification(options.authenticatorSelection?.userVerification, this.userVerification);
    const discoverable = wantsDiscoverableCredential(options.authenticatorSelection);

    const keyPair = await generateKeyPair(this.algorithm);
    // A U2F key handle is 64 bytes on real devices; a CTAP2 credential ID here is 32 random bytes.
    const credentialId = randomBytes(this.attestation === 'fido-u2f' ? 64 : 32);
    const credentialPublicKey = await coseKeyOf(this.algorithm, keyPair.publicKey);

    const clientDataJSON = serializeClientData(collectClientData('webauthn.create', challenge, callerOrigin, tamper));
    const rpIdHash = rpIdHashFor(rpId, tamper);
    const authData = encodeAuthenticatorData({
      rpIdHash,
      userPresent: tamper !== 'no-user-presence',
      userVerified: userVerified && tamper !== 'no-user-verification',
      signCount: 0,
      attestedCredentialData: {
        aaguid: tamper === 'wrong-aaguid' ? foreignAaguid(this.#aaguid) : this.#aaguid,
        credentialId,
        credentialPublicKey,
      },
    });
    const statement = await makeAttestationStatement(this.attestation, {
      authData,
      clientDataHash: sha256(clientDataJSON),
      rpIdHash,
      credentialId,
      credentialAlgorithm: this.algorithm,
      credentialPrivateKey: keyPair.privateKey,
      credentialPublicKey: keyPair.publicKey,
      ...(this.#attestationKey ? { attestationKey: this.#attestationKey } : {}),
      corruptSignature: tamper === 'bad-signature',
    });
    const attestationObject = tamperAttestationObjectBytes(encodeAttestationObject(statement, authData), tamper);

    this.#credentials.push({
      id: credentialId,
      rpId,
      userHandle,
      algorithm: this.algorithm,
      privateKey: keyPair.privateKey,
      publicKey: credentialPublicKey,
      discoverable,
      signCount: 0,
    });

    const clientExtensionResults: AuthenticationExtensionsClientOutputsJSON = {};
    if (options.extensions?.credProps) clientExtensionResults.credProps = { rk: discoverable };
    const id = toBase64Url(credentialId);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: toBase64Url(clientDataJSON),
        attestationObject: toBase64Url(attestationObject),
        authenticatorData: toBase64Url(authData),
        transports: this.#transports,
        publicKeyAlgorithm: this.algorithm,
        publicKey: toBase64Url(await spkiOf(keyPair.publicKey)),
      },
      authenticatorAttachment: this.attachment,
      clientExtensionResults,
    };
  }

  /** navigator.credentials.get({ publicKey }) at `origin`. */
  async getAssertion(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    misbehaviour: AssertionMisbehaviour = {},
  ): Promise<AuthenticationResponseJSON> {
    const { tamper } = misbehaviour;
    const { origin: callerOrigin, rpId } = resolveCeremonyScope(origin, options.rpId);
    const challenge = decodeOptionBytes('challenge', options.challenge);
    const credential = this.#selectCredential(rpId, options.allowCredentials ?? []);
    const userVerified = decideUserVerification(options.userVerification, this.userVerification);

    let signCount: number;
    if (tamper === 'counter-regression') {
      signCount = Math.max(credential.signCount - 1, 0);
    } else {
      credential.signCount += 1;
      signCount = credential.signCount;
    }

    const clientDataJSON = serializeClientData(collectClientData('webauthn.get', challenge, callerOrigin, tamper));
    const authenticatorData = encodeAuthenticatorData({
      rpIdHash: rpIdHashFor(rpId, tamper),
      userPresent: tamper !== 'no-user-presence',
      userVerified: userVerified && tamper !== 'no-user-verification',
      signCount,
    });
    const signed = concatBytes(authenticatorData, sha256(clientDataJSON));
    const signature = await signAs(credential.algorithm, credential.privateKey, signed);

    const clientExtensionResults: AuthenticationExtensionsClientOutputsJSON = {};
    // Its credentials are scoped to RP IDs, never to a U2F appId, so the appid extension is never used.
    if (options.extensions?.appid !== undefined) clientExtensionResults.appid = false;
    const id = toBase64Url(credential.id);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: toBase64Url(clientDataJSON),
        authenticatorData: toBase64Url(authenticatorData),
        signature: toBase64Url(tamper === 'bad-signature' ? corruptSignature(signature) : signature),
        userHandle: toBase64Url(credential.userHandle),
      },
      authenticatorAttachment: this.attachment,
      clientExtensionResults,
    };
  }

  #refuseAttachment(requested: AuthenticatorAttachment | undefined): void {
    if (requested !== undefined && requested !== this.attachment) {
      throw webAuthnError('NotAllowedError', `The RP asked for a ${requested} authenticator; this one is ${this.attachment}`);
    }
  }

  #refuseExcludedCredentials(rpId: string, excluded: readonly PublicKeyCredentialDescriptorJSON[]): void {
    for (const descriptor of excluded) {
      const excludedId = decodeOptionBytes('excludeCredentials[].id', descriptor.id);
      if (this.#credentials.some((held) => held.rpId === rpId && bytesEqual(held.id, excludedId))) {
        throw webAuthnError('InvalidStateError', 'The authenticator already holds a credential the RP excluded');
      }
    }
  }

  /** The first allowed credential it holds for this RP, or (no allow list) its newest discoverable one. */
  #selectCredential(rpId: string, allowed: readonly PublicKeyCredentialDescriptorJSON[]): StoredCredential {
    const forRp = this.#credentials.filter((held) => held.rpId === rpId);
    let selected: StoredCredential | undefined;
    if (allowed.length > 0) {
      for (const descriptor of allowed) {
        const allowedId = decodeOptionBytes('allowCredentials[].id', descriptor.id);
        selected = forRp.find((held) => bytesEqual(held.id, allowedId));
        if (selected) break;
      }
    } else {
      selected = forRp.filter((held) => held.discoverable).at(-1);
    }
    if (!selected) {
      throw webAuthnError('NotAllowedError', `No ${allowed.length > 0 ? 'allowed' : 'discoverable'} credential for RP ID "${rpId}"`);
    }
    return selected;
  }
}
