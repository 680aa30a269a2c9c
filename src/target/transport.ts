import http from "node:http";
import https from "node:https";
import { ErrorCodes } from "../model/errors.js";
import type { ReceivedResponse } from "../model/exchange.js";

/** One request on the wire and what came of it. */
export interface WireResult {
  response?: ReceivedResponse;
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
      const finish = (truncated: boolean) => {
        const body = Buffer.concat(chunks).toString("utf8");
        const received: ReceivedResponse = {
          status: response.statusCode ?? 0, headers: joinHeaders(response.headers), body, bytes,
        };
        if (!truncated) return settle({ response: received });
        settle({ response: { ...received, truncated: true }, error: {
          code: ErrorCodes.ERR_CT_TARGET_TOO_LARGE,
          message: `the body passed the cap of ${options.maxBodyBytes} bytes: GET ${url}` } });
      };
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > options.maxBodyBytes) {
          chunks.push(chunk.subarray(0, options.maxBodyBytes - (bytes - chunk.length)));
          finish(true);
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => finish(false));
      response.on("error", (error) => settle({ error: describeError(error, url) }));
    });
    request.on("error", (error) => settle({ error: describeError(error, url) }));
    request.end();
  });
}
