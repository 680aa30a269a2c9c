import { debuglog } from "node:util";
import { ConformanceError } from "../model/errors.js";
import type { Exchange, RequestSpec, Target } from "../model/exchange.js";
import { authHeaders } from "./auth-headers.js";
import { hasCredentials, secretsOf, type Credentials } from "./credentials.js";
import { redactHeaders, redactText } from "./redact.js";
import { createAgents, sendOnWire, type WireResult } from "./transport.js";

const log = debuglog("ct:target:live");

/** Sends one request somewhere: the network, or a recorder or replayer in its place. */
export type Wire = (
  url: string,
  headers: Record<string, string>,
  spec: RequestSpec,
  label: string,
  signal?: AbortSignal,
) => Promise<WireResult>;

/** How a live target reaches the installation. */
export interface LiveTargetOptions {
  root: string;
  credentials: Credentials;
  timeoutMs: number;
  maxBodyBytes: number;
  insecure: boolean;
  kind?: Target["kind"];
  /** Replaces the wire (recording and replay wrap it); defaults to the real network. */
  wire?: Wire;
  /** Runs when the target closes, after its connections are gone. */
  onClose?: () => Promise<void>;
}

/**
 * Loopback host names as `URL` writes them. Note: `URL` rewrites an IPv4-mapped address such as
 * `[::ffff:127.0.0.1]` to hex (`[::ffff:7f00:1]`), so 127/8 is matched in that form too.
 */
const LOOPBACK =
  /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/i;

/** Checks the API root: absolute http(s); plain http only to loopback when credentials go along. */
export function parseRoot(root: string, credentials: Credentials, insecure: boolean): URL {
  let url: URL;
  try {
    url = new URL(root);
  } catch {
    throw new ConformanceError("ERR_CT_USAGE",
      `--target \`${root}\` is not an absolute URL; give the API root, ` +
      "e.g. https://host/Cust123/api");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConformanceError("ERR_CT_USAGE",
      `--target \`${root}\` uses ${url.protocol}; only http: and https: are allowed`);
  }
  if (url.username || url.password) {
    // Note: a root reaches every report and cassette; a password inside it would too.
    throw new ConformanceError("ERR_CT_USAGE",
      `the target \`${url.host}\` carries credentials in its address; ` +
      "set SO_AUTHORIZATION in the environment instead");
  }
  const exposed = url.protocol === "http:" && !LOOPBACK.test(url.hostname);
  if (exposed && hasCredentials(credentials) && !insecure) {
    throw new ConformanceError("ERR_CT_TARGET_INSECURE",
      `--target \`${url.origin}\` is plain http to a host other than this machine, and ` +
      "credentials " +
      "would cross the network unencrypted; use https, or pass --insecure to allow it");
  }
  return url;
}

/** Encodes a query part, keeping `$`, `,` and `/` readable as the page writes them. */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text)
    .replaceAll("%24", "$").replaceAll("%2C", ",").replaceAll("%2F", "/");
}

/** The URL a request spec names under an API root. */
export function requestUrl(root: string, spec: RequestSpec): string {
  const base = `${root.replace(/\/+$/, "")}/v1/Ticket/${encodeURIComponent(spec.id)}`;
  const query = (spec.query ?? [])
    .map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(value)}`);
  return query.length === 0 ? base : `${base}?${query.join("&")}`;
}

/** A target that sends real requests, setting exactly the headers a check asks for plus auth. */
export function createLiveTarget(options: LiveTargetOptions): Target {
  const parsed = parseRoot(options.root, options.credentials, options.insecure);
  const root = parsed.href.replace(/\/+$/, "");
  const secrets = secretsOf(options.credentials);
  const agents = createAgents();
  const wireOptions = { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, agents };
  const wire = options.wire
    ?? ((url, headers, _spec, _label, signal) => sendOnWire(url, headers, wireOptions, signal));

  return {
    kind: options.kind ?? "live",
    root,
    hasSession: options.credentials.session !== undefined,
    async send(spec: RequestSpec, label: string, signal?: AbortSignal): Promise<Exchange> {
      const url = requestUrl(root, spec);
      const auth = spec.auth ?? { kind: "given" };
      const headers = { ...spec.headers, ...authHeaders(auth, options.credentials) };
      const startedAt = new Date();
      const result = await wire(url, headers, spec, label, signal);
      const durationMs = Date.now() - startedAt.getTime();
      const outcome = result.response?.status ?? result.error?.code;
      log("%s GET %s → %s", label, redactText(url, secrets), outcome);
      const exchange: Exchange = {
        id: label,
        request: {
          method: "GET",
          url: redactText(url, secrets),
          headers: redactHeaders(headers, secrets, auth.kind === "raw"),
        },
        startedAt: startedAt.toISOString(),
        durationMs,
      };
      if (result.response) {
        exchange.response = {
          ...result.response,
          headers: redactHeaders(result.response.headers, secrets),
          body: redactText(result.response.body, secrets),
        };
      }
      if (result.error) {
        exchange.error = { ...result.error, message: redactText(result.error.message, secrets) };
      }
      return exchange;
    },
    async close(): Promise<void> {
      agents.http.destroy();
      agents.https.destroy();
      await options.onClose?.();
    },
  };
}
