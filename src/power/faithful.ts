import { SEED, type ServerResponse } from "../server/index.js";
import type { Variant } from "./variant.js";
import {
  answer, DATE_TIME, editJson, editRequest, editResponse, editText, errorAnswer, header, idOf,
  mapStrings, pipe, queryOf,
} from "./wrap.js";


/** Reverses the key order of every object in a JSON tree. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) =>
    [key, reverseKeys(item)]));
}

const mapHeaders = (response: ServerResponse, name: string, edit: (value: string) => string) => ({
  ...response,
  headers: Object.fromEntries(Object.entries(response.headers).map(([key, value]) =>
    [key, key.toLowerCase() === name ? edit(value) : value])),
});

const givenIds = new Set([...SEED.existing, SEED.fk].map(String));

/**
 * Servers that differ from the reference only where the page leaves room. The suite must pass
 * every one of them: a failure here is a false alarm.
 */
export const FAITHFUL: readonly Variant[] = [
  {
    name: "keys-reversed", fault: "every object's properties in reverse order",
    wrap: editJson((body) => reverseKeys(body)),
  },
  {
    name: "json-indented", fault: "JSON indented with four spaces and a trailing newline",
    wrap: editResponse((response) =>
      /json/i.test(response.headers["content-type"] ?? "") && String(response.body).startsWith("{")
        ? { ...response, body: `${JSON.stringify(JSON.parse(String(response.body)), null, 4)}\n` }
        : response),
  },
  {
    name: "charset-spelling",
    fault: "`Content-Type: application/json;charset=UTF-8` (no space, upper case)",
    wrap: editResponse((response) =>
      mapHeaders(response, "content-type", (value) =>
        value.replace(/;\s*charset=utf-8/i, ";charset=UTF-8"))),
  },
  {
    name: "offsets-compact", fault: "offsets written without a colon (`-0500`, `+0100`)",
    wrap: editJson((body) =>
      mapStrings(body, (text) =>
        (DATE_TIME.test(text) ? text.replace(/([+-]\d{2}):(\d{2})$/, "$1$2") : text))),
  },
  {
    name: "utc-as-plus-zero", fault: "UTC written `+00:00` instead of `Z`",
    wrap: editJson((body) =>
      mapStrings(body, (text) => (DATE_TIME.test(text) ? text.replace(/Z$/, "+00:00") : text))),
  },
  {
    name: "fraction-trimmed",
    fault: "trailing zeros of fractional seconds left out, in JSON and XML",
    wrap: editText(/json|xml/i, (text) =>
      text.replace(
        /(T\d{2}:\d{2}:\d{2})\.(\d*?)0+(?=[Z+\-"<]|$)/g,
        (_, time: string, digits: string) => digits ? `${time}.${digits}` : time,
      )),
  },
  {
    name: "links-other", fault: "`_Links` with a trailing slash on `Self` and a key of its own",
    wrap: pipe(
      editText(/json|xml/i, (text) => text.replace(/(\/v1\/Ticket\/\d+)(?=["<])/g, "$1/")),
      editJson((body) => {
        if (body._Links) {
          body._Links = { ...body._Links as object, Custom: "https://example.invalid/x" };
        }
      }),
      editText(/xml/i, (text) => text.replace("<_Links>", "<_Links><KeyValueOfstringstring>" +
        "<Key>Custom</Key><Value>https://example.invalid/x</Value></KeyValueOfstringstring>")),
    ),
  },
  {
    name: "newer-enum-values",
    fault: "an `Origin` the page does not list (`API`, as newer servers send)",
    profile: "lenient",
    wrap: editText(/json|xml/i, (text) =>
      text.replace(/"Origin":"[A-Za-z]+"/, '"Origin":"API"')
        .replace(/<Origin>[A-Za-z]+</, "<Origin>API<")),
  },
  {
    name: "xml-without-namespace", fault: "DataContract XML without the default namespace",
    wrap: editText(/xml/i, (text) => text.replace(/\s+xmlns="[^"]*"/g, "")),
  },
  {
    name: "only-given-ids", fault: "a data set holding only the ids the suite is given",
    wrap: answer(
      (request) => /^\d+$/.test(idOf(request)) && !givenIds.has(String(Number(idOf(request)))),
      () => errorAnswer(404, "SoNotFoundException"),
    ),
  },
  {
    name: "error-message-key", fault: "error objects use `Message` instead of `ErrorMessage`",
    wrap: editResponse((response) => {
      if (response.status < 400 || !/json/i.test(response.headers["content-type"] ?? "")) {
        return response;
      }
      const { ErrorMessage, ...rest } =
        JSON.parse(String(response.body)) as Record<string, unknown>;
      return { ...response, body: JSON.stringify({ ...rest, Message: ErrorMessage }) };
    }),
  },
  {
    name: "html-401-body", fault: "401 answers carry the old on-site HTML help text",
    wrap: editResponse((response) =>
      response.status === 401
        ? {
            ...mapHeaders(response, "content-type", () => "text/html; charset=utf-8"),
            body: "<html><body><h1>401</h1>" +
              "<p>Log in with a user name and password, or a ticket.</p></body></html>",
          }
        : response),
  },
  {
    name: "text-json-as-application-json",
    fault: "`text/json` requests answered `application/json`",
    wrap: editResponse((response) =>
      mapHeaders(response, "content-type", (value) =>
        value.replace(/^text\/json/i, "application/json"))),
  },
  {
    name: "empty-fk-400", fault: "an empty `fk=` answered 400",
    wrap: answer(
      (request) => queryOf(request).get("fk") === "",
      () => errorAnswer(400, "ArgumentException"),
    ),
  },
  {
    name: "unknown-zone-400", fault: "an unknown `SO-TimeZone` answered 400",
    wrap: answer((request) => {
      const zone = header(request, "so-timezone")?.split(",")[0]?.trim();
      return zone !== undefined && !/^(utc|no|dk|fr|us-ny|us-ca|au-act|\d+)$/i.test(zone);
    }, () => errorAnswer(400, "ArgumentException")),
  },
  {
    name: "unsupported-accept-json",
    fault: "an unsupported `Accept` answered with JSON instead of 406",
    wrap: editRequest((request) => {
      const accept = header(request, "accept");
      return accept !== undefined && !/json|xml|\*\/\*|application\/\*|text\/\*/i.test(accept)
        ? { ...request, headers: { ...request.headers, accept: "application/json" } }
        : request;
    }),
  },
  {
    name: "extra-headers",
    fault: "extra response headers (`Server`, `X-Powered-By`, `Cache-Control`)",
    wrap: editResponse((response) => ({
      ...response,
      headers: {
        ...response.headers,
        server: "Microsoft-IIS/10.0",
        "x-powered-by": "ASP.NET",
        "cache-control": "no-cache",
      },
    })),
  },
];
