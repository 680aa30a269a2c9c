import {
  DEFAULT_CREDENTIALS, type Handler, type ServerRequest,
} from "../server/index.js";
import { referenceClientCredentials } from "../target/credentials.js";
import type { Variant } from "./variant.js";
import {
  answer, DATE_TIME, editJson, editRequest, editResponse, editText, errorAnswer, header, idOf,
  mapStrings, queryOf, withHeader,
} from "./wrap.js";

const crash = () => errorAnswer(500, "NullReferenceException");
const isTicketId = (request: ServerRequest) => /^\d+$/.test(idOf(request));
const hasSelect = (request: ServerRequest) => queryOf(request).has("$select");
const selectNames = (request: ServerRequest) =>
  (queryOf(request).get("$select") ?? "").split(",").map((name) => name.trim()).filter(Boolean);
const withoutQuery = (request: ServerRequest, name: string): ServerRequest => {
  const [path = "", search = ""] = request.url.split("?");
  const query = new URLSearchParams(search);
  for (const key of [...query.keys()]) if (key.toLowerCase() === name) query.delete(key);
  const rest = query.toString();
  return { ...request, url: rest ? `${path}?${rest}` : path };
};
const basic = referenceClientCredentials(DEFAULT_CREDENTIALS).authorization!;
/** A `$select` that leaves the full answer's values `keep` picks in place of their nulls. */
function selectLeaves(keep: (value: unknown) => boolean): (inner: Handler) => Handler {
  return (inner) => async (request) => {
    const response = await inner(request);
    if (!hasSelect(request) || response.status !== 200) return response;
    const full = await inner(withoutQuery(request, "$select"));
    const body = JSON.parse(String(response.body)) as Record<string, unknown>;
    const whole = JSON.parse(String(full.body)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(whole)) if (keep(value)) body[key] = value;
    return { ...response, body: JSON.stringify(body) };
  };
}

const mapDates = (body: unknown, edit: (text: string) => string) =>
  mapStrings(body, (text) => (DATE_TIME.test(text) ? edit(text) : text));
const knownZones = /^(utc|no|dk|fr|us-ny|us-ca|au-act|\d+)$/i;

/**
 * Realistic deviations a real implementation could make. Each names the requirement whose
 * statement its fault breaks: the suite must fail that requirement on it.
 */
