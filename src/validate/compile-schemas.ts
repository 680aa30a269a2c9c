import type { ErrorObject } from "ajv/dist/2020.js";
import { createAjv } from "./create-ajv.js";

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
  /**
   * A cheaper validator that only says whether a body is valid (no errors kept). Bodies it
   * accepts are exactly those `validatorFor` accepts; when it rejects, the detailed one decides.
   */
  acceptorFor?(typeName: string): CompiledValidator | undefined;
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

/**
 * Compiles every schema with ajv at start (see `createAjv` for the options): the detailed
 * validators only. Note: no acceptor is compiled here, as compiling twice would double this
 * slower start, and the generated standalone code carries both kinds anyway.
 */
export function compileSchemas(documents: readonly SchemaDocument[]): CompiledSchemas {
  const ajv = createAjv("detailed");
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
