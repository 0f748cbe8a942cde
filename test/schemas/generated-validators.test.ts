import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { runTimeCompiler } from '../../schemas/compiler.js';
import type { ControlInput, ControlOperationName, ControlOutput } from '../../schemas/control/operations.js';
import { GENERATED_VALIDATORS_FILE, INPUTS_DIGEST_EXPORT, loadGeneratedValidators } from '../../schemas/generated-validators.js';
import { toSchemaIssues } from '../../schemas/issues.js';
import { VALIDATED_DOCUMENTS, validatorInputsDigest, validatorKeys } from '../../schemas/validator-inputs.js';
import type { SchemaValidator, ValidatorSource } from '../../schemas/validator-source.js';
import { VALIDATORS } from '../../schemas/validators.js';
import * as authnExamples from './fixtures/authn-examples.js';
import * as catalogExamples from './fixtures/catalog-examples.js';
import * as errorExamples from './fixtures/error-examples.js';
import * as factorExamples from './fixtures/factor-examples.js';
import * as userExamples from './fixtures/user-examples.js';
import * as verifyResultExamples from './fixtures/verify-result-examples.js';
import * as yubikeyTokenExamples from './fixtures/yubikey-token-examples.js';
import { changed } from './support.js';
import type { Change } from './support.js';

/**
 * The validators the build generates (ajv standalone code, dist/schemas/validators.generated.cjs) are the run-time
 * compiler's: on every key, the same verdict and the same errors (failing branch, schema and parent schema
 * included, which the issues we report are made from), for the real-traffic corpus, the schema tests' fixtures,
 * control messages and fast-check mutations of them all. A generated module made from other inputs is refused.
 * Runs on the build (`npm run build` first), as the CLI does.
 */

const generated = loadGeneratedValidators(GENERATED_VALIDATORS_FILE, validatorInputsDigest());
const compiled = runTimeCompiler('the reference this test compares the generated module with');
const KEYS = validatorKeys();

function generatedValidators(): ValidatorSource {
  if ('refused' in generated) throw new Error(generated.refused);
  return generated.loaded;
}

/**
 * A schema fragment an error carries (`verbose`), as a number that stands for its content: the two sources hold
 * their own copies of the schemas, and the same fragments recur in most errors (the whole document, often).
 */
const fragmentIds = new WeakMap<object, number>();
const contentIds = new Map<string, number>();
function fragmentId(fragment: unknown): number | string {
  if (typeof fragment !== 'object' || fragment === null) return JSON.stringify(fragment) ?? 'undefined';
  const known = fragmentIds.get(fragment);
  if (known !== undefined) return known;
  const json = JSON.stringify(fragment);
  const id = contentIds.get(json) ?? contentIds.size;
  contentIds.set(json, id);
  fragmentIds.set(fragment, id);
  return id;
}

type ErrorList = NonNullable<SchemaValidator['errors']>;

/** The same errors: same keyword, paths, message, parameters and validated data, and schema fragments of the same content. */
function sameErrors(left: ErrorList, right: ErrorList): boolean {
  return (
    left.length === right.length &&
    left.every((error, index) => {
      const other = right[index];
      return (
        other !== undefined &&
        Object.keys(error).length === Object.keys(other).length &&
        error.keyword === other.keyword &&
        error.instancePath === other.instancePath &&
        error.schemaPath === other.schemaPath &&
        error.message === other.message &&
        Object.is(error.data, other.data) &&
        fragmentId(error.schema) === fragmentId(other.schema) &&
        fragmentId(error.parentSchema) === fragmentId(other.parentSchema) &&
        isDeepStrictEqual(error.params, other.params)
      );
    })
  );
}

/** The keys on which the two sources disagree about `value`: another verdict, or other errors. */
function disagreements(value: unknown): string[] {
  const sources = generatedValidators();
  return KEYS.filter((key) => {
    const fromGenerated = sources.validatorFor(key);
    const fromCompiled = compiled.validatorFor(key);
    return fromGenerated(value) !== fromCompiled(value) || !sameErrors(fromGenerated.errors ?? [], fromCompiled.errors ?? []);
  });
}

