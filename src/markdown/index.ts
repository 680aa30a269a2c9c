import type { Operation } from "../model/operation.js";

/**
 * Reads the reference page and the nested-type pages under `specDir` into one Operation.
 * Throws ConformanceError(ERR_CT_PAGE_MALFORMED | ERR_CT_PAGE_TYPE_UNKNOWN) naming file:line:column.
 */
export function loadSpec(_specDir?: string): Operation {
  // TODO(not built yet): the page parser.
  throw new Error("loadSpec is not built yet");
}
