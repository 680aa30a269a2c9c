import type { Handler, ServerRequest, ServerResponse } from "../../src/server/index.js";

/** A JSON value as a wrapper edits it. */
export type Json = Record<string, unknown>;

/** The query parameters of a server request. */
export function queryOf(request: ServerRequest): URLSearchParams {
  return new URL(request.url, "http://reference.test").searchParams;
}

/** Whether a response carries JSON. */
export function isJsonResponse(response: ServerResponse): boolean {
  return /json/.test(response.headers["content-type"] ?? "");
}

/** Rewrites a JSON response body with `edit`; other responses pass unchanged. */
export function editJson(response: ServerResponse, edit: (body: Json) => void): ServerResponse {
  if (!isJsonResponse(response) || response.status !== 200) return response;
  const body = JSON.parse(response.body.toString()) as Json;
  edit(body);
  return { ...response, body: JSON.stringify(body) };
}

/** A wrapper that edits the JSON of the answers to requests `when` selects. */
export function editJsonWhen(
  when: (request: ServerRequest) => boolean,
  edit: (body: Json, request: ServerRequest) => void,
): (inner: Handler) => Handler {
  return (inner) => async (request) => {
    const response = await inner(request);
    return when(request) ? editJson(response, (body) => edit(body, request)) : response;
  };
}

/** A wrapper that changes the request before the reference handler sees it. */
export function rewriteRequest(
  rewrite: (request: ServerRequest) => ServerRequest,
): (inner: Handler) => Handler {
  return (inner) => (request) => inner(rewrite(request));
}

/** A wrapper that changes the response to requests `when` selects. */
export function rewriteResponse(
  when: (request: ServerRequest) => boolean,
  rewrite: (response: ServerResponse, request: ServerRequest) => ServerResponse,
): (inner: Handler) => Handler {
  return (inner) => async (request) => {
    const response = await inner(request);
    return when(request) ? rewrite(response, request) : response;
  };
}

/** The ticket id a request asks for, as text. */
export function ticketIdOf(request: ServerRequest): string {
  return new URL(request.url, "http://reference.test").pathname.replace(/^.*\/Ticket\/?/, "");
}

/** Drops a header from a request. */
export function withoutHeader(request: ServerRequest, name: string): ServerRequest {
  const headers = { ...request.headers };
  delete headers[name];
  return { ...request, headers };
}
