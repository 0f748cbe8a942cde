import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { familyTitle, isRequirementId, requirement, REQUIREMENTS } from '../../requirements/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the requirement catalog', () => {
  test('ids are unique', () => {
    const ids = REQUIREMENTS.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test("each requirement's suite folder exists and holds suite files", () => {
    for (const folder of new Set(REQUIREMENTS.map((r) => r.suite))) {
      expect(readdirSync(`${ROOT}${folder}`).filter((name) => name.endsWith('.test.ts')), folder).not.toEqual([]);
    }
  });

  test('looks requirements up by id, and refuses ids it does not hold', () => {
    expect(requirement('FACTORS.TOTP.VERIFY.BAD_CODE')).toMatchObject({
      level: 'MUST',
      family: 'okta-factors',
      feature: 'token:software:totp',
      story: 'verify',
      suite: 'suites/okta-factors/totp',
    });
    expect(familyTitle(requirement('AUTHN.CANCEL').family)).toBe('Okta Authentication API');
    expect(isRequirementId('FACTORS.TOTP.VERIFY.BAD_CODE')).toBe(true);
    expect(isRequirementId('FACTORS.TOTP.VERIFY.NONESUCH')).toBe(false);
  });
});
