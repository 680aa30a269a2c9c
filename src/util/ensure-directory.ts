import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Makes `dir` and its missing parents, one level at a time, and says why when it cannot. Note:
 * Node 20's `mkdirSync(dir, { recursive: true })` loops forever (and blocks signals) on some
 * paths, such as a folder below `/proc`; walking up to the first existing parent avoids it.
 * Returns undefined on success, else the reason (`ENOTDIR: /tmp/a-file is not a folder`).
 */
export function ensureDirectory(dir: string): string | undefined {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const kind = kindOf(current);
    if (kind === "directory") break;
    if (kind === "other") return `ENOTDIR: ${current} is not a folder`;
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      if (code !== "EEXIST" || kindOf(path) !== "directory") return `${code}: ${path}`;
    }
  }
  return undefined;
}

function kindOf(path: string): "directory" | "other" | "missing" {
  try {
    return statSync(path).isDirectory() ? "directory" : "other";
  } catch {
    return "missing";
  }
}
