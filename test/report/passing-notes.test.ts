import { expect } from "chai";
import type { Finding, Verdict } from "../../src/model/finding.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { fixtureRecord, fixtureVerdicts } from "./fixture-record.js";

/** An info finding as STATUS-5 records an undocumented status it saw. */
function seen(status: number): Finding {
  return {
    requirement: "STATUS-5",
    severity: "info",
    message: `status ${status} is not among the statuses the page documents`,
    exchange: "STATUS-5#1",
  };
}

/** The fixture's verdicts plus a passing STATUS-5 that noted three statuses. */
function withPassingNotes(): Verdict[] {
  const [first] = fixtureVerdicts();
  const status5: Verdict = {
    ...(first as Verdict),
    id: "STATUS-5",
    statement: "statement of STATUS-5",
    findings: [seen(418), seen(429), seen(503)],
  };
  return [...fixtureVerdicts(), status5];
}

describe("report: findings of a passing requirement are shown, not only counted", () => {
  const record = fixtureRecord({ requirements: withPassingNotes() });

  it("HTML lists each message under the requirements and links the row to it", () => {
    const html = renderHtml(record);
    for (const status of [418, 429, 503]) {
      expect(html).to.include(`INFO: status ${status} is not among the statuses`);
    }
    expect(html).to.include('<a href="#notes-STATUS-5">3 note(s), listed below</a>');
    expect(html).to.include('<li id="notes-STATUS-5">');
    expect(html).not.to.include("3 finding(s)");
  });

  it("Markdown lists each message under a heading of its own", () => {
    const markdown = renderMarkdown(record);
    expect(markdown).to.include("## Notes on passing requirements");
    for (const status of [418, 429, 503]) {
      expect(markdown).to.include(
        `- STATUS-5: INFO: status ${status} is not among the statuses the page documents ` +
          "(exchange STATUS-5#1)",
      );
    }
    expect(markdown).to.include("3 note(s), listed below");
  });

  it("adds no such section when no passing requirement noted anything", () => {
    const plain = fixtureRecord();
    expect(renderMarkdown(plain)).not.to.include("Notes on passing requirements");
    expect(renderHtml(plain)).not.to.include('id="notes"');
  });
});
