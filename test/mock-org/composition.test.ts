import { describe, expect, test } from 'vitest';
import { OrgScope, OrgState } from '../../mock-org/core/org-state.js';
import { DUO_INTEGRATION } from '../../mock-org/okta-authn/duo/integration.js';
import { AUTHN_TRANSACTIONS } from '../../mock-org/okta-authn/transactions.js';
import { FACTOR_PROFILES } from '../../mock-org/okta-factors/custom-totp/profiles.js';
import { FactorKinds, type FactorKind } from '../../mock-org/okta-factors/kind.js';
import { TOKEN_SERVICES } from '../../mock-org/okta-factors/token-service/services.js';
import { YUBIKEY_TOKENS } from '../../mock-org/okta-factors/yubikey/tokens.js';
import { MockOrg } from '../../mock-org/org.js';

/** How the mock is put together: org-level state owned by its module, and the kinds found by (factorType, provider). */

describe('OrgState', () => {
  test('each org gets its own value, made on first use and kept', () => {
    let made = 0;
    const counter = new OrgState(() => ({ n: ++made }));
    const a = new OrgScope();
    const b = new OrgScope();
    expect(made).toBe(0);
    expect(counter.of(a)).toBe(counter.of(a));
    expect(counter.of(b)).not.toBe(counter.of(a));
    expect(made).toBe(2);
  });

  test("an org's reset empties the values declared with a reset and keeps the others (configuration)", () => {
    const cache = new OrgState(() => new Set<string>(), (set) => set.clear());
    const config = new OrgState(() => new Set<string>());
    const scope = new OrgScope();
    cache.of(scope).add('x');
    config.of(scope).add('y');
    scope.reset();
    expect([...cache.of(scope)]).toEqual([]);
    expect([...config.of(scope)]).toEqual(['y']);
  });
});

describe('MockOrg.reset', () => {
  test('forgets what the kinds and flows keep per org, keeps org configuration', () => {
    const org = new MockOrg();
    const profiles = FACTOR_PROFILES.of(org.scope);
    const duo = DUO_INTEGRATION.of(org.scope);
    TOKEN_SERVICES.of(org.scope).register({ provider: 'RSA', credentialId: 'r1', key: new Uint8Array(20), pin: '1234' });
    const transaction = AUTHN_TRANSACTIONS.of(org.scope).start('00u1', 'MFA_REQUIRED', org.clock.now());
    YUBIKEY_TOKENS.of(org.scope).set('ykk1', {
      id: 'ykk1', serial: '000000000001', publicId: 'cccccccccccb', privateId: new Uint8Array(6), aesKey: new Uint8Array(16),
      created: '', lastUpdated: '', lastVerified: '', activated: null, assignment: null, lastCounter: -1, lastOtp: null,
    });

    org.reset();

    expect(TOKEN_SERVICES.of(org.scope).find('RSA', 'r1')).toBeUndefined();
    expect(AUTHN_TRANSACTIONS.of(org.scope).get(transaction.stateToken)).toBeUndefined();
    expect(YUBIKEY_TOKENS.of(org.scope).size).toBe(0);
    expect(FACTOR_PROFILES.of(org.scope)).toBe(profiles);
    expect(DUO_INTEGRATION.of(org.scope)).toBe(duo);
  });
});

describe('FactorKinds', () => {
  const kind = (factorType: string, providers: string[]): FactorKind<unknown> => ({
    factorType,
    providers: Object.fromEntries(providers.map((p) => [p, { idPrefix: 'x', vendorName: p }])),
    enroll: () => {
      throw new Error('not used');
    },
    activate: () => undefined,
    verify: () => ({ status: 200, body: {} }),
  });

  test('finds a kind by factorType and provider: one factorType may have a kind per provider', () => {
    const rsa = kind('token', ['RSA']);
    const symantec = kind('token', ['SYMANTEC']);
    const kinds = new FactorKinds([kind('sms', ['OKTA']), rsa, symantec]);
    expect(kinds.find('token', 'RSA')).toBe(rsa);
    expect(kinds.of({ factorType: 'token', provider: 'SYMANTEC' })).toBe(symantec);
    expect(kinds.find('token', 'OKTA')).toBeUndefined();
    // A stored factor of a provider no kind has (only a fault stores one) belongs to its type's first kind.
    expect(kinds.of({ factorType: 'token', provider: 'OKTA' })).toBe(rsa);
    expect(kinds.of({ factorType: 'push', provider: 'OKTA' })).toBeUndefined();
    expect(kinds.hasFactorType('token')).toBe(true);
    expect(kinds.hasFactorType('push')).toBe(false);
    expect(kinds.entries()).toEqual([
      { factorType: 'sms', provider: 'OKTA' },
      { factorType: 'token', provider: 'RSA' },
      { factorType: 'token', provider: 'SYMANTEC' },
    ]);
  });

  test('refuses two kinds for the same factorType and provider', () => {
    expect(() => new FactorKinds([kind('token', ['RSA']), kind('token', ['RSA', 'SYMANTEC'])])).toThrow(/two factor kinds for token \(RSA\)/);
  });

  test("the mock's registry has a kind for every (factorType, provider) of its default policy, RSA and Symantec apart", () => {
    const org = new MockOrg();
    expect(org.policy.list().map((e) => org.kinds.find(e.factorType, e.provider) !== undefined)).not.toContain(false);
    expect(org.kinds.find('token', 'RSA')).not.toBe(org.kinds.find('token', 'SYMANTEC'));
  });
});
