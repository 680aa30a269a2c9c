import type { Area, Clause, Level } from "../model/finding.js";

/** One requirement of the catalogue: a stable id, its level, where it rests and what it asks. */
export interface Requirement {
  id: string;
  area: Area;
  level: Level;
  clause: Clause;
  statement: string;
}

const page = (section: string): Clause => ({ source: "page", section });
const notes = (section: string): Clause => ({ source: "notes", section });

const HEADERS = "Request Headers";
const BODY = "Response body: TicketEntityWithLinks";

/**
 * Every requirement the suite judges, in report order. Ids never change meaning; new ones are
 * appended.
 */
export const REQUIREMENTS: readonly Requirement[] = [
  {
    id: "STATUS-1", area: "STATUS", level: "MUST",
    clause: page("Response › 200"),
    statement: "A ticket that exists is answered with status 200.",
  },
  {
    id: "STATUS-2", area: "STATUS", level: "MUST",
    clause: page("Response › 404"),
    statement: "A ticket id that does not exist is answered with status 404.",
  },
  {
    id: "STATUS-3", area: "STATUS", level: "SHOULD",
    clause: notes("Errors and status codes › Error object"),
    statement: "A 404 to a JSON request is an error object: Error true, ErrorType, a message.",
  },
  {
    id: "STATUS-4", area: "STATUS", level: "SHOULD",
    clause: page("GET Ticket/{id} › Path Part › id (int32)"),
    statement: "An id that is not an int32 is refused with 400 or 404, never 2xx or 5xx.",
  },
  {
    id: "STATUS-5", area: "STATUS", level: "SHOULD",
    clause: page("Response"),
    statement: "No request of the run is answered 5xx; undocumented statuses are listed.",
  },
  {
    id: "STATUS-6", area: "STATUS", level: "SHOULD",
    clause: notes("Errors and status codes › Slow-call threshold"),
    statement: "Every answer of the run arrives within the 2000 ms slow-call threshold.",
  },
  {
    id: "SCHEMA-1", area: "SCHEMA", level: "MUST",
    clause: page(BODY),
    statement: "A 200 JSON body validates against TicketEntityWithLinks and its nested types.",
  },
  {
    id: "SCHEMA-2", area: "SCHEMA", level: "SHOULD",
    clause: page(BODY),
    statement: "Without $select, every property the page lists is present (null is fine).",
  },
  {
    id: "SCHEMA-3", area: "SCHEMA", level: "SHOULD",
    clause: page(BODY),
    statement: "Properties the page does not list are reported.",
  },
  {
    id: "SCHEMA-4", area: "SCHEMA", level: "SHOULD",
    clause: page(`${BODY} › TicketId, _Links`),
    statement: "TicketId is the id asked for, and _Links.Self points at this ticket.",
  },
  {
    id: "SCHEMA-5", area: "SCHEMA", level: "SHOULD",
    clause: notes("Rights masks"),
    statement: "Every rights mask is a comma-separated list of known flag names.",
  },
  {
    id: "SELECT-1", area: "SELECT", level: "MUST",
    clause: page("Query String Parameters › $select"),
    statement: "A selected property keeps the value it has in the full answer.",
  },
  {
    id: "SELECT-2", area: "SELECT", level: "MUST",
    clause: page("Query String Parameters › $select"),
    statement: "An unselected object, array or string property is null.",
  },
  {
    id: "SELECT-3", area: "SELECT", level: "SHOULD",
    clause: notes("$select › Value-typed defaults"),
    statement: "An unselected number, bool or date-time is null (lenient: or its type's default).",
  },
  {
    id: "SELECT-4", area: "SELECT", level: "SHOULD",
    clause: page("Query String Parameters › $select"),
    statement: "Names match in any case, spaces around commas are ignored, empty selects all.",
  },
  {
    id: "SELECT-5", area: "SELECT", level: "SHOULD",
    clause: page("Query String Parameters › $select"),
    statement: "A nested path such as Category/Name keeps its parent with that sub-property set.",
  },
  {
    id: "SELECT-6", area: "SELECT", level: "SHOULD",
    clause: notes("$select › Unknown names"),
    statement: "An unknown $select name is ignored or answered 400, never 5xx.",
  },
  {
    id: "FK-1", area: "FK", level: "MUST",
    clause: page("Query String Parameters › fk"),
    statement: "fk=true adds only string ExtraFields keyed app.device.keyname (given keys: one+).",
  },
  {
    id: "FK-2", area: "FK", level: "MUST",
    clause: page("Query String Parameters › fk"),
    statement: "fk=false and no fk give the same ExtraFields, without the foreign keys.",
  },
  {
    id: "FK-3", area: "FK", level: "MUST",
    clause: page("Query String Parameters › fk"),
    statement: "fk=true changes nothing outside ExtraFields.",
  },
  {
    id: "FK-4", area: "FK", level: "SHOULD",
    clause: page("Query String Parameters › fk (bool)"),
    statement: "fk takes true, True, false and False; any other value is answered 400, never 5xx.",
  },
  {
    id: "MEDIA-1", area: "MEDIA", level: "MUST",
    clause: page(`${HEADERS} › Accept`),
    statement: "application/json and text/json get a UTF-8 JSON body labelled as JSON.",
  },
  {
    id: "MEDIA-2", area: "MEDIA", level: "MUST",
    clause: page(`${HEADERS} › Accept`),
    statement: "application/xml and text/xml get well-formed XML of the ticket, labelled XML.",
  },
  {
    id: "MEDIA-3", area: "MEDIA", level: "MUST",
    clause: page(`${HEADERS} › Accept`),
    statement: "The XML body holds the same values as the JSON body.",
  },
  {
    id: "MEDIA-4", area: "MEDIA", level: "SHOULD",
    clause: page(`${HEADERS} › Accept`),
    statement: "Both patch media types get the same JSON as application/json.",
  },
  {
    id: "MEDIA-5", area: "MEDIA", level: "SHOULD",
    clause: page(`${HEADERS} › Accept`),
    statement: "No Accept or */* gets JSON, q-values decide, an unsupported type gets 406 or JSON.",
  },
  {
    id: "MEDIA-6", area: "MEDIA", level: "MUST",
    clause: page("Sample response › charset=utf-8"),
    statement: "Non-ASCII text arrives intact as UTF-8 in JSON and in XML.",
  },
  {
    id: "LANG-1", area: "LANG", level: "MUST",
    clause: page(`${HEADERS} › Accept-Language`),
    statement: "With a language, no multi-language value or [SR_…] id is left in a string.",
  },
  {
    id: "LANG-2", area: "LANG", level: "MUST",
    clause: page(`${HEADERS} › SO-Language`),
    statement: "SO-Language wins over Accept-Language.",
  },
  {
    id: "LANG-3", area: "LANG", level: "SHOULD",
    clause: notes("Languages › Translation off"),
    statement: "SO-Language * or x, like no language header, leaves the values untranslated.",
  },
  {
    id: "LANG-4", area: "LANG", level: "SHOULD",
    clause: page(`${HEADERS} › SO-Culture`),
    statement: "SO-Culture alone changes nothing; with a language, numbers and dates stay neutral.",
  },
  {
    id: "TZ-1", area: "TZ", level: "MUST",
    clause: page(`${HEADERS} › SO-TimeZone`),
    statement: "With includeTZOffset every date-time has an offset; UTC is written Z or +00:00.",
  },
  {
    id: "TZ-2", area: "TZ", level: "MUST",
    clause: page(`${HEADERS} › SO-TimeZone`),
    statement: "Answers in different zones name the same instants.",
  },
  {
    id: "TZ-3", area: "TZ", level: "SHOULD",
    clause: notes("Dates and time zones › Without SO-TimeZone"),
    statement: "Without SO-TimeZone date-times are written one way: all with an offset or none.",
  },
  {
    id: "TZ-4", area: "TZ", level: "SHOULD",
    clause: notes("Dates and time zones › Zone codes"),
    statement: "An unknown zone is ignored or answered 400, never 5xx.",
  },
  {
    id: "AUTH-1", area: "AUTH", level: "MUST",
    clause: page(`${HEADERS} › Authorization`),
    statement: "A request without credentials gets 401 and no ticket data.",
  },
  {
    id: "AUTH-2", area: "AUTH", level: "SHOULD",
    clause: notes("Authentication › 401 answer"),
    statement: "A 401 carries a WWW-Authenticate header.",
  },
  {
    id: "AUTH-3", area: "AUTH", level: "MUST",
    clause: page(`${HEADERS} › Authorization`),
    statement: "Wrong credentials, an unknown scheme or a malformed header get 401.",
  },
  {
    id: "AUTH-4", area: "AUTH", level: "MUST",
    clause: page(`${HEADERS} › Authorization`),
    statement: "The given credentials get 200, whatever the letter case of the scheme name.",
  },
  {
    id: "AUTH-5", area: "AUTH", level: "SHOULD",
    clause: page(`${HEADERS} › X-XSRF-TOKEN`),
    statement: "A session cookie with a matching X-XSRF-TOKEN works; a mismatched one does not.",
  },
  {
    id: "AUTH-6", area: "AUTH", level: "SHOULD",
    clause: page(`${HEADERS} › SO-AppToken`),
    statement: "SO-AppToken is accepted and does not change the data.",
  },
];

const BY_ID = new Map(REQUIREMENTS.map((requirement) => [requirement.id, requirement]));

/** The requirement with this id, or undefined. Ids are matched exactly. */
export function findRequirement(id: string): Requirement | undefined {
  return BY_ID.get(id);
}

/** The requirements of one area, in catalogue order. */
export function requirementsOf(area: Area): Requirement[] {
  return REQUIREMENTS.filter((requirement) => requirement.area === area);
}
