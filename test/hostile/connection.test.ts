import { rmSync } from "node:fs";
import { expect } from "chai";
import { explanationOf, makeScratch, runCli, verdictOf } from "./run-cli.js";
import {
  closedPort, neverAnswer, resetMidBody, startHostileServer, trickleBody, type HostileServer,
} from "./servers.js";

describe("hostile: the connection misbehaves", function () {
  this.timeout(20_000);
  let dir: string;
  const servers: HostileServer[] = [];
  const start = async (...args: Parameters<typeof startHostileServer>) => {
    const server = await startHostileServer(...args);
    servers.push(server);
    return server;
  };

  before(() => (dir = makeScratch("connection")));
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("a refused connection: exit 2, verdict error naming ECONNREFUSED", async () => {
    const root = `http://127.0.0.1:${await closedPort()}/api`;
    const args = ["--target", root, "--ticket", "1", "--only", "STATUS-1"];
    const run = await runCli(dir, "refused", args);
    expect(run.code).to.equal(2);
    const verdict = verdictOf(run.record, "STATUS-1");
    expect(verdict.verdict).to.equal("error");
    expect(verdict.reason).to.match(/the connection was refused \(ECONNREFUSED\): GET http:/);
    expect(run.stderr).to.match(/^\[1\/1\] STATUS-1 error \(the connection was refused/m);
    expect(run.stdout).to.include("COULD NOT JUDGE (exit 2)");
  });

  it("a connection reset after half the body: exit 2, error naming ECONNRESET", async () => {
    const server = await start(resetMidBody(JSON.stringify({ Title: "x".repeat(8000) })));
    const args = ["--target", server.root, "--ticket", "1", "--only", "STATUS-1"];
    const run = await runCli(dir, "reset", args);
    expect(run.code).to.equal(2);
    const verdict = verdictOf(run.record, "STATUS-1");
    expect(verdict.verdict).to.equal("error");
    expect(verdict.reason).to.match(/the connection was reset \(ECONNRESET\)/);
    expect(verdict.evidence[0]?.error?.code).to.equal("ERR_CT_TARGET_UNREACHABLE");
  });

  it("a server that never answers: --timeout gives each request up, verdict error", async () => {
    const server = await start(neverAnswer());
    const args = ["--target", server.root, "--ticket", "1", "--only", "STATUS-1,STATUS-2"];
    const run = await runCli(dir, "silent", [...args, "--timeout", "300"]);
    expect(run.code).to.equal(2);
    expect(run.record.status.state).to.equal("completed");
    for (const id of ["STATUS-1", "STATUS-2"]) {
      const verdict = verdictOf(run.record, id);
      expect(verdict.verdict).to.equal("error");
      expect(verdict.reason).to.match(/^no complete answer within 300 ms: GET /);
      expect(verdict.evidence[0]?.error?.code).to.equal("ERR_CT_TARGET_TIMEOUT");
    }
    expect(server.seen.length, "each requirement asked once").to.equal(2);
  });

  it("a server that never answers: --run-timeout stops the run, status interrupted", async () => {
    const server = await start(neverAnswer());
    const args = ["--target", server.root, "--ticket", "1", "--only", "STATUS"];
    // The per-request timeout is far longer than the run's: the request in flight is cancelled.
    const limits = ["--timeout", "60000", "--run-timeout", "200"];
    const run = await runCli(dir, "run-timeout", [...args, ...limits]);
    expect(run.code).to.equal(2);
    expect(run.record.status).to.deep.equal({
      state: "interrupted", reason: "the whole-run timeout of 200 ms passed",
    });
    expect(run.stderr).to.match(
      /^so-conformance: the run was interrupted: the whole-run timeout of 200 ms passed$/m);
    const verdicts = run.record.requirements.map((verdict) => verdict.verdict);
    expect(verdicts).to.have.length(6);
    expect(new Set(verdicts)).to.deep.equal(new Set(["error"]));
    expect(server.seen.length, "no request after the timeout").to.be.at.most(1);
    const first = run.record.requirements[0]!;
    expect(first.evidence.map((exchange) => exchange.error?.code)).to.deep.equal(
      ["ERR_CT_INTERRUPTED"]);
  });

  it("a body that trickles a byte every 200 ms: the timeout covers the body too", async () => {
    const server = await start(trickleBody(200));
    const args = ["--target", server.root, "--ticket", "1", "--only", "STATUS-1"];
    const run = await runCli(dir, "trickle", [...args, "--timeout", "700"]);
    expect(run.code).to.equal(2);
    const verdict = verdictOf(run.record, "STATUS-1");
    expect(verdict.verdict).to.equal("error");
    expect(explanationOf(verdict)).to.match(/no complete answer within 700 ms/);
    expect(server.bytesWritten(), "the headers and some body had arrived").to.be.greaterThan(0);
  });
});
