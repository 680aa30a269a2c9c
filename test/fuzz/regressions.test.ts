import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { MAX_JSON_DEPTH, readJson } from "../../src/checks/exchange-reading.js";
import { parsePage } from "../../src/markdown/index.js";
import { isConformanceError } from "../../src/model/errors.js";
import type { Exchange } from "../../src/model/exchange.js";
import { readCassettes } from "../../src/target/cassette.js";
import { loadValidators, readXmlBody } from "../../src/validate/index.js";
import { resolvePointer } from "./properties.js";

/** The error a call throws, or fails the test when it returns. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** A 200 JSON exchange with the given body. */
function answered(body: string): Exchange {
  return {
    id: "REGRESSION#1",
    request: { method: "GET", url: "http://127.0.0.1/api/v1/Ticket/1", headers: {} },
    response: {
      status: 200, headers: { "content-type": "application/json" }, body, bytes: body.length,
    },
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
  };
}

/** Nests `depth` values inside each other without recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = {};
  for (let level = 0; level < depth; level += 1) value = wrap(value);
  return value;
}

describe("fuzz regressions: inputs that once crashed", function () {
  this.timeout(30_000);

  it("checks: a JSON body nested 100 000 levels is refused by depth, not a stack overflow", () => {
    const reading = readJson(answered("[".repeat(100_000) + "]".repeat(100_000)));
    expect(reading).to.deep.equal({ ok: false,
      why: `the body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep` });
    expect(readJson(answered('{"a":"[[[[","b":[1]}')).ok, "brackets in strings do not count")
      .to.equal(true);
  });

  it("checks: a JSON body with a byte order mark names the mark", () => {
    const reading = readJson(answered('\uFEFF{"TicketId":1}'));
    expect(reading).to.deep.include({ ok: false });
    expect((reading as { why: string }).why).to.match(/byte order mark \(U\+FEFF\)/);
  });

  it("xml: an open CDATA after a self-closed root is a ConformanceError, not a crash", () => {
    const error = thrownBy(() =>
      readXmlBody('<TicketEntity i:nil="true"/><![CDATA[', "TicketEntityWithLinks"));
    expect(isConformanceError(error), String(error)).to.equal(true);
    expect((error as Error).message).to.match(/not well-formed XML: CDATA is not closed/);
  });

  it("xml: elements nested 100 000 deep are refused as malformed", () => {
    const people = `${"<Person>".repeat(100_000)}${"</Person>".repeat(100_000)}`;
    const xml = `<TicketEntity>${people}</TicketEntity>`;
    const error = thrownBy(() => readXmlBody(xml, "TicketEntityWithLinks"));
    expect(isConformanceError(error), String(error)).to.equal(true);
  });

  it("validators: values nested far too deep give violations, and a value that says so", () => {
    const validators = loadValidators();
    const bodies = [
      nested(50_000, (inner) => [inner]),
      nested(50_000, (inner) => ({ Person: inner })),
      { Unknown: nested(50_000, (inner) => ({ a: inner })) },
    ];
    for (const body of bodies) {
      const violations = validators.validate("TicketEntityWithLinks", body, "strict");
      expect(violations).to.not.deep.equal([]);
      for (const violation of violations) {
        expect(resolvePointer(body, violation.pointer).found, violation.pointer).to.equal(true);
        expect(() => JSON.stringify(violation), "a violation can go into a report").not.to.throw();
      }
    }
  });

  for (const [what, line, depth] of [
    ["blockquotes", `${">".repeat(20_000)} deep`, 20_000],
    ["list items", `${"- ".repeat(10_000)}deep`, 10_000],
    ["indented list items", `${"  ".repeat(5_000)}- deep`, 2_500],
  ] as const) {
    it(`page parser: ${what} nested thousands deep are refused on their line, unparsed`, () => {
      const page = `---\ntitle: x\nuid: y\n---\n# T\n${line}\n`;
      const error = thrownBy(() => parsePage(page, "spec/deep.md", "operation"));
      expect(isConformanceError(error), String(error)).to.equal(true);
      expect((error as Error).message).to.equal(
        `spec/deep.md:6:1: the line opens blocks nested ${depth} deep (at most 16 are read)`);
    });
  }

  it("recordings: an interaction without a request is malformed, naming its file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ct-regression-"));
    try {
      const cassette = {
        format: "so-conformance/cassette@1", suite: { name: "s", version: "1" },
        target: "http://x/api",
        recordedAt: "", requirement: "STATUS-1", credentials: { appToken: false, session: false },
        defaults: { tickets: [] }, interactions: [{ response: "200 OK" }],
      };
      writeFileSync(join(dir, "STATUS-1.json"), JSON.stringify(cassette));
      const error = thrownBy(() => readCassettes(dir, "1"));
      expect((error as { code?: string }).code).to.equal("ERR_CT_RECORDING_MALFORMED");
      expect((error as Error).message).to.match(/STATUS-1\.json` interaction 1 is not a recorded/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
