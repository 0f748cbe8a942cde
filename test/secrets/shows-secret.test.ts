import { expect, test } from 'vitest';
import { shows } from './helpers.js';

test('a secret is found wherever it appears; a one-time code only where it stands as a token of its own', () => {
  expect(shows('{"token":"00abcDEF-ghi"}', '00abcDEF-ghi')).toBe(true);
  expect(shows('xx00abcDEF-ghixx', '00abcDEF-ghi')).toBe(true);
  for (const leak of ['{"passCode":"432873"}', 'code 432873 sent', '?passCode=432873&x=1', '432873']) {
    expect(shows(leak, '432873'), leak).toBe(true);
  }
  for (const chance of ['+15432873972', '"stepId":"fa16b3e76a3f6d585af432873ac90d09"', 'id 432873a', 'b432873']) {
    expect(shows(chance, '432873'), chance).toBe(false);
  }
});
