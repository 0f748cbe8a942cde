import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../errors.js';
import { UnknownFaultError } from '../faults.js';
import { bodyObject, isObject } from '../input.js';
import type { MockOrg } from '../org.js';

/** What this mock org can do for a driver (DESIGN.md, the driver contract). */
export const MOCK_CAPABILITIES = ['users', 'clock'] as const;

/** Longest single clock move accepted: ten years. */
const MAX_ADVANCE_MS = 10 * 365 * 24 * 3600 * 1000;

/** The control protocol under /__control/v1 (DESIGN.md), behind the same admin token as the API. */
export function registerControlRoutes(app: FastifyInstance, org: MockOrg): void {
  const clockView = () => ({ now: org.clock.iso(), epochMs: org.clock.now() });

  app.get('/__control/v1/capabilities', async () => ({ capabilities: [...MOCK_CAPABILITIES] }));

  app.get('/__control/v1/clock', async () => clockView());

  app.post('/__control/v1/clock', async (request) => {
    const body = bodyObject(request.body);
    const advanceMs = body.advanceMs;
    if (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs < 0 || advanceMs > MAX_ADVANCE_MS) {
      throw validationFailed('advanceMs', [`advanceMs: must be an integer from 0 to ${MAX_ADVANCE_MS}`]);
    }
    org.clock.advance(advanceMs);
    return clockView();
  });

  app.post('/__control/v1/reset', async (_request, reply) => {
    org.reset();
    return reply.code(204).send();
  });

  app.get('/__control/v1/faults', async () => ({ faults: org.faults.list() }));

  app.post('/__control/v1/faults', async (request) => {
    const body = bodyObject(request.body);
    const enable = stringList(body, 'enable');
    const disable = stringList(body, 'disable');
    try {
      org.faults.apply(enable, disable);
    } catch (error) {
      if (error instanceof UnknownFaultError) throw validationFailed('faults', error.ids.map((id) => `unknown fault: ${id}`));
      throw error;
    }
    return { faults: org.faults.list() };
  });
}

function stringList(body: Record<string, unknown>, key: string): string[] {
  const value = isObject(body) ? body[key] : undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw validationFailed(key, [`${key}: must be an array of fault ids`]);
  }
  return value;
}
