/** `mfa-conformance mock`: the embedded mock org as a standalone server, control protocol included. */
import type { CliIO } from '../io.js';
import { parseCommandArgs, parsePort } from '../usage.js';

export const MOCK_HELP = `Usage: mfa-conformance mock [--port N] [--host 127.0.0.1]

Starts the embedded mock org (Factors API, control protocol under /__control/v1) and prints one JSON line
on stdout: {"url": "...", "token": "...", "duo": {...}} (the SSWS API token of this mock, also the control
token; duo: the org's Duo account, {"url", "host", "ikey", "skey", "adminIkey", "adminSkey"}: its Auth API
and Admin API over plain HTTP at url, signed for host, which requests send as their Host header; pass the
object as MFA_CONFORMANCE_DUO to run the duo-auth suites against it).
Runs until SIGINT or SIGTERM, then closes and exits 0.

Options:
  --port N      port to listen on (default: a free port)
  --host HOST   address to bind (default: 127.0.0.1; the mock is meant for loopback)
  -h, --help    show this help
`;

export async function mockCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
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

  // loaded here so that `run` and `--help` do not pay for fastify
  const { startMockOrg } = await import('../../mock-org/index.js');
  const shutdown = io.untilShutdown();
  const mock = await startMockOrg({ host, port, control: true, duo: true });
  // the one deliberate exception to "never print a token": this mock's own, just created for the caller
  io.stdout.write(`${JSON.stringify({ url: mock.url, token: mock.token, ...(mock.duo ? { duo: mock.duo } : {}) })}\n`);
  await shutdown;
  await mock.close();
  return 0;
}
