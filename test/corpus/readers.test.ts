import { expect } from "chai";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateCorpus, type BodyResult, type CorpusSummary } from "../../src/validate/corpus/index.js";
import { seedBody, seedJsonBodies } from "./seed-bodies.js";

const TYPE = "TicketEntityWithLinks";

/** Runs a corpus in this thread and collects the per-body results. */
async function run(paths: string[], extra: Record<string, unknown> = {}): Promise<{ summary: CorpusSummary; results: BodyResult[] }> {
  const results: BodyResult[] = [];
  const summary = await validateCorpus(paths, { typeName: TYPE, profile: "lenient", workers: 1, onResult: (r) => results.push(r), ...extra });
  return { summary, results };
}

/** A HAR entry for `GET url` answered with `status` and `content`. */
function harEntry(url: string, status: number, content: Record<string, unknown>): unknown {
  return { request: { method: "GET", url, headers: [] }, response: { status, headers: [], content } };
}

describe("corpus readers", () => {
  let dir: string;
  let bodies: string[];
  let broken: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-corpus-"));
    bodies = await seedJsonBodies();
    const ticket = JSON.parse(bodies[0] as string) as Record<string, unknown>;
    broken = JSON.stringify({ ...ticket, TicketId: 2147483648, CreatedAt: "yesterday" });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("validates JSON files, one body each", async () => {
    writeFileSync(join(dir, "good.json"), bodies[0] as string);
    writeFileSync(join(dir, "bad.json"), broken);
    const { summary, results } = await run([join(dir, "good.json"), join(dir, "bad.json")]);
    expect(summary).to.include({ bodies: 2, valid: 1, invalid: 1 });
    expect(results.map((r) => r.location)).to.deep.equal([join(dir, "bad.json")]);
    const keys = summary.byViolation.map((v) => v.key);
    expect(keys).to.include.members(["maximum at /TicketId", "pattern at /CreatedAt"]);
  });

  it("reads NDJSON lines, gateway records and a bad line, located file:line", async () => {
    const file = join(dir, "log.ndjson");
    const lines = [
      ...bodies.map((b) => JSON.stringify(JSON.parse(b))),
      "{ not json",
      JSON.stringify({ status: 200, contentType: "application/json", body: broken }),
      JSON.stringify({ response: { status: 404, body: "" } }),
      "",
      JSON.stringify({ status: 200, contentType: "application/xml", body: await seedBody(1, "application/xml") }),
    ];
    writeFileSync(file, `${lines.join("\r\n")}\n`);
    const { summary, results } = await run([file]);
    expect(summary).to.include({ bodies: bodies.length + 4, valid: bodies.length + 1, invalid: 1, malformed: 1, skipped: 1 });
    expect(summary.skippedByStatus).to.deep.equal({ "404": 1 });
    const malformed = results.find((r) => r.outcome === "malformed");
    expect(malformed?.location).to.equal(`${file}:${bodies.length + 1}`);
    expect(results.find((r) => r.outcome === "invalid")?.location).to.equal(`${file}:${bodies.length + 2}`);
  });

  it("reports a line that is not UTF-8 with its place", async () => {
    const file = join(dir, "latin1.ndjson");
    writeFileSync(file, Buffer.concat([Buffer.from(`${bodies[1]?.replace(/\n/g, "")}\n{"Title":"`), Buffer.from([0xe6, 0x22, 0x7d, 0x0a])]));
    const { summary, results } = await run([file]);
    expect(summary).to.include({ malformed: 1, valid: 1 });
    expect(results[0]).to.include({ location: `${file}:2`, outcome: "malformed", reason: "not UTF-8" });
  });

  it("walks HAR entries: base64 and XML bodies, other entries passed over, non-200 skipped", async () => {
    const file = join(dir, "traffic.har");
    const entries = [
      harEntry("https://host/Cust1/api/v1/Ticket/1", 200, { mimeType: "application/json; charset=utf-8", text: bodies[0] }),
      harEntry("https://host/Cust1/api/v1/Ticket/2?$select=Title", 200, {
        mimeType: "application/json",
        encoding: "base64",
        text: Buffer.from(broken).toString("base64"),
      }),
      harEntry("https://host/Cust1/api/v1/Contact/5", 200, { mimeType: "application/json", text: "{}" }),
      harEntry("https://host/Cust1/api/v1/Ticket/99", 404, { mimeType: "application/json", text: "{}" }),
      harEntry("https://host/Cust1/api/v1/Ticket/7", 200, { mimeType: "application/xml", text: await seedBody(7, "application/xml") }),
    ];
    writeFileSync(file, JSON.stringify({ log: { version: "1.2", creator: { name: "t" }, entries } }, null, 1));
    const { summary, results } = await run([file]);
    expect(summary).to.include({ bodies: 4, valid: 2, invalid: 1, skipped: 1, ignored: 1 });
    expect(results.find((r) => r.outcome === "invalid")?.location).to.equal(`${file}#entries[1]`);
  });

  it("counts a truncated HAR as malformed at the entry it stopped in, after the whole entries", async () => {
    const file = join(dir, "cut.har");
    const entry = harEntry("http://h/api/v1/Ticket/1", 200, { mimeType: "application/json", text: bodies[0] });
    const text = JSON.stringify({ log: { entries: [entry, entry, entry] } });
    writeFileSync(file, text.slice(0, text.length - 200));
    const { summary, results } = await run([file]);
    expect(summary).to.include({ valid: 2, malformed: 1 });
    expect(results[0]?.location).to.equal(`${file}#entries[2]`);
    expect(results[0]?.reason).to.match(/truncated/);
  });

  it("walks directories recursively by extension, passing over other files", async () => {
    const tree = join(dir, "tree");
    mkdirSync(join(tree, "deep"), { recursive: true });
    writeFileSync(join(tree, "a.json"), bodies[0] as string);
    writeFileSync(join(tree, "deep", "b.jsonl"), `${JSON.stringify(JSON.parse(bodies[1] as string))}\n`);
    writeFileSync(join(tree, "deep", "c.xml"), await seedBody(2, "application/xml"));
    writeFileSync(join(tree, "notes.txt"), "not a body");
    const { summary } = await run([tree]);
    expect(summary).to.include({ inputs: 3, bodies: 3, valid: 3 });
  });

  it("reads standard input for `-`", async () => {
    const stdin = async function* (): AsyncGenerator<Uint8Array> {
      yield Buffer.from(broken.slice(0, 100));
      yield Buffer.from(broken.slice(100));
    };
    const { summary } = await run(["-"], { stdin });
    expect(summary).to.include({ bodies: 1, invalid: 1 });
  });
});
