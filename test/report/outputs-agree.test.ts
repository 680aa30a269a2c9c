import { expect } from "chai";
import { renderHtml } from "../../src/report/html.js";
import { renderJunit } from "../../src/report/junit.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { AWKWARD, fixtureRecord, fixtureVerdicts } from "./fixture-record.js";
import {
  readJunit,
  verdictsFromHtml,
  verdictsFromJunit,
  verdictsFromMarkdown,
} from "./read-back.js";

describe("report: every format agrees with the record", () => {
  const record = fixtureRecord();
  const fromRecord = Object.fromEntries(record.requirements.map((v) => [v.id, v.verdict]));

  it("the fixture holds every verdict kind", () => {
    const kinds = new Set(Object.values(fromRecord));
    expect(kinds).to.have.all.keys("pass", "fail", "warn", "skip", "error");
  });

  it("HTML shows the verdict of every requirement", () => {
    expect(verdictsFromHtml(renderHtml(record))).to.deep.equal(fromRecord);
  });

  it("Markdown shows the verdict of every requirement", () => {
    expect(verdictsFromMarkdown(renderMarkdown(record))).to.deep.equal(fromRecord);
  });

  it("JUnit implies the verdict of every requirement", () => {
    expect(verdictsFromJunit(renderJunit(record))).to.deep.equal(fromRecord);
  });

  it("JSON round-trips the verdicts", () => {
    const parsed = JSON.parse(JSON.stringify(record)) as typeof record;
    const fromJson = Object.fromEntries(parsed.requirements.map((v) => [v.id, v.verdict]));
    expect(fromJson).to.deep.equal(fromRecord);
  });
});

describe("report: JUnit XML", () => {
  const junit = readJunit(renderJunit(fixtureRecord()));

  it("counts tests, failures, errors and skips correctly", () => {
    expect(junit.totals).to.include({ tests: "5", failures: "1", errors: "1", skipped: "1" });
  });

  it("names cases `ID: statement` with the area as class name", () => {
    const failing = junit.cases.find((testCase) => testCase.name.startsWith("SELECT-2:"))!;
    expect(failing.classname).to.equal("SELECT");
    expect(failing.name).to.equal("SELECT-2: statement of SELECT-2");
  });

  it("escapes markup characters and keeps non-ASCII text in messages and bodies", () => {
    const failing = junit.cases.find((testCase) => testCase.name.startsWith("SELECT-2:"))!;
    expect(failing.failure!.message).to.equal(`Title was not null: ${AWKWARD}`);
    expect(failing.failure!.text).to.include(AWKWARD);
    expect(failing.failure!.text).to.include("GET http://127.0.0.1:9/api/v1/Ticket/7?$select=");
  });

  it("gives skips their reason and could-not-judge its reason", () => {
    const skipped = junit.cases.find((testCase) => testCase.name.startsWith("AUTH-5:"))!;
    expect(skipped.skipped!.message).to.equal("no SO_XSRF_TOKEN was given");
    const errored = junit.cases.find((testCase) => testCase.name.startsWith("TZ-2:"))!;
    expect(errored.error!.message).to.include("connection refused");
  });

  it("replaces control characters XML cannot carry", () => {
    const record = fixtureRecord();
    record.requirements[1]!.findings[0]!.message = "bell \u0007 here";
    expect(renderJunit(record)).to.include("bell \uFFFD here");
  });
});

describe("report: JUnit properties say how the run was limited", () => {
  const passing = fixtureVerdicts().filter((verdict) => verdict.verdict === "pass");
  const partial = fixtureRecord({
    requirements: passing,
    options: { tickets: [7, 8], missingTicket: 2147483647, only: ["STATUS-1", "STATUS-2"] },
    target: { kind: "live", root: "http://ops:hunter2@127.0.0.1:9/api" },
  });

  it("every suite carries only, profile, target, exitCode and the banner others show", () => {
    const { properties } = readJunit(renderJunit(partial));
    expect(properties).to.have.length.greaterThan(0);
    for (const suite of properties) {
      expect(suite).to.deep.equal({
        only: "STATUS-1,STATUS-2",
        profile: "lenient",
        target: "http://127.0.0.1:9/api",
        exitCode: "0",
        banner: "CONFORMS (PARTIAL)",
      });
    }
    expect(renderMarkdown(partial)).to.include("**Verdict: CONFORMS (PARTIAL)**");
    expect(renderHtml(partial)).to.include(">CONFORMS (PARTIAL)</div>");
  });

  it("says `all` for a run not limited by --only, and the fixture's banner", () => {
    const { properties } = readJunit(renderJunit(fixtureRecord()));
    expect(properties[0]).to.include({ only: "all", exitCode: "2", banner: "COULD NOT JUDGE" });
  });

  it("keeps credentials in the target out of junit.xml", () => {
    expect(renderJunit(partial)).not.to.include("hunter2");
  });
});

describe("report: Markdown and HTML content", () => {
  const record = fixtureRecord();

  it("Markdown carries the banner, the evidence and a place to sign", () => {
    const markdown = renderMarkdown(record);
    expect(markdown).to.include("**Verdict: COULD NOT JUDGE**");
    expect(markdown).to.include("```http\nGET http://127.0.0.1:9/api/v1/Ticket/7?$select=Title");
    expect(markdown).to.match(/^\| Signature +\| +\|$/m);
  });

  it("HTML is self-contained: no scripts and no external resources", () => {
    const html = renderHtml(record);
    expect(html).not.to.match(/<script|<link|src=|@import|url\(/i);
    expect(html).to.include("&#x3C;b>&#x26;\"'&#x3C;/b>");
  });
});
