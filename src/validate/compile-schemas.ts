import { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject } from "ajv/dist/2020.js";

/** A compiled validator as ajv (or its standalone output) produces it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The compiled form of the schemas, by type name. Note: this seam lets the runtime ajv compile
 * be replaced by standalone code generated at build time without touching the callers.
 */
export interface CompiledSchemas {
  readonly types: readonly string[];
  validatorFor(typeName: string): CompiledValidator | undefined;
  /** The schema a type was compiled from, for reading XML through it. */
  schemaFor(typeName: string): SchemaDocument | undefined;
}

/** A derived schema document: an object with a title and properties. */
export interface SchemaDocument {
  $id: string;
  title: string;
  properties: Record<string, { "x-so-type"?: string } & Record<string, unknown>>;
  [key: string]: unknown;
}

/** Annotation keywords the derived schemas carry for messages; they assert nothing. */
const ANNOTATIONS = ["x-so-type", "x-so-place"];

/**
 * Compiles every schema with ajv in strict mode. `allowUnionTypes` because every property is
 * `[T, "null"]`; `verbose` so that errors carry the schema, whose annotations say what is allowed.
 */
export function compileSchemas(documents: readonly SchemaDocument[]): CompiledSchemas {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary(ANNOTATIONS);
  for (const document of documents) ajv.addSchema(document);
  const byType = new Map(documents.map((document) => [document.title, document]));
  const compiled = new Map<string, CompiledValidator>();
  for (const [title, document] of byType) {
    compiled.set(title, ajv.getSchema(document.$id) as CompiledValidator);
  }
  return {
    types: [...byType.keys()].sort(),
    validatorFor: (typeName) => compiled.get(typeName),
    schemaFor: (typeName) => byType.get(typeName),
  };
}
