/**
 * Command-line parsing shared by the commands: `node:util` parseArgs with its errors turned into
 * one-line usage messages (exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage: the CLI prints the message on one line and exits with code 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` strictly against `options`. Messages never repeat an option's value:
 * a mistyped `--tokn=SECRET` must not end up on the terminal.
 */
export function parseCommandArgs<const O extends Options, P extends boolean>(
  argv: readonly string[],
  options: O,
  allowPositionals: P,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: P; strict: true }>> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(-[^'=\s]*)/.exec(message)?.[1];
    return `unknown option ${option ?? ''}`.trim();
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-q, --quiet' does not take an argument", "Option '--port <value>' argument missing", "… is ambiguous"
    const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? 'an option';
    if (/argument missing/.test(message)) return `${option} needs a value`;
    if (/ambiguous/.test(message)) return `${option} needs a value (write ${option}=VALUE for a value starting with -)`;
    return `${option} does not take a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return argument === undefined ? 'unexpected argument' : `unexpected argument ${argument}`;
  }
  return message.split('\n', 1)[0] ?? 'bad arguments';
}

/** A TCP port 0–65535 (0: any free port). */
export function parsePort(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--port must be a number, got ${JSON.stringify(value)}`);
  const port = Number(value);
  if (port > 65_535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  return port;
}

/** A positive integer flag (e.g. `--runs`). */
export function parsePositiveInt(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${flag} must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
