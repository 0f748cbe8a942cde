/** What a command may touch of its process, passed in so the harness's tests can run commands in process. */
import type { OutputStream } from './redact.js';
import type { SuiteLocation } from './run-suites.js';

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** Relative file arguments resolve against this. */
  cwd: string;
  /** Resolves with the signal's name when the process is asked to stop (the `mock` command waits on it). */
  untilShutdown(): Promise<NodeJS.Signals>;
  /** Which suites `run` runs (default: the package's own). */
  suites?: SuiteLocation;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    untilShutdown: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}
