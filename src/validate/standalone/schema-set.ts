import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConformanceError } from "../../model/errors.js";
import { findRepoRoot } from "../../markdown/repo-root.js";
import type { SchemaDocument } from "../compile-schemas.js";

/** Every derived schema of a folder, in file-name order, with a hash over their exact bytes. */
export interface SchemaSet {
  dir: string;
  documents: SchemaDocument[];
  /** sha256 (hex) over each file's name and bytes; embedded in generated code to spot staleness. */
  hash: string;
}

/** The checkout's `schemas/` folder. */
export function schemasDirOf(root: string = findRepoRoot()): string {
  return join(root, "schemas");
}

/** Reads every `*.schema.json` of `dir`, hashing the bytes as they are read. */
export function readSchemaSet(dir: string = schemasDirOf()): SchemaSet {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".schema.json")).sort();
  } catch (error) {
    const message = `${dir}: cannot read the schemas folder`;
    throw new ConformanceError("ERR_CT_USAGE", message, { cause: error });
  }
  const hash = createHash("sha256");
  const documents = names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    hash.update(name).update("\0").update(bytes).update("\0");
    return JSON.parse(bytes.toString("utf8")) as SchemaDocument;
  });
  return { dir, documents, hash: hash.digest("hex") };
}
