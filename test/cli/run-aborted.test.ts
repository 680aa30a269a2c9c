import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { REQUIREMENTS } from "../../src/checks/requirements.js";
import { main } from "../../src/cli/main.js";
import { captureIo } from "./fake-io.js";
import { readCompleteReports, TEST_CREDENTIALS } from "./report-files.js";

describe("cli: a run that cannot even start still writes its reports", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "ct-aborted-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("replaying a missing folder: exit 2, status aborted, every requirement error", async () => {
    const io = captureIo(dir, { ...TEST_CREDENTIALS });
    const args = ["run", "--replay", "no-such-recordings", "--out", "out"];
    const code = await main(["node", "so-conformance", ...args], io);
    expect(code).to.equal(2);

    const record = readCompleteReports(join(dir, "out"));
    expect(record.status.state).to.equal("aborted");
    expect(record.status.reason).to.be.a("string").and.not.equal("");
    expect(record.exitCode).to.equal(2);
    expect(record.requirements).to.have.length(REQUIREMENTS.length);
    expect(record.requirements.every((verdict) => verdict.verdict === "error")).to.equal(true);
    expect(record.requirements[0]!.reason).to.match(/^not judged: the run was aborted/);
    expect(io.stdout()).to.include("COULD NOT JUDGE (exit 2)");
    expect(io.stdout()).to.include(join(dir, "out", "certification.html"));
  });

  // Node 20's recursive mkdir loops forever below /proc; the run must refuse, not hang.
  for (const out of ["/proc/ct-no-such/reports", "/dev/null/reports"]) {
    it(`an --out under ${out.split("/")[1]} is refused before the run, without hanging`, async () => {
      const io = captureIo(dir);
      const args = ["run", "--only", "STATUS-1", "--out", out];
      expect(await main(["node", "so-conformance", ...args], io)).to.equal(2);
      expect(io.stderr()).to.match(/^so-conformance: `--out` .* cannot hold the reports: E[A-Z]+/);
    });
  }

  it("a --record folder that cannot be made: exit 2 before any traffic, nothing lost", async () => {
    const file = join(dir, "record-file");
    writeFileSync(file, "hi");
    const io = captureIo(dir);
    const args = ["run", "--only", "STATUS-1", "--record", join(file, "sub"), "--out", "rec-out"];
    expect(await main(["node", "so-conformance", ...args], io)).to.equal(2);
    expect(io.stderr()).to.match(/`--record` .*record-file.sub cannot hold cassettes: ENOTDIR/);
    const record = readCompleteReports(join(dir, "rec-out"));
    expect(record.status.state).to.equal("aborted");
  });

  it("an --out that cannot be written: exit 2 with one line, no stack", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const io = captureIo(dir);
    const args = ["run", "--replay", "no-such-recordings", "--out", join(file, "reports")];
    expect(await main(["node", "so-conformance", ...args], io)).to.equal(2);
    expect(io.stderr()).to.match(/`--out` .*a-file.reports cannot hold the reports: ENOTDIR/);
    expect(io.stderr()).not.to.match(/\n\s+at /);
  });
});
