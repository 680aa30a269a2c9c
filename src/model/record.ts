import type { Profile, Verdict, VerdictKind } from "./finding.js";

/** The certification record: the one source every report is rendered from. */
export interface RunRecord {
  format: "so-conformance/certification@1";
  suite: { name: string; version: string; sha256: string };
  spec: { file: string; uid: string; sha256: string };
  schemas: Array<{ file: string; sha256: string }>;
  target: { kind: "live" | "recorded" | "reference"; root: string; recordings?: string };
  profile: Profile;
  options: { tickets: number[]; missingTicket: number; fkTicket?: number; only?: string[] };
  environment: {
    node: string;
    os: string;
    arch: string;
    host?: string;
    startedAt: string;
    finishedAt: string;
  };
  /** How the run ended: `completed`, or `interrupted` / `aborted` with the reason. */
  status: { state: "completed" | "interrupted" | "aborted"; reason?: string };
  requirements: Verdict[];
  totals: Record<VerdictKind, number> & { total: number };
  /** 0, 1 or 2 as the CLI exits. */
  exitCode: 0 | 1 | 2;
  /** SHA-256 over the canonical JSON of every field above. */
  sha256?: string;
  signature?: { algorithm: "ed25519"; publicKey: string; value: string };
}
