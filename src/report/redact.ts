import type { Exchange } from "../model/exchange.js";

/** Body excerpts in reports stop after this many bytes of UTF-8. */
export const EXCERPT_BYTES = 2048;

/** What stands where a credential was. */
export const REDACTED = "[redacted]";

/** Replaces every occurrence of each secret in every string of `value`, keys included. */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return scrub(value, secrets) as T;
}

function scrub(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return scrubText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [scrubText(key, secrets), scrub(member, secrets)]),
  );
}

function scrubText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/** The secrets that occur in `text`; reports are written only when this is empty. */
export function findSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

/** An exchange as a report keeps it: the response body cut to `EXCERPT_BYTES`. */
export function excerptExchange(exchange: Exchange, limit = EXCERPT_BYTES): Exchange {
  const response = exchange.response;
  if (response === undefined) return exchange;
  const bytes = Buffer.from(response.body, "utf8");
  if (bytes.length <= limit) return exchange;
  return { ...exchange, response: { ...response, body: cutUtf8(bytes, limit), truncated: true } };
}

/** Cuts UTF-8 at a character boundary at or before `limit` bytes. */
function cutUtf8(bytes: Buffer, limit: number): string {
  let end = limit;
  // Continuation bytes are 10xxxxxx; step back to the start of the character they belong to.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8");
}
