import { expect } from "chai";
import { REQUIREMENTS } from "../../src/checks/requirements.js";
import type { Finding } from "../../src/model/finding.js";
import { DEFAULT_CREDENTIALS, type Handler, type ServerRequest } from "../../src/server/index.js";

type Json = Record<string, unknown>;
import { runAgainstReference } from "../helpers/run.js";
import {
  editJson, editRequest, editResponse, idOf, queryOf, withHeader, type When,
} from "../../src/power/wrap.js";

// The cases read best with the predicate first.
const rewriteResponse = (when: When, rewrite: Parameters<typeof editResponse>[0]) =>
  editResponse(rewrite, when);
const editJsonWhen = (when: When, edit: (body: Json, request: ServerRequest) => void) =>
  editJson((body, request) => void edit(body, request), when);

/** A server that breaks one requirement, and the finding that must show it. */
interface BreakingCase {
  id: string;
  how: string;
  wrap: (inner: Handler) => Handler;
  /** The property (pointer or header) the finding names and the value it reports. */
  where: string | RegExp;
  actual?: unknown;
}

const accepts = (request: { headers: Record<string, string> }, pattern: RegExp) =>
  pattern.test(request.headers.accept ?? "");
const hasSelect = (request: Parameters<Handler>[0]) => queryOf(request).has("$select");
const fk = (request: Parameters<Handler>[0]) => queryOf(request).get("fk");
const header = (name: string) => (request: Parameters<Handler>[0]) => request.headers[name];
const LANGUAGE_OR_ZONE = /^(so-(language|culture|timezone)|accept-language)$/;
const plainJson = (request: Parameters<Handler>[0]) =>
  accepts(request, /json/) && !hasSelect(request) && fk(request) === null
  && Object.keys(request.headers).every((n) => !LANGUAGE_OR_ZONE.test(n));

const { user, password } = DEFAULT_CREDENTIALS.basic;
const BASIC = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

