import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { ConformanceError, isConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import {
  decodeUtf8,
  loadValidators,
  readXmlBody,
  validateBodyText,
  type BodyFormat,
  type BodyReport,
} from "../validate/index.js";
import type { CliIo } from "./io.js";
import { validateCorpusCommand, wantsCorpus } from "./validate-corpus.js";

/** Options of `so-conformance validate` handled so far. */
interface ValidateOptions {
  type?: string;
  format?: string;
  profile?: Profile;
  quiet?: boolean;
}

/** Formats this command reads; NDJSON and HAR come with the corpus reader. */
const FORMATS_BY_EXTENSION: Readonly<Record<string, BodyFormat>> = {
  ".json": "json",
  ".xml": "xml",
};

/** Tallies over all inputs, for the summary line and the exit code. */
interface Tally {
  valid: number;
  invalid: number;
  unreadable: number;
  warnings: number;
}

/**
 * `validate FILE…|-`: validates each body against `--type` and prints one line per violation,
 * then a summary. Exit 0 when every body is valid (warnings allowed), 1 when one is invalid,
 * 2 when an input could not be read or the type is unknown.
 */
export async function validateCommand(
  files: string[],
  options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const { type = "TicketEntityWithLinks", profile = "lenient", format, quiet = false } =
    options as ValidateOptions;
  if (wantsCorpus(files, options, io.cwd)) return validateCorpusCommand(files, options, io);
  const validators = loadValidators();
  if (!validators.types.includes(type)) {
    throw new ConformanceError(
      "ERR_CT_USAGE",
      `unknown --type \`${type}\` (known types: ${validators.types.join(", ")})`,
    );
  }
  const tally: Tally = { valid: 0, invalid: 0, unreadable: 0, warnings: 0 };
  for (const file of files) {
    const bodyFormat =
      (format as BodyFormat | undefined) ?? FORMATS_BY_EXTENSION[extname(file)] ?? "json";
    try {
      const text = readInput(file, io);
      const report = validateBodyText(text, {
        name: file,
        format: bodyFormat,
        typeName: type,
        profile,
        validators,
        readXml: readXmlBody,
      });
      printReport(file, report, tally, quiet, io);
    } catch (error) {
      if (!isConformanceError(error)) throw error;
      tally.unreadable += 1;
      io.err(`${error.message}\n`);
    }
  }
  io.out(summarize(tally, type, profile));
  if (tally.unreadable > 0) return 2;
  return tally.invalid > 0 ? 1 : 0;
}

function readInput(file: string, io: CliIo): string {
  try {
    const bytes = file === "-" ? readFileSync(0) : readFileSync(resolve(io.cwd, file));
    return decodeUtf8(bytes, file);
  } catch (error) {
    if (isConformanceError(error)) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", `${file}: cannot read (${reason})`);
  }
}

function printReport(
  file: string,
  report: BodyReport,
  tally: Tally,
  quiet: boolean,
  io: CliIo,
): void {
  const failed = report.violations.some((violation) => violation.severity === "fail");
  tally.warnings += report.violations.filter((violation) => violation.severity === "warn").length;
  if (failed || report.problems.length > 0) tally.invalid += 1;
  else tally.valid += 1;
  if (quiet) return;
  for (const problem of report.problems) io.out(`${file}: ${problem}\n`);
  for (const violation of report.violations) {
    const label = violation.severity === "warn" ? "warning: " : "";
    io.out(
      `${file}: ${violation.pointer || "/"}: ${label}${violation.message} ` +
        `(value: ${JSON.stringify(violation.value)}; allowed: ${violation.allowed})\n`,
    );
  }
}

function summarize(tally: Tally, type: string, profile: Profile): string {
  const total = tally.valid + tally.invalid + tally.unreadable;
  return (
    `validate: ${total} ${total === 1 ? "body" : "bodies"} as ${type} (${profile}): ` +
    `${tally.valid} valid, ${tally.invalid} invalid, ${tally.unreadable} unreadable, ` +
    `${tally.warnings} warnings\n`
  );
}

