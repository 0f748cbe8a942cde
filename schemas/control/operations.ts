/**
 * The control protocol (`/__control/v1`, DESIGN.md) described once: each operation's method,
 * path, and the schemas of its input (the JSON body of a POST, the query of a GET) and of its
 * answer. The mock's control routes validate every request against this table; the driver's
 * control client sends requests by it and validates every answer.
 */

/** Where every operation's path lives. */
export const CONTROL_PREFIX = '/__control/v1';

/**
 * The capabilities a target may announce in `GET capabilities`, named as the driver contract's
 * properties that offer them (`driver.clock`, `driver.tokenService`, …).
 */
export const CONTROL_CAPABILITIES = ['clock', 'outbox', 'push', 'policy', 'tokenService', 'duo', 'readOnlyToken', 'yubikeyUpload', 'duoMobile', 'stepUp'] as const;
export type ControlCapabilityName = (typeof CONTROL_CAPABILITIES)[number];

/** A `$defs` entry of one of this folder's `<file>.schema.json` documents. */
export interface ControlSchemaRef {
  readonly file: ControlSchemaFile;
  readonly def: string;
}

const CONTROL_SCHEMA_FILES = [
  'capabilities',
  'clock',
  'outbox',
  'push',
  'factor-policy',
  'factor-profiles',
  'token-service',
  'read-only-token',
  'duo-auth',
  'duo-mobile',
  'faults',
  'password-policy',
  'sign-on-policy',
  'step-up',
] as const;
export type ControlSchemaFile = (typeof CONTROL_SCHEMA_FILES)[number];

export interface ControlOperation {
  readonly method: 'GET' | 'POST';
  /** Under CONTROL_PREFIX; `:name` segments are path parameters. */
  readonly path: string;
  /** The JSON body of a POST, or the query of a GET; absent: the operation takes none. */
  readonly input?: ControlSchemaRef;
  /** The 200 answer; absent: 204 without a body. */
  readonly output?: ControlSchemaRef;
}

const ref = (file: ControlSchemaFile, def: string): ControlSchemaRef => ({ file, def });

export const CONTROL_OPERATIONS = {
  capabilities: { method: 'GET', path: 'capabilities', output: ref('capabilities', 'response') },
  readClock: { method: 'GET', path: 'clock', output: ref('clock', 'state') },
  advanceClock: { method: 'POST', path: 'clock', input: ref('clock', 'advance'), output: ref('clock', 'state') },
  outbox: { method: 'GET', path: 'outbox', input: ref('outbox', 'query'), output: ref('outbox', 'response') },
  respondToPush: { method: 'POST', path: 'push/:userId/:factorId', input: ref('push', 'request'), output: ref('push', 'response') },
  readFactorPolicy: { method: 'GET', path: 'factor-policy', output: ref('factor-policy', 'response') },
  setFactorPolicy: { method: 'POST', path: 'factor-policy', input: ref('factor-policy', 'request'), output: ref('factor-policy', 'response') },
  factorProfiles: { method: 'GET', path: 'factor-profiles', output: ref('factor-profiles', 'response') },
  readPasswordPolicy: { method: 'GET', path: 'password-policy', output: ref('password-policy', 'response') },
  setPasswordPolicy: { method: 'POST', path: 'password-policy', input: ref('password-policy', 'request'), output: ref('password-policy', 'response') },
  readSignOnPolicy: { method: 'GET', path: 'sign-on-policy', output: ref('sign-on-policy', 'response') },
  setSignOnPolicy: { method: 'POST', path: 'sign-on-policy', input: ref('sign-on-policy', 'request'), output: ref('sign-on-policy', 'response') },
  registerTokenCredential: {
    method: 'POST',
    path: 'token-service/:provider',
    input: ref('token-service', 'request'),
    output: ref('token-service', 'response'),
  },
  readOnlyToken: { method: 'GET', path: 'read-only-token', output: ref('read-only-token', 'response') },
  duoAuth: { method: 'POST', path: 'duo/:host/auth', input: ref('duo-auth', 'request'), output: ref('duo-auth', 'response') },
  respondToDuoTransaction: {
    method: 'POST',
    path: 'duo-mobile/transactions/:txid',
    input: ref('duo-mobile', 'respond'),
    output: ref('duo-mobile', 'responded'),
  },
  pendingDuoTransactions: {
    method: 'GET',
    path: 'duo-mobile/transactions',
    input: ref('duo-mobile', 'pending-query'),
    output: ref('duo-mobile', 'pending'),
  },
  activateDuoMobile: { method: 'POST', path: 'duo-mobile/activate', input: ref('duo-mobile', 'activate'), output: ref('duo-mobile', 'activated') },
  startStepUp: { method: 'POST', path: 'authn/step-up', input: ref('step-up', 'request'), output: ref('step-up', 'response') },
  reset: { method: 'POST', path: 'reset' },
  readFaults: { method: 'GET', path: 'faults', output: ref('faults', 'response') },
  setFaults: { method: 'POST', path: 'faults', input: ref('faults', 'request'), output: ref('faults', 'response') },
} as const satisfies Record<string, ControlOperation>;

export type ControlOperationName = keyof typeof CONTROL_OPERATIONS;

/** The operation a route serves, by method and path (fastify's `:param` form, prefix included). */
export function controlOperationFor(method: string, url: string): ControlOperationName | undefined {
  const names = Object.keys(CONTROL_OPERATIONS) as ControlOperationName[];
  return names.find((name) => {
    const operation: ControlOperation = CONTROL_OPERATIONS[name];
    return operation.method === method && `${CONTROL_PREFIX}/${operation.path}` === url;
  });
}

