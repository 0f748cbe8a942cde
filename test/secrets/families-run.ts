import type { DuoBypassCode, DuoPhone, DuoToken } from '../../mock-org/duo-auth/account.js';
import { watchAuthnSecrets } from './authn-secrets.js';
import { runWithEveryOutput } from './every-output.js';
import { productModuleUrl } from './product-modules.js';
import { watchStored } from './watch-stored.js';

/**
 * The faulty run of the families the no-secret-leak tests watch through one org over HTTP: the Authentication API, the
 * Duo Auth and Admin APIs and IdentityNow, made once for the tests of families-no-secret-leak.test.ts (each family's
 * and the report artifacts') instead of once per test. As each test's own run did, it aims the http driver at a
 * separately started mock org (its Duo account and IdentityNow tenant beside it, each from the line a user would
 * give), with the faults each test needs on so that checks of every family fail and print their evidence; every secret
 * the org held is collected, by family. The mock is the one the run's suites are (compiled or not: product-modules.ts).
 */

/** What the no-secret-leak tests of each family, and the report-artifacts test, need on. */
const FAMILIES_RUN_FAULTS = [
  // Authentication API: Duo and transaction checks fail; the factor steps' checks fail after posting passCodes,
  // answers and registrations, and print their evidence.
  'duo.poll-success-before-callback', 'duo.app-part-not-checked', 'duo.challenge-without-verification', 'authn.expiry-not-sliding', 'authn.session-token-missing',
  'authn-factors.verified-not-completed', 'authn-factors.activation-not-persisted',
  // Duo Auth and Admin APIs
  'duo-auth.bypass-list-shows-codes', 'duo-auth.sms-passcode-reusable', 'duo-auth.passcode-any-accepted', 'duo-auth.enroll-status-always-waiting',
  // IdentityNow
  'identitynow-mfa.access-key-in-clear', 'identitynow-mfa.kba-answers-echoed', 'identitynow-mfa.token-accept-any', 'identitynow-mfa.config-not-persisted',
];

const FAMILIES_RUN_SUITES = ['suites/okta-authn', 'suites/duo-auth', 'suites/identitynow-mfa'];

export interface FamiliesRun {
  /** Where the run wrote summary.json, junit.xml, summary.md and allure-results/. */
  dir: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  allureFiles: string[];
  /** The org's secrets, by the family whose suites handled them (the org's API token is in each). */
  secrets: {
    /** stateTokens, sig_request parts, TOTP activation secrets, the org's Duo Web keys, every OTP the org sent. */
    authn: string[];
    /** The Duo account's keys, bypass codes, token secrets, activation codes, every OTP the org sent. */
    duo: string[];
    /** Client secrets, JWTs, provider keys, KBA answers and codes the tenant was given or handed out. */
    identityNow: string[];
  };
}

export async function makeFamiliesRun(dir: string): Promise<FamiliesRun> {
  const [{ startMockOrg }, { DUO_ACCOUNT }, { tenantOf }] = await Promise.all([
    import(productModuleUrl('mock-org/index')) as Promise<typeof import('../../mock-org/index.js')>,
    import(productModuleUrl('mock-org/duo-auth/account')) as Promise<typeof import('../../mock-org/duo-auth/account.js')>,
    import(productModuleUrl('mock-org/identitynow-mfa/index')) as Promise<typeof import('../../mock-org/identitynow-mfa/index.js')>,
  ]);
  const mock = await startMockOrg({ control: true, duo: true, faults: FAMILIES_RUN_FAULTS });
  try {
    const duo = mock.duo;
    if (!duo) throw new Error('the mock serves no Duo account');
    const authn = new Set<string>();
    await watchAuthnSecrets(mock.org, authn);
    const duoSecrets = new Set<string>([mock.token]);
    const account = DUO_ACCOUNT.of(mock.org.scope);
    for (const secret of [account.auth.skey, account.admin.skey]) duoSecrets.add(secret);
    // Whatever the account stores: every code and secret it is given or makes is a secret of this run.
    watchStored(account.bypassCodes, (code: DuoBypassCode) => duoSecrets.add(code.code));
    watchStored(account.tokens, (token: DuoToken) => duoSecrets.add(token.secret.toString('hex')));
    watchStored(account.phones, (phone: DuoPhone) => phone.activation && duoSecrets.add(phone.activation.code));
    const identityNow = new Set<string>([mock.token]);
    tenantOf(mock.org.scope)?.observeSecrets((secret) => identityNow.add(secret));

    const { outcome, stdout, stderr, allureFiles } = await runWithEveryOutput(dir, {
      target: { kind: 'http', baseUrl: mock.url, token: mock.token, duo, identityNow: mock.identityNow },
      filters: FAMILIES_RUN_SUITES,
    });
    // What the org sent and activated over the run (sms, call and email codes, Duo activation links and codes).
    for (const message of mock.org.outbox.list()) {
      authn.add(message.passCode);
      duoSecrets.add(message.passCode);
    }
    for (const phone of account.phones.values()) if (phone.activation) duoSecrets.add(phone.activation.code);
    return { dir, exitCode: outcome.exitCode, stdout, stderr, allureFiles, secrets: { authn: [...authn], duo: [...duoSecrets], identityNow: [...identityNow] } };
  } finally {
    await mock.close();
  }
}
