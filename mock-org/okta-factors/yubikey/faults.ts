import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of YubiKey (token:hardware) factors and the org YubiKey token API. */
export const YUBIKEY_FAULTS = [
  {
    id: 'yubikey.serial-not-padded',
    description: 'YubiKey token serials are returned as uploaded instead of zero-padded to 12 digits',
    breaks: ['FACTORS.YUBIKEY.TOKEN.UPLOAD', 'FACTORS.YUBIKEY.ENROLL.ACTIVE'],
  },
  {
    id: 'yubikey.secrets-echoed',
    description: 'the YubiKey token upload response returns the privateId and aesKey',
    breaks: ['FACTORS.YUBIKEY.TOKEN.UPLOAD'],
  },
  {
    id: 'yubikey.upload-unvalidated',
    description: 'a YubiKey upload with a non-hex aesKey or a non-modhex publicId is accepted',
    breaks: ['FACTORS.YUBIKEY.TOKEN.UPLOAD_INVALID'],
  },
  {
    id: 'yubikey.duplicate-serial-accepted',
    description: 'a second YubiKey upload with the same serial is accepted',
    breaks: ['FACTORS.YUBIKEY.TOKEN.UPLOAD_DUPLICATE'],
  },
  {
    id: 'yubikey.get-unknown-wrong-error',
    description: 'an unknown YubiKey token id is answered 400 E0000001 instead of 404 E0000007',
    breaks: ['FACTORS.YUBIKEY.TOKEN.GET_UNKNOWN'],
  },
  {
    id: 'yubikey.list-filter-ignored',
    description: 'the YubiKey token list ignores `filter`',
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_FILTER'],
  },
  {
    id: 'yubikey.bad-filter-ignored',
    description: 'an unsupported YubiKey token filter lists every token instead of a 400',
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_BAD_FILTER'],
  },
  {
    id: 'yubikey.list-limit-ignored',
    description: 'the YubiKey token list ignores `limit` and returns every token without a next link',
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_PAGINATION'],
  },
  {
    id: 'yubikey.cursor-repeats',
    description: "the YubiKey token list's next page starts again with the previous page's last token",
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_PAGINATION'],
  },
  {
    id: 'yubikey.list-sort-ignored',
    description: 'the YubiKey token list ignores sortBy and sortOrder',
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_SORT'],
  },
  {
    id: 'yubikey.expand-user-ignored',
    description: 'expand=user embeds no user in assigned YubiKey tokens',
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_EXPAND_USER'],
  },
  {
    id: 'yubikey.csv-leaks-secrets',
    description: "the YubiKey token CSV download holds the tokens' AES keys and private ids",
    breaks: ['FACTORS.YUBIKEY.TOKEN.LIST_CSV'],
  },
  {
    id: 'yubikey.credential-id-not-serial',
    description: "a YubiKey factor's credentialId is the token's public id instead of its serial",
    breaks: ['FACTORS.YUBIKEY.ENROLL.ACTIVE'],
  },
  {
    id: 'yubikey.token-status-not-updated',
    description: 'a YubiKey token stays UNASSIGNED (no user or deactivate link) after a user enrolls it',
    breaks: ['FACTORS.YUBIKEY.ENROLL.TOKEN_ASSIGNED'],
  },
  {
    id: 'yubikey.crc-not-checked',
    description: 'a YubiKey OTP with a bad CRC is accepted',
    breaks: ['FACTORS.YUBIKEY.ENROLL.BAD_OTP', 'FACTORS.YUBIKEY.VERIFY.BAD_CRC'],
  },
  {
    id: 'yubikey.session-counter-ignored',
    description: 'only the usage counter is compared, so a second OTP of the same session is refused as a replay',
    breaks: ['FACTORS.YUBIKEY.VERIFY.GOOD_OTP'],
  },
  {
    id: 'yubikey.allow-replay',
    description: 'the same YubiKey OTP verifies twice',
    breaks: ['FACTORS.YUBIKEY.VERIFY.REPLAY'],
  },
  {
    id: 'yubikey.counter-not-checked',
    description: 'YubiKey OTP counters are not compared: only the very last OTP is refused again',
    breaks: ['FACTORS.YUBIKEY.VERIFY.OLD_COUNTER'],
  },
  {
    id: 'yubikey.token-not-bound',
    description: 'a YubiKey factor accepts an OTP of any uploaded token, not only its own',
    breaks: ['FACTORS.YUBIKEY.VERIFY.OTHER_TOKEN'],
  },
  {
    id: 'yubikey.private-id-not-checked',
    description: 'a YubiKey OTP is accepted whatever private id it decrypts to',
    breaks: ['FACTORS.YUBIKEY.VERIFY.PRIVATE_ID'],
  },
  {
    id: 'yubikey.token-shared',
    description: 'a YubiKey already assigned to one user can be enrolled by another',
    breaks: ['FACTORS.YUBIKEY.ENROLL.OTHER_USER'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
