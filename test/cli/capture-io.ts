/** A CliIO that records what a command prints, for running commands in process. */
import { Writable } from 'node:stream';
import type { CliIO } from '../../cli/io.js';

export interface CapturedIO extends CliIO {
  out(): string;
  err(): string;
  /** Acts as SIGINT for a command waiting on untilShutdown(). */
  shutdown(): void;
}

export function captureIO(overrides: Partial<CliIO> = {}): CapturedIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let stop: ((signal: NodeJS.Signals) => void) | undefined;
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    stop = resolve;
  });
  const sink = (into: string[]): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        into.push(chunk.toString());
        callback();
      },
    });
  return {
    stdout: sink(stdout),
    stderr: sink(stderr),
    env: {},
    cwd: process.cwd(),
    untilShutdown: () => stopped,
    ...overrides,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
    shutdown: () => stop?.('SIGINT'),
  };
}
