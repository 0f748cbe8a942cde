import { invalidPhoneExtension, validationFailed } from '../../core/errors.js';
import { optionalString, type JsonObject } from '../../core/input.js';
import { isPhoneNumber } from '../../core/phone.js';

/**
 * Phone numbers of the sms and call factors (spec §2.2, §2.3, §2.13).
 *
 * [S] gives the E.164 pattern, yet the documented examples send and return `+1-555-415-1337`, and
 * [F] says non-E.164 numbers may work: the mock takes both (core/phone.ts), returns the number as
 * it was given, and compares numbers by their digits.
 */
/** Room for the separators of the grouped form around 15 digits. */
const MAX_TEXT_LENGTH = 32;
const EXTENSION_MAX_LENGTH = 15;

const SUBJECT = 'factorEnrollRequest';

/** The digits of a number: the key two spellings of one phone share (`+1-555-415-1337` = `+15554151337`). */
export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}

export function samePhone(a: string, b: string): boolean {
  return phoneDigits(a) === phoneDigits(b);
}

/**
 * `profile.phoneNumber`, when given: a string that is a phone number. Anything else is
 * 400 E0000001 with a cause (the catalog also has E0000098 "This phone number is invalid.";
 * the checks accept either). The options are faults: `acceptAny` skips the number rule (not the
 * type rule), `e164Only` refuses the documented grouped form.
 */
export function readPhoneNumber(
  profile: JsonObject | undefined,
  options: { acceptAny?: boolean; e164Only?: boolean } = {},
): string | undefined {
  if (!profile) return undefined;
  const number = optionalString(profile, 'phoneNumber', { maxLength: MAX_TEXT_LENGTH, path: 'profile.phoneNumber', subject: SUBJECT });
  if (number === undefined) return undefined;
  if (number.trim() === '') throw validationFailed(SUBJECT, ['profile.phoneNumber: The field cannot be left blank']);
  if (!options.acceptAny && !isPhoneNumber(number, { e164Only: options.e164Only })) {
    throw validationFailed(SUBJECT, ['profile.phoneNumber: The phone number is invalid.']);
  }
  return number;
}

/**
 * `profile.phoneExtension` of a call factor: optional, at most 15 characters (a longer one is
 * 400 E0000001, like every overlong field), digits only (otherwise 400 E0000121, the catalog's
 * "Invalid phone extension"). An empty extension is no extension. `maxLength` is for a fault.
 */
export function readPhoneExtension(profile: JsonObject | undefined, maxLength = EXTENSION_MAX_LENGTH): string | undefined {
  if (!profile) return undefined;
  const extension = optionalString(profile, 'phoneExtension', { maxLength, path: 'profile.phoneExtension', subject: SUBJECT });
  if (extension === undefined || extension === '') return undefined;
  if (!/^\d+$/.test(extension)) throw invalidPhoneExtension();
  return extension;
}
