import type { Exchange } from "../model/exchange.js";
import type { Finding } from "../model/finding.js";
import { BYTE_ORDER_MARK_REASON, startsWithByteOrderMark } from "../validate/index.js";

/** The media type of a response without parameters, in lower case, and its charset. */
export function contentTypeOf(exchange: Exchange): { essence: string; charset?: string } {
  const header = exchange.response?.headers["content-type"] ?? "";
  const [essence = "", ...parameters] = header.split(";").map((part) => part.trim());
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return charset === undefined
    ? { essence: essence.toLowerCase() }
    : { essence: essence.toLowerCase(), charset: charset.toLowerCase() };
}

/** Whether a media type is a JSON one (`application/json`, `text/json`, `…+json`). */
export function isJsonMediaType(essence: string): boolean {
  return /^(application|text)\/([\w.-]+\+)?json$/.test(essence);
}

/** Whether a media type is an XML one (`application/xml`, `text/xml`, `…+xml`). */
export function isXmlMediaType(essence: string): boolean {
  return /^(application|text)\/([\w.-]+\+)?xml$/.test(essence);
}

/** The status of an exchange; checks only see exchanges that have a response. */
export function statusOf(exchange: Exchange): number {
  return exchange.response?.status ?? 0;
}

/**
 * The deepest nesting of arrays and objects the checks read. A ticket nests a few levels;
 * the walkers that compare bodies recurse, so a hostile body thousands of levels deep would
 * overflow the stack.
 */
export const MAX_JSON_DEPTH = 256;

/** Whether JSON text nests arrays and objects more than `limit` deep (strings skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "[" || char === "{") {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === "]" || char === "}") {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The status of an exchange as a finding states it: a redirect names where it pointed, since
 * the targets never follow one (credentials must not travel to another host).
 */
export function describeStatus(exchange: Exchange): string {
  const status = statusOf(exchange);
  const location = exchange.response?.headers.location;
  if (status < 300 || status > 399 || location === undefined) return String(status);
  return `${status}, a redirect to ${location} that was not followed`;
}

/** Parses a response body as JSON, or says why it could not. */
export function readJson(
  exchange: Exchange,
): { ok: true; value: unknown } | { ok: false; why: string } {
  const body = exchange.response?.body ?? "";
  if (startsWithByteOrderMark(body)) return { ok: false, why: BYTE_ORDER_MARK_REASON };
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    const why = `the body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`;
    return { ok: false, why };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, why: `the body is not JSON (${(error as Error).message})` };
  }
}

/** Builds findings for one requirement, so each check names its requirement once. */
export function findingsFor(requirement: string) {
  type Fields = Omit<Finding, "requirement" | "exchange">;
  return (exchange: Exchange | undefined, fields: Fields): Finding => {
    const finding: Finding = { requirement, ...fields };
    if (exchange) finding.exchange = exchange.id;
    return finding;
  };
}

/** Shortens a value for a finding: long strings and big objects are cut. */
export function excerpt(value: unknown, max = 200): unknown {
  if (typeof value === "string") return value.length > max ? `${value.slice(0, max)}…` : value;
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text !== undefined && text.length > max ? `${text.slice(0, max)}…` : value;
}
