import { afterAll, beforeAll, expect, test } from 'vitest';
import { oauthClientCredentials } from '../../drivers/auth/client-credentials.js';
import { HttpApiClient } from '../../drivers/http-client.js';
import { REDACTED, Redactor } from '../../drivers/redact.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

/**
 * The OAuth 2.0 client-credentials strategy against the mock tenant: one token for many calls, a new
 * one once `expires_in` has run out on the target's clock, and neither the secret nor a token in any
 * recorded exchange.
 */
let mock: RunningMockOrg;
beforeAll(async () => {
  mock = await startMockOrg({ control: true });
});
afterAll(() => mock.close());

test('fetches one token, renews it when it expires on the target clock, records no credential', async () => {
  const { baseUrl, clientId, clientSecret } = mock.identityNow;
  const tokens: string[] = [];
  const redactor = new Redactor();
  const client = new HttpApiClient({
    baseUrl,
    redactor,
    auth: oauthClientCredentials({ tokenUrl: `${baseUrl}/oauth/token`, clientId, clientSecret, now: async () => mock.org.clock.now(), onToken: (t) => tokens.push(t) }),
    waitUntilReset: async () => undefined,
  });
  try {
    for (let i = 0; i < 3; i++) expect((await client.get('/v3/mfa/okta-verify/config')).status).toBe(200);
    expect(tokens).toHaveLength(1);
    mock.org.clock.advance(3600_000);
    expect((await client.get('/v3/mfa/okta-verify/config')).status).toBe(200);
    expect(tokens).toHaveLength(2);
    const recorded = JSON.stringify(client.exchanges);
    for (const secret of [clientSecret, ...tokens]) expect(recorded.includes(secret)).toBe(false);
    expect(recorded).toContain(`Bearer ${REDACTED}`);
  } finally {
    await client.close();
  }
});

test('a refused client secret is an error, not a request sent without a token', async () => {
  const { baseUrl, clientId } = mock.identityNow;
  const client = new HttpApiClient({
    baseUrl,
    redactor: new Redactor(),
    auth: oauthClientCredentials({ tokenUrl: `${baseUrl}/oauth/token`, clientId, clientSecret: 'wrong-secret', now: async () => Date.now() }),
    waitUntilReset: async () => undefined,
  });
  try {
    await expect(client.get('/v3/mfa/okta-verify/config')).rejects.toThrow(/HTTP 401/);
  } finally {
    await client.close();
  }
});
