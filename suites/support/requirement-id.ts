/** A requirement id of the catalog, e.g. `FACTORS.TOTP.ACTIVATE.GOOD_CODE`. */
export type RequirementId = string;
