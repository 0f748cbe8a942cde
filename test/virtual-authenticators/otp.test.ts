import { describe, expect, it } from 'vitest';
import { HotpGenerator, SymantecVipToken, TotpGenerator } from '../../virtual-authenticators/index.js';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'ascii'));
const SHA1_SEED = '12345678901234567890';
const SHA256_SEED = '12345678901234567890123456789012';
const SHA512_SEED = '1234567890123456789012345678901234567890123456789012345678901234';

describe('HotpGenerator: RFC 4226 Appendix D', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

  it.each(expected.map((code, count) => [count, code] as const))('count %i gives %s', (count, code) => {
    const hotp = new HotpGenerator({ secret: SHA1_SEED, encoding: 'ascii' });
    expect(hotp.code(count)).toBe(code);
  });

  it('gives the same codes from the base32 and hex forms of the secret, and 403154 at count 10', () => {
    const fromBase32 = new HotpGenerator({ secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
    const fromHex = new HotpGenerator({ secret: '3132333435363738393031323334353637383930', encoding: 'hex' });
    expect(expected.map((_, count) => fromBase32.code(count))).toEqual(expected);
    expect(expected.map((_, count) => fromHex.code(count))).toEqual(expected);
    expect(fromBase32.code(10)).toBe('403154');
  });

  it('keeps the leading zero of a 7-digit code (count 4 is 0338314)', () => {
    expect(new HotpGenerator({ secret: ascii(SHA1_SEED), digits: 7 }).code(4)).toBe('0338314');
  });

  it('next() walks the counter like a token button, and replay repeats the last code without moving it', () => {
    const hotp = new HotpGenerator({ secret: ascii(SHA1_SEED), counter: 3 });
    expect(() => hotp.next({ tamper: 'replay' })).toThrow(/replay/);
    expect(hotp.next()).toBe('969429');
    expect(hotp.next({ tamper: 'replay' })).toBe('969429');
    expect(hotp.counter).toBe(4);
    expect(hotp.next()).toBe('338314');
  });

  it('refuses digit counts and algorithms outside RFC 4226 / 6238', () => {
    expect(() => new HotpGenerator({ secret: ascii(SHA1_SEED), digits: 5 as 6 })).toThrow(RangeError);
    expect(() => new HotpGenerator({ secret: ascii(SHA1_SEED), algorithm: 'MD5' as 'SHA1' })).toThrow(RangeError);
  });
});

describe('TotpGenerator: RFC 6238 Appendix B (8 digits, X = 30, T0 = 0)', () => {
  const rows = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ] as const;
  const sha1 = new TotpGenerator({ secret: ascii(SHA1_SEED), algorithm: 'SHA1', digits: 8 });
  const sha256 = new TotpGenerator({ secret: ascii(SHA256_SEED), algorithm: 'SHA256', digits: 8 });
  const sha512 = new TotpGenerator({ secret: ascii(SHA512_SEED), algorithm: 'SHA512', digits: 8 });

  it.each(rows)('at %i s: SHA1 %s, SHA256 %s, SHA512 %s', (seconds, sha1Code, sha256Code, sha512Code) => {
    const at = seconds * 1000;
    expect(sha1.code(at)).toBe(sha1Code);
    expect(sha256.code(at)).toBe(sha256Code);
    expect(sha512.code(at)).toBe(sha512Code);
  });

  it('takes a Date as well as epoch milliseconds, and the counter is T = floor(t / 30)', () => {
    expect(sha1.code(new Date('2005-03-18T01:58:29Z'))).toBe('07081804');
    expect(sha1.counterAt(1111111109_000)).toBe(0x23523ec);
    expect(sha1.counterAt(20000000000_000)).toBe(0x27bc86aa);
    expect(sha1.counterAt(59_999)).toBe(1);
    expect(sha1.counterAt(60_000)).toBe(2);
  });

  it('gives the code of another window with windowOffset (clock skew, far windows)', () => {
    expect(sha1.code(1111111111_000, { windowOffset: -1 })).toBe('07081804');
    expect(sha1.code(1111111109_000, { windowOffset: 1 })).toBe('14050471');
    const far = sha1.code(1111111109_000, { windowOffset: 20 });
    expect(far).toBe(sha1.code(1111111109_000 + 20 * 30_000));
    expect(far).not.toBe('07081804');
  });

  it('honours T0 and the period', () => {
    const shifted = new TotpGenerator({ secret: ascii(SHA1_SEED), digits: 8, t0: 1000, period: 60 });
    expect(shifted.counterAt((1000 + 59) * 1000)).toBe(0);
    expect(shifted.counterAt((1000 + 60) * 1000)).toBe(1);
    expect(shifted.code((1000 + 60) * 1000)).toBe(new HotpGenerator({ secret: ascii(SHA1_SEED), digits: 8 }).code(1));
  });

  it('replay returns the previous code whatever the time', () => {
    const totp = new TotpGenerator({ secret: ascii(SHA1_SEED), digits: 8 });
    expect(() => totp.code(0, { tamper: 'replay' })).toThrow(/replay/);
    const first = totp.code(59_000);
    expect(totp.code(2000000000_000, { tamper: 'replay' })).toBe(first);
  });

  it('accepts the secret in every encoding (base32 loosely: lower case, spaces, no padding)', () => {
    const codes = [
      new TotpGenerator({ secret: ascii(SHA256_SEED), algorithm: 'SHA256', digits: 8 }),
      new TotpGenerator({ secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====', algorithm: 'SHA256', digits: 8 }),
      new TotpGenerator({ secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq gezd gnbv gy3t qojq geza', algorithm: 'SHA256', digits: 8 }),
      new TotpGenerator({ secret: Buffer.from(SHA256_SEED).toString('base64'), encoding: 'base64', algorithm: 'SHA256', digits: 8 }),
      new TotpGenerator({ secret: Buffer.from(SHA256_SEED).toString('hex'), encoding: 'hex', algorithm: 'SHA256', digits: 8 }),
      new TotpGenerator({ secret: SHA256_SEED, encoding: 'ascii', algorithm: 'SHA256', digits: 8 }),
    ].map((totp) => totp.code(1234567890_000));
    expect(new Set(codes)).toEqual(new Set(['91819424']));
  });

  it('does not read the machine clock: the same time gives the same code, now or later', () => {
    const totp = new TotpGenerator({ secret: ascii(SHA1_SEED), digits: 8 });
    expect(totp.code(59_000)).toBe('94287082');
    expect(totp.code(59_000)).toBe('94287082');
  });
});

describe('TotpGenerator.fromOktaActivation', () => {
  // 10-byte secrets, as Okta and Google Authenticator hand out (16 base32 characters).
  const tenByteSecret = Buffer.from('0123456789', 'ascii');

  it('reads a base32 shared secret with a string timeStep and ignores keyLength', () => {
    const activation = { sharedSecret: 'GAYTEMZUGU3DOOBZ', encoding: 'base32', timeStep: '30', keyLength: 16 };
    const totp = TotpGenerator.fromOktaActivation(activation);
    expect(totp.digits).toBe(6);
    expect(totp.period).toBe(30);
    expect(totp.secret).toEqual(new Uint8Array(tenByteSecret));
    const reference = new TotpGenerator({ secret: new Uint8Array(tenByteSecret) });
    expect(totp.code(1700000000_000)).toBe(reference.code(1700000000_000));
    expect(totp.code(1700000000_000)).toMatch(/^\d{6}$/);
  });

  it('reads a base64 shared secret, a numeric timeStep, and the digit count from the caller', () => {
    const activation = { sharedSecret: tenByteSecret.toString('base64'), encoding: 'BASE64', timeStep: 60 };
    const totp = TotpGenerator.fromOktaActivation(activation, 8);
    expect(totp.period).toBe(60);
    expect(totp.digits).toBe(8);
    expect(totp.code(1700000000_000)).toBe(new TotpGenerator({ secret: new Uint8Array(tenByteSecret), period: 60, digits: 8 }).code(1700000000_000));
  });

  it('defaults the time step to 30 s and refuses an unknown encoding', () => {
    expect(TotpGenerator.fromOktaActivation({ sharedSecret: 'GAYTEMZUGU3DOOBZ', encoding: 'base32' }).period).toBe(30);
    expect(() => TotpGenerator.fromOktaActivation({ sharedSecret: 'x', encoding: 'rot13' })).toThrow(/encoding/);
  });
});

describe('SymantecVipToken', () => {
  it('has a VSMT credential id and gives the current and next 30 s SHA-1 codes', () => {
    const token = SymantecVipToken.create();
    expect(token.credentialId).toMatch(/^VSMT\d{8}$/);
    expect(token.secret).toHaveLength(20);
    const reference = new TotpGenerator({ secret: token.secret, algorithm: 'SHA1', digits: 6, period: 30 });
    const at = 1700000000_000;
    expect(token.codes(at)).toEqual({ passCode: reference.code(at), nextPassCode: reference.code(at + 30_000) });
  });

  it('takes a given credential id and secret (RFC 6238 SHA-1 seed, truncated to 6 digits)', () => {
    const token = SymantecVipToken.create({ credentialId: 'VSST12345678', secret: ascii(SHA1_SEED) });
    expect(token.credentialId).toBe('VSST12345678');
    expect(token.codes(59_000)).toEqual({ passCode: '287082', nextPassCode: '359152' });
    expect(token.codes(59_000, { windowOffset: 1 }).passCode).toBe('359152');
  });
});
