import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { debuglog } from "node:util";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { ConformanceError } from "../../model/errors.js";
import type { Profile } from "../../model/finding.js";
import type { BodyValidators, Violation } from "../index.js";
import { compileSchemaSet, type ValidateFunctions } from "./compile.js";
import { defaultSchemasDir, findCheckoutRoot, readSchemaSet } from "./schema-set.js";
import { toViolations } from "./violations.js";

const log = debuglog("ct:validate");

/** Where `scripts/build-validators.ts` writes the generated validators. */
export function defaultGeneratedPath(): string {
  return join(findCheckoutRoot(), "dist", "validators", "validators.cjs");
}

/** How the validators were obtained: generated ahead of time, or compiled at start. */
export type ValidatorSource = "standalone" | "compiled";

/** Validate functions by type name, and where they came from. */
export interface LoadedFunctions {
  functions: ValidateFunctions;
  source: ValidatorSource;
  /** Why the generated code was not used, when it was not. */
  fallbackReason?: string;
}

/** Reads the generated module when it exists and was generated from exactly these schemas. */
function loadGenerated(path: string, hash: string): ValidateFunctions | string {
  if (!existsSync(path)) return `no generated validators at ${path}`;
  const module = createRequire(import.meta.url)(path) as Record<string, unknown>;
  if (module.schemasHash !== hash) return `generated validators at ${path} are stale`;
  const functions: ValidateFunctions = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "function") functions[name] = value as ValidateFunction;
  }
  return functions;
}

/**
 * Loads validate functions for the schemas in `schemasDir`: the generated standalone code when
 * it matches the schemas' hash, else compiles them now (slower start, same results).
 */
export function loadValidateFunctions(
  schemasDir: string = defaultSchemasDir(),
  generatedPath: string = defaultGeneratedPath(),
): LoadedFunctions {
  const set = readSchemaSet(schemasDir);
  const generated = loadGenerated(generatedPath, set.hash);
  if (typeof generated !== "string") {
    log("standalone validators from %s", generatedPath);
    return { functions: generated, source: "standalone" };
  }
  log("compiling validators at start: %s", generated);
  return { functions: compileSchemaSet(set), source: "compiled", fallbackReason: generated };
}

/** Wraps validate functions as BodyValidators with the shared violation mapping. */
export function toBodyValidators(functions: ValidateFunctions): BodyValidators {
  const types = Object.keys(functions).sort();
  return {
    types,
    validate(typeName: string, body: unknown, profile: Profile): Violation[] {
      const validate = functions[typeName];
      if (!validate) {
        throw new ConformanceError(
          "ERR_CT_USAGE",
          `unknown body type \`${typeName}\`: the schemas define ${types.join(", ")}`,
        );
      }
      return validate(body) ? [] : toViolations(validate.errors ?? [], profile);
    },
  };
}

/** BodyValidators for `schemasDir`, standalone when possible. */
export function createBodyValidators(schemasDir?: string, generatedPath?: string): BodyValidators {
  return toBodyValidators(loadValidateFunctions(schemasDir, generatedPath).functions);
}
