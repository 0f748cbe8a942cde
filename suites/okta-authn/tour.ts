import type { ApiClient, DriverWith, TestUser } from '../../drivers/contract.js';
import type { AuthnState } from '../../requirements/authn-transitions.js';
import { activeTotp } from '../okta-factors/totp/totp.js';
import { expectTransaction, getState, signIn, stateTokenOf } from './authn.js';
import { given } from '../support/given.js';
import { startDuoChallenge, startDuoEnrollment, userWithActiveDuo, withDuoRequired } from './duo/duo.js';
import {
  giveRecoveryQuestion,
  givePhone,
  type InState,
  passwordExpired,
  passwordReset,
  passwordWarn,
  recovery,
  recoveryChallenge,
  WARN_NOW,
  withPasswordPolicy,
} from './states.js';

/**
 * A tour of the transaction states that carry a stateToken: for each, how a fresh user's transaction gets there,
 * so a check can do the same thing in every state (get it, cancel it, try what the state does not offer).
 * UNAUTHENTICATED comes from the `stepUp` capability: only a protected app's redirect starts one, which no API call can.
 */

export const TOUR_STATES = [
  'UNAUTHENTICATED',
  'MFA_ENROLL',
  'MFA_ENROLL_ACTIVATE',
  'MFA_REQUIRED',
  'MFA_CHALLENGE',
  'PASSWORD_WARN',
  'PASSWORD_EXPIRED',
  'RECOVERY_CHALLENGE',
  'RECOVERY',
  'PASSWORD_RESET',
] as const satisfies readonly AuthnState[];
export type TourState = (typeof TOUR_STATES)[number];

/** What the tour needs of the target. */
export const TOUR_NEEDS = ['policy', 'duo', 'stepUp'] as const;

type Visit = (inState: InState) => Promise<void>;

/** Brings a fresh user's transaction into `state` and runs `visit` there (policies set for it, put back after). */
export async function inState(driver: DriverWith<'policy' | 'duo' | 'stepUp'>, api: ApiClient, newUser: () => Promise<TestUser>, state: TourState, visit: Visit): Promise<void> {
  const user = await newUser();
  switch (state) {
    case 'UNAUTHENTICATED': {
      const stateToken = await given('a step-up transaction (stepUp capability)', () => driver.stepUp.start());
      return visit({ txn: expectTransaction(driver, await getState(api, stateToken), 'UNAUTHENTICATED'), stateToken });
    }
    case 'MFA_ENROLL':
      return withDuoRequired(driver, async () => {
        const txn = await signIn(driver, api, user, 'MFA_ENROLL');
        await visit({ txn, stateToken: stateTokenOf(txn) });
      });
    case 'MFA_ENROLL_ACTIVATE':
      return withDuoRequired(driver, async () => {
        const { txn, stateToken } = await startDuoEnrollment(driver, api, user);
        await visit({ txn, stateToken });
      });
    case 'MFA_REQUIRED': {
      await activeTotp(driver, api, 'GOOGLE', user);
      const txn = await signIn(driver, api, user, 'MFA_REQUIRED');
      return visit({ txn, stateToken: stateTokenOf(txn) });
    }
    case 'MFA_CHALLENGE':
      return withDuoRequired(driver, async () => {
        const { user: enrolled } = await userWithActiveDuo(driver, api);
        const { txn, stateToken } = await startDuoChallenge(driver, api, enrolled);
        await visit({ txn, stateToken });
      });
    case 'PASSWORD_WARN':
      return withPasswordPolicy(driver, WARN_NOW, async () => visit(await passwordWarn(driver, api, user)));
    case 'PASSWORD_EXPIRED':
      return visit(await passwordExpired(driver, api, user));
    case 'RECOVERY_CHALLENGE':
      await givePhone(api, user);
      return visit(await recoveryChallenge(driver, api, user));
    case 'RECOVERY':
      await giveRecoveryQuestion(driver, api, user);
      return visit(await recovery(driver, api, user));
    case 'PASSWORD_RESET':
      return visit(await passwordReset(driver, api, user, await giveRecoveryQuestion(driver, api, user)));
  }
}
