/** `mfa-conformance run`: the conformance suites against the embedded mock org or a target. */
import { resolve } from 'node:path';
import { formatRunSummary } from '../print-summary.js';
import type { CliIO } from '../io.js';
import { redactorFor } from '../../drivers/redact.js';
import { runSuites } from '../run-suites.js';
import { resolveTarget, targetSecrets } from '../target.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const RUN_HELP = `Usage: mfa-conformance run [options] [FILTER...]

Runs the conformance suites (FILTER: parts of suite file paths, e.g. suites/okta-factors) against the embedded
mock org, or against a target that speaks the API. Exit code 0 when no check failed, 1 when one failed
or the run itself went wrong, 2 for bad usage.

Target (default: an embedded mock org per suite file):
  --target URL           base URL of the org (or OKTA_CLIENT_ORGURL)
  --token T              its SSWS API token (or OKTA_CLIENT_TOKEN, which keeps it out of the process list)
  --control-token T      admin token for its control protocol (or MFA_CONFORMANCE_CONTROL_TOKEN)
  --fault ID             switch a fault on in the embedded mock org (repeatable; not with --target)

Selection and output:
  -t, --test-name-pattern PATTERN   run only the checks whose full name matches
  --json FILE            write the run summary as JSON
  --markdown FILE        write the certification report as Markdown
  --junit FILE           write a JUnit XML report
  --allure-dir DIR       write Allure results into DIR
  -q, --quiet            no progress output, only the summary at the end
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
      json: { type: 'string' },
      markdown: { type: 'string' },
      junit: { type: 'string' },
      'allure-dir': { type: 'string' },
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

  const file = (path: string | undefined): string | undefined => (path === undefined ? undefined : resolve(io.cwd, path));
  const outputs = {
    jsonFile: file(values.json),
    markdownFile: file(values.markdown),
    junitFile: file(values.junit),
    allureDir: file(values['allure-dir']),
  };
  const outcome = await runSuites({
    ...io.suites,
    ...outputs,
    target,
    filters: positionals,
    testNamePattern: values['test-name-pattern'],
    progress: !values.quiet,
    stdout: io.stdout,
    stderr: io.stderr,
  });

  io.stdout.write(redactorFor(targetSecrets(target))(formatRunSummary(outcome.summary)));
  const written = [
    ['JSON summary', outputs.jsonFile],
    ['Markdown report', outputs.markdownFile],
    ['JUnit report', outputs.junitFile],
    ['Allure results', outputs.allureDir],
  ] as const;
  for (const [label, path] of written) if (path) io.stdout.write(`${label}: ${path}\n`);
  return outcome.exitCode;
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
