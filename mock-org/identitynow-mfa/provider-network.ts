/** A call the tenant makes to a provider a configuration points at (its Okta org, its Duo account). */
export interface ProviderRequest {
  method: 'GET' | 'POST';
  /** The whole URL the call goes to. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The provider's answer: its status and body as text (as fetch's `text()` reads it). */
export interface ProviderAnswer {
  status: number;
  text: string;
}

/**
 * The providers served in this process beside the tenant (an embedded run's Okta org and Duo account): the answer
 * to a call addressed to one of them, through that provider's whole app, or undefined for a call to any other
 * address, which goes over the network as to a real provider.
 */
export type LocalProviders = (request: ProviderRequest) => Promise<ProviderAnswer> | undefined;

/** Where a Duo API host name is served, for the names the mock serves itself (undefined: https://{host}). */
export type DuoAddressBook = (host: string) => string | undefined;

/** How the tenant reaches the providers its configurations point at. */
export interface ProviderNetwork {
  /** Where the Duo API host names the mock serves itself are (any other name is https://{host}). */
  duoAddresses: DuoAddressBook;
  /** The providers served in this process (answered before any address is looked up). */
  local: LocalProviders;
}

/** No provider served in this process: every call goes over the network (a mock served over HTTP calls its own so too). */
export const NO_LOCAL_PROVIDERS: LocalProviders = () => undefined;

/** No provider in this process and no Duo host name of the mock's: every call goes to the address it names. */
export const THE_NETWORK: ProviderNetwork = { duoAddresses: () => undefined, local: NO_LOCAL_PROVIDERS };
