import { expect } from "chai";
import { painter } from "../../src/cli/colour.js";
import { trackProgress } from "../../src/cli/progress.js";
import { formatSummary } from "../../src/cli/summary.js";
import { fixtureRecord, fixtureVerdicts } from "../report/fixture-record.js";
import { captureIo } from "./fake-io.js";

describe("cli: progress and summary", () => {
  it("prints one counted line per requirement, without colour off a terminal", () => {
    const io = captureIo("/");
    const progress = trackProgress(io, "normal", painter(false));
    progress.onProgress({ type: "start", total: 5 });
    fixtureVerdicts().forEach((verdict, index) =>
      progress.onProgress({ type: "requirement-end", verdict, index, total: 5 }),
    );
    const lines = io.stderr().trim().split("\n");
    expect(lines[0]).to.equal("[1/5] STATUS-1 pass");
    expect(lines[1]).to.equal("[2/5] SELECT-2 fail");
    expect(lines[3]).to.equal("[4/5] AUTH-5 skip (no SO_XSRF_TOKEN was given)");
    expect(io.stderr()).not.to.include("\u001b[");
    expect(progress.judged()).to.have.length(5);
  });

  it("prints each finding under --verbose and nothing under --quiet", () => {
    const verbose = captureIo("/");
    const quiet = captureIo("/");
    const [, failing] = fixtureVerdicts();
    for (const [io, output] of [[verbose, "verbose"], [quiet, "quiet"]] as const) {
      const progress = trackProgress(io, output, painter(false));
      progress.onProgress({ type: "requirement-end", verdict: failing!, index: 0, total: 1 });
    }
    expect(verbose.stderr()).to.match(/\n {4}FAIL: Title was not null/);
    expect(quiet.stderr()).to.equal("");
  });

  it("colours verdicts on a terminal", () => {
    const io = { ...captureIo("/"), isTTY: true };
    let err = "";
    io.err = (text: string) => void (err += text);
    trackProgress(io, "normal", painter(true)).onProgress({
      type: "requirement-end",
      verdict: fixtureVerdicts()[1]!,
      index: 0,
      total: 1,
    });
    expect(err).to.include("\u001b[31mfail\u001b[0m");
  });

  it("summarises by area with totals, the banner and the report paths", () => {
    const paths = ["/r/certification.json", "/r/junit.xml"];
    const summary = formatSummary(fixtureRecord(), paths, painter(false));
    expect(summary).to.include("COULD NOT JUDGE (exit 2)");
    expect(summary).to.match(/^area\s+pass\s+fail\s+warn\s+skip\s+error\s+total$/m);
    expect(summary).to.match(/^SELECT\s+0\s+1\s+0\s+0\s+0\s+1$/m);
    expect(summary).to.match(/^all\s+1\s+1\s+1\s+1\s+1\s+5$/m);
    expect(summary).to.include("  /r/junit.xml");
  });
});
