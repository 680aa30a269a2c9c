import type { WireValue } from "./tree.js";

/** Serialises a rendered body as the server sends it: compact JSON, raw UTF-8 text. */
export function serialiseJson(value: WireValue): string {
  return JSON.stringify(value);
}
