import { bytesEqual, randomBytes, utf8Bytes } from '../encoding/bytes.js';
import { fromBase64Url, toBase64Url } from '../encoding/base64url.js';
import { attestationChain, exportCertificate, type AttestationBatch } from '../crypto/attestation-ca.js';
import type { CertificateExport, CertifiedKey } from '../crypto/attestation-ca.js';
import { generateKeyPair, rawP256PublicKeyOf, signAs } from '../crypto/credential-key.js';
import { sha256 } from '../crypto/webcrypto.js';
import type { CryptoKey } from '../crypto/webcrypto.js';
import { FOREIGN_ORIGIN, corruptSignature } from '../misbehaviour.js';
import { serializeU2fClientData } from './u2f-client-data.js';
import type { U2fClientDataType } from './u2f-client-data.js';
import { U2F_ERROR_CODE, U2fError } from './u2f-error.js';
import {
  U2F_USER_PRESENCE,
  authenticationSignedBytes,
  encodeAuthenticationResponse,
  encodeRegistrationResponse,
  registrationSignedBytes,
} from './u2f-messages.js';

export interface U2fRegisterRequest {
  appId: string;
  /** The server's websafe-base64 challenge, copied into the client data unchanged. */
  challenge: string;
  /** The caller's facet. Default: the appId. */
  origin?: string;
  /** Key handles the server already has for the user (U2F JS API `registeredKeys`). */
  registeredKeys?: readonly { keyHandle: string; appId?: string }[];
}

export interface U2fRegisterResponse {
  version: 'U2F_V2';
  /** websafe base64 (no padding) of the raw registration response. */
  registrationData: string;
  /** websafe base64 of the client data JSON. */
  clientData: string;
}

export interface U2fSignRequest {
  appId: string;
  challenge: string;
  keyHandle: string;
  /** The caller's facet. Default: the appId. */
  origin?: string;
}

export interface U2fSignResponse {
  keyHandle: string;
  /** websafe base64 of the raw authentication response. */
  signatureData: string;
  clientData: string;
}

export const U2F_REGISTRATION_TAMPERS = [
  'wrong-origin', // clientData.origin is another site
  'wrong-type', // clientData.typ is "navigator.id.getAssertion"
  'wrong-challenge', // clientData.challenge is not the server's
  'wrong-app-id', // application parameter is the hash of another appId
  'bad-signature', // attestation signature does not verify
] as const;
export type U2fRegistrationTamper = (typeof U2F_REGISTRATION_TAMPERS)[number];

export const U2F_SIGN_TAMPERS = [
  'wrong-origin',
  'wrong-type', // clientData.typ is "navigator.id.finishEnrollment"
  'wrong-challenge',
  'wrong-app-id',
  'bad-signature',
  'counter-regression', // counter one below the last one sent (0 stays 0); the token's counter does not move
  'no-user-presence', // user presence byte 0x00
] as const;
export type U2fSignTamper = (typeof U2F_SIGN_TAMPERS)[number];

/** A key pair the token made, found again through its key handle. */
interface U2fRegistration {
  readonly keyHandle: Uint8Array;
  readonly appId: string;
  readonly applicationParameter: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly userPublicKey: Uint8Array;
}

/** What tests may see of a registration. */
export interface U2fRegistrationInfo {
  readonly keyHandle: string;
  readonly appId: string;
  /** Uncompressed P-256 point, 65 bytes. */
  readonly userPublicKey: Uint8Array;
}

const OTHER_TYP: Record<U2fClientDataType, U2fClientDataType> = {
  'navigator.id.finishEnrollment': 'navigator.id.getAssertion',
  'navigator.id.getAssertion': 'navigator.id.finishEnrollment',
};

function clientDataFor(
  typ: U2fClientDataType,
  request: { challenge: string; appId: string; origin?: string },
  tamper: U2fRegistrationTamper | U2fSignTamper | undefined,
): Uint8Array<ArrayBuffer> {
  return serializeU2fClientData(
    tamper === 'wrong-type' ? OTHER_TYP[typ] : typ,
    tamper === 'wrong-challenge' ? toBase64Url(randomBytes(32)) : request.challenge,
    tamper === 'wrong-origin' ? FOREIGN_ORIGIN : (request.origin ?? request.appId),
  );
}

function applicationParameterFor(appId: string, tamper: U2fRegistrationTamper | U2fSignTamper | undefined): Uint8Array<ArrayBuffer> {
  return sha256(utf8Bytes(tamper === 'wrong-app-id' ? FOREIGN_ORIGIN : appId));
}

function decodeKeyHandle(keyHandle: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64Url(keyHandle);
  } catch {
    throw new U2fError(U2F_ERROR_CODE.BAD_REQUEST, `Key handle is not websafe base64: "${keyHandle}"`);
  }
}

/**
 * A FIDO U2F security key behind the U2F JavaScript API: `register` and `sign` take the server's request and answer
 * the JS API's response objects, with raw messages byte for byte as the U2F raw message format defines them.
 */
