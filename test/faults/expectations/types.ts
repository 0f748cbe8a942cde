/** The suite files that must notice a fault, and the requirements whose checks must fail when it is on. */
export interface FaultExpectation {
  files: string[];
  failing: string[];
}

export const SUITE = {
  common: 'suites/okta-factors/api/api.test.ts',
  totp: 'suites/okta-factors/totp/totp.test.ts',
} as const;
