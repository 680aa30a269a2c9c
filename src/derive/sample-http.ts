import type { Place, SampleModel } from "../model/operation.js";
import { locateJsonValues } from "./json-places.js";

/** A sample block read as an HTTP message. */
export interface SampleMessage {
  /** The request or status line. */
  startLine: string;
  /** Header names in lower case, with the line each stands on. */
  headers: Map<string, { value: string; place: Place }>;
  /** The parsed JSON body, if any. */
  body?: unknown;
  /** Where the start line stands. */
  place: Place;
  /** Where a JSON pointer's value stands in the page; the start line when unknown. */
  placeOf(pointer: string): Place;
}

/** Reads a sample block (`http!` request or `http_` response) as an HTTP message. */
export function readSample(sample: SampleModel): SampleMessage {
  const lines = sample.text.split("\n");
  // Note: the block's first line stands one below the fence.
  const lineAt = (index: number): Place => ({
    ...sample.place,
    line: sample.place.line + 1 + index,
    column: 1,
  });
  const blank = lines.findIndex((line) => line.trim() === "");
  const headerEnd = blank === -1 ? lines.length : blank;
  const headers = new Map<string, { value: string; place: Place }>();
  lines.slice(1, headerEnd).forEach((line, index) => {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), {
        value: line.slice(colon + 1).trim(),
        place: lineAt(index + 1),
      });
    }
  });
  const bodyText = blank === -1 ? "" : lines.slice(blank + 1).join("\n");
  const body = bodyText.trim() === "" ? undefined : (JSON.parse(bodyText) as unknown);
  const offsets = body === undefined ? new Map<string, number>() : locateJsonValues(bodyText);
  return {
    startLine: lines[0] ?? "",
    headers,
    ...(body === undefined ? {} : { body }),
    place: lineAt(0),
    placeOf(pointer) {
      const offset = offsets.get(pointer);
      if (offset === undefined) return lineAt(0);
      const before = bodyText.slice(0, offset).split("\n");
      return {
        ...sample.place,
        line: sample.place.line + 1 + blank + before.length,
        column: (before.at(-1)?.length ?? 0) + 1,
      };
    },
  };
}
