/** `mfa-conformance mock`: the embedded mock org as a standalone server, control protocol included. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CliIO } from '../io.js';
import { parseCommandArgs, parsePort, UsageError } from '../usage.js';

export const MOCK_HELP = `Usage: mfa-conformance mock [--port N] [--host 127.0.0.1] [--no-control] [--rate-limits okta --rate-limit-scale X]

Starts the embedded mock org (Factors API, control protocol under /__control/v1) and prints one JSON line
on stdout: {"url": "...", "token": "...", "identityNow": {...}, "duo": {...}} (the SSWS API token of this mock,
also the control token; identityNow: the IdentityNow tenant beside it, {"baseUrl", "clientId", "clientSecret"},
its token endpoint at {baseUrl}/oauth/token; duo: the org's Duo account, {"url", "host", "ikey", "skey",
"adminIkey", "adminSkey"}: its Auth API and Admin API over plain HTTP at url, signed for host, which requests
send as their Host header; pass the object as MFA_CONFORMANCE_DUO to run the duo-auth suites against it).
Runs until SIGINT or SIGTERM, then closes and exits 0.

Options:
  --port N      port to listen on (default: a free port)
  --host HOST   address to bind (default: 127.0.0.1; the mock is meant for loopback)
  --no-control  do not serve the control protocol (a target like a real org: checks needing it skip)
  --rate-limits okta         Okta's per-endpoint org rate limits (Enterprise column), scaled by
  --rate-limit-scale X       this factor (default 1; e.g. 0.05)
  --service-app-jwks FILE    register an OAuth 2.0 service app with these public keys (a JWKS); its
                             client id is printed as "clientId"
  --service-app-scopes "S"   the Okta API scopes granted to it (default: okta.users.manage okta.users.read)
  --telephony-hook URL       deliver sms/call codes to this telephony inline hook (secret:
                             MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET) instead of the outbox
  -h, --help    show this help
`;

export async function mockCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-control': { type: 'boolean' },
      'rate-limits': { type: 'string' },
      'rate-limit-scale': { type: 'string' },
      'telephony-hook': { type: 'string' },
      'service-app-jwks': { type: 'string' },
      'service-app-scopes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(MOCK_HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : parsePort(values.port);
  const host = values.host ?? '127.0.0.1';
  if (values['rate-limits'] !== undefined && values['rate-limits'] !== 'okta') throw new UsageError('--rate-limits must be okta');
  const scale = values['rate-limit-scale'] === undefined ? 1 : Number(values['rate-limit-scale']);
  if (!(scale > 0 && scale <= 10)) throw new UsageError('--rate-limit-scale must be a number above 0 and at most 10');
  if (values['rate-limit-scale'] !== undefined && values['rate-limits'] === undefined) throw new UsageError('--rate-limit-scale needs --rate-limits okta');
  const hookSecret = io.env.MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET;
  if (values['telephony-hook'] !== undefined && !hookSecret) throw new UsageError('--telephony-hook needs MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET');

  // loaded here so that `run` and `--help` do not pay for fastify
  const { startMockOrg } = await import('../../mock-org/index.js');
  const shutdown = io.untilShutdown();
  const serviceApp = values['service-app-jwks'] === undefined ? undefined : readServiceApp(resolve(io.cwd, values['service-app-jwks']), values['service-app-scopes']);
  const mock = await startMockOrg({
    ...(serviceApp ? { serviceApps: [serviceApp] } : {}),
    host,
    port,
    control: !values['no-control'],
    duo: true,
    ...(values['rate-limits'] === 'okta' ? { rateLimits: { preset: 'okta' as const, scale } } : {}),
    ...(values['telephony-hook'] !== undefined && hookSecret ? { telephonyHook: { url: values['telephony-hook'], secret: hookSecret } } : {}),
  });
  // the one deliberate exception to "never print a token": this mock's own (its tenant's client, its Duo keys), just created for the caller
  io.stdout.write(`${JSON.stringify({ url: mock.url, token: mock.token, identityNow: mock.identityNow, ...(mock.duo ? { duo: mock.duo } : {}), ...(serviceApp ? { clientId: serviceApp.clientId } : {}) })}\n`);
  await shutdown;
  await mock.close();
  return 0;
}

/** A service app from a JWKS file (public keys only) and its granted scopes. */
function readServiceApp(file: string, scopes: string | undefined): { clientId: string; jwks: { kid?: string; kty: string }[]; grantedScopes: string[] } {
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError('--service-app-jwks must name a readable JSON file holding {"keys": [...]}');
  }
  const keys = typeof jwks === 'object' && jwks !== null ? (jwks as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null && typeof (k as { kty?: unknown }).kty === 'string')) {
    throw new UsageError('--service-app-jwks must hold {"keys": [...]} with at least one public JWK');
  }
  if (keys.some((k) => 'd' in (k as object))) throw new UsageError('--service-app-jwks must hold public keys only');
  return {
    clientId: `0oa${randomBytes(8).toString('hex')}`,
    jwks: keys as { kid?: string; kty: string }[],
    grantedScopes: (scopes ?? 'okta.users.manage okta.users.read').split(/[\s,]+/).filter(Boolean),
  };
}
