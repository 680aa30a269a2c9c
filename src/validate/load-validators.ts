import { debuglog } from "node:util";
import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import { toViolations } from "./ajv-violations.js";
import { type CompiledSchemas, type SchemaDocument } from "./compile-schemas.js";
import { loadCompiledSchemas } from "./standalone/load.js";
import { readSchemaSet, schemasDirOf } from "./standalone/schema-set.js";
import type { Violation } from "./violation.js";

const log = debuglog("ct:validate");

/** Compiled validators for every derived type. */
export interface BodyValidators {
  readonly types: readonly string[];
  validate(typeName: string, body: unknown, profile: Profile): Violation[];
}

/** The checkout's `schemas/` folder. */
export function defaultSchemasDir(): string {
  return schemasDirOf();
}

/** Reads every `*.schema.json` in `dir`. */
export function readSchemaDocuments(dir: string = defaultSchemasDir()): SchemaDocument[] {
  return readSchemaSet(dir).documents;
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
