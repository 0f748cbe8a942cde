/**
 * The DOMException names a browser rejects navigator.credentials.create()/get() with. The virtual authenticator throws
 * real DOMExceptions so a check can assert `error.name` exactly as it would against a browser.
 */
export type WebAuthnErrorName = 'NotAllowedError' | 'InvalidStateError' | 'SecurityError' | 'NotSupportedError';

export function webAuthnError(name: WebAuthnErrorName, message: string): DOMException {
  return new DOMException(message, name);
}
