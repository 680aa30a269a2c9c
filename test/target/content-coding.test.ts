import { expect } from "chai";
import { randomBytes } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import type { Target } from "../../src/model/exchange.js";
import { runRequirements } from "../../src/run/engine.js";
import { createLiveTarget } from "../../src/target/live.js";
import { startTestServer, type TestServer } from "../helpers/http-server.js";
import { seedRunOptions } from "../helpers/run.js";

const TICKET = JSON.stringify({ TicketId: 1, Title: "Printer on fire" });
const CAP = 1_000_000;

/** What the server answers for each ticket id: a body and the headers that label it. */
const ANSWERS: Record<string, { body: Buffer; headers: OutgoingHttpHeaders }> = {
  "1": { body: gzipSync(TICKET), headers: { "content-encoding": "gzip" } },
  "2": { body: gzipSync(TICKET), headers: { "content-encoding": "x-gzip" } },
  "3": { body: deflateSync(TICKET), headers: { "content-encoding": "deflate" } },
  "4": { body: deflateRawSync(TICKET), headers: { "content-encoding": "deflate" } },
  "5": { body: brotliCompressSync(TICKET), headers: { "content-encoding": "br" } },
  // Applied in the order listed: gzip first, then br over it.
  "6": { body: brotliCompressSync(gzipSync(TICKET)), headers: { "content-encoding": "gzip, br" } },
  "7": { body: Buffer.from(TICKET), headers: { "content-encoding": "GZIP" } },
  "8": { body: Buffer.from(TICKET), headers: { "content-encoding": "zstd" } },
  "9": { body: gzipSync(Buffer.alloc(50_000_000)), headers: { "content-encoding": "gzip" } },
  "10": { body: Buffer.from(TICKET), headers: { "content-encoding": "identity" } },
  // Cut short: the body ends inside the compressed stream.
  "11": { body: gzipSync(TICKET).subarray(0, 20), headers: { "content-encoding": "gzip" } },
  // Random bytes do not shrink: on the wire this passes a small cap before it is decoded.
  "12": { body: gzipSync(randomBytes(5000)), headers: { "content-encoding": "gzip" } },
};

describe("the live target and Content-Encoding", () => {
  let server: TestServer;
  let target: Target;
  before(async () => {
    server = await startTestServer((request, response) => {
      const id = request.url?.match(/\/Ticket\/(\d+)/)?.[1] ?? "";
      const answer = ANSWERS[id];
      if (!answer) return response.writeHead(404).end();
      response.writeHead(200, { "content-type": "application/json; charset=utf-8",
        "content-length": answer.body.length, ...answer.headers }).end(answer.body);
    });
    target = createLiveTarget({ root: `${server.url}/api`, credentials: {}, timeoutMs: 5000,
      maxBodyBytes: CAP, insecure: false });
  });
  after(async () => {
    await target.close();
    await server.close();
  });

  const send = (id: string) => target.send({ id, auth: { kind: "none" } }, `CE-${id}#1`);

  const decodes = (id: string, what: string) => it(`decodes ${what}`, async () => {
    const exchange = await send(id);
    expect(exchange.error).to.equal(undefined);
    expect(JSON.parse(exchange.response?.body ?? "")).to.deep.equal(JSON.parse(TICKET));
    expect(exchange.response?.bytes, "bytes as on the wire").to.equal(ANSWERS[id]?.body.length);
    expect(exchange.response?.headers["content-encoding"])
      .to.equal(ANSWERS[id]?.headers["content-encoding"]);
  });
  decodes("1", "gzip");
  decodes("2", "x-gzip");
  decodes("3", "deflate (a zlib stream)");
  decodes("4", "deflate sent as bare deflate data");
  decodes("5", "br");
  decodes("6", "stacked codings, last applied first (gzip, br)");
  decodes("10", "identity (nothing to undo)");

  it("calls a plain body labelled gzip an encoding error, never a judgeable answer", async () => {
    const exchange = await send("7");
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_ENCODING");
    expect(exchange.error?.message).to.match(
      /^the body is labelled Content-Encoding: GZIP but does not decode as gzip \(.+\): GET /);
    expect(exchange.response?.body, "the raw body stays as evidence").to.equal(TICKET);
    expect(exchange.response?.status).to.equal(200);
  });

  it("calls a coding it does not know an encoding error, naming it", async () => {
    const exchange = await send("8");
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_ENCODING");
    expect(exchange.error?.message).to.match(/Content-Encoding: zstd.*cannot decode zstd/);
  });

  it("stops a gzip bomb at the cap: too large, never expanded in memory", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const exchange = await send("9");
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_TOO_LARGE");
    expect(exchange.error?.message).to.include("(Content-Encoding: gzip)")
      .and.include(`decodes past the cap of ${CAP} bytes`);
    expect(exchange.response?.truncated).to.equal(true);
    expect(exchange.response?.bytes).to.equal(ANSWERS["9"]?.body.length);
    expect(exchange.response?.body.length ?? Infinity).to.be.at.most(CAP);
    // Expanded, the 50 MB of zeros would still be held (no collection is forced here).
    expect(grown, `${grown} bytes of buffers grew`).to.be.below(20_000_000);
  });

  it("calls a compressed body that ends too soon an encoding error", async () => {
    const exchange = await send("11");
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_ENCODING");
    expect(exchange.error?.message).to.include("does not decode as gzip");
  });

  it("cuts a compressed body at the cap on the wire and keeps what decodes of it", async () => {
    const small = createLiveTarget({ root: `${server.url}/api`, credentials: {}, timeoutMs: 5000,
      maxBodyBytes: 2000, insecure: false });
    const exchange = await small.send({ id: "12", auth: { kind: "none" } }, "CE-12#1");
    await small.close();
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_TOO_LARGE");
    expect(exchange.error?.message).to.include("(Content-Encoding: gzip) passed the cap of 2000");
    expect(exchange.response?.truncated).to.equal(true);
    expect(exchange.response?.body.length).to.be.within(1, 2000);
  });

  it("judges a gzip body, and makes a falsely labelled one an error, not a pass", async () => {
    const run = { ...seedRunOptions(target), only: ["SCHEMA-1"] };
    const gzipped = await runRequirements({ ...run, tickets: [1] });
    const mislabelled = await runRequirements({ ...run, tickets: [7] });
    expect(gzipped.map((v) => `${v.id} ${v.verdict}`)).to.deep.equal(["SCHEMA-1 pass"]);
    expect(mislabelled.map((v) => `${v.id} ${v.verdict}`)).to.deep.equal(["SCHEMA-1 error"]);
    expect(mislabelled[0]?.reason).to.include("does not decode as gzip");
  });
});
