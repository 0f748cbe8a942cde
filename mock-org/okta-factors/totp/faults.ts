/** Faults of token:software:totp. */
export const TOTP_FAULTS = [
  { id: 'totp.accept-any-code', description: 'TOTP activation and verification accept any passcode' },
  { id: 'totp.allow-replay', description: 'a TOTP passcode may be used again within its time window' },
  { id: 'totp.unbounded-window', description: 'TOTP passcodes from up to 20 minutes away are accepted' },
  { id: 'totp.enroll-fails', description: 'TOTP enrollment answers 500 E0000009 (every check that needs a TOTP factor is blocked)' },
] as const;
