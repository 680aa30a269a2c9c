import type { CorpusSummary } from "./run-corpus.js";
import { BODY_EXTENSIONS } from "./sources.js";
import type { BodyResult } from "./tally.js";

/** A count with its noun in the right number: `1 body`, `2 bodies`. */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A reason that starts `line:column: ` (a parser's), split so the place follows the name. */
const PLACED_REASON = /^(\d+:\d+): ([^]*)$/;

/** The line for a body that could not be read: `file:2:14: malformed: not valid JSON: …`. */
function renderMalformed(where: string, reason: string): string {
  const placed = PLACED_REASON.exec(reason);
  if (placed) return `${where}:${placed[1]}: malformed: ${placed[2]}\n`;
  return `${where}: malformed: ${reason}\n`;
}

/**
 * The lines printed for one body: its outcome, then one indented line per violation.
 * `name` turns a location into the name shown (the CLI shows paths as the user gave them).
 */
export function renderResult(result: BodyResult, name = (location: string) => location): string {
  const where = name(result.location);
  if (result.outcome === "malformed") return renderMalformed(where, result.reason ?? "");
  if (result.outcome === "skipped") return `${where}: skipped (status ${String(result.status)})\n`;
  const lines = (result.violations ?? []).map(
    (v) =>
      `  ${v.severity} ${v.keyword} at ${v.pointer || "/"}: ${v.message} ` +
      `(value: ${JSON.stringify(v.value) ?? "none"}; allowed: ${v.allowed})\n`,
  );
  return `${where}: ${result.outcome}\n${lines.join("")}`;
}

/**
 * The summary printed after every `validate`, one body or a million:
 * `validate: 2 bodies as T (lenient): 1 valid, 1 invalid, 0 malformed, 0 skipped, 1 warning`,
 * then HAR entries passed over and a table of violations by keyword and place.
 */
export function renderSummary(
  summary: CorpusSummary,
  name = (location: string) => location,
): string {
  const skipped = Object.entries(summary.skippedByStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  const head = [
    `validate: ${counted(summary.bodies, "body", "bodies")} as ${summary.type} ` +
      `(${summary.profile}): ${summary.valid} valid, ${summary.invalid} invalid, ` +
      `${summary.malformed} malformed, ${summary.skipped} skipped` +
      `${skipped ? ` (${skipped})` : ""}, ${counted(summary.warnings, "warning", "warnings")}`,
  ];
  if (summary.ignored > 0) {
    const entries = counted(summary.ignored, "HAR entry", "HAR entries");
    head.push(`${entries} passed over (not GET …/v1/Ticket/{id})`);
  }
  const rows = summary.byViolation.map(
    (v) => `  ${String(v.count).padStart(8)}  ${v.severity} ${v.key}  e.g. ${name(v.example)}`,
  );
  const table = rows.length > 0 ? ["violations by keyword and place:", ...rows] : [];
  return [...head, ...table].map((line) => `${line}\n`).join("");
}

/**
 * The line printed instead of the summary when the inputs held no body at all, naming them as
 * given: `validate: no body found in empty-folder/ (looked for .json, …)`.
 */
export function renderNoBody(summary: CorpusSummary, inputs: readonly string[]): string {
  const passedOver =
    summary.ignored > 0
      ? `; ${counted(summary.ignored, "HAR entry", "HAR entries")} passed over ` +
        "(not GET …/v1/Ticket/{id})"
      : "";
  const looked = `looked for ${BODY_EXTENSIONS.join(", ")}`;
  return `validate: no body found in ${inputs.join(", ")} (${looked})${passedOver}\n`;
}

/**
 * The exit code a summary calls for: 2 when the inputs held no body at all (a wrong or empty
 * path must not pass a CI job), 1 when any body is invalid or malformed, else 0.
 */
export function exitCodeOf(summary: CorpusSummary): number {
  if (summary.bodies === 0) return 2;
  return summary.invalid > 0 || summary.malformed > 0 ? 1 : 0;
}
