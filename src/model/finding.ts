import type { Exchange } from "./exchange.js";

export type Level = "MUST" | "SHOULD";
export type Profile = "lenient" | "strict";
export type Area = "STATUS" | "SCHEMA" | "SELECT" | "FK" | "MEDIA" | "LANG" | "TZ" | "AUTH";
export type VerdictKind = "pass" | "fail" | "warn" | "skip" | "error";

/** The project's notes on the API beyond the page, relative to the checkout. */
export const NOTES_FILE = "spec/NOTES.md";

/**
 * Where a requirement's rule is written down: a section of the reference page, or a heading
 * of NOTES_FILE. Both ship with the suite, so whoever reads a report can look the clause up.
 */
export interface Clause {
  source: "page" | "notes";
  /**
   * The heading it rests on, then ` › ` and the point within it: for the page a section and a
   * table row (`Query String Parameters › $select`), for the notes a heading and a bold label
   * (`$select › Value-typed defaults`).
   */
  section: string;
}

/**
 * One observed disagreement between the target and its documentation. Findings are data:
 * collected, never thrown.
 */
export interface Finding {
  requirement: string;
  /**
   * `fail` counts against the requirement; `warn` is reported and fails only under strict;
   * `info` is reported.
   */
  severity: "fail" | "warn" | "info";
  message: string;
  /** JSON pointer, header name or other location in the response. */
  where?: string;
  actual?: unknown;
  expected?: string;
  /** The exchange (by id) that shows it. */
  exchange?: string;
}

/** What judging a requirement produced before levels and profiles are applied. */
export interface Outcome {
  findings: Finding[];
  /** Set when the requirement could not be tested with what was given; the reason says why. */
  skip?: string;
}

/** A requirement's final verdict in a run. */
export interface Verdict {
  id: string;
  area: Area;
  level: Level;
  clause: Clause;
  statement: string;
  verdict: VerdictKind;
  /** Why it was skipped, or why it could not be judged. */
  reason?: string;
  findings: Finding[];
  /** The exchanges it judged, credentials redacted. */
  evidence: Exchange[];
  durationMs: number;
}
