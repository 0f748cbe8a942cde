import { describe, expect, test } from 'vitest';
import { describeTarget, resolveTarget, targetSecrets } from '../../cli/target.js';

describe('resolveTarget', () => {
  test('the embedded mock org by default, with the faults asked for', () => {
    expect(resolveTarget({}, {})).toEqual({ kind: 'mock' });
    expect(resolveTarget({ faults: ['a', 'b', 'a'] }, {})).toEqual({ kind: 'mock', faults: ['a', 'b'] });
  });

  test('--target with --token selects the http driver; flags win over OKTA_CLIENT_* variables', () => {
    const env = { OKTA_CLIENT_ORGURL: 'https://env.example', OKTA_CLIENT_TOKEN: 'env-token', MFA_CONFORMANCE_CONTROL_TOKEN: 'env-control' };
    expect(resolveTarget({ target: 'https://flag.example', token: 'flag-token' }, env)).toEqual({
      kind: 'http',
      baseUrl: 'https://flag.example',
      token: 'flag-token',
      controlToken: 'env-control',
    });
    expect(resolveTarget({}, env)).toEqual({ kind: 'http', baseUrl: 'https://env.example', token: 'env-token', controlToken: 'env-control' });
    expect(resolveTarget({ target: 'https://flag.example' }, env)).toMatchObject({ baseUrl: 'https://flag.example', token: 'env-token' });
  });

  test('MFA_CONFORMANCE_TARGET is used when no URL is given; --fault adds to its faults', () => {
    const env = { MFA_CONFORMANCE_TARGET: JSON.stringify({ kind: 'mock', faults: ['a'] }) };
    expect(resolveTarget({ faults: ['b'] }, env)).toEqual({ kind: 'mock', faults: ['a', 'b'] });
    const http = { kind: 'http', baseUrl: 'https://json.example', token: 'json-token' };
    expect(resolveTarget({}, { MFA_CONFORMANCE_TARGET: JSON.stringify(http) })).toEqual(http);
  });

  test('empty variables count as unset', () => {
    expect(resolveTarget({}, { OKTA_CLIENT_ORGURL: '', OKTA_CLIENT_TOKEN: '', MFA_CONFORMANCE_TARGET: '' })).toEqual({ kind: 'mock' });
  });
});

describe('describeTarget', () => {
  test('names an http target by origin and path only, never by anything secret', () => {
    const described = describeTarget({ kind: 'http', baseUrl: 'https://org.example/api/?key=abc#frag', token: 'tok-123456', controlToken: 'ctl-123456' });
    expect(described).toEqual({ target: 'https://org.example/api', driver: 'http' });
  });

  test('names the mock with its faults', () => {
    expect(describeTarget({ kind: 'mock' })).toEqual({ target: 'embedded mock org', driver: 'mock' });
    expect(describeTarget({ kind: 'mock', faults: ['x', 'y'] }).target).toBe('embedded mock org (faults: x, y)');
  });

  test('lists the tokens an http target carries', () => {
    expect(targetSecrets({ kind: 'http', baseUrl: 'https://o.example', token: 't1', controlToken: 't2' })).toEqual(['t1', 't2']);
    expect(targetSecrets({ kind: 'mock' })).toEqual([]);
  });
});
