import type { Violation } from "../violation.js";

/** What one unit came to. */
export type Outcome = "valid" | "invalid" | "skipped" | "malformed" | "ignored";

/** One judged unit, as printed per body (only those with something to say are kept). */
export interface BodyResult {
  location: string;
  outcome: Outcome;
  /** The response status, for skipped bodies. */
  status?: number;
  violations?: Violation[];
  /** Why the unit could not be read (malformed) or was passed over (ignored). */
  reason?: string;
}

/** One violation key (`keyword at /pointer pattern`), counted, with the first place it was seen. */
export interface ViolationCount {
  key: string;
  keyword: string;
  /** The pointer with array indices replaced by `*`. */
  pattern: string;
  severity: Violation["severity"];
  count: number;
  example: string;
}

/** Counts over any part of a corpus; tallies of consecutive parts merge in order. */
export interface Tally {
  bodies: number;
  valid: number;
  invalid: number;
  skipped: number;
  malformed: number;
  /** Units that are not ticket responses (other HAR entries). */
  ignored: number;
  /** Violations with severity `warn`. */
  warnings: number;
  skippedByStatus: Record<string, number>;
  byViolation: Record<string, ViolationCount>;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return {
    bodies: 0,
    valid: 0,
    invalid: 0,
    skipped: 0,
    malformed: 0,
    ignored: 0,
    warnings: 0,
    skippedByStatus: {},
    byViolation: {},
  };
}

/** A pointer with array indices generalised, so `/Messages/3/Id` counts with `/Messages/0/Id`. */
export function pointerPattern(pointer: string): string {
  return pointer.replace(/\/[0-9]+(?=\/|$)/g, "/*");
}

/** Counts one unit's result into a tally. */
export function countResult(tally: Tally, result: BodyResult): void {
  if (result.outcome === "ignored") {
    tally.ignored++;
    return;
  }
  tally.bodies++;
  tally[result.outcome]++;
  if (result.outcome === "skipped") {
    const status = String(result.status ?? "unknown");
    tally.skippedByStatus[status] = (tally.skippedByStatus[status] ?? 0) + 1;
  }
  for (const violation of result.violations ?? []) {
    if (violation.severity === "warn") tally.warnings++;
    const pattern = pointerPattern(violation.pointer);
    const key = `${violation.keyword} at ${pattern || "/"}`;
    const seen = tally.byViolation[key];
    if (seen) seen.count++;
    else {
      tally.byViolation[key] = {
        key,
        keyword: violation.keyword,
        pattern,
        severity: violation.severity,
        count: 1,
        example: result.location,
      };
    }
  }
}

/** Adds `later` into `into`; examples stay those seen first, so merging in order is stable. */
export function mergeTally(into: Tally, later: Tally): void {
  const fields = ["bodies", "valid", "invalid", "skipped", "malformed", "ignored"] as const;
  for (const field of [...fields, "warnings"] as const) {
    into[field] += later[field];
  }
  for (const [status, count] of Object.entries(later.skippedByStatus)) {
    into.skippedByStatus[status] = (into.skippedByStatus[status] ?? 0) + count;
  }
  for (const [key, count] of Object.entries(later.byViolation)) {
    const seen = into.byViolation[key];
    if (seen) seen.count += count.count;
    else into.byViolation[key] = { ...count };
  }
}
