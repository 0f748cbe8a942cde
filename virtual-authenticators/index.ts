/**
 * mfa-conformance/virtual-authenticators: software authenticators that produce real credentials. Self-contained: this
 * folder imports nothing else of the project, only node built-ins and its npm dependencies.
 */

export { WebAuthnAuthenticator } from './webauthn/webauthn-authenticator.js';
export type { WebAuthnAuthenticatorOptions } from './webauthn/webauthn-authenticator.js';
export type { AttestationKind } from './webauthn/attestation.js';
export type { AttestationBatch } from './crypto/attestation-ca.js';
export { ASSERTION_TAMPERS, REGISTRATION_TAMPERS } from './webauthn/misbehaviour.js';
export type {
  AssertionMisbehaviour,
  AssertionTamper,
  RegistrationMisbehaviour,
  RegistrationTamper,
} from './webauthn/misbehaviour.js';
export type { VirtualCredentialInfo } from './webauthn/virtual-credential.js';
export type { WebAuthnErrorName } from './webauthn/errors.js';
export type * from './webauthn/json-types.js';

export { U2fToken, U2F_REGISTRATION_TAMPERS, U2F_SIGN_TAMPERS } from './u2f/u2f-token.js';
export type {
  U2fRegisterRequest,
  U2fRegisterResponse,
  U2fRegistrationInfo,
  U2fRegistrationTamper,
  U2fSignRequest,
  U2fSignResponse,
  U2fSignTamper,
} from './u2f/u2f-token.js';
export { U2F_ERROR_CODE, U2fError } from './u2f/u2f-error.js';
export type { U2fErrorCode } from './u2f/u2f-error.js';

export { TotpGenerator } from './otp/totp-generator.js';
export type { OktaTotpActivation, TotpCodeOptions, TotpGeneratorOptions, TotpTamper } from './otp/totp-generator.js';
export { HotpGenerator } from './otp/hotp-generator.js';
export type { HotpGeneratorOptions, HotpTamper } from './otp/hotp-generator.js';
export type { HotpOptions, OtpDigits, OtpHashAlgorithm, OtpSecretOptions } from './otp/otp-options.js';
export type { OtpSecretEncoding } from './otp/otp-secret.js';

export { YubiKeyOtpToken, YUBIKEY_OTP_TAMPERS } from './yubikey/yubikey-otp-token.js';
export type {
  YubiKeyOtpOptions,
  YubiKeyOtpSecrets,
  YubiKeyOtpTamper,
  YubiKeyOtpTokenOptions,
} from './yubikey/yubikey-otp-token.js';

export { SymantecVipToken } from './symantec/symantec-vip-token.js';
export type { SymantecVipCodes, SymantecVipTokenOptions } from './symantec/symantec-vip-token.js';

export { FOREIGN_ORIGIN, FOREIGN_RP_ID } from './misbehaviour.js';
export type { CoseAlgorithm } from './crypto/cose.js';
export type { CertificateExport } from './crypto/attestation-ca.js';