// The material: every payload of the real-traffic corpus (and each element of an array answer) ...
const REAL = new URL('../fixtures/real/', import.meta.url);
const REAL_BODIES = readdirSync(REAL, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .flatMap((file) => (JSON.parse(readFileSync(new URL(file, REAL), 'utf8')) as { exchanges: { body?: unknown }[] }).exchanges)
  .flatMap(({ body }) => (body === undefined ? [] : Array.isArray(body) ? [body, ...body] : [body]));

// ... every example of the schema tests, and each member of it (a profile, a link, an entry of a table) ...
const FIXTURE_MODULES = [authnExamples, catalogExamples, errorExamples, factorExamples, userExamples, verifyResultExamples, yubikeyTokenExamples];
const FIXTURES = FIXTURE_MODULES.flatMap((module) => Object.values(module)).flatMap((value: unknown) => [
  value,
  ...(typeof value === 'object' && value !== null ? Object.values(value) : []),
]);

// ... and control messages, one or two per operation, typed by the protocol's table.
type ControlExample<K extends ControlOperationName> = { readonly input?: ControlInput<K>; readonly output?: ControlOutput<K> };
const POLICY = { factorType: 'webauthn', provider: 'FIDO', enrollment: 'OPTIONAL', userVerification: 'preferred' } as const;
const CONTROL_EXAMPLES: { readonly [K in ControlOperationName]: ControlExample<K> } = {
  capabilities: { output: { capabilities: ['clock', 'outbox', 'a-newer-capability'], origin: 'http://127.0.0.1:4000' } },
  readClock: { output: { now: '2026-01-01T00:00:00.000Z', epochMs: 1767225600000 } },
  advanceClock: { input: { advanceMs: 30_000 }, output: { now: '2026-01-01T00:00:30.000Z', epochMs: 1767225630000 } },
  outbox: {
    input: { userId: '00u1', channel: 'sms' },
    output: { messages: [{ userId: '00u1', factorId: 'mbl1', channel: 'sms', to: '+15555550100', passCode: '123456', sentAt: '2026-01-01T00:00:00.000Z' }] },
  },
  respondToPush: { input: { action: 'approve' }, output: { ok: true } },
  readFactorPolicy: { output: { factors: [POLICY] } },
  setFactorPolicy: { input: { factors: [POLICY] }, output: { factors: [POLICY] } },
  factorProfiles: {
    output: {
      factorProfiles: [
        { id: 'fpr1', vendorName: 'Acme', algorithm: 'SHA256', digits: 8, timeStepSeconds: 30, clockDriftSteps: 1, sharedSecretEncoding: 'base32' },
      ],
    },
  },
  readPasswordPolicy: {
    output: {
      complexity: { minLength: 8, minLowerCase: 1, minUpperCase: 1, minNumber: 1, minSymbol: 0, excludeUsername: true },
      age: { minAgeMinutes: 0, historyCount: 4 },
      expiration: { passwordExpireDays: 0, expireWarnDays: 0 },
      lockout: { maxAttempts: 10, showLockoutFailures: false },
      recovery: { email: true, sms: true, call: false, question: true },
    },
  },
  setPasswordPolicy: { input: { lockout: { maxAttempts: 3 } } },
  readSignOnPolicy: { output: { mfa: 'REQUIRED' } },
  setSignOnPolicy: { input: { mfa: 'NOT_REQUIRED' }, output: { mfa: 'NOT_REQUIRED' } },
  registerTokenCredential: { input: { credentialId: 'jane', sharedSecret: '3132333435', pin: '1234' }, output: { provider: 'RSA', credentialId: 'jane' } },
  readOnlyToken: { output: { token: '00readonly' } },
  duoAuth: { input: { sig_request: 'TX|a|b:APP|c|d', action: 'approve' }, output: { sig_response: 'AUTH|a|b:APP|c|d' } },
  respondToDuoTransaction: { input: { action: 'fraud' }, output: { ok: true } },
  pendingDuoTransactions: { input: { username: 'jane' }, output: { transactions: [{ txid: 'tx1', factor: 'duo_push' }] } },
  activateDuoMobile: { input: { activation: 'code-1' }, output: { phone_id: 'DP1' } },
  startStepUp: { input: { appLabel: 'Payroll' }, output: { stateToken: '00state' } },
  reset: {},
  readFaults: { output: { faults: [{ id: 'totp.accepts-any-code', description: 'accepts any code', enabled: false }] } },
  setFaults: { input: { enable: ['totp.accepts-any-code'], disable: [] }, output: { faults: [] } },
};
const CONTROL_MESSAGES = Object.values(CONTROL_EXAMPLES).flatMap((example: ControlExample<ControlOperationName>) =>
  [example.input, example.output].filter((message) => message !== undefined),
);

const MATERIAL: readonly unknown[] = [...REAL_BODIES, ...FIXTURES, ...CONTROL_MESSAGES];

/** Every JSON pointer below the root of `value`. */
function pointersOf(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const pointer = `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return [pointer, ...pointersOf(child, pointer)];
  });
}

/** A value of the material with one member removed or replaced by any JSON value. */
const mutation: fc.Arbitrary<unknown> = fc
  .record({ base: fc.constantFrom(...MATERIAL), index: fc.nat(), remove: fc.boolean(), to: fc.jsonValue() })
  .map(({ base, index, remove, to }) => {
    const pointers = pointersOf(base);
    const pointer = pointers[index % Math.max(pointers.length, 1)];
    if (pointer === undefined) return to;
    const change: Change = remove ? { remove: pointer } : { set: pointer, to };
    return changed(base, change);
  });

describe('the generated validators', () => {
  test('are what this process validates with: the build made them from these very schemas', () => {
    expect('refused' in generated ? generated.refused : 'loaded').toBe('loaded');
    expect(VALIDATORS.description).toBe(generatedValidators().description);
  });

  test('cover every document and every definition, the control protocol included', () => {
    expect(KEYS).toHaveLength(new Set(KEYS).size);
    expect(KEYS).toContain('https://mfa-conformance.dev/schemas/okta-factors/push.schema.json#/$defs/activation');
    expect(KEYS).toContain('https://mfa-conformance.dev/schemas/control/clock.schema.json#/$defs/advance');
    for (const key of KEYS) expect(generatedValidators().validatorFor(key), key).toBeTypeOf('function');
    expect(() => generatedValidators().validatorFor('https://mfa-conformance.dev/schemas/okta-factors/nothing.schema.json')).toThrow(/no schema document holds/);
  });

  test('the material holds valid and invalid documents of every family and of the control protocol', () => {
    expect(REAL_BODIES.length).toBeGreaterThan(90);
    expect(FIXTURES.length).toBeGreaterThan(60);
    expect(CONTROL_MESSAGES.length).toBeGreaterThan(30);
    const validSomewhere = MATERIAL.filter((value) => KEYS.some((key) => compiled.validatorFor(key)(value)));
    // Every fixture and control example is valid for some key; each is invalid for most.
    expect(validSomewhere.length).toBeGreaterThan(FIXTURES.length + CONTROL_MESSAGES.length);
  });

  test('agree with the run-time compiler on every key, for the corpus, the fixtures and the control messages', () => {
    const found = MATERIAL.map((value, index) => ({ index, keys: disagreements(value) })).filter(({ keys }) => keys.length > 0);
    expect(found).toEqual([]);
  });

  test('agree with the run-time compiler on every key, for mutations of them', () => {
    fc.assert(
      fc.property(mutation, (value) => {
        expect(disagreements(value)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test('are compared closely enough to tell other errors apart', () => {
    const key = 'https://mfa-conformance.dev/schemas/okta-factors/factor.schema.json';
    const validator = generatedValidators().validatorFor(key);
    const errorsOf = (value: unknown) => (validator(value) ? [] : [...(validator.errors ?? [])]);
    const withoutPhone = errorsOf(changed(factorExamples.enrollSmsResponse, { remove: '/profile/phoneNumber' }));
    const badPhone = errorsOf(changed(factorExamples.enrollSmsResponse, { set: '/profile/phoneNumber', to: false }));
    expect(sameErrors(withoutPhone, withoutPhone)).toBe(true);
    expect(sameErrors(withoutPhone, badPhone)).toBe(false);
    expect(sameErrors(badPhone, errorsOf(changed(factorExamples.enrollSmsResponse, { set: '/profile/phoneNumber', to: true })))).toBe(false);
  });

  test('check formats (ajv-formats) as the run-time compiler does', () => {
    const key = 'https://mfa-conformance.dev/schemas/okta-factors/factor.schema.json';
    const value = changed(factorExamples.enrollSmsResponse, { set: '/_links/self/href', to: 'not a uri' });
    const validator = generatedValidators().validatorFor(key);
    expect(validator(value)).toBe(false);
    expect(validator.errors?.map(({ keyword, instancePath, params }) => ({ keyword, instancePath, params }))).toContainEqual({
      keyword: 'format',
      instancePath: '/_links/self/href',
      params: { format: 'uri' },
    });
    expect(disagreements(value)).toEqual([]);
  });

  test('name the failing branch as the run-time compiler does', () => {
    const key = 'https://mfa-conformance.dev/schemas/okta-factors/factor.schema.json';
    const sms = changed(factorExamples.enrollSmsResponse, { set: '/profile/phoneNumber', to: false });
    const validator = generatedValidators().validatorFor(key);
    expect(validator(sms)).toBe(false);
    expect(toSchemaIssues(validator.errors ?? [])).toContainEqual({ path: '/', message: 'does not meet the rules that apply when factorType "sms" (sms factor)' });
  });
});

describe('a schema changed since the build', () => {
  test('changes the digest of the validators\' inputs', () => {
    const [first, ...rest] = VALIDATED_DOCUMENTS;
    if (first === undefined) throw new Error('no documents');
    const edited = [{ ...first, description: `${first.description} (edited)` }, ...rest];
    expect(validatorInputsDigest(edited)).not.toBe(validatorInputsDigest());
  });

  test('makes the generated module refused, so that validators are compiled from the schemas instead', () => {
    const [first, ...rest] = VALIDATED_DOCUMENTS;
    if (first === undefined) throw new Error('no documents');
    const edited = [{ ...first, required: ['an-added-property'] }, ...rest];
    const load = loadGeneratedValidators(GENERATED_VALIDATORS_FILE, validatorInputsDigest(edited));
    expect('refused' in load ? load.refused : 'loaded').toMatch(/generated from other schemas.*npm run build/);
    expect(runTimeCompiler('a test').description).toMatch(/^compiled at run time \(a test\)$/);
  });

  test('as a missing, broken or incomplete generated module does, leaves the run-time compiler', () => {
    const refusal = (file: string) => {
      const load = loadGeneratedValidators(file, validatorInputsDigest());
      return 'refused' in load ? load.refused : 'loaded';
    };
    expect(refusal(`${GENERATED_VALIDATORS_FILE}.missing`)).toMatch(/does not exist: run `npm run build`/);
    const folder = mkdtempSync(join(tmpdir(), 'generated-validators-'));
    try {
      writeFileSync(join(folder, 'broken.cjs'), 'exports["validate');
      expect(refusal(join(folder, 'broken.cjs'))).toMatch(/does not load \(.+\): run `npm run build`/);
      writeFileSync(join(folder, 'incomplete.cjs'), `exports[${JSON.stringify(INPUTS_DIGEST_EXPORT)}] = ${JSON.stringify(validatorInputsDigest())};`);
      expect(refusal(join(folder, 'incomplete.cjs'))).toMatch(/has no validator for https:\/\/mfa-conformance\.dev\/schemas\//);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
