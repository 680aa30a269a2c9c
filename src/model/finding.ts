import type { Exchange } from "./exchange.js";

export type Level = "MUST" | "SHOULD";
export type Profile = "lenient" | "strict";
export type Area = "STATUS" | "SCHEMA" | "SELECT" | "FK" | "MEDIA" | "LANG" | "TZ" | "AUTH";
export type VerdictKind = "pass" | "fail" | "warn" | "skip" | "error";

/** Where a requirement's rule is written down. */
export interface Clause {
  source: "page" | "FACTS.md" | "DESIGN.md";
  /** The section or line it rests on, e.g. `Query String Parameters › $select`. */
  section: string;
}

/**
 * One observed disagreement between the target and its documentation. Findings are data:
 * collected, never thrown.
 */
export interface Finding {
  requirement: string;
  /** `fail` counts against the requirement; `warn` is reported but holds only under strict; `info` is reported. */
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
