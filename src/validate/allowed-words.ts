import type { ScalarName, TypeRef } from "../model/operation.js";
import { DATE_TIME_WORDS, INT32_RANGE } from "../derive/date-time.js";
import { parseTypeRef } from "../markdown/type-ref.js";

/** How each scalar is named to a reader. */
const SCALAR_WORDS: Readonly<Record<ScalarName, string>> = {
  int32: `int32 (${INT32_RANGE.minimum}..${INT32_RANGE.maximum})`,
  int64: "int64 (a whole number)",
  double: "double (a number)",
  bool: "bool (true or false)",
  string: "string",
  "date-time": DATE_TIME_WORDS,
};

/** Words for a type, without the null alternative. */
const KIND_WORDS: { [K in TypeRef["kind"]]: (type: Extract<TypeRef, { kind: K }>) => string } = {
  scalar: (type) => SCALAR_WORDS[type.name],
  enum: (type) => `one of: ${type.values.join(", ")}`,
  ref: (type) => `a ${type.name} object`,
  array: (type) => `an array of ${typeWords(type.items)}`,
  map: (type) => `an object whose values are ${typeWords(type.values)}`,
  coarse: (type) => type.name,
};

/** Kinds whose words already say enough without "or null" (the page's own phrasing). */
const WITHOUT_NULL_WORDS = new Set(["enum", "date-time"]);

/** Says in the page's words what a value of `typeText` may be. */
export function allowedWords(typeText: string, nullable: boolean): string {
  const type = parseTypeRef(typeText, true);
  const words = typeWords(type);
  const key = type.kind === "scalar" ? type.name : type.kind;
  return nullable && !WITHOUT_NULL_WORDS.has(key) ? `${words} or null` : words;
}

function typeWords(type: TypeRef): string {
  const build = KIND_WORDS[type.kind] as (type: TypeRef) => string;
  return build(type);
}
