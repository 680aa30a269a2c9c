import { resolve } from "node:path";
import { compareSchemas, deriveSchemas, isInSync, writeSchemas } from "../derive/index.js";
import { loadSpec } from "../markdown/index.js";
import type { CliIo } from "./io.js";

/** Options of `so-conformance derive`; paths are relative to the working directory. */
interface DeriveOptions {
  check?: boolean;
  spec?: string;
  schemas?: string;
}

/**
 * `derive` writes `schemas/` from `spec/`; `derive --check` only compares and exits 1 naming
 * every drifted, missing or extra file. A malformed spec throws ConformanceError (exit 2).
 */
export async function deriveCommand(options: Record<string, unknown>, io: CliIo): Promise<number> {
  const { check = false, spec = "spec", schemas = "schemas" } = options as DeriveOptions;
  const specDir = resolve(io.cwd, spec);
  const schemasDir = resolve(io.cwd, schemas);
  const derived = deriveSchemas(loadSpec(specDir));

  if (!check) {
    const drift = writeSchemas(schemasDir, derived);
    const changed = drift.drifted.length + drift.missing.length;
    io.out(`derive: wrote ${derived.length} schemas to ${schemas} (${changed} changed, ` +
      `${drift.extra.length} removed)\n`);
    return 0;
  }

  const drift = compareSchemas(schemasDir, derived);
  if (isInSync(drift)) {
    io.out(`derive --check: ${derived.length} schemas in ${schemas} match ${spec}\n`);
    return 0;
  }
  for (const file of drift.drifted) io.err(`${schemas}/${file}: differs from a fresh derivation\n`);
  for (const file of drift.missing) io.err(`${schemas}/${file}: missing\n`);
  for (const file of drift.extra) io.err(`${schemas}/${file}: not derived from ${spec} (extra)\n`);
  io.err(`derive --check: schemas are out of date; run \`so-conformance derive\` and commit\n`);
  return 1;
}
