import type { OpenAPIV2, OpenAPIV3 } from "openapi-types";
import type { TypeRef } from "../model/operation.js";
import { parseTypeRef } from "../markdown/type-ref.js";
import type { DerivedSchema } from "./derive-schemas.js";

type Node = Record<string, unknown>;

/** An official description of the operation: an OpenAPI 3 or a Swagger 2 document. */
export type OfficialDocument = OpenAPIV3.Document | OpenAPIV2.Document;

/** The component schemas of an OpenAPI 3 file or the definitions of a Swagger 2 file. */
export function officialSchemas(document: OfficialDocument): Record<string, Node> {
  const components = "components" in document
    ? document.components?.schemas
    : (document as OpenAPIV2.Document).definitions;
  const byShortName: Record<string, Node> = {};
  for (const [name, schema] of Object.entries(components ?? {})) {
    byShortName[shortName(name)] = schema as Node;
  }
  return byShortName;
}

/**
 * Compares the derived schemas with an official OpenAPI or Swagger file, type by type and
 * property by property (type, format, enum values, item and value types, references).
 * Note: a derived date-time carries a `pattern` where the official file says
 * `format: date-time`; both describe SuperOffice's date-time, so they compare as equal here.
 * Every property of ours also accepts null, which the official file does not declare; that
 * is by design (see type-schema.ts) and is not listed.
 */
export function compareWithOfficial(
  derived: readonly DerivedSchema[],
  document: OfficialDocument,
): string[] {
  const official = officialSchemas(document);
  const ours = new Map(derived.map((schema) => [schema.typeName, schema.schema]));
  const differences: string[] = [];
  for (const name of [...new Set([...ours.keys(), ...Object.keys(official)])].sort()) {
    const mine = ours.get(name);
    const theirs = official[name];
    if (!mine) differences.push(`${name}: declared officially, not derived`);
    else if (!theirs) differences.push(`${name}: derived, not declared officially`);
    else differences.push(...compareProperties(name, mine, theirs));
  }
  return differences;
}

function compareProperties(typeName: string, mine: Node, theirs: Node): string[] {
  const ourProperties = (mine.properties ?? {}) as Record<string, Node>;
  const theirProperties = (theirs.properties ?? {}) as Record<string, Node>;
  const names = [...new Set([...Object.keys(ourProperties), ...Object.keys(theirProperties)])];
  return names.flatMap((property) => {
    const ours = ourProperties[property];
    const official = theirProperties[property];
    if (!ours) return [`${typeName}.${property}: declared officially, not derived`];
    if (!official) return [`${typeName}.${property}: derived, not declared officially`];
    const a = describeOurs(parseTypeRef(String(ours["x-so-type"]), false));
    const b = describeOfficial(official);
    return a === b ? [] : [`${typeName}.${property}: derived \`${a}\`, official \`${b}\``];
  });
}

/** Describes one of our types in the words `describeOfficial` uses. */
function describeOurs(type: TypeRef): string {
  const scalars: Record<string, string> = {
    int32: "integer/int32",
    int64: "integer/int64",
    double: "number/double",
    bool: "boolean",
    string: "string",
    "date-time": "string/date-time",
  };
  if (type.kind === "scalar") return scalars[type.name] ?? type.name;
  if (type.kind === "enum") return `enum(${type.values.join(", ")})`;
  if (type.kind === "ref") return `ref ${type.name}`;
  if (type.kind === "array") return `array of ${describeOurs(type.items)}`;
  if (type.kind === "map") return `map of ${describeOurs(type.values)}`;
  return type.name;
}

function describeOfficial(schema: Node): string {
  if (typeof schema.$ref === "string") return `ref ${shortName(schema.$ref)}`;
  if (Array.isArray(schema.enum)) return `enum(${schema.enum.join(", ")})`;
  if (schema.type === "array") return `array of ${describeOfficial(schema.items as Node)}`;
  if (schema.type === "object" && typeof schema.additionalProperties === "object") {
    return `map of ${describeOfficial(schema.additionalProperties as Node)}`;
  }
  return schema.format ? `${String(schema.type)}/${String(schema.format)}` : String(schema.type);
}

function shortName(name: string): string {
  return name.split(/[./]/).at(-1) ?? name;
}
