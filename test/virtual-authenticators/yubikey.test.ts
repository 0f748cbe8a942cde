import { describe, expect, it } from 'vitest';
import { YubiKeyOtpToken } from '../../virtual-authenticators/index.js';
import { CRC16_GOOD_RESIDUE, crc16Iso13239 } from '../../virtual-authenticators/encoding/crc16.js';
import { fromModhex, toModhex } from '../../virtual-authenticators/encoding/modhex.js';
import { encodeYubicoOtpBlock, encryptYubicoOtpBlock } from '../../virtual-authenticators/yubikey/yubico-otp-block.js';
import { decodeYubicoOtp } from './helpers/yubico-otp-decoder.js';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('CRC-16 (yubico-c selftest values) and modhex (test-vectors.txt)', () => {
  it.each([
    ['0001020304', 0xf5c7],
    ['fe', 0x1176],
    ['55aa00ff', 0xcbb5],
    ['010203040506307500093dfa60ea', 0x8a0b],
  ])('crc16(%s) = %i', (input, expected) => {
    expect(crc16Iso13239(hex(input))).toBe(expected);
  });

  it('is CRC-16/X-25 once inverted (check value of "123456789" is 0x906E)', () => {
    expect(~crc16Iso13239(new Uint8Array(Buffer.from('123456789'))) & 0xffff).toBe(0x906e);
  });

  it('encodes and decodes modhex', () => {
    expect(toModhex(new Uint8Array(Buffer.from('test')))).toBe('ifhgieif');
    expect(toModhex(new Uint8Array(Buffer.from('foobar')))).toBe('hhhvhvhdhbid');
    expect(toModhex(hex('ecde18dbe76fbd0c33330f1c354871db'))).toBe('urtubjtnuihvntcreeeecvbregfjibtn');
    expect(toHex(fromModhex('dteffuje'))).toBe('2d344e83');
    expect(toHex(fromModhex('hknhfjbrjnlnldnhcujvddbikngjrtgh'))).toBe('69b6481c8baba2b60e8f22179b58cd56');
    expect(() => fromModhex('abc')).toThrow(TypeError);
    expect(() => fromModhex('zz')).toThrow(TypeError);
  });
});

describe('Yubico OTP block: yubico-c selftest vectors', () => {
  const vectors = [
    ['000102030405060708090a0b0c0d0e0f', '010203040506', 0x0001, 0x010001, 0x01, 0x0000, 0xfe36, 'dvgtiblfkbgturecfllberrvkinnctnn', '010203040506010001000101000036fe'],
    ['000102030405060708090a0b0c0d0e0f', '010203040506', 0x0001, 0x010001, 0x02, 0x0000, 0x1152, 'rnibcnfhdninbrdebccrndfhjgnhftee', '01020304050601000100010200005211'],
    ['000102030405060708090a0b0c0d0e0f', '010203040506', 0x0fff, 0x010001, 0x01, 0x0000, 0x9454, 'iikkijbdknrrdhfdrjltvgrbkkjblcbh', '010203040506ff0f0100010100005494'],
    ['88888888888888888888888888888888', '888888888888', 0x8888, 0x888888, 0x88, 0x8888, 0xd3b6, 'dcihgvrhjeucvrinhdfddbjhfjftjdei', '8888888888888888888888888888b6d3'],
    ['00000000000000000000000000000000', '000000000000', 0x0000, 0x000000, 0x00, 0x0000, 0xa96a, 'kkkncjnvcnenkjvjgncjihljiibgbhbh', '00000000000000000000000000006aa9'],
    ['c4422890653076cde73d449b191b416a', '33c69e7f249e', 0x0001, 0x2413a7, 0x00, 0xc63c, 0x1c86, 'iucvrkjiegbhidrcicvlgrcgkgurhjnj', '33c69e7f249e0100a71324003cc6861c'],
  ] as const;

  it.each(vectors)('key %s uid %s: fields -> plaintext -> AES -> modhex', (key, uid, ctr, timestamp, use, rnd, _crc, otp, plaintext) => {
    const block = encodeYubicoOtpBlock({ privateId: hex(uid), usageCounter: ctr, timestamp, sessionCounter: use, random: rnd });
    expect(toHex(block)).toBe(plaintext);
    expect(crc16Iso13239(block)).toBe(CRC16_GOOD_RESIDUE);
    expect(toModhex(encryptYubicoOtpBlock(block, hex(key)))).toBe(otp);
  });

  it.each(vectors)('key %s uid %s: the published OTP decodes back to its fields', (key, uid, ctr, timestamp, use, rnd, crc, otp, plaintext) => {
    const decoded = decodeYubicoOtp(otp, key);
    expect(decoded).toMatchObject({ plaintextHex: plaintext, privateIdHex: uid, usageCounter: ctr, timestamp, sessionCounter: use, random: rnd, crc, crcValid: true });
  });

  it('decodes the test-vectors.txt worked example (public id dteffuje)', () => {
    const decoded = decodeYubicoOtp('dteffujehknhfjbrjnlnldnhcujvddbikngjrtgh', 'ecde18dbe76fbd0c33330f1c354871db');
    expect(decoded).toMatchObject({
      publicId: 'dteffuje',
      plaintextHex: '8792ebfe26cc130030c20011c89f23c8',
      privateIdHex: '8792ebfe26cc',
      usageCounter: 19,
      timestamp: 49712,
      sessionCounter: 17,
      random: 40904,
      crc: 51235,
      crcValid: true,
    });
  });

  it('reproduces the django-otp vector with its public id (ASCII key 0123456789abcdef)', () => {
    const block = encodeYubicoOtpBlock({ privateId: hex('0123456789ab'), usageCounter: 5, timestamp: 0x0153f8, sessionCounter: 0, random: 0x1234 });
    expect(toHex(block)).toBe('0123456789ab0500f85301003412f8a9');
    const otp = 'cclngiuv' + toModhex(encryptYubicoOtpBlock(block, new Uint8Array(Buffer.from('0123456789abcdef'))));
    expect(otp).toBe('cclngiuvttkhthcilurtkerbjnnkljfkjccklkhl');
  });

  it('decodes the forum.yubico.com real-key vector', () => {
    expect(decodeYubicoOtp('ndgtriluugngkuhguutjdfihfkleuvnjtjiljkbtbngb', '0682952d3363f225654b58a73b131259')).toMatchObject({
      publicId: 'ndgtriluugng',
      privateIdHex: 'c5fc55c3767f',
      usageCounter: 13,
      timestamp: 0,
      sessionCounter: 0,
      random: 0x331a,
      crc: 0x9d6d,
      crcValid: true,
    });
  });
});

