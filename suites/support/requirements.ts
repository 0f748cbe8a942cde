import type { Requirement } from '../../reports/check-meta.js';
import { API_REQUIREMENTS } from './requirements/api.js';
import { AUTHN_REQUIREMENTS } from './requirements/authn.js';
import { FACTORS_COMMON_REQUIREMENTS } from './requirements/factors-common.js';
import { FIDO_REQUIREMENTS } from './requirements/fido.js';
import { LIFECYCLE_REQUIREMENTS } from './requirements/lifecycle.js';
import { MESSAGE_REQUIREMENTS } from './requirements/messages.js';
import { PUSH_REQUIREMENTS } from './requirements/push.js';
import { TOTP_REQUIREMENTS } from './requirements/totp.js';
import { CUSTOM_TOTP_REQUIREMENTS } from './requirements/custom-totp.js';
import { QUESTION_REQUIREMENTS } from './requirements/question.js';
import { RSA_REQUIREMENTS } from './requirements/rsa.js';
import { SYMANTEC_REQUIREMENTS } from './requirements/symantec.js';
import { YUBIKEY_REQUIREMENTS } from './requirements/yubikey.js';

/**
 * The requirement catalog: every protocol requirement a check proves, as data (one file per
 * area under requirements/). Ids are stable (reports and certification runs refer to them);
 * `source` points at the Okta documentation section the requirement comes from.
 */
export const REQUIREMENTS: readonly Requirement[] = [
  ...API_REQUIREMENTS,
  ...FACTORS_COMMON_REQUIREMENTS,
  ...LIFECYCLE_REQUIREMENTS,
  ...TOTP_REQUIREMENTS,
  ...FIDO_REQUIREMENTS,
  ...MESSAGE_REQUIREMENTS,
  ...QUESTION_REQUIREMENTS,
  ...CUSTOM_TOTP_REQUIREMENTS,
  ...SYMANTEC_REQUIREMENTS,
  ...RSA_REQUIREMENTS,
  ...YUBIKEY_REQUIREMENTS,
  ...PUSH_REQUIREMENTS,
  ...AUTHN_REQUIREMENTS,
];

const BY_ID = new Map(REQUIREMENTS.map((r) => [r.id, r]));

export function requirement(id: string): Requirement {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`requirement ${id} is not in the catalog (suites/support/requirements/)`);
  return found;
}
