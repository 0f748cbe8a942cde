import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of Custom TOTP (token:hotp). */
export const CUSTOM_TOTP_FAULTS = [
  {
    id: 'custom-totp.vendor-name-wrong',
    description: "a Custom TOTP factor says vendorName CUSTOM instead of its factor profile's vendor",
    breaks: ['FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE'],
  },
  {
    id: 'custom-totp.shared-secret-echoed',
    description: 'the Custom TOTP profile returns the sharedSecret',
    breaks: ['FACTORS.CUSTOM_TOTP.ENROLL.SECRET_WRITE_ONLY', 'FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE'],
  },
  {
    id: 'custom-totp.pending-without-activate',
    description: 'without activate=true a Custom TOTP factor is enrolled PENDING_ACTIVATION, with no way to activate it',
    breaks: ['FACTORS.CUSTOM_TOTP.ENROLL.AUTO_ACTIVATION_ONLY'],
  },
  {
    id: 'custom-totp.unknown-profile-accepted',
    description: 'an unknown factorProfileId falls back to the first factor profile',
    breaks: ['FACTORS.CUSTOM_TOTP.ENROLL.UNKNOWN_PROFILE'],
  },
  {
    id: 'custom-totp.second-factor-allowed',
    description: 'a user may enroll a second Custom TOTP factor',
    breaks: ['FACTORS.CUSTOM_TOTP.ENROLL.ONE_PER_USER'],
  },
  {
    id: 'custom-totp.accept-any-code',
    description: 'Custom TOTP verification accepts any passcode',
    breaks: ['FACTORS.CUSTOM_TOTP.VERIFY.BAD_CODE', 'FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW'],
  },
  {
    id: 'custom-totp.allow-replay',
    description: 'a Custom TOTP passcode may be used again in its time step',
    breaks: ['FACTORS.CUSTOM_TOTP.VERIFY.REPLAY'],
  },
  {
    id: 'custom-totp.unbounded-window',
    description: 'Custom TOTP passcodes from up to 20 time steps away are accepted',
    breaks: ['FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW'],
  },
  {
    id: 'custom-totp.window-one-step-wide',
    description: "Custom TOTP verification accepts codes one time step beyond the profile's clock drift interval",
    breaks: ['FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW'],
  },
  {
    id: 'custom-totp.no-clock-drift',
    description: "Custom TOTP verification ignores the profile's clock drift interval (only the current step matches)",
    breaks: ['FACTORS.CUSTOM_TOTP.VERIFY.CLOCK_DRIFT'],
  },
  {
    id: 'custom-totp.profile-settings-ignored',
    description: "Custom TOTP ignores its profile's algorithm, digits, time step and encoding (always SHA-1, 6 digits, 30 s, hex)",
    breaks: ['FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE'],
  },
  {
    id: 'custom-totp.verify-clock-behind',
    description: "Custom TOTP verification runs one time step further behind than the profile's clock drift allows, so current passcodes are refused",
    breaks: ['FACTORS.CUSTOM_TOTP.VERIFY.GOOD_CODE'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
