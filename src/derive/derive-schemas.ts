import type { Operation, Place, TypeModel } from "../model/operation.js";
import { nullableSchema, schemaFileName, type JsonSchema } from "./type-schema.js";

/** Where every derived schema claims to live; `$ref`s resolve against it by file name. */
export const SCHEMA_BASE_URI = "https://so-webapi-conformance.example/schemas/";

/** One derived schema file: its name, the schema, and the exact text written to disk. */
export interface DerivedSchema {
  file: string;
  typeName: string;
  schema: JsonSchema;
  text: string;
}

/** Derives one JSON Schema 2020-12 per type of the operation, sorted by file name. */
export function deriveSchemas(operation: Operation): DerivedSchema[] {
  return Object.values(operation.types)
    .map((type) => {
      const schema = schemaForType(type);
      const file = schemaFileName(type.name);
      return { file, typeName: type.name, schema, text: `${JSON.stringify(schema, null, 2)}\n` };
    })
    .sort((a, b) => a.file.localeCompare(b.file, "en"));
}

/** The schema of one type: an object with its documented properties and no others. */
export function schemaForType(type: TypeModel): JsonSchema {
  const properties: JsonSchema = {};
  for (const property of type.properties) {
    properties[property.name] = {
      ...nullableSchema(property.type),
      ...(property.description ? { description: property.description } : {}),
      "x-so-place": formatLine(property.place),
    };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${SCHEMA_BASE_URI}${schemaFileName(type.name)}`,
    title: type.name,
    ...(type.description ? { description: type.description } : {}),
    "x-so-place": formatLine(type.place),
    type: "object",
    properties,
    // Note: undocumented properties are reported (a warning under the lenient profile).
    additionalProperties: false,
  };
}

function formatLine(place: Place): string {
  return `${place.file}:${place.line}`;
}
