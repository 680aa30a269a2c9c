import type { ErrorObject } from "ajv/dist/2020.js";
import type { Profile } from "../../model/finding.js";
import type { Violation } from "../index.js";

/** Keywords that only warn under the lenient profile: unknown enum names, undocumented fields. */
const LENIENT_WARNINGS = new Set(["enum", "additionalProperties"]);

const INT32 = { min: -2147483648, max: 2147483647 };
const LONGEST_VALUE = 120;

type Schema = Record<string, unknown>;

/** Escapes one JSON pointer segment. */
function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Keeps reported values short: long strings and large objects are cut. */
export function truncateValue(value: unknown): unknown {
  if (typeof value === "string") {
    return value.length > LONGEST_VALUE ? `${value.slice(0, LONGEST_VALUE)}…` : value;
  }
  if (value !== null && typeof value === "object") {
    const text = JSON.stringify(value);
    return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE)}…` : value;
  }
  return value;
}

/** Describes the types a schema allows, e.g. `int32 (-2147483648..2147483647) or null`. */
function describeTypes(schema: Schema): string {
  const types = ([] as unknown[]).concat(schema.type ?? []).map(String);
  const int32 = schema.minimum === INT32.min && schema.maximum === INT32.max;
  const names = types.map((type) => {
    if (type === "integer" && int32) return `int32 (${INT32.min}..${INT32.max})`;
    if (type === "string" && typeof schema.pattern === "string") return `string matching ${schema.pattern}`;
    return type;
  });
  return names.join(" or ");
}

/** What the schema at the failing keyword allows, in words. */
export function describeAllowed(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as Schema;
  if (error.keyword === "enum" && Array.isArray(schema.enum)) {
    return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "additionalProperties") {
    const known = Object.keys((schema.properties ?? {}) as Schema);
    return known.length > 0 ? `only the documented properties (${known.length})` : "no properties";
  }
  if (error.keyword === "required") return "the property to be present";
  const types = describeTypes(schema);
  if (types) return types;
  if (typeof schema.pattern === "string") return `a string matching ${schema.pattern}`;
  return JSON.stringify(error.schema);
}

/** One sentence per keyword; ajv's own message otherwise. */
const MESSAGES: Record<string, (where: string, error: ErrorObject) => string> = {
  type: (where) => `${where} has the wrong type`,
  enum: (where) => `${where} is not a documented enum value`,
  maximum: (where, e) => `${where} is above the maximum ${String(e.params.limit)}`,
  minimum: (where, e) => `${where} is below the minimum ${String(e.params.limit)}`,
  pattern: (where) => `${where} does not match the documented format`,
  additionalProperties: (where) => `${where} is not a documented property`,
  required: (where) => `${where} is missing`,
};

/** Where an error points, and the value there. */
function locate(error: ErrorObject): { pointer: string; value: unknown } {
  const property = error.params.additionalProperty ?? error.params.missingProperty;
  if (typeof property === "string") {
    const parent = (error.data ?? {}) as Record<string, unknown>;
    return { pointer: `${error.instancePath}/${escapeSegment(property)}`, value: parent[property] };
  }
  return { pointer: error.instancePath, value: error.data };
}

/**
 * Maps ajv errors (from a `verbose` validator) to violations. Under `lenient`, `enum` and
 * `additionalProperties` are warnings; everything else fails under both profiles.
 */
export function toViolations(errors: readonly ErrorObject[], profile: Profile): Violation[] {
  return errors.map((error) => {
    const { pointer, value } = locate(error);
    const where = `\`${pointer || "/"}\``;
    const describe = MESSAGES[error.keyword];
    return {
      pointer,
      value: truncateValue(value),
      keyword: error.keyword,
      message: describe ? describe(where, error) : `${where} ${error.message ?? "is invalid"}`,
      allowed: describeAllowed(error),
      severity: profile === "lenient" && LENIENT_WARNINGS.has(error.keyword) ? "warn" : "fail",
    };
  });
}
