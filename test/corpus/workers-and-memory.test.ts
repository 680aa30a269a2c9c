import { expect } from "chai";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { truncateSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { readNdjson } from "../../src/validate/corpus/read-ndjson.js";
import { validateCorpus, type BodyResult } from "../../src/validate/corpus/index.js";
import { defaultWorkers, SMALL_CORPUS_BYTES } from "../../src/validate/corpus/run-corpus.js";
import { DEFAULT_LIMITS } from "../../src/validate/corpus/unit.js";
import { seedJsonBodies } from "./seed-bodies.js";

describe("corpus workers and memory", () => {
  let dir: string;
  let corpus: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-workers-"));
    corpus = join(dir, "mixed.ndjson");
    const bodies = (await seedJsonBodies()).map((b) => JSON.parse(b) as Record<string, unknown>);
    const lines: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const body: Record<string, unknown> = { ...bodies[n % bodies.length], TicketId: n + 1 };
      if (n % 7 === 0) body.TicketId = n * 1e7;
      if (n % 11 === 0) body.Slevel = `Level${n}`;
      lines.push(n % 97 === 0 ? `{"broken": ${n}` : JSON.stringify(body));
    }
    writeFileSync(corpus, `${lines.join("\n")}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("gives identical results with one worker and with three, in the same order", async () => {
    const runWith = async (workers: number) => {
      const results: BodyResult[] = [];
      const summary = await validateCorpus([corpus], {
        typeName: "TicketEntityWithLinks",
        profile: "strict",
        workers,
        batch: { maxBytes: 64 * 1024, maxUnits: 50 },
        onResult: (r) => results.push(r),
      });
      return { summary: { ...summary, workers: 0 }, results };
    };
    const inProcess = await runWith(1);
    const threaded = await runWith(3);
    expect(inProcess.summary.invalid).to.be.greaterThan(0);
    expect(inProcess.summary.malformed).to.equal(31);
    expect(threaded).to.deep.equal(inProcess);
  });

  it("streams a 50 MB NDJSON file holding at most one chunk and one line", async () => {
    const big = join(dir, "big.ndjson");
    const line = `${JSON.stringify({ Title: "x".repeat(5000), TicketId: 1 })}\n`;
    const out = createWriteStream(big);
    let written = 0;
    while (written < 50 * 1024 * 1024) {
      if (!out.write(line)) await once(out, "drain");
      written += line.length;
    }
    out.end();
    await once(out, "finish");

    const stats = { highWaterBytes: 0 };
    let lines = 0;
    const chunkSize = 256 * 1024;
    const chunks = createReadStream(big, { highWaterMark: chunkSize });
    for await (const item of readNdjson(chunks, big, DEFAULT_LIMITS, stats)) {
      if ("bytes" in item) lines++;
    }
    expect(lines).to.equal(Math.ceil((50 * 1024 * 1024) / line.length));
    expect(stats.highWaterBytes).to.be.at.most(chunkSize + line.length);
  });

  it("reports an overlong line and reads on after it", async () => {
    const file = join(dir, "long.ndjson");
    writeFileSync(file, `${"x".repeat(5000)}\n{"TicketId":1}\n`);
    const stats = { highWaterBytes: 0 };
    const items = [];
    const chunks = createReadStream(file, { highWaterMark: 1024 });
    for await (const item of readNdjson(chunks, file, { maxUnitBytes: 2048 }, stats)) {
      items.push(item);
    }
    const problem = "line longer than 2048 bytes";
    expect(items[0]).to.deep.equal({ location: `${file}:1`, problem });
    expect(items[1]).to.include({ location: `${file}:2`, format: "line" });
    expect(stats.highWaterBytes).to.be.at.most(1024 + 2048);
  });

  it("judges a small corpus in this thread by default, a large one or stdin on every core", () => {
    const sparse = join(dir, "large.ndjson");
    writeFileSync(sparse, "");
    truncateSync(sparse, SMALL_CORPUS_BYTES);
    const tiny = join(dir, "tiny.ndjson");
    writeFileSync(tiny, '{"TicketId":1}\n');
    const small = { path: tiny, format: "ndjson" as const };
    const large = { path: sparse, format: "ndjson" as const };
    expect(defaultWorkers([small])).to.equal(1);
    expect(defaultWorkers([small, large])).to.equal(availableParallelism());
    expect(defaultWorkers([small, { path: "-", format: "json" }])).to.equal(availableParallelism());
  });
});
