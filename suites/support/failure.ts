import type { FailureKind } from '../../reports/check-meta.js';

/**
 * A typed failure: what kind of expectation broke, with what was expected and what the target did
 * (both redacted by `check()` before they leave the check). vitest shows `expected`/`actual` as a diff.
 */
export class CheckFailure extends Error {
  readonly kind: Exclude<FailureKind, 'assertion' | 'error'>;
  readonly expected: unknown;
  readonly actual: unknown;

  constructor(kind: CheckFailure['kind'], message: string, expected: unknown, actual: unknown) {
    super(message);
    this.name = 'CheckFailure';
    this.kind = kind;
    this.expected = expected;
    this.actual = actual;
  }
}

/** vitest's own signal that a test skipped itself (`ctx.skip()`): neither a failure nor a broken precondition. */
export function isSkipSignal(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'VITEST_PENDING';
}

/** The kind of any error a check threw: typed failures say theirs; vitest/chai assertions are `assertion`. */
export function failureKindOf(error: unknown): FailureKind {
  if (error instanceof CheckFailure) return error.kind;
  if (error instanceof Error && (/assert/i.test(error.name) || 'actual' in error || 'expected' in error)) return 'assertion';
  return 'error';
}
