import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConformanceError } from "../../model/errors.js";

/** One schema file of `schemas/`, parsed. */
export interface SchemaFile {
  /** The file name, e.g. `Associate.json`: other schemas `$ref` it by this name. */
  file: string;
  /** The type it describes, the file name without `.json` (or `.schema.json`). */
  typeName: string;
  schema: Record<string, unknown>;
}

/** Every schema of a folder, in file-name order, with a hash over their exact bytes. */
export interface SchemaSet {
  dir: string;
  files: SchemaFile[];
  /** sha256 (hex) over each file's name and bytes; embedded in generated code to spot staleness. */
  hash: string;
}

/** The checkout's root: the nearest folder above this module holding `package.json`. */
export function findCheckoutRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The default `schemas/` folder of this checkout. */
export function defaultSchemasDir(): string {
  return join(findCheckoutRoot(), "schemas");
}

/** The type name a schema file describes. */
export function typeNameOf(file: string): string {
  return file.replace(/(\.schema)?\.json$/, "");
}

/** Reads every `*.json` schema of `dir`. Throws ConformanceError when there are none. */
export function readSchemaSet(dir: string = defaultSchemasDir()): SchemaSet {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".json")).sort() : [];
  if (names.length === 0) {
    throw new ConformanceError(
      "ERR_CT_USAGE",
      `no JSON Schemas in \`${dir}\`: run \`so-conformance derive\` to write them`,
    );
  }
  const hash = createHash("sha256");
  const files = names.map((file) => {
    const text = readFileSync(join(dir, file));
    hash.update(file).update("\0").update(text).update("\0");
    return { file, typeName: typeNameOf(file), schema: JSON.parse(text.toString("utf8")) };
  });
  return { dir, files, hash: hash.digest("hex") };
}
