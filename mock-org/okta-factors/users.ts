import type { FastifyRequest } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import { randomBytes } from 'node:crypto';
import { notFound, operationNotAllowed, validationFailed } from '../core/errors.js';
import { oktaId } from '../core/ids.js';
import { bodyObject, booleanQuery, optionalObject, optionalString, requiredString } from '../core/input.js';
import type { FactorServices } from './kind.js';
import type { OrgStore, StoredUser, UserProfile } from './store.js';
import { link, userUrl } from './links.js';
import { requestBaseUrl } from '../core/base-url.js';

/** The part of the Users API the harness needs: create, get, deactivate, delete. */
export function registerUserRoutes(app: Routes, org: FactorServices): void {
  app.post('/api/v1/users', async (request) => {
    const body = bodyObject(request.body);
    const activate = request.query && 'activate' in (request.query as object) ? booleanQuery(request.query, 'activate') : true;
    const profile = readProfile(body);
    const password = readPassword(body);
    const recoveryQuestion = readRecoveryQuestion(body);
    if (org.store.findUser(profile.login)) {
      throw validationFailed('login', ['login: An object with this field already exists in the current organization']);
    }
    const now = org.clock.iso();
    const user: StoredUser = {
      id: oktaId('00u'),
      status: activate ? 'ACTIVE' : 'STAGED',
      created: now,
      activated: activate ? now : null,
      statusChanged: activate ? now : null,
      lastUpdated: now,
      passwordChanged: password ? now : null,
      profile,
      password: password ?? null,
      ...(recoveryQuestion ? { recoveryQuestion } : {}),
    };
    org.store.users.set(user.id, user);
    // Identity Engine: the verified primary email is an ACTIVE email enrollment from the start ([U]).
    if (activate && org.faults.has('variant.identity-engine')) {
      const id = oktaId('emf');
      org.store.factors.set(id, {
        id, userId: user.id, factorType: 'email', provider: 'OKTA', vendorName: 'OKTA', status: 'ACTIVE',
        created: now, lastUpdated: now, profile: { email: profile.email }, secret: {},
      });
    }
    return presentUserTo(org, request, user);
  });

  app.get<{ Params: { userId: string } }>('/api/v1/users/:userId', async (request) =>
    presentUserTo(org, request, findUserOr404(org.store, request.params.userId)),
  );

  // Partial update (POST): the profile attributes given, `credentials.password` and `credentials.recovery_question`.
  app.post<{ Params: { userId: string } }>('/api/v1/users/:userId', async (request) => {
    const user = findUserOr404(org.store, request.params.userId);
    const body = bodyObject(request.body);
    const profile = optionalObject(body, 'profile', 'profile');
    const password = readPassword(body);
    const recoveryQuestion = readRecoveryQuestion(body);
    const changes: Partial<UserProfile> = {};
    for (const [key, value] of Object.entries(profile ?? {})) {
      if (key === 'login' || key === 'email' || typeof value !== 'string' || value.length > 100) continue;
      changes[key] = value;
    }
    Object.assign(user.profile, changes);
    if (password !== undefined) {
      user.password = password;
      user.passwordChanged = org.clock.iso();
    }
    if (recoveryQuestion) user.recoveryQuestion = recoveryQuestion;
    user.lastUpdated = org.clock.iso();
    return presentUserTo(org, request, user);
  });

  // Activation without the email (`sendEmail=false`): the activation token, which primary authentication takes (A1 token).
  app.post<{ Params: { userId: string } }>('/api/v1/users/:userId/lifecycle/activate', async (request) => {
    const user = findUserOr404(org.store, request.params.userId);
    if (user.status !== 'STAGED' && user.status !== 'PROVISIONED') {
      throw operationNotAllowed('Activation failed because the user is already active');
    }
    const token = randomBytes(15).toString('base64url');
    user.activationToken = token;
    user.status = 'PROVISIONED';
    user.statusChanged = user.lastUpdated = org.clock.iso();
    return { activationUrl: `${requestBaseUrl(request)}/welcome/${token}`, activationToken: token };
  });

  // The password must be changed at the next sign-in (the Authentication API answers PASSWORD_EXPIRED).
  app.post<{ Params: { userId: string } }>('/api/v1/users/:userId/lifecycle/expire_password', async (request) => {
    const user = findUserOr404(org.store, request.params.userId);
    if (user.status !== 'ACTIVE' && user.status !== 'PASSWORD_EXPIRED') throw operationNotAllowed('The user is not active');
    user.status = 'PASSWORD_EXPIRED';
    user.statusChanged = user.lastUpdated = org.clock.iso();
    return presentUserTo(org, request, user);
  });

  app.post<{ Params: { userId: string } }>('/api/v1/users/:userId/lifecycle/deactivate', async (request) => {
    const user = findUserOr404(org.store, request.params.userId);
    if (user.status !== 'DEPROVISIONED') {
      user.status = 'DEPROVISIONED';
      user.statusChanged = user.lastUpdated = org.clock.iso();
    }
    return {};
  });

  // The first DELETE deactivates, the second deletes (as Okta does).
  app.delete<{ Params: { userId: string } }>('/api/v1/users/:userId', async (request, reply) => {
    const user = findUserOr404(org.store, request.params.userId);
    if (user.status === 'DEPROVISIONED') org.store.deleteUser(user.id);
    else {
      user.status = 'DEPROVISIONED';
      user.statusChanged = user.lastUpdated = org.clock.iso();
    }
    return reply.code(204).send();
  });
}

