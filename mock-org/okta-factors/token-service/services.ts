import { OrgState } from '../../core/org-state.js';

/**
 * The third-party token services the org delegates to: Symantec VIP and RSA SecurID. A real org
 * asks the vendor's service whether a credential's passcode is right; the mock keeps a simulated
 * service per provider, told about credentials through the control protocol
 * (`POST /__control/v1/token-service/{symantec|rsa}`), which is how a test provisions a token.
 */
export const TOKEN_SERVICE_PROVIDERS = ['SYMANTEC', 'RSA'] as const;
export type TokenServiceProvider = (typeof TOKEN_SERVICE_PROVIDERS)[number];

export interface ServiceCredential {
  provider: TokenServiceProvider;
  credentialId: string;
  /** The token's seed. A secret. */
  key: Uint8Array;
  /** RSA SecurID: the user's PIN, typed before the tokencode. A secret. */
  pin?: string;
  /** The last time step whose code the service accepted: codes at or before it are replays. */
  lastStep: number;
}

class TokenServices {
  readonly #credentials = new Map<string, ServiceCredential>();

  static #key(provider: TokenServiceProvider, credentialId: string): string {
    return `${provider}\u0000${credentialId}`;
  }

  /** Provisions (or re-provisions, forgetting its history) a credential. */
  register(credential: Omit<ServiceCredential, 'lastStep'>): void {
    this.#credentials.set(TokenServices.#key(credential.provider, credential.credentialId), { ...credential, lastStep: -1 });
  }

  find(provider: TokenServiceProvider, credentialId: string): ServiceCredential | undefined {
    return this.#credentials.get(TokenServices.#key(provider, credentialId));
  }

  clear(): void {
    this.#credentials.clear();
  }
}

/** The org's simulated token services; their credentials are forgotten on reset. */
export const TOKEN_SERVICES = new OrgState(() => new TokenServices(), (services) => services.clear());

/** What an RSA SecurID or Symantec VIP factor keeps: the id of its credential in the service. */
export interface TokenFactorState {
  credentialId: string;
}
