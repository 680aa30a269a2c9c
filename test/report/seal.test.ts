import { generateKeyPairSync } from "node:crypto";
import { expect } from "chai";
import { canonicalJson } from "../../src/report/canonical-json.js";
import { checkSeal, hashRecord, sealRecord } from "../../src/report/seal.js";
import { fixtureRecord } from "./fixture-record.js";

function keyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

describe("report: hashing and signing the record", () => {
  it("serialises canonically: key order does not change the bytes", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).to.equal(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).to.equal('{"a":2,"b":1}');
  });

  it("hashes without the sha256 and signature fields", () => {
    const record = fixtureRecord();
    expect(record.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(hashRecord(record)).to.equal(record.sha256);
    expect(hashRecord({ ...record, sha256: "0".repeat(64) })).to.equal(record.sha256);
  });

  it("signs and verifies a record round trip", () => {
    const keys = keyPair();
    const signed = sealRecord(fixtureRecord(), keys.privateKey);
    expect(signed.signature?.algorithm).to.equal("ed25519");
    const check = checkSeal(JSON.parse(JSON.stringify(signed)), keys.publicKey);
    expect(check).to.include({ hashMatches: true, signature: "valid" });
    expect(check.inconsistencies).to.deep.equal([]);
  });

  it("detects a changed verdict: the hash no longer matches and the totals disagree", () => {
    const keys = keyPair();
    const signed = sealRecord(fixtureRecord(), keys.privateKey);
    const tampered = structuredClone(signed);
    tampered.requirements[1]!.verdict = "pass";
    const check = checkSeal(tampered);
    expect(check.hashMatches).to.equal(false);
    expect(check.inconsistencies.join("\n")).to.include("totals.fail is 1 but 0");
  });

  it("detects a re-hashed record whose signature no longer fits", () => {
    const keys = keyPair();
    const signed = sealRecord(fixtureRecord(), keys.privateKey);
    const tampered = structuredClone(signed);
    tampered.target.root = "https://elsewhere.example/api";
    tampered.sha256 = hashRecord(tampered);
    const check = checkSeal(tampered);
    expect(check.hashMatches).to.equal(true);
    expect(check.signature).to.equal("invalid");
  });

  it("reports a signature made with another key than the one given", () => {
    const signed = sealRecord(fixtureRecord(), keyPair().privateKey);
    expect(checkSeal(signed, keyPair().publicKey).signature).to.equal("wrong-key");
  });

  it("decides the exit code from the verdicts as a run does: a strict warning fails", () => {
    const record = structuredClone(fixtureRecord());
    for (const requirement of record.requirements) requirement.verdict = "pass";
    record.requirements[0]!.verdict = "warn";
    const total = record.requirements.length;
    record.totals = { pass: total - 1, fail: 0, warn: 1, skip: 0, error: 0, total };
    record.status = { state: "completed" };
    record.profile = "strict";
    record.exitCode = 0;
    expect(checkSeal(sealRecord(record)).inconsistencies).to.deep.equal([
      "exitCode is 0 (CONFORMS) but the verdicts, profile strict and status completed " +
        "call for 1 (DOES NOT CONFORM)",
    ]);
    record.exitCode = 1;
    expect(checkSeal(sealRecord(record)).inconsistencies).to.deep.equal([]);
  });

  it("refuses an encrypted key by saying so, and asks for an unencrypted one", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" })
      .toString();
    expect(() => sealRecord(fixtureRecord(), pem))
      .to.throw(/the signing key is encrypted .*needs an unencrypted Ed25519 private key/)
      .with.property("code", "ERR_CT_SIGNATURE");
  });

  it("refuses a key that is not Ed25519", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => sealRecord(fixtureRecord(), pem)).to.throw(/only an Ed25519 key/);
  });
});