// What each operation carries, as TypeScript sees it (the schemas above say the same for JSON).

interface ControlClockState {
  now: string;
  epochMs: number;
}

export interface ControlOutboxMessage {
  userId: string;
  /** Absent on account-recovery messages. */
  factorId?: string;
  channel: 'sms' | 'call' | 'email';
  to: string;
  /** The one-time passcode the message carried (a recovery email: the recovery token it links to). A secret. */
  passCode: string;
  /** Account-recovery messages (forgot password, unlock): what is recovered. */
  recoveryType?: 'PASSWORD' | 'UNLOCK';
  sentAt: string;
  templateId?: string;
  language?: string;
}

export interface ControlFactorPolicyEntry {
  factorType: string;
  provider: string;
  enrollment: 'REQUIRED' | 'OPTIONAL' | 'DISABLED';
  /** webauthn only: the factor's user verification setting. */
  userVerification?: 'required' | 'preferred' | 'discouraged';
}

/** The password policy the Authentication API applies (spec §5.2 Password policy object; lockout and recovery as Okta's console sets them). */
export interface ControlPasswordPolicy {
  complexity: { minLength: number; minLowerCase: number; minUpperCase: number; minNumber: number; minSymbol: number; excludeUsername: boolean };
  age: { minAgeMinutes: number; historyCount: number };
  /** 0 days: passwords never expire; expireWarnDays: how long before expiry PASSWORD_WARN starts. */
  expiration: { passwordExpireDays: number; expireWarnDays: number };
  /** maxAttempts 0: no lockout. showLockoutFailures: LOCKED_OUT is answered instead of 401 E0000004. */
  lockout: { maxAttempts: number; showLockoutFailures: boolean };
  /** The recovery factors users may recover (and unlock) with. */
  recovery: { email: boolean; sms: boolean; call: boolean; question: boolean };
}

/** A change to the password policy: any sections, any of their fields. */
export type ControlPasswordPolicyChange = { [S in keyof ControlPasswordPolicy]?: Partial<ControlPasswordPolicy[S]> };

/** Whether users with an active factor must verify one when they sign in. */
export interface ControlSignOnPolicy {
  mfa: 'REQUIRED' | 'NOT_REQUIRED';
}

/** A Custom TOTP factor profile: its id and the OTP settings its tokens use. */
export interface ControlFactorProfile {
  id: string;
  vendorName: string;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  timeStepSeconds: number;
  /** Time steps the target accepts either side of the current one. */
  clockDriftSteps: number;
  sharedSecretEncoding: 'hex' | 'base32' | 'base64';
}

export interface ControlTokenCredential {
  credentialId: string;
  /** The token's seed, hex. A secret. */
  sharedSecret: string;
  /** RSA SecurID only: the PIN typed before the tokencode. A secret. */
  pin?: string;
}

interface ControlMessages {
  /** A name a client does not know is ignored (a newer target). */
  capabilities: { input: undefined; output: { capabilities: string[]; origin?: string } };
  readClock: { input: undefined; output: ControlClockState };
  advanceClock: { input: { advanceMs: number }; output: ControlClockState };
  outbox: { input: { userId?: string; channel?: ControlOutboxMessage['channel'] }; output: { messages: ControlOutboxMessage[] } };
  respondToPush: { input: { action: 'approve' | 'reject' | 'ignore' }; output: { ok: true } };
  readFactorPolicy: { input: undefined; output: { factors: ControlFactorPolicyEntry[] } };
  setFactorPolicy: { input: { factors: ControlFactorPolicyEntry[] }; output: { factors: ControlFactorPolicyEntry[] } };
  factorProfiles: { input: undefined; output: { factorProfiles: ControlFactorProfile[] } };
  readPasswordPolicy: { input: undefined; output: ControlPasswordPolicy };
  setPasswordPolicy: { input: ControlPasswordPolicyChange; output: ControlPasswordPolicy };
  readSignOnPolicy: { input: undefined; output: ControlSignOnPolicy };
  setSignOnPolicy: { input: ControlSignOnPolicy; output: ControlSignOnPolicy };
  registerTokenCredential: { input: ControlTokenCredential; output: { provider: 'SYMANTEC' | 'RSA'; credentialId: string } };
  readOnlyToken: { input: undefined; output: { token: string } };
  duoAuth: { input: { sig_request: string; action: 'approve' | 'deny' }; output: { sig_response: string } };
  respondToDuoTransaction: { input: { action: 'approve' | 'deny' | 'fraud' | 'ignore' }; output: { ok: true } };
  pendingDuoTransactions: { input: { username: string }; output: { transactions: { txid: string; factor: 'duo_push' | 'phone_call' }[] } };
  activateDuoMobile: { input: { activation: string }; output: { phone_id: string } };
  startStepUp: { input: { appLabel?: string }; output: { stateToken: string } };
  reset: { input: undefined; output: undefined };
  readFaults: { input: undefined; output: { faults: { id: string; description: string; enabled: boolean }[] } };
  setFaults: { input: { enable?: string[]; disable?: string[] }; output: { faults: { id: string; description: string; enabled: boolean }[] } };
}

export type ControlInput<K extends ControlOperationName> = ControlMessages[K]['input'];
export type ControlOutput<K extends ControlOperationName> = ControlMessages[K]['output'];

/** `push/:userId/:factorId` → `{ userId: string; factorId: string }`. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name | keyof PathParams<Rest>]: string }
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

export type ControlParams<K extends ControlOperationName> = PathParams<(typeof CONTROL_OPERATIONS)[K]['path']>;
