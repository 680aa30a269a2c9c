import { isIP } from "node:net";
import { DEFAULT_CREDENTIALS, SEED, startReferenceServer } from "../server/index.js";
import type { ReferenceCredentials, RunningServer } from "../server/index.js";
import type { CliIo } from "./io.js";

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);

/** Reads `--port`: an integer 0–65535 (0 picks a free port). */
function parsePort(value: unknown): number | undefined {
  const text = String(value ?? "8080");
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port >= 0 && port <= 65535 ? port : undefined;
}

/** Reads `--host`: an IP address or a host name. */
function parseHost(value: unknown): string | undefined {
  const host = String(value ?? "127.0.0.1");
  return isIP(host) !== 0 || HOSTNAME.test(host) ? host : undefined;
}

/** How a client points the suite at this server with the default credentials. */
function usageHint(root: string, credentials: ReferenceCredentials): string {
  const { user, password } = credentials.basic;
  const basic = Buffer.from(`${user}:${password}`).toString("base64");
  const { cookieName, cookieValue, xsrfToken } = credentials.session;
  return [
    `so-conformance: reference server listening on ${root}`,
    `  tickets: ${SEED.existing.join(", ")}`,
    `  missing: ${SEED.missing}, with foreign keys: ${SEED.fk}`,
    "  local-only default credentials; a client sets one of these:",
    `    export SO_AUTHORIZATION="Basic ${basic}"`,
    `    export SO_AUTHORIZATION="SOTicket ${credentials.soTicket}"`,
    `    export SO_AUTHORIZATION="Bearer ${credentials.bearer}"`,
    `    export SO_APP_TOKEN="${credentials.appToken}"   (optional, with any scheme)`,
    "    or, without SO_AUTHORIZATION, a browser session:",
    `    export SO_COOKIE="${cookieName}=${cookieValue}; XSRF-TOKEN=${xsrfToken}"`,
    `    export SO_XSRF_TOKEN="${xsrfToken}"`,
    "  then, from the checkout, run the suite against it:",
    `    node bin/so-conformance.js run --target ${root} ` +
      `${SEED.existing.map((id) => `--ticket ${id}`).join(" ")} ` +
      `--missing-ticket ${SEED.missing} --fk-ticket ${SEED.fk}`,
    "  press Ctrl+C to stop",
    "",
  ].join("\n");
}

/** The one-line message for a failure to listen. */
function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EADDRINUSE:
      `port ${port} on ${host} is already in use; choose another --port (0 picks a free one)`,
    EACCES: `no permission to listen on port ${port}; use a port above 1023 or 0`,
    EADDRNOTAVAIL: `--host \`${host}\` is not an address of this machine`,
    ENOTFOUND: `--host \`${host}\` does not resolve`,
  };
  const message = error instanceof Error ? error.message : String(error);
  return (code && reasons[code]) ?? `cannot listen on ${host}:${port}: ${message}`;
}

/** Resolves when SIGINT or SIGTERM arrives, or when `stop` aborts. */
function untilStopped(stop?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      stop?.removeEventListener("abort", done);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    if (stop?.aborted) done();
    else stop?.addEventListener("abort", done);
  });
}

/**
 * `so-conformance serve [--port N] [--host H] [--verbose]`: runs the reference server until
 * SIGINT/SIGTERM (or `stop`), then closes it and resolves 0. Bad flags or a busy port give 2.
 */
export async function serveCommand(
  options: Record<string, unknown>,
  io: CliIo,
  stop?: AbortSignal,
): Promise<number> {
  const port = parsePort(options.port);
  if (port === undefined) {
    const given = String(options.port);
    io.err(`so-conformance: --port \`${given}\` is not a port number; use 0 to 65535\n`);
    return 2;
  }
  const host = parseHost(options.host);
  if (host === undefined) {
    io.err(`so-conformance: --host \`${String(options.host)}\` is not a host name or IP address\n`);
    return 2;
  }

  let server: RunningServer;
  try {
    server = await startReferenceServer({
      port,
      host,
      config: { credentials: DEFAULT_CREDENTIALS },
      ...(options.verbose ? { log: (line: string) => io.err(`${line}\n`) } : {}),
    });
  } catch (error) {
    io.err(`so-conformance: ${listenFailure(error, host, port)}\n`);
    return 2;
  }

  io.err(usageHint(server.root, server.credentials));
  await untilStopped(stop);
  await server.close();
  io.err("so-conformance: reference server stopped\n");
  return 0;
}
