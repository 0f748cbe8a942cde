import type { FastifyRequest } from 'fastify';

/** Set by the multi-org host (mock-org/host.ts) on requests it forwards: the org's path prefix. */
export const ORG_PREFIX_HEADER = 'x-mock-org-prefix';

/** `http://host:port[/orgs/{id}]` as the client addressed us, so links point back where the client can follow them. */
export function requestBaseUrl(request: FastifyRequest): string {
  const prefix = request.headers[ORG_PREFIX_HEADER];
  return `${request.protocol}://${request.host}${typeof prefix === 'string' ? prefix : ''}`;
}
