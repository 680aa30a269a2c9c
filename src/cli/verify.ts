import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { suiteVersion } from "../markdown/index.js";
import { ConformanceError, isConformanceError } from "../model/errors.js";
import type { RunRecord } from "../model/record.js";
import { RECORD_FORMAT } from "../report/build-record.js";
import { bannerOf } from "../report/outcome.js";
import { checkSeal, type SealCheck } from "../report/seal.js";
import { selectRequirements } from "../run/select-requirements.js";
import type { CliIo } from "./io.js";

/**
 * `so-conformance verify REPORT [--public-key FILE]`: recomputes the record's hash, checks its
 * signature, and checks that totals, exit code and banner follow from the verdicts, profile and
 * status. Exit 0 when all hold (saying plainly when the record is unsigned), 1 naming each
 * inconsistency, 2 when the record or key cannot be read.
 */
export async function verifyCommand(
  report: string,
  options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const path = resolve(io.cwd, report);
  const record = readRecord(path);
  const keyOption = options.publicKey;
  const keyFile = typeof keyOption === "string" ? resolve(io.cwd, keyOption) : undefined;
  const publicKey = keyFile === undefined ? undefined : readText(keyFile, "`--public-key`");
  const check = checkRecord(record, path, publicKey);

  const hash = check.hashMatches
    ? "matches the record"
    : `differs: the record says ${check.recorded ?? "nothing"}`;
  io.out(
    [
      `record:    ${path}`,
      `verdict:   ${bannerOf(record)} (exit ${record.exitCode})`,
      `sha256:    ${check.computed} (recomputed)`,
      `hash:      ${hash}`,
      `signature: ${describeSignature(check, keyFile)}`,
      "",
    ].join("\n"),
  );

  const problems = [...describeProblems(check, keyFile), ...requirementSetProblems(record)];
  if (problems.length === 0) {
    io.out(`${CONCLUSIONS[conclusionOf(check, keyFile)]}\n`);
    return 0;
  }
  for (const problem of problems) io.err(`so-conformance: ${problem}\n`);
  return 1;
}

function checkRecord(record: RunRecord, path: string, publicKey: string | undefined): SealCheck {
  try {
    return checkSeal(record, publicKey);
  } catch (error) {
    if (isConformanceError(error)) throw error;
    const message = `${path}: the record cannot be checked: ${String(error)}`;
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", message, { cause: error });
  }
}

/** What a record without problems proves, from weakest to strongest. */
const CONCLUSIONS = {
  unsigned: "hash consistent; not signed: anyone could have written this record",
  "own-key":
    "valid: unchanged since it was signed with the key it carries; " +
    "pass --public-key to know who signed it",
  "given-key": "valid: unchanged since it was signed with the given key",
} as const;

function conclusionOf(check: SealCheck, keyFile: string | undefined): keyof typeof CONCLUSIONS {
  if (check.signature !== "valid") return "unsigned";
  return keyFile === undefined ? "own-key" : "given-key";
}

/** How each signature outcome reads. */
const SIGNATURE_WORDS: Record<SealCheck["signature"], (key: string) => string> = {
  valid: (key) => `valid (ed25519, checked with ${key})`,
  invalid: (key) => `INVALID (checked with ${key})`,
  absent: () => "none (the record is not signed)",
  "wrong-key": (key) => `made with another key than ${key}`,
};

function describeSignature(check: SealCheck, keyFile: string | undefined): string {
  return SIGNATURE_WORDS[check.signature](keyFile ?? "the key in the record");
}

function describeProblems(check: SealCheck, keyFile: string | undefined): string[] {
  const problems: string[] = [];
  if (check.recorded === undefined) {
    problems.push("the record carries no sha256; it was never sealed");
  } else if (!check.hashMatches) {
    problems.push("the content was changed after sealing: its hash no longer matches");
  }
  problems.push(...check.inconsistencies.map((text) => `the content contradicts itself: ${text}`));
  if (check.signature === "invalid") {
    problems.push("the signature does not match the record's hash");
  }
  if (check.signature === "wrong-key") problems.push(`the record was not signed with ${keyFile}`);
  if (check.signature === "absent" && keyFile !== undefined) {
    problems.push("a public key was given but the record is not signed");
  }
  return problems;
}

/**
 * The requirements a run with the record's options judges, each once. Note: a record is sealed
 * over whatever it lists, so one with a requirement dropped (or listed twice) and its totals and
 * hash fixed up would otherwise pass; only records of this suite version can be held to its
 * catalogue.
 */
function requirementSetProblems(record: RunRecord): string[] {
  const listed = (record.requirements ?? []).map((verdict) => verdict.id);
  const problems = [...new Set(listed)]
    .filter((id) => listed.indexOf(id) !== listed.lastIndexOf(id))
    .map((id) => `the record lists ${id} more than once`);
  if (record.suite?.version !== suiteVersion() || record.status?.state === "aborted") {
    return problems;
  }
  const expected = selectRequirements(record.options?.only).map((requirement) => requirement.id);
  const scope = record.options?.only ? `--only ${record.options.only.join(",")}` : "a whole run";
  const missing = expected.filter((id) => !listed.includes(id));
  const extra = listed.filter((id) => !expected.includes(id));
  if (missing.length > 0) {
    problems.push(`the record lacks ${missing.join(", ")}, which ${scope} judges`);
  }
  if (extra.length > 0) {
    problems.push(`the record lists ${extra.join(", ")}, which ${scope} does not judge`);
  }
  return problems;
}

function readRecord(path: string): RunRecord {
  const text = readText(path, "the report");
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    const message = `${path} is not JSON: ${(error as Error).message}`;
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", message);
  }
  const format = (record as { format?: unknown } | null)?.format;
  if (format !== RECORD_FORMAT) {
    const message =
      `${path} is not a certification record: ` +
      `format is ${JSON.stringify(format)}, expected "${RECORD_FORMAT}"`;
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", message);
  }
  return record as RunRecord;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", `${what} ${path} cannot be read: ${code}`);
  }
}
