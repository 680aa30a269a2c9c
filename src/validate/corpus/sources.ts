import { accessSync, constants, createReadStream, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { ConformanceError } from "../../model/errors.js";
import { readHar } from "./read-har.js";
import { readNdjson } from "./read-ndjson.js";
import type { ReadItem, ReadLimits, ReadStats } from "./unit.js";

/** The input formats `--format` names. */
export type InputFormat = "json" | "xml" | "ndjson" | "har";

/** Formats by file extension; in directories, other files are passed over. */
const BY_EXTENSION: Record<string, InputFormat> = {
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".har": "har",
  ".xml": "xml",
};

/** The file extensions a directory is searched for, as a message lists them. */
export const BODY_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** One input to read: a file, or standard input (`-`). */
export interface Source {
  path: string;
  format: InputFormat;
}

/** Where standard input comes from (tests pass their own). */
export type OpenStdin = () => AsyncIterable<Uint8Array>;

/** The format of a path named on the command line. */
function formatOf(path: string, forced: InputFormat | undefined): InputFormat {
  const format = forced ?? BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) {
    throw new ConformanceError(
      "ERR_CT_USAGE",
      `cannot tell the format of \`${path}\` from its name: use --format json|xml|ndjson|har`,
    );
  }
  return format;
}

/** A ConformanceError for a path named or found that cannot be read. */
function cannotRead(path: string, error: unknown): ConformanceError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "no such file or directory" : (code ?? String(error));
  return new ConformanceError("ERR_CT_USAGE", `cannot read \`${path}\`: ${reason}`, {
    cause: error,
  });
}

/** Files under a directory, recursively, in name order, with known extensions. */
function walk(dir: string, forced: InputFormat | undefined): Source[] {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw cannotRead(dir, error);
  }
  names.sort((a, b) => a.name.localeCompare(b.name));
  return names.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, forced);
    const format = BY_EXTENSION[extname(entry.name).toLowerCase()];
    return entry.isFile() && format ? [{ path, format: forced ?? format }] : [];
  });
}

/**
 * Resolves the command line's paths to sources before anything is read, so a missing file
 * fails at once. Standard input without `--format` is one JSON body.
 */
export function resolveSources(paths: readonly string[], forced?: InputFormat): Source[] {
  return paths.flatMap((path) => {
    if (path === "-") return [{ path, format: forced ?? "json" }];
    let stat;
    try {
      stat = statSync(path);
      // Checked now, so an unreadable file stops the command before any body is judged.
      if (!stat.isDirectory()) accessSync(path, constants.R_OK);
    } catch (error) {
      throw cannotRead(path, error);
    }
    return stat.isDirectory() ? walk(path, forced) : [{ path, format: formatOf(path, forced) }];
  });
}

/** Reads a source's bytes as a stream. */
function open(source: Source, stdin: OpenStdin): AsyncIterable<Uint8Array> {
  return source.path === "-" ? stdin() : createReadStream(source.path, { highWaterMark: 1 << 20 });
}

/** Reads a whole source as one body, refusing one larger than the unit limit. */
async function* readWhole(
  source: Source,
  limits: ReadLimits,
  stats: ReadStats,
  stdin: OpenStdin,
): AsyncGenerator<ReadItem> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of open(source, stdin)) {
    size += chunk.length;
    if (size > limits.maxUnitBytes) {
      yield { location: source.path, problem: `body larger than ${limits.maxUnitBytes} bytes` };
      return;
    }
    parts.push(chunk);
    stats.highWaterBytes = Math.max(stats.highWaterBytes, size);
  }
  const format = source.format === "xml" ? "xml" : "json";
  yield { location: source.path, format, bytes: Buffer.concat(parts) };
}

/** A reader of one input format. */
type Reader = (
  source: Source,
  limits: ReadLimits,
  stats: ReadStats,
  stdin: OpenStdin,
) => AsyncIterable<ReadItem>;

/** Readers by input format. */
const READERS: Record<InputFormat, Reader> = {
  json: readWhole,
  xml: readWhole,
  ndjson: (source, limits, stats, stdin) =>
    readNdjson(open(source, stdin), source.path, limits, stats),
  har: (source, limits, stats, stdin) => readHar(open(source, stdin), source.path, limits, stats),
};

/** Every unit of every source, in order. A read error (e.g. EACCES) is a ConformanceError. */
export async function* readSources(
  sources: readonly Source[],
  limits: ReadLimits,
  stats: ReadStats,
  stdin: OpenStdin,
): AsyncGenerator<ReadItem> {
  for (const source of sources) {
    try {
      yield* READERS[source.format](source, limits, stats, stdin);
    } catch (error) {
      if (error instanceof ConformanceError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      const message = `cannot read \`${source.path}\`: ${reason}`;
      throw new ConformanceError("ERR_CT_USAGE", message, { cause: error });
    }
  }
}
