/** `mfa-conformance certify`: runs a certification profile and writes the signed bundle, or refuses. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { redactorFor, redactStrings } from '../../drivers/redact.js';
import { writeBundle, digestSuiteFiles } from '../../reports/certification/bundle.js';
import { certificationOf } from '../../reports/certification/certification.js';
import { readFailedEvidence } from '../../reports/certification/failed-exchanges.js';
import { defaultKeyPath, loadSigningKey } from '../../reports/certification/signing.js';
import type { CliIO } from '../io.js';
import { packageInfo } from '../package-root.js';
import { formatResultTable } from '../print-table.js';
import { findProfile } from '../profiles.js';
import { ProgressReporter } from '../progress.js';
import { harnessCommit, targetEngine } from '../run-facts.js';
import { runSuites } from '../run-suites.js';
import { describeTarget, resolveTarget, targetSecrets } from '../target.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const CERTIFY_HELP = `Usage: mfa-conformance certify --profile NAME [options]

Runs the suites of a certification profile (see mfa-conformance profiles) against the target and writes the
certification bundle: a directory and the same as DIR.tar.gz, holding every requirement's result with its reason
(by family and factor type), the run's facts, the SHA-256 of every suite file and result file, the redacted
exchanges of failed checks, the summary in JSON, Markdown and one HTML page, and a manifest signed with a detached
JWS (Ed25519 or ES256). Check it with mfa-conformance verify-bundle.

Refused (no bundle, exit 1, the reasons listed) when any MUST requirement of the profile failed, was blocked or
did not run, or the run itself had errors.

Options:
  --profile NAME       the certification profile (required)
  --out DIR            where to write the bundle (default: certification-<profile>)
  --key FILE           PEM (PKCS#8) Ed25519 or P-256 private key to sign with (default: generated on first use at
                       $MFA_CONFORMANCE_KEY or $XDG_CONFIG_HOME/mfa-conformance/signing-key.pem, outside the repository)
  --target URL, --token T, --control-token T, --fault ID   the target, as for mfa-conformance run
  -q, --quiet          no progress output
  -h, --help           show this help

Exit codes: 0 certified (bundle written), 1 refused or the run went wrong, 2 bad usage.
`;

export async function certifyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      profile: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      target: { type: 'string' },
      token: { type: 'string' },
      'control-token': { type: 'string' },
      fault: { type: 'string', multiple: true },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(CERTIFY_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('certify takes no arguments besides its options');
  if (values.profile === undefined) throw new UsageError('certify needs --profile NAME (see mfa-conformance profiles)');
  const profile = findProfile(io, values.profile);
  const target = resolveTarget({ target: values.target, token: values.token, controlToken: values['control-token'], faults: values.fault ?? [] }, io.env);
  const redact = redactorFor(targetSecrets(target));
  const keyPath = values.key !== undefined ? resolve(io.cwd, values.key) : defaultKeyPath(io.env);
  const out = resolve(io.cwd, values.out ?? `certification-${profile.name}`);

  const allureDir = await mkdtemp(join(tmpdir(), 'mfa-conformance-certify-'));
  try {
    const startedAt = new Date();
    const outcome = await runSuites({
      ...io.suites,
      target,
      filters: profile.suites,
      outputs: { allure: allureDir },
      environment: { profile: profile.name },
      progress: false,
      reporters: values.quiet ? [] : [new ProgressReporter({ stream: io.stdout, env: io.env, redact })],
      stdout: io.stdout,
      stderr: io.stderr,
    });
    const pkg = packageInfo();
    const certification = redactStrings(
      certificationOf(outcome.summary, profile, {
        harnessVersion: pkg.version,
        commit: await harnessCommit(pkg.root),
        ...describeTarget(target),
        engine: await targetEngine(target),
        startedAt: startedAt.toISOString(),
        endedAt: new Date().toISOString(),
      }),
      redact,
    );
    const t = certification.totals;
    io.stdout.write(`\nProfile ${profile.name}: ${certification.requirements.length} requirements — ${t.pass} pass, ${t.fail} fail, ${t.blocked} blocked, ${t.skip} skip\n`);
    io.stdout.write(formatResultTable(certification.requirements));

    if (certification.verdict === 'refused') {
      const lines = ['', `Certification refused: ${certification.refusedBecause.length} MUST requirement(s) of ${profile.name} did not pass; no bundle written.`];
      for (const r of certification.refusedBecause) lines.push(`  ${r.result.toUpperCase()} ${r.id}${r.reason ? `: ${r.reason}` : ''}`);
      for (const error of certification.runErrors) lines.push(`  run error: ${error}`);
      io.stdout.write(redact(`${lines.join('\n')}\n`));
      return 1;
    }

    const key = await loadSigningKey(keyPath, values.key === undefined);
    const evidence = redactStrings(await readFailedEvidence(allureDir), redact);
    const suiteFiles = await digestSuiteFiles(pkg.root, [...profile.suites, 'suites/support']);
    const bundle = await writeBundle({ dir: out, certification, summary: outcome.summary, evidence, suiteFiles, key });
    io.stdout.write(
      [
        '',
        `Certified: every MUST requirement of ${profile.name} passed.`,
        `Bundle:    ${bundle.dir}`,
        `Archive:   ${bundle.archive}`,
        `Signed by: ${key.alg} key ${bundle.keyThumbprint} (${key.generated ? 'generated now at ' : ''}${key.path})`,
        `Verify:    mfa-conformance verify-bundle ${bundle.archive}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await rm(allureDir, { recursive: true, force: true });
  }
}
