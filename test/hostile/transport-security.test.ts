import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { rmSync } from "node:fs";
import { expect } from "chai";
import { parseRoot } from "../../src/target/live.js";
import { TEST_CREDENTIALS } from "../cli/report-files.js";
import { explanationOf, makeScratch, runCli, verdictOf } from "./run-cli.js";
import {
  answer, JSON_TYPE, selfSignedCertificate, startTlsServer, type HostileServer,
} from "./servers.js";

/** A documentation address (TEST-NET-1): the suite must refuse it before connecting. */
const FAR_ROOT = "http://192.0.2.1/api";

describe("hostile: credentials stay encrypted and certificates are checked", function () {
  this.timeout(20_000);
  let dir: string;
  before(() => (dir = makeScratch("security")));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("plain http to another host with credentials: exit 2 before any connection", async () => {
    const connections: unknown[] = [];
    const note = (message: unknown) => connections.push(message);
    subscribe("net.client.socket", note);
    subscribe("http.client.request.start", note);
    try {
      const run = await runCli(dir, "insecure", ["--target", FAR_ROOT, "--ticket", "1"]);
      expect(run.code).to.equal(2);
      expect(run.record.status.state).to.equal("aborted");
      expect(run.stderr).to.match(new RegExp(
        "^so-conformance: the run was aborted: --target `http://192\\.0\\.2\\.1` is plain http " +
        ".*pass --insecure to allow it \\[ERR_CT_TARGET_INSECURE\\]$", "m"));
      const verdicts = new Set(run.record.requirements.map((verdict) => verdict.verdict));
      expect(verdicts).to.deep.equal(new Set(["error"]));
    } finally {
      unsubscribe("net.client.socket", note);
      unsubscribe("http.client.request.start", note);
    }
    expect(connections, "no socket was opened").to.deep.equal([]);
  });

  it("--insecure allows it; loopback and https need no flag", () => {
    const credentials = { authorization: TEST_CREDENTIALS.SO_AUTHORIZATION };
    expect(parseRoot(FAR_ROOT, credentials, true).host).to.equal("192.0.2.1");
    expect(() => parseRoot(FAR_ROOT, credentials, false)).to.throw(/pass --insecure/);
    expect(parseRoot("http://127.0.0.1:9/api", credentials, false).port).to.equal("9");
    expect(parseRoot("https://192.0.2.1/api", credentials, false).protocol).to.equal("https:");
    expect(parseRoot(FAR_ROOT, {}, false).host, "no credentials, nothing to protect")
      .to.equal("192.0.2.1");
  });

  describe("a self-signed certificate", () => {
    let server: HostileServer | undefined;
    before(async function () {
      const tls = selfSignedCertificate();
      if ("missing" in tls) {
        this.test!.parent!.title += ` (skipped: ${tls.missing})`;
        return this.skip();
      }
      server = await startTlsServer(tls, answer(200, { "content-type": JSON_TYPE }, "{}"));
    });
    after(async () => server?.close());

    it("is refused by default: verdict error naming the certificate, never a pass", async () => {
      const args = ["--target", server!.root, "--ticket", "1", "--only", "STATUS-1"];
      const run = await runCli(dir, "self-signed", args);
      expect(run.code).to.equal(2);
      const verdict = verdictOf(run.record, "STATUS-1");
      expect(verdict.verdict).to.equal("error");
      expect(explanationOf(verdict)).to.match(/self[- ]signed certificate/i);
      expect(server!.seen, "no request got through the handshake").to.deep.equal([]);
    });
  });
});
