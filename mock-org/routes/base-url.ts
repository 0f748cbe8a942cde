import type { FastifyRequest } from 'fastify';

/** `http://host:port` as the client addressed us, so links point back where the client can follow them. */
export function requestBaseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
