import type { Area, Verdict } from "../model/finding.js";
import type { RunRecord } from "../model/record.js";
import { countVerdicts, decideExitCode } from "./outcome.js";
import { excerptExchange, scrubSecrets } from "./redact.js";

/** A requirement as the catalogue lists it, enough to give it a verdict it never reached. */
export interface RequirementInfo {
  id: string;
  area: Area;
  level: Verdict["level"];
  clause: Verdict["clause"];
  statement: string;
}

type Derived = "format" | "totals" | "exitCode" | "sha256" | "signature";

/** Everything a run knows when it ends; the record adds totals, exit code and excerpts. */
export type RecordInput = Omit<RunRecord, Derived> & {
  /** Secret strings to scrub from every field (see the target layer's `collectSecrets`). */
  secrets: readonly string[];
};

/** The `format` every record carries. */
export const RECORD_FORMAT = "so-conformance/certification@1";

/**
 * Assembles the certification record: evidence bodies cut to excerpts, secrets scrubbed,
 * totals counted and the exit code decided from the verdicts. The hash is added by `sealRecord`.
 */
export function buildRecord(input: RecordInput): RunRecord {
  const { secrets, ...fields } = input;
  const requirements = fields.requirements.map((verdict) => ({
    ...verdict,
    evidence: verdict.evidence.map((exchange) => excerptExchange(exchange)),
  }));
  const record: RunRecord = {
    format: RECORD_FORMAT,
    ...fields,
    requirements,
    totals: countVerdicts(requirements),
    exitCode: decideExitCode(requirements, fields.profile, fields.status.state),
  };
  return scrubSecrets(record, secrets);
}

/**
 * Completes a list of verdicts against the catalogue: a requirement that was selected but has
 * no verdict (the run stopped first) gets `error` with `reason`. Catalogue order is kept.
 */
export function completeVerdicts(
  verdicts: readonly Verdict[],
  selected: readonly RequirementInfo[],
  reason: string,
): Verdict[] {
  const byId = new Map(verdicts.map((verdict) => [verdict.id, verdict]));
  const unjudged = (info: RequirementInfo): Verdict => ({
    ...info,
    verdict: "error",
    reason,
    findings: [],
    evidence: [],
    durationMs: 0,
  });
  const completed = selected.map((info) => byId.get(info.id) ?? unjudged(info));
  const extra = verdicts.filter((verdict) => !selected.some((info) => info.id === verdict.id));
  return [...completed, ...extra];
}

