/**
 * The benchmark's floor: vitest itself, on as many files as the suite has, each with trivial tests (as many tests
 * in all as the suite has checks), with the suites' own pool settings. What the suite costs beyond this is ours.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suitePool } from '../cli/suite-pool.js';
import { nullStream } from '../cli/redact.js';

export async function runFloor(files: number, tests: number): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'mfa-conformance-floor-'));
  try {
    await mkdir(join(root, 'floor'));
    const perFile = Math.ceil(tests / files);
    for (let file = 0; file < files; file++) {
      const body = Array.from({ length: perFile }, (_, i) => `test('trivial ${i}', () => { expect(${i} + 1).toBe(${i + 1}); });`).join('\n');
      await writeFile(join(root, 'floor', `trivial-${file}.test.js`), `${body}\n`);
    }
    const { startVitest } = await import('vitest/node');
    const savedExitCode = process.exitCode;
    const vitest = await startVitest(
      'test',
      [],
      { root, config: false, watch: false, globals: true, include: ['floor/*.test.js'], reporters: [], ...suitePool('mock') },
      undefined,
      { stdout: nullStream(), stderr: nullStream() },
    );
    await vitest.close();
    const failed = vitest.state.getCountOfFailedTests();
    process.exitCode = savedExitCode;
    if (failed > 0) throw new Error(`the floor's trivial tests failed (${failed})`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
