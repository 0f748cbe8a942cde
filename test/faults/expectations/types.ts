/** The suite files that must notice a fault, and the requirements whose checks must fail when it is on. */
export interface FaultExpectation {
  files: string[];
  failing: string[];
}

export const SUITE = {
  common: 'suites/factors/common.test.ts',
  totp: 'suites/factors/totp.test.ts',
} as const;
