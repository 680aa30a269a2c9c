import type { RunRecord } from "../model/record.js";

/** A labelled fact about the run, shown the same way in every report. */
export interface Fact {
  label: string;
  value: string;
  /** Hashes and keys are shown in a monospace face. */
  code?: boolean;
}

/** The run's facts: target, profile, options, status, environment and the hashes. */
export function runFacts(record: RunRecord): Fact[] {
  const { options, environment, target } = record;
  const facts: Fact[] = [
    { label: "Target", value: `${target.kind} ${target.root}` },
    ...(target.recordings ? [{ label: "Recordings", value: target.recordings }] : []),
    { label: "Profile", value: record.profile },
    { label: "Tickets", value: options.tickets.join(", ") || "none" },
    { label: "Missing ticket", value: String(options.missingTicket) },
    ...(options.fkTicket !== undefined
      ? [{ label: "FK ticket", value: String(options.fkTicket) }]
      : []),
    ...(options.only ? [{ label: "Only", value: options.only.join(", ") }] : []),
    { label: "Run status", value: describeStatus(record.status) },
    { label: "Exit code", value: String(record.exitCode) },
    { label: "Started", value: environment.startedAt },
    { label: "Finished", value: environment.finishedAt },
    { label: "Node.js", value: environment.node },
    { label: "Platform", value: `${environment.os} ${environment.arch}` },
    { label: "Suite", value: `${record.suite.name} ${record.suite.version}` },
    { label: "Suite SHA-256", value: record.suite.sha256, code: true },
    { label: "Spec page", value: `${record.spec.file} (${record.spec.uid})` },
    { label: "Spec SHA-256", value: record.spec.sha256, code: true },
  ];
  for (const schema of record.schemas) {
    facts.push({ label: `Schema ${schema.file}`, value: schema.sha256, code: true });
  }
  facts.push({ label: "Record SHA-256", value: record.sha256 ?? "not sealed", code: true });
  return facts;
}

function describeStatus(status: RunRecord["status"]): string {
  return status.reason ? `${status.state}: ${status.reason}` : status.state;
}

/** The digital signature's facts, or none when the record is unsigned. */
export function signatureFacts(record: RunRecord): Fact[] {
  const signature = record.signature;
  if (signature === undefined) return [];
  return [
    { label: "Algorithm", value: signature.algorithm },
    { label: "Public key", value: signature.publicKey.trim(), code: true },
    { label: "Signature (base64)", value: signature.value, code: true },
  ];
}

/** The lines a person fills in by hand on a printed report. */
export const SIGN_OFF_FIELDS = ["Name", "Role and organisation", "Date", "Signature"] as const;
