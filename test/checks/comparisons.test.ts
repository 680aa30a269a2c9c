import { expect } from "chai";
import { compareSelected, isTypeDefault } from "../../src/checks/compare-selected.js";
import { diffExceptExtraFields, fkAdditions } from "../../src/checks/fk.js";
import { instantOf, isUnsetDate, parseDateTime, sameInstants } from "../../src/checks/instants.js";
import { diffValues } from "../../src/checks/json-pointer.js";
import { unknownFlags, TABLE_RIGHT_FLAGS } from "../../src/checks/rights.js";
import { bodyProperties } from "../../src/checks/property-kinds.js";
import { selfNamesTicket } from "../../src/checks/schema.js";
import { errorObjectProblems, judgeRunStatuses } from "../../src/checks/status.js";
import { findUntranslated } from "../../src/checks/untranslated.js";
import { judgeOutcome } from "../../src/checks/verdict.js";
import type { Exchange } from "../../src/model/exchange.js";
import type { Finding } from "../../src/model/finding.js";
import { specOperation } from "../helpers/run.js";

describe("date-times and instants", () => {
  it("reads seven fractional digits, offsets in three notations, and years below 100", () => {
    expect(instantOf("2020-08-19T17:12:16.9553621+02:00"))
      .to.equal(instantOf("2020-08-19T15:12:16.9553621Z"));
    expect(instantOf("2019-12-19T06:55:14-0500")).to.equal(instantOf("2019-12-19T11:55:14Z"));
    expect(instantOf("0001-01-01T00:00:00Z")).to.equal(0n);
    expect(parseDateTime("2019-12-19T11:55:14")?.offsetStyle).to.equal("none");
    expect(instantOf("2019-12-19T11:55:14")).to.equal(undefined);
    expect(parseDateTime("19/12/2019 11:55")).to.equal(undefined);
  });

  it("knows the unset date in any zone notation", () => {
    expect(["0001-01-01T00:00:00", "0001-01-01T00:00:00Z", "0001-01-01T01:00:00+01:00"]
      .map(isUnsetDate)).to.deep.equal([true, true, true]);
    expect(isUnsetDate("0001-01-02T00:00:00")).to.equal(false);
  });

  it("compares answers in two zones by instant, naming the property and both values", () => {
    const operation = specOperation();
    const utc = { CreatedAt: "2024-07-01T10:00:00Z", LastChanged: "2024-01-01T10:00:00Z" };
    const oslo = {
      CreatedAt: "2024-07-01T12:00:00+02:00", LastChanged: "2024-01-01T10:00:00+01:00",
    };
    expect(sameInstants(utc, oslo, operation)).to.deep.equal([{ pointer: "/LastChanged",
      left: "2024-01-01T10:00:00Z", right: "2024-01-01T10:00:00+01:00",
      why: "different instants" }]);
  });
});

describe("$select comparison", () => {
  const operation = specOperation();
  const full = { TicketId: 7, Title: "Printer", AlertLevel: 3, Author: "Ann", HasAttachment: true,
    Category: { Name: "Support", TicketCategoryId: 2 } };
  /** A `$select` answer: every documented property null, but for the ones given. */
  const answer = (given: Record<string, unknown>) => ({
    ...Object.fromEntries(bodyProperties(operation).map((p) => [p.name, null])), ...given,
  });

  it("finds a selected value that changed and unselected values left in place", () => {
    const selected = answer({
      TicketId: 7, Title: "Printer!", AlertLevel: 0, Author: "Ann", HasAttachment: null,
    });
    const issues = compareSelected(full, selected, ["ticketid", "Title"], operation);
    expect(issues.map((i) => [i.kind, i.pointer, i.actual, i.isDefault])).to.deep.equal([
      ["selected-differs", "/Title", "Printer!", undefined],
      ["unselected-not-null", "/Author", "Ann", false],
      ["unselected-not-null", "/AlertLevel", 0, true],
    ]);
  });

  it("compares a nested path on its sub-property only", () => {
    const selected = answer({ Category: { Name: "Support", TicketCategoryId: null } });
    expect(compareSelected(full, selected, ["Category/Name"], operation)).to.deep.equal([]);
  });

  it("reports a property dropped from the answer instead of nulled", () => {
    const { Author: _dropped, ...selected } = answer({ Title: "Printer" });
    const issues = compareSelected(full, selected, ["Title"], operation);
    expect(issues.map((i) => [i.kind, i.pointer, i.absent])).to.deep.equal([
      ["unselected-not-null", "/Author", true],
    ]);
  });

  it("knows each value type's default", () => {
    expect([isTypeDefault("number", 0), isTypeDefault("bool", false),
      isTypeDefault("date-time", "0001-01-01T00:00:00"), isTypeDefault("string", "")])
      .to.deep.equal([true, true, true, false]);
  });
});

