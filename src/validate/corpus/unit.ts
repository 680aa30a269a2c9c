/** How the raw bytes of a unit are read. */
export type UnitFormat = "json" | "xml" | "line" | "har-entry" | "problem";

/**
 * One piece of a corpus to judge: a body, an NDJSON line or a HAR entry, still as bytes; a
 * `problem` unit carries why input could not be cut into units, so it is counted in order.
 */
export interface CorpusUnit {
  /** `file`, `file:line` (NDJSON) or `file#entries[17]` (HAR). */
  location: string;
  format: UnitFormat;
  bytes: Uint8Array;
}

/** Input that could not be cut into units (a truncated HAR, an overlong line). */
export interface ReadProblem {
  location: string;
  problem: string;
}

/** What a reader yields. */
export type ReadItem = CorpusUnit | ReadProblem;

/** Whether a read item is a problem rather than a unit. */
export function isReadProblem(item: ReadItem): item is ReadProblem {
  return "problem" in item;
}

/** Limits that keep a reader's memory bounded whatever the corpus size. */
export interface ReadLimits {
  /** Largest unit (body, line or HAR entry) read, in bytes. */
  maxUnitBytes: number;
}

/** The default: 64 MiB per unit. */
export const DEFAULT_LIMITS: ReadLimits = { maxUnitBytes: 64 * 1024 * 1024 };

/** A reader's own account of its buffering, for tests and the benchmark. */
export interface ReadStats {
  /** The most bytes the reader held at once (carried partial lines, captured entries). */
  highWaterBytes: number;
}