const CASES: BreakingCase[] = [
  { id: "STATUS-1", how: "ticket 2 answers 404",
    wrap: rewriteResponse((r) => idOf(r) === "2", (res) => ({ ...res, status: 404 })),
    where: "status", actual: 404 },
  { id: "STATUS-2", how: "a missing ticket answers 200",
    wrap: rewriteResponse((r) => idOf(r) === "99", (res) => ({ ...res, status: 200 })),
    where: "status", actual: 200 },
  { id: "STATUS-3", how: "the 404 body is an empty object",
    wrap: rewriteResponse((r) => idOf(r) === "99", (res) => ({ ...res, body: "{}" })),
    where: "/Error", actual: undefined },
  { id: "STATUS-4", how: "a text id crashes the server",
    wrap: rewriteResponse((r) => idOf(r) === "abc", (res) => ({ ...res, status: 500 })),
    where: "status", actual: 500 },
  { id: "STATUS-5", how: "the missing ticket answers 503",
    wrap: rewriteResponse((r) => idOf(r) === "99", (res) => ({ ...res, status: 503 })),
    where: "status", actual: 503 },
  { id: "STATUS-6", how: "ticket 1 answers after 2100 ms",
    wrap: rewriteResponse((r) => idOf(r) === "1", (res) => ({ ...res, delayMs: 2100 })),
    where: "duration" },
  { id: "SCHEMA-1", how: "TicketId is written as text",
    wrap: editJsonWhen(plainJson, (body) => { body.TicketId = "seven"; }),
    where: "/TicketId", actual: "seven" },
  { id: "SCHEMA-2", how: "Title is left out",
    wrap: editJsonWhen(plainJson, (body) => { delete body.Title; }), where: "/Title" },
  { id: "SCHEMA-3", how: "an undocumented property is added",
    wrap: editJsonWhen(plainJson, (body) => { body.Bogus = 1; }), where: "/Bogus", actual: 1 },
  { id: "SCHEMA-4", how: "TicketId is another ticket's",
    wrap: editJsonWhen(plainJson, (body) => { body.TicketId = 424242; }),
    where: "/TicketId", actual: 424242 },
  { id: "SCHEMA-5", how: "the table right names an unknown flag",
    wrap: editJsonWhen(plainJson, (body) => {
      body.TableRight = { Mask: "Select, Sing", Reason: "" };
    }),
    where: "/TableRight/Mask", actual: "Select, Sing" },
  { id: "SELECT-1", how: "a selected Title changes",
    wrap: editJsonWhen(hasSelect, (body) => { body.Title = "changed"; }),
    where: "/Title", actual: "changed" },
  { id: "SELECT-2", how: "an unselected string stays",
    wrap: editJsonWhen(hasSelect, (body) => { body.Author = "still here"; }),
    where: "/Author", actual: "still here" },
  { id: "SELECT-3", how: "an unselected number stays",
    wrap: editJsonWhen(hasSelect, (body) => { body.AlertLevel = 5; }),
    where: "/AlertLevel", actual: 5 },
  { id: "SELECT-4", how: "names match only in their own case",
    wrap: editJsonWhen((r) => /title/.test(queryOf(r).get("$select") ?? ""),
      (body) => { body.Title = null; }),
    where: "/Title", actual: null },
  { id: "SELECT-5", how: "a nested path drops its parent",
    wrap: editJsonWhen((r) => queryOf(r).get("$select") === "Category/Name",
      (body) => { body.Category = null; }),
    where: "/Category/Name", actual: null },
  { id: "SELECT-6", how: "an unknown name crashes the server",
    wrap: rewriteResponse((r) => /NoSuch/.test(queryOf(r).get("$select") ?? ""),
      (res) => ({ ...res, status: 500 })),
    where: "status", actual: 500 },
  { id: "FK-1", how: "fk=true adds a key without dots",
    wrap: editJsonWhen((r) => fk(r) === "true", (body) => {
      body.ExtraFields = { ...(body.ExtraFields as object), badkey: "1" };
    }),
    where: "/ExtraFields/badkey", actual: "1" },
  { id: "FK-2", how: "fk=false loads a foreign key",
    wrap: editJsonWhen((r) => fk(r) === "false", (body) => {
      body.ExtraFields = { ...(body.ExtraFields as object), "crm.erp.customer": "77" };
    }),
    where: "/ExtraFields/crm.erp.customer", actual: "77" },
  { id: "FK-3", how: "fk=true changes the title",
    wrap: editJsonWhen((r) => fk(r) === "true", (body) => { body.Title = "with keys"; }),
    where: "/Title", actual: "with keys" },
  { id: "FK-4", how: "fk=maybe is read as false",
    wrap: editRequest((r) => ({ ...r, url: r.url.replace("fk=maybe", "fk=false") })),
    where: "status", actual: 200 },
  { id: "MEDIA-1", how: "JSON goes out without a charset",
    wrap: rewriteResponse((r) => accepts(r, /json/),
      (res) => ({ ...res, headers: { ...res.headers, "content-type": "application/json" } })),
    where: "content-type charset", actual: "(none)" },
  { id: "MEDIA-2", how: "XML is labelled as JSON",
    wrap: rewriteResponse((r) => accepts(r, /xml/),
      (res) => ({ ...res, headers: { ...res.headers, "content-type": "application/json" } })),
    where: "content-type", actual: "application/json" },
  { id: "MEDIA-3", how: "the XML Title differs from the JSON one",
    wrap: rewriteResponse((r) => accepts(r, /xml/),
      (res) => ({ ...res, body: res.body.toString().replace(/<Title>/, "<Title>XML-") })),
    where: "/Title" },
  { id: "MEDIA-4", how: "a patch type gets another title",
    wrap: editJsonWhen((r) => accepts(r, /patch/), (body) => { body.Title = "patched"; }),
    where: "/Title", actual: "patched" },
  { id: "MEDIA-5", how: "no Accept gets XML",
    wrap: editRequest((r) => (r.headers.accept === undefined
      ? { ...r, headers: { ...r.headers, accept: "application/xml" } } : r)),
    where: "content-type" },
  { id: "MEDIA-6", how: "JSON goes out in Latin-1",
    wrap: rewriteResponse((r) => accepts(r, /json/),
      (res) => ({ ...res, body: Buffer.from(res.body.toString(), "latin1") })),
    where: /^\// },
  { id: "LANG-1", how: "Accept-Language is ignored",
    wrap: editRequest((r) => withHeader(r, "accept-language")), where: /^\// },
  { id: "LANG-2", how: "Accept-Language wins over SO-Language",
    wrap: editRequest((r) =>
      (header("accept-language")(r) ? withHeader(r, "so-language") : r)),
    where: /^\// },
  { id: "LANG-3", how: "SO-Language: * translates to English",
    wrap: editRequest((r) => (header("so-language")(r) === "*"
      ? { ...r, headers: { ...r.headers, "so-language": "en" } } : r)),
    where: /^\// },
  { id: "LANG-4", how: "SO-Culture alone changes the title",
    wrap: editJsonWhen((r) => header("so-culture")(r) !== undefined && !header("so-language")(r),
      (body) => { body.Title = "Kultur"; }),
    where: "/Title", actual: "Kultur" },
  { id: "TZ-1", how: "includeTZOffset is ignored",
    wrap: editRequest((r) => {
      const zone = r.headers["so-timezone"]?.split(",")[0];
      return zone ? { ...r, headers: { ...r.headers, "so-timezone": zone } } : r;
    }),
    where: /^\/.*/ },
  { id: "TZ-2", how: "Norwegian times are labelled UTC",
    wrap: rewriteResponse((r) => (r.headers["so-timezone"] ?? "").startsWith("NO"),
      (res) => ({ ...res, body: res.body.toString().replace(/\+0[12]:00"/g, '+00:00"') })),
    where: /^\/.*/ },
  { id: "TZ-3", how: "one date carries Z without SO-TimeZone",
    wrap: editJsonWhen(plainJson, (body) => { body.CreatedAt = `${String(body.CreatedAt)}Z`; }),
    where: "/CreatedAt" },
  { id: "TZ-4", how: "an unknown zone crashes the server",
    wrap: rewriteResponse((r) => /Mars/.test(r.headers["so-timezone"] ?? ""),
      (res) => ({ ...res, status: 500 })),
    where: "status", actual: 500 },
  { id: "AUTH-1", how: "no credentials are let in",
    wrap: editRequest((r) => (r.headers.authorization || r.headers.cookie ? r : {
      ...r, headers: { ...r.headers, authorization: BASIC },
    })),
    where: "status", actual: 200 },
  { id: "AUTH-2", how: "the 401 has no challenge",
    wrap: rewriteResponse(() => true, (res) => {
      const headers = { ...res.headers };
      delete headers["www-authenticate"];
      return { ...res, headers };
    }),
    where: "www-authenticate", actual: undefined },
  { id: "AUTH-3", how: "wrong credentials get 403",
    wrap: rewriteResponse((r) => r.headers.authorization !== undefined,
      (res) => (res.status === 401 ? { ...res, status: 403 } : res)),
    where: "status", actual: 403 },
  { id: "AUTH-4", how: "a lower-case scheme is refused",
    wrap: rewriteResponse((r) => /^basic /.test(r.headers.authorization ?? ""),
      (res) => ({ ...res, status: 401 })),
    where: "status", actual: 401 },
  { id: "AUTH-5", how: "any XSRF token is accepted",
    wrap: editRequest((r) => (r.headers["x-xsrf-token"] ? { ...r, headers: { ...r.headers,
      "x-xsrf-token": DEFAULT_CREDENTIALS.session.xsrfToken } } : r)),
    where: "status", actual: 200 },
  { id: "AUTH-6", how: "the app token changes the title",
    wrap: editJsonWhen((r) => r.headers["so-apptoken"] !== undefined,
      (body) => { body.Title = "app"; }),
    where: "/Title", actual: "app" },
];

function matches(finding: Finding, wanted: BreakingCase): boolean {
  const whereMatches = typeof wanted.where === "string"
    ? finding.where === wanted.where : wanted.where.test(finding.where ?? "");
  const actualMatches = !("actual" in wanted) || finding.actual === wanted.actual;
  return finding.severity === "fail" && whereMatches && actualMatches;
}

describe("servers that break one requirement each", () => {
  it("cover every requirement of the catalogue", () => {
    expect(CASES.map((c) => c.id)).to.deep.equal(REQUIREMENTS.map((r) => r.id));
  });

  for (const wanted of CASES) {
    it(`${wanted.id} fails when ${wanted.how}`, async () => {
      const run = await runAgainstReference(
        { wrap: wanted.wrap, profile: "strict", only: [wanted.id] });
      const verdict = run.byId(wanted.id);
      const shown = verdict.findings
        .map((f) => `${f.where} ${JSON.stringify(f.actual)} ${f.message}`);
      expect(verdict.verdict, `${verdict.reason ?? ""}\n${shown.join("\n")}`).to.equal("fail");
      expect(verdict.findings.some((f) => matches(f, wanted)), shown.join("\n")).to.equal(true);
      const finding = verdict.findings.find((f) => matches(f, wanted));
      expect(finding?.exchange, "the finding names its exchange").to.match(/#\d+$/);
      expect(finding?.expected, "the finding says what was expected")
        .to.be.a("string").and.not.empty;
      expect(run.mocha.get(wanted.id)).to.equal("failed");
    });
  }
});
