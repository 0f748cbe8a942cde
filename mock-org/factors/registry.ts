import type { FactorKind } from './kind.js';
import { pushFactor } from './push.js';
import { totpFactor } from './totp.js';

/** Every factor type the mock org implements, by `factorType`. */
export const FACTOR_KINDS: ReadonlyMap<string, FactorKind> = new Map(
  [totpFactor, pushFactor].map((kind) => [kind.factorType, kind]),
);
