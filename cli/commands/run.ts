/** `mfa-conformance run`: the conformance suites against the embedded mock org or a target. */
import { resolve } from 'node:path';
import { formatHelpLines, formatOptions, OUTPUT_FORMATS, type FormatId } from '../../reports/formats/index.js';
import { formatRunSummary } from '../print-summary.js';
import type { Shard } from '../../reports/summary.js';
import type { CliIO } from '../io.js';
import { redactorFor } from '../../drivers/redact.js';
import { runSuites } from '../run-suites.js';
import { finishRun, narrowToProfile, progressReporters, readRunExtras, RUN_EXTRA_HELP, RUN_EXTRA_OPTIONS } from '../run-extras.js';
import { resolveTarget, targetSecrets } from '../target.js';
import { parseCommandArgs, parsePort, parsePositiveInt, UsageError } from '../usage.js';
import { loadConfig } from '../config.js';
import { prepareRealRun } from '../real-run.js';

export const RUN_HELP = `Usage: mfa-conformance run [options] [FILTER...]

Runs the conformance suites (FILTER: parts of suite file paths, e.g. suites/okta-factors) against the embedded
mock org, or against a target that speaks the API. Each check ends PASS, FAIL, BLOCKED (a precondition
failed, so its requirement was not tested) or SKIP (with the reason). Exit code 0 when no check failed or
was blocked, 1 when one failed or was blocked (a blocked requirement is not proven) or the run itself went
wrong, 2 for bad usage.

Target (default: an embedded mock org per suite file):
  --target URL           base URL of the org (or OKTA_CLIENT_ORGURL)
  --token T              its SSWS API token (or OKTA_CLIENT_TOKEN, which keeps it out of the process list)
  --client-id ID         an OAuth 2.0 service app instead (or OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey, OKTA_CLIENT_CLIENTID)
  --private-key FILE     its private key, PEM or JWK (or OKTA_CLIENT_PRIVATEKEY, the key or a file path)
  --scopes "S1 S2"       scopes to request (or OKTA_CLIENT_SCOPES; default okta.users.manage)
  --key-id KID           the key's kid (or OKTA_CLIENT_KEYID)
  --driver okta|http     okta: a real org (engine detection, OAuth, telephony hook); default okta for Okta hosts
  --telephony-hook-port N  serve the telephony inline hook on this port (secret: MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET)
  --control-token T      admin token for its control protocol (or MFA_CONFORMANCE_CONTROL_TOKEN)
  --fault ID             switch a fault or variant.* on in the embedded mock org (repeatable; not with --target)

Safety (a target other than the embedded mock is written to only when allowed):
  --allow-target HOST    allow this host (repeatable; or allowTargets in mfa-conformance.config.*)
  --allow-production     also allow a host that looks like production (any Okta host but *.oktapreview.com)
  --config FILE          config file (default: mfa-conformance.config.{ts,mjs,js,json} in the current directory)

Selection and output:
  -t, --test-name-pattern PATTERN   run only the checks whose full name matches
${RUN_EXTRA_HELP}  --shard I/N            run part I of N of the suite files (CI machines side by side); the JSON summary is
                         then partial, and \`mfa-conformance merge\` combines the N of them into a whole run's
  --blob FILE            also write vitest's blob report (for vitest --merge-reports)
  --concurrency N        checks of a suite file run at once (default 4 against a target, whose pacing caps the
                         requests in flight; 1 against the embedded mock). A check that moves the clock or changes
                         a policy always has the org to itself.
  --seed N               the model-based walks' seed: replay the walk a failure named (or 'random' for new walks)
${formatHelpLines(OUTPUT_FORMATS)}  -q, --quiet            no progress output, only the summary at the end
  -h, --help             show this help

Progress: a live line (checks done / total, failures, elapsed) on a terminal; plain lines per suite file when CI=true
or when the output is not a terminal.

Exit codes: 0 no check failed or was blocked (with --baseline: no failure outside the baseline and no expired
entry), 1 a check failed or was blocked or the run went wrong, 2 bad usage.
`;

