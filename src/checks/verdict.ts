import type { Finding, Level, Outcome, Profile, VerdictKind } from "../model/finding.js";

/** A verdict kind and, for skip and error, why. */
export interface Judgement {
  verdict: VerdictKind;
  reason?: string;
}

/**
 * Turns an outcome into a verdict. A failing finding fails a MUST; on a SHOULD it warns under
 * lenient and fails under strict. Warning findings warn. Info findings are only reported.
 */
export function judgeOutcome(outcome: Outcome, level: Level, profile: Profile): Judgement {
  if (outcome.findings.some((finding) => finding.severity === "fail")) {
    const holdsOnlyAsWarning = level === "SHOULD" && profile === "lenient";
    return { verdict: holdsOnlyAsWarning ? "warn" : "fail" };
  }
  if (outcome.findings.some((finding) => finding.severity === "warn")) return { verdict: "warn" };
  if (outcome.skip !== undefined) return { verdict: "skip", reason: outcome.skip };
  return { verdict: "pass" };
}

/** The findings that count against a requirement under its level and the profile. */
export function failingFindings(
  findings: readonly Finding[],
  level: Level,
  profile: Profile,
): Finding[] {
  const counts = level === "MUST" || profile === "strict";
  return findings.filter((finding) => counts && finding.severity === "fail");
}
