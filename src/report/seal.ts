import { createHash, createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { ConformanceError } from "../model/errors.js";
import type { RunRecord } from "../model/record.js";
import { canonicalJson } from "./canonical-json.js";
import { bannerOf, decideExitCode } from "./outcome.js";

/** The SHA-256 (hex) of a record's canonical JSON, leaving out `sha256` and `signature`. */
export function hashRecord(record: RunRecord): string {
  const { sha256: _hash, signature: _signature, ...body } = record;
  return createHash("sha256").update(canonicalJson(body), "utf8").digest("hex");
}

/**
 * Adds the record's hash and, given an Ed25519 private key in PEM, a signature over that hash.
 * The signature signs the hex digest's bytes, so a verifier needs only the hash and the key.
 */
export function sealRecord(record: RunRecord, privateKeyPem?: string): RunRecord {
  const { sha256: _hash, signature: _signature, ...body } = record;
  const sealed: RunRecord = { ...body, sha256: hashRecord(record) };
  if (privateKeyPem === undefined) return sealed;

  const privateKey = readSigningKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  const value = sign(null, Buffer.from(sealed.sha256 ?? "", "utf8"), privateKey).toString("base64");
  return { ...sealed, signature: { algorithm: "ed25519", publicKey, value } };
}

/** What verifying a record found, check by check. */
export interface SealCheck {
  /** The hash written in the record, if any. */
  recorded?: string;
  /** The hash recomputed from the record's content. */
  computed: string;
  hashMatches: boolean;
  signature: "valid" | "invalid" | "absent" | "wrong-key";
  /** The public key the signature was checked with (PEM). */
  publicKey?: string;
  /** Fields whose values contradict the verdicts they summarise. */
  inconsistencies: string[];
}

/**
 * Recomputes the hash, checks the signature (with `publicKeyPem` when given, else the key in
 * the record) and cross-checks totals and exit code against the verdicts.
 */
export function checkSeal(record: RunRecord, publicKeyPem?: string): SealCheck {
  const computed = hashRecord(record);
  const check: SealCheck = {
    computed,
    hashMatches: record.sha256 === computed,
    signature: "absent",
    inconsistencies: findInconsistencies(record),
  };
  if (record.sha256 !== undefined) check.recorded = record.sha256;
  const signature = record.signature;
  if (signature === undefined) return check;

  // Note: a key the record itself carries may be garbage after tampering; that is a bad
  // signature, not an unreadable input.
  const key = publicKeyPem !== undefined
    ? readPublicKey(publicKeyPem)
    : tryReadPublicKey(signature.publicKey);
  if (key === undefined) {
    check.signature = "invalid";
    return check;
  }
  check.publicKey = key.export({ type: "spki", format: "pem" }).toString();
  if (publicKeyPem !== undefined && !sameKey(key, signature.publicKey)) {
    check.signature = "wrong-key";
    return check;
  }
  const signed = Buffer.from(record.sha256 ?? "", "utf8");
  const ok = safeVerify(signed, key, signature.value);
  check.signature = ok ? "valid" : "invalid";
  return check;
}

/** Totals and exit code are derived from the verdicts; a mismatch names what was edited. */
function findInconsistencies(record: RunRecord): string[] {
  const problems: string[] = [];
  const counted: Record<string, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const requirement of record.requirements ?? []) {
    counted[requirement.verdict] = (counted[requirement.verdict] ?? 0) + 1;
  }
  for (const [kind, count] of Object.entries(counted)) {
    const written = (record.totals as Record<string, number> | undefined)?.[kind];
    if (written !== count) {
      const says = `totals.${kind} is ${String(written)}`;
      problems.push(`${says} but ${count} requirements have verdict ${kind}`);
    }
  }
  const total = record.requirements?.length ?? 0;
  if (record.totals?.total !== total) {
    const says = `totals.total is ${String(record.totals?.total)}`;
    problems.push(`${says} but the record lists ${total} requirements`);
  }
  const outcome = outcomeProblem(record);
  if (outcome !== undefined) problems.push(outcome);
  return problems;
}

/**
 * The exit code and banner are decided from the verdicts, the profile and the status by the
 * same function a run uses, so a record whose verdicts were edited to pass but whose exit code
 * (or status) was left is caught even when its totals and hash were fixed up to match.
 */
function outcomeProblem(record: RunRecord): string | undefined {
  const { profile, status, exitCode } = record;
  if (profile !== "lenient" && profile !== "strict") {
    return `profile is ${JSON.stringify(profile)}; only "lenient" and "strict" exist`;
  }
  const state = status?.state;
  if (state !== "completed" && state !== "interrupted" && state !== "aborted") {
    return `status.state is ${JSON.stringify(state)}; a run is completed, interrupted or aborted`;
  }
  const expected = decideExitCode(record.requirements ?? [], profile, state);
  if (exitCode === expected) return undefined;
  const said = exitCode === 0 || exitCode === 1 || exitCode === 2
    ? `${exitCode} (${bannerOf(record)})`
    : JSON.stringify(exitCode);
  const due = `${expected} (${bannerOf({ ...record, exitCode: expected })})`;
  return (
    `exitCode is ${said} but the verdicts, profile ${profile} and status ${state} ` +
    `call for ${due}`
  );
}

/** PKCS#8 `ENCRYPTED PRIVATE KEY`, or a traditional PEM whose header says it is encrypted. */
const ENCRYPTED_PEM = /-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type:\s*4,\s*ENCRYPTED/m;

/** Reads an Ed25519 private key (PEM); anything else is a ConformanceError(ERR_CT_SIGNATURE). */
export function readSigningKey(pem: string): KeyObject {
  // Note: the run has no way to ask for a passphrase, so an encrypted key is refused by name
  // rather than left to OpenSSL, whose error ("interrupted or cancelled") explains nothing.
  if (ENCRYPTED_PEM.test(pem)) {
    throw new ConformanceError(
      "ERR_CT_SIGNATURE",
      "the signing key is encrypted (protected by a passphrase); --sign-key needs an " +
        "unencrypted Ed25519 private key in PEM, e.g. `openssl pkey -in KEY -out plain.pem`",
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    const message = "the signing key is not a PEM private key";
    throw new ConformanceError("ERR_CT_SIGNATURE", message, { cause: error });
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new ConformanceError(
      "ERR_CT_SIGNATURE",
      `the signing key is ${String(key.asymmetricKeyType)}; only an Ed25519 key is allowed`,
    );
  }
  return key;
}

function readPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    const message = "the public key is not a PEM key";
    throw new ConformanceError("ERR_CT_SIGNATURE", message, { cause: error });
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new ConformanceError(
      "ERR_CT_SIGNATURE",
      `the public key is ${String(key.asymmetricKeyType)}; only an Ed25519 key is allowed`,
    );
  }
  return key;
}

function tryReadPublicKey(pem: string): KeyObject | undefined {
  try {
    return readPublicKey(pem);
  } catch {
    return undefined;
  }
}

function sameKey(key: KeyObject, otherPem: string): boolean {
  try {
    return key.equals(createPublicKey(otherPem));
  } catch {
    return false;
  }
}

function safeVerify(data: Buffer, key: KeyObject, base64: string): boolean {
  try {
    return verify(null, data, key, Buffer.from(base64, "base64"));
  } catch {
    return false;
  }
}
