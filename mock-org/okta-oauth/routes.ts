import type { FastifyRequest } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import { requestBaseUrl } from '../core/base-url.js';
import type { ServiceApps } from './service-apps.js';

const TOKEN_PATH = '/oauth2/v1/token';

/** The token endpoint of the org authorization server: form-encoded, answered in OAuth's own error shape. */
export function registerOAuthRoutes(app: Routes, apps: ServiceApps): void {
  app.scope('okta-oauth token endpoint', (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });
    scope.post(TOKEN_PATH, async (request, reply) => {
      const form = isForm(request.body) ? request.body : {};
      const answer = await apps.token(form, `${requestBaseUrl(request)}${TOKEN_PATH}`);
      return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
    });
  });
}

/** The token endpoint takes no API token: its client authenticates in the body. */
export function isTokenRequest(request: FastifyRequest): boolean {
  return request.method === 'POST' && (request.url.split('?')[0] ?? '') === TOKEN_PATH;
}

function isForm(body: unknown): body is Record<string, string> {
  return typeof body === 'object' && body !== null && Object.values(body).every((v) => typeof v === 'string');
}
