import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { main } from "../../src/cli/main.js";
import { hashRecord, sealRecord } from "../../src/report/seal.js";
import { fixtureRecord } from "../report/fixture-record.js";
import { captureIo } from "./fake-io.js";

describe("cli: so-conformance verify", () => {
  let dir: string;
  let publicKeyFile: string;
  let otherKeyFile: string;
  let report: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "ct-verify-"));
    const keys = generateKeyPairSync("ed25519");
    const other = generateKeyPairSync("ed25519");
    publicKeyFile = join(dir, "public.pem");
    otherKeyFile = join(dir, "other.pem");
    writeFileSync(publicKeyFile, keys.publicKey.export({ type: "spki", format: "pem" }));
    writeFileSync(otherKeyFile, other.publicKey.export({ type: "spki", format: "pem" }));
    const privateKey = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    report = join(dir, "certification.json");
    // The fixture judges five requirements: as a run would record them under `--only`.
    const record = fixtureRecord();
    record.options.only = record.requirements.map((verdict) => verdict.id);
    writeFileSync(report, JSON.stringify(sealRecord(record, privateKey), null, 2));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function verify(...args: string[]) {
    const io = captureIo(dir);
    const code = await main(["node", "so-conformance", "verify", ...args], io);
    return { code, out: io.stdout(), err: io.stderr() };
  }

  // Note: tampering edits the record as raw JSON, whatever its type says.
  type RawRecord = any; // eslint-disable-line @typescript-eslint/no-explicit-any
  function tampered(change: (record: RawRecord) => void, name: string): string {
    const record = JSON.parse(readFileSync(report, "utf8"));
    change(record);
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(record));
    return path;
  }

  it("exits 0 for an untouched signed record and says what it checked", async () => {
    const result = await verify(report, "--public-key", publicKeyFile);
    expect(result.code).to.equal(0);
    expect(result.out).to.include("hash:      matches the record");
    expect(result.out).to.match(/signature: valid \(ed25519, checked with .*public\.pem\)/);
  });

  it("exits 0 with the key the record carries when none is given", async () => {
    expect((await verify(report)).code).to.equal(0);
  });

  it("exits 1 when a verdict was edited, naming the contradiction", async () => {
    const path = tampered((record) => (record.requirements[1].verdict = "pass"), "edited.json");
    const result = await verify(path);
    expect(result.code).to.equal(1);
    expect(result.err).to.include("its hash no longer matches");
    expect(result.err).to.include("totals.fail is 1 but 0 requirements have verdict fail");
  });

  it("exits 1 when an edited record was re-hashed: the signature does not fit", async () => {
    const path = tampered((record) => {
      record.target.root = "https://elsewhere.example/api";
      record.sha256 = hashRecord(record);
    }, "rehashed.json");
    const result = await verify(path, "--public-key", publicKeyFile);
    expect(result.code).to.equal(1);
    expect(result.err).to.include("the signature does not match");
  });

  it("exits 1 when the record was signed with another key than the one given", async () => {
    const result = await verify(report, "--public-key", otherKeyFile);
    expect(result.code).to.equal(1);
    expect(result.err).to.include("was not signed with");
  });

  it("says plainly that an unsigned record proves nothing about who wrote it", async () => {
    const path = tampered((record) => delete record.signature, "unsigned.json");
    const result = await verify(path);
    expect(result.code).to.equal(0);
    expect(result.out).to.include("signature: none (the record is not signed)\n");
    expect(result.out).to.match(
      /\nhash consistent; not signed: anyone could have written this record\n$/,
    );
    expect(result.out).not.to.match(/^valid/m);
  });

  it("exits 1 for a failing record turned all-pass with totals and hash fixed", async () => {
    const path = tampered((record) => {
      delete record.signature;
      for (const requirement of record.requirements) requirement.verdict = "pass";
      const total = record.requirements.length;
      record.totals = { pass: total, fail: 0, warn: 0, skip: 0, error: 0, total };
      record.status = { state: "completed" };
      record.exitCode = 1;
      record.sha256 = hashRecord(record);
    }, "all-pass.json");
    const result = await verify(path);
    expect(result.code).to.equal(1);
    expect(result.out).to.include("hash:      matches the record");
    expect(result.err).to.equal(
      "so-conformance: the content contradicts itself: exitCode is 1 (DOES NOT CONFORM) but the " +
        "verdicts, profile lenient and status completed call for 0 (CONFORMS (PARTIAL))\n",
    );
  });

  it("exits 1 for a requirement dropped or listed twice, totals and hash fixed", async () => {
    const fixUp = (record: RawRecord) => {
      delete record.signature;
      record.totals = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0, total: 0 };
      for (const requirement of record.requirements) record.totals[requirement.verdict] += 1;
      record.totals.total = record.requirements.length;
      record.sha256 = hashRecord(record);
    };
    const dropped = tampered((record) => {
      record.requirements = record.requirements.filter(
        (verdict: { verdict: string }) => verdict.verdict !== "pass");
      fixUp(record);
    }, "dropped.json");
    const doubled = tampered((record) => {
      record.requirements.push(record.requirements[1]);
      fixUp(record);
    }, "doubled.json");
    const droppedResult = await verify(dropped);
    expect(droppedResult.code).to.equal(1);
    expect(droppedResult.err)
      .to.match(/^so-conformance: the record lacks [A-Z]+-\d, which --only /m);
    const doubledResult = await verify(doubled);
    expect(doubledResult.code).to.equal(1);
    expect(doubledResult.err)
      .to.match(/^so-conformance: the record lists [A-Z]+-\d more than once$/m);
  });

  it("exits 1 when a record with an error verdict claims to conform", async () => {
    const path = tampered((record) => {
      delete record.signature;
      record.requirements[0].verdict = "error";
      record.totals = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0, total: 0 };
      for (const requirement of record.requirements) record.totals[requirement.verdict] += 1;
      record.totals.total = record.requirements.length;
      record.status = { state: "completed" };
      record.exitCode = 0;
      record.sha256 = hashRecord(record);
    }, "error-as-conforms.json");
    const result = await verify(path);
    expect(result.code).to.equal(1);
    expect(result.err).to.match(
      /exitCode is 0 \(CONFORMS \(PARTIAL\)\) but .* call for 2 \(COULD NOT JUDGE\)\n$/,
    );
  });

  it("exits 2 with one line for a file that is missing or not a record", async () => {
    const missing = await verify(join(dir, "nope.json"));
    expect(missing.code).to.equal(2);
    expect(missing.err.trim().split("\n"), missing.err).to.have.length(1);
    expect(missing.err).to.include("cannot be read: ENOENT");

    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ half");
    const broken = await verify(notJson);
    expect(broken.code).to.equal(2);
    expect(broken.err).to.include("is not JSON");
    expect(broken.err).not.to.include("    at ");
  });
});
