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

  test('a secret with regular-expression characters in it is found like any other', () => {
    const r = new Redactor();
    r.addSecret('a.b*c(d)[e]$^|\\+?{2}');
    r.addSecret('axbbc-plain');
    expect(r.text('x a.b*c(d)[e]$^|\\+?{2} y axbbc-plain')).toBe(`x ${REDACTED} y ${REDACTED}`);
    // the pattern is the literal: text it would match as a regular expression stays
    expect(r.text('aXbbbc(d)e')).toBe('aXbbbc(d)e');
  });

  test('a value it redacted comes back as is until a secret is registered, then without that secret too', () => {
    const r = new Redactor();
    r.addSecret('first-secret');
    const once = r.json({ note: 'first-secret and second-secret', passCode: '123456' });
    expect(once).toEqual({ note: `${REDACTED} and second-secret`, passCode: REDACTED });
    expect(r.json(once)).toBe(once);
    r.addSecret('second-secret');
    const again = r.json(once);
    expect(again).toEqual({ note: `${REDACTED} and ${REDACTED}`, passCode: REDACTED });
    expect(r.json(again)).toBe(again);
    // a value marked redacted (a recorded exchange) is treated the same way
    const recorded = r.redacted({ url: '/x?token=third-secret' });
    r.addSecret('third-secret');
    expect(r.json(recorded)).toEqual({ url: `/x?token=${REDACTED}` });
  });

  test('redacting a redacted value again copies only the parts that held a newer secret', () => {
    const r = new Redactor();
    const once = r.json({ request: { headers: { accept: 'application/json' } }, response: { body: { note: 'fourth-secret', list: ['a', 'b'] } } }) as {
      request: object;
      response: { body: { list: string[] } };
    };
    r.addSecret('fourth-secret');
    const again = r.json(once) as typeof once;
    expect(again).toEqual({ request: { headers: { accept: 'application/json' } }, response: { body: { note: REDACTED, list: ['a', 'b'] } } });
    expect(again.request).toBe(once.request);
    expect(again.response.body.list).toBe(once.response.body.list);
    // the value it was given is left as it was
    expect(once.response.body).toEqual({ note: 'fourth-secret', list: ['a', 'b'] });
  });

  test('a header named like a secret field is recorded redacted', () => {
    const r = new Redactor();
    expect(r.headers({ 'x-request-id': 'abc', token: 'anything', passCode: '123456' })).toEqual({ 'x-request-id': 'abc', token: REDACTED, passCode: REDACTED });
  });

  test('a value it did not redact is always walked, even if equal to one it did', () => {
    const r = new Redactor();
    r.addSecret('some-secret');
    const out = r.json({ a: 'some-secret' });
    expect(r.json({ ...(out as object), b: 'some-secret' })).toEqual({ a: REDACTED, b: REDACTED });
  });
});
