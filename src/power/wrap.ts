import type { Handler, ServerRequest, ServerResponse } from "../server/index.js";

/** A body parsed from a JSON response, with the request that produced it. */
export type JsonEdit = (body: Record<string, unknown>, request: ServerRequest) => unknown;

/** An answer with SuperOffice's error object, sent by a variant in the reference's place. */
export function errorAnswer(status: number, type: string): ServerResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ Error: true, ErrorType: type, ErrorMessage: `${type} raised` }),
  };
}

/** Header value, case-insensitively. */
export function header(request: ServerRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}

/** The request's query parameters, names lower-cased. */
export function queryOf(request: ServerRequest): URLSearchParams {
  const at = request.url.indexOf("?");
  const query = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(at < 0 ? "" : request.url.slice(at + 1))) {
    query.set(name.toLowerCase(), value);
  }
  return query;
}

/** The id path segment as sent. */
export function idOf(request: ServerRequest): string {
  const path = request.url.split("?")[0] ?? "";
  return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
}

/** Whether a response is labelled JSON. */
export function isJson(response: ServerResponse): boolean {
  const type = Object.entries(response.headers).find(([name]) =>
    name.toLowerCase() === "content-type");
  return /json/i.test(type?.[1] ?? "");
}

function bodyText(response: ServerResponse): string {
  return typeof response.body === "string" ? response.body : response.body.toString("utf8");
}

/** Rewrites the request before the reference handler sees it. */
export function editRequest(
  edit: (request: ServerRequest) => ServerRequest,
): (inner: Handler) => Handler {
  return (inner) => (request) => inner(edit(request));
}

/** A request predicate; wrappers apply their edit only where it holds. */
export type When = (request: ServerRequest) => boolean;
const always: When = () => true;

/** The request with one header set, or removed when `value` is undefined. */
export function withHeader(request: ServerRequest, name: string, value?: string): ServerRequest {
  const headers = { ...request.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...request, headers };
}

/** Rewrites the reference handler's response to the requests `when` selects. */
export function editResponse(
  edit: (response: ServerResponse, request: ServerRequest) => ServerResponse,
  when: When = always,
): (inner: Handler) => Handler {
  return (inner) => async (request) => {
    const response = await inner(request);
    return when(request) ? edit(response, request) : response;
  };
}

/** Rewrites every successful JSON body; the edit may mutate the body or return a new one. */
export function editJson(edit: JsonEdit, when: When = always) {
  return editResponse((response, request) => {
    if (response.status !== 200 || !isJson(response)) return response;
    const body = JSON.parse(bodyText(response)) as Record<string, unknown>;
    const edited = edit(body, request);
    return { ...response, body: JSON.stringify(edited === undefined ? body : edited) };
  }, when);
}

/** Rewrites the text of every response body of the given media kind. */
export function editText(kind: RegExp, edit: (text: string, request: ServerRequest) => string) {
  return editResponse((response, request) => {
    const type = Object.entries(response.headers).find(([name]) =>
      name.toLowerCase() === "content-type");
    if (!kind.test(type?.[1] ?? "")) return response;
    return { ...response, body: edit(bodyText(response), request) };
  });
}

/** Answers requests matching `when` with a fixed response instead of the reference's. */
export function answer(
  when: (request: ServerRequest) => boolean,
  make: (request: ServerRequest) => ServerResponse,
): (inner: Handler) => Handler {
  return (inner) => (request) => (when(request) ? make(request) : inner(request));
}

/** Composes wrappers, outermost last. */
export function pipe(...wrappers: Array<(inner: Handler) => Handler>): (inner: Handler) => Handler {
  return (inner) => wrappers.reduce((handler, wrap) => wrap(handler), inner);
}

/** Visits every string value in a JSON tree, replacing it with what `edit` returns. */
export function mapStrings(
  value: unknown,
  edit: (text: string, key: string) => string,
  key = "",
): unknown {
  if (typeof value === "string") return edit(value, key);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, edit, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, mapStrings(item, edit, name)]),
    );
  }
  return value;
}

/** A SuperOffice date-time as the reference writes them. */
export const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;
