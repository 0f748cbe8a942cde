import { feature } from '../../../requirements/builders.js';
import { duoAdminApiDoc } from '../../../requirements/sources.js';

const admin = feature({ family: 'duo-auth', name: 'Admin API factor management', suite: 'suites/duo-auth/admin' });

/** Users, phones and hardware tokens through the Admin API (spec §4.1–§4.3). */
export const ADMIN_REQUIREMENTS = [
  admin.must('DUO.ADMIN.USER.CREATE', 'users',
    'Creating a user answers the user object (status active); looking it up by username answers a list holding it.',
    duoAdminApiDoc('§4.1 users', 'create-user')),
  admin.must('DUO.ADMIN.USER.DELETE', 'users',
    "Deleting a user answers an empty response; the user is then 404 code 40401, and deleting it again still succeeds.",
    duoAdminApiDoc('§4.1 delete user', 'delete-user')),
  admin.must('DUO.ADMIN.USER.PARAMS', 'users',
    'Creating a user without a username answers 400 (40001 or 40002).',
    duoAdminApiDoc('§4.1 create user', 'create-user')),
  admin.must('DUO.ADMIN.PHONE.ASSOCIATE', 'phones',
    "A phone created and associated with a user is listed in the user's phones, not activated, with the sms and phone capabilities.",
    duoAdminApiDoc('§4.2 phones', 'associate-phone-with-user')),
  admin.must('DUO.ADMIN.PHONE.ACTIVATION', 'phones',
    "activation_url answers activation_url, activation_barcode, valid_secs (and installation_url with install=1); once Duo Mobile claims it the phone reads activated with the push capability.",
    duoAdminApiDoc('§4.2 activation', 'create-activation-url')),
  admin.must('DUO.ADMIN.PHONE.SMS_ACTIVATION', 'phones',
    'send_sms_activation sends the activation link by SMS to the phone and answers activation_barcode and valid_secs.',
    duoAdminApiDoc('§4.2 send_sms_activation', 'send-activation-sms')),
  admin.must('DUO.ADMIN.TOKEN.CREATE', 'tokens',
    'An HOTP hardware token created with its secret and associated with a user is one of its devices and authenticates with its codes.',
    duoAdminApiDoc('§4.3 tokens', 'create-hardware-token')),
  admin.must('DUO.ADMIN.TOKEN.RESYNC', 'tokens',
    'A token whose counter ran ahead is refused until resynced with three consecutive codes, then accepted.',
    duoAdminApiDoc('§4.3 resync', 'resync-hardware-token')),
] as const;
