import type { Profile } from "../model/finding.js";

/** One way a body breaks its schema. */
export interface Violation {
  /** JSON pointer into the body, `""` for the root. */
  pointer: string;
  /** The offending value (truncated when large). */
  value: unknown;
  /** The JSON Schema keyword that failed (`type`, `enum`, `maximum`, `pattern`, …). */
  keyword: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What the page allows here, e.g. `int32 (-2147483648..2147483647) or null`. */
  allowed: string;
  /** `warn` for unknown enum names and undocumented properties under the lenient profile. */
  severity: "fail" | "warn";
}

/** Keywords whose violations only warn under the lenient profile: the contract grows. */
const LENIENT_KEYWORDS = new Set(["enum", "additionalProperties"]);

/** The severity of a violated keyword under a profile. */
export function severityOf(keyword: string, profile: Profile): Violation["severity"] {
  return profile === "lenient" && LENIENT_KEYWORDS.has(keyword) ? "warn" : "fail";
}
