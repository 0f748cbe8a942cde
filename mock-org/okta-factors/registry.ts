import { callFactor } from './call/call.js';
import { emailFactor } from './email/email.js';
import { duoFactor } from './duo/duo.js';
import type { FactorKind } from './kind.js';
import { pushFactor } from './push/push.js';
import { smsFactor } from './sms/sms.js';
import { totpFactor } from './totp/totp.js';
import { u2fFactor } from './u2f/u2f.js';
import { webauthnFactor } from './webauthn/webauthn.js';
import { customTotpFactor } from './custom-totp/custom-totp.js';
import { questionFactor } from './question/question.js';
import { tokenFactor } from './token-service/token.js';
import { yubikeyFactor } from './yubikey/yubikey.js';

/** Every factor type the mock org implements, by `factorType`. */
export const FACTOR_KINDS: ReadonlyMap<string, FactorKind> = new Map(
  [totpFactor, u2fFactor, webauthnFactor, pushFactor, questionFactor, customTotpFactor, tokenFactor, yubikeyFactor, smsFactor, callFactor, emailFactor, duoFactor].map((kind) => [kind.factorType, kind]),
);
