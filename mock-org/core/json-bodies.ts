import type { FastifyInstance } from 'fastify';

/**
 * Parses `application/json` bodies: an empty body is no body (clients send Content-Type on body-less POSTs);
 * text that does not parse is the family's own refusal, `malformed()`.
 */
export function parseJsonBodies(app: FastifyInstance, bodyLimit: number, malformed: () => Error): void {
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, text, done) => {
    const raw = typeof text === 'string' ? text : text.toString('utf8');
    // whitespace only (`\s` is what trim() removes), tested without copying the body
    if (/^\s*$/.test(raw)) return done(null, undefined);
    try {
      done(null, JSON.parse(raw));
    } catch {
      done(malformed(), undefined);
    }
  });
}
