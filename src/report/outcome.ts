import type { Area, Profile, Verdict, VerdictKind } from "../model/finding.js";
import type { RunRecord } from "../model/record.js";

/** The verdict kinds in the order every report lists them. */
export const VERDICT_KINDS: readonly VerdictKind[] = ["pass", "fail", "warn", "skip", "error"];

/** The verdicts that say something about the target: the others skipped or could not judge. */
const JUDGED: readonly VerdictKind[] = ["pass", "fail", "warn"];

/** Counts of each verdict kind, plus the total. */
export type Totals = RunRecord["totals"];

/** Counts verdicts by kind. */
export function countVerdicts(verdicts: readonly Verdict[]): Totals {
  const totals: Totals = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0, total: verdicts.length };
  for (const verdict of verdicts) totals[verdict.verdict] += 1;
  return totals;
}

/**
 * The exit code a run earns. 2 when the suite could not judge everything (the run did not
 * complete, a requirement ended in `error`, or nothing at all was judged: every requirement
 * run was skipped): an incomplete run is never a certificate. Else 1 when a requirement failed
 * (under `strict`, a SHOULD warning counts as a failure), else 0.
 */
export function decideExitCode(
  verdicts: readonly Verdict[],
  profile: Profile,
  state: RunRecord["status"]["state"],
): 0 | 1 | 2 {
  if (state !== "completed" || verdicts.some((verdict) => verdict.verdict === "error")) return 2;
  if (!verdicts.some((verdict) => JUDGED.includes(verdict.verdict))) return 2;
  const failing = verdicts.some(
    (verdict) => verdict.verdict === "fail" || (profile === "strict" && verdict.verdict === "warn"),
  );
  return failing ? 1 : 0;
}

/** The words at the top of every report, by exit code. */
const BANNERS: Record<RunRecord["exitCode"], string> = {
  0: "CONFORMS",
  1: "DOES NOT CONFORM",
  2: "COULD NOT JUDGE",
};

/**
 * The banner for a record: CONFORMS, DOES NOT CONFORM or COULD NOT JUDGE. A run limited by
 * `--only` conforms only in part, and says so where a signer looks first.
 */
export function bannerOf(record: RunRecord): string {
  const partial = record.exitCode === 0 && record.options.only !== undefined;
  return partial ? `${BANNERS[0]} (PARTIAL)` : BANNERS[record.exitCode];
}

/** One sentence that explains the banner. */
export function explainOutcome(record: RunRecord): string {
  const { totals, status } = record;
  const scope = record.profile === "strict" ? "every MUST and SHOULD" : "every MUST";
  const parts: string[] = [];
  if (status.state !== "completed") {
    parts.push(`The run was ${status.state}${status.reason ? `: ${status.reason}` : ""}.`);
  }
  if (totals.fail > 0) parts.push(`${totals.fail} requirement(s) failed.`);
  if (totals.error > 0) parts.push(`${totals.error} requirement(s) could not be judged.`);
  if (status.state === "completed" && totals.total > 0 && totals.skip === totals.total) {
    parts.push("Nothing was judged: every requirement run was skipped.");
  }
  if (record.exitCode === 0) parts.push(`The target meets ${scope} requirement judged.`);
  if (totals.warn > 0) parts.push(`${totals.warn} SHOULD requirement(s) gave warnings.`);
  if (record.options.only !== undefined) {
    const only = record.options.only.join(",");
    parts.push(`Only ${totals.total} requirement(s) were run (--only ${only}); ` +
      "the others were not judged.");
  }
  return parts.join(" ");
}

/** One row of the table by area. */
export interface AreaTally extends Totals {
  area: Area | string;
}

/** Counts verdicts per area, areas in the order they first appear in the record. */
export function tallyByArea(verdicts: readonly Verdict[]): AreaTally[] {
  const byArea = new Map<string, Verdict[]>();
  for (const verdict of verdicts) {
    const list = byArea.get(verdict.area) ?? [];
    list.push(verdict);
    byArea.set(verdict.area, list);
  }
  return [...byArea].map(([area, list]) => ({ area, ...countVerdicts(list) }));
}
