import { ConformanceError, type ErrorCode } from "../model/errors.js";
import type { Place } from "../model/operation.js";

/** Formats a place as `file:line:column`, the form editors and terminals link to. */
export function formatPlace(place: Place): string {
  return `${place.file}:${place.line}:${place.column}`;
}

/** A page that cannot be read as a contract: the message starts with where it went wrong. */
export function pageMalformed(place: Place, message: string): ConformanceError {
  return pageError("ERR_CT_PAGE_MALFORMED", place, message);
}

/** A page error with an explicit code. */
export function pageError(code: ErrorCode, place: Place, message: string): ConformanceError {
  return new ConformanceError(code, `${formatPlace(place)}: ${message}`);
}
