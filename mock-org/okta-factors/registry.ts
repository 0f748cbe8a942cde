import { callFactor } from './call/call.js';
import { customTotpFactor } from './custom-totp/custom-totp.js';
import { duoFactor } from './duo/duo.js';
import { emailFactor } from './email/email.js';
import { FactorKinds } from './kind.js';
import { pushFactor } from './push/push.js';
import { questionFactor } from './question/question.js';
import { rsaFactor } from './rsa/rsa.js';
import { smsFactor } from './sms/sms.js';
import { symantecFactor } from './symantec/symantec.js';
import { totpFactor } from './totp/totp.js';
import { u2fFactor } from './u2f/u2f.js';
import { webauthnFactor } from './webauthn/webauthn.js';
import { yubikeyFactor } from './yubikey/yubikey.js';

/**
 * Every factor kind of the Okta Factors API the mock implements, a line per kind. Only the composition
 * root (mock-org/org.ts) imports this; routes get the kinds as a value (FactorKinds).
 */
export function oktaFactorKinds(): FactorKinds {
  return new FactorKinds([
    totpFactor,
    u2fFactor,
    webauthnFactor,
    pushFactor,
    questionFactor,
    customTotpFactor,
    rsaFactor,
    symantecFactor,
    yubikeyFactor,
    smsFactor,
    callFactor,
    emailFactor,
    duoFactor,
  ]);
}
