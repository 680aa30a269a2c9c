import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { statSync } from "node:fs";
import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import {
  exitCodeOf,
  renderResult,
  renderSummary,
  validateCorpus,
  type InputFormat,
} from "../validate/corpus/index.js";
import type { CliIo } from "./io.js";

/** Extensions only the corpus reader handles. */
const CORPUS_EXTENSIONS = new Set([".ndjson", ".jsonl", ".har"]);

/** Whether a directory. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `validate` should read its inputs as a corpus: NDJSON or HAR (by flag or name),
 * a directory, or the bulk options `--workers` / `--json`.
 */
export function wantsCorpus(
  files: readonly string[],
  options: Record<string, unknown>,
  cwd: string,
): boolean {
  if (options.format === "ndjson" || options.format === "har") return true;
  if (options.workers !== undefined || options.json !== undefined) return true;
  return files.some(
    (f) => CORPUS_EXTENSIONS.has(extname(f).toLowerCase()) || isDirectory(resolve(cwd, f)),
  );
}

/** Parses `--workers`. */
function workersOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    const got = String(value);
    const message = `--workers must be a whole number of at least 1, got \`${got}\``;
    throw new ConformanceError("ERR_CT_USAGE", message);
  }
  return count;
}

/**
 * `validate` over a corpus: per-body lines (unless `--quiet`), then the summary; `--json FILE`
 * writes the summary as JSON. Exit 0 all valid, 1 any invalid or malformed body, 2 unreadable.
 */
export async function validateCorpusCommand(
  files: string[],
  options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const quiet = options.quiet === true;
  const summary = await validateCorpus(
    files.map((f) => (f === "-" ? f : resolve(io.cwd, f))),
    {
      typeName: typeof options.type === "string" ? options.type : "TicketEntityWithLinks",
      profile: (options.profile as Profile | undefined) ?? "lenient",
      format: options.format as InputFormat | undefined,
      workers: workersOf(options.workers),
      quiet,
      onResult: (result) => io.out(renderResult(result)),
    },
  );
  io.out(renderSummary(summary));
  if (typeof options.json === "string") {
    writeFileSync(resolve(io.cwd, options.json), `${JSON.stringify(summary, null, 2)}\n`);
  }
  return exitCodeOf(summary);
}
