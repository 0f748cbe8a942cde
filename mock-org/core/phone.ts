import { isPossiblePhoneNumber } from 'libphonenumber-js';

/**
 * The one phone-number rule of the mock, for every factor and family that takes a number.
 *
 * Okta's spec gives the E.164 pattern `^\+[1-9]\d{1,14}$`, yet its documented examples send and
 * return `+1-555-415-1337`. So the form is E.164 or that grouped form (a leading `+`, digits in
 * groups split by single dashes or spaces), and the number must be possible for its country
 * calling code (libphonenumber's per-country lengths, as Okta-grade validation does). "Possible",
 * not "valid": the 555 numbers of the examples and of the checks are fictional by design.
 */
const E164 = /^\+[1-9]\d{1,14}$/;
const GROUPED = /^\+[1-9]\d*(?:[- ]\d+)*$/;

/** `e164Only` (a fault) refuses the documented grouped form. */
export function isPhoneNumber(text: string, options: { e164Only?: boolean } = {}): boolean {
  return (options.e164Only ? E164 : GROUPED).test(text) && isPossiblePhoneNumber(text);
}
