import type { Routes } from '../core/org-routes.js';
import { validationFailed } from '../core/errors.js';
import { UnknownFaultError } from '../core/faults.js';
import type { ControlCapabilityName, ControlInput, ControlParams } from '../../schemas/control/operations.js';
import { DUO_ACCOUNT } from './account.js';
import { answerTransaction, claimActivation, expireTransaction } from './auth-api.js';
import type { DuoOrg } from './context.js';
import { notFound } from './errors.js';

/** What the Duo host offers a driver: its clock, the SMS outbox and the virtual Duo Mobile. */
const DUO_CAPABILITIES = ['clock', 'outbox', 'duoMobile'] as const satisfies readonly ControlCapabilityName[];

/** Fault switches of the org, for the control protocol (the org's catalog, whatever family). */
export interface FaultControl {
  list(): { id: string; description: string; enabled: boolean }[];
  apply(enable: readonly string[], disable?: readonly string[]): void;
}

/**
 * The control protocol on the Duo host (`/__control/v1`, DESIGN.md), signed with the Admin API
 * integration's keys like any Admin API call: the same table of operations as the Okta host.
 */
/** An org's Duo host as the control protocol sees it: the org, its fault switches and its reset. */
export type DuoHostOrg = DuoOrg & { faults: FaultControl & DuoOrg['faults']; reset(): void };

export function registerDuoControlRoutes(app: Routes, org: DuoHostOrg): void {
  const account = () => DUO_ACCOUNT.of(org.scope);
  const clockView = () => ({ now: org.clock.iso(), epochMs: org.clock.now() });

  app.get('/__control/v1/capabilities', async () => ({ capabilities: [...DUO_CAPABILITIES] }));
  app.get('/__control/v1/clock', async () => clockView());
  app.post<{ Body: ControlInput<'advanceClock'> }>('/__control/v1/clock', async (request) => {
    org.clock.advance(request.body.advanceMs);
    // Synchronous /auth calls waiting on a push learn of its timeout when time passes.
    for (const tx of account().transactions.values()) expireTransaction(org, account(), tx);
    return clockView();
  });

  app.get<{ Querystring: ControlInput<'outbox'> }>('/__control/v1/outbox', async (request) => {
    const { userId, channel } = request.query;
    return { messages: org.outbox.list({ ...(userId ? { userId } : {}), ...(channel ? { channel } : {}) }) };
  });

  app.post<{ Params: ControlParams<'respondToDuoTransaction'>; Body: ControlInput<'respondToDuoTransaction'> }>(
    '/__control/v1/duo-mobile/transactions/:txid',
    async (request) => {
      const tx = account().transactions.get(request.params.txid);
      if (!tx || tx.result !== 'waiting') throw notFound();
      answerTransaction(org, account(), tx, request.body.action);
      return { ok: true };
    },
  );

  // What the user's Duo Mobile shows: the pushes and calls still waiting (a timed-out one ends first).
  app.get<{ Querystring: ControlInput<'pendingDuoTransactions'> }>('/__control/v1/duo-mobile/transactions', async (request) => {
    const user = account().userByName(request.query.username);
    const waiting = [...account().transactions.values()].filter((tx) => {
      expireTransaction(org, account(), tx);
      return tx.user_id === user?.user_id && tx.result === 'waiting';
    });
    return { transactions: waiting.map((tx) => ({ txid: tx.txid, factor: tx.factor })) };
  });

  app.post<{ Body: ControlInput<'activateDuoMobile'> }>('/__control/v1/duo-mobile/activate', async (request) => ({
    phone_id: claimActivation(org, account(), request.body.activation).phone_id,
  }));

  app.post('/__control/v1/reset', async (_request, reply) => {
    org.reset();
    return reply.code(204).send();
  });

  app.get('/__control/v1/faults', async () => ({ faults: org.faults.list() }));
  app.post<{ Body: ControlInput<'setFaults'> }>('/__control/v1/faults', async (request) => {
    try {
      org.faults.apply(request.body.enable ?? [], request.body.disable ?? []);
    } catch (error) {
      if (error instanceof UnknownFaultError) throw validationFailed('faults', error.ids.map((id) => `unknown fault: ${id}`));
      throw error;
    }
    return { faults: org.faults.list() };
  });
}
