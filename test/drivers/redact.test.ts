import { describe, expect, test } from 'vitest';
import { REDACTED, Redactor, redactorFor } from '../../drivers/redact.js';

describe('Redactor', () => {
  test('redacts secret fields by name, at any depth', () => {
    const r = new Redactor();
    const out = r.json({
      profile: { login: 'a@example.com' },
      credentials: { password: { value: 'Hunter2!x' } },
      passCode: '123456',
      nested: [{ answer: 'mayonnaise', sharedSecret: 'JBSWY3DPEHPK3PXP' }],
      _embedded: { activation: { sharedSecret: 'ABC', encoding: 'base32' } },
    });
    expect(out).toEqual({
      profile: { login: 'a@example.com' },
      credentials: { password: REDACTED },
      passCode: REDACTED,
      nested: [{ answer: REDACTED, sharedSecret: REDACTED }],
      _embedded: { activation: { sharedSecret: REDACTED, encoding: 'base32' } },
    });
  });

  test('redacts registered values wherever they appear, longest first', () => {
    const r = new Redactor();
    r.addSecret('tok');
    r.addSecret('00abcdefSECRET');
    r.addSecret('00abcdefSECRET-long');
    expect(r.text('url?token=00abcdefSECRET-long&x=00abcdefSECRET')).toBe(`url?token=${REDACTED}&x=${REDACTED}`);
    expect(r.json({ note: 'echo 00abcdefSECRET' })).toEqual({ note: `echo ${REDACTED}` });
    // Too short to be a secret on its own: not registered, so ordinary text survives.
    expect(r.text('tok')).toBe('tok');
  });

  test('keeps the auth scheme, hides the credential', () => {
    const r = new Redactor();
    expect(r.headers({ Authorization: 'SSWS 00abc', accept: 'application/json', cookie: 'sid=1' })).toEqual({
      Authorization: `SSWS ${REDACTED}`,
      accept: 'application/json',
      cookie: REDACTED,
    });
  });

  test('one threshold: the Redactor and the CLI scrub the same values (four characters and up)', () => {
    const r = new Redactor();
    for (const secret of ['abc', 'abcd', 'k9#Q2x']) r.addSecret(secret);
    const cli = redactorFor(['abc', 'abcd', 'k9#Q2x']);
    const text = 'abc abcd k9#Q2x';
    expect(r.text(text)).toBe(`abc ${REDACTED} ${REDACTED}`);
    expect(cli(text)).toBe(r.text(text));
  });
});