export class U2fToken {
  readonly #attestationCa: CertifiedKey;
  readonly #attestationKey: CertifiedKey;
  readonly #registrations: U2fRegistration[] = [];
  #counter = 0;

  private constructor(ca: CertifiedKey, attestationKey: CertifiedKey) {
    this.#attestationCa = ca;
    this.#attestationKey = attestationKey;
  }

  /** `attestationBatch`: an attestation chain of its own (default), or its model's, shared in this process. */
  static async create(options: { attestationBatch?: AttestationBatch } = {}): Promise<U2fToken> {
    const { ca, attestationKey } = await attestationChain(options.attestationBatch ?? 'own', 'mfa-conformance Virtual U2F CA', {
      commonName: 'Virtual U2F Token',
    });
    return new U2fToken(ca, attestationKey);
  }

  /** The certificate inside registrationData (signs registrations). */
  get attestationCertificate(): CertificateExport {
    return exportCertificate(this.#attestationKey.certificate);
  }

  /** The root that issued the attestation certificate. */
  get caCertificate(): CertificateExport {
    return exportCertificate(this.#attestationCa.certificate);
  }

  /** The token-wide counter: the value the last signature carried. */
  get counter(): number {
    return this.#counter;
  }

  get registrations(): U2fRegistrationInfo[] {
    return this.#registrations.map((registration) => ({
      keyHandle: toBase64Url(registration.keyHandle),
      appId: registration.appId,
      userPublicKey: new Uint8Array(registration.userPublicKey),
    }));
  }

  async register(request: U2fRegisterRequest, misbehaviour: { tamper?: U2fRegistrationTamper } = {}): Promise<U2fRegisterResponse> {
    const { tamper } = misbehaviour;
    for (const registered of request.registeredKeys ?? []) {
      if (this.#find(decodeKeyHandle(registered.keyHandle), registered.appId ?? request.appId)) {
        throw new U2fError(U2F_ERROR_CODE.DEVICE_INELIGIBLE, 'This token is already registered for the application');
      }
    }
    const keyPair = await generateKeyPair(-7);
    const userPublicKey = await rawP256PublicKeyOf(keyPair.publicKey);
    const keyHandle = randomBytes(64);
    const clientData = clientDataFor('navigator.id.finishEnrollment', request, tamper);
    const applicationParameter = applicationParameterFor(request.appId, tamper);
    const signed = registrationSignedBytes({
      applicationParameter,
      challengeParameter: sha256(clientData),
      keyHandle,
      userPublicKey,
    });
    const signature = await signAs(-7, this.#attestationKey.privateKey, signed);
    this.#registrations.push({
      keyHandle,
      appId: request.appId,
      applicationParameter: sha256(utf8Bytes(request.appId)),
      privateKey: keyPair.privateKey,
      userPublicKey,
    });
    const registrationData = encodeRegistrationResponse({
      userPublicKey,
      keyHandle,
      attestationCertificate: new Uint8Array(this.#attestationKey.certificate.rawData),
      signature: tamper === 'bad-signature' ? corruptSignature(signature) : signature,
    });
    return { version: 'U2F_V2', registrationData: toBase64Url(registrationData), clientData: toBase64Url(clientData) };
  }

  async sign(request: U2fSignRequest, misbehaviour: { tamper?: U2fSignTamper } = {}): Promise<U2fSignResponse> {
    const { tamper } = misbehaviour;
    const registration = this.#find(decodeKeyHandle(request.keyHandle), request.appId);
    if (!registration) {
      // A real token answers "wrong data" to a key handle it did not make for this appId; the client reports that so.
      throw new U2fError(U2F_ERROR_CODE.DEVICE_INELIGIBLE, 'This token has no such key handle for the application');
    }
    let counter: number;
    if (tamper === 'counter-regression') {
      counter = Math.max(this.#counter - 1, 0);
    } else {
      this.#counter += 1;
      counter = this.#counter;
    }
    const userPresence = tamper === 'no-user-presence' ? 0x00 : U2F_USER_PRESENCE;
    const clientData = clientDataFor('navigator.id.getAssertion', request, tamper);
    const signed = authenticationSignedBytes({
      applicationParameter: applicationParameterFor(request.appId, tamper),
      userPresence,
      counter,
      challengeParameter: sha256(clientData),
    });
    const signature = await signAs(-7, registration.privateKey, signed);
    const signatureData = encodeAuthenticationResponse({
      userPresence,
      counter,
      signature: tamper === 'bad-signature' ? corruptSignature(signature) : signature,
    });
    return {
      keyHandle: toBase64Url(registration.keyHandle),
      signatureData: toBase64Url(signatureData),
      clientData: toBase64Url(clientData),
    };
  }

  #find(keyHandle: Uint8Array, appId: string): U2fRegistration | undefined {
    const applicationParameter = sha256(utf8Bytes(appId));
    return this.#registrations.find(
      (registration) =>
        bytesEqual(registration.keyHandle, keyHandle) && bytesEqual(registration.applicationParameter, applicationParameter),
    );
  }
}
