import { expect } from "chai";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { seedJsonBodies } from "./seed-bodies.js";

/** Runs `so-conformance validate …` and captures what it prints. */
async function validate(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, env: {}, cwd: dir };
  const code = await main(["node", "so-conformance", "validate", ...args], io);
  process.exitCode = 0;
  return { code, out, err };
}

describe("so-conformance validate over a corpus", () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-cli-"));
    const bodies = (await seedJsonBodies()).map((b) => JSON.stringify(JSON.parse(b)));
    writeFileSync(join(dir, "good.ndjson"), `${bodies.join("\n")}\n`);
    const broken = { ...(JSON.parse(bodies[0] as string) as object), TicketId: -2147483649 };
    writeFileSync(join(dir, "bad.ndjson"), `${bodies[1]}\n${JSON.stringify(broken)}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 when every body is valid", async () => {
    const { code, out } = await validate(dir, "good.ndjson", "--workers", "1");
    expect(code).to.equal(0);
    expect(out).to.equal(
      "validate: 5 bodies as TicketEntityWithLinks (lenient): " +
        "5 valid, 0 invalid, 0 malformed, 0 skipped, 0 warnings\n",
    );
  });

  it("exits 1 on an invalid body, prints its violations, and writes the summary with --json", async () => {
    const { code, out } = await validate(dir, "bad.ndjson", "--workers", "2", "--json", "summary.json");
    expect(code).to.equal(1);
    expect(out).to.contain("bad.ndjson:2: invalid");
    expect(out).to.match(/1 +fail minimum at \/TicketId +e\.g\. .*bad\.ndjson:2/);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as Record<string, unknown>;
    expect(summary).to.include({ bodies: 2, valid: 1, invalid: 1, workers: 2 });
    expect(summary.byViolation).to.deep.equal([
      { key: "minimum at /TicketId", keyword: "minimum", pattern: "/TicketId", severity: "fail", count: 1, example: join(dir, "bad.ndjson:2") },
    ]);
  });

  it("prints only the summary with --quiet", async () => {
    const { code, out } = await validate(dir, "bad.ndjson", "--quiet", "--workers", "1");
    expect(code).to.equal(1);
    expect(out).not.to.contain("bad.ndjson:2: invalid");
    expect(out).to.contain("1 invalid");
  });

  it("prints a malformed line on stdout and exits 1, as a malformed single body does", async () => {
    writeFileSync(join(dir, "broken.ndjson"), '{"TicketId": 1}\n{"TicketId": \n');
    writeFileSync(join(dir, "not-a.har"), '{"log": {}}');
    const { code, out, err } = await validate(dir, "broken.ndjson", "not-a.har");
    expect(code).to.equal(1);
    expect(err).to.equal("");
    expect(out).to.match(/^broken\.ndjson:2: malformed: not readable: /);
    expect(out).to.contain("not-a.har: malformed: not a HAR: no `log.entries` array\n");
    expect(out).to.contain("validate: 3 bodies as TicketEntityWithLinks (lenient): 1 valid, 0 invalid, 2 malformed");
  });

  it("exits 2 with one clear line on input it cannot read", async () => {
    const { code, err } = await validate(dir, "missing.ndjson");
    expect(code).to.equal(2);
    const line = "so-conformance: cannot read `" + join(dir, "missing.ndjson") + "`: no such file or directory [ERR_CT_USAGE]";
    // One line, whatever hint at --help follows the code.
    expect(err.startsWith(line)).to.equal(true, err);
    expect(err.split("\n")).to.have.length(2);
  });

  it("exits 2 naming the inputs when they hold no body at all, so a wrong path is not green", async () => {
    mkdirSync(join(dir, "empty-folder"));
    writeFileSync(join(dir, "empty-folder", "notes.txt"), "not a body");
    writeFileSync(join(dir, "blank.ndjson"), "\n\n");
    const { code, out, err } = await validate(dir, "empty-folder/", "blank.ndjson", "--workers", "1");
    expect(code).to.equal(2);
    expect(out).to.equal("");
    expect(err).to.equal(
      "validate: no body found in empty-folder/, blank.ndjson " +
        "(looked for .json, .ndjson, .jsonl, .har, .xml)\n",
    );
  });
});
