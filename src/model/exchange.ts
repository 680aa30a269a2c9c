/**
 * How a request authenticates. The target owns the credentials; a check only says which
 * kind of credential to send, so that no check ever holds a secret.
 */
export type AuthMode =
  /** The configured credentials, as given. */
  | {
      kind: "given";
      schemeCase?: "as-is" | "lower" | "upper" | "mixed";
      /** Whether the configured `SO-AppToken` goes along; defaults to `send`. */
      appToken?: "send" | "omit";
    }
  /** No Authorization header, no session cookie. */
  | { kind: "none" }
  /** The configured scheme with a token that is well formed but not accepted. */
  | { kind: "wrong" }
  /** A literal header value the check chooses: never a secret (unknown scheme, malformed). */
  | { kind: "raw"; authorization: string }
  /** The session cookie with an `X-XSRF-TOKEN` that matches it, or one that does not. */
  | { kind: "session"; xsrf: "match" | "mismatch" };

/** What a check asks a target to send: always `GET {root}/v1/Ticket/{id}`. */
export interface RequestSpec {
  /** The path segment after `/Ticket/`, as text, so malformed ids can be sent. */
  id: string;
  /** Query parameters in order; a value of `""` sends `name=`. */
  query?: Array<[string, string]>;
  /** Headers to send. The target sends exactly these (plus auth), nothing it adds by itself. */
  headers?: Record<string, string>;
  /** Defaults to `{ kind: "given" }`. */
  auth?: AuthMode;
}

/** A request as it went on the wire, credentials already redacted. */
export interface SentRequest {
  method: "GET";
  url: string;
  headers: Record<string, string>;
}

export interface ReceivedResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body decoded as UTF-8 (invalid sequences become U+FFFD). */
  body: string;
  /** Size of the body in bytes as received. */
  bytes: number;
  /** True when the body was cut at the size cap. */
  truncated?: boolean;
}

/** The one unit every check reads: what was sent, what came back, and how long it took. */
export interface Exchange {
  /** Stable within a run: `<requirement>#<n>`. */
  id: string;
  request: SentRequest;
  response?: ReceivedResponse;
  /** Set when no response could be had (refused, reset, timeout, size cap, no recording). */
  error?: { code: string; message: string };
  startedAt: string;
  durationMs: number;
}

/** A source of exchanges: live installation, recordings, or the embedded reference server. */
export interface Target {
  readonly kind: "live" | "recorded" | "reference";
  /** The API root, e.g. `http://127.0.0.1:8080/api`. */
  readonly root: string;
  /** Whether credentials for session (cookie + XSRF) auth are configured. */
  readonly hasSession: boolean;
  /** Sends one request; aborting `signal` cancels it, in flight or not yet sent. */
  send(request: RequestSpec, label: string, signal?: AbortSignal): Promise<Exchange>;
  close(): Promise<void>;
}
