import { feature } from '../../../requirements/builders.js';
import { sailpointDoc } from '../../../requirements/sources.js';

const config = feature({ family: 'identitynow-mfa', name: 'MFA configuration', suite: 'suites/identitynow-mfa/config' });

/** MFA Configuration: okta-verify and duo-web configs, test and delete, KBA questions (spec §4). */
export const IDN_CONFIG_REQUIREMENTS = [
  config.must('IDN.CONFIG.OKTA.ROUND_TRIP', 'okta-verify config',
    'PUT /mfa/okta-verify/config answers 200 MfaOktaConfig with the values set; GET reads the same values back.',
    sailpointDoc('§4.1 C1, C2', 'v3/set-mfa-okta-config')),
  config.must('IDN.CONFIG.DUO.ROUND_TRIP', 'duo-web config',
    'PUT /mfa/duo-web/config answers 200 MfaDuoConfig with the values set (configProperties included); GET reads the same values back.',
    sailpointDoc('§4.1 C3, C4', 'v3/set-mfa-duo-config')),
  config.must('IDN.CONFIG.ACCESS_KEY.MASKED', 'okta-verify config',
    'accessKey (and the Duo skey) is write-only: PUT, GET and DELETE answer it masked (first character, six asterisks, last character), never in clear.',
    sailpointDoc('§4.1 masking', 'v3/get-mfa-okta-config')),
  config.must('IDN.CONFIG.BAD_BODY', 'okta-verify config',
    'A config body of the wrong shape (not an object, wrong JSON types, a mfaMethod of another method) is refused with 400 ErrorResponseDto (detailCode "400.1 Bad Request Content"), and the stored config is unchanged.',
    sailpointDoc('§3.1 400', 'v3/set-mfa-okta-config')),
  config.must('IDN.CONFIG.UNKNOWN_METHOD', 'test',
    'A {method} outside its enum is refused with a 4xx ErrorResponseDto, never a 5xx.',
    sailpointDoc('§1 C7, C8 path method', 'v3/test-mfa-config')),
  config.must('IDN.CONFIG.DELETE', 'delete',
    'DELETE /mfa/{method}/delete answers 200 with a config body (the key masked); GET then reads the method back unconfigured.',
    sailpointDoc('§4.5 C8', 'v3/delete-mfa-config')),
  config.must('IDN.CONFIG.TEST.SUCCESS', 'test',
    'GET /mfa/okta-verify/test with an enabled config pointing at a reachable Okta org and a valid API token answers 200 {state: SUCCESS}.',
    sailpointDoc('§4.4 C7', 'v3/test-mfa-config')),
  config.must('IDN.CONFIG.TEST.FAILED', 'test',
    'GET /mfa/okta-verify/test with a wrong API token or an unreachable org answers 200 {state: FAILED} with an error text.',
    sailpointDoc('§4.4 C7', 'v3/test-mfa-config')),
  config.must('IDN.CONFIG.DUO.TEST.SUCCESS', 'test',
    'GET /mfa/duo-web/test with an enabled config naming a reachable Duo API host and its integration keys (configProperties ikey, skey) answers 200 {state: SUCCESS}.',
    sailpointDoc('§4.4 C7, §4.1 INFERENCE', 'v3/test-mfa-config')),
  config.must('IDN.CONFIG.DUO.TEST.FAILED', 'test',
    'GET /mfa/duo-web/test with a wrong secret key or an unreachable Duo host answers 200 {state: FAILED} with an error text.',
    sailpointDoc('§4.4 C7, §9 item 10', 'v3/test-mfa-config')),
  config.must('IDN.CONFIG.KBA.QUESTIONS', 'kba config',
    'GET /mfa/kba/config answers 200 with an array of KbaQuestion {id, text, hasAnswer, numAnswers}, with and without allLanguages=true.',
    sailpointDoc('§4.2 C5', 'v3/get-mfa-kba-config')),
] as const;
