import type { FastifyReply } from 'fastify';

/**
 * Duo's success envelope, `{"stat": "OK", "response": …}`, with `Content-Type: application/json` exactly
 * (a Buffer, so fastify adds no charset: Ruby's client refuses anything else, spec §1.7, D20).
 */
export function ok(reply: FastifyReply, response: unknown): FastifyReply {
  return json(reply, 200, { stat: 'OK', response });
}

export function json(reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(Buffer.from(JSON.stringify(body)));
}
