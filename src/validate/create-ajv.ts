import { createRequire } from "node:module";
import type { Ajv2020, Options } from "ajv/dist/2020.js";

/**
 * The two sets of validators built from the schemas: `detailed` collects every error with the
 * failing schema and value (the violation messages need both); `accept` only answers whether a
 * body is valid and stops at the first error, which is cheaper for the common, valid body.
 */
export type ValidatorKind = "detailed" | "accept";

/** Annotation keywords the derived schemas carry for messages; they assert nothing. */
const ANNOTATIONS = ["x-so-type", "x-so-place"];

/**
 * Options shared by both kinds. `allowUnionTypes` because every property is `[T, "null"]`.
 * `unicodeRegExp: false` because every `pattern` of the derived schemas is ASCII (a test keeps
 * it so), and a non-unicode RegExp is the simpler one for V8 to run.
 */
const SHARED: Options = { strict: true, allowUnionTypes: true, unicodeRegExp: false };

/** What each kind adds. Validity never depends on these, only what is reported. */
const BY_KIND: Readonly<Record<ValidatorKind, Options>> = {
  detailed: { allErrors: true, verbose: true },
  accept: { allErrors: false, verbose: false },
};

/**
 * Note: ajv (the compiler, ~50 modules) is loaded only when something is compiled; generated
 * standalone code needs none of it, so start-up and every worker thread skip it.
 */
function ajvClass(): typeof Ajv2020 {
  type AjvModule = typeof import("ajv/dist/2020.js");
  return (createRequire(import.meta.url)("ajv/dist/2020.js") as AjvModule).Ajv2020;
}

/**
 * A fresh ajv instance for one kind of validator, with the annotation vocabulary added; with
 * `source`, it keeps the generated code for standalone output. Every compile in the project
 * goes through here, so generated and compiled-at-start validators agree.
 */
export function createAjv(kind: ValidatorKind, source = false): Ajv2020 {
  const Ajv = ajvClass();
  const code = source ? { code: { source: true, esm: false } } : {};
  const ajv = new Ajv({ ...SHARED, ...BY_KIND[kind], ...code });
  ajv.addVocabulary(ANNOTATIONS);
  return ajv;
}
