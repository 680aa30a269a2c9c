import { existsSync, readFileSync } from "node:fs";
import { arch, release, type } from "node:os";
import { join, relative, sep } from "node:path";
import type { Operation } from "../model/operation.js";
import type { RunRecord } from "../model/record.js";
import { hashFile, hashSchemas, hashSuite } from "../report/fingerprint.js";

/** The page the suite judges by, relative to the checkout. */
const SPEC_PAGE = "spec/v1TicketEntity_GetTicketEntity.md";

/** The suite's name, version and content hash, read from the checkout at `root`. */
export function describeSuite(root: string): RunRecord["suite"] {
  const text = readFileSync(join(root, "package.json"), "utf8");
  const pkg = JSON.parse(text) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version, sha256: hashSuite(root) };
}

/** The spec page as the record names it: from the operation, or the file when it did not parse. */
export function describeSpec(root: string, operation?: Operation): RunRecord["spec"] {
  if (operation !== undefined) {
    const file = operation.source.file;
    const shown = file.startsWith(root) ? relative(root, file).split(sep).join("/") : file;
    return { file: shown, uid: operation.uid, sha256: operation.source.sha256 };
  }
  const page = join(root, SPEC_PAGE);
  return { file: SPEC_PAGE, uid: "unknown", sha256: existsSync(page) ? hashFile(page) : "" };
}

/** The committed schema files and their hashes. */
export function describeSchemas(root: string): RunRecord["schemas"] {
  return hashSchemas(root, join(root, "schemas"));
}

/** Node, OS, architecture and the run's start and end. */
export function describeEnvironment(startedAt: Date, finishedAt: Date): RunRecord["environment"] {
  return {
    node: process.version,
    os: `${type()} ${release()}`,
    arch: arch(),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  };
}
