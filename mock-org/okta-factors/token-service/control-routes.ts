import type { Routes } from '../../core/org-routes.js';
import { notFound, validationFailed } from '../../core/errors.js';
import { bodyObject, optionalString } from '../../core/input.js';
import type { FactorServices } from '../kind.js';
import { decodeHex } from '../../core/secret-encoding.js';
import { FACTOR_PROFILES } from '../custom-totp/profiles.js';
import { TOKEN_SERVICES, TOKEN_SERVICE_PROVIDERS, type TokenServiceProvider } from './services.js';

/**
 * Control protocol for the token factors:
 * - `GET /__control/v1/factor-profiles` (capability `factor-policy`): the org's Custom TOTP factor
 *   profiles with their OTP settings, which a test needs to enroll and generate codes;
 * - `POST /__control/v1/token-service/{symantec|rsa}` (capability `token-service`):
 *   `{credentialId, sharedSecret (hex), pin (RSA)}` provisions a credential in the simulated vendor service.
 */

const MIN_SEED_BYTES = 10;

export function registerTokenControlRoutes(app: Routes, org: FactorServices): void {
  app.get('/__control/v1/factor-profiles', async () => ({ factorProfiles: FACTOR_PROFILES.of(org.scope).map((p) => ({ ...p })) }));

  app.post<{ Params: { provider: string } }>('/__control/v1/token-service/:provider', async (request) => {
    const provider = request.params.provider.toUpperCase();
    if (!(TOKEN_SERVICE_PROVIDERS as readonly string[]).includes(provider)) {
      throw notFound(`Resource not found: token service ${request.params.provider} (symantec or rsa)`);
    }
    const body = bodyObject(request.body);
    const credentialId = optionalString(body, 'credentialId', { required: true, maxLength: 100 }) as string;
    const sharedSecret = optionalString(body, 'sharedSecret', { required: true, maxLength: 256 }) as string;
    const key = decodeHex(sharedSecret);
    if (!key || key.byteLength < MIN_SEED_BYTES) {
      throw validationFailed('sharedSecret', [`sharedSecret: must be hex, at least ${MIN_SEED_BYTES} bytes`]);
    }
    const pin = optionalString(body, 'pin', { maxLength: 16 });
    if (provider === 'RSA' && (pin === undefined || !/^\d{4,8}$/.test(pin))) {
      throw validationFailed('pin', ['pin: an RSA SecurID credential needs a PIN of 4 to 8 digits']);
    }
    if (provider === 'SYMANTEC' && pin !== undefined) throw validationFailed('pin', ['pin: Symantec VIP credentials have no PIN']);
    TOKEN_SERVICES.of(org.scope).register({ provider: provider as TokenServiceProvider, credentialId, key, ...(pin !== undefined ? { pin } : {}) });
    return { provider, credentialId };
  });
}