export async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      target: { type: 'string' },
      token: { type: 'string' },
      'control-token': { type: 'string' },
      'client-id': { type: 'string' },
      'private-key': { type: 'string' },
      scopes: { type: 'string' },
      'key-id': { type: 'string' },
      driver: { type: 'string' },
      'telephony-hook-port': { type: 'string' },
      'allow-target': { type: 'string', multiple: true },
      'allow-production': { type: 'boolean' },
      config: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'test-name-pattern': { type: 'string', short: 't' },
      shard: { type: 'string' },
      blob: { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      ...formatOptions(OUTPUT_FORMATS),
      ...RUN_EXTRA_OPTIONS,
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(RUN_HELP);
    return 0;
  }
  const config = await loadConfig(values.config, io.cwd);
  const resolved = resolveTarget(
    {
      target: values.target ?? config.target,
      token: values.token,
      controlToken: values['control-token'],
      faults: values.fault ?? [],
      driver: values.driver ?? config.driver,
      clientId: values['client-id'],
      scopes: values.scopes,
      privateKeyFile: values['private-key'],
      keyId: values['key-id'],
      ...(values['telephony-hook-port'] !== undefined ? { telephonyHookPort: parsePort(values['telephony-hook-port']) } : {}),
    },
    io.env,
  );
  if (resolved.kind === 'mock' && resolved.faults) await checkFaultIds(resolved.faults);
  const allowTargets = [...(values['allow-target'] ?? []), ...(config.allowTargets ?? [])];
  const real =
    resolved.kind === 'mock'
      ? undefined
      : await prepareRealRun(
          resolved,
          { allowTargets, allowProduction: values['allow-production'] ?? config.allowProduction ?? false },
          io,
          (code) => process.exit(code),
        );
  // The same allow-list admits the run's Duo account and IdentityNow tenant (their drivers read it from the target).
  const target = { ...(real?.target ?? resolved), ...(allowTargets.length > 0 ? { allowTargets } : {}) };

  const seed = values.seed;
  if (seed !== undefined && seed !== 'random' && !/^-?\d+$/.test(seed)) throw new UsageError(`--seed takes an integer or 'random', not ${seed}`);
  const extras = await readRunExtras(values, positionals, values['test-name-pattern'], io);
  const redact = redactorFor(targetSecrets(target));
  const outputs = outputPaths(values, io.cwd);
  // The walks read their seed from the environment, which vitest's workers inherit.
  const savedSeed = process.env.MFA_WALK_SEED;
  if (seed !== undefined) process.env.MFA_WALK_SEED = seed;
  let outcome;
  try {
    outcome = await runSuites({
      ...io.suites,
      outputs,
      target,
      filters: extras.selection.filters,
      testNamePattern: extras.selection.testNamePattern,
      ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
      ...(values.blob !== undefined ? { blob: resolve(io.cwd, values.blob) } : {}),
      progress: false,
      reporters: progressReporters(values.quiet, io, redact),
      ...(extras.bail !== undefined ? { bail: extras.bail } : {}),
      ...(values.concurrency !== undefined ? { concurrency: parsePositiveInt('--concurrency', values.concurrency) } : {}),
      ...(extras.selection.profile ? { environment: { profile: extras.selection.profile.name } } : {}),
      summaryView: (built) => narrowToProfile(built, extras.selection),
      stdout: io.stdout,
      stderr: io.stderr,
    });
  } finally {
    if (savedSeed === undefined) delete process.env.MFA_WALK_SEED;
    else process.env.MFA_WALK_SEED = savedSeed;
    if (real) {
      io.stdout.write(await real.cleanup().catch((error: unknown) => `Cleanup failed (${error instanceof Error ? error.message : 'unknown'}): run mfa-conformance sweep\n`));
      real.dispose();
    }
  }
  const { summary } = outcome;

  io.stdout.write(redact(formatRunSummary(summary)));
  const exitCode = await finishRun(summary, extras, outcome.exitCode, io);
  for (const format of OUTPUT_FORMATS) {
    const path = outputs[format.id];
    if (path) io.stdout.write(`${format.label}: ${path}\n`);
  }
  return exitCode;
}

/** `I/N`: part I (1-based) of N. */
function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 <= I <= N, got ${JSON.stringify(value)}`);
  return { index, count };
}

/** The output paths the flags name, absolute. */
function outputPaths(values: Record<string, unknown>, cwd: string): Partial<Record<FormatId, string>> {
  const outputs: Partial<Record<FormatId, string>> = {};
  for (const format of OUTPUT_FORMATS) {
    const value = values[format.flag];
    if (typeof value === 'string') outputs[format.id] = resolve(cwd, value);
  }
  return outputs;
}

/** An unknown fault or `variant.*` id would fail every suite file's set-up; say so once, up front. */
async function checkFaultIds(faults: readonly string[]): Promise<void> {
  const { FAULT_CATALOG, VARIANT_CATALOG } = await import('../../mock-org/index.js');
  const known = new Set<string>([...FAULT_CATALOG, ...VARIANT_CATALOG].map((entry) => entry.id));
  const unknown = faults.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown fault ${unknown.join(', ')}; known faults: ${[...known].join(', ')}`);
  }
}
