import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { type MessageChannel, randomPhone, sameDestination } from './messages.js';

/** The three message factors as the checks drive them (enroll body, throttle, profile rules): spec §2.2–§2.4, §7. */

export const SMS: MessageChannel<'SMS'> = {
  channel: 'sms',
  key: 'SMS',
  enrollBody() {
    const phoneNumber = randomPhone();
    return { body: { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber } }, to: phoneNumber };
  },
  // One SMS per phone every 30 s.
  throttleWaitMs: 31_000,
  throttleCodes: ['E0000109'],
  expectProfile(profile, sent) {
    expect(sameDestination('sms', profile?.phoneNumber, sent.phoneNumber), `profile.phoneNumber ${String(profile?.phoneNumber)}, sent ${String(sent.phoneNumber)}`).toBe(true);
  },
  expectChallengeProfile(profile, sent) {
    expect(sameDestination('sms', profile?.phoneNumber, sent.phoneNumber), `the challenge's profile.phoneNumber is ${String(profile?.phoneNumber)}`).toBe(true);
  },
};

export const CALL: MessageChannel<'CALL'> = {
  channel: 'call',
  key: 'CALL',
  enrollBody() {
    const phoneNumber = randomPhone();
    const phoneExtension = String(randomInt(100, 100_000));
    return { body: { factorType: 'call', provider: 'OKTA', profile: { phoneNumber, phoneExtension } }, to: phoneNumber };
  },
  // One call per phone every 30 s. [F] shows E0000047; the catalog's E0000133 says the same thing.
  throttleWaitMs: 31_000,
  throttleCodes: ['E0000047', 'E0000133'],
  expectProfile(profile, sent) {
    expect(sameDestination('call', profile?.phoneNumber, sent.phoneNumber), `profile.phoneNumber ${String(profile?.phoneNumber)}, sent ${String(sent.phoneNumber)}`).toBe(true);
    expect(profile?.phoneExtension, 'profile.phoneExtension as enrolled').toBe(sent.phoneExtension);
  },
  expectChallengeProfile(profile, sent) {
    expect(sameDestination('call', profile?.phoneNumber, sent.phoneNumber), `the challenge's profile.phoneNumber is ${String(profile?.phoneNumber)}`).toBe(true);
    expect(profile?.phoneExtension, "the challenge's profile.phoneExtension").toBe(sent.phoneExtension);
  },
};

export const EMAIL: MessageChannel<'EMAIL'> = {
  channel: 'email',
  key: 'EMAIL',
  // The user's primary address: verified, as far as the API is concerned.
  enrollBody(user) {
    return { body: { factorType: 'email', provider: 'OKTA', profile: { email: user.email } }, to: user.email };
  },
  // One email per address every 5 s.
  throttleWaitMs: 6_000,
  throttleCodes: ['E0000118'],
  expectProfile(profile, sent) {
    expect(sameDestination('email', profile?.email, sent.email), `profile.email ${String(profile?.email)}, sent ${String(sent.email)}`).toBe(true);
  },
  // [F]'s email challenge shows no profile; when one is sent, it is the factor's address.
  expectChallengeProfile(profile, sent) {
    if (profile?.email !== undefined) expect(sameDestination('email', profile.email, sent.email)).toBe(true);
  },
  notOn: {
    'identity-engine': 'the verified primary email is an ACTIVE email enrollment from the start ([U]), so it cannot be enrolled, activated or resent as these checks do',
  },
};
