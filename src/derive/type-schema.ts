import type { ScalarName, TypeRef } from "../model/operation.js";
import { formatTypeRef } from "../markdown/type-ref.js";
import { DATE_TIME_PATTERN, INT32_RANGE } from "./date-time.js";

/** A JSON Schema object as this project writes it (keys in insertion order). */
export type JsonSchema = { [key: string]: unknown };

/** The file name of a type's schema, which is also how other schemas `$ref` it. */
export function schemaFileName(typeName: string): string {
  return `${typeName}.schema.json`;
}

/** What each scalar becomes on the wire, per the facts about real servers. */
const SCALAR_SCHEMAS: Readonly<Record<ScalarName, () => JsonSchema>> = {
  int32: () => ({ type: "integer", ...INT32_RANGE }),
  // Note: no bounds for int64: JSON parsers lose precision past 2^53 before a bound could help.
  int64: () => ({ type: "integer" }),
  double: () => ({ type: "number" }),
  bool: () => ({ type: "boolean" }),
  string: () => ({ type: "string" }),
  "date-time": () => ({ type: "string", pattern: DATE_TIME_PATTERN }),
};

type SchemaBuilders = {
  [K in TypeRef["kind"]]: (type: Extract<TypeRef, { kind: K }>) => JsonSchema;
};

/** Builds the schema of a type that never holds null: array items and the like. */
const VALUE_SCHEMAS: SchemaBuilders = {
  scalar: (type) => SCALAR_SCHEMAS[type.name](),
  enum: (type) => ({ type: "string", enum: [...type.values] }),
  ref: (type) => ({ $ref: schemaFileName(type.name) }),
  array: (type) => ({ type: "array", items: annotated(type.items, valueSchema(type.items)) }),
  // Note: a .NET dictionary may hold a null value under a key, so map values accept null.
  map: (type) => ({ type: "object", additionalProperties: nullableSchema(type.values) }),
  coarse: (type) => {
    throw new Error(`coarse type \`${type.name}\` reached derivation; the spec loader refines it`);
  },
};

/** The schema of a value of `type`, null not allowed. */
export function valueSchema(type: TypeRef): JsonSchema {
  const build = VALUE_SCHEMAS[type.kind] as (type: TypeRef) => JsonSchema;
  return build(type);
}

/**
 * The schema of a property of `type`, which also accepts null. Why every property does:
 * servers send absent relations, arrays and strings as null, and `$select` nulls every
 * property it does not name, value types (int, bool, date-time) included. Whether a value
 * may be null in a full answer is a separate requirement, judged by the checks, not here.
 */
export function nullableSchema(type: TypeRef): JsonSchema {
  const schema = valueSchema(type);
  if (type.kind === "ref") return annotated(type, { anyOf: [schema, { type: "null" }] });
  if (type.kind === "enum") {
    const values = [...(schema.enum as string[]), null];
    return annotated(type, { type: ["string", "null"], enum: values });
  }
  return annotated(type, { ...schema, type: [schema.type, "null"] });
}

/** Adds `x-so-type`, the type in the pages' grammar, which messages use to say what is allowed. */
function annotated(type: TypeRef, schema: JsonSchema): JsonSchema {
  return { "x-so-type": formatTypeRef(type), ...schema };
}
