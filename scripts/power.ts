// Runs the suite against every faulty and faithful variant of the reference server and prints
// what it caught. Usage: npm run power [-- --json FILE] [-- --write] [-- name …]
// `--write` puts the table and the totals into BENCHMARKS.md (its "power" section).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findRepoRoot, loadSpec } from "../src/markdown/index.js";
import { FAITHFUL, FAULTY, runVariant, type VariantResult } from "../src/power/index.js";
import { loadValidators } from "../src/validate/index.js";
import { writeMarkedSection } from "./lib/marked-section.js";

const { values: flags, positionals: names } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "string" }, write: { type: "boolean", default: false } },
});
const pick = <T extends { name: string }>(list: readonly T[]) =>
  names.length ? list.filter((variant) => names.includes(variant.name)) : list;

const spec = { operation: loadSpec(), validators: loadValidators() };
const results: VariantResult[] = [];
const variants = [
  ...pick(FAULTY).map((variant) => ({ variant, kind: "faulty" as const })),
  ...pick(FAITHFUL).map((variant) => ({ variant, kind: "faithful" as const })),
];
for (const [index, { variant, kind }] of variants.entries()) {
  process.stderr.write(`[${index + 1}/${variants.length}] ${variant.name}\n`);
  results.push(await runVariant(variant, kind, spec));
}

/** What the run showed, with long lists of failed requirements cut short. */
function happened(result: VariantResult, most = Number.POSITIVE_INFINITY): string {
  if (result.failed.length === 0) return "passed";
  const shown = result.failed.slice(0, most).join(", ");
  const more = result.failed.length - Math.min(most, result.failed.length);
  return `failed: ${shown}${more > 0 ? ` (+${more} more)` : ""}`;
}
const expected = (result: VariantResult) =>
  result.kind === "faulty" ? `caught by ${result.expected}` : "passed";
const verdict = (result: VariantResult) => (result.ok ? "ok" : "MISSED");

const header = ["variant", "expected", "what happened", ""];
const rows = results.map((result) =>
  [result.name, expected(result), happened(result), verdict(result)]);
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) =>
  cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
process.stdout.write(`${line(header)}\n${line(widths.map((width) => "-".repeat(width)))}\n`);
for (const row of rows) process.stdout.write(`${line(row)}\n`);

const faulty = results.filter((result) => result.kind === "faulty");
const faithful = results.filter((result) => result.kind === "faithful");
const totals = `caught ${faulty.filter((r) => r.ok).length} of ${faulty.length} faulty variants; ` +
  `passed ${faithful.filter((r) => r.ok).length} of ${faithful.length} faithful variants`;
process.stdout.write(`\n${totals}\n`);

if (flags.json) writeFileSync(flags.json, `${JSON.stringify(results, null, 2)}\n`);
if (flags.write) {
  const table = [
    "| variant | what it does | expected | what happened | |",
    "|---|---|---|---|---|",
    ...results.map((result) => `| ${result.name} | ${result.fault.replaceAll("|", "\\|")} | ` +
      `${expected(result)} | ${happened(result, 6)} | ${verdict(result)} |`),
  ].join("\n");
  writeMarkedSection(join(findRepoRoot(), "BENCHMARKS.md"), "# Benchmarks", "power", [
    "## Power of the suite (`npm run power`)",
    "",
    `Generated on ${new Date().toISOString().slice(0, 10)}: the whole suite against each ` +
      "variant of the reference server (faulty ones under the strict profile unless a variant " +
      "says otherwise). A faulty variant counts as caught when the requirement naming its " +
      "fault fails; a faithful one passes when no requirement fails or errs. " +
      "`test/power/power.test.ts` keeps every row so.",
    "",
    `**${totals}.**`,
    "",
    table,
  ].join("\n"));
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
