/**
 * What a run against a real target does around the suites: refuses a target that was not allowed (before any
 * request), probes it once (one clear line and exit 2 when it cannot be used), gives the run an id and a journal
 * of the users it creates, deletes them at the end, and on SIGINT/SIGTERM stops creating users, deletes what the run
 * created and exits; a second signal exits at once and leaves the rest to `mfa-conformance sweep`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetConfig } from '../drivers/contract.js';
import { newRunId } from '../drivers/okta/fixtures.js';
import { preflight } from '../drivers/okta/preflight.js';
import { readJournal } from '../drivers/okta/run-journal.js';
import { adminClient, cleanupRun } from '../drivers/okta/sweep.js';
import type { CliIO } from './io.js';
import { checkTargetAllowed, type SafetyOptions } from './safety.js';
import { UsageError } from './usage.js';

type RemoteTarget = Exclude<TargetConfig, { kind: 'mock' }>;

/** Thrown for a target that cannot be used: the CLI prints the message as its one line and exits 2. */
export class TargetUnusableError extends UsageError {
  override readonly name = 'TargetUnusableError';
}

export interface PreparedRun {
  target: RemoteTarget;
  runId: string;
  /** Deletes the run's users; returns the line to print. */
  cleanup(): Promise<string>;
  /** Stops listening for signals and removes the journal. */
  dispose(): void;
}

export async function prepareRealRun(target: RemoteTarget, safety: SafetyOptions, io: CliIO, onInterrupt: (exitCode: number) => void): Promise<PreparedRun> {
  checkTargetAllowed(target.baseUrl, safety);
  const probed = await preflight(target);
  if (!probed.ok) throw new TargetUnusableError(probed.message);

  const runId = newRunId();
  const dir = mkdtempSync(join(tmpdir(), 'mfa-conformance-run-'));
  const journal = join(dir, 'journal');
  const stopFile = join(dir, 'stop');
  writeFileSync(journal, '');
  const withRun: RemoteTarget = { ...target, run: { id: runId, journal, stopFile } };

  let cleaned: Promise<string> | undefined;
  const cleanup = (): Promise<string> => {
    cleaned ??= (async () => {
      const api = adminClient(target);
      try {
        const { removed, failed } = await cleanupRun(api, runId, journal);
        const waits = readJournal(journal);
        const waited = waits.waits > 0 ? `; waited ${(waits.waitedMs / 1000).toFixed(1)} s for rate limits (${waits.waits} waits)` : '';
        const leftover = failed.length > 0 ? `; ${failed.length} could not be deleted: run mfa-conformance sweep` : '';
        return `Cleanup: run ${runId}, ${removed} test user${removed === 1 ? '' : 's'} left to delete and deleted${leftover}${waited}\n`;
      } finally {
        await api.close();
      }
    })();
    return cleaned;
  };

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals > 1) {
      io.stderr.write(`mfa-conformance run: stopped at once; run \`mfa-conformance sweep\` to delete what run ${runId} left\n`);
      process.exit(130);
    }
    writeFileSync(stopFile, signal);
    io.stderr.write(`\nmfa-conformance run: ${signal}: deleting the users of run ${runId} (signal again to stop at once)\n`);
    void cleanup().then(
      (line) => {
        io.stderr.write(line);
        onInterrupt(130);
      },
      () => onInterrupt(130),
    );
  };
  // Ours run first; vitest's own handlers (which exit the process at once) are taken off while we clean up.
  process.prependListener('SIGINT', onSignal);
  process.prependListener('SIGTERM', onSignal);
  const others = (signal: NodeJS.Signals) => process.listeners(signal).filter((listener) => listener !== onSignal);
  const guard = setInterval(() => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) for (const listener of others(signal)) process.removeListener(signal, listener as (s: NodeJS.Signals) => void);
  }, 50);
  guard.unref();

  return {
    target: withRun,
    runId,
    cleanup,
    dispose() {
      clearInterval(guard);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
