/** A request as the reference handler sees it. */
export interface ServerRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/api/v1/Ticket/7?$select=Title`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

export interface ServerResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Wait this long before answering (slow-call variants). */
  delayMs?: number;
}

/** A pure request → response function; variants of the server wrap it. */
export type Handler = (request: ServerRequest) => Promise<ServerResponse> | ServerResponse;

/** The credentials the reference server accepts. Local defaults, documented in the README. */
export interface ReferenceCredentials {
  basic: { user: string; password: string };
  soTicket: string;
  bearer: string;
  appToken: string;
  session: { cookieName: string; cookieValue: string; xsrfToken: string };
}

export interface ReferenceConfig {
  credentials: ReferenceCredentials;
  /** The zone stored instants are entered in (Europe/Oslo). */
  baseZone: string;
}

export interface StartOptions {
  port?: number;
  host?: string;
  config?: Partial<ReferenceConfig>;
  /** Wraps the reference handler: how faulty and faithful variants are built. */
  wrap?: (inner: Handler) => Handler;
  /** Receives one line per request (debug level). */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The API root: `url + "/api"`. */
  root: string;
  port: number;
  credentials: ReferenceCredentials;
  close(): Promise<void>;
}

/** Ticket ids the suite uses against the reference server by default. */
export interface SeedIds {
  existing: number[];
  missing: number;
  fk: number;
}

/** Starts the reference server. */
export function startReferenceServer(_options?: StartOptions): Promise<RunningServer> {
  // TODO(not built yet): the reference server.
  throw new Error("startReferenceServer is not built yet");
}
