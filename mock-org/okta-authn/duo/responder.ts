import type { Routes } from '../../core/org-routes.js';
import { OktaError, notFound, validationFailed } from '../../core/errors.js';
import { bodyObject, requiredString } from '../../core/input.js';
import type { AuthnOrg } from '../flow.js';
import { AUTH_PREFIX, DUO_EXPIRE_SECONDS, DuoSignatureError, TX_PREFIX, parseValue, signValue, splitPair } from './web-signature.js';
import { DUO_INTEGRATION } from './integration.js';

const DUO_ACTIONS = ['approve', 'deny'] as const;

/**
 * The Duo service the org's integration points at, simulated under the control protocol (capability
 * `duo-responder`): `POST /__control/v1/duo/{host}/auth {sig_request, action}` is the user answering the Duo prompt
 * that the widget opened with that sig_request. Duo checks the TX value with the secret key it shares with the
 * org; on `approve` it signs an AUTH value for the same user and the answer is the sig_response the widget would
 * post (the AUTH value, ":", the request's APP value, unchanged). On `deny` Duo sends nothing back: 403.
 *
 * Duo is honest here whatever faults the org has: it is the other party the org's checks rely on.
 */
export function registerDuoResponderRoutes(app: Routes, org: AuthnOrg): void {
  app.post<{ Params: { host: string } }>('/__control/v1/duo/:host/auth', async (request) => {
    const duo = DUO_INTEGRATION.of(org.scope);
    if (request.params.host !== duo.host) throw notFound(`Resource not found: ${request.params.host} (Duo host)`);
    const body = bodyObject(request.body);
    const sigRequest = requiredString(body, 'sig_request', { maxLength: 4096, subject: 'sig_request' });
    const action = requiredString(body, 'action', { maxLength: 16, subject: 'action' });
    if (!(DUO_ACTIONS as readonly string[]).includes(action)) throw validationFailed('action', ['action: must be approve or deny']);

    let username: string;
    let appValue: string;
    try {
      const [tx, app] = splitPair(sigRequest);
      username = parseValue(duo.skey, tx, TX_PREFIX, duo.ikey, org.clock.now()).username;
      appValue = app;
    } catch (error) {
      if (error instanceof DuoSignatureError) throw validationFailed('sig_request', [`sig_request: Duo refuses it (${error.message})`]);
      throw error;
    }
    if (action === 'deny') throw new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', ['Duo: the user denied the request.']);
    const expire = Math.floor(org.clock.now() / 1000) + DUO_EXPIRE_SECONDS;
    return { sig_response: `${signValue(duo.skey, AUTH_PREFIX, username, duo.ikey, expire)}:${appValue}` };
  });
}
