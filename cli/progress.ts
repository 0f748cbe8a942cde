/**
 * What a run shows while it goes. On a terminal: one live line (checks done / total, failures so far, elapsed),
 * rewritten in place. In CI (`CI=true`) or into a file or pipe: a plain line per finished suite file, and one per
 * failed check with its first failure line. Everything passes through the run's redaction.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { Redact } from '../drivers/redact.js';
import type { OutputStream } from './redact.js';

export interface ProgressOptions {
  stream: OutputStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  redact: Redact;
}

/** True when the live line is wanted: a terminal, and not CI. */
function wantsLiveLine(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !(env.CI && env.CI !== 'false' && env.CI !== '0');
}

export class ProgressReporter implements Reporter {
  readonly #options: ProgressOptions;
  readonly #live: boolean;
  #total = 0;
  #done = 0;
  #failed = 0;
  #started = performance.now();

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#live = wantsLiveLine(options.stream, options.env);
  }

  onTestRunStart(): void {
    this.#started = performance.now();
  }

  onTestModuleCollected(module: TestModule): void {
    this.#total += [...module.children.allTests()].length;
    this.#draw();
  }

  onTestCaseResult(test: TestCase): void {
    this.#done += 1;
    const result = test.result();
    if (result.state === 'failed') {
      this.#failed += 1;
      if (!this.#live) this.#write(`    ✗ ${test.fullName}: ${(result.errors[0]?.message ?? '').split('\n', 1)[0] ?? ''}\n`);
    }
    this.#draw();
  }

  onTestModuleEnd(module: TestModule): void {
    if (this.#live) return;
    const tests = [...module.children.allTests()];
    const failed = tests.filter((t) => t.result().state === 'failed').length;
    const skipped = tests.filter((t) => t.result().state === 'skipped').length;
    const mark = failed > 0 ? '✗' : '✓';
    const ms = module.diagnostic().duration;
    this.#write(`  ${mark} ${module.relativeModuleId}: ${tests.length} checks, ${failed} failed, ${skipped} skipped or blocked (${(ms / 1000).toFixed(1)} s)\n`);
  }

  onTestRunEnd(): void {
    if (this.#live) this.#options.stream.write('\r\x1b[2K');
  }

  #draw(): void {
    if (!this.#live) return;
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    this.#options.stream.write(`\r\x1b[2K  ${this.#done}/${this.#total} checks · ${this.#failed} failed · ${seconds} s`);
  }

  #write(text: string): void {
    this.#options.stream.write(this.#options.redact(text));
  }
}
