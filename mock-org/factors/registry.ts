import type { FactorKind } from './kind.js';
import { totpFactor } from './totp.js';

/** Every factor type the mock org implements, by `factorType`. */
export const FACTOR_KINDS: ReadonlyMap<string, FactorKind> = new Map(
  [totpFactor].map((kind) => [kind.factorType, kind]),
);
