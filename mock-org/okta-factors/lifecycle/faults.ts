/** Faults of the catalog, the factor lifecycle, error semantics and input handling across factor types. */
export const LIFECYCLE_FAULTS = [
  { id: 'catalog.lists-disabled', description: 'the catalog lists factors the policy disables (as OPTIONAL)' },
  { id: 'catalog.wrong-enrollment', description: 'the catalog shows REQUIRED factors as OPTIONAL' },
  { id: 'catalog.phones-missing', description: "the catalog's sms entry does not embed the user's existing phones" },
  { id: 'lifecycle.reset-factors-noop', description: 'reset_factors answers 200 but the factors stay enrolled' },
  { id: 'lifecycle.reenroll-replaces-active', description: 'enrolling a TOTP factor again replaces the active one instead of refusing' },
  { id: 'lifecycle.activate-active-allowed', description: 'activating an already active factor is answered 200' },
  { id: 'lifecycle.verify-pending-allowed', description: 'a factor pending activation can be verified' },
  { id: 'errors.wrong-method-404', description: 'a wrong method on a known path is answered 404 instead of 405 E0000022' },
  { id: 'errors.other-users-factor-visible', description: "another user's factor is served under this user's path" },
  { id: 'input.wrong-type-500', description: 'a body field of the wrong JSON type is answered 500' },
  { id: 'input.refused-enroll-persisted', description: 'an enrollment refused for its provider is stored anyway' },
  { id: 'input.malformed-json-500', description: 'a body that is not well-formed JSON is answered 500' },
  { id: 'input.media-type-500', description: 'a body with a non-JSON Content-Type is answered 500' },
  { id: 'catalog.enrolled-not-setup', description: 'the catalog says NOT_SETUP for factors the user has enrolled' },
  { id: 'lifecycle.disabled-enrollable', description: 'factors the policy disables can still be enrolled' },
  { id: 'lifecycle.reenroll-refused', description: 'a factor type once unenrolled cannot be enrolled again' },
] as const;
