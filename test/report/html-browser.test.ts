import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { writeReports } from "../../src/report/write-reports.js";
import { CHROMIUM, hasChromium, runChromium } from "./chromium.js";
import { fixtureRecord } from "./fixture-record.js";
import { verdictsFromHtml } from "./read-back.js";

const absent = hasChromium() ? "" : ` (skipped: no chromium at ${CHROMIUM}; apt install chromium)`;

describe(`report: certification.html in a headless browser${absent}`, function () {
  const record = fixtureRecord();
  let dir: string;
  let page: string;
  let dom: string;

  before(async function () {
    if (!hasChromium()) this.skip();
    dir = mkdtempSync(join(tmpdir(), "ct-html-"));
    writeReports(record, dir);
    page = join(dir, "certification.html");
    dom = await runChromium(page, ["--dump-dom"]);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`shows the banner and the explanation (browser: ${CHROMIUM})`, () => {
    expect(dom).to.match(/<div id="banner" class="banner exit-2">COULD NOT JUDGE<\/div>/);
    expect(dom).to.include("1 requirement(s) failed.");
  });

  it("shows the totals", () => {
    for (const kind of ["pass", "fail", "warn", "skip", "error"] as const) {
      const cell = `<td class="num" data-kind="${kind}">${record.totals[kind]}</td>`;
      expect(dom).to.include(cell);
    }
    expect(dom).to.match(/<td class="num" data-kind="total">5<\/td>/);
  });

  it("shows one row per requirement with its verdict, as the browser parsed it", () => {
    const fromRecord = Object.fromEntries(record.requirements.map((v) => [v.id, v.verdict]));
    expect(verdictsFromHtml(dom)).to.deep.equal(fromRecord);
  });

  it("shows a failure's finding and its evidence, escaped text intact", () => {
    const detail = dom.slice(dom.indexOf('id="detail-SELECT-2"'));
    expect(detail).to.include("not null: &lt;b&gt;&amp;\"'&lt;/b&gt; Blåbærsyltetøy – 東京");
    expect(detail).to.include('<pre class="request">GET http://127.0.0.1:9/api/v1/Ticket/7?');
    expect(detail).to.include("authorization: [redacted]");
    expect(detail).to.include('<pre class="response">HTTP 200');
  });

  it("prints to PDF and renders a screenshot", async () => {
    const pdf = join(dir, "certification.pdf");
    const png = join(dir, "certification.png");
    await runChromium(page, [`--print-to-pdf=${pdf}`, "--no-pdf-header-footer"]);
    await runChromium(page, [`--screenshot=${png}`, "--window-size=1200,1800"]);
    expect(existsSync(pdf) && statSync(pdf).size).to.be.greaterThan(1000);
    expect(existsSync(png) && statSync(png).size).to.be.greaterThan(1000);
  });
});
