import type { Profile } from "../model/finding.js";

/** One way a body breaks its schema. */
export interface Violation {
  /** JSON pointer into the body, `""` for the root. */
  pointer: string;
  /** The offending value (truncated when large). */
  value: unknown;
  /** The JSON Schema keyword that failed (`type`, `enum`, `maximum`, `pattern`, `additionalProperties`, …). */
  keyword: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What the page allows here, e.g. `int32 (-2147483648..2147483647) or null`. */
  allowed: string;
  /** `warn` for unknown enum names and undocumented properties under the lenient profile. */
  severity: "fail" | "warn";
}

/** Compiled validators for every derived type. */
export interface BodyValidators {
  readonly types: readonly string[];
  validate(typeName: string, body: unknown, profile: Profile): Violation[];
}

/** Loads the compiled validators for the schemas in `schemas/`. */
export function loadValidators(_schemasDir?: string): BodyValidators {
  // TODO(not built yet): validators.
  throw new Error("loadValidators is not built yet");
}

/**
 * Reads a DataContract-style XML body through the schema of `typeName`: types come from the
 * schema, never from how text looks. Throws ConformanceError(ERR_CT_INPUT_MALFORMED) when the
 * XML is not well formed. Entities are never expanded.
 */
export function readXmlBody(_xml: string, _typeName: string): { root: string; value: unknown; problems: string[] } {
  // TODO(not built yet): XML reading.
  throw new Error("readXmlBody is not built yet");
}
