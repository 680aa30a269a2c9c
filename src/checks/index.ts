import type { Check } from "./context.js";
import { AUTH_CHECKS } from "./auth.js";
import { FK_CHECKS } from "./fk.js";
import { LANG_CHECKS } from "./lang.js";
import { MEDIA_CHECKS } from "./media.js";
import { SCHEMA_CHECKS } from "./schema.js";
import { SELECT_CHECKS } from "./select.js";
import { STATUS_CHECKS } from "./status.js";
import { TZ_CHECKS } from "./tz.js";

/** Every check by requirement id; the catalogue and this table name the same ids. */
export const CHECKS: Readonly<Record<string, Check>> = {
  ...STATUS_CHECKS, ...SCHEMA_CHECKS, ...SELECT_CHECKS, ...FK_CHECKS,
  ...MEDIA_CHECKS, ...LANG_CHECKS, ...TZ_CHECKS, ...AUTH_CHECKS,
};

export type { Check, CheckContext } from "./context.js";
export { REQUIREMENTS, findRequirement, requirementsOf, type Requirement } from "./requirements.js";
export { judgeOutcome, failingFindings, type Judgement } from "./verdict.js";
export { compareSelected, isTypeDefault, type SelectionIssue } from "./compare-selected.js";
export { diffExceptExtraFields, fkAdditions, FOREIGN_KEY_NAME } from "./fk.js";
export { sameInstants, parseDateTime, instantOf, isUnsetDate } from "./instants.js";
export { findUntranslated, untranslatedForm, type Untranslated } from "./untranslated.js";
export { findBadMasks } from "./rights.js";
export { findUndocumented } from "./undocumented.js";
export { diffValues, sameValue } from "./json-pointer.js";
