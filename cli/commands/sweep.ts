/** `mfa-conformance sweep`: deletes the test users interrupted runs left in a target (login prefix and marker). */
import { createInterface } from 'node:readline/promises';
import { DuoDriver } from '../../drivers/duo/driver.js';
import { adminClient, findLeftovers } from '../../drivers/okta/sweep.js';
import { duoTargetFromEnv } from '../../drivers/target-config.js';
import { removeUser } from '../../drivers/okta/fixtures.js';
import type { CliIO } from '../io.js';
import { loadConfig } from '../config.js';
import { checkTargetAllowed, type SafetyOptions } from '../safety.js';
import { resolveTarget } from '../target.js';
import { preflight } from '../../drivers/okta/preflight.js';
import { TargetUnusableError } from '../real-run.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const SWEEP_HELP = `Usage: mfa-conformance sweep --target URL [--token T | --client-id ID --private-key FILE] [--yes]
       mfa-conformance sweep --duo [--yes]

Finds the users runs left behind (login starting with mfa-conformance-, profile.nickName mfa-conformance:<run>),
lists them, asks before deleting unless --yes, then deactivates and deletes each. Touches no other user.
With --duo, the same in the Duo account of MFA_CONFORMANCE_DUO (or DUO_IKEY, DUO_SKEY, DUO_HOST, DUO_ADMIN_IKEY,
DUO_ADMIN_SKEY) through its Admin API: users whose username starts with mfa-conformance-, their phones and tokens.

Options:
  --target URL, --token T, --client-id ID, --private-key FILE, --scopes S, --key-id KID   as for run
  --duo                  sweep the Duo account instead of an Okta org (its host allowed as any target)
  --run ID               only the users of this run (Okta)
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
      duo: { type: 'boolean' },
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
  const safety = {
    allowTargets: [...(values['allow-target'] ?? []), ...(config.allowTargets ?? [])],
    allowProduction: values['allow-production'] ?? config.allowProduction ?? false,
  };
  if (values.duo) {
    if (values.target !== undefined || values.run !== undefined) throw new UsageError('--duo sweeps the Duo account only: it takes no --target or --run');
    return sweepDuo(safety, values.yes ?? false, io);
  }
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
  checkTargetAllowed(target.baseUrl, safety);
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

/** The Duo account's leftovers (Admin API), listed, confirmed and deleted like the Okta org's. */
async function sweepDuo(safety: SafetyOptions, yes: boolean, io: CliIO): Promise<number> {
  const account = duoTargetFromEnv(io.env);
  if (!account) throw new UsageError('sweep --duo needs a Duo account: MFA_CONFORMANCE_DUO, or DUO_IKEY, DUO_SKEY, DUO_HOST, DUO_ADMIN_IKEY and DUO_ADMIN_SKEY');
  // The Duo host is what the sweep writes to: it must be allowed like any target (its API host name, not the address).
  checkTargetAllowed(`https://${account.host}`, safety);
  const duo = await DuoDriver.connect({ kind: 'http', account });
  try {
    const leftovers = await duo.fixtures.findLeftovers();
    if (leftovers.length === 0) {
      io.stdout.write('Nothing to sweep: no test user of mfa-conformance found in the Duo account.\n');
      return 0;
    }
    io.stdout.write(`${leftovers.length} Duo test user${leftovers.length === 1 ? '' : 's'} to delete:\n`);
    for (const user of leftovers) io.stdout.write(`  ${user.user_id}  ${user.username}  ${user.phones?.length ?? 0} phone(s), ${user.tokens?.length ?? 0} token(s)\n`);
    if (!yes && !(await confirm(io))) {
      io.stdout.write('Nothing deleted.\n');
      return 1;
    }
    await duo.fixtures.removeLeftovers(leftovers);
    const left = (await duo.fixtures.findLeftovers()).length;
    io.stdout.write(`Deleted ${leftovers.length - left} of ${leftovers.length}.\n`);
    return left === 0 ? 0 : 1;
  } finally {
    await duo.close();
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
