import { expect } from "chai";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Verdict } from "../../src/model/finding.js";
import { runRequirements } from "../../src/run/engine.js";
import { suiteVersion } from "../../src/markdown/repo-root.js";
import {
  DEFAULT_CREDENTIALS, SEED, startReferenceServer, type Handler, type RunningServer,
} from "../../src/server/index.js";
import { readCassettes, type Cassette } from "../../src/target/cassette.js";
import { referenceClientCredentials } from "../../src/target/credentials.js";
import { openTarget, type TargetOptions } from "../../src/target/index.js";
import { createReplayWire } from "../../src/target/recorded.js";
import { createAgents } from "../../src/target/transport.js";
import { startTestServer, type TestServer } from "../helpers/http-server.js";
import { runAgainstReference, seedRunOptions } from "../helpers/run.js";

function options(extra: Partial<TargetOptions>): TargetOptions {
  return { env: {}, timeoutMs: 5000, maxBodyBytes: 5_000_000, insecure: false,
    suiteVersion: suiteVersion(), ...extra };
}

/** The environment a user would set for the reference server's credentials. */
const REFERENCE_CLIENT = referenceClientCredentials(DEFAULT_CREDENTIALS);
const REFERENCE_ENV = {
  SO_AUTHORIZATION: REFERENCE_CLIENT.authorization,
  SO_APP_TOKEN: REFERENCE_CLIENT.appToken,
  SO_COOKIE: REFERENCE_CLIENT.session?.cookie,
  SO_XSRF_TOKEN: REFERENCE_CLIENT.session?.xsrfToken,
};

/** The reference handler with every JSON body sent gzip-compressed, and labelled so. */
const gzipJson = (inner: Handler): Handler => async (request) => {
  const response = await inner(request);
  if (!/json/i.test(response.headers["content-type"] ?? "")) return response;
  return { ...response, body: gzipSync(response.body),
    headers: { ...response.headers, "content-encoding": "gzip" } };
};

const summary = (verdicts: Verdict[]) => verdicts.map((v) => `${v.id} ${v.verdict}`);

describe("recording a server that answers gzip", function () {
  this.timeout(60_000);
  let server: RunningServer;
  let dir: string;
  let recorded: Verdict[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-gzip-cassettes-"));
    server = await startReferenceServer({ host: "127.0.0.1", port: 0, wrap: gzipJson });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("judges it as the plain reference server is judged", async () => {
    const ids = { tickets: [...SEED.existing], missingTicket: SEED.missing, fkTicket: SEED.fk };
    const opened = await openTarget(options({ root: server.root, record: dir, env: REFERENCE_ENV,
      ids }));
    try {
      recorded = await runRequirements(seedRunOptions(opened.target));
    } finally {
      await opened.target.close();
    }
    const plain = await runAgainstReference();
    expect(summary(recorded)).to.deep.equal(summary(plain.verdicts));
    expect(recorded.filter((v) => v.verdict === "error").map((v) => v.id)).to.deep.equal([]);
  });

  it("stores the decoded body and the label it came with", () => {
    const cassettes: Map<string, Cassette> = readCassettes(dir, suiteVersion());
    const answer = cassettes.get("STATUS-1")?.interactions[0]?.response;
    expect(answer?.headers["content-encoding"]).to.equal("gzip");
    expect(JSON.parse(answer?.body ?? "")).to.have.property("TicketId");
  });

  it("replays to the same verdicts, the replayed answer claiming no encoding", async () => {
    const opened = await openTarget(options({ replay: dir }));
    try {
      const replayed = await runRequirements(seedRunOptions(opened.target));
      expect(summary(replayed)).to.deep.equal(summary(recorded));
      const answer = replayed.find((v) => v.id === "STATUS-1")?.evidence[0]?.response;
      expect(answer?.headers).to.not.have.property("content-encoding");
      expect(JSON.parse(answer?.body ?? "")).to.have.property("TicketId");
    } finally {
      await opened.target.close();
    }
  });
});

describe("recording several Set-Cookie headers", () => {
  const ENV = {
    SO_AUTHORIZATION: "SOTicket 7T:c2V0LWNvb2tpZS1zZWNyZXQ=",
    SO_COOKIE: "SuperOffice.Session=cookie-session-secret; XSRF-TOKEN=cookie-xsrf-secret",
    SO_XSRF_TOKEN: "cookie-xsrf-secret",
  };
  const SET_COOKIES = [
    "SuperOffice.Session=cookie-session-secret; Path=/; HttpOnly",
    "XSRF-TOKEN=cookie-xsrf-secret; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/",
  ];
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-cookie-cassettes-"));
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8",
        "set-cookie": SET_COOKIES }).end(JSON.stringify({ TicketId: 1 }));
    });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every cookie in the cassette, each one's value redacted", async () => {
    const opened = await openTarget(options({ root: `${server.url}/api`, record: dir, env: ENV }));
    const live = await opened.target.send({ id: "1" }, "STATUS-1#1");
    await opened.target.close();
    expect(live.response?.headers["set-cookie"]).to.equal(
      "SuperOffice.Session=‹redacted›; Path=/; HttpOnly, " +
      "XSRF-TOKEN=‹redacted›; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/");
    const text = readdirSync(dir).map((file) => readFileSync(join(dir, file), "utf8")).join("");
    expect(text).to.not.include("cookie-session-secret").and.not.include("cookie-xsrf-secret");
    const cassette = readCassettes(dir, suiteVersion()).get("STATUS-1");
    expect(cassette?.interactions[0]?.response?.headers["set-cookie"]).to.deep.equal([
      "SuperOffice.Session=‹redacted›; Path=/; HttpOnly",
      "XSRF-TOKEN=‹redacted›; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/",
    ]);
  });

  it("replays them as several Set-Cookie headers", async () => {
    const cassettes = readCassettes(dir, suiteVersion());
    const agents = createAgents();
    const replay = await createReplayWire(dir, cassettes, { timeoutMs: 5000,
      maxBodyBytes: 100_000, agents });
    try {
      const result = await replay.wire(`${server.url}/api/v1/Ticket/1`, {}, { id: "1" },
        "STATUS-1#1");
      expect(result.fields?.["set-cookie"]).to.deep.equal([
        "SuperOffice.Session=(redacted); Path=/; HttpOnly",
        "XSRF-TOKEN=(redacted); Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/",
      ]);
    } finally {
      agents.http.destroy();
      await replay.close();
    }
  });
});
