import { oktaId } from '../../core/ids.js';
import { OrgState } from '../../core/org-state.js';
import type { ControlFactorProfile } from '../../../schemas/control/operations.js';

/**
 * A Custom TOTP factor profile (spec §2.10): an admin sets one up per token vendor, and users
 * enroll `token:hotp` against it by `factorProfileId`. Okta's admin console asks for the same
 * settings: HMAC algorithm, time step, clock drift interval, passcode length, shared secret encoding.
 * The control protocol's `GET factor-profiles` answers them as they are: one shape, described once.
 */
export type CustomTotpProfile = ControlFactorProfile;

/**
 * The profiles every mock org starts with: the documented example vendor with the usual
 * settings (its example secret is hex), and a second one with other settings, so that a check
 * can prove a target uses each profile's own algorithm, length, step and encoding.
 * The ids are random per org: a driver reads them (control protocol), it cannot know them.
 */
function defaultFactorProfiles(): readonly CustomTotpProfile[] {
  return [
    {
      id: oktaId('fpr'),
      vendorName: 'Entrust Datacard',
      algorithm: 'SHA1',
      digits: 6,
      timeStepSeconds: 30,
      clockDriftSteps: 1,
      sharedSecretEncoding: 'hex',
    },
    {
      id: oktaId('fpr'),
      vendorName: 'Conformance Token Works',
      algorithm: 'SHA256',
      digits: 8,
      timeStepSeconds: 60,
      clockDriftSteps: 2,
      sharedSecretEncoding: 'base32',
    },
    // Okta's Custom OTP allows passcodes of up to 10 digits and a clock drift of up to 10 intervals (default 3).
    {
      id: oktaId('fpr'),
      vendorName: 'Long Code Tokens',
      algorithm: 'SHA512',
      digits: 10,
      timeStepSeconds: 30,
      clockDriftSteps: 10,
      sharedSecretEncoding: 'base64',
    },
  ];
}

/** The org's Custom TOTP factor profiles: org configuration, kept across reset. */
export const FACTOR_PROFILES = new OrgState(defaultFactorProfiles);
