import { expect } from "chai";
import { buildRecord, completeVerdicts } from "../../src/report/build-record.js";
import { bannerOf, decideExitCode, explainOutcome } from "../../src/report/outcome.js";
import { EXCERPT_BYTES, REDACTED } from "../../src/report/redact.js";
import { collectSecrets } from "../../src/target/credentials.js";
import { fixtureRecord, fixtureVerdicts, FIXTURE_SECRET } from "./fixture-record.js";

describe("report: building the record", () => {
  it("counts every verdict kind and decides exit 2 when a requirement could not be judged", () => {
    const record = fixtureRecord();
    expect(record.totals).to.deep.equal({ pass: 1, fail: 1, warn: 1, skip: 1, error: 1, total: 5 });
    expect(record.exitCode).to.equal(2);
    expect(record.format).to.equal("so-conformance/certification@1");
  });

  it("decides exit codes from verdicts, profile and run state", () => {
    const [pass, fail, warn, skip, error] = fixtureVerdicts();
    const ok = [pass!, skip!];
    expect(decideExitCode(ok, "lenient", "completed")).to.equal(0);
    expect(decideExitCode([...ok, warn!], "lenient", "completed")).to.equal(0);
    expect(decideExitCode([...ok, warn!], "strict", "completed")).to.equal(1);
    expect(decideExitCode([...ok, fail!], "lenient", "completed")).to.equal(1);
    expect(decideExitCode([...ok, fail!, error!], "lenient", "completed")).to.equal(2);
    expect(decideExitCode(ok, "lenient", "interrupted")).to.equal(2);
    expect(decideExitCode([skip!], "lenient", "completed"), "nothing judged").to.equal(2);
    expect(decideExitCode([], "lenient", "completed"), "nothing run").to.equal(2);
  });

  it("calls a conforming run limited by --only partial, in the banner and the explanation", () => {
    const [pass] = fixtureVerdicts();
    const whole = { ...fixtureRecord(), requirements: [pass!], exitCode: 0 as const,
      totals: { pass: 1, fail: 0, warn: 0, skip: 0, error: 0, total: 1 } };
    const partial = { ...whole, options: { ...whole.options, only: ["STATUS", "FK-2"] } };
    expect(bannerOf(whole)).to.equal("CONFORMS");
    expect(bannerOf(partial)).to.equal("CONFORMS (PARTIAL)");
    expect(explainOutcome(partial)).to.include(
      "Only 1 requirement(s) were run (--only STATUS,FK-2); the others were not judged.");
    expect(bannerOf({ ...partial, exitCode: 1 })).to.equal("DOES NOT CONFORM");
  });

  it("explains a run in which every requirement was skipped", () => {
    const [, , , skip] = fixtureVerdicts();
    const record = { ...fixtureRecord(), requirements: [skip!], exitCode: 2 as const,
      totals: { pass: 0, fail: 0, warn: 0, skip: 1, error: 0, total: 1 },
      status: { state: "completed" as const } };
    expect(bannerOf(record)).to.equal("COULD NOT JUDGE");
    expect(explainOutcome(record)).to.include("Nothing was judged: every requirement run was skipped.");
  });

  it("cuts evidence bodies to an excerpt and marks them truncated", () => {
    const failing = fixtureRecord().requirements.find((verdict) => verdict.id === "SELECT-2")!;
    const response = failing.evidence[0]!.response!;
    expect(Buffer.byteLength(response.body)).to.be.at.most(EXCERPT_BYTES);
    expect(response.truncated).to.equal(true);
    expect(response.bytes).to.be.greaterThan(5000);
  });

  it("scrubs every secret from the record, wherever it appears", () => {
    const text = JSON.stringify(fixtureRecord());
    expect(text).not.to.include("s3cret-token-for-tests");
    expect(text).to.include(REDACTED);
  });

  it("collects whole values, tokens and cookie values from the credential variables", () => {
    const secrets = collectSecrets({
      SO_AUTHORIZATION: FIXTURE_SECRET,
      SO_COOKIE: "ASP.NET_SessionId=abcdef123; XSRF-TOKEN=xyz98765",
      SO_APP_TOKEN: "app-token-1",
      PATH: "/usr/bin",
    });
    const token = "s3cret-token-for-tests";
    const expected = [FIXTURE_SECRET, token, "abcdef123", "xyz98765", "app-token-1"];
    expect(secrets).to.include.members(expected);
    expect(secrets).not.to.include("/usr/bin");
  });

  it("gives requirements the run never reached the verdict error with the reason", () => {
    const [pass] = fixtureVerdicts();
    const catalogue = [pass!, { ...pass!, id: "STATUS-2", statement: "a missing id answers 404" }];
    const completed = completeVerdicts([pass!], catalogue, "the run was interrupted");
    const shown = completed.map((verdict) => [verdict.id, verdict.verdict, verdict.reason]);
    expect(shown).to.deep.equal([
      ["STATUS-1", "pass", undefined],
      ["STATUS-2", "error", "the run was interrupted"],
    ]);
    const record = buildRecord({ ...fixtureRecord(), requirements: completed, secrets: [] });
    expect(record.exitCode).to.equal(2);
  });
});
