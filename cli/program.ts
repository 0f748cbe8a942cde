/**
 * `mfa-conformance <command>`: finds the command, runs it, and turns what went wrong into an exit code
 * and one line on stderr (2: bad usage, 1: the run failed or errored). No secret reaches stderr.
 */
import { stripVTControlCharacters } from 'node:util';
import { certifyCommand, CERTIFY_HELP } from './commands/certify.js';
import { compareCommand, COMPARE_HELP } from './commands/compare.js';
import { mergeCommand, MERGE_HELP } from './commands/merge.js';
import { mockCommand, MOCK_HELP } from './commands/mock.js';
import { profilesCommand, PROFILES_HELP } from './commands/profiles.js';
import { verifyBundleCommand, VERIFY_BUNDLE_HELP } from './commands/verify-bundle.js';
import { reportCommand, REPORT_HELP } from './commands/report.js';
import { runCommand, RUN_HELP } from './commands/run.js';
import { sweepCommand, SWEEP_HELP } from './commands/sweep.js';
import { diffCommand, DIFF_HELP } from './commands/diff.js';
import type { CliIO } from './io.js';
import { packageInfo } from './package-root.js';
import { redactorFor } from '../drivers/redact.js';
import { UsageError } from './usage.js';

interface Command {
  summary: string;
  help?: string;
  /** Absent: listed in the help, not yet available. */
  run?: (argv: readonly string[], io: CliIO) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  run: { summary: 'run the conformance suites against the embedded mock org or a target', help: RUN_HELP, run: runCommand },
  mock: { summary: 'serve the embedded mock org (with the control protocol) until stopped', help: MOCK_HELP, run: mockCommand },
  merge: { summary: 'combine the partial results of a sharded run (run --shard I/N) into a single run\'s outputs', help: MERGE_HELP, run: mergeCommand },
  report: { summary: 'render a run\'s Markdown report from its JSON summary, or the Allure 3 HTML report (with history)', help: REPORT_HELP, run: reportCommand },
  profiles: { summary: 'list the certification profiles, or one profile\'s requirements and variants', help: PROFILES_HELP, run: profilesCommand },
  certify: { summary: 'run a certification profile against a target and write the signed bundle', help: CERTIFY_HELP, run: certifyCommand },
  'verify-bundle': { summary: 'check a certification bundle\'s signature and digests', help: VERIFY_BUNDLE_HELP, run: verifyBundleCommand },
  compare: { summary: 'show the requirements whose result changed between two run summaries', help: COMPARE_HELP, run: compareCommand },
  sweep: { summary: 'delete test users runs against a real org left behind', help: SWEEP_HELP, run: sweepCommand },
  diff: { summary: 'compare two runs against two targets: the requirements whose outcome differs, exchanges side by side', help: DIFF_HELP, run: diffCommand },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const commands = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: mfa-conformance <command> [options]',
    '',
    'Protocol-conformance harness for MFA APIs (Okta Classic Factors and Authentication APIs).',
    '',
    'Commands:',
    ...commands,
    '',
    'Run `mfa-conformance <command> --help` for the options of a command.',
    'Exit codes: 0 success, 1 the run failed (or: certification refused, bundle invalid, a requirement newly fails), 2 bad usage.',
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const redact = redactorFor(secretsIn(argv, io.env));
  const [name, ...rest] = argv;
  const fail = (code: number, message: string): number => {
    io.stderr.write(`${redact(message)}\n`);
    return code;
  };

  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(mainHelp());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${packageInfo().version}\n`);
    return 0;
  }
  if (name === 'help') {
    const topic = rest[0];
    const help = topic === undefined ? mainHelp() : COMMANDS[topic]?.help;
    if (help === undefined) return fail(2, `mfa-conformance: no help for ${topic ?? ''}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    io.stdout.write(help);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command ${name}`;
    return fail(2, `mfa-conformance: ${what}; commands: ${Object.keys(COMMANDS).join(', ')} (see mfa-conformance --help)`);
  }
  if (command.run === undefined) return fail(2, `mfa-conformance ${name}: not yet available`);

  try {
    return await command.run(rest, io);
  } catch (error) {
    // a target that cannot be used: the line names the cause and the fix, not the help
    if (error instanceof UsageError && error.name === 'TargetUnusableError') return fail(2, `mfa-conformance ${name}: ${error.message}`);
    if (error instanceof UsageError) return fail(2, `mfa-conformance ${name}: ${error.message} (see mfa-conformance ${name} --help)`);
    return fail(1, `mfa-conformance ${name}: ${headline(error)}`);
  }
}

/** The gist of an unexpected error: its first two lines of text, colours and stack left out. */
function headline(error: unknown): string {
  const message = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.slice(0, 2).join(' ') || 'failed';
}

/** Every secret the command line or the environment may hold, for redaction of what the CLI prints. */
function secretsIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const secrets = [env.OKTA_CLIENT_TOKEN, env.MFA_CONFORMANCE_CONTROL_TOKEN, env.OKTA_CLIENT_PRIVATEKEY, env.MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET].filter(
    (s): s is string => !!s,
  );
  argv.forEach((arg, index) => {
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === undefined || !/^--((left|right)-)?(control-)?token$/.test(flag)) return;
    const value = inline ?? argv[index + 1];
    if (value) secrets.push(value);
  });
  const json = env.MFA_CONFORMANCE_TARGET;
  if (json) {
    try {
      const target = JSON.parse(json) as { token?: unknown; controlToken?: unknown };
      for (const value of [target.token, target.controlToken]) if (typeof value === 'string') secrets.push(value);
    } catch {
      // not JSON: resolveTarget reports it without quoting it
    }
  }
  return secrets;
}
