/**
 * The Authentication API's state machine as data (spec §5.3, §5.4): every documented cell of
 * (from-state × operation) with its outcomes. One table for the mock (which operations a state
 * takes), the checks (each names the cells it exercises, `check(…, { cells })`) and the reports
 * (the transition table of the summary and the Markdown report). A stateToken operation in a state
 * that has no documented cell for it is a forbidden cell: 403 E0000079, the state unchanged.
 */

/** The twelve transaction states (spec §5.3). */
export const AUTHN_STATES = [
  'UNAUTHENTICATED',
  'PASSWORD_WARN',
  'PASSWORD_EXPIRED',
  'RECOVERY',
  'RECOVERY_CHALLENGE',
  'PASSWORD_RESET',
  'LOCKED_OUT',
  'MFA_ENROLL',
  'MFA_ENROLL_ACTIVATE',
  'MFA_REQUIRED',
  'MFA_CHALLENGE',
  'SUCCESS',
] as const;
export type AuthnState = (typeof AUTHN_STATES)[number];

/** Where operations without a stateToken start from (primary authentication, recovery, a recovery token). */
const AUTHN_START = 'start';
type From = AuthnState | typeof AUTHN_START;

/** The operations, by endpoint (spec §5.1); `stateToken: true` when the operation works on a transaction. */
export const AUTHN_OPERATIONS = {
  authenticate: { endpoint: 'A1', path: '/api/v1/authn', stateToken: false },
  'activation-token': { endpoint: 'A1', path: '/api/v1/authn (token)', stateToken: false },
  'step-up': { endpoint: 'A1', path: '/api/v1/authn (stateToken + credentials)', stateToken: true },
  'change-password': { endpoint: 'A2', path: '/api/v1/authn/credentials/change_password', stateToken: true },
  enroll: { endpoint: 'A3', path: '/api/v1/authn/factors', stateToken: true },
  activate: { endpoint: 'A4/A5', path: '/api/v1/authn/factors/{id}/lifecycle/activate[/poll]', stateToken: true },
  'send-activation': { endpoint: 'A6/A7', path: '/api/v1/authn/factors/{id}/lifecycle/activate/{email|sms}', stateToken: true },
  'resend-activation': { endpoint: 'A8', path: '/api/v1/authn/factors/{id}/lifecycle/resend', stateToken: true },
  verify: { endpoint: 'A10', path: '/api/v1/authn/factors/{id}/verify', stateToken: true },
  'resend-challenge': { endpoint: 'A11', path: '/api/v1/authn/factors/{id}/verify/resend', stateToken: true },
  'forgot-password': { endpoint: 'A12', path: '/api/v1/authn/recovery/password', stateToken: false },
  unlock: { endpoint: 'A13', path: '/api/v1/authn/recovery/unlock', stateToken: false },
  'recovery-verify': { endpoint: 'A14/A16', path: '/api/v1/authn/recovery/factors/{sms|call}/verify', stateToken: true },
  'recovery-resend': { endpoint: 'A15/A17', path: '/api/v1/authn/recovery/factors/{sms|call}/resend', stateToken: true },
  'recovery-token': { endpoint: 'A18', path: '/api/v1/authn/recovery/token', stateToken: false },
  'recovery-answer': { endpoint: 'A19', path: '/api/v1/authn/recovery/answer', stateToken: true },
  'reset-password': { endpoint: 'A20', path: '/api/v1/authn/credentials/reset_password', stateToken: true },
  'get-state': { endpoint: 'A21', path: '/api/v1/authn (stateToken)', stateToken: true },
  previous: { endpoint: 'A22', path: '/api/v1/authn/previous', stateToken: true },
  skip: { endpoint: 'A23', path: '/api/v1/authn/skip', stateToken: true },
  cancel: { endpoint: 'A24', path: '/api/v1/authn/cancel', stateToken: true },
} as const;
export type AuthnOperation = keyof typeof AUTHN_OPERATIONS;

/** What a documented cell may lead to: a state, or an error (HTTP status and code). */
export type TransitionOutcome = AuthnState | `${number} ${string}` | 'revoked';

export interface TransitionCell {
  readonly from: From;
  readonly operation: AuthnOperation;
  readonly outcomes: readonly TransitionOutcome[];
  /** When the cell applies only under a condition the docs name (a published link, a policy, a factor type). */
  readonly when?: string;
}

const cell = (from: From, operation: AuthnOperation, outcomes: readonly TransitionOutcome[], when?: string): TransitionCell => ({
  from,
  operation,
  outcomes,
  ...(when !== undefined ? { when } : {}),
});

/** States that carry a stateToken: those get-state and (all but SUCCESS) cancel work in. */
const STATEFUL: readonly AuthnState[] = [
  'UNAUTHENTICATED', 'PASSWORD_WARN', 'PASSWORD_EXPIRED', 'RECOVERY', 'RECOVERY_CHALLENGE', 'PASSWORD_RESET',
  'MFA_ENROLL', 'MFA_ENROLL_ACTIVATE', 'MFA_REQUIRED', 'MFA_CHALLENGE',
];

