import type { Exchange } from "../model/exchange.js";
import type { Finding, Verdict, VerdictKind } from "../model/finding.js";
import type { RunRecord } from "../model/record.js";

/** Verdicts that get a detail section with their findings and evidence. */
export const DETAILED_VERDICTS: ReadonlySet<VerdictKind> = new Set(["fail", "warn", "error"]);

/** A finding on one line: message, then where, expected and actual when known. */
export function describeFinding(finding: Finding): string {
  const details: string[] = [];
  if (finding.where) details.push(`at ${finding.where}`);
  if (finding.expected !== undefined) details.push(`expected ${finding.expected}`);
  if (finding.actual !== undefined) details.push(`actual ${showValue(finding.actual)}`);
  if (finding.exchange) details.push(`exchange ${finding.exchange}`);
  const tail = details.length > 0 ? ` (${details.join("; ")})` : "";
  return `${finding.severity.toUpperCase()}: ${finding.message}${tail}`;
}

/** The request as sent: request line, then one header per line. */
export function describeRequest(exchange: Exchange): string {
  const headers = headerLines(exchange.request.headers);
  return [`${exchange.request.method} ${exchange.request.url}`, ...headers].join("\n");
}

/** The response as received: status, headers, a blank line and the body excerpt. */
export function describeResponse(exchange: Exchange): string {
  const response = exchange.response;
  if (response === undefined) {
    return `no response: ${exchange.error?.message ?? "unknown"} [${exchange.error?.code ?? "?"}]`;
  }
  const headers = headerLines(response.headers);
  const cut = response.truncated ? `\n… (excerpt; ${response.bytes} bytes in all)` : "";
  return [`HTTP ${response.status}`, ...headers, "", `${response.body}${cut}`].join("\n");
}

/**
 * Passing requirements that still noted something, such as the undocumented statuses STATUS-5
 * saw: their findings are listed under the requirements, since no detail section shows them.
 */
export function passingWithNotes(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((verdict) => verdict.verdict === "pass" && verdict.findings.length > 0);
}

/** The last column of a requirement row: the reason, or how many findings and where they are. */
export function noteOf(verdict: Verdict): string {
  if (verdict.reason) return verdict.reason;
  const count = verdict.findings.length;
  if (count === 0) return "";
  return verdict.verdict === "pass" ? `${count} note(s), listed below` : `${count} finding(s)`;
}

/** The exchanges a verdict's findings point at; all of its evidence when none point anywhere. */
export function evidenceFor(
  findings: readonly Finding[],
  evidence: readonly Exchange[],
): Exchange[] {
  const named = new Set(findings.map((finding) => finding.exchange).filter(Boolean));
  const pointed = evidence.filter((exchange) => named.has(exchange.id));
  return pointed.length > 0 ? pointed : [...evidence];
}

function headerLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
}

// Note: actual values can be whole objects; one line of JSON keeps the finding readable.
function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** How a report tells its reader to check it: text before the command, the command, after. */
export interface VerifyAdvice {
  before: string;
  command: string;
  after: string;
}

/**
 * The check a report suggests. A signed record is checked against the signer's key obtained
 * apart from the record: the key it carries proves only that whoever wrote it held that key.
 * An unsigned record can only be checked for consistency.
 */
export function verifyAdvice(record: RunRecord): VerifyAdvice {
  if (record.signature === undefined) {
    return {
      before: "Unsigned, this record can only be checked for consistency: ",
      command: "so-conformance verify certification.json",
      after: ".",
    };
  }
  return {
    before: "Check who signed the record with ",
    command: "so-conformance verify certification.json --public-key <the signer's public key>",
    after:
      ", the key file obtained from the signer, not the key printed above; " +
      "without --public-key the check shows only that the record is consistent.",
  };
}
