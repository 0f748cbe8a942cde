/**
 * The run mode of `mfa-conformance diff`: the same suites against two targets, one after the other, each run's
 * summary and Allure results (its exchanges, redacted as they were recorded) written to a directory of its own,
 * which the folder-compare mode then reads. A side without a target is the embedded mock org (faults allowed).
 */
import { join } from 'node:path';
import type { TargetConfig } from '../drivers/contract.js';
import { redactorFor } from '../drivers/redact.js';
import { loadConfig } from './config.js';
import type { CliIO } from './io.js';
import { prepareRealRun } from './real-run.js';
import { progressReporters } from './run-extras.js';
import { runSuites } from './run-suites.js';
import { checkTargetAllowed } from './safety.js';
import { resolveTarget, targetSecrets } from './target.js';
import { parsePort, UsageError } from './usage.js';

export type SideName = 'left' | 'right';

/** The flags each side takes, prefixed `--left-` or `--right-`: the run command's target flags. */
const SIDE_FLAGS = ['target', 'token', 'control-token', 'client-id', 'private-key', 'scopes', 'key-id', 'driver', 'telephony-hook-port', 'config'] as const;

type SideOptionName = `${SideName}-${(typeof SIDE_FLAGS)[number]}` | `${SideName}-fault`;

export const DIFF_SIDE_OPTIONS = Object.fromEntries([
  ...(['left', 'right'] as const).flatMap((side) => SIDE_FLAGS.map((flag) => [`${side}-${flag}`, { type: 'string' as const }])),
  ['left-fault', { type: 'string' as const, multiple: true as const }],
  ['right-fault', { type: 'string' as const, multiple: true as const }],
]) as Record<SideOptionName, { type: 'string'; multiple?: true }>;

export interface SideRunOptions {
  values: Partial<Record<SideOptionName, string | string[]>>;
  allowTargets: readonly string[];
  allowProduction: boolean;
  filters: readonly string[];
  testNamePattern?: string;
  quiet: boolean;
}

/** True when any `--left-…`/`--right-…` flag was given: diff runs the suites instead of reading two run folders. */
export function wantsRun(values: Record<string, unknown>): boolean {
  return Object.keys(DIFF_SIDE_OPTIONS).some((name) => values[name] !== undefined);
}

interface ResolvedSide {
  name: SideName;
  target: TargetConfig;
  allowTargets: readonly string[];
  allowProduction: boolean;
}

/**
 * Runs the suites against both sides into `outDir/left` and `outDir/right` and returns the secrets of both targets
 * (for redacting what diff prints). Both targets are resolved and checked against the allowed hosts before either
 * run starts, so a refused side sends no request at all.
 */
export async function runBothSides(options: SideRunOptions, outDir: string, io: CliIO): Promise<string[]> {
  const sides = [await resolveSide('left', options, io), await resolveSide('right', options, io)];
  for (const side of sides) {
    if (side.target.kind !== 'mock') checkTargetAllowed(side.target.baseUrl, { allowTargets: side.allowTargets, allowProduction: side.allowProduction });
  }
  for (const side of sides) await runSide(side, options, join(outDir, side.name), io);
  return sides.flatMap((side) => targetSecrets(side.target));
}

async function resolveSide(name: SideName, options: SideRunOptions, io: CliIO): Promise<ResolvedSide> {
  const value = (flag: (typeof SIDE_FLAGS)[number]): string | undefined => {
    const v = options.values[`${name}-${flag}`];
    return typeof v === 'string' ? v : undefined;
  };
  const configFile = value('config');
  const config = configFile !== undefined ? await loadConfig(configFile, io.cwd) : {};
  const hookPort = value('telephony-hook-port');
  const faults = options.values[`${name}-fault`];
  // The org URL and a whole target in the environment would make both sides the same target: each side names its own.
  const { OKTA_CLIENT_ORGURL: _orgUrl, MFA_CONFORMANCE_TARGET: _target, ...env } = io.env;
  const target = resolveTarget(
    {
      target: value('target') ?? config.target,
      token: value('token'),
      controlToken: value('control-token'),
      faults: Array.isArray(faults) ? faults : [],
      driver: value('driver') ?? config.driver,
      clientId: value('client-id'),
      scopes: value('scopes'),
      privateKeyFile: value('private-key'),
      keyId: value('key-id'),
      ...(hookPort !== undefined ? { telephonyHookPort: parsePort(hookPort) } : {}),
    },
    env,
  );
  if (target.kind === 'mock' && target.faults) {
    const { FAULT_CATALOG } = await import('../mock-org/index.js');
    const unknown = target.faults.filter((id) => !FAULT_CATALOG.some((fault) => fault.id === id));
    if (unknown.length > 0) throw new UsageError(`--${name}-fault: unknown fault ${unknown.join(', ')}`);
  }
  return {
    name,
    target,
    allowTargets: [...options.allowTargets, ...(config.allowTargets ?? [])],
    allowProduction: options.allowProduction || (config.allowProduction ?? false),
  };
}

async function runSide(side: ResolvedSide, options: SideRunOptions, dir: string, io: CliIO): Promise<void> {
  const real =
    side.target.kind === 'mock'
      ? undefined
      : await prepareRealRun(side.target, { allowTargets: side.allowTargets, allowProduction: side.allowProduction }, io, (code) => process.exit(code));
  const target = real?.target ?? side.target;
  if (!options.quiet) io.stdout.write(`${side.name}: running the suites\n`);
  try {
    await runSuites({
      ...io.suites,
      target,
      filters: options.filters,
      ...(options.testNamePattern !== undefined ? { testNamePattern: options.testNamePattern } : {}),
      outputs: { json: join(dir, 'summary.json'), allure: join(dir, 'allure-results') },
      progress: false,
      reporters: progressReporters(options.quiet, io, redactorFor(targetSecrets(target))),
      stdout: io.stdout,
      stderr: io.stderr,
    });
  } finally {
    if (real) {
      io.stdout.write(await real.cleanup().catch((error: unknown) => `Cleanup failed (${error instanceof Error ? error.message : 'unknown'}): run mfa-conformance sweep\n`));
      real.dispose();
    }
  }
}