export const FAULTY: readonly Variant[] = [
  // STATUS
  {
    name: "existing-id-404", catches: "STATUS-1",
    fault: "every ticket answers 404, existing or not",
    wrap: answer(isTicketId, () => errorAnswer(404, "SoNotFoundException")),
  },
  {
    name: "missing-id-200", catches: "STATUS-2",
    fault: "a missing id answers 200 with an empty object",
    wrap: editResponse((response) =>
      response.status === 404
        ? {
            status: 200,
            headers: { "content-type": "application/json; charset=utf-8" },
            body: "{}",
          }
        : response),
  },
  {
    name: "missing-id-500", catches: "STATUS-2",
    fault: "a missing id answers 500 (an unhandled not-found exception)",
    wrap: editResponse((response) => (response.status === 404 ? crash() : response)),
  },
  {
    name: "missing-id-no-error-body", catches: "STATUS-3",
    fault: "a 404 carries an empty body instead of the error object",
    wrap: editResponse((response) =>
      response.status === 404 ? { ...response, body: "", headers: {} } : response),
  },
  {
    name: "malformed-id-500", catches: "STATUS-4",
    fault: "a non-numeric id answers 500 instead of 400 or 404",
    wrap: answer((request) => /[^\d-]/.test(idOf(request)) && idOf(request) !== "", crash),
  },
  {
    name: "negative-id-200", catches: "STATUS-4",
    fault: "`-1` is read as an absolute value and answers 200",
    wrap: editRequest((request) =>
      idOf(request) === "-1" ? { ...request, url: request.url.replace("/-1", `/${1}`) } : request),
  },
  {
    name: "slow-answer", catches: "STATUS-6",
    fault: "answers take longer than the 2000 ms slow-call threshold",
    wrap: (inner) => {
      let slowed = false;
      return async (request) => {
        const response = await inner(request);
        if (slowed || response.status !== 200) return response;
        slowed = true;
        return { ...response, delayMs: 2300 };
      };
    },
  },
  // SCHEMA
  {
    name: "ticket-id-as-string", catches: "SCHEMA-1",
    fault: "`TicketId` is written as a string",
    wrap: editJson((body) => {
      if (typeof body.TicketId === "number") body.TicketId = String(body.TicketId);
    }),
  },
  {
    name: "int-past-int32", catches: "SCHEMA-1",
    fault: "`TimeSpent` is a 64-bit value past the int32 range",
    wrap: editJson((body) => {
      if (typeof body.TimeSpent === "number") body.TimeSpent = 2_147_483_648;
    }),
  },
  {
    name: "dates-us-format", catches: "SCHEMA-1",
    fault: "date-times written as `MM/dd/yyyy HH:mm:ss`",
    wrap: editJson((body) =>
      mapDates(body, (text) =>
        `${text.slice(5, 7)}/${text.slice(8, 10)}/${text.slice(0, 4)} ${text.slice(11, 19)}`)),
  },
  {
    name: "dates-eight-fraction-digits", catches: "SCHEMA-1",
    fault: "date-times carry eight fractional digits",
    wrap: editJson((body) =>
      mapDates(body, (text) => text.replace(/^(.{19})(\.\d+)?/, "$1.12345678"))),
  },
  {
    name: "nested-id-as-string", catches: "SCHEMA-1",
    fault: "`Category.TicketCategoryId` is a string",
    wrap: editJson((body) => {
      const category = body.Category as Record<string, unknown> | null;
      if (category && typeof category.TicketCategoryId === "number") {
        category.TicketCategoryId = String(category.TicketCategoryId);
      }
    }),
  },
  {
    name: "property-missing", catches: "SCHEMA-2",
    fault: "`Deadline` is left out of full responses",
    wrap: editJson((body) => void delete body.Deadline, (request) => !hasSelect(request)),
  },
  {
    name: "property-undocumented", catches: "SCHEMA-3",
    fault: "an undocumented `Subject` property is added",
    wrap: editJson((body) => ({ ...body, Subject: body.Title ?? null })),
  },
  {
    name: "ticket-id-off-by-one", catches: "SCHEMA-4",
    fault: "`TicketId` is one more than the id asked for",
    wrap: editJson((body) => {
      if (typeof body.TicketId === "number") body.TicketId += 1;
    }),
  },
  {
    name: "links-self-elsewhere", catches: "SCHEMA-4",
    fault: "`_Links.Self` points at a contact, as the page's sample does",
    wrap: editJson((body) => {
      const links = body._Links as Record<string, string> | null;
      if (links?.Self) links.Self = links.Self.replace(/Ticket\/\d+/i, "contact/321");
    }),
  },
  {
    name: "rights-mask-letters", catches: "SCHEMA-5",
    fault: "rights masks written as letters (`rwd`) instead of flag names",
    wrap: editJson((body) =>
      mapStrings(body, (text, key) => (key === "Mask" ? "rwd" : text))),
  },
  // SELECT
  {
    name: "select-drops-keys", catches: "SELECT-2",
    fault: "`$select` drops the properties not named instead of nulling them",
    wrap: editJson(
      (body) => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null)),
      hasSelect,
    ),
  },
  {
    name: "select-nulls-selected", catches: "SELECT-1",
    fault: "`$select` also nulls the first property it names",
    wrap: editJson((body, request) => {
      const first = selectNames(request)[0]?.split("/")[0]?.toLowerCase();
      for (const key of Object.keys(body)) if (key.toLowerCase() === first) body[key] = null;
    }, hasSelect),
  },
  {
    name: "select-keeps-strings", catches: "SELECT-2",
    fault: "`$select` leaves string properties it does not name in place",
    wrap: selectLeaves((value) => typeof value === "string" && !DATE_TIME.test(value)),
  },
  {
    name: "select-keeps-numbers", catches: "SELECT-3",
    fault: "`$select` leaves numbers and booleans it does not name in place",
    wrap: selectLeaves((value) => (typeof value === "number" && value !== 0) || value === true),
  },
  {
    name: "select-case-sensitive", catches: "SELECT-4",
    fault: "`$select` names match only in the documented letter case",
    wrap: editRequest((request) => {
      if (!hasSelect(request)) return request;
      const kept = selectNames(request).filter((name) => /^[A-Z_]/.test(name));
      const url = withoutQuery(request, "$select").url;
      const joiner = url.includes("?") ? "&" : "?";
      return {
        ...request,
        url: `${url}${joiner}$select=${encodeURIComponent(kept.join(",") || "NoSuchProperty")}`,
      };
    }),
  },
  {
    name: "select-nested-ignored", catches: "SELECT-5",
    fault: "a nested `$select` path (`Category/Name`) selects nothing",
    wrap: editRequest((request) => {
      if (!selectNames(request).some((name) => name.includes("/"))) return request;
      const kept = selectNames(request).filter((name) => !name.includes("/"));
      const url = withoutQuery(request, "$select").url;
      const joiner = url.includes("?") ? "&" : "?";
      return {
        ...request,
        url: `${url}${joiner}$select=${encodeURIComponent(kept.join(",") || "NoSuchProperty")}`,
      };
    }),
  },
  {
    name: "select-unknown-500", catches: "SELECT-6",
    fault: "an unknown `$select` name throws (500)",
    wrap: (inner) => async (request) => {
      if (!hasSelect(request)) return inner(request);
      const full = await inner(withoutQuery(request, "$select"));
      if (full.status !== 200) return inner(request);
      const known = Object.keys(JSON.parse(String(full.body)) as object).map((key) =>
        key.toLowerCase());
      const unknown = selectNames(request).some((name) =>
        !known.includes(name.split("/")[0]!.toLowerCase()));
      return unknown ? crash() : inner(request);
    },
  },
  // FK
  {
    name: "fk-keys-without-dots", catches: "FK-1",
    fault: "`fk=true` adds keys without the `app.device.keyname` form",
    wrap: editJson((body) => {
      const extra = body.ExtraFields as Record<string, string> | null;
      if (!extra) return;
      body.ExtraFields = Object.fromEntries(
        Object.entries(extra).map(([key, value]) =>
          [key.split(".").length === 3 ? key.replaceAll(".", "_") : key, value]),
      );
    }, (request) => /^true$/i.test(queryOf(request).get("fk") ?? "")),
  },
  {
    name: "fk-always-on", catches: "FK-2",
    fault: "foreign keys appear in `ExtraFields` without `fk=true`",
    wrap: editRequest((request) => {
      const url = withoutQuery(request, "fk").url;
      return { ...request, url: `${url}${url.includes("?") ? "&" : "?"}fk=true` };
    }),
  },
  {
    name: "fk-touches-title", catches: "FK-3",
    fault: "`fk=true` also changes `Title`",
    wrap: editJson((body) => {
      if (typeof body.Title === "string") body.Title += " [fk]";
    }, (request) => /^true$/i.test(queryOf(request).get("fk") ?? "")),
  },
  {
    name: "fk-odd-value-500", catches: "FK-4",
    fault: "an `fk` value other than true/false throws (500)",
    wrap: answer((request) => {
      const fk = queryOf(request).get("fk");
      return fk !== null && fk !== "" && !/^(true|false)$/i.test(fk);
    }, crash),
  },
  // MEDIA
  {
    name: "json-charset-missing", catches: "MEDIA-1",
    fault: "JSON answers carry `Content-Type: application/json` without a charset",
    wrap: editResponse((response) => ({
      ...response,
      headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) =>
        [name, name.toLowerCase() === "content-type" ? value.replace(/;.*$/, "") : value])),
    })),
  },
  {
    name: "xml-wrong-root", catches: "MEDIA-2",
    fault: "the XML root element is `Ticket`",
    wrap: editText(/xml/i, (text) =>
      text.replace(/<(\/?)TicketEntity(WithLinks)?\b/g, "<$1Ticket")),
  },
  {
    name: "xml-labelled-json", catches: "MEDIA-2",
    fault: "an XML body is sent with a JSON `Content-Type`",
    wrap: editResponse((response) => {
      const type = response.headers["content-type"] ?? "";
      return /xml/i.test(type)
        ? {
            ...response,
            headers: { ...response.headers, "content-type": "application/json; charset=utf-8" },
          }
        : response;
    }),
  },
  {
    name: "xml-ignored", catches: "MEDIA-2",
    fault: "`Accept: application/xml` is answered with JSON",
    wrap: editRequest((request) =>
      /xml/i.test(header(request, "accept") ?? "")
        ? withHeader(request, "accept", "application/json")
        : request),
  },
  {
    name: "xml-title-differs", catches: "MEDIA-3",
    fault: "the XML body carries another `Title` than the JSON body",
    wrap: editText(/xml/i, (text) =>
      text.replace(/<Title>([^<]*)<\/Title>/, "<Title>$1 (xml)</Title>")),
  },
  {
    name: "patch-types-406", catches: "MEDIA-4",
    fault: "the patch media types are refused with 406",
    wrap: answer(
      (request) => /patch\+json/i.test(header(request, "accept") ?? ""),
      () => errorAnswer(406, "NotAcceptable"),
    ),
  },
  {
    name: "default-is-xml", catches: "MEDIA-5",
    fault: "no `Accept` (or `*/*`) gets XML",
    wrap: editRequest((request) => {
      const accept = header(request, "accept");
      return accept === undefined || accept.trim() === "*/*"
        ? withHeader(request, "accept", "application/xml")
        : request;
    }),
  },
  {
    name: "latin1-bytes", catches: "MEDIA-6",
    fault: "text is sent in Latin-1 bytes while the header says UTF-8",
    wrap: editResponse((response) =>
      response.status === 200
        ? { ...response, body: Buffer.from(String(response.body), "latin1") }
        : response),
  },
  // LANG
  {
    name: "language-ignored", catches: "LANG-1",
    fault: "language headers are ignored: multi-language values stay raw",
    wrap: editRequest((request) =>
      withHeader(withHeader(request, "accept-language", undefined), "so-language", undefined)),
  },
  {
    name: "so-language-loses", catches: "LANG-2",
    fault: "`Accept-Language` wins over `SO-Language`",
    wrap: editRequest((request) =>
      header(request, "accept-language") && header(request, "so-language")
        ? withHeader(request, "so-language", undefined)
        : request),
  },
  {
    name: "star-translates", catches: "LANG-3",
    fault: "`SO-Language: *` still translates",
    wrap: editRequest((request) =>
      /^(\*|x)$/i.test(header(request, "so-language") ?? "")
        ? withHeader(request, "so-language", "en")
        : request),
  },
  {
    name: "culture-formats-dates", catches: "LANG-4",
    fault: "with `SO-Culture` and a language, JSON date-times are written in the culture's form",
    wrap: editJson(
      (body) => mapDates(body, (text) =>
        `${text.slice(8, 10)}.${text.slice(5, 7)}.${text.slice(0, 4)} ${text.slice(11, 19)}`),
      (request) => Boolean(header(request, "so-culture")) &&
        Boolean(header(request, "so-language") ?? header(request, "accept-language")),
    ),
  },
  // TZ
  {
    name: "offset-flag-ignored", catches: "TZ-1",
    fault: "`includeTZOffset` is ignored: converted dates carry no offset",
    wrap: editJson(
      (body) => mapDates(body, (text) => text.replace(/(Z|[+-]\d{2}:\d{2})$/, "")),
      (request) => /includetzoffset/i.test(header(request, "so-timezone") ?? ""),
    ),
  },
  {
    name: "instants-shifted", catches: "TZ-2",
    fault: "local times are labelled UTC: the offset is replaced by `Z`",
    wrap: editJson(
      (body) => mapDates(body, (text) => text.replace(/[+-]\d{2}:\d{2}$/, "Z")),
      (request) => /includetzoffset/i.test(header(request, "so-timezone") ?? ""),
    ),
  },
  {
    name: "offsets-mixed", catches: "TZ-3",
    fault: "without `SO-TimeZone`, `CreatedAt` alone carries an offset",
    wrap: editJson((body) => {
      if (typeof body.CreatedAt === "string" && DATE_TIME.test(body.CreatedAt)) {
        body.CreatedAt += "+01:00";
      }
    }, (request) => header(request, "so-timezone") === undefined),
  },
  {
    name: "unknown-zone-500", catches: "TZ-4",
    fault: "an unknown zone throws (500)",
    wrap: answer((request) => {
      const zone = header(request, "so-timezone")?.split(",")[0]?.trim();
      return zone !== undefined && !knownZones.test(zone);
    }, crash),
  },
  // AUTH
  {
    name: "anonymous-allowed", catches: "AUTH-1",
    fault: "a request without credentials is served",
    wrap: editRequest((request) =>
      header(request, "authorization") === undefined && header(request, "cookie") === undefined
        ? withHeader(request, "authorization", basic)
        : request),
  },
  {
    name: "no-www-authenticate", catches: "AUTH-2",
    fault: "a 401 carries no `WWW-Authenticate`",
    wrap: editResponse((response) => {
      if (response.status !== 401) return response;
      const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) =>
        name.toLowerCase() !== "www-authenticate"));
      return { ...response, headers };
    }),
  },
  {
    name: "unknown-scheme-allowed", catches: "AUTH-3",
    fault: "an unknown authorization scheme is let through",
    wrap: editRequest((request) => {
      const scheme = header(request, "authorization")?.split(" ")[0] ?? "";
      return scheme && !/^(basic|soticket|bearer)$/i.test(scheme)
        ? withHeader(request, "authorization", basic)
        : request;
    }),
  },
  {
    name: "scheme-case-sensitive", catches: "AUTH-4",
    fault: "scheme names are accepted only as `Basic`, `SOTicket`, `Bearer`",
    wrap: answer((request) => {
      const scheme = header(request, "authorization")?.split(" ")[0];
      return scheme !== undefined && /^(basic|soticket|bearer)$/i.test(scheme) &&
        !/^(Basic|SOTicket|Bearer)$/.test(scheme);
    }, () => ({
      ...errorAnswer(401, "Unauthorized"),
      headers: {
        "content-type": "application/json; charset=utf-8",
        "www-authenticate": 'Basic realm="SuperOffice Username or Ticket"',
      },
    })),
  },
  {
    name: "xsrf-unchecked", catches: "AUTH-5",
    fault: "the session cookie works whatever `X-XSRF-TOKEN` says",
    wrap: editRequest((request) =>
      header(request, "cookie") && header(request, "x-xsrf-token") !== undefined
        ? withHeader(request, "x-xsrf-token", DEFAULT_CREDENTIALS.session.xsrfToken)
        : request),
  },
  {
    name: "app-token-changes-data", catches: "AUTH-6",
    fault: "`SO-AppToken` changes the answer (`Title` gets a suffix)",
    wrap: editJson((body) => {
      if (typeof body.Title === "string") body.Title += " (partner)";
    }, (request) => header(request, "so-apptoken") !== undefined),
  },
];

