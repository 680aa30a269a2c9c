import http from "node:http";
import https from "node:https";
import { ErrorCodes } from "../model/errors.js";
import type { ReceivedResponse } from "../model/exchange.js";
import { decodeBody } from "./content-coding.js";

/** One request on the wire and what came of it. */
export interface WireResult {
  response?: ReceivedResponse;
  /** The response headers as parsed, before joining: every `Set-Cookie` is its own entry. */
  fields?: http.IncomingHttpHeaders;
  error?: { code: string; message: string };
}

/** How the transport sends. */
export interface WireOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  agents: { http: http.Agent; https: https.Agent };
}

/** Connection agents a target reuses and destroys when it closes. */
export function createAgents(): WireOptions["agents"] {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

/** System error codes and what they mean for a reader of a report. */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  EPIPE: "the connection was reset",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve (DNS failure)",
  EHOSTUNREACH: "the host is unreachable",
  ECONNABORTED: "the connection was aborted",
};

function describeError(error: NodeJS.ErrnoException, url: string): WireResult["error"] {
  const code = error.code ?? "";
  const known = NETWORK_ERRORS[code];
  const what = known ?? error.message;
  return { code: ErrorCodes.ERR_CT_TARGET_UNREACHABLE,
    message: `${what} (${code || "no code"}): GET ${url}` };
}

function joinHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * Turns the body bytes into text, undoing any `Content-Encoding` first, and says why the
 * exchange cannot be judged when the body passed the cap or is not what its label says.
 * `bytes` stays the size on the wire; the `content-encoding` header stays as evidence.
 */
async function readBody(
  raw: Buffer,
  received: ReceivedResponse,
  truncated: boolean,
  url: string,
  options: WireOptions,
): Promise<Omit<WireResult, "fields">> {
  const cap = options.maxBodyBytes;
  const label = received.headers["content-encoding"];
  const decoded = await decodeBody(raw, label, cap, truncated);
  const coded = label === undefined ? "" : ` (Content-Encoding: ${label})`;
  const tooLarge = (body: string, why: string): Omit<WireResult, "fields"> => ({
    response: { ...received, body, truncated: true },
    error: { code: ErrorCodes.ERR_CT_TARGET_TOO_LARGE, message: `${why}: GET ${url}` },
  });
  if (truncated) {
    // A cut body shows as far as it decodes; compressed bytes that do not decode show nothing.
    const excerpt = decoded.kind === "decoded" ? decoded.body.toString("utf8") : "";
    return tooLarge(excerpt, `the body${coded} passed the cap of ${cap} bytes`);
  }
  if (decoded.kind === "too-large") {
    return tooLarge("", `the body${coded} decodes past the cap of ${cap} bytes ` +
      `(${received.bytes} bytes on the wire)`);
  }
  if (decoded.kind === "undecodable") {
    const message = `${decoded.reason}: GET ${url}`;
    return { response: { ...received, body: raw.toString("utf8") },
      error: { code: ErrorCodes.ERR_CT_TARGET_ENCODING, message } };
  }
  return { response: { ...received, body: decoded.body.toString("utf8") } };
}

/**
 * Sends `GET url` with exactly `headers` (Node adds only `Host` and `Connection`), never
 * follows a redirect, gives up after `timeoutMs`, stops reading past `maxBodyBytes`, and stops
 * at once when `signal` aborts (an interrupted run does not wait for the request in flight).
 */
export function sendOnWire(
  url: string,
  headers: Record<string, string>,
  options: WireOptions,
  signal?: AbortSignal,
): Promise<WireResult> {
  const interrupted = (): WireResult => ({ error: { code: ErrorCodes.ERR_CT_INTERRUPTED,
    message: `the run was stopped before an answer came: GET ${url}` } });
  if (signal?.aborted) return Promise.resolve(interrupted());
  return new Promise((resolve) => {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const transport = secure ? https : http;
    let settled = false;
    // Decoding takes a moment: once the body is complete, later stream events change nothing.
    let complete = false;
    const settle = (result: WireResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const onAbort = () => {
      request.destroy();
      settle(interrupted());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      request.destroy();
      settle({ error: { code: ErrorCodes.ERR_CT_TARGET_TIMEOUT,
        message: `no complete answer within ${options.timeoutMs} ms: GET ${url}` } });
    }, options.timeoutMs);
    // Note: TLS certificates are verified (rejectUnauthorized defaults to true).
    const request = transport.request(target, {
      method: "GET",
      headers,
      agent: secure ? options.agents.https : options.agents.http,
    }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      const finish = async (truncated: boolean) => {
        complete = true;
        const received: ReceivedResponse = {
          status: response.statusCode ?? 0, headers: joinHeaders(response.headers), body: "",
          bytes,
        };
        const answer = await readBody(Buffer.concat(chunks), received, truncated, url, options);
        settle({ ...answer, fields: response.headers });
      };
      response.on("data", (chunk: Buffer) => {
        if (complete) return;
        bytes += chunk.length;
        if (bytes > options.maxBodyBytes) {
          chunks.push(chunk.subarray(0, options.maxBodyBytes - (bytes - chunk.length)));
          void finish(true);
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => {
        if (!complete) void finish(false);
      });
      response.on("error", (error) => {
        if (!complete) settle({ error: describeError(error, url) });
      });
    });
    request.on("error", (error) => {
      if (!complete) settle({ error: describeError(error, url) });
    });
    request.end();
  });
}
