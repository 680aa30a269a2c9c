import { debuglog } from "node:util";
import { authenticate } from "./auth.js";
import { DEFAULT_CREDENTIALS } from "./credentials.js";
import { findSeedTicket } from "./data/seed.js";
import type { SeedTicket } from "./data/tickets.js";
import { errorResponse } from "./errors.js";
import { parseForeignKeyFlag, withForeignKeys } from "./foreign-keys.js";
import type { Handler, ReferenceConfig, ServerRequest, ServerResponse } from "./index.js";
import { serialiseJson } from "./json.js";
import { chooseTranslation, translateTree } from "./languages.js";
import { requestRoot, ticketLinks } from "./links.js";
import { negotiateMedia, type MediaChoice } from "./media.js";
import { renderDates } from "./render.js";
import { routeRequest } from "./route.js";
import { applySelect, parseSelect } from "./select.js";
import { parseTimeZoneHeader } from "./time-zones.js";
import { renderXml } from "./xml.js";

const debug = debuglog("ct:server");

/** The root element of a ticket in XML. */
export const TICKET_XML_ROOT = "TicketEntity";

/** The challenge every 401 carries. */
export const WWW_AUTHENTICATE = 'Basic realm="SuperOffice Username or Ticket"';

/** Everything a ticket body depends on besides the stored ticket. */
export interface TicketView {
  root: string;
  foreignKeys: boolean;
  select: string | null;
  headers: Record<string, string>;
  baseZone: string;
  media: MediaChoice;
}

/**
 * Renders one stored ticket as the request asks: links, foreign keys, `$select`, language,
 * time zone, then JSON or XML. Each step works on a copy; the seed is never changed.
 */
export function renderTicket(seeded: SeedTicket, view: TicketView): ServerResponse {
  const { entity } = seeded;
  const withKeys = view.foreignKeys ? withForeignKeys(entity, seeded.foreignKeys) : entity;
  const linked = { ...withKeys, _Links: ticketLinks(view.root, entity.TicketId as number) };
  const selected = applySelect(linked, parseSelect(view.select));
  const translated = translateTree(selected, chooseTranslation(view.headers));
  const zoneHeader = view.headers["so-timezone"];
  const zone = parseTimeZoneHeader(zoneHeader);
  const wire = renderDates(translated, zone, view.baseZone);
  const body =
    view.media.kind === "xml" ? renderXml(TICKET_XML_ROOT, wire) : serialiseJson(wire);
  const headers: Record<string, string> = { "content-type": view.media.contentType };
  if (zone && zoneHeader) headers["so-timezone"] = zoneHeader.trim();
  return { status: 200, headers, body };
}

const UNSUPPORTED_MEDIA =
  "Accept names no supported media type: application/json, text/json, application/xml, " +
  "text/xml, application/json-patch+json, application/merge-patch+json";

/** Finds a ticket in the configured data set, or in the seed. */
function findTicket(config: ReferenceConfig, id: number): SeedTicket | undefined {
  if (!config.tickets) return findSeedTicket(id);
  return config.tickets.find((ticket) => ticket.entity.TicketId === id);
}

/**
 * Answers `GET /api/v1/Ticket/{id}`. The gates run in this order: path, method, `Accept`,
 * credentials, id, `fk`, existence; so a 401 never tells whether a ticket exists.
 * TODO(conditional-requests): `If-Modified-Since` (304) and `If-Unmodified-Since` (412).
 */
function answer(request: ServerRequest, config: ReferenceConfig): ServerResponse {
  const route = routeRequest(request.url);
  if (route.kind === "elsewhere") {
    const path = request.url.split("?")[0];
    return errorResponse(404, "SoNotFoundException", `No resource at ${path}`);
  }
  if (request.method !== "GET") {
    const message = `${request.method} is not allowed; use GET`;
    return errorResponse(405, "MethodNotAllowed", message, undefined, { allow: "GET" });
  }
  const media = negotiateMedia(request.headers.accept);
  if (!media) return errorResponse(406, "NotAcceptable", UNSUPPORTED_MEDIA);

  const auth = authenticate(request.headers, config.credentials);
  if (!auth.ok) {
    debug("401: %s", auth.reason);
    const challenge = { "www-authenticate": WWW_AUTHENTICATE };
    const message = "Authentication required";
    return errorResponse(401, "SoAuthenticationException", message, media, challenge);
  }

  if (route.kind === "bad-id") {
    const message = `Ticket id '${route.raw}' is not a non-negative 32-bit integer`;
    return errorResponse(400, "SoArgumentException", message, media);
  }
  const fk = route.query.get("fk");
  const foreignKeys = parseForeignKeyFlag(fk);
  if (foreignKeys === undefined) {
    const message = `fk '${fk}' is not a boolean: use true or false`;
    return errorResponse(400, "SoArgumentException", message, media);
  }
  const seeded = findTicket(config, route.id);
  if (!seeded) {
    return errorResponse(404, "SoNotFoundException", `Ticket id ${route.id} not found`, media);
  }

  return renderTicket(seeded, {
    root: requestRoot(request.headers),
    foreignKeys,
    select: route.query.get("$select"),
    headers: request.headers,
    baseZone: config.baseZone,
    media,
  });
}

/** The full configuration with defaults: the documented credentials and Europe/Oslo. */
export function resolveConfig(config: Partial<ReferenceConfig> = {}): ReferenceConfig {
  return {
    ...config,
    credentials: config.credentials ?? DEFAULT_CREDENTIALS,
    baseZone: config.baseZone ?? "Europe/Oslo",
  };
}

/** The reference server as a pure request → response function. */
export function createReferenceHandler(config?: Partial<ReferenceConfig>): Handler {
  const resolved = resolveConfig(config);
  return (request) => answer(request, resolved);
}
