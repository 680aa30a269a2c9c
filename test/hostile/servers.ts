import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A request as a hostile server saw it: enough to prove what reached it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** How a hostile server answers; `socket` lets it misbehave below HTTP. */
export type Misbehaviour = (request: IncomingMessage, response: ServerResponse) => void;

/** A misbehaving server on 127.0.0.1 and what it saw. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT` (or https). */
  url: string;
  /** The API root the suite is pointed at: `url + "/api"`. */
  root: string;
  /** Every request that reached it, in order. */
  seen: SeenRequest[];
  /** Body bytes it managed to write, over all answers. */
  bytesWritten(): number;
  close(): Promise<void>;
}

/** Content types the hostile answers use. */
export const JSON_TYPE = "application/json; charset=utf-8";
export const XML_TYPE = "application/xml; charset=utf-8";

/** Answers every request with a fixed status, headers and body. */
export function answer(
  status: number, headers: Record<string, string>, body: string | Buffer,
): Misbehaviour {
  return (_request, response) => {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    response.writeHead(status, { ...headers, "content-length": String(bytes.length) });
    response.end(bytes);
  };
}

/** Promises a whole body, sends half of it, then destroys the socket. */
export function resetMidBody(body: string): Misbehaviour {
  return (_request, response) => {
    const bytes = Buffer.from(body, "utf8");
    response.writeHead(200, { "content-type": JSON_TYPE, "content-length": String(bytes.length) });
    response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
  };
}

/** Reads the request and never answers; the connection stays open until the server closes. */
export function neverAnswer(): Misbehaviour {
  return () => {};
}

/** Sends headers at once, then one byte of a JSON body every `everyMs`, at most `limit` bytes. */
export function trickleBody(everyMs: number, limit = 600): Misbehaviour {
  return (_request, response) => {
    response.writeHead(200, { "content-type": JSON_TYPE });
    response.write("[");
    let sent = 1;
    const timer = setInterval(() => {
      if (response.destroyed || sent >= limit) {
        clearInterval(timer);
        if (!response.destroyed) response.end("]");
        return;
      }
      response.write(" ");
      sent += 1;
    }, everyMs);
    response.on("close", () => clearInterval(timer));
  };
}

const CHUNK = Buffer.alloc(64 * 1024, " ");

/**
 * Streams a JSON body that never ends (up to `ceiling` bytes, 4 GiB by default): writes as
 * fast as the client reads, and stops once the client goes away.
 */
export function endlessBody(ceiling = 4 * 1024 ** 3): Misbehaviour {
  return (_request, response) => {
    response.writeHead(200, { "content-type": JSON_TYPE });
    response.write("[");
    let written = 0;
    const pump = () => {
      while (!response.destroyed && written < ceiling) {
        written += CHUNK.length;
        if (!response.write(CHUNK)) return void response.once("drain", pump);
      }
      if (!response.destroyed) response.end("]");
    };
    pump();
  };
}

/** Answers with a redirect to `location`, with a tiny JSON body. */
export function redirectTo(status: 301 | 302 | 307 | 308, location: string): Misbehaviour {
  return answer(status, { location, "content-type": JSON_TYPE }, '{"moved":true}');
}

/** Tracks connections and requests of a server, so it can be closed at once. */
async function listenHostile(
  server: Server, behave: Misbehaviour, scheme: string,
): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const seen: SeenRequest[] = [];
  let written = 0;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const { method = "", url = "", headers } = request;
    seen.push({ method, url, headers: { ...headers } });
    const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      written += typeof chunk === "string" ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    request.resume();
    behave(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `${scheme}://127.0.0.1:${port}`;
  return {
    url,
    root: `${url}/api`,
    seen,
    bytesWritten: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Starts a plain-http server on 127.0.0.1, port 0, that answers every request with `behave`. */
export function startHostileServer(behave: Misbehaviour): Promise<HostileServer> {
  return listenHostile(createServer(), behave, "http");
}

/** A self-signed key and certificate for 127.0.0.1, or why none could be made. */
export function selfSignedCertificate(): { key: string; cert: string } | { missing: string } {
  const dir = mkdtempSync(join(tmpdir(), "ct-tls-"));
  try {
    const key = join(dir, "key.pem");
    const cert = join(dir, "cert.pem");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
    ], { stdio: "ignore" });
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } catch (error) {
    return { missing: `openssl could not make a certificate (${(error as Error).message})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts an https server with the given self-signed certificate. */
export function startTlsServer(
  tls: { key: string; cert: string }, behave: Misbehaviour,
): Promise<HostileServer> {
  return listenHostile(createTlsServer(tls), behave, "https");
}

/** A port on 127.0.0.1 that nothing listens on: bound, read, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
