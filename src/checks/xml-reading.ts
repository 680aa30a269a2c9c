import { isConformanceError } from "../model/errors.js";
import type { Exchange } from "../model/exchange.js";
import { readXmlBody } from "../validate/index.js";

/** The ticket roots the XML answer may have (namespaces and prefixes ignored). */
export const XML_ROOTS: ReadonlySet<string> = new Set(["TicketEntity", "TicketEntityWithLinks"]);

/** An XML body read through the schema, or why it could not be read. */
export type XmlReading =
  | { ok: true; root: string; value: unknown; problems: string[] }
  | { ok: false; why: string };

/** Reads an XML answer through the body type's schema: types come from the schema. */
export function readXmlAnswer(exchange: Exchange, typeName: string): XmlReading {
  try {
    const read = readXmlBody(exchange.response?.body ?? "", typeName);
    const root = read.root.replace(/^.*:/, "");
    return { ok: true, root, value: read.value, problems: read.problems };
  } catch (error) {
    if (isConformanceError(error)) return { ok: false, why: error.message };
    throw error;
  }
}
