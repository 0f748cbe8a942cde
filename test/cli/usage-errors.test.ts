import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { captureIO } from './capture-io.js';

const SECRET = 'sekret-token-4242';

interface UsageCase {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  message: RegExp;
}

const cases: UsageCase[] = [
  { argv: ['frob'], message: /^mfa-conformance: unknown command frob; commands: run, mock, merge, report, profiles, certify, verify-bundle, compare, / },
  { argv: ['--frob'], message: /^mfa-conformance: unknown option --frob/ },
  { argv: ['run', '--frob'], message: /^mfa-conformance run: unknown option --frob \(see mfa-conformance run --help\)$/ },
  { argv: ['run', `--tokn=${SECRET}`], message: /^mfa-conformance run: unknown option --tokn / },
  { argv: ['run', '--json'], message: /^mfa-conformance run: --json needs a value/ },
  { argv: ['run', '--quiet=yes'], message: /^mfa-conformance run: --quiet does not take a value/ },
  { argv: ['run', '--target', 'https://org.example'], message: /--target needs credentials: --token \(or OKTA_CLIENT_TOKEN\), or an OAuth 2.0 service app/ },
  { argv: ['run'], env: { OKTA_CLIENT_ORGURL: 'https://org.example' }, message: /--target needs credentials/ },
  { argv: ['run', '--target', 'org.example', '--token', SECRET], message: /--target must be an absolute URL/ },
  { argv: ['run', '--target', 'ftp://org.example', '--token', SECRET], message: /--target must be an http\(s\) URL/ },
  { argv: ['run', '--target', `https://u:${SECRET}@org.example`, '--token', SECRET], message: /--target must not carry credentials/ },
  {
    argv: ['run', '--target', 'https://org.example', '--token', SECRET, '--fault', 'totp.allow-replay'],
    message: /--fault works only with the embedded mock org, not with --target/,
  },
  {
    argv: ['run', '--fault', 'totp.allow-replay'],
    env: { OKTA_CLIENT_ORGURL: 'https://org.example', OKTA_CLIENT_TOKEN: SECRET },
    message: /--fault works only with the embedded mock org/,
  },
  { argv: ['run', '--token', SECRET], message: /--token needs --target \(or OKTA_CLIENT_ORGURL\)/ },
  { argv: ['run', `--control-token=${SECRET}`], message: /--control-token needs --target/ },
  { argv: ['run', '--fault', 'no.such.fault'], message: /unknown fault no\.such\.fault; known faults: .*totp\.allow-replay/ },
  { argv: ['run'], env: { MFA_CONFORMANCE_TARGET: `{"kind":"http","token":"${SECRET}"` }, message: /MFA_CONFORMANCE_TARGET is not valid JSON/ },
  { argv: ['run'], env: { MFA_CONFORMANCE_TARGET: '{"kind":"ftp"}' }, message: /MFA_CONFORMANCE_TARGET is not a target config/ },
  { argv: ['mock', '--port', 'abc'], message: /^mfa-conformance mock: --port must be a number, got "abc"/ },
  { argv: ['mock', '--port', '70000'], message: /--port must be at most 65535/ },
  { argv: ['mock', '--port', '-1'], message: /--port needs a value \(write --port=VALUE/ },
  { argv: ['mock', '--port=-1'], message: /--port must be a number, got "-1"/ },
  { argv: ['mock', 'extra'], message: /^mfa-conformance mock: unexpected argument extra/ },
  { argv: ['report'], message: /report needs the JSON summary of a run/ },
  { argv: ['report', 'a.json', 'b.json'], message: /report takes one summary file/ },
  { argv: ['report', '/nonexistent/summary.json'], message: /summary\.json cannot be read/ },
  { argv: ['sweep'], message: /^mfa-conformance sweep: sweep needs a target/ },
  { argv: ['certify'], message: /^mfa-conformance certify: certify needs --profile NAME/ },
  { argv: ['verify-bundle'], message: /verify-bundle takes one bundle/ },
  { argv: ['verify-bundle', '/nonexistent/bundle'], message: /is not a bundle directory or archive/ },
  { argv: ['compare', 'a.json'], message: /compare takes two summaries/ },
  { argv: ['profiles', 'nope'], message: /unknown profile nope/ },
  { argv: ['run', '--bail', '0'], message: /--bail must be a positive whole number/ },
  { argv: ['run', '--grep', 'x', '-t', 'y'], message: /use one of -t, --grep, --only-failed and --replay/ },
  { argv: ['report', '--allure-dir', '/nonexistent/allure-results'], message: /--allure-dir .* does not exist/ },
  { argv: ['help', 'frob'], message: /no help for frob/ },
];

describe('usage errors exit 2 with one line on stderr and nothing on stdout', () => {
  test.each(cases)('$argv', async ({ argv, env, message }) => {
    const io = captureIO({ env: env ?? {} });
    const code = await runCli(argv, io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    const lines = io.err().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(lines[0]).toMatch(message);
    expect(io.err()).not.toContain(SECRET);
  });
});

describe('help', () => {
  test.each([[[]], [['--help']], [['-h']], [['help']]])('%j lists every command', async (argv) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: mfa-conformance <command>/);
    for (const command of ['run', 'mock', 'merge', 'report', 'profiles', 'certify', 'verify-bundle', 'compare', 'sweep', 'diff']) expect(io.out()).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(io.out()).not.toMatch(/not yet available/);
    expect(io.err()).toBe('');
  });

  test.each(['run', 'mock', 'report'])('%s --help and help %s print the command usage', async (command) => {
    for (const argv of [[command, '--help'], [command, '-h'], ['help', command]]) {
      const io = captureIO();
      expect(await runCli(argv, io)).toBe(0);
      expect(io.out()).toMatch(new RegExp(`^Usage: mfa-conformance ${command} `));
    }
  });

  test('run --help documents every flag', async () => {
    const io = captureIO();
    await runCli(['run', '--help'], io);
    for (const flag of ['--target', '--token', '--control-token', '--json', '--junit', '--markdown', '--allure-dir', '--fault', '-t']) {
      expect(io.out()).toContain(flag);
    }
  });

  test('--version prints the package version', async () => {
    const io = captureIO();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });
});
