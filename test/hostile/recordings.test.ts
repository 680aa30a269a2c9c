import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { SEED } from "../../src/server/index.js";
import { startCountingReference, seedFlags } from "./reference.js";
import { makeScratch, runCli, verdictOf } from "./run-cli.js";

type Cassette = Record<string, unknown> & { interactions: unknown[] };

describe("hostile: recordings that are corrupt, stale or incomplete", function () {
  this.timeout(30_000);
  let dir: string;
  let recorded: string;
  let reference: Awaited<ReturnType<typeof startCountingReference>>;
  let requestsAfterRecording: number;
  let copies = 0;
  /** The ticket ids the recording was made with; a cassette keeps them, so replay needs none. */
  let ticketFlags: string[];

  /** A fresh copy of the good recordings, changed by `spoil`. */
  function spoiled(spoil: (folder: string) => void): string {
    const folder = join(dir, `recordings-${(copies += 1)}`);
    cpSync(recorded, folder, { recursive: true });
    spoil(folder);
    return folder;
  }
  const cassettePath = (folder: string, id: string) => join(folder, `${id}.json`);
  const readCassette = (folder: string, id: string) =>
    JSON.parse(readFileSync(cassettePath(folder, id), "utf8")) as Cassette;
  const writeCassette = (folder: string, id: string, cassette: unknown) =>
    writeFileSync(cassettePath(folder, id), JSON.stringify(cassette));

  before(async () => {
    dir = makeScratch("recordings");
    reference = await startCountingReference();
    recorded = join(dir, "recorded");
    ticketFlags = seedFlags(reference.server.root).slice(2);
    const args = [...seedFlags(reference.server.root), "--only", "STATUS-1,STATUS-2"];
    const run = await runCli(dir, "record", [...args, "--record", recorded]);
    expect(run.code, run.stdout).to.equal(0);
    requestsAfterRecording = reference.requests();
    expect(requestsAfterRecording).to.be.greaterThan(0);
  });
  afterEach(() => {
    expect(reference.requests(), "replay made no live call").to.equal(requestsAfterRecording);
  });
  after(async () => {
    await reference.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("good recordings replay to the same verdicts", async () => {
    const args = ["--replay", recorded, ...ticketFlags, "--only", "STATUS-1,STATUS-2"];
    const run = await runCli(dir, "replay-good", args);
    expect(run.code).to.equal(0);
    expect(verdictOf(run.record, "STATUS-1").verdict).to.equal("pass");
  });

  it("a live recording replays without ticket flags: the cassettes keep the ids", async () => {
    const run = await runCli(dir, "replay-no-flags", ["--replay", recorded, "--only", "STATUS-1"]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.record.options.tickets).to.deep.equal(SEED.existing);
    expect(run.record.options.fkTicket).to.equal(SEED.fk);
    expect(verdictOf(run.record, "STATUS-1").verdict).to.equal("pass");
  });

  const abortedRuns: Array<[string, (folder: string) => void, RegExp]> = [
    ["a cassette that is not JSON",
      (folder) => writeFileSync(cassettePath(folder, "STATUS-1"), "{ nope"),
      /STATUS-1\.json` is not valid JSON \(.*\); re-record it \[ERR_CT_RECORDING_MALFORMED\]$/m],
    ["a cassette of the wrong shape",
      (folder) => writeCassette(folder, "STATUS-1", { tickets: [1] }),
      /STATUS-1\.json` is not a cassette: it needs requirement, target, suite\.version/],
    ["a stale cassette (another suite version)", (folder) => {
      const cassette = readCassette(folder, "STATUS-2");
      const suite = { name: "x", version: "0.0.0-old" };
      writeCassette(folder, "STATUS-2", { ...cassette, suite });
    }, /STATUS-2\.json` was recorded by suite version 0\.0\.0-old .* \[ERR_CT_RECORDING_STALE\]$/m],
    ["a folder without cassettes", (folder) => {
      for (const id of ["STATUS-1", "STATUS-2"]) rmSync(cassettePath(folder, id));
    }, /holds no cassettes .*\[ERR_CT_RECORDING_MISSING\]$/m],
  ];
  for (const [what, spoil, message] of abortedRuns) {
    it(`${what}: exit 2, one line naming the file, every verdict error`, async () => {
      const run = await runCli(dir, what.replaceAll(" ", "-"), ["--replay", spoiled(spoil)]);
      expect(run.code).to.equal(2);
      expect(run.record.status.state).to.equal("aborted");
      const lines = run.stderr.trim().split("\n");
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(/^so-conformance: the run was aborted: /);
      expect(lines[0]).to.match(message);
      const verdicts = new Set(run.record.requirements.map((verdict) => verdict.verdict));
      expect(verdicts).to.deep.equal(new Set(["error"]));
    });
  }

  it("an interaction of the wrong shape: exit 2 naming the file and the interaction", async () => {
    const folder = spoiled((into) => {
      const cassette = readCassette(into, "STATUS-1");
      writeCassette(into, "STATUS-1", { ...cassette, interactions: [{ response: "200 OK" }] });
    });
    const run = await runCli(dir, "bad-interaction", ["--replay", folder, ...ticketFlags]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/STATUS-1\.json` interaction 1 .*\[ERR_CT_RECORDING_MALFORMED\]$/m);
  });

  it("a requirement's cassette missing: that requirement is error, naming the file", async () => {
    const folder = spoiled((into) => rmSync(cassettePath(into, "STATUS-2")));
    const run = await runCli(dir, "missing-cassette", ["--replay", folder, ...ticketFlags,
      "--only", "STATUS-1,STATUS-2"]);
    expect(run.code).to.equal(2);
    expect(verdictOf(run.record, "STATUS-1").verdict).to.equal("pass");
    const verdict = verdictOf(run.record, "STATUS-2");
    expect(verdict.verdict).to.equal("error");
    expect(verdict.reason).to.match(/^no recording for STATUS-2: GET .*there is no STATUS-2\.json/);
  });

  it("a request that was not recorded: error naming what was recorded instead", async () => {
    const args = ["--replay", recorded, "--only", "STATUS-1", "--ticket", "424242"];
    const run = await runCli(dir, "unrecorded-request", args);
    expect(run.code).to.equal(2);
    const verdict = verdictOf(run.record, "STATUS-1");
    expect(verdict.verdict).to.equal("error");
    expect(verdict.reason).to.match(
      /^no recording for STATUS-1: GET \S+\/424242 .*\(request 1 was recorded as GET \S+\/\d+/);
    expect(verdict.reason).to.include(recorded);
  });
});
