import { BYTE_ORDER_MARK_REASON, startsWithByteOrderMark } from "../json-text.js";
import type { BodyFormat } from "../validate-body.js";
import type { UnitFormat } from "./unit.js";

/** A response as a corpus unit carries it: status, media and the body as text or value. */
export interface RecordedResponse {
  status: number;
  format: BodyFormat;
  /** The body text (JSON or XML); absent when `value` holds already-parsed JSON. */
  text?: string;
  value?: unknown;
}

/** Why a unit yields no response to judge: not a ticket exchange, or unusable. */
export type NoResponse = { ignored: string } | { malformed: string };

type Json = Record<string, unknown>;

const TICKET_PATH = /\/v1\/Ticket\/[^/?#]+\/?$/i;

/** Whether a value is a plain JSON object. */
function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body format a media type names: XML when it says so, JSON otherwise. */
function formatOfMedia(media: unknown): BodyFormat {
  return typeof media === "string" && /xml/i.test(media) ? "xml" : "json";
}

/** A header value from a `headers` object or a HAR `[{name, value}]` list. */
function headerOf(headers: unknown, name: string): unknown {
  if (Array.isArray(headers)) {
    return (headers as Json[]).find((h) => String(h.name).toLowerCase() === name)?.value;
  }
  if (isObject(headers)) {
    return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  }
  return undefined;
}

/** Decodes a body string that a record or HAR marks as base64. */
function decodeText(text: string, encoding: unknown): string {
  return encoding === "base64" ? Buffer.from(text, "base64").toString("utf8") : text;
}

/**
 * A gateway-log record: `{status?, contentType?, encoding?, body}` or the same fields under
 * `response` (`headers` may carry the content type). A missing status reads as 200.
 */
function fromRecord(record: Json): RecordedResponse {
  const status = typeof record.status === "number" ? record.status : 200;
  const media = record.contentType ?? headerOf(record.headers, "content-type");
  const body = record.body;
  if (typeof body === "string") {
    return { status, format: formatOfMedia(media), text: decodeText(body, record.encoding) };
  }
  return { status, format: "json", value: body };
}

/**
 * An NDJSON line: a gateway-log record when its top level has a lower-case `body`, or a
 * `response` object (no ticket property is spelt so); otherwise the line is the body itself.
 */
function fromLine(text: string): RecordedResponse | NoResponse {
  if (startsWithByteOrderMark(text)) return { malformed: BYTE_ORDER_MARK_REASON };
  const value = JSON.parse(text) as unknown;
  if (isObject(value) && "body" in value) return fromRecord(value);
  if (isObject(value) && isObject(value.response)) return fromRecord(value.response);
  return { status: 200, format: "json", value };
}

/** A HAR entry: judged when it is `GET …/v1/Ticket/{id}`; ignored otherwise. */
function fromHarEntry(text: string): RecordedResponse | NoResponse {
  const entry = JSON.parse(text) as Json;
  const request = isObject(entry.request) ? entry.request : {};
  const url = String(request.url ?? "").replace(/[?#].*$/, "");
  if (String(request.method).toUpperCase() !== "GET" || !TICKET_PATH.test(url)) {
    return { ignored: "not GET …/v1/Ticket/{id}" };
  }
  const response = isObject(entry.response) ? entry.response : {};
  const status = typeof response.status === "number" ? response.status : 0;
  const content = isObject(response.content) ? response.content : {};
  if (status !== 200) return { status, format: "json", text: "" };
  if (typeof content.text !== "string") {
    return { malformed: "the entry has no `response.content.text`" };
  }
  const media = content.mimeType ?? headerOf(response.headers, "content-type");
  return { status, format: formatOfMedia(media), text: decodeText(content.text, content.encoding) };
}

/** How each unit format becomes a response. */
const READERS: Record<UnitFormat, (text: string) => RecordedResponse | NoResponse> = {
  json: (text) => ({ status: 200, format: "json", text }),
  xml: (text) => ({ status: 200, format: "xml", text }),
  line: fromLine,
  "har-entry": fromHarEntry,
  problem: (text) => ({ malformed: text }),
};

/** Reads a unit's text as a response. Throws SyntaxError when a line or entry is not JSON. */
export function responseOf(format: UnitFormat, text: string): RecordedResponse | NoResponse {
  return READERS[format](text);
}
