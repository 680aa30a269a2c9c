import { writeFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import {
  exitCodeOf,
  renderNoBody,
  renderResult,
  renderSummary,
  validateCorpus,
  type CorpusSummary,
  type InputFormat,
} from "../validate/corpus/index.js";
import type { CliIo } from "./io.js";
import { assertWritable } from "./writable.js";

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

/** Shows a location under the working directory as a relative path, as the user typed it. */
function namerFor(cwd: string): (location: string) => string {
  return (location) => {
    if (!isAbsolute(location)) return location;
    const inside = relative(cwd, location);
    return inside.startsWith("..") || isAbsolute(inside) ? location : inside;
  };
}

/** Writes the summary as JSON to `--json`; its writability was checked before validating. */
function writeJsonSummary(path: string, given: string, summary: CorpusSummary): void {
  try {
    writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = `--json \`${given}\` cannot be written: ${code}`;
    throw new ConformanceError("ERR_CT_USAGE", message, { cause: error });
  }
}

/**
 * `validate FILE…|DIR…|-`: every input (one JSON or XML body, NDJSON, HAR, a folder, standard
 * input) goes through the corpus validator, so one body and a million print and exit alike.
 * stdout: a line per body with something to say (unless `--quiet`), then the summary.
 * stderr: only why the command could not run. Exit 0 when every body is valid (warnings
 * allowed), 1 when a body is invalid or malformed, 2 when the command could not run (bad flags,
 * a path that does not exist or cannot be read, an unwritable `--json`, inputs without a body).
 */
export async function validateCommand(
  files: string[],
  options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const workers = workersOf(options.workers);
  const json = typeof options.json === "string" ? options.json : undefined;
  const jsonPath = json === undefined ? undefined : resolve(io.cwd, json);
  if (json !== undefined && jsonPath !== undefined) assertWritable(jsonPath, json, "--json");
  const name = namerFor(io.cwd);
  const summary = await validateCorpus(
    files.map((f) => (f === "-" ? f : resolve(io.cwd, f))),
    {
      typeName: typeof options.type === "string" ? options.type : "TicketEntityWithLinks",
      profile: (options.profile as Profile | undefined) ?? "lenient",
      format: options.format as InputFormat | undefined,
      workers,
      quiet: options.quiet === true,
      onResult: (result) => io.out(renderResult(result, name)),
    },
  );
  if (summary.bodies === 0) {
    io.err(renderNoBody(summary, files));
    return exitCodeOf(summary);
  }
  io.out(renderSummary(summary, name));
  if (json !== undefined && jsonPath !== undefined) writeJsonSummary(jsonPath, json, summary);
  return exitCodeOf(summary);
}
