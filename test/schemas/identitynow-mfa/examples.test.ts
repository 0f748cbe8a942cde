import { describe, expect, test } from 'vitest';
import type {
  KbaAnswerResponseItem,
  KbaAuthResponse,
  KbaQuestion,
  MfaConfigTestResponse,
  MfaDuoConfig,
  MfaOktaConfig,
  SendTokenResponse,
  TokenAuthResponse,
  VerificationResponse,
} from 'sailpoint-api-client';
import type { SchemaRef } from '../../../schemas/index.js';
import { expectValid, issuesFor } from '../support.js';

/**
 * The identitynow-mfa schemas against SailPoint's published examples (API v3 pages, spec sheet §3–§5), each
 * example typed with the official client's model (`satisfies`: an example the client could not hold does not compile).
 */

const oktaConfig = { mfaMethod: 'okta-verify', enabled: true, host: 'www.example.com', accessKey: 'd******Y', identityAttribute: 'email' } satisfies MfaOktaConfig;
const duoConfig = {
  mfaMethod: 'duo-web',
  enabled: true,
  host: 'example.com',
  accessKey: 'q******y',
  identityAttribute: 'email',
  configProperties: { skey: '1******B', ikey: 'Q123WE45R6TY7890ZXCV' },
} satisfies MfaDuoConfig;
const questions = [
  { id: '143cfd3b-c23f-426b-ae5f-d3db06fa5919', text: 'MFA new question -1 ?', hasAnswer: false, numAnswers: 0 },
  { id: '173421', text: 'What is your alphanumeric PIN?', hasAnswer: false, numAnswers: 3 },
] satisfies KbaQuestion[];
const answerResponse = [
  { id: '173423', question: '[{"text":"Nouvelle question MFA -1 ?","locale":"fr"},{"text":"MFA new question -1 ?","locale":""}]', hasAnswer: true },
  { id: 'c54fee53-2d63-4fc5-9259-3e93b9994135', question: '[{"text":"Nouvelle question MFA -2 ?","locale":"fr"}]', hasAnswer: false },
] satisfies KbaAnswerResponseItem[];
const testResponse = { state: 'SUCCESS' } satisfies MfaConfigTestResponse;
const verifyResponse = { requestId: '089899f13a8f4da7824996191587bab9', status: 'SUCCESS', error: '' } satisfies VerificationResponse;
const pollResponse = { requestId: '089899f13a8f4da7824996191587bab9', status: 'PENDING', error: '' } satisfies VerificationResponse;
const kbaAuth = { kbaAuthResponseItems: [{ questionId: '089899f13a8f4da7824996191587bab9', isVerified: false }], status: 'PENDING' } satisfies KbaAuthResponse;
const sendToken = { requestId: '089899f13a8f4da7824996191587bab9', status: 'SUCCESS', errorMessage: '' } satisfies SendTokenResponse;
const tokenAuth = { status: 'PENDING' } satisfies TokenAuthResponse;

describe('identitynow-mfa schemas: published examples', () => {
  test.each<[string, SchemaRef, unknown]>([
    ['MfaOktaConfig (PUT /mfa/okta-verify/config 200)', 'identitynow-mfa/config', oktaConfig],
    ['MfaDuoConfig (GET /mfa/duo-web/config 200)', 'identitynow-mfa/config#duo', duoConfig],
    ['an unset config', 'identitynow-mfa/config', { mfaMethod: 'okta-verify', enabled: false, host: null, accessKey: null, identityAttribute: null }],
    ['KbaQuestion[] (GET /mfa/kba/config 200)', 'identitynow-mfa/kba#questions', questions],
    ['KbaAnswerResponseItem[] (POST /mfa/kba/config/answers 200)', 'identitynow-mfa/kba#answerResponse', answerResponse],
    ['MfaConfigTestResponse with error null', 'identitynow-mfa/config#testResponse', { ...testResponse, error: null }],
    ['VerificationResponse (okta-verify verify 200)', 'identitynow-mfa/verification', verifyResponse],
    ['VerificationResponse (poll 200)', 'identitynow-mfa/verification', pollResponse],
    ['KbaAuthResponse (schema names)', 'identitynow-mfa/kba#authResponse', kbaAuth],
    ['SendTokenResponse', 'identitynow-mfa/verification#sendTokenResponse', sendToken],
    ['TokenAuthResponse', 'identitynow-mfa/verification#tokenAuthResponse', tokenAuth],
    ['400 ErrorResponseDto', 'identitynow-mfa/error', {
      detailCode: '400.1 Bad Request Content',
      trackingId: 'e7eab60924f64aa284175b9fa3309599',
      messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'The request was syntactically correct but its content is semantically invalid.' }],
      causes: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'The request was syntactically correct but its content is semantically invalid.' }],
    }],
    ['403 ErrorResponseDto', 'identitynow-mfa/error', {
      detailCode: '403 Forbidden',
      trackingId: 'b21b1f7ce4da4d639f2c62a57171b427',
      messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'The server understood the request but refuses to authorize it.' }],
    }],
    ['500 ErrorResponseDto', 'identitynow-mfa/error', {
      detailCode: '500.0 Internal Fault',
      trackingId: 'b21b1f7ce4da4d639f2c62a57171b427',
      messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'An internal fault occurred.' }],
    }],
    ['401 body', 'identitynow-mfa/error#unauthorized', { error: 'JWT validation failed: JWT is expired' }],
    ['429 body', 'identitynow-mfa/error#rateLimited', { message: ' Rate Limit Exceeded ' }],
    ['token response', 'identitynow-mfa/oauth-token', { access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6WyJyZWFkIl19.c2lnbmF0dXJl', token_type: 'bearer', expires_in: 749, scope: 'read write' }],
  ])('accepts %s', (_name, ref, example) => {
    expectValid(ref, example);
  });
});

describe('identitynow-mfa schemas: what they refuse', () => {
  test.each<[string, SchemaRef, unknown]>([
    ['a status outside the enum', 'identitynow-mfa/verification', { ...verifyResponse, status: 'REJECTED' }],
    ['a send status other than SUCCESS/FAILED', 'identitynow-mfa/verification#sendTokenResponse', { ...sendToken, status: 'PENDING' }],
    ['a KBA question without numAnswers', 'identitynow-mfa/kba', { id: '1', text: 't', hasAnswer: false }],
    ['an answer echoed', 'identitynow-mfa/kba#answerResponseItem', { id: '1', question: 'q', hasAnswer: true, answer: 'secret' }],
    ['enabled as a string', 'identitynow-mfa/config', { ...oktaConfig, enabled: 'true' }],
    ['a 401 without error', 'identitynow-mfa/error#unauthorized', { message: 'nope' }],
    ['a token response without access_token', 'identitynow-mfa/oauth-token', { token_type: 'bearer', expires_in: 749 }],
    ['an error with neither detailCode nor messages', 'identitynow-mfa/error', { trackingId: 'x' }],
  ])('refuses %s', (_name, ref, value) => {
    expect(issuesFor(ref, value)).not.toEqual([]);
  });
});
