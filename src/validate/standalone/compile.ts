import _standaloneCode from "ajv/dist/standalone/index.js";
import { createAjv, type ValidatorKind } from "../create-ajv.js";
import type { SchemaSet } from "./schema-set.js";

const standaloneCode = _standaloneCode.default;

/** The kinds of validators a generated module holds, each under its own export. */
export const GENERATED_KINDS: readonly ValidatorKind[] = ["detailed", "accept"];

/** CommonJS code exporting one validate function per type (by schema title) of one kind. */
function kindCode(set: SchemaSet, kind: ValidatorKind): string {
  const ajv = createAjv(kind, true);
  for (const document of set.documents) ajv.addSchema(document);
  const exportsByTitle = Object.fromEntries(set.documents.map((d) => [d.title, d.$id]));
  return standaloneCode(ajv, exportsByTitle);
}

/**
 * Generates a CommonJS module exporting, per kind (`detailed`, `accept`), an object of validate
 * functions by schema title, and `schemasHash`, so a loader can tell when the schemas changed
 * after generation. Each kind's code runs in its own function scope, as both name their
 * functions alike. The options come from `createAjv`, as for `compileSchemas`, so generated and
 * compiled validators report the same errors; a test compares them on good and broken bodies.
 */
export function generateStandaloneModule(set: SchemaSet): string {
  const kinds = GENERATED_KINDS.map(
    (kind) =>
      `exports[${JSON.stringify(kind)}] = (function (exports) {\n` +
      `${kindCode(set, kind)}\nreturn exports;\n})({});\n`,
  );
  return `"use strict";\n${kinds.join("")}exports.schemasHash = ${JSON.stringify(set.hash)};\n`;
}
