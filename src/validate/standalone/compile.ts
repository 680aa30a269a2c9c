import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import _standaloneCode from "ajv/dist/standalone/index.js";
import type { SchemaSet } from "./schema-set.js";

const standaloneCode = _standaloneCode.default;

/** A compiled validator per type name. */
export type ValidateFunctions = Record<string, ValidateFunction>;

/**
 * The one ajv configuration both paths share, so standalone and compiled validators report
 * the same errors. Note: `verbose` keeps the failing schema and value on each error, which the
 * violation mapping reads; date-times are `pattern`s, so no format runtime is needed.
 */
function createAjv(source: boolean): Ajv2020 {
  return new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: false,
    validateFormats: false,
    code: { source, esm: false },
  });
}

/** Adds every schema under its `$id`, or its file name, so `$ref`s by file name resolve. */
function addSchemas(ajv: Ajv2020, set: SchemaSet): void {
  for (const { file, schema } of set.files) {
    ajv.addSchema(schema, typeof schema.$id === "string" ? undefined : file);
  }
}

/** The key ajv knows a schema file by. */
function keyOf(file: string, schema: Record<string, unknown>): string {
  return typeof schema.$id === "string" ? schema.$id : file;
}

/** Compiles every schema of the set now (the slow path, used when no generated code fits). */
export function compileSchemaSet(set: SchemaSet): ValidateFunctions {
  const ajv = createAjv(false);
  addSchemas(ajv, set);
  const functions: ValidateFunctions = {};
  for (const { file, typeName, schema } of set.files) {
    functions[typeName] = ajv.getSchema(keyOf(file, schema)) as ValidateFunction;
  }
  return functions;
}

/**
 * Generates a CommonJS module exporting one validate function per type, plus `schemasHash`,
 * so a loader can tell when the schemas changed after the code was generated.
 */
export function generateStandaloneModule(set: SchemaSet): string {
  const ajv = createAjv(true);
  addSchemas(ajv, set);
  const exportsByName: Record<string, string> = {};
  for (const { file, typeName, schema } of set.files) exportsByName[typeName] = keyOf(file, schema);
  const code = standaloneCode(ajv, exportsByName);
  return `${code}\nexports.schemasHash = ${JSON.stringify(set.hash)};\n`;
}
