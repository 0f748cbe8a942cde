import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of push (Okta Verify): activation, challenge transactions, polling, timeouts, unenrollment. */
export const PUSH_FAULTS = [
  {
    id: 'push.enroll-no-activation',
    description: 'enrolling push returns no `_embedded.activation` object',
    breaks: ['FACTORS.PUSH.ENROLL.PENDING'],
  },
  {
    id: 'push.enroll-poll-link-missing',
    description: 'a push factor pending activation publishes no `poll` link',
    breaks: ['FACTORS.PUSH.ENROLL.LINKS'],
  },
  {
    id: 'push.activation-without-device',
    description: 'polling a push activation activates the factor though no device answered',
    breaks: ['FACTORS.PUSH.ACTIVATE.WAITING'],
  },
  {
    id: 'push.activation-approve-ignored',
    description: 'the device completing a push activation never reaches the org: polls stay WAITING',
    breaks: ['FACTORS.PUSH.ACTIVATE.APPROVE'],
  },
  {
    id: 'push.activation-no-device-profile',
    description: 'an activated push factor has no device profile (credentialId, deviceType, name, platform, version)',
    breaks: ['FACTORS.PUSH.ACTIVATE.APPROVE'],
  },
  {
    id: 'push.activation-never-expires',
    description: 'a push activation never times out: it stays WAITING, and a late device still activates it',
    breaks: ['FACTORS.PUSH.ACTIVATE.TIMEOUT'],
  },
  {
    id: 'push.activation-no-restart',
    description: 'following `activate` after a push activation timed out answers TIMEOUT again instead of restarting',
    breaks: ['FACTORS.PUSH.ACTIVATE.RESTART'],
  },
  {
    id: 'push.send-links-not-served',
    description: 'the push activation `send` links (email, sms) are answered 404: the org does not serve them',
    breaks: ['FACTORS.PUSH.ACTIVATE.SEND'],
  },
  {
    id: 'push.send-not-delivered',
    description: 'the push activation `send` links answer 200 but no email or SMS goes out',
    breaks: ['FACTORS.PUSH.ACTIVATE.SEND'],
  },
  {
    id: 'push.send-bad-phone-accepted',
    description: 'the push activation `send` sms link accepts a phone number that is not one',
    breaks: ['FACTORS.PUSH.ACTIVATE.SEND_BAD_PHONE'],
  },
  {
    id: 'push.challenge-poll-link-missing',
    description: 'a push challenge (WAITING) publishes no `poll` link',
    breaks: ['FACTORS.PUSH.VERIFY.CHALLENGE'],
  },
  {
    id: 'push.approve-ignored',
    description: 'the user approving a push challenge never reaches the transaction: it stays WAITING',
    breaks: ['FACTORS.PUSH.VERIFY.APPROVE'],
  },
  {
    id: 'push.reject-reported-success',
    description: 'a push challenge the user rejected polls as SUCCESS',
    breaks: ['FACTORS.PUSH.VERIFY.REJECT'],
  },
  {
    id: 'push.challenge-never-expires',
    description: 'a push challenge nobody answers never times out: it polls WAITING forever',
    breaks: ['FACTORS.PUSH.VERIFY.TIMEOUT'],
  },
  {
    id: 'push.late-approve-succeeds',
    description: 'an approval that arrives after the push challenge expired turns it into SUCCESS',
    breaks: ['FACTORS.PUSH.VERIFY.TIMEOUT'],
  },
  {
    id: 'push.number-challenge-missing',
    description: 'a number matching push challenge carries no `_embedded.challenge.correctAnswer`',
    breaks: ['FACTORS.PUSH.VERIFY.NUMBER_MATCHING'],
  },
  {
    id: 'push.number-challenge-bad-type-accepted',
    description: '`useNumberMatchingChallenge` of the wrong JSON type (a string) is accepted and starts a challenge',
    breaks: ['FACTORS.PUSH.VERIFY.BAD_BODY'],
  },
  {
    id: 'push.transaction-any-factor',
    description: "a push transaction can be polled under any push factor's path, not only its own",
    breaks: ['FACTORS.PUSH.POLL.UNKNOWN'],
  },
  {
    id: 'push.unknown-transaction-timeout',
    description: 'polling an unknown push transaction id answers 200 TIMEOUT instead of 404 E0000007',
    breaks: ['FACTORS.PUSH.POLL.UNKNOWN'],
  },
  {
    id: 'push.cancel-ignored',
    description: 'cancelling a WAITING push challenge answers 204 but the challenge stays WAITING and can still succeed',
    breaks: ['FACTORS.PUSH.CANCEL'],
  },
  {
    id: 'push.reset-keeps-totp',
    description: "unenrolling push leaves the user's Okta Verify TOTP (OKTA token:software:totp) enrolled",
    breaks: ['FACTORS.PUSH.UNENROLL.RESETS_TOTP'],
  },
  {
    id: 'push.reset-removes-google-totp',
    description: 'unenrolling push also removes the Google Authenticator (GOOGLE token:software:totp) factor',
    breaks: ['FACTORS.PUSH.UNENROLL.RESETS_TOTP'],
  },
  {
    id: 'push.result-no-credential',
    description: 'REJECTED and TIMEOUT transaction results carry no profile.credentialId',
    breaks: ['FACTORS.PUSH.RESULT.CREDENTIAL'],
  },
  {
    id: 'push.qrcode-not-image',
    description: "GET of a pending push activation's qrcode link answers JSON instead of an image/png",
    breaks: ['FACTORS.PUSH.ACTIVATE.QRCODE'],
  },
  {
    id: 'push.approve-all-waiting',
    description: 'an approval on the device makes every waiting challenge of the factor SUCCESS, not only the one it answered',
    breaks: ['FACTORS.PUSH.VERIFY.CONCURRENT'],
  },
  {
    id: 'push.challenge-id-reused',
    description: "a new challenge reuses the factor's waiting transaction id instead of starting a transaction of its own",
    breaks: ['FACTORS.PUSH.VERIFY.CONCURRENT'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
