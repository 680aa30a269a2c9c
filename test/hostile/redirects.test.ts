import { rmSync } from "node:fs";
import { expect } from "chai";
import { explanationOf, makeScratch, runCli, verdictOf } from "./run-cli.js";
import {
  answer, JSON_TYPE, redirectTo, startHostileServer, type HostileServer,
} from "./servers.js";

describe("hostile: redirects are reported, never followed", function () {
  this.timeout(20_000);
  let dir: string;
  let elsewhere: HostileServer;
  const servers: HostileServer[] = [];

  before(async () => {
    dir = makeScratch("redirects");
    elsewhere = await startHostileServer(answer(200, { "content-type": JSON_TYPE }, "{}"));
  });
  after(async () => {
    await Promise.all([elsewhere, ...servers].map((server) => server.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  for (const status of [301, 302, 307] as const) {
    it(`a ${status} to another host: STATUS-1 fails naming the redirect, nothing reaches it`,
      async () => {
        const location = `${elsewhere.root}/v1/Ticket/1`;
        const server = await startHostileServer(redirectTo(status, location));
        servers.push(server);
        const args = ["--target", server.root, "--ticket", "1", "--only", "STATUS-1,AUTH-4"];
        const run = await runCli(dir, `redirect-${status}`, args);
        expect(run.code).to.equal(1);
        const verdict = verdictOf(run.record, "STATUS-1");
        expect(verdict.verdict).to.equal("fail");
        expect(explanationOf(verdict)).to.include(`existing ticket 1 was answered ${status}, ` +
          `a redirect to ${location} that was not followed`);
        expect(server.seen.length, "the redirecting server was asked").to.be.greaterThan(0);
        expect(elsewhere.seen, "the other host received nothing").to.deep.equal([]);
      });
  }

  it("a 307 to another path on the same host: reported, the other path never asked", async () => {
    const server = await startHostileServer(redirectTo(307, "/elsewhere/v1/Ticket/1"));
    servers.push(server);
    const args = ["--target", server.root, "--ticket", "1", "--only", "STATUS-1"];
    const run = await runCli(dir, "redirect-path", args);
    expect(run.code).to.equal(1);
    expect(explanationOf(verdictOf(run.record, "STATUS-1")))
      .to.include("a redirect to /elsewhere/v1/Ticket/1 that was not followed");
    expect(server.seen.map((request) => request.url)).to.deep.equal(["/api/v1/Ticket/1"]);
  });
});
