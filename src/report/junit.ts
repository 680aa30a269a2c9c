import { XMLBuilder } from "fast-xml-parser";
import type { Verdict, VerdictKind } from "../model/finding.js";
import type { RunRecord } from "../model/record.js";
import { bannerOf } from "./outcome.js";
import { describeFinding, describeRequest, describeResponse, evidenceFor } from "./plain-text.js";

type XmlNode = Record<string, unknown>;

/** What each verdict adds inside its `<testcase>`; pass adds nothing. */
const CASE_BODY: Record<VerdictKind, (verdict: Verdict) => XmlNode> = {
  pass: () => ({}),
  fail: (verdict) => ({ failure: problem(verdict, "fail") }),
  error: (verdict) => ({ error: problem(verdict, "error") }),
  skip: (verdict) => ({ skipped: { "@_message": verdict.reason ?? "skipped" } }),
  warn: (verdict) => ({ "system-out": report(verdict) }),
};

/**
 * Renders the record as JUnit XML: one `<testsuite>` per area, each with the run's
 * `<properties>`, and one `<testcase>` per requirement, named `ID: statement` with the area as
 * class name; failures as `<failure>`, could-not-judge as `<error>`, skips as `<skipped>` and
 * warnings as passing cases with `<system-out>`.
 */
export function renderJunit(record: RunRecord): string {
  const properties = { property: runProperties(record) };
  const suites = [...groupByArea(record.requirements)].map(([area, verdicts]) => ({
    "@_name": area,
    ...counts(verdicts),
    properties,
    testcase: verdicts.map((verdict) => ({
      "@_classname": verdict.area,
      "@_name": `${verdict.id}: ${verdict.statement}`,
      "@_time": seconds(verdict.durationMs),
      ...CASE_BODY[verdict.verdict](verdict),
    })),
  }));
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": `${record.suite.name} ${record.spec.uid}`,
      ...counts(record.requirements),
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    suppressEmptyNode: true,
  });
  return cleanXmlText(builder.build(document) as string);
}

/**
 * What a CI page shows about the run: a run limited by `--only` conforms only in part, which
 * the test counts alone would hide. `only` is `all` when the run was not limited.
 */
function runProperties(record: RunRecord): XmlNode[] {
  const values: Array<[string, string]> = [
    ["only", record.options.only?.join(",") ?? "all"],
    ["profile", record.profile],
    ["target", withoutUserinfo(record.target.root)],
    ["exitCode", String(record.exitCode)],
    ["banner", bannerOf(record)],
  ];
  return values.map(([name, value]) => ({ "@_name": name, "@_value": value }));
}

// Note: a target root could carry `user:password@`; credentials never reach a report.
function withoutUserinfo(root: string): string {
  try {
    const url = new URL(root);
    url.username = "";
    url.password = "";
    return url.href.endsWith("/") && !root.endsWith("/") ? url.href.slice(0, -1) : url.href;
  } catch {
    return root;
  }
}

function counts(verdicts: readonly Verdict[]): XmlNode {
  const count = (kind: VerdictKind) =>
    String(verdicts.filter((verdict) => verdict.verdict === kind).length);
  return {
    "@_tests": String(verdicts.length),
    "@_failures": count("fail"),
    "@_errors": count("error"),
    "@_skipped": count("skip"),
    "@_time": seconds(verdicts.reduce((sum, verdict) => sum + verdict.durationMs, 0)),
  };
}

function groupByArea(verdicts: readonly Verdict[]): Map<string, Verdict[]> {
  const groups = new Map<string, Verdict[]>();
  for (const verdict of verdicts) {
    groups.set(verdict.area, [...(groups.get(verdict.area) ?? []), verdict]);
  }
  return groups;
}

function problem(verdict: Verdict, type: "fail" | "error"): XmlNode {
  return { "@_message": firstLine(verdict), "@_type": type, "#text": report(verdict) };
}

function firstLine(verdict: Verdict): string {
  const first =
    verdict.findings.find((finding) => finding.severity === "fail") ?? verdict.findings[0];
  return (first?.message ?? verdict.reason ?? verdict.verdict).split("\n")[0] ?? verdict.verdict;
}

function report(verdict: Verdict): string {
  const lines = [verdict.statement];
  if (verdict.reason) lines.push(`Reason: ${verdict.reason}`);
  lines.push(...verdict.findings.map(describeFinding));
  for (const exchange of evidenceFor(verdict.findings, verdict.evidence)) {
    lines.push("", `Exchange ${exchange.id}:`, describeRequest(exchange));
    lines.push("", describeResponse(exchange));
  }
  return lines.join("\n");
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

// Note: XML 1.0 cannot carry most control characters at all, even escaped; a response body
// may hold them, so they are replaced before the file is written.
function cleanXmlText(xml: string): string {
  return xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
}
