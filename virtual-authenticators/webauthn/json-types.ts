/**
 * The W3C WebAuthn Level 3 JSON forms (PublicKeyCredential.parseCreationOptionsFromJSON / toJSON), declared here so the
 * package needs no WebAuthn library at run time. Binary members are base64url strings without padding. The output
 * types are assignable to @simplewebauthn's `RegistrationResponseJSON` / `AuthenticationResponseJSON`; the input types
 * accept what `generateRegistrationOptions` / `generateAuthenticationOptions` produce, and Okta's activation objects.
 */

export type Base64UrlString = string;

export type PublicKeyCredentialType = 'public-key';
export type AuthenticatorTransport = 'ble' | 'hybrid' | 'internal' | 'nfc' | 'usb' | 'smart-card';
export type AuthenticatorAttachment = 'cross-platform' | 'platform';
export type UserVerificationRequirement = 'discouraged' | 'preferred' | 'required';
export type ResidentKeyRequirement = 'discouraged' | 'preferred' | 'required';
export type AttestationConveyancePreference = 'direct' | 'enterprise' | 'indirect' | 'none';

export interface PublicKeyCredentialRpEntity {
  name: string;
  /** Absent in Okta's activation object: the RP ID is then the origin's host. */
  id?: string;
}

export interface PublicKeyCredentialUserEntityJSON {
  id: Base64UrlString;
  name: string;
  displayName?: string;
}

export interface PublicKeyCredentialParameters {
  type: string;
  alg: number;
}

export interface PublicKeyCredentialDescriptorJSON {
  type: string;
  id: Base64UrlString;
  transports?: string[];
}

export interface AuthenticatorSelectionCriteria {
  authenticatorAttachment?: AuthenticatorAttachment;
  residentKey?: ResidentKeyRequirement;
  requireResidentKey?: boolean;
  userVerification?: UserVerificationRequirement;
}

export interface AuthenticationExtensionsClientInputsJSON {
  appid?: string;
  credProps?: boolean;
}

export interface AuthenticationExtensionsClientOutputsJSON {
  appid?: boolean;
  credProps?: { rk?: boolean };
}

export interface PublicKeyCredentialCreationOptionsJSON {
  rp: PublicKeyCredentialRpEntity;
  user: PublicKeyCredentialUserEntityJSON;
  challenge: Base64UrlString;
  pubKeyCredParams: PublicKeyCredentialParameters[];
  timeout?: number;
  excludeCredentials?: PublicKeyCredentialDescriptorJSON[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  hints?: string[];
  attestation?: AttestationConveyancePreference;
  attestationFormats?: string[];
  extensions?: AuthenticationExtensionsClientInputsJSON;
}

export interface PublicKeyCredentialRequestOptionsJSON {
  challenge: Base64UrlString;
  timeout?: number;
  rpId?: string;
  allowCredentials?: PublicKeyCredentialDescriptorJSON[];
  userVerification?: UserVerificationRequirement;
  hints?: string[];
  extensions?: AuthenticationExtensionsClientInputsJSON;
}

export interface AuthenticatorAttestationResponseJSON {
  clientDataJSON: Base64UrlString;
  attestationObject: Base64UrlString;
  authenticatorData: Base64UrlString;
  transports: AuthenticatorTransport[];
  publicKeyAlgorithm: number;
  /** SubjectPublicKeyInfo DER of the credential public key. */
  publicKey?: Base64UrlString;
}

export interface AuthenticatorAssertionResponseJSON {
  clientDataJSON: Base64UrlString;
  authenticatorData: Base64UrlString;
  signature: Base64UrlString;
  userHandle?: Base64UrlString;
}

export interface RegistrationResponseJSON {
  id: Base64UrlString;
  rawId: Base64UrlString;
  type: PublicKeyCredentialType;
  response: AuthenticatorAttestationResponseJSON;
  authenticatorAttachment?: AuthenticatorAttachment;
  clientExtensionResults: AuthenticationExtensionsClientOutputsJSON;
}

export interface AuthenticationResponseJSON {
  id: Base64UrlString;
  rawId: Base64UrlString;
  type: PublicKeyCredentialType;
  response: AuthenticatorAssertionResponseJSON;
  authenticatorAttachment?: AuthenticatorAttachment;
  clientExtensionResults: AuthenticationExtensionsClientOutputsJSON;
}
