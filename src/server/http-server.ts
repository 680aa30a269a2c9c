import { createServer, type IncomingMessage, type Server } from "node:http";
import { debuglog } from "node:util";
import { createReferenceHandler, resolveConfig } from "./handler.js";
import { errorResponse } from "./errors.js";
import type {
  Handler, RunningServer, ServerRequest, ServerResponse, StartOptions,
} from "./index.js";

const debug = debuglog("ct:server");

/** Header names in lower case; repeated headers joined as HTTP allows (`; ` for cookies). */
function flattenHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(name === "cookie" ? "; " : ", ") : value;
  }
  return headers;
}

/** Runs the handler; a thrown error becomes a 500 with the error object, never a dropped socket. */
async function respond(handler: Handler, request: ServerRequest): Promise<ServerResponse> {
  try {
    return await handler(request);
  } catch (error) {
    debug("handler failed: %s", error instanceof Error ? error.stack : String(error));
    return errorResponse(500, "SoServerException", "The reference handler failed");
  }
}

/** The URL a client uses for the address the server is bound to. */
function baseUrl(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

/** Listens, rejecting with the socket error (e.g. `EADDRINUSE`) instead of crashing. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** Starts the reference server over `node:http`; port 0 picks a free port. */
export async function startReferenceServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options.config);
  const inner = createReferenceHandler(config);
  const handler = options.wrap ? options.wrap(inner) : inner;
  const pending = new Set<NodeJS.Timeout>();

  const server = createServer((message, reply) => {
    const started = performance.now();
    message.resume();
    message.on("end", async () => {
      const request = {
        method: message.method ?? "GET",
        url: message.url ?? "/",
        headers: flattenHeaders(message),
      };
      const response = await respond(handler, request);
      const send = () => {
        const body =
          typeof response.body === "string" ? Buffer.from(response.body, "utf8") : response.body;
        reply.writeHead(response.status, { ...response.headers, "content-length": body.length });
        reply.end(request.method === "HEAD" ? undefined : body);
        const elapsed = Math.round(performance.now() - started);
        const line = `${request.method} ${request.url} ${response.status} ${elapsed}ms`;
        debug(line);
        options.log?.(line);
      };
      if (!response.delayMs) return send();
      const timer = setTimeout(() => {
        pending.delete(timer);
        send();
      }, response.delayMs);
      pending.add(timer);
    });
  });
  server.keepAliveTimeout = 5_000;

  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  const url = baseUrl(host, port);
  debug("listening on %s", url);
  return {
    url,
    root: `${url}/api`,
    port,
    credentials: config.credentials,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
