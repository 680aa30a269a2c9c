/** What a response body is written as. */
export type MediaKind = "json" | "xml";

/** The outcome of content negotiation: the body kind and the `Content-Type` to send. */
export interface MediaChoice {
  kind: MediaKind;
  contentType: string;
}

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The media types served, in the server's order of preference, with how each is answered. */
const SUPPORTED: ReadonlyArray<{ type: string } & MediaChoice> = [
  { type: "application/json", kind: "json", contentType: JSON_CONTENT_TYPE },
  { type: "text/json", kind: "json", contentType: "text/json; charset=utf-8" },
  { type: "application/xml", kind: "xml", contentType: "application/xml; charset=utf-8" },
  { type: "text/xml", kind: "xml", contentType: "text/xml; charset=utf-8" },
  // Note: the patch types describe request bodies; a GET answers them with plain JSON.
  { type: "application/json-patch+json", kind: "json", contentType: JSON_CONTENT_TYPE },
  { type: "application/merge-patch+json", kind: "json", contentType: JSON_CONTENT_TYPE },
];

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

/** Parses an `Accept` header into ranges; unparsable entries are skipped. */
function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(",").forEach((entry, order) => {
    const [range = "", ...params] = entry.split(";").map((part) => part.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) return;
    const q = params.find((param) => param.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    ranges.push({ type, subtype, q: Number.isFinite(quality) ? quality : 0, order });
  });
  return ranges;
}

/** The most specific range matching a media type, as RFC 9110 ranks them. */
function bestRange(ranges: MediaRange[], mediaType: string): MediaRange | undefined {
  const [type, subtype] = mediaType.split("/");
  const specificity = (range: MediaRange) =>
    range.type === type && range.subtype === subtype ? 2
      : range.type === type && range.subtype === "*" ? 1
        : range.type === "*" && range.subtype === "*" ? 0 : -1;
  return ranges
    .filter((range) => specificity(range) >= 0)
    .sort((a, b) => specificity(b) - specificity(a))[0];
}

/**
 * Chooses the response media type from `Accept`: highest q wins, then the client's order, then
 * the server's preference (JSON first). No header or the full wildcard gives JSON; undefined
 * means 406.
 */
export function negotiateMedia(accept: string | undefined): MediaChoice | undefined {
  if (accept === undefined || accept.trim() === "") return SUPPORTED[0];
  const ranges = parseAccept(accept);
  const candidates = SUPPORTED.flatMap((media, preference) => {
    const range = bestRange(ranges, media.type);
    return range && range.q > 0 ? [{ media, q: range.q, order: range.order, preference }] : [];
  });
  candidates.sort((a, b) => b.q - a.q || a.order - b.order || a.preference - b.preference);
  const chosen = candidates[0]?.media;
  return chosen && { kind: chosen.kind, contentType: chosen.contentType };
}
