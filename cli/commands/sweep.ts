/** `mfa-conformance sweep`: deletes the test users interrupted runs left in a target (login prefix and marker). */
import { createInterface } from 'node:readline/promises';
import { adminClient, findLeftovers } from '../../drivers/okta/sweep.js';
import { removeUser } from '../../drivers/okta/fixtures.js';
import type { CliIO } from '../io.js';
import { loadConfig } from '../config.js';
import { checkTargetAllowed } from '../safety.js';
import { resolveTarget } from '../target.js';
import { preflight } from '../../drivers/okta/preflight.js';
import { TargetUnusableError } from '../real-run.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const SWEEP_HELP = `Usage: mfa-conformance sweep --target URL [--token T | --client-id ID --private-key FILE] [--yes]

Finds the users runs left behind (login starting with mfa-conformance-, profile.nickName mfa-conformance:<run>),
lists them, asks before deleting unless --yes, then deactivates and deletes each. Touches no other user.

Options:
  --target URL, --token T, --client-id ID, --private-key FILE, --scopes S, --key-id KID   as for run
  --run ID               only the users of this run
  --allow-target HOST    the host must be allowed, as for run (repeatable); --allow-production likewise
  --config FILE          config file (allowTargets)
  -y, --yes              delete without asking
  -h, --help             show this help
`;

export async function sweepCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      target: { type: 'string' },
      token: { type: 'string' },
      'client-id': { type: 'string' },
      'private-key': { type: 'string' },
      scopes: { type: 'string' },
      'key-id': { type: 'string' },
      run: { type: 'string' },
      'allow-target': { type: 'string', multiple: true },
      'allow-production': { type: 'boolean' },
      config: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(SWEEP_HELP);
    return 0;
  }
  const config = await loadConfig(values.config, io.cwd);
  const target = resolveTarget(
    {
      target: values.target ?? config.target,
      token: values.token,
      clientId: values['client-id'],
      privateKeyFile: values['private-key'],
      scopes: values.scopes,
      keyId: values['key-id'],
    },
    io.env,
  );
  if (target.kind === 'mock') throw new UsageError('sweep needs a target: --target URL (or OKTA_CLIENT_ORGURL)');
  if (values.run !== undefined && !/^[a-z0-9]{1,20}$/.test(values.run)) throw new UsageError('--run must be a run id such as r1a2b3c4d');
  checkTargetAllowed(target.baseUrl, {
    allowTargets: [...(values['allow-target'] ?? []), ...(config.allowTargets ?? [])],
    allowProduction: values['allow-production'] ?? config.allowProduction ?? false,
  });
  const probed = await preflight(target);
  if (!probed.ok) throw new TargetUnusableError(probed.message);

  const api = adminClient(target);
  try {
    const leftovers = await findLeftovers(api, values.run);
    if (leftovers.length === 0) {
      io.stdout.write('Nothing to sweep: no test user of mfa-conformance found.\n');
      return 0;
    }
    io.stdout.write(`${leftovers.length} test user${leftovers.length === 1 ? '' : 's'} to delete:\n`);
    for (const user of leftovers) io.stdout.write(`  ${user.id}  ${user.login}  ${user.status}\n`);
    if (!values.yes && !(await confirm(io))) {
      io.stdout.write('Nothing deleted.\n');
      return 1;
    }
    let failed = 0;
    for (const user of leftovers) if (!(await removeUser(api, user.id))) failed++;
    io.stdout.write(`Deleted ${leftovers.length - failed} of ${leftovers.length}.\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    await api.close();
  }
}

async function confirm(io: CliIO): Promise<boolean> {
  if (!process.stdin.isTTY) {
    io.stderr.write('mfa-conformance sweep: not a terminal, so not asking: pass --yes to delete\n');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: io.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question('Delete them? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}
