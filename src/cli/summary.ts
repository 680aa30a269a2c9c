import type { RunRecord } from "../model/record.js";
import { bannerOf, explainOutcome, tallyByArea, VERDICT_KINDS } from "../report/outcome.js";
import type { Paint } from "./colour.js";

const EXIT_PAINT = { 0: "pass", 1: "fail", 2: "error" } as const;

/** The end-of-run summary: the banner, a table by area with totals, and the report paths. */
export function formatSummary(record: RunRecord, paths: readonly string[], paint: Paint): string {
  const header = ["area", ...VERDICT_KINDS, "total"];
  const rows = tallyByArea(record.requirements).map((tally) => [
    tally.area,
    ...VERDICT_KINDS.map((kind) => String(tally[kind])),
    String(tally.total),
  ]);
  const totals = [
    "all",
    ...VERDICT_KINDS.map((kind) => String(record.totals[kind])),
    String(record.totals.total),
  ];
  const table = [header, ...rows, totals];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  // Note: the area column is aligned left, the counts right.
  const pad = (cell: string, column: number) =>
    column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!);
  const line = (row: string[]) => row.map(pad).join("  ");

  const banner = paint(EXIT_PAINT[record.exitCode], paint("bold", bannerOf(record)));
  return [
    "",
    `${banner} (exit ${record.exitCode})`,
    explainOutcome(record),
    "",
    paint("bold", line(header)),
    ...rows.map(line),
    paint("bold", line(totals)),
    "",
    "reports:",
    ...paths.map((path) => `  ${path}`),
    "",
  ].join("\n");
}
