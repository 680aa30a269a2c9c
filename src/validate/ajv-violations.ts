import type { ErrorObject } from "ajv/dist/2020.js";
import type { Profile } from "../model/finding.js";
import { allowedWords } from "./allowed-words.js";
import { severityOf, type Violation } from "./violation.js";

type SchemaNode = Record<string, unknown>;

/** Builds the message for one kept error; `value` is the offending value. */
type Describe = (error: ErrorObject, value: unknown) => string;

/** One sentence per keyword; other keywords fall back to ajv's own message. */
const MESSAGES: Readonly<Record<string, Describe>> = {
  type: (_error, value) => `${kindOf(value)} where the page documents another type`,
  minimum: (_error, value) => `${String(value)} is below the range of its type`,
  maximum: (_error, value) => `${String(value)} is above the range of its type`,
  pattern: (_error, value) => `${JSON.stringify(value)} is not a SuperOffice date-time`,
  enum: (_error, value) => `${JSON.stringify(value)} is not a value the page lists`,
  additionalProperties: (error) =>
    `\`${String(error.params.additionalProperty)}\` is not a documented property`,
};

/** The error of the `{ "type": "null" }` alternative of a nullable reference. */
function isNullBranch(error: ErrorObject): boolean {
  const parent = error.parentSchema as SchemaNode | undefined;
  return error.keyword === "type" && parent?.type === "null";
}

/**
 * Errors that only restate another: the null alternative, an `anyOf` whose object branch
 * reported what is wrong, and enum, pattern or range errors of a value of the wrong type.
 */
function isNoise(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (isNullBranch(error)) return true;
  const real = all.filter((other) => other !== error && !isNullBranch(other));
  if (error.keyword === "anyOf") {
    return real.some((other) => other.instancePath.startsWith(error.instancePath));
  }
  return (
    error.keyword !== "type" &&
    real.some((other) => other.keyword === "type" && other.instancePath === error.instancePath)
  );
}

/** Turns ajv's errors into violations in the page's words, one per problem. */
export function toViolations(errors: readonly ErrorObject[], profile: Profile): Violation[] {
  return errors
    .filter((error) => !isNoise(error, errors))
    .map((error) => toViolation(error, profile))
    .sort((a, b) => comparePointers(a.pointer, b.pointer) || a.keyword.localeCompare(b.keyword));
}

/** Document order is unknown here; pointers sort by segment so `/2` precedes `/10`. */
function comparePointers(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

function toViolation(error: ErrorObject, profile: Profile): Violation {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const extra =
    error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : undefined;
  const pointer =
    extra === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(extra)}`;
  const value = extra === undefined ? error.data : (error.data as Record<string, unknown>)[extra];
  const describe = MESSAGES[error.keyword];
  return {
    pointer,
    value: truncate(value),
    keyword: error.keyword,
    message: describe ? describe(error, value) : (error.message ?? error.keyword),
    allowed: allowedFor(error, parent, pointer),
    severity: severityOf(error.keyword, profile),
  };
}

function allowedFor(error: ErrorObject, parent: SchemaNode, pointer: string): string {
  if (error.keyword === "additionalProperties") {
    return `no property of this name is documented for ${String(parent.title)}`;
  }
  const typeText = parent["x-so-type"];
  if (typeof typeText === "string") {
    const types = Array.isArray(parent.type) ? parent.type : [];
    return allowedWords(typeText, types.includes("null"));
  }
  // The root of a type's own schema: the body itself, or an object nested under a property.
  if (typeof parent.title === "string") {
    return pointer === "" ? `a ${parent.title} object` : `a ${parent.title} object or null`;
  }
  return error.message ?? error.keyword;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(truncate(value))}`;
  return `the ${typeof value} ${String(value)}`;
}

/** Escapes a property name for a JSON pointer (RFC 6901). */
export function escapePointer(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

const MAX_VALUE_CHARS = 200;

function truncate(value: unknown): unknown {
  if (typeof value === "string") {
    return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  }
  if (typeof value === "object" && value !== null) {
    const text = stringifyBounded(value);
    if (text === undefined) return `${kindOf(value)} nested too deeply to show`;
    return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : value;
  }
  return value;
}

/** JSON text of a value, or undefined when it nests too deeply for the stack (a hostile body). */
function stringifyBounded(value: object): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
