import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { debuglog } from "node:util";
import { ConformanceError } from "../model/errors.js";
import { ensureDirectory } from "../util/ensure-directory.js";
import type { RunRecord } from "../model/record.js";
import { renderHtml } from "./html.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { findSecrets } from "./redact.js";

const log = debuglog("ct:report");

/** The four files every run writes, by file name, each rendered from the record alone. */
export const REPORT_RENDERERS: Record<string, (record: RunRecord) => string> = {
  "certification.json": (record) => `${JSON.stringify(record, null, 2)}\n`,
  "certification.html": renderHtml,
  "certification.md": renderMarkdown,
  "junit.xml": renderJunit,
};

/**
 * Renders every report and writes them into `outDir`, each through a temporary file and a
 * rename, so that a reader never sees half a file. Refuses to write any of them when one
 * contains a secret. Returns the paths written.
 */
export function writeReports(
  record: RunRecord,
  outDir: string,
  secrets: readonly string[] = [],
): string[] {
  const renderers = Object.entries(REPORT_RENDERERS);
  const rendered = renderers.map(([name, render]) => [name, render(record)] as const);
  for (const [name, text] of rendered) {
    if (findSecrets(text, secrets).length > 0) {
      throw new Error(`a credential reached ${name}; no report was written`);
    }
  }

  const problem = ensureDirectory(outDir);
  if (problem !== undefined) {
    throw new ConformanceError("ERR_CT_USAGE",
      `the reports cannot be written into ${outDir}: ${problem}`);
  }
  return rendered.map(([name, text]) => {
    const path = join(outDir, name);
    writeAtomically(path, text);
    log("wrote %s (%d bytes)", path, Buffer.byteLength(text));
    return path;
  });
}

/** Writes `text` to a sibling temporary file, then renames it over `path`. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
