import type { CorpusSummary } from "./run-corpus.js";
import type { BodyResult } from "./tally.js";

/** The lines printed for one body: its outcome, then one line per violation. */
export function renderResult(result: BodyResult): string {
  const where = result.location;
  if (result.outcome === "malformed") return `${where}: malformed: ${result.reason ?? ""}\n`;
  if (result.outcome === "skipped") return `${where}: skipped (status ${String(result.status)})\n`;
  const lines = (result.violations ?? []).map(
    (v) =>
      `  ${v.severity} ${v.keyword} at ${v.pointer || "/"}: ${v.message} (allowed: ${v.allowed})`,
  );
  return `${result.location}: ${result.outcome}\n${lines.map((line) => `${line}\n`).join("")}`;
}

/** The summary printed after a corpus run. */
export function renderSummary(summary: CorpusSummary): string {
  const skipped = Object.entries(summary.skippedByStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  const head = [
    `${summary.bodies} bodies of ${summary.type} (${summary.profile}): ${summary.valid} valid, ` +
      `${summary.invalid} invalid, ${summary.malformed} malformed, ${summary.skipped} skipped` +
      `${skipped ? ` (${skipped})` : ""}, ${summary.warnings} warnings`,
  ];
  if (summary.ignored > 0) {
    head.push(`${summary.ignored} entries passed over (not GET …/v1/Ticket/{id})`);
  }
  const rows = summary.byViolation.map(
    (v) => `  ${String(v.count).padStart(8)}  ${v.severity} ${v.key}  e.g. ${v.example}`,
  );
  const table = rows.length > 0 ? ["violations by keyword and place:", ...rows] : [];
  return [...head, ...table].map((line) => `${line}\n`).join("");
}

/** The exit code a summary calls for: 1 when any body is invalid or malformed, else 0. */
export function exitCodeOf(summary: CorpusSummary): number {
  return summary.invalid > 0 || summary.malformed > 0 ? 1 : 0;
}
