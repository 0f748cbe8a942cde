import { afterAll, beforeAll, expect } from 'vitest';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

/**
 * Shared set-up for the mock-org harness tests: one mock org (with the control protocol) per test file, a `call` that
 * talks to it, a `newUser` that creates an active user, and `expectOktaError` for the API's error shape.
 */

type Json = Record<string, unknown>;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when the body is empty (or, with `lenientJson`, not JSON). */
  json: Json | undefined;
}

interface TestUser {
  id: string;
  login: string;
  email: string;
  password: string;
}

export interface UseMockOrgOptions {
  /** Send the SSWS API token on every call unless the call's headers override it (default true). */
  token?: boolean;
  /** A body that is not JSON gives `json: undefined` instead of failing the call (default false). */
  lenientJson?: boolean;
  /** Start of the logins of the users `newUser` creates (default 'user'). */
  userPrefix?: string;
}

export interface MockOrgHarness {
  /** The running mock org; its properties can be read once `beforeAll` has run. */
  mock: RunningMockOrg;
  /** The API token and JSON accept headers. */
  authHeaders(): Record<string, string>;
  /**
   * A request. `path` is appended to the org's URL unless it is absolute (a link from a reply). `body` is sent as is
   * when it is a string and JSON-encoded otherwise, with content type JSON unless `headers` say otherwise.
   */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Creates an active user with a password; `profile` adds to or overrides the profile (e.g. a secondEmail). */
  newUser(profile?: Json): Promise<TestUser>;
}

const PASSWORD = 'Abcdefg1x';

/** Starts a mock org (control protocol on) before the file's tests and closes it after them. */
export function useMockOrg(options: UseMockOrgOptions = {}): MockOrgHarness {
  const sendToken = options.token ?? true;
  const prefix = options.userPrefix ?? 'user';
  let running: RunningMockOrg | undefined;
  let userCount = 0;

  beforeAll(async () => {
    running = await startMockOrg({ control: true });
  });
  afterAll(() => running?.close());

  const current = (): RunningMockOrg => {
    if (running === undefined) throw new Error('the mock org is not running yet: use it inside hooks and tests');
    return running;
  };
  const mock: RunningMockOrg = {
    get url() { return current().url; },
    get token() { return current().token; },
    get org() { return current().org; },
    get identityNow() { return current().identityNow; },
    close: () => current().close(),
  };
  const authHeaders = () => ({ authorization: `SSWS ${mock.token}`, accept: 'application/json' });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const raw = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(/^https?:/.test(path) ? path : mock.url + path, {
      method,
      headers: {
        ...(sendToken ? authHeaders() : { accept: 'application/json' }),
        ...(raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(raw !== undefined ? { body: raw } : {}),
    });
    const text = await res.text();
    let json: Json | undefined;
    if (options.lenientJson) {
      try {
        json = text ? (JSON.parse(text) as Json) : undefined;
      } catch {
        json = undefined;
      }
    } else {
      json = text ? (JSON.parse(text) as Json) : undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  async function newUser(profile: Json = {}): Promise<TestUser> {
    const login = `${prefix}-${userCount++}-${Math.random().toString(36).slice(2)}@example.com`;
    const res = await call('POST', '/api/v1/users?activate=true', {
      profile: { login, email: login, firstName: 'Test', lastName: 'User', ...profile },
      credentials: { password: { value: PASSWORD } },
    }, authHeaders());
    expect(res.status, res.text).toBe(200);
    return { id: res.json?.id as string, login, email: login, password: PASSWORD };
  }

  return { mock, authHeaders, call, newUser };
}

/**
 * The reply is the API's error: `status`, one of the codes given as errorCode and as errorLink, errorCauses, and an
 * errorSummary and errorId.
 */
export function expectOktaError(res: Pick<Reply, 'status' | 'json'> & { text?: string }, status: number, codeOrCodes: string | string[]) {
  const detail = res.text ?? JSON.stringify(res.json);
  expect(res.status, detail).toBe(status);
  expect([codeOrCodes].flat(), detail).toContain(res.json?.errorCode);
  expect(res.json).toMatchObject({ errorLink: res.json?.errorCode, errorCauses: expect.any(Array) });
  expect(typeof res.json?.errorSummary, detail).toBe('string');
  expect(typeof res.json?.errorId, detail).toBe('string');
}
