import { callFactor } from './call.js';
import { emailFactor } from './email.js';
import { duoFactor } from './duo.js';
import type { FactorKind } from './kind.js';
import { pushFactor } from './push.js';
import { smsFactor } from './sms.js';
import { totpFactor } from './totp.js';
import { u2fFactor } from './u2f.js';
import { webauthnFactor } from './webauthn.js';
import { customHotpFactor } from './custom-hotp.js';
import { questionFactor } from './question.js';
import { tokenFactor } from './token.js';
import { yubikeyFactor } from './yubikey.js';

/** Every factor type the mock org implements, by `factorType`. */
export const FACTOR_KINDS: ReadonlyMap<string, FactorKind> = new Map(
  [totpFactor, u2fFactor, webauthnFactor, pushFactor, questionFactor, customHotpFactor, tokenFactor, yubikeyFactor, smsFactor, callFactor, emailFactor, duoFactor].map((kind) => [kind.factorType, kind]),
);
