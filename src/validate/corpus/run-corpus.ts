import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { debuglog } from "node:util";
import { ConformanceError } from "../../model/errors.js";
import type { Profile } from "../../model/finding.js";
import { validatorsFrom } from "../load-validators.js";
import { loadCompiledSchemas } from "../standalone/load.js";
import { sharedPool } from "../worker-pool.js";
import { DEFAULT_BATCH, packBatches, type BatchLimits } from "./batches.js";
import type { BatchVerdict } from "./judge.js";
import { readSources, resolveSources } from "./sources.js";
import type { InputFormat, OpenStdin, Source } from "./sources.js";
import { emptyTally, mergeTally, type BodyResult, type Tally } from "./tally.js";
import type { ViolationCount } from "./tally.js";
import { DEFAULT_LIMITS, type ReadLimits, type ReadStats } from "./unit.js";

const log = debuglog("ct:validate");

/** Batches, per judging thread, that may be judged or awaiting their turn to merge. */
const IN_FLIGHT_PER_THREAD = 4;

/** How to validate a corpus. */
export interface CorpusOptions {
  typeName: string;
  profile: Profile;
  /** Keep no per-body results. */
  quiet?: boolean;
  /**
   * Threads that judge: this one plus `workers - 1` worker threads; 1 judges in this thread
   * only. Default: 1 for a corpus under 16 MiB, else one per core (see `defaultWorkers`).
   */
  workers?: number;
  /** Overrides the format told by file names. */
  format?: InputFormat;
  schemasDir?: string;
  generatedPath?: string;
  /** Standard input, for `-` (default: the process's). */
  stdin?: OpenStdin;
  limits?: ReadLimits;
  batch?: BatchLimits;
  /** Receives each body worth printing, in input order, as soon as its batch is judged. */
  onResult?: (result: BodyResult) => void;
}

/** The outcome of a corpus run: the counts, violations by key, and how it ran. */
export interface CorpusSummary extends Omit<Tally, "byViolation"> {
  type: string;
  profile: Profile;
  inputs: number;
  workers: number;
  validators: "standalone" | "compiled";
  /** Violations by key, most frequent first. */
  byViolation: ViolationCount[];
  /** The readers' buffering high-water mark, in bytes. */
  readerHighWaterBytes: number;
}

/**
 * Below this many bytes of input a worker costs more than it saves: starting one (loading its
 * modules and validators, then V8 warming the validators up again in that thread) takes about
 * as long as judging 10 MB here, on a machine whose cores it then competes for.
 */
export const SMALL_CORPUS_BYTES = 16 * 1024 * 1024;

/** Bytes the sources hold, or `undefined` when standard input is among them. */
function sizeOf(sources: readonly Source[]): number | undefined {
  let total = 0;
  for (const source of sources) {
    if (source.path === "-") return undefined;
    total += statSync(source.path).size;
  }
  return total;
}

/** The default thread count: one per core, unless the input is known to be small. */
export function defaultWorkers(sources: readonly Source[]): number {
  const size = sizeOf(sources);
  return size !== undefined && size < SMALL_CORPUS_BYTES ? 1 : availableParallelism();
}

/** The worker count to use: the option, or the default for these sources. */
function workerCount(requested: number | undefined, sources: readonly Source[]): number {
  const count = requested ?? defaultWorkers(sources);
  if (!Number.isInteger(count) || count < 1) {
    const got = String(requested);
    const message = `--workers must be a whole number of at least 1, got ${got}`;
    throw new ConformanceError("ERR_CT_USAGE", message);
  }
  return count;
}

/** Standard input as a byte stream. */
function processStdin(): AsyncIterable<Uint8Array> {
  return process.stdin;
}

/** The counts with violations sorted: most frequent first, then by key. */
function summarise(tally: Tally): ViolationCount[] {
  const counts = Object.values(tally.byViolation);
  return counts.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Validates every body of the given files, directories or `-`, streaming: memory stays bounded
 * by the batch size times the batches in flight (at most two per worker thread, as this thread
 * judges its own at once), whatever the corpus size.
 * Results are merged in input order, so they are identical for any worker count. Throws
 * ConformanceError for unreadable input or an unknown type.
 */
export async function validateCorpus(
  paths: readonly string[],
  options: CorpusOptions,
): Promise<CorpusSummary> {
  const sources = resolveSources(paths, options.format);
  const workers = workerCount(options.workers, sources);
  const schemas = loadCompiledSchemas(options.schemasDir, options.generatedPath);
  if (!schemas.validatorFor(options.typeName)) {
    const known = schemas.types.join(", ");
    throw new ConformanceError(
      "ERR_CT_USAGE",
      `unknown type \`${options.typeName}\` (known types: ${known})`,
    );
  }
  const { typeName, profile, schemasDir, generatedPath } = options;
  const judgeOptions = { typeName, profile, quiet: options.quiet ?? false };
  const local = { validators: validatorsFrom(schemas), schemas, options: judgeOptions };
  const pool = sharedPool(workers, { ...judgeOptions, schemasDir, generatedPath }, local);
  log("validating %d inputs, %d workers, %s validators", sources.length, workers, schemas.source);

  const tally = emptyTally();
  const stats: ReadStats = { highWaterBytes: 0 };
  const consume = (verdict: BatchVerdict): void => {
    mergeTally(tally, verdict.tally);
    for (const result of verdict.results) options.onResult?.(result);
  };
  const inFlight: Promise<BatchVerdict>[] = [];
  try {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const items = readSources(sources, limits, stats, options.stdin ?? processStdin);
    for await (const batch of packBatches(items, options.batch ?? DEFAULT_BATCH)) {
      inFlight.push(pool.judge(batch));
      // Backpressure: verdicts merge in input order, so those judged here wait behind the
      // oldest batch a worker holds; past this many, reading waits for it.
      if (inFlight.length >= workers * IN_FLIGHT_PER_THREAD) {
        consume(await (inFlight.shift() as Promise<BatchVerdict>));
      }
    }
    while (inFlight.length > 0) consume(await (inFlight.shift() as Promise<BatchVerdict>));
  } finally {
    await Promise.allSettled(inFlight);
    await pool.close();
  }
  return {
    type: options.typeName,
    profile: options.profile,
    inputs: sources.length,
    workers,
    validators: schemas.source,
    ...tally,
    byViolation: summarise(tally),
    readerHighWaterBytes: stats.highWaterBytes,
  };
}