describe('YubiKeyOtpToken', () => {
  it('gives its secrets in the form Okta uploads them', () => {
    const { secrets } = YubiKeyOtpToken.create();
    expect(secrets.serialNumber).toMatch(/^\d{8}$/);
    expect(secrets.publicId).toMatch(/^vv[cbdefghijklnrtuv]{10}$/);
    expect(secrets.privateId).toMatch(/^[0-9a-f]{12}$/);
    expect(secrets.aesKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps given secrets (hex strings or bytes)', () => {
    const token = YubiKeyOtpToken.create({
      publicId: 'ccccccijgibu',
      privateId: 'b74be6169486',
      aesKey: hex('1fcc6d8ce39bf1604e0b17f3e0a11067'),
      serialNumber: 7886622,
    });
    expect(token.secrets).toEqual({ serialNumber: '7886622', publicId: 'ccccccijgibu', privateId: 'b74be6169486', aesKey: '1fcc6d8ce39bf1604e0b17f3e0a11067' });
    expect(() => YubiKeyOtpToken.create({ privateId: 'abcd' })).toThrow(RangeError);
    expect(() => YubiKeyOtpToken.create({ publicId: 'not-modhex' })).toThrow(TypeError);
  });

  it('emits 44-character OTPs that decode to its private id, with the session counter rising and a good CRC', () => {
    const token = YubiKeyOtpToken.create();
    const { publicId, privateId, aesKey } = token.secrets;
    const decoded = [token.otp(), token.otp(), token.otp()].map((otp) => {
      expect(otp).toHaveLength(44);
      expect(otp).toMatch(/^[cbdefghijklnrtuv]{44}$/);
      return decodeYubicoOtp(otp, aesKey);
    });
    for (const [index, fields] of decoded.entries()) {
      expect(fields).toMatchObject({ publicId, privateIdHex: privateId, usageCounter: 1, sessionCounter: index, crcValid: true });
    }
    expect(decoded[1]!.timestamp).toBeGreaterThan(decoded[0]!.timestamp);
  });

  it('ticks the timestamp at 8 Hz from the clock it is given', () => {
    const token = YubiKeyOtpToken.create();
    const key = token.secrets.aesKey;
    const first = decodeYubicoOtp(token.otp({ at: 1_700_000_000_000 }), key);
    const later = decodeYubicoOtp(token.otp({ at: new Date(1_700_000_010_000) }), key);
    expect(later.timestamp - first.timestamp).toBe(80);
  });

  it('raises the usage counter when the session counter wraps and on replug', () => {
    const token = YubiKeyOtpToken.create({ usageCounter: 7 });
    const key = token.secrets.aesKey;
    for (let i = 0; i < 256; i++) token.otp();
    expect(decodeYubicoOtp(token.otp(), key)).toMatchObject({ usageCounter: 8, sessionCounter: 0 });
    token.replug();
    expect(decodeYubicoOtp(token.otp(), key)).toMatchObject({ usageCounter: 9, sessionCounter: 0 });
  });

  it('misbehaves on request: replay, bad CRC, old counter', () => {
    const token = YubiKeyOtpToken.create({ usageCounter: 3 });
    const key = token.secrets.aesKey;
    expect(() => token.otp({ tamper: 'replay' })).toThrow(/replay/);
    const genuine = token.otp();
    expect(token.otp({ tamper: 'replay' })).toBe(genuine);

    const badCrc = decodeYubicoOtp(token.otp({ tamper: 'bad-crc' }), key);
    expect(badCrc).toMatchObject({ usageCounter: 3, sessionCounter: 1, crcValid: false });

    const old = decodeYubicoOtp(token.otp({ tamper: 'old-counter' }), key);
    expect(old).toMatchObject({ usageCounter: 2, crcValid: true });

    // The replayed value is still the last genuine OTP, and the next genuine one carries on from the counters.
    expect(token.otp({ tamper: 'replay' })).toBe(genuine);
    expect(decodeYubicoOtp(token.otp(), key)).toMatchObject({ usageCounter: 3, sessionCounter: 2, crcValid: true });
  });
});
