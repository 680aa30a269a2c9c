import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import { parseJsonBody } from "./json-text.js";
import type { BodyValidators } from "./load-validators.js";
import type { Violation } from "./violation.js";
import type { XmlBody } from "./xml-body.js";

/** Body formats one body can be given in. */
export type BodyFormat = "json" | "xml";

/** What validating one body found. */
export interface BodyReport {
  violations: Violation[];
  /** Text that could not be read as its type (XML only), with its pointer. */
  problems: string[];
  /** The XML root element's local name. */
  root?: string;
}

/** Everything needed to judge one body apart from its text. */
export interface BodyOptions {
  /** Names the body in messages: a file name, `-`, or `file#line`. */
  name: string;
  format: BodyFormat;
  typeName: string;
  profile: Profile;
  validators: BodyValidators;
  /** Reads XML through the schema; required for the `xml` format. */
  readXml?: (xml: string, typeName: string) => XmlBody;
}

/**
 * Validates one body given as text. Throws ConformanceError(ERR_CT_INPUT_MALFORMED) when the
 * text is not JSON or well-formed XML; file reading stays with the caller, so corpora reuse it.
 */
export function validateBodyText(text: string, options: BodyOptions): BodyReport {
  const { format, typeName, profile, validators } = options;
  if (format === "json") {
    const body = parseJsonBody(text, options.name);
    return { violations: validators.validate(typeName, body, profile), problems: [] };
  }
  const { readXml } = options;
  if (!readXml) throw new Error("validateBodyText: XML needs `readXml`");
  const xmlText = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const xml = readNamed(options.name, () => readXml(xmlText, typeName));
  return {
    violations: validators.validate(typeName, xml.value, profile),
    problems: xml.problems,
    root: xml.root,
  };
}

/** Runs a reader whose errors say only `line:column`, putting the body's name in front. */
function readNamed<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const malformed = error instanceof ConformanceError && error.code === "ERR_CT_INPUT_MALFORMED";
    if (!malformed) throw error;
    throw new ConformanceError(error.code, `${name}:${error.message}`, { cause: error });
  }
}
