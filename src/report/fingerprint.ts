import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * The parts of a checkout that make up the suite itself. The notes are among them: clauses
 * cite them, so a signed record must name the version its requirements rested on.
 */
export const SUITE_PATHS = [
  "src", "suites", "spec/NOTES.md", "package.json", "package-lock.json",
] as const;

/** The SHA-256 (hex) of a file's bytes. */
export function hashFile(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/**
 * One SHA-256 over the suite's own files under `root`: each file's relative path (with `/`)
 * and its own hash, one line each, paths sorted, so that the value depends only on content.
 */
export function hashSuite(root: string): string {
  const files = SUITE_PATHS.flatMap((path) => listFiles(root, join(root, path))).sort();
  const digest = createHash("sha256");
  for (const file of files) digest.update(`${file}\0${hashFile(join(root, file))}\n`);
  return digest.digest("hex");
}

/** Each `*.json` file under `dir` with its hash, paths relative to `root`, sorted. */
export function hashSchemas(root: string, dir: string): Array<{ file: string; sha256: string }> {
  return listFiles(root, dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ file, sha256: hashFile(join(root, file)) }));
}

function listFiles(root: string, path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [relative(root, path).split(sep).join("/")];
  return readdirSync(path).flatMap((name) => listFiles(root, join(path, name)));
}
