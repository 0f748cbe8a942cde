import type { AuthnTransaction } from '../../mock-org/okta-authn/transactions.js';
import type { MockOrg } from '../../mock-org/index.js';
import { productModuleUrl } from './product-modules.js';

/**
 * Collects into `secrets` what an Authentication API run against `org` must never show: its API token and Duo keys,
 * and from then on every stateToken, sig_request part and TOTP activation secret its transactions hold. The org's
 * registries are taken from the mock module instance it was made from (product-modules.ts).
 */
export async function watchAuthnSecrets(org: MockOrg, secrets: Set<string>): Promise<void> {
  const [{ DUO_INTEGRATION }, { AUTHN_TRANSACTIONS }] = await Promise.all([
    import(productModuleUrl('mock-org/okta-authn/duo/integration')) as Promise<typeof import('../../mock-org/okta-authn/duo/integration.js')>,
    import(productModuleUrl('mock-org/okta-authn/transactions')) as Promise<typeof import('../../mock-org/okta-authn/transactions.js')>,
  ]);
  const duo = DUO_INTEGRATION.of(org.scope);
  for (const secret of [org.apiToken, duo.skey, duo.akey]) secrets.add(secret);
  const transactions = AUTHN_TRANSACTIONS.of(org.scope);
  const save = transactions.save.bind(transactions);
  transactions.save = (transaction: AuthnTransaction) => {
    secrets.add(transaction.stateToken);
    const sigRequest = transaction.flow?.sigRequest;
    if (typeof sigRequest === 'string') for (const part of sigRequest.split(':')) secrets.add(part);
    // A TOTP enrollment's activation, which the transaction shows while the factor is activated.
    const embedded = transaction.flow?.embedded as { activation?: { sharedSecret?: unknown } } | undefined;
    if (typeof embedded?.activation?.sharedSecret === 'string') secrets.add(embedded.activation.sharedSecret);
    save(transaction);
  };
}
