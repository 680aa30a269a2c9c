import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintPage, readSample } from "../../src/derive/index.js";
import { loadSpec } from "../../src/markdown/index.js";
import { loadValidators } from "../../src/validate/index.js";
import { ROOT } from "../markdown/helpers.js";

const PAGE = "spec/v1TicketEntity_GetTicketEntity.md";

describe("lintPage: where the reference page disagrees with itself", () => {
  const operation = loadSpec(join(ROOT, "spec"));
  const validators = loadValidators(join(ROOT, "schemas"));
  const issues = lintPage(operation, validators, readFileSync(join(ROOT, PAGE), "utf8"));

  it("the sample response validates against the schema derived from the page", () => {
    const sample = readSample(operation.sampleResponse as NonNullable<typeof operation.sampleResponse>);
    expect(sample.body).to.be.an("object");
    expect(validators.validate("TicketEntityWithLinks", sample.body, "strict")).to.deep.equal([]);
    expect(issues.filter((issue) => issue.rule === "sample-schema")).to.deep.equal([]);
  });

  it("lists every disagreement, pinned by line:column, rule and pointer", () => {
    expect(issues.map((issue) => issue.place.file)).to.satisfy((files: string[]) => files.every((file) => file === PAGE));
    expect(issues.map((issue) => `${issue.place.line}:${issue.place.column} ${issue.rule}${issue.pointer ? ` ${issue.pointer}` : ""}`))
      .to.deep.equal([
      "92:102 double-escaped-entity",
      "92:118 double-escaped-entity",
      "94:136 double-escaped-entity",
      "96:132 double-escaped-entity",
      "104:82 double-escaped-entity",
      "35:1 select-name",
      "35:1 select-name",
      "35:1 select-name",
      "31:3 select-name",
      "31:3 select-name",
      "132:1 sample-request-template",
      "134:1 sample-request-accept",
      "141:1 status-line",
      "253:9 empty-object /Messages/0/MessageHeaders/0",
      "254:9 empty-object /Messages/0/MessageHeaders/1",
      "286:5 duplicate-item /Tags/1",
      "212:22 field-properties-key /SecondaryPersons/0/FieldProperties/fieldName",
      "264:22 field-properties-key /Messages/0/FieldProperties/fieldName",
      "279:22 field-properties-key /Tags/0/FieldProperties/fieldName",
      "292:22 field-properties-key /Tags/1/FieldProperties/fieldName",
      "322:18 field-properties-key /FieldProperties/fieldName",
      "147:16 offset-without-time-zone /CreatedAt",
      "148:18 offset-without-time-zone /LastChanged",
      "149:18 offset-without-time-zone /ReadByOwner",
      "150:21 offset-without-time-zone /ReadByCustomer",
      "151:23 offset-without-time-zone /FirstReadByOwner",
      "152:22 offset-without-time-zone /FirstReadByUser",
      "153:15 offset-without-time-zone /Activate",
      "154:15 offset-without-time-zone /ClosedAt",
      "155:16 offset-without-time-zone /RepliedAt",
      "156:19 offset-without-time-zone /AlertTimeout",
      "157:15 offset-without-time-zone /Deadline",
      "241:20 offset-without-time-zone /Messages/0/CreatedAt",
      "260:20 offset-without-time-zone /Messages/0/ChangedAt",
      "148:18 event-before-creation /LastChanged",
      "149:18 event-before-creation /ReadByOwner",
      "150:21 event-before-creation /ReadByCustomer",
      "151:23 event-before-creation /FirstReadByOwner",
      "152:22 event-before-creation /FirstReadByUser",
      "154:15 event-before-creation /ClosedAt",
      "155:16 event-before-creation /RepliedAt",
      "236:18 message-count /NumMessages",
      "329:13 links-target /_Links/Self",
      "330:16 links-target /_Links/Archive",
      ]);
  });

  it("says what is wrong in each kind of disagreement", () => {
    const message = (rule: string, pointer?: string) =>
      issues.find((issue) => issue.rule === rule && (pointer === undefined || issue.pointer === pointer))?.message;
    expect(message("select-name")).to.equal(
      "the $select example names `name`: `name` is not a property of TicketEntityWithLinks",
    );
    expect(issues.filter((issue) => issue.rule === "select-name").map((issue) => issue.message)).to.include(
      "the $select example names `category/id`: `id` is not a property of TicketCategoryEntity",
    );
    expect(message("links-target", "/_Links/Self")).to.equal(
      "`_Links.Self` points at `https://www.example.com/api/v1/contact/321`, not at a Ticket resource",
    );
    expect(message("empty-object", "/Messages/0/MessageHeaders/0")).to.equal(
      "the sample shows `{}` for a TicketMessageHeader, which documents 7 properties",
    );
    expect(message("offset-without-time-zone", "/CreatedAt")).to.equal(
      "`2023-05-28T14:23:55.6658646+02:00` carries an offset, but the sample request sends no " +
        "`SO-TimeZone` (without it dates are written without an offset)",
    );
    expect(message("sample-request-accept")).to.match(/^the sample request sends `Accept: application\/json; charset=utf-8`/);
    expect(message("status-line")).to.equal(
      "the sample status line `HTTP/1.1 200 TicketEntity found.` carries the response description " +
        "as its reason phrase; a 200 answer says `OK`",
    );
    expect(message("double-escaped-entity")).to.equal(
      "`&amp;apos;` is escaped twice; it renders as `&apos;`, not as the character",
    );
  });

  it("reports a sample that breaks the derived schema (the rule can fire)", () => {
    const broken = structuredClone(operation);
    const sample = broken.sampleResponse as NonNullable<typeof broken.sampleResponse>;
    sample.text = sample.text.replace('"TicketId": 767', '"TicketId": "767"');
    const found = lintPage(broken, validators).filter((issue) => issue.rule === "sample-schema");
    expect(found.map((issue) => [issue.pointer, issue.place.line, issue.place.column])).to.deep.equal([
      ["/TicketId", 145, 15],
    ]);
  });
});
