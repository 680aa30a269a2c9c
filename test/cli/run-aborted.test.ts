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

  it("an --out that cannot be written: exit 2 with one line, no stack", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const io = captureIo(dir);
    const args = ["run", "--replay", "no-such-recordings", "--out", join(file, "reports")];
    expect(await main(["node", "so-conformance", ...args], io)).to.equal(2);
    expect(io.stderr()).to.match(/the reports cannot be written into .*a-file.reports: ENOTDIR/);
    expect(io.stderr()).not.to.match(/\n\s+at /);
  });
});
