import { expect, test } from 'vitest';
import { expectNoSecretIn, shows } from './helpers.js';

test('a secret is found wherever it appears; a one-time code only where it stands as a token of its own', () => {
  expect(shows('{"token":"00abcDEF-ghi"}', '00abcDEF-ghi')).toBe(true);
  expect(shows('xx00abcDEF-ghixx', '00abcDEF-ghi')).toBe(true);
  for (const leak of ['{"passCode":"432873"}', 'code 432873 sent', '?passCode=432873&x=1', '432873']) {
    expect(shows(leak, '432873'), leak).toBe(true);
  }
  for (const chance of ['+15432873972', '"stepId":"fa16b3e76a3f6d585af432873ac90d09"', 'id 432873a', 'b432873']) {
    expect(shows(chance, '432873'), chance).toBe(false);
  }
  // characters a regular expression gives a meaning to stand for themselves
  expect(shows('key a+b/c=', 'a+b/c=')).toBe(true);
  expect(shows('key aab/c=', 'a+b/c=')).toBe(false);
});

test('among many secrets, each output a secret or a forbidden pattern reached is named; clean outputs pass', () => {
  const secrets = ['00abcDEF-ghi', '432873', 'a.b*c', 'K(e)y[1]'];
  const clean: [string, string][] = [['stdout', 'nothing here but +15432873972 and aXbbbc'], ['stderr', '']];
  expect(() => expectNoSecretIn(clean, secrets, [['a passCode reached', /"passCode":"\d{6}"/]])).not.toThrow();
  const outputs: [string, string][] = [...clean, ['summary.json', 'x K(e)y[1] x'], ['junit.xml', 'code 432873.'], ['a.json', '{"passCode":"111111"}']];
  expect(() => expectNoSecretIn(outputs, secrets, [['a passCode reached', /"passCode":"\d{6}"/]])).toThrow(
    /a secret reached summary\.json[\s\S]*a secret reached junit\.xml[\s\S]*a passCode reached a\.json/,
  );
});
