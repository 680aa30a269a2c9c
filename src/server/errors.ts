import type { MediaChoice } from "./media.js";
import { serialiseJson } from "./json.js";
import { renderXml } from "./xml.js";
import type { ServerResponse } from "./index.js";

/** Where the error object says an error came from, as SuperOffice writes it. */
const ERROR_SOURCE = "SuperOffice.Services.Implementation";

/** SuperOffice's error object: `Error` true, the exception type, a message and its source. */
export function errorObject(errorType: string, message: string): Record<string, string | boolean> {
  return { Error: true, ErrorType: errorType, ErrorMessage: message, ErrorSource: ERROR_SOURCE };
}

/** The JSON media choice errors fall back to when the request's own choice is unknown. */
export const JSON_MEDIA: MediaChoice = {
  kind: "json",
  contentType: "application/json; charset=utf-8",
};

/**
 * An error response in the negotiated media type: JSON, or XML with root `Error` in the same
 * namespace as the entity.
 */
export function errorResponse(
  status: number,
  errorType: string,
  message: string,
  media: MediaChoice = JSON_MEDIA,
  headers: Record<string, string> = {},
): ServerResponse {
  const error = errorObject(errorType, message);
  const body = media.kind === "xml" ? renderXml("Error", error) : serialiseJson(error);
  return { status, headers: { "content-type": media.contentType, ...headers }, body };
}
