import { request as httpRequest } from "node:http";
import { DEFAULT_CREDENTIALS, startReferenceServer } from "../../src/server/index.js";
import type { RunningServer, StartOptions } from "../../src/server/index.js";

/** The default Basic credentials as an `Authorization` value. */
export const BASIC = `Basic ${Buffer.from(
  `${DEFAULT_CREDENTIALS.basic.user}:${DEFAULT_CREDENTIALS.basic.password}`,
).toString("base64")}`;

/** A response read whole: status, lower-case headers, the body as bytes and as text. */
export interface Reply {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** Starts a reference server for one `describe` block and closes it afterwards. */
export function useServer(options: StartOptions = {}): { server: () => RunningServer } {
  let running: RunningServer | undefined;
  before(async () => {
    running = await startReferenceServer({ host: "127.0.0.1", port: 0, ...options });
  });
  after(async () => {
    await running?.close();
  });
  return {
    server: () => {
      if (!running) throw new Error("server not started");
      return running;
    },
  };
}

/** GETs a path under the server with fetch, authenticated with Basic unless told otherwise. */
export async function get(
  server: RunningServer,
  path: string,
  headers: Record<string, string> = {},
  init: { auth?: boolean; method?: string } = {},
): Promise<Reply> {
  const all = init.auth === false ? headers : { authorization: BASIC, ...headers };
  const response = await fetch(`${server.url}${path}`, { method: init.method ?? "GET", headers: all });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString("utf8") };
}

/** GETs a ticket as JSON and parses the body. */
export async function getJson(
  server: RunningServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; reply: Reply }> {
  const reply = await get(server, path, headers);
  return { status: reply.status, body: JSON.parse(reply.text) as Record<string, unknown>, reply };
}

/**
 * Sends a request with exactly the given headers (fetch adds `Accept` and `Accept-Language`
 * by itself, so "no header" needs node:http).
 */
export function rawGet(
  server: RunningServer,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}
