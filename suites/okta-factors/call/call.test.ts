import { expect } from 'vitest';
import { check, checksNeedFactor } from '../../support/check.js';
import { expectOktaError } from '../../support/expect.js';
import { expectFactorsUnchanged, factorIds, factorsPath, listFactors } from '../factors.js';
import { messageFactorChecks, staleCodeCheck } from '../otp-activation/message-checks.js';
import { CALL } from '../otp-activation/message-channels.js';
import { activeFactor, phoneDigits, randomPhone } from '../otp-activation/messages.js';
import { useTarget } from '../../support/target.js';

/** call / OKTA: spec §2.3, §3, §7. */

useTarget();
checksNeedFactor({ factorType: 'call', provider: 'OKTA' });


messageFactorChecks(CALL);
staleCodeCheck(CALL);

check('FACTORS.CALL.ENROLL.INVALID_PHONE', 'a bad phoneNumber or phoneExtension is refused with 400 and enrolls nothing', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  const refusals: [profile: Record<string, unknown>, codes: string[]][] = [
    [{ phoneNumber: 'call me maybe' }, ['E0000001', 'E0000098']],
    [{ phoneNumber: `+1555${'2'.repeat(16)}` }, ['E0000001', 'E0000098']],
    [{ phoneNumber: { number: randomPhone() } }, ['E0000001', 'E0000003']],
    [{}, ['E0000001', 'E0000098']],
    [{ phoneNumber: randomPhone(), phoneExtension: '1'.repeat(16) }, ['E0000001', 'E0000121']],
    [{ phoneNumber: randomPhone(), phoneExtension: { ext: '12' } }, ['E0000001', 'E0000121', 'E0000003']],
    [{ phoneNumber: randomPhone(), phoneExtension: ['12'] }, ['E0000001', 'E0000121', 'E0000003']],
  ];
  for (const [profile, codes] of refusals) {
    expectOktaError(await api.post(factorsPath(user.id), { factorType: 'call', provider: 'OKTA', profile }), 400, codes);
  }
  await expectFactorsUnchanged(api, user.id, before);
  if (driver.outbox) expect(await driver.outbox.messages(user.id, 'call'), 'no call was made').toEqual([]);
});

check('FACTORS.CALL.ENROLL.EXISTING_PHONE', 'another number while an active call factor exists is refused with 400 E0000001', async ({ driver, api }) => {
  const { user, factor, to } = await activeFactor(driver, api, CALL);
  const res = await api.post(factorsPath(user.id), { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: randomPhone() } });
  expectOktaError(res, 400, 'E0000001');
  const listed = (await listFactors(api, user.id)).filter((f) => f.factorType === 'call');
  expect(listed.map((f) => f.id), 'still the one call factor').toEqual([factor.id]);
  expect(listed[0]?.status).toBe('ACTIVE');
  expect(phoneDigits(listed[0]?.profile?.phoneNumber)).toBe(phoneDigits(to));
});
