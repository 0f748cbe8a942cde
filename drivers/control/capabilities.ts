import type {
  Capabilities,
  Capability,
  ClockCapability,
  DuoCapability,
  DuoMobileCapability,
  OutboxCapability,
  PolicyCapability,
  PushCapability,
  ReadOnlyTokenCapability,
  StepUpCapability,
  TokenServiceCapability,
} from '../contract.js';
import type { ControlClient } from './client.js';
import { orgWideChange } from '../check-scope.js';

/** The capabilities a target's control protocol offers, each a thin object over one or two of its operations. */
export type ControlCapabilities = Omit<Capabilities, 'yubikeyUpload'>;

/**
 * Builds the capabilities the target announced; `registerSecret` receives every secret an answer carries.
 * What changes the whole org (its clock, its policies) is an org-wide change (check-scope.ts): refused in a check
 * that holds only shared use of the org, so that checks running concurrently never see it happen under them.
 */
export function controlCapabilities(
  control: ControlClient,
  announced: ReadonlySet<Capability>,
  registerSecret: (value: string | undefined) => void,
): ControlCapabilities {
  const clock: ClockCapability = {
    now: async () => (await control.call('readClock')).epochMs,
    advance: (ms) =>
      orgWideChange('clock.advance', async () => {
        await control.call('advanceClock', { advanceMs: ms });
      }),
  };
  const outbox: OutboxCapability = {
    messages: async (userId, channel) => {
      const { messages } = await control.call('outbox', { userId, ...(channel ? { channel } : {}) });
      for (const message of messages) registerSecret(message.passCode);
      return messages;
    },
  };
  const push: PushCapability = {
    respond: async (userId, factorId, action) => {
      await control.call('respondToPush', { userId, factorId }, { action });
    },
  };
  const policy: PolicyCapability = {
    setFactorPolicy: (factors) =>
      orgWideChange('policy.setFactorPolicy', async () => {
        await control.call('setFactorPolicy', { factors });
      }),
    factorProfiles: async () => (await control.call('factorProfiles')).factorProfiles,
    passwordPolicy: () => control.call('readPasswordPolicy'),
    setPasswordPolicy: (change) =>
      orgWideChange('policy.setPasswordPolicy', async () => {
        await control.call('setPasswordPolicy', change);
      }),
    setSignOnPolicy: (policy) =>
      orgWideChange('policy.setSignOnPolicy', async () => {
        await control.call('setSignOnPolicy', policy);
      }),
  };
  const tokenService: TokenServiceCapability = {
    register: async (provider, credential) => {
      registerSecret(credential.sharedSecret);
      registerSecret(credential.pin);
      await control.call('registerTokenCredential', { provider: provider.toLowerCase() }, credential);
    },
  };
  const duo: DuoCapability = {
    authenticate: async (host, sigRequest, action) => {
      registerSecret(sigRequest);
      const res = await control.send('duoAuth', { host }, { sig_request: sigRequest, action });
      // Duo refuses a denied prompt with 403: the user said no, which is an answer, not a failure.
      if (action === 'deny' && res.status === 403) return null;
      const sigResponse = control.answerOf('duoAuth', res).sig_response;
      // The whole response and each signed value in it (a check may tamper with one and post the rest).
      for (const secret of [sigResponse, ...sigResponse.split(':')]) registerSecret(secret);
      return sigResponse;
    },
  };
  const readOnlyToken: ReadOnlyTokenCapability = {
    token: async () => {
      const { token } = await control.call('readOnlyToken');
      registerSecret(token);
      return token;
    },
  };
  const duoMobile: DuoMobileCapability = {
    respond: async (txid, action) => {
      await control.call('respondToDuoTransaction', { txid }, { action });
    },
    pending: async (username) => (await control.call('pendingDuoTransactions', { username })).transactions.map((tx) => tx.txid),
    activate: async (activation) => {
      registerSecret(activation);
      return (await control.call('activateDuoMobile', { activation })).phone_id;
    },
  };
  const stepUp: StepUpCapability = {
    start: async (appLabel) => {
      const { stateToken } = await control.call('startStepUp', appLabel !== undefined ? { appLabel } : {});
      registerSecret(stateToken);
      return stateToken;
    },
  };
  return {
    ...(announced.has('stepUp') ? { stepUp } : {}),
    ...(announced.has('clock') ? { clock } : {}),
    ...(announced.has('outbox') ? { outbox } : {}),
    ...(announced.has('push') ? { push } : {}),
    ...(announced.has('policy') ? { policy } : {}),
    ...(announced.has('tokenService') ? { tokenService } : {}),
    ...(announced.has('duo') ? { duo } : {}),
    ...(announced.has('readOnlyToken') ? { readOnlyToken } : {}),
    ...(announced.has('duoMobile') ? { duoMobile } : {}),
  };
}
