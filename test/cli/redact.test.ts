import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { redactingStream, type OutputStream } from '../../cli/redact.js';
import { REDACTED, redactorFor, redactStrings } from '../../drivers/redact.js';

describe('redaction', () => {
  test('replaces every occurrence of each secret, longer secrets first', () => {
    const redact = redactorFor(['abcdef123', 'abcdef123-and-more', undefined]);
    expect(redact('x abcdef123-and-more y abcdef123 z abcdef123')).toBe(`x ${REDACTED} y ${REDACTED} z ${REDACTED}`);
  });

  test('ignores secrets too short to scrub without garbling the text', () => {
    expect(redactorFor(['ab', ''])('a tab b')).toBe('a tab b');
  });

  test('redacts every string in a JSON value, keys and structure kept', () => {
    const value = { message: 'SSWS token-123456', list: ['token-123456', 3, null], nested: { ok: true } };
    expect(redactStrings(value, redactorFor(['token-123456']))).toEqual({
      message: `SSWS ${REDACTED}`,
      list: [REDACTED, 3, null],
      nested: { ok: true },
    });
  });

  test('a redacting stream forwards redacted writes synchronously and looks like its target terminal', () => {
    const written: string[] = [];
    const target = new Writable({ write: (_c, _e, callback) => callback() }) as OutputStream;
    target.write = ((chunk: string) => written.push(chunk) > 0) as OutputStream['write'];
    Object.assign(target, { isTTY: true, columns: 123 });
    const stream = redactingStream(target, redactorFor(['token-123456']));
    stream.write('a token-123456 b');
    stream.write(Buffer.from('token-123456'));
    expect(written).toEqual([`a ${REDACTED} b`, REDACTED]);
    expect(stream.isTTY).toBe(true);
    expect(stream.columns).toBe(123);
  });
});
