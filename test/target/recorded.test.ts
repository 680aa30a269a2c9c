import { expect } from "chai";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isConformanceError } from "../../src/model/errors.js";
import { runRequirements } from "../../src/run/engine.js";
import { suiteVersion } from "../../src/markdown/repo-root.js";
import { DEFAULT_CREDENTIALS } from "../../src/server/index.js";
import { openTarget, type TargetOptions } from "../../src/target/index.js";
import { startTestServer, type TestServer } from "../helpers/http-server.js";
import { runAgainstReference, seedRunOptions } from "../helpers/run.js";

const COMMITTED = "suites/recordings/reference";

function options(extra: Partial<TargetOptions>): TargetOptions {
  return { env: {}, timeoutMs: 5000, maxBodyBytes: 5_000_000, insecure: false,
    suiteVersion: suiteVersion(), ...extra };
}

/** Every form a secret could take in a file: as is, base64, and base64 of `user:password`. */
function secretForms(secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => [secret, Buffer.from(secret).toString("base64")]);
}

function cassetteTexts(dir: string): Array<[string, string]> {
  return readdirSync(dir).filter((f) => f.endsWith(".json"))
    .map((f) => [f, readFileSync(join(dir, f), "utf8")]);
}

const { basic, soTicket, bearer, appToken, session } = DEFAULT_CREDENTIALS;
const REFERENCE_SECRETS = secretForms([
  basic.password, `${basic.user}:${basic.password}`, soTicket, bearer, appToken,
  session.cookieValue, session.xsrfToken,
]);

describe("the committed reference cassettes", () => {
  it("replay offline, server not started, with the verdicts of a live reference run", async () => {
    const live = await runAgainstReference();
    const opened = await openTarget(options({ replay: COMMITTED }));
    expect(opened.target.kind).to.equal("recorded");
    try {
      const replayed = await runRequirements(seedRunOptions(opened.target));
      const kinds = (vs: typeof replayed) =>
        vs.map((v) => `${v.id} ${v.verdict} ${v.reason ?? ""}`);
      expect(kinds(replayed)).to.deep.equal(kinds(live.verdicts));
    } finally {
      await opened.target.close();
    }
  });

  it("answer an unrecorded request with ERR_CT_RECORDING_MISSING, never a live call", async () => {
    const opened = await openTarget(options({ replay: COMMITTED }));
    try {
      const other = await opened.target.send({ id: "1", query: [["fk", "perhaps"]] }, "STATUS-1#1");
      const unknown = await opened.target.send({ id: "1" }, "NOPE-1#1");
      expect(other.error?.code).to.equal("ERR_CT_RECORDING_MISSING");
      expect(other.error?.message).to.include("STATUS-1").and.include("/v1/Ticket/1?fk=perhaps");
      expect(unknown.error?.message).to.include("NOPE-1");
    } finally {
      await opened.target.close();
    }
  });

  it("hold no credential of the reference server, in any encoding", () => {
    for (const [file, text] of cassetteTexts(COMMITTED)) {
      expect(REFERENCE_SECRETS.filter((secret) => text.includes(secret)), file).to.deep.equal([]);
    }
  });
});

describe("recording a live target", () => {
  const ONLY = ["STATUS-1", "AUTH-4", "AUTH-5"];
  const ENV = {
    SO_AUTHORIZATION: "SOTicket 7T:ZW52LXRpY2tldC1zZWNyZXQ=",
    SO_APP_TOKEN: "env-app-token-secret",
    SO_XSRF_TOKEN: "env-xsrf-secret",
    SO_COOKIE: "SuperOffice.Session=env-session-secret; XSRF-TOKEN=env-xsrf-secret",
  };
  let server: TestServer;
  let dir: string;
  let recordedVerdicts: string[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-cassettes-"));
    // A careless server: echoes every credential in its body and sets a cookie.
    server = await startTestServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8",
        "set-cookie": "XSRF-TOKEN=env-xsrf-secret; Path=/; HttpOnly",
        "x-echo-token": String(request.headers.authorization) })
        .end(JSON.stringify({ TicketId: 1, headers: request.headers }));
    });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes one cassette per requirement with every credential replaced", async () => {
    const opened = await openTarget(options({ root: `${server.url}/api`, record: dir, env: ENV }));
    const run = { ...seedRunOptions(opened.target), tickets: [1], only: ONLY };
    recordedVerdicts = (await runRequirements(run)).map((v) => `${v.id} ${v.verdict}`);
    await opened.target.close();
    const files = cassetteTexts(dir);
    expect(files.map(([file]) => file))
      .to.deep.equal(["AUTH-4.json", "AUTH-5.json", "STATUS-1.json"]);
    const secrets = secretForms([...Object.values(ENV), "7T:ZW52LXRpY2tldC1zZWNyZXQ=",
      "env-session-secret"]);
    for (const [file, text] of files) {
      expect(secrets.filter((secret) => text.includes(secret)), file).to.deep.equal([]);
    }
    const cassette = JSON.parse(files[0]?.[1] ?? "{}");
    expect(cassette.requirement).to.equal("AUTH-4");
    expect(cassette.suite.version).to.equal(suiteVersion());
    expect(cassette.interactions[1].request.auth).to.equal("given:lower:send");
  });

  it("replays what it recorded with the same verdicts", async () => {
    const opened = await openTarget(options({ replay: dir }));
    const run = { ...seedRunOptions(opened.target), tickets: [1], only: ONLY };
    const verdicts = await runRequirements(run);
    await opened.target.close();
    expect(verdicts.map((v) => `${v.id} ${v.verdict}`)).to.deep.equal(recordedVerdicts);
    expect(recordedVerdicts).to.deep.equal(["STATUS-1 pass", "AUTH-4 pass", "AUTH-5 warn"]);
  });
});

describe("bad recordings", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "ct-bad-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rejects = async (code: string, pattern: RegExp) => {
    const error = await openTarget(options({ replay: dir }))
      .then(() => undefined, (e: unknown) => e);
    expect(isConformanceError(error) && error.code).to.equal(code);
    expect((error as Error).message).to.match(pattern);
  };

  it("call a cassette of another suite version stale, naming both versions", async () => {
    const cassette = JSON.parse(readFileSync(join(COMMITTED, "STATUS-1.json"), "utf8"));
    cassette.suite.version = "0.0.1";
    writeFileSync(join(dir, "STATUS-1.json"), JSON.stringify(cassette));
    const current = suiteVersion().replaceAll(".", "\\.");
    await rejects("ERR_CT_RECORDING_STALE", new RegExp(`0\\.0\\.1.*${current}`));
  });

  it("call a header that is neither text nor a list of text malformed", async () => {
    const cassette = JSON.parse(readFileSync(join(COMMITTED, "STATUS-1.json"), "utf8"));
    cassette.interactions[0].response.headers["set-cookie"] = ["a=1", 2];
    writeFileSync(join(dir, "STATUS-1.json"), JSON.stringify(cassette));
    await rejects("ERR_CT_RECORDING_MALFORMED", /interaction 1 .*headers of text or lists/);
  });

  it("call corrupt JSON malformed, naming the file", async () => {
    writeFileSync(join(dir, "FK-1.json"), "{ not json");
    await rejects("ERR_CT_RECORDING_MALFORMED", /FK-1\.json/);
  });

  it("call an empty folder missing", async () => {
    await rejects("ERR_CT_RECORDING_MISSING", /no cassettes/);
  });
});
