/** Faults of the API as a whole and of the operations every factor shares. */
export const CORE_FAULTS = [
  { id: 'auth.accept-missing-token', description: 'requests without an API token are served instead of answered 401 E0000011' },
  { id: 'auth.read-only-can-write', description: "a read-only administrator's token may enroll and change factors" },
  { id: 'errors.drop-error-causes', description: 'error objects are returned without `errorCauses`' },
  { id: 'ratelimit.drop-headers', description: 'responses carry no X-Rate-Limit-* headers' },
  { id: 'factors.activate-not-persisted', description: 'activation answers ACTIVE but the stored factor stays PENDING_ACTIVATION' },
  { id: 'factors.bad-code-wrong-error', description: 'a wrong passcode is answered 401 E0000004 instead of 403 E0000068' },
  { id: 'factors.drop-links', description: 'factor objects are returned without `_links`' },
  { id: 'factors.unenroll-not-persisted', description: 'unenroll answers 204 but the factor stays enrolled' },
  { id: 'factors.enroll-wrong-status', description: 'a TOTP factor is enrolled ACTIVE instead of PENDING_ACTIVATION' },
] as const;
