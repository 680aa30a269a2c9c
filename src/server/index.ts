import type { SeedTicket } from "./data/tickets.js";

/** A request as the reference handler sees it. */
export interface ServerRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/api/v1/Ticket/7?$select=Title`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

/** What the reference handler answers. */
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

/** How a reference handler is set up. */
export interface ReferenceConfig {
  credentials: ReferenceCredentials;
  /** The zone stored instants are entered in (Europe/Oslo). */
  baseZone: string;
  /** The tickets served; defaults to the seeded data set (`SEED_TICKETS`). */
  tickets?: readonly SeedTicket[];
}

/** How `startReferenceServer` listens and what it serves. */
export interface StartOptions {
  port?: number;
  host?: string;
  config?: Partial<ReferenceConfig>;
  /** Wraps the reference handler: how faulty and faithful variants are built. */
  wrap?: (inner: Handler) => Handler;
  /** Receives one line per request (debug level). */
  log?: (line: string) => void;
}

/** A listening reference server. */
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

export { startReferenceServer } from "./http-server.js";
export {
  createReferenceHandler, renderTicket, resolveConfig, TICKET_XML_ROOT, WWW_AUTHENTICATE,
} from "./handler.js";
export type { TicketView } from "./handler.js";
export { DEFAULT_CREDENTIALS } from "./credentials.js";
export { SEED, findSeedTicket, seedTicketIds } from "./data/seed.js";
export { SEED_TICKETS } from "./data/tickets.js";
export type { SeedTicket } from "./data/tickets.js";
export { Instant, MAX_DATE, UNSET_DATE, utc } from "./instant.js";
export type { StoredObject, StoredValue, WireValue } from "./tree.js";
export { mapLeaves } from "./tree.js";
export { applySelect, parseSelect } from "./select.js";
export type { Selection } from "./select.js";
export { parseForeignKeyFlag, withForeignKeys } from "./foreign-keys.js";
export { chooseTranslation, translateText, translateTree } from "./languages.js";
export type { Translation } from "./languages.js";
export { RESOURCES, lookupResource } from "./resources.js";
export { formatInstant, parseTimeZoneHeader } from "./time-zones.js";
export type { ZoneChoice } from "./time-zones.js";
export { renderDates } from "./render.js";
export { negotiateMedia } from "./media.js";
export type { MediaChoice, MediaKind } from "./media.js";
export {
  ARRAY_ITEM_NAMES, FIELD_PROPERTY_ITEM, MAP_ITEM_NAMES, XML_NAMESPACE, XSI_NAMESPACE,
  escapeXmlText, renderXml,
} from "./xml.js";
export { serialiseJson } from "./json.js";
export { authenticate } from "./auth.js";
export type { AuthOutcome } from "./auth.js";
export { errorObject, errorResponse } from "./errors.js";
export { requestRoot, ticketLinks } from "./links.js";
export { routeRequest } from "./route.js";
export type { Route } from "./route.js";