export function findUserOr404(store: OrgStore, idOrLogin: string): StoredUser {
  const user = store.findUser(idOrLogin);
  if (!user) throw notFound(`Resource not found: ${idOrLogin} (User)`);
  return user;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readProfile(body: Record<string, unknown>): UserProfile {
  const profile = optionalObject(body, 'profile', 'profile');
  if (!profile) throw validationFailed('profile', ['profile: The field cannot be left blank']);
  const login = requiredString(profile, 'login', { maxLength: 100, subject: 'login', path: 'login' });
  const email = requiredString(profile, 'email', { maxLength: 100, subject: 'email', path: 'email' });
  const firstName = requiredString(profile, 'firstName', { maxLength: 50, subject: 'firstName', path: 'firstName' });
  const lastName = requiredString(profile, 'lastName', { maxLength: 50, subject: 'lastName', path: 'lastName' });
  if (!EMAIL.test(login)) throw validationFailed('login', ["login: Username must be in the form of an email address"]);
  if (!EMAIL.test(email)) throw validationFailed('email', ['email: Does not match required pattern']);
  const nickName = optionalString(profile, 'nickName', { maxLength: 100 });
  // The secondary address, which an email factor may use too (spec §2.4).
  const secondEmail = optionalString(profile, 'secondEmail', { maxLength: 100, subject: 'secondEmail', path: 'secondEmail' });
  if (secondEmail !== undefined && !EMAIL.test(secondEmail)) throw validationFailed('secondEmail', ['secondEmail: Does not match required pattern']);
  return {
    login, email, firstName, lastName,
    ...(nickName !== undefined ? { nickName } : {}),
    ...(secondEmail !== undefined ? { secondEmail } : {}),
  };
}

/** `credentials.password.value`, checked against a default-like password policy. */
function readPassword(body: Record<string, unknown>): string | undefined {
  const credentials = optionalObject(body, 'credentials');
  const password = credentials && optionalObject(credentials, 'password', 'password');
  const value = password && optionalString(password, 'value', { maxLength: 256, subject: 'password', path: 'password' });
  if (value === undefined) return undefined;
  if (value.length < 8 || !/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) {
    throw validationFailed('password', [
      'password: Password requirements were not met. Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a number.',
    ]);
  }
  return value;
}

/** Longest recovery question and answer read. */
const MAX_RECOVERY_TEXT = 255;

/** `credentials.recovery_question {question, answer}` (Okta's Users API): the answer at least 4 characters. */
function readRecoveryQuestion(body: Record<string, unknown>): { question: string; answer: string } | undefined {
  const credentials = optionalObject(body, 'credentials');
  const recovery = credentials && optionalObject(credentials, 'recovery_question', 'recovery_question');
  if (!recovery) return undefined;
  const path = 'credentials.recovery_question';
  const question = requiredString(recovery, 'question', { maxLength: MAX_RECOVERY_TEXT, subject: 'recovery_question', path: `${path}.question` });
  const answer = requiredString(recovery, 'answer', { maxLength: MAX_RECOVERY_TEXT, subject: 'recovery_question', path: `${path}.answer` });
  if (answer.trim().length < 4) throw validationFailed('recovery_question', [`${path}.answer: The security question answer must be at least 4 characters in length`]);
  return { question, answer };
}

/**
 * A user as the Users API returns it to a request of this org: the `resetFactors` link is published
 * exactly while the user has a factor (spec §1 F15, from the OpenAPI spec).
 */
function presentUserTo(org: FactorServices, request: FastifyRequest, user: StoredUser): Record<string, unknown> {
  const hasFactors = org.store.factorsOf(user.id).length > 0;
  const resetFactors = org.faults.has('lifecycle.reset-factors-link-always') || (hasFactors && !org.faults.has('lifecycle.reset-factors-link-missing'));
  return presentUser(requestBaseUrl(request), user, { resetFactors });
}

/** A user as the Users API returns it (also embedded by `expand=user` on YubiKey tokens). */
export function presentUser(baseUrl: string, user: StoredUser, links: { resetFactors?: boolean } = {}): Record<string, unknown> {
  const self = userUrl(baseUrl, user.id);
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: null,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    profile: { ...user.profile },
    credentials: {
      ...(user.password ? { password: {} } : {}),
      ...(user.recoveryQuestion ? { recovery_question: { question: user.recoveryQuestion.question } } : {}),
      provider: { type: 'OKTA', name: 'OKTA' },
    },
    _links: {
      self: link(self, ['GET']),
      deactivate: link(`${self}/lifecycle/deactivate`, ['POST']),
      factors: link(`${self}/factors`, ['GET']),
      ...(links.resetFactors ? { resetFactors: link(`${self}/lifecycle/reset_factors`, ['POST']) } : {}),
    },
  };
}