describe("foreign keys", () => {
  it("finds the entries fk=true added and ignores ExtraFields when comparing the rest", () => {
    const plain = { Title: "a", ExtraFields: { x_a: "1" } };
    const loaded = { Title: "b", ExtraFields: { x_a: "1", "crm.erp.id": "9" } };
    expect(fkAdditions(loaded, plain)).to.deep.equal([["crm.erp.id", "9"]]);
    expect(diffExceptExtraFields(plain, loaded))
      .to.deep.equal([{ pointer: "/Title", left: "a", right: "b" }]);
  });
});

describe("untranslated text", () => {
  it("finds multi-language values and resource ids anywhere, and nothing else", () => {
    const body = {
      Title: 'NO:"Kundestøtte";US:"Support"', Tags: [{ Name: "[SR_MANDATORY_FIELD_1281]" }],
      Author: 'He said: "hi"; bye', Ok: "Support",
    };
    expect(findUntranslated(body).map((u) => [u.pointer, u.form])).to.deep.equal([
      ["/Title", "multi-language"], ["/Tags/0/Name", "resource-id"],
    ]);
  });
});

describe("small judgements", () => {
  it("reads rights masks as comma-separated known flags", () => {
    expect(unknownFlags("Select, Update, Delete", TABLE_RIGHT_FLAGS)).to.deep.equal([]);
    expect(unknownFlags("Select,,Sing", TABLE_RIGHT_FLAGS)).to.deep.equal(["", "Sing"]);
  });

  it("checks that _Links.Self names the ticket", () => {
    const online = "https://online.superoffice.com:443/Cust1/api/v1/Ticket/7/";
    expect(selfNamesTicket(online, 7)).to.equal(true);
    expect(selfNamesTicket("https://host/api/v1/contact/321", 7)).to.equal(false);
    expect(selfNamesTicket("not a url", 7)).to.equal(false);
  });

  it("names what a 404 error object lacks", () => {
    expect(errorObjectProblems({ Error: true, ErrorType: "SoNotFoundException", Message: "gone" }))
      .to.deep.equal([]);
    expect(errorObjectProblems({ Error: "yes" }).map((p) => p.where))
      .to.deep.equal(["/Error", "/ErrorType", "/ErrorMessage"]);
  });

  it("fails 5xx answers of the run and lists undocumented statuses once each", () => {
    const exchange = (id: string, status: number): Exchange => ({ id, startedAt: "", durationMs: 1,
      request: { method: "GET", url: `http://h/api/v1/Ticket/${id}`, headers: {} },
      response: { status, headers: {}, body: "", bytes: 0 } });
    const exchanges = [
      exchange("A#1", 200), exchange("A#2", 401), exchange("B#1", 401), exchange("B#2", 502),
    ];
    const findings = judgeRunStatuses("STATUS-5", exchanges, [200, 404]);
    expect(findings.map((f) => [f.severity, f.actual, f.exchange])).to.deep.equal([
      ["fail", 502, "B#2"], ["info", 401, "A#2"],
    ]);
  });

  it("turns outcomes into verdicts by level and profile", () => {
    const finding = (severity: Finding["severity"]): Finding =>
      ({ requirement: "X-1", severity, message: "" });
    const table: Array<[Finding["severity"][], "MUST" | "SHOULD", "lenient" | "strict", string]> = [
      [["fail"], "MUST", "lenient", "fail"],
      [["fail"], "SHOULD", "lenient", "warn"],
      [["fail"], "SHOULD", "strict", "fail"],
      [["warn"], "MUST", "lenient", "warn"],
      [["info"], "SHOULD", "strict", "pass"],
      [[], "MUST", "strict", "pass"],
    ];
    for (const [severities, level, profile, want] of table) {
      const outcome = { findings: severities.map(finding) };
      const label = `${severities} ${level} ${profile}`;
      expect(judgeOutcome(outcome, level, profile).verdict, label).to.equal(want);
    }
    expect(judgeOutcome({ findings: [], skip: "why" }, "MUST", "strict"))
      .to.deep.equal({ verdict: "skip", reason: "why" });
  });

  it("diffs JSON values leaf by leaf, key order ignored", () => {
    expect(diffValues({ a: 1, b: [1, 2] }, { b: [1, 3], a: 1 }))
      .to.deep.equal([{ pointer: "/b/1", left: 2, right: 3 }]);
  });
});
