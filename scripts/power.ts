// Runs the suite against every faulty and faithful variant of the reference server and prints
// what it caught. Usage: npm run power [-- --json FILE] [-- name …]
import { writeFileSync } from "node:fs";
import { loadSpec } from "../src/markdown/index.js";
import { loadValidators } from "../src/validate/index.js";
import { FAITHFUL, FAULTY, runVariant, type VariantResult } from "../src/power/index.js";

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const names = args.filter((arg, index) =>
  !arg.startsWith("--") && (jsonAt < 0 || index !== jsonAt + 1));
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

const rows = results.map((result) => [
  result.name,
  result.kind === "faulty" ? `caught by ${result.expected}` : "passed",
  result.kind === "faulty"
    ? (result.failed.length ? `failed: ${result.failed.join(", ")}` : "all passed")
    : (result.failed.length ? `failed: ${result.failed.join(", ")}` : "passed"),
  result.ok ? "ok" : "MISSED",
]);
const header = ["variant", "expected", "what happened", ""];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) =>
  cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
process.stdout.write(`${line(header)}\n${line(widths.map((width) => "-".repeat(width)))}\n`);
for (const row of rows) process.stdout.write(`${line(row)}\n`);

const faulty = results.filter((result) => result.kind === "faulty");
const faithful = results.filter((result) => result.kind === "faithful");
process.stdout.write(
  `\ncaught ${faulty.filter((r) => r.ok).length} of ${faulty.length} faulty variants; ` +
    `passed ${faithful.filter((r) => r.ok).length} of ${faithful.length} faithful variants\n`,
);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
