import type { Exchange } from "../../src/model/exchange.js";
import type { Verdict } from "../../src/model/finding.js";
import type { RunRecord } from "../../src/model/record.js";
import { buildRecord, type RecordInput } from "../../src/report/build-record.js";
import { sealRecord } from "../../src/report/seal.js";

/** Text that must survive every format: markup characters and non-ASCII. */
export const AWKWARD = `<b>&"'</b> Blåbærsyltetøy – 東京`;

/** A body longer than a report's excerpt, with the awkward text at its start. */
const LONG_BODY = `{"Title":${JSON.stringify(AWKWARD)},"pad":"${"x".repeat(5000)}"}`;

/** A credential the fixture's evidence carries, which no report may show. */
export const FIXTURE_SECRET = "Bearer s3cret-token-for-tests";

function exchange(id: string, status: number, body: string): Exchange {
  return {
    id,
    request: {
      method: "GET",
      url: "http://127.0.0.1:9/api/v1/Ticket/7?$select=Title",
      headers: { accept: "application/json", authorization: FIXTURE_SECRET },
    },
    response: {
      status,
      headers: { "content-type": "application/json; charset=utf-8" },
      body,
      bytes: Buffer.byteLength(body),
    },
    startedAt: "2025-01-01T10:00:00.000Z",
    durationMs: 12,
  };
}

function verdict(id: string, kind: Verdict["verdict"], extra: Partial<Verdict> = {}): Verdict {
  return {
    id,
    area: id.split("-")[0] as Verdict["area"],
    level: id.endsWith("-1") ? "MUST" : "SHOULD",
    clause: { source: "page", section: "Response" },
    statement: `statement of ${id}`,
    verdict: kind,
    findings: [],
    evidence: [exchange(`${id}#1`, 200, '{"TicketId":7}')],
    durationMs: 30,
    ...extra,
  };
}

/** One verdict of every kind, with findings and evidence that stress each format. */
export function fixtureVerdicts(): Verdict[] {
  return [
    verdict("STATUS-1", "pass"),
    verdict("SELECT-2", "fail", {
      level: "MUST",
      findings: [
        {
          requirement: "SELECT-2",
          severity: "fail",
          message: `Title was not null: ${AWKWARD}`,
          where: "/Title",
          actual: AWKWARD,
          expected: "null",
          exchange: "SELECT-2#1",
        },
      ],
      evidence: [exchange("SELECT-2#1", 200, LONG_BODY)],
    }),
    verdict("SCHEMA-3", "warn", {
      findings: [
        {
          requirement: "SCHEMA-3",
          severity: "warn",
          message: "undocumented property `Extra`",
          where: "/Extra",
        },
      ],
    }),
    verdict("AUTH-5", "skip", { reason: "no SO_XSRF_TOKEN was given", evidence: [] }),
    verdict("TZ-2", "error", {
      reason: "the target did not answer: connection refused",
      evidence: [],
    }),
  ];
}

/** A sealed record holding every verdict kind. */
export function fixtureRecord(overrides: Partial<RecordInput> = {}): RunRecord {
  return sealRecord(
    buildRecord({
      suite: { name: "so-webapi-conformance", version: "0.1.0", sha256: "a".repeat(64) },
      spec: {
        file: "spec/v1TicketEntity_GetTicketEntity.md",
        uid: "v1TicketEntity_GetTicketEntity",
        sha256: "b".repeat(64),
      },
      schemas: [{ file: "schemas/TicketEntityWithLinks.json", sha256: "c".repeat(64) }],
      target: { kind: "live", root: "http://127.0.0.1:9/api" },
      profile: "lenient",
      options: { tickets: [7, 8], missingTicket: 2147483647 },
      environment: {
        node: "v20.20.2",
        os: "linux",
        arch: "x64",
        startedAt: "2025-01-01T10:00:00.000Z",
        finishedAt: "2025-01-01T10:00:05.000Z",
      },
      status: { state: "completed" },
      requirements: fixtureVerdicts(),
      secrets: [FIXTURE_SECRET, "s3cret-token-for-tests"],
      ...overrides,
    }),
  );
}