/** The documented cells (spec §5.4), in the order of the spec's table. */
export const AUTHN_TRANSITIONS: readonly TransitionCell[] = [
  cell('start', 'authenticate', ['SUCCESS', 'PASSWORD_WARN', 'PASSWORD_EXPIRED', 'MFA_REQUIRED', 'MFA_ENROLL', 'LOCKED_OUT', '401 E0000004', '429 E0000047']),
  cell('start', 'activation-token', ['SUCCESS', 'MFA_ENROLL', 'PASSWORD_RESET', '401 E0000004']),
  cell('PASSWORD_WARN', 'change-password', ['SUCCESS', '403 E0000014', '403 E0000080']),
  cell('PASSWORD_WARN', 'skip', ['SUCCESS'], 'a skip link is published'),
  cell('PASSWORD_EXPIRED', 'change-password', ['SUCCESS', '403 E0000014', '403 E0000080']),
  cell('MFA_ENROLL', 'enroll', ['SUCCESS', 'MFA_ENROLL', 'MFA_ENROLL_ACTIVATE']),
  cell('MFA_ENROLL', 'skip', ['SUCCESS'], 'a skip link is published'),
  cell('MFA_ENROLL_ACTIVATE', 'activate', ['SUCCESS', 'MFA_ENROLL_ACTIVATE', '403 E0000068']),
  cell('MFA_ENROLL_ACTIVATE', 'send-activation', ['MFA_ENROLL_ACTIVATE'], 'push'),
  cell('MFA_ENROLL_ACTIVATE', 'resend-activation', ['MFA_ENROLL_ACTIVATE', '429 E0000047', '429 E0000109'], 'sms, call, email'),
  cell('MFA_ENROLL_ACTIVATE', 'previous', ['MFA_ENROLL']),
  cell('MFA_REQUIRED', 'verify', ['SUCCESS', 'MFA_CHALLENGE', '403 E0000068']),
  cell('MFA_CHALLENGE', 'verify', ['SUCCESS', 'MFA_CHALLENGE', '403 E0000068']),
  cell('MFA_CHALLENGE', 'resend-challenge', ['MFA_CHALLENGE', '429 E0000047', '429 E0000109'], 'sms, call, push'),
  cell('MFA_CHALLENGE', 'previous', ['MFA_REQUIRED']),
  cell('start', 'forgot-password', ['RECOVERY_CHALLENGE', 'RECOVERY', '403 E0000095']),
  cell('start', 'unlock', ['RECOVERY_CHALLENGE', 'RECOVERY', '403 E0000095']),
  // PASSWORD_RESET (and SUCCESS for an unlock) where the password policy asks no recovery question (Okta's console setting).
  cell('RECOVERY_CHALLENGE', 'recovery-verify', ['RECOVERY', 'PASSWORD_RESET', 'SUCCESS', '403 E0000068']),
  cell('RECOVERY_CHALLENGE', 'recovery-resend', ['RECOVERY_CHALLENGE']),
  cell('start', 'recovery-token', ['RECOVERY', 'PASSWORD_RESET', 'SUCCESS', '401 E0000011']),
  cell('RECOVERY', 'recovery-answer', ['PASSWORD_RESET', 'SUCCESS', '403 E0000087']),
  cell('PASSWORD_RESET', 'reset-password', ['SUCCESS', '403 E0000014', '403 E0000080']),
  cell('UNAUTHENTICATED', 'step-up', ['SUCCESS', 'MFA_ENROLL', 'MFA_REQUIRED', '401 E0000004']),
  ...STATEFUL.map((state) => cell(state, 'get-state', [state])),
  ...STATEFUL.map((state) => cell(state, 'cancel', ['revoked'])),
];

/** A cell's id, as checks name it: `MFA_ENROLL_ACTIVATE previous`, `start forgot-password`. */
export type TransitionCellId = `${From} ${AuthnOperation}`;

export const cellId = (from: From, operation: AuthnOperation): TransitionCellId => `${from} ${operation}`;

const DOCUMENTED = new Set<string>(AUTHN_TRANSITIONS.map((c) => cellId(c.from, c.operation)));

export function isDocumentedCell(id: string): boolean {
  return DOCUMENTED.has(id);
}

/** The states an operation on a transaction is documented in (the mock refuses it elsewhere with 403 E0000079). */
export function statesOffering(operation: AuthnOperation): AuthnState[] {
  return AUTHN_TRANSITIONS.filter((c) => c.operation === operation && c.from !== AUTHN_START).map((c) => c.from as AuthnState);
}

/**
 * The forbidden cells: a stateToken operation in a state with a stateToken where the docs name no such cell
 * (403 E0000079, state unchanged). `step-up` outside UNAUTHENTICATED included.
 */
export function forbiddenCells(): TransitionCellId[] {
  const operations = (Object.keys(AUTHN_OPERATIONS) as AuthnOperation[]).filter((op) => AUTHN_OPERATIONS[op].stateToken);
  return STATEFUL.flatMap((state) => operations.map((op) => cellId(state, op))).filter((id) => !DOCUMENTED.has(id));
}

/** Every cell a check may name: the documented ones and the forbidden ones. */
export function isTransitionCellId(id: string): id is TransitionCellId {
  return DOCUMENTED.has(id) || forbiddenCells().includes(id as TransitionCellId);
}
