import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { debuglog } from "node:util";
import type { DerivedSchema } from "./derive-schemas.js";

const log = debuglog("ct:derive");

/** How the schemas on disk differ from a fresh derivation, by file name. */
export interface SchemaDrift {
  /** Present on disk with other content. */
  drifted: string[];
  /** Derived but not on disk. */
  missing: string[];
  /** `*.schema.json` on disk that nothing derives. */
  extra: string[];
}

/** Writes every derived schema into `dir` and removes schema files nothing derives any more. */
export function writeSchemas(dir: string, derived: readonly DerivedSchema[]): SchemaDrift {
  const drift = compareSchemas(dir, derived);
  mkdirSync(dir, { recursive: true });
  for (const schema of derived) writeFileSync(join(dir, schema.file), schema.text);
  for (const file of drift.extra) rmSync(join(dir, file));
  log("wrote %d schemas to %s, removed %d", derived.length, dir, drift.extra.length);
  return drift;
}

/** Compares the schema files in `dir` with a fresh derivation, byte for byte. */
export function compareSchemas(dir: string, derived: readonly DerivedSchema[]): SchemaDrift {
  const onDisk = listSchemaFiles(dir);
  const expected = new Set(derived.map((schema) => schema.file));
  const drift: SchemaDrift = { drifted: [], missing: [], extra: [] };
  for (const schema of derived) {
    if (!onDisk.includes(schema.file)) drift.missing.push(schema.file);
    else if (readFileSync(join(dir, schema.file), "utf8") !== schema.text) {
      drift.drifted.push(schema.file);
    }
  }
  drift.extra = onDisk.filter((file) => !expected.has(file));
  return drift;
}

/** Whether a drift report found nothing. */
export function isInSync(drift: SchemaDrift): boolean {
  return drift.drifted.length + drift.missing.length + drift.extra.length === 0;
}

function listSchemaFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".schema.json")).sort();
  } catch {
    return [];
  }
}
