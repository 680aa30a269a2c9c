import { isConformanceError } from "../../model/errors.js";
import type { Profile } from "../../model/finding.js";
import type { CompiledSchemas } from "../compile-schemas.js";
import type { BodyValidators } from "../load-validators.js";
import { validateBodyText } from "../validate-body.js";
import type { Violation } from "../violation.js";
import { readXmlThroughSchema } from "../xml-body.js";
import { responseOf, type RecordedResponse } from "./response-of.js";
import { countResult, emptyTally, type BodyResult, type Tally } from "./tally.js";
import type { UnitFormat } from "./unit.js";

/** What judging needs besides the units. */
export interface JudgeOptions {
  typeName: string;
  profile: Profile;
  /** Keep no per-body results (the summary only). */
  quiet: boolean;
}

/** A batch of units packed into one buffer: what the main thread hands a worker. */
export interface UnitBatch {
  seq: number;
  bytes: Uint8Array;
  /** Per unit: its location, format, and end offset in `bytes`. */
  locations: string[];
  formats: UnitFormat[];
  ends: number[];
}

/** What judging a batch gives back: counts, and results worth printing unless quiet. */
export interface BatchVerdict {
  seq: number;
  tally: Tally;
  results: BodyResult[];
}

// A byte order mark is kept: JSON forbids it, and the readers say so; XML allows it.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The validators and schemas a judge works with. */
export interface Judge {
  validators: BodyValidators;
  schemas: CompiledSchemas;
  options: JudgeOptions;
}

/** Judges a response that answered 200 (or is a bare body). */
function judgeResponse(judge: Judge, location: string, response: RecordedResponse): Violation[] {
  const { typeName, profile } = judge.options;
  if (response.text === undefined) {
    return judge.validators.validate(typeName, response.value, profile);
  }
  const report = validateBodyText(response.text, {
    name: location,
    format: response.format,
    typeName,
    profile,
    validators: judge.validators,
    readXml: (xml, type) =>
      readXmlThroughSchema(xml, type, (name) => judge.schemas.schemaFor(name)),
  });
  const problems: Violation[] = report.problems.map((problem) => ({
    pointer: "",
    value: null,
    keyword: "xml",
    message: problem,
    allowed: `text readable as ${typeName}`,
    severity: "fail",
  }));
  return [...problems, ...report.violations];
}

/** Hints for a whole-file body that looks like the other format than the one it is read as. */
const FORMAT_HINTS: Partial<Record<UnitFormat, (text: string) => string | undefined>> = {
  json: (text) => (/^\s*</.test(text) ? "it looks like XML: pass --format xml" : undefined),
  xml: (text) => (/^\s*[{[]/.test(text) ? "it looks like JSON: pass --format json" : undefined),
};

/**
 * Why a unit is malformed, in words. A reader's message that starts with the unit's location
 * loses it (the result already names it), leaving `line:column: what`.
 */
function malformedReason(
  location: string,
  format: UnitFormat,
  message: string,
  text: string,
): string {
  const own = message.startsWith(`${location}:`);
  const reason = own ? message.slice(location.length + 1) : `not readable: ${message}`;
  const hint = FORMAT_HINTS[format]?.(text);
  return hint ? `${reason} (${hint})` : reason;
}

/** Judges one unit's bytes; never throws for bad input (it is counted as malformed). */
export function judgeUnit(
  judge: Judge,
  location: string,
  format: UnitFormat,
  bytes: Uint8Array,
): BodyResult {
  let text = "";
  try {
    text = utf8.decode(bytes);
    const response = responseOf(format, text);
    if ("ignored" in response) return { location, outcome: "ignored", reason: response.ignored };
    if ("malformed" in response) {
      return { location, outcome: "malformed", reason: response.malformed };
    }
    if (response.status !== 200) return { location, outcome: "skipped", status: response.status };
    const violations = judgeResponse(judge, location, response);
    const outcome = violations.some((v) => v.severity === "fail") ? "invalid" : "valid";
    return { location, outcome, violations };
  } catch (error) {
    if (error instanceof TypeError && /encoded data/.test(error.message)) {
      return { location, outcome: "malformed", reason: "not UTF-8" };
    }
    if (error instanceof SyntaxError || isConformanceError(error)) {
      const reason = malformedReason(location, format, error.message, text);
      return { location, outcome: "malformed", reason };
    }
    throw error;
  }
}

/** Judges a batch in order; keeps per-body results for bodies with something to report. */
export function judgeBatch(judge: Judge, batch: UnitBatch): BatchVerdict {
  const tally = emptyTally();
  const results: BodyResult[] = [];
  let from = 0;
  for (let n = 0; n < batch.ends.length; n++) {
    const end = batch.ends[n] as number;
    const location = batch.locations[n] as string;
    const format = batch.formats[n] as UnitFormat;
    const result = judgeUnit(judge, location, format, batch.bytes.subarray(from, end));
    from = end;
    countResult(tally, result);
    const worthPrinting = result.outcome !== "valid" || (result.violations?.length ?? 0) > 0;
    if (!judge.options.quiet && worthPrinting && result.outcome !== "ignored") results.push(result);
  }
  return { seq: batch.seq, tally, results };
}
