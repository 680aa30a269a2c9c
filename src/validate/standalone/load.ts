import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { debuglog } from "node:util";
import { findRepoRoot } from "../../markdown/repo-root.js";
import { compileSchemas } from "../compile-schemas.js";
import type { CompiledSchemas, CompiledValidator } from "../compile-schemas.js";
import type { ValidatorKind } from "../create-ajv.js";
import { readSchemaSet, schemasDirOf, type SchemaSet } from "./schema-set.js";

const log = debuglog("ct:validate");

/** Where `scripts/build-validators.ts` writes the generated validators. */
export function defaultGeneratedPath(): string {
  return join(findRepoRoot(), "dist", "validators", "validators.cjs");
}

/** Compiled schemas, and whether they came from generated code or were compiled at start. */
export interface LoadedSchemas extends CompiledSchemas {
  readonly source: "standalone" | "compiled";
  /** Why the generated code was not used, when it was not. */
  readonly fallbackReason?: string;
}

/** Validate functions by type name, per kind. */
type GeneratedValidators = Record<ValidatorKind, Map<string, CompiledValidator>>;

/** One kind's validate functions from the module, or why they are missing. */
function kindFunctions(
  exported: unknown,
  set: SchemaSet,
  kind: ValidatorKind,
): Map<string, CompiledValidator> | string {
  const functions = new Map<string, CompiledValidator>();
  const byTitle = (exported ?? {}) as Record<string, unknown>;
  for (const { title } of set.documents) {
    const validate = byTitle[title];
    if (typeof validate !== "function") return `generated validators lack ${kind} \`${title}\``;
    functions.set(title, validate as CompiledValidator);
  }
  return functions;
}

/** The generated module's validate functions when it exists and matches the schemas' hash. */
function loadGenerated(path: string, set: SchemaSet): GeneratedValidators | string {
  if (!existsSync(path)) return `no generated validators at ${path}`;
  const module = createRequire(import.meta.url)(path) as Record<string, unknown>;
  if (module.schemasHash !== set.hash) return `generated validators at ${path} are stale`;
  const detailed = kindFunctions(module.detailed, set, "detailed");
  if (typeof detailed === "string") return detailed;
  const accept = kindFunctions(module.accept, set, "accept");
  if (typeof accept === "string") return accept;
  return { detailed, accept };
}

/**
 * Compiled schemas for `schemasDir`: the generated standalone code when its embedded hash
 * matches the schemas, else compiled now with ajv (a slower start, the same results).
 */
export function loadCompiledSchemas(
  schemasDir: string = schemasDirOf(),
  generatedPath: string = defaultGeneratedPath(),
): LoadedSchemas {
  const set = readSchemaSet(schemasDir);
  const generated = loadGenerated(generatedPath, set);
  if (typeof generated === "string") {
    log("compiling validators at start: %s", generated);
    return { ...compileSchemas(set.documents), source: "compiled", fallbackReason: generated };
  }
  log("standalone validators from %s", generatedPath);
  const byTitle = new Map(set.documents.map((document) => [document.title, document]));
  return {
    source: "standalone",
    types: [...byTitle.keys()].sort(),
    validatorFor: (typeName) => generated.detailed.get(typeName),
    acceptorFor: (typeName) => generated.accept.get(typeName),
    schemaFor: (typeName) => byTitle.get(typeName),
  };
}
