import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from '../../mock-org/core/phone.js';

describe("the mock's one phone-number rule", () => {
  it.each([
    ['the documented example, grouped', '+1-555-415-1337'],
    ['the documented example, E.164', '+15554151337'],
    ['grouped by spaces', '+1 555 415 1337'],
    ['a number the push checks send', '+12065550123'],
    ['the same, grouped', '+1-206-555-0123'],
    ['a number the catalog checks send', '+15555550123'],
    ['a number the message checks make (555 range)', '+15551230000'],
    ['a London number', '+44 20 7946 0958'],
  ])('takes %s (%s)', (_what, text) => {
    expect(isPhoneNumber(text)).toBe(true);
  });

  it.each([
    ['letters', 'not a phone'],
    ['a number inside text', 'call me +15551234567'],
    ['no leading +', '15554151337'],
    ['a leading zero', '+0123456789'],
    ['too few digits for the country', '+12345'],
    ['too many digits for the country', `+1555${'1'.repeat(16)}`],
    ['a country calling code that does not exist', '+999123456789'],
    ['double separators', '+1--555-415-1337'],
    ['dots and parentheses', '+1 (555) 415.1337'],
    ['an extension', '+15554151337 ext. 12'],
  ])('refuses %s (%s)', (_what, text) => {
    expect(isPhoneNumber(text)).toBe(false);
  });

  it('takes only E.164 when asked to (a fault)', () => {
    expect(isPhoneNumber('+15554151337', { e164Only: true })).toBe(true);
    expect(isPhoneNumber('+1-555-415-1337', { e164Only: true })).toBe(false);
  });
});
