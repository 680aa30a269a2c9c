import { expect } from "chai";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { isConformanceError } from "../../src/model/errors.js";
import { runRequirements, type ProgressEvent } from "../../src/run/engine.js";
import {
  DEFAULT_CREDENTIALS, startReferenceServer, type RunningServer, type ServerRequest,
} from "../../src/server/index.js";
import { referenceClientCredentials } from "../../src/target/credentials.js";
import { createLiveTarget } from "../../src/target/live.js";
import { closedPort } from "../helpers/http-server.js";
import { runAgainstReference, seedRunOptions } from "../helpers/run.js";
import { editJson, queryOf } from "../../src/power/wrap.js";

describe("the engine", () => {
  let server: RunningServer;
  before(async () => { server = await startReferenceServer({ host: "127.0.0.1", port: 0 }); });
  after(async () => { await server.close(); });

  const referenceTarget = () => createLiveTarget({ root: server.root,
    credentials: referenceClientCredentials(DEFAULT_CREDENTIALS), timeoutMs: 5000,
    maxBodyBytes: 5_000_000, insecure: false });

  it("judges only the areas and ids `only` names, in catalogue order", async () => {
    const target = referenceTarget();
    const only = ["fk-2", "TZ", "STATUS-1"];
    const verdicts = await runRequirements({ ...seedRunOptions(target), only });
    await target.close();
    expect(verdicts.map((v) => v.id))
      .to.deep.equal(["STATUS-1", "FK-2", "TZ-1", "TZ-2", "TZ-3", "TZ-4"]);
  });

  it("refuses an `only` that names no area or requirement", async () => {
    const target = referenceTarget();
    const error = await runRequirements({ ...seedRunOptions(target), only: ["SPEED"] })
      .then(() => undefined, (e: unknown) => e);
    await target.close();
    expect(isConformanceError(error) && error.code).to.equal("ERR_CT_USAGE");
    expect((error as Error).message).to.include("`SPEED`");
  });

  it("reports progress: a start, then a start and an end per requirement", async () => {
    const target = referenceTarget();
    const events: ProgressEvent[] = [];
    const onProgress = (event: ProgressEvent) => events.push(event);
    await runRequirements({ ...seedRunOptions(target), only: ["AUTH"], onProgress });
    await target.close();
    expect(events[0]).to.deep.equal({ type: "start", total: 6 });
    expect(events.filter((e) => e.type === "requirement-end")).to.have.length(6);
    expect(events.slice(1).map((e) => e.type)).to.deep.equal(
      Array.from({ length: 6 }, () => ["requirement-start", "requirement-end"]).flat());
  });

  it("goes on when a progress listener throws", async () => {
    const target = referenceTarget();
    const onProgress = () => { throw new Error("the console went away"); };
    const options = { ...seedRunOptions(target), only: ["AUTH"], onProgress };
    const verdicts = await runRequirements(options);
    await target.close();
    expect(verdicts.map((verdict) => verdict.verdict)).not.to.include("error");
  });

  it("stops when aborted and marks what it did not judge as interrupted", async () => {
    const target = referenceTarget();
    const controller = new AbortController();
    const verdicts = await runRequirements({ ...seedRunOptions(target), only: ["STATUS"],
      signal: controller.signal,
      onProgress: (e) => { if (e.type === "requirement-end") controller.abort(); } });
    await target.close();
    expect(verdicts.map((v) => v.verdict))
      .to.deep.equal(["pass", "error", "error", "error", "error", "error"]);
    expect(verdicts.slice(1).every((v) => v.reason === "interrupted")).to.equal(true);
  });

  it("turns a requirement whose exchanges could not be had into an error", async () => {
    const target = createLiveTarget({ root: `http://127.0.0.1:${await closedPort()}/api`,
      credentials: {}, timeoutMs: 1000, maxBodyBytes: 1000, insecure: false });
    const only = ["STATUS-1", "AUTH-1"];
    const verdicts = await runRequirements({ ...seedRunOptions(target), only });
    await target.close();
    expect(verdicts.map((v) => v.verdict)).to.deep.equal(["error", "error"]);
    expect(verdicts[0]?.reason).to.include("ECONNREFUSED");
    expect(verdicts[0]?.evidence[0]?.error?.code).to.equal("ERR_CT_TARGET_UNREACHABLE");
  });

  it("runs again in the same process with fresh suites and the same verdicts", async () => {
    const first = await runAgainstReference({ only: ["SELECT"] });
    const second = await runAgainstReference({ only: ["SELECT"] });
    const kinds = (run: typeof first) => run.verdicts.map((v) => v.verdict);
    expect(kinds(second)).to.deep.equal(kinds(first));
    expect(second.verdicts).to.have.length(6);
  });
});

describe("profiles", () => {
  const hasSelect = (r: ServerRequest) => queryOf(r).has("$select");
  const zeroAlertLevel = editJson((body) => { body.AlertLevel = 0; }, hasSelect);
  const undocumented = editJson((body) => { body.Bogus = true; });
  const textTicketId = editJson((body) => { body.TicketId = "7"; }, (r) => !hasSelect(r));

  it("warns on a failed SHOULD under lenient and fails it under strict", async () => {
    const lenient = await runAgainstReference({ wrap: undocumented, only: ["SCHEMA-3"] });
    const strict = await runAgainstReference(
      { wrap: undocumented, only: ["SCHEMA-3"], profile: "strict" });
    expect([lenient.byId("SCHEMA-3").verdict, strict.byId("SCHEMA-3").verdict])
      .to.deep.equal(["warn", "fail"]);
    expect(lenient.mocha.get("SCHEMA-3")).to.equal("passed");
  });

  it("fails a failed MUST under both profiles", async () => {
    const lenient = await runAgainstReference({ wrap: textTicketId, only: ["SCHEMA-1"] });
    expect(lenient.byId("SCHEMA-1").verdict).to.equal("fail");
  });

  it("accepts a value type's default for an unselected field under lenient only", async () => {
    const lenient = await runAgainstReference({ wrap: zeroAlertLevel, only: ["SELECT-3"] });
    const strict = await runAgainstReference(
      { wrap: zeroAlertLevel, only: ["SELECT-3"], profile: "strict" });
    expect(lenient.byId("SELECT-3").verdict).to.equal("pass");
    expect(strict.byId("SELECT-3").verdict).to.equal("fail");
    expect(strict.byId("SELECT-3").findings[0]).to.include({ where: "/AlertLevel", actual: 0 });
  });
});

describe("the suites under the mocha command line", () => {
  it("run standalone from the environment (`npx mocha suites/*.suite.ts`)", async () => {
    const { stdout } = await promisify(execFile)(process.execPath,
      ["node_modules/mocha/bin/mocha.js", "suites/*.suite.ts"],
      { env: { ...process.env, SO_ONLY: "STATUS-1,AUTH-5,STATUS-5", NODE_DEBUG: "" } });
    expect(stdout).to.match(/STATUS-1 \[MUST\]/).and.match(/AUTH-5 \[SHOULD\]/)
      .and.match(/STATUS-5/);
    expect(stdout).to.match(/3 passing/);
  });
});
