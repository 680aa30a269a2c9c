import { Ajv2020 } from "ajv/dist/2020.js";
import _standaloneCode from "ajv/dist/standalone/index.js";
import type { SchemaSet } from "./schema-set.js";

const standaloneCode = _standaloneCode.default;

/** Annotation keywords the derived schemas carry for messages; they assert nothing. */
const ANNOTATIONS = ["x-so-type", "x-so-place"];

/**
 * Generates a CommonJS module exporting one validate function per type (by schema title) and
 * `schemasHash`, so a loader can tell when the schemas changed after generation.
 * Note: the options match `compileSchemas` in `../compile-schemas.ts`, so generated and
 * compiled validators report the same errors; a test compares them on good and broken bodies.
 */
export function generateStandaloneModule(set: SchemaSet): string {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    code: { source: true, esm: false },
  });
  ajv.addVocabulary(ANNOTATIONS);
  for (const document of set.documents) ajv.addSchema(document);
  const exportsByTitle = Object.fromEntries(set.documents.map((d) => [d.title, d.$id]));
  const code = standaloneCode(ajv, exportsByTitle);
  return `${code}\nexports.schemasHash = ${JSON.stringify(set.hash)};\n`;
}
