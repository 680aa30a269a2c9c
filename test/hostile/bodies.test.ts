import { rmSync } from "node:fs";
import { expect } from "chai";
import { explanationOf, makeScratch, runCli, verdictOf, type SeenRun } from "./run-cli.js";
import {
  answer, endlessBody, JSON_TYPE, startHostileServer, XML_TYPE,
  type HostileServer, type Misbehaviour,
} from "./servers.js";

const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, level) =>
    `<!ENTITY lol${level + 1} "${`&lol${level || ""};`.repeat(10)}">`),
  "]>",
  "<TicketEntity>&lol9;</TicketEntity>",
].join("\n");

const EXTERNAL_ENTITY = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE TicketEntity [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  "<TicketEntity><Title>&x;</Title></TicketEntity>",
].join("\n");

describe("hostile: the body is not what it claims", function () {
  this.timeout(30_000);
  let dir: string;
  const servers: HostileServer[] = [];

  /** Runs the named requirements against a server that answers every request with `behave`. */
  async function runAgainst(
    name: string, behave: Misbehaviour, only: string, extra: string[] = [],
  ) {
    const server = await startHostileServer(behave);
    servers.push(server);
    const args = ["--target", server.root, "--ticket", "1", "--only", only, ...extra];
    return { run: await runCli(dir, name, args), server };
  }

  /** Asserts a requirement failed and that its findings say `pattern`. */
  function expectFailure(run: SeenRun, id: string, pattern: RegExp): void {
    const verdict = verdictOf(run.record, id);
    expect(verdict.verdict, `${id}: ${explanationOf(verdict)}`).to.equal("fail");
    expect(explanationOf(verdict)).to.match(pattern);
  }

  before(() => (dir = makeScratch("bodies")));
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("HTML labelled JSON: SCHEMA-1 and MEDIA-1 fail, saying the body is not JSON", async () => {
    const html = answer(200, { "content-type": JSON_TYPE }, "<html><body>Login</body></html>");
    const { run } = await runAgainst("html-as-json", html, "SCHEMA-1,MEDIA-1");
    expect(run.code).to.equal(1);
    expectFailure(run, "SCHEMA-1", /the body is not JSON \(Unexpected token '<'/);
    expectFailure(run, "MEDIA-1", /the body is not JSON/);
  });

  it("JSON labelled XML: MEDIA-2 fails, saying the XML is not well formed", async () => {
    const json = answer(200, { "content-type": XML_TYPE }, '{"TicketId":1}');
    const { run } = await runAgainst("json-as-xml", json, "MEDIA-1,MEDIA-2");
    expect(run.code).to.equal(1);
    expectFailure(run, "MEDIA-2", /1:1: not well-formed XML/);
    expectFailure(run, "MEDIA-1", /answered with another media type/);
  });

  it("truncated JSON: SCHEMA-1 fails, naming where the text stops", async () => {
    const cut = answer(200, { "content-type": JSON_TYPE }, '{"TicketId":1,"Title":"Print');
    const { run } = await runAgainst("truncated", cut, "SCHEMA-1");
    expect(run.code).to.equal(1);
    expectFailure(run, "SCHEMA-1", /the body is not JSON \(Unterminated string in JSON at/);
  });

  it("a UTF-8 byte order mark: SCHEMA-1 fails, naming the mark", async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"TicketId":1}')]);
    const behave = answer(200, { "content-type": JSON_TYPE }, body);
    const { run } = await runAgainst("bom", behave, "SCHEMA-1");
    expect(run.code).to.equal(1);
    expectFailure(run, "SCHEMA-1", /starts with a byte order mark \(U\+FEFF\)/);
  });

  it("an iso-8859-1 body: MEDIA-1 fails for the charset, the run still judges", async () => {
    const latin = Buffer.from('{"TicketId":1,"Title":"bl\u00e5b\u00e6r"}', "latin1");
    const behave = answer(200, { "content-type": "application/json; charset=iso-8859-1" }, latin);
    const { run } = await runAgainst("latin1", behave, "STATUS-1,MEDIA-1");
    expect(run.code).to.equal(1);
    expect(verdictOf(run.record, "STATUS-1").verdict).to.equal("pass");
    expectFailure(run, "MEDIA-1", /answered without charset=utf-8/);
  });

  it("an endless body: --max-body stops reading, the exchange says so, memory low", async () => {
    const before = process.memoryUsage().rss;
    const { run, server } = await runAgainst("endless", endlessBody(), "STATUS-1",
      ["--max-body", "1000000"]);
    expect(run.code).to.equal(2);
    const verdict = verdictOf(run.record, "STATUS-1");
    expect(verdict.verdict).to.equal("error");
    expect(verdict.reason).to.match(/the body passed the cap of 1000000 bytes: GET /);
    const exchange = verdict.evidence[0]!;
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_TOO_LARGE");
    expect(exchange.response?.truncated).to.equal(true);
    expect(exchange.response?.bytes).to.be.greaterThan(1_000_000);
    await server.close();
    const mib = 1024 ** 2;
    expect(server.bytesWritten(), "the server stopped before gigabytes").to.be.below(256 * mib);
    expect(process.memoryUsage().rss - before, "resident memory growth").to.be.below(200 * mib);
  });

  it("JSON nested 100 000 levels deep: no stack overflow, the checks say how deep", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const { run } = await runAgainst("nested", answer(200, { "content-type": JSON_TYPE }, deep),
      "SCHEMA,SELECT,FK,LANG");
    // SCHEMA-1 fails; the relations (SELECT, FK, LANG) have no plain body to start from.
    expect(run.code).to.equal(2);
    expect(verdictOf(run.record, "SELECT-1").reason).to.match(/^ticket 1 was answered 200 .*/);
    for (const verdict of run.record.requirements) {
      expect(verdict.reason ?? "", verdict.id).not.to.include("stopped unexpectedly");
    }
    expectFailure(run, "SCHEMA-1", /nests arrays or objects more than 256 levels deep/);
  });

  it("an XML entity bomb: never expanded, MEDIA-2 fails naming the DOCTYPE", async () => {
    const bomb = answer(200, { "content-type": XML_TYPE }, BILLION_LAUGHS);
    const { run } = await runAgainst("bomb", bomb, "MEDIA-2");
    expect(run.code).to.equal(1);
    expectFailure(run, "MEDIA-2", /2:1: XML with a DOCTYPE declaration is refused/);
    expect(JSON.stringify(run.record)).not.to.include("lollollol");
  });

  it("an external entity: never resolved, MEDIA-2 fails, no file content anywhere", async () => {
    const external = answer(200, { "content-type": XML_TYPE }, EXTERNAL_ENTITY);
    const { run } = await runAgainst("external-entity", external, "MEDIA-2");
    expect(run.code).to.equal(1);
    expectFailure(run, "MEDIA-2", /XML with a DOCTYPE declaration is refused/);
    expect(JSON.stringify(run.record)).not.to.match(/root:x?:0:0:/);
  });
});
