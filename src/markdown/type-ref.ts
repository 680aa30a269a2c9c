import type { ScalarName, TypeRef } from "../model/operation.js";

/** The scalar names of the type grammar, in the order messages list them. */
export const SCALAR_NAMES: readonly ScalarName[] = [
  "int32",
  "int64",
  "double",
  "bool",
  "string",
  "date-time",
];

/** The grammar in one line, for messages that say what is allowed. */
export const TYPE_GRAMMAR = "int32, int64, double, bool, string, date-time, X[], map<X>, enum(…)";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a type text could not be read; the caller adds the place. */
export class TypeSyntaxError extends Error {}

/**
 * Parses a type cell: `int32`, `Associate`, `Person[]`, `map<FieldProperty>`, `enum(A, B)`.
 * `array` and `object` are accepted only when `allowCoarse` (the published page uses them).
 * Type names are not checked here: resolution knows every page.
 */
export function parseTypeRef(text: string, allowCoarse: boolean): TypeRef {
  const trimmed = text.trim();
  if (trimmed === "") throw new TypeSyntaxError("empty type");
  if (trimmed.endsWith("[]")) {
    return { kind: "array", items: parseTypeRef(trimmed.slice(0, -2), false) };
  }
  if (/^map\s*</.test(trimmed)) return { kind: "map", values: parseMap(trimmed) };
  if (/^enum\s*\(/.test(trimmed)) return { kind: "enum", values: parseEnumValues(trimmed) };
  if ((SCALAR_NAMES as readonly string[]).includes(trimmed)) {
    return { kind: "scalar", name: trimmed as ScalarName };
  }
  if (trimmed === "array" || trimmed === "object") {
    if (allowCoarse) return { kind: "coarse", name: trimmed };
    throw new TypeSyntaxError(`\`${trimmed}\` is too coarse here; write X[] or map<X>`);
  }
  if (!NAME.test(trimmed)) throw new TypeSyntaxError(`\`${trimmed}\` is not a type`);
  return { kind: "ref", name: trimmed };
}

function parseMap(text: string): TypeRef {
  const open = text.indexOf("<");
  if (!text.endsWith(">")) throw new TypeSyntaxError(`unbalanced \`map<\` in \`${text}\``);
  return parseTypeRef(text.slice(open + 1, -1), false);
}

function parseEnumValues(text: string): string[] {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (close !== text.length - 1 || text.indexOf("(", open + 1) !== -1) {
    throw new TypeSyntaxError(`unbalanced \`enum(\` in \`${text}\``);
  }
  const values = text.slice(open + 1, close).split(",").map((value) => value.trim());
  for (const value of values) {
    if (!NAME.test(value)) {
      throw new TypeSyntaxError(`enum value \`${value}\` in \`${text}\` is not a name`);
    }
  }
  const duplicate = values.find((value, index) => values.indexOf(value) !== index);
  if (duplicate !== undefined) {
    throw new TypeSyntaxError(`enum value \`${duplicate}\` appears twice in \`${text}\``);
  }
  return values;
}

/** Writes a TypeRef back in the grammar of the type pages. */
export function formatTypeRef(type: TypeRef): string {
  switch (type.kind) {
    case "scalar":
      return type.name;
    case "enum":
      return `enum(${type.values.join(", ")})`;
    case "ref":
      return type.name;
    case "array":
      return `${formatTypeRef(type.items)}[]`;
    case "map":
      return `map<${formatTypeRef(type.values)}>`;
    case "coarse":
      return type.name;
  }
}

/** Every type name a TypeRef mentions, nested ones included. */
export function referencedNames(type: TypeRef): string[] {
  if (type.kind === "ref") return [type.name];
  if (type.kind === "array") return referencedNames(type.items);
  if (type.kind === "map") return referencedNames(type.values);
  return [];
}
