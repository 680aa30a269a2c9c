import { request as httpRequest } from "node:http";
import { DEFAULT_CREDENTIALS, startReferenceServer } from "../../src/server/index.js";
import type { RunningServer, StartOptions } from "../../src/server/index.js";

/** A parsed body read along deep paths. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk parsed bodies freely
export type Json = Record<string, any>;

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
  const method = init.method ?? "GET";
  const response = await fetch(`${server.url}${path}`, { method, headers: all });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  return { status: response.status, headers: response.headers, bytes, text };
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

/** A response read with node:http. */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Sends a request with exactly the given headers (fetch adds `Accept` and `Accept-Language`
 * by itself, so "no header" needs node:http).
 */
export function rawGet(
  server: RunningServer,
  path: string,
  headers: Record<string, string>,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      });
    });
    req.on("error", reject);
    req.end();
  });
}
