/** `mfa-conformance run`: the conformance suites against the embedded mock org or a target. */
import { resolve } from 'node:path';
import { formatHelpLines, formatOptions, OUTPUT_FORMATS, type FormatId } from '../../reports/formats/index.js';
import { formatRunSummary } from '../print-summary.js';
import type { CliIO } from '../io.js';
import { redactorFor } from '../../drivers/redact.js';
import { runSuites } from '../run-suites.js';
import { resolveTarget, targetSecrets } from '../target.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const RUN_HELP = `Usage: mfa-conformance run [options] [FILTER...]

Runs the conformance suites (FILTER: parts of suite file paths, e.g. suites/okta-factors) against the embedded
mock org, or against a target that speaks the API. Each check ends PASS, FAIL, BLOCKED (a precondition
failed, so its requirement was not tested) or SKIP (with the reason). Exit code 0 when no check failed or
was blocked, 1 when one failed or was blocked (a blocked requirement is not proven) or the run itself went
wrong, 2 for bad usage.

Target (default: an embedded mock org per suite file):
  --target URL           base URL of the org (or OKTA_CLIENT_ORGURL)
  --token T              its SSWS API token (or OKTA_CLIENT_TOKEN, which keeps it out of the process list)
  --control-token T      admin token for its control protocol (or MFA_CONFORMANCE_CONTROL_TOKEN)
  --fault ID             switch a fault on in the embedded mock org (repeatable; not with --target)

Selection and output:
  -t, --test-name-pattern PATTERN   run only the checks whose full name matches
  --seed N               the model-based walks' seed: replay the walk a failure named (or 'random' for new walks)
${formatHelpLines(OUTPUT_FORMATS)}  -q, --quiet            no progress output, only the summary at the end
  -h, --help             show this help
`;

export async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      target: { type: 'string' },
      token: { type: 'string' },
      'control-token': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'test-name-pattern': { type: 'string', short: 't' },
      seed: { type: 'string' },
      ...formatOptions(OUTPUT_FORMATS),
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(RUN_HELP);
    return 0;
  }
  const target = resolveTarget(
    { target: values.target, token: values.token, controlToken: values['control-token'], faults: values.fault ?? [] },
    io.env,
  );
  if (target.kind === 'mock' && target.faults) await checkFaultIds(target.faults);

  const seed = values.seed;
  if (seed !== undefined && seed !== 'random' && !/^-?\d+$/.test(seed)) throw new UsageError(`--seed takes an integer or 'random', not ${seed}`);
  const outputs = outputPaths(values, io.cwd);
  // The walks read their seed from the environment, which vitest's workers inherit.
  const savedSeed = process.env.MFA_WALK_SEED;
  if (seed !== undefined) process.env.MFA_WALK_SEED = seed;
  const outcome = await runSuites({
    ...io.suites,
    outputs,
    target,
    filters: positionals,
    testNamePattern: values['test-name-pattern'],
    progress: !values.quiet,
    stdout: io.stdout,
    stderr: io.stderr,
  }).finally(() => {
    if (savedSeed === undefined) delete process.env.MFA_WALK_SEED;
    else process.env.MFA_WALK_SEED = savedSeed;
  });

  io.stdout.write(redactorFor(targetSecrets(target))(formatRunSummary(outcome.summary)));
  for (const format of OUTPUT_FORMATS) {
    const path = outputs[format.id];
    if (path) io.stdout.write(`${format.label}: ${path}\n`);
  }
  return outcome.exitCode;
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

/** An unknown fault id would fail every suite file's set-up; say so once, up front. */
async function checkFaultIds(faults: readonly string[]): Promise<void> {
  const { FAULT_CATALOG } = await import('../../mock-org/index.js');
  const known = new Set<string>(FAULT_CATALOG.map((fault) => fault.id));
  const unknown = faults.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown fault ${unknown.join(', ')}; known faults: ${[...known].join(', ')}`);
  }
}
