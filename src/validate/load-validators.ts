import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { debuglog } from "node:util";
import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import { findRepoRoot } from "../markdown/repo-root.js";
import { toViolations } from "./ajv-violations.js";
import { type CompiledSchemas, type SchemaDocument } from "./compile-schemas.js";
import { loadCompiledSchemas } from "./standalone/load.js";
import type { Violation } from "./violation.js";

const log = debuglog("ct:validate");

/** Compiled validators for every derived type. */
export interface BodyValidators {
  readonly types: readonly string[];
  validate(typeName: string, body: unknown, profile: Profile): Violation[];
}

/** The checkout's `schemas/` folder. */
export function defaultSchemasDir(): string {
  return join(findRepoRoot(), "schemas");
}

/** Reads every `*.schema.json` in `dir`. */
export function readSchemaDocuments(dir: string = defaultSchemasDir()): SchemaDocument[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".schema.json")).sort();
  } catch (error) {
    const message = `${dir}: cannot read the schemas folder`;
    throw new ConformanceError("ERR_CT_USAGE", message, { cause: error });
  }
  return names.map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as SchemaDocument);
}

/** Loads the compiled validators for the schemas in `schemas/`. */
export function loadValidators(schemasDir: string = defaultSchemasDir()): BodyValidators {
  return validatorsFrom(loadCompiledSchemas(schemasDir));
}

/** Wraps compiled schemas as BodyValidators. */
export function validatorsFrom(compiled: CompiledSchemas): BodyValidators {
  log("compiled %d types", compiled.types.length);
  return {
    types: compiled.types,
    validate(typeName, body, profile) {
      const validator = compiled.validatorFor(typeName);
      if (!validator) {
        throw new ConformanceError(
          "ERR_CT_USAGE",
          `unknown type \`${typeName}\` (known types: ${compiled.types.join(", ")})`,
        );
      }
      // Valid bodies are the common case: the acceptor settles them without collecting errors.
      if (compiled.acceptorFor?.(typeName)?.(body)) return [];
      return validator(body) ? [] : toViolations(validator.errors ?? [], profile);
    },
  };
}
