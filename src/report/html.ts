import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { Exchange } from "../model/exchange.js";
import type { Finding, Verdict } from "../model/finding.js";
import type { RunRecord } from "../model/record.js";
import { formatClause } from "./clause.js";
import { runFacts, signatureFacts, SIGN_OFF_FIELDS, type Fact } from "./facts.js";
import { REPORT_CSS } from "./html-style.js";
import { bannerOf, explainOutcome, tallyByArea, VERDICT_KINDS } from "./outcome.js";
import {
  describeFinding,
  describeRequest,
  describeResponse,
  DETAILED_VERDICTS,
  evidenceFor,
  noteOf,
  passingWithNotes,
  verifyAdvice,
} from "./plain-text.js";

const REQUIREMENT_COLUMNS = ["id", "level", "verdict", "requirement", "clause", "note"];


/** Renders the record as one self-contained HTML page: no scripts, no external resources. */
export function renderHtml(record: RunRecord): string {
  const title = `Conformance report: ${record.spec.uid}`;
  const tree: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      h("html", { lang: "en" }, [
        h("head", [
          h("meta", { charset: "utf-8" }),
          h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          h("title", title),
          h("style", REPORT_CSS),
        ]),
        h("body", [
          h("h1", title),
          h("p", `GET /api/v1/Ticket/{id} judged against ${record.target.root}`),
          h("div#banner", { className: ["banner", `exit-${record.exitCode}`] }, bannerOf(record)),
          h("p", { id: "explanation" }, explainOutcome(record)),
          totalsSection(record),
          areaSection(record),
          requirementsSection(record),
          ...notesSection(record),
          detailsSection(record),
          factsSection("Run and environment", "run", runFacts(record)),
          signatureSection(record),
        ]),
      ]),
    ],
  };
  return toHtml(tree);
}

function totalsSection(record: RunRecord): Element {
  const kinds = [...VERDICT_KINDS, "total"] as const;
  return h("section", { id: "totals" }, [
    h("h2", "Totals"),
    h("table", [
      h("thead", h("tr", kinds.map((kind) => h("th.num", kind)))),
      h("tbody", h("tr", kinds.map((kind) => h("td.num", { dataKind: kind }, count(record, kind)))),
      ),
    ]),
  ]);
}

function count(record: RunRecord, kind: keyof RunRecord["totals"]): string {
  return String(record.totals[kind]);
}

function areaSection(record: RunRecord): Element {
  const columns = [...VERDICT_KINDS, "total"] as const;
  return h("section", { id: "areas" }, [
    h("h2", "By area"),
    h("table", [
      h("thead", h("tr", [h("th", "area"), ...columns.map((kind) => h("th.num", kind))])),
      h(
        "tbody",
        tallyByArea(record.requirements).map((tally) =>
          h("tr", { dataArea: tally.area }, [
            h("td", tally.area),
            ...columns.map((kind) => h("td.num", String(tally[kind]))),
          ]),
        ),
      ),
    ]),
  ]);
}

function requirementsSection(record: RunRecord): Element {
  return h("section", { id: "requirements" }, [
    h("h2", "Requirements"),
    h("table", [
      h("thead", h("tr", REQUIREMENT_COLUMNS.map((name) => h("th", name)))),
      h("tbody", record.requirements.map((verdict) => requirementRow(verdict, record.spec.file))),
    ]),
  ]);
}

function requirementRow(verdict: Verdict, specFile: string): Element {
  const note = noteOf(verdict);
  const detailed = DETAILED_VERDICTS.has(verdict.verdict);
  const noted = verdict.verdict === "pass" && verdict.findings.length > 0;
  const anchor = detailed ? `#detail-${verdict.id}` : noted ? `#notes-${verdict.id}` : undefined;
  const link = anchor ? h("a", { href: anchor }, note || "details") : note;
  const attributes = {
    id: `req-${verdict.id}`,
    dataRequirement: verdict.id,
    dataVerdict: verdict.verdict,
  };
  return h("tr", attributes, [
    h("td", h("code", verdict.id)),
    h("td", verdict.level),
    h("td", h("span", { className: ["verdict", `verdict-${verdict.verdict}`] }, verdict.verdict)),
    h("td", verdict.statement),
    h("td", formatClause(verdict.clause, specFile)),
    h("td", link),
  ]);
}

/** The findings of passing requirements, which have no detail section of their own. */
function notesSection(record: RunRecord): Element[] {
  const noted = passingWithNotes(record.requirements);
  if (noted.length === 0) return [];
  const items = noted.map((verdict) =>
    h("li", { id: `notes-${verdict.id}` }, [
      h("code", verdict.id),
      h("ul.findings", verdict.findings.map(findingItem)),
    ]),
  );
  const heading = h("h2", "Notes on passing requirements");
  return [h("section", { id: "notes" }, [heading, h("ul", items)])];
}

function detailsSection(record: RunRecord): Element {
  const detailed = record.requirements.filter((verdict) => DETAILED_VERDICTS.has(verdict.verdict));
  const body: ElementContent[] =
    detailed.length > 0 ? detailed.map(detailBlock) : [h("p", "No failures, warnings or errors.")];
  return h("section", { id: "details" }, [h("h2", "Failures, warnings and errors"), ...body]);
}

function findingItem(finding: Finding): Element {
  return h("li.finding", describeFinding(finding));
}

function detailBlock(verdict: Verdict): Element {
  const findings = verdict.findings;
  const box = {
    id: `detail-${verdict.id}`,
    className: ["detail", `verdict-${verdict.verdict}-box`],
  };
  return h("div", box, [
    h("h3", [
      h("code", verdict.id),
      " ",
      h("span", { className: ["verdict", `verdict-${verdict.verdict}`] }, verdict.verdict),
      ` (${verdict.level})`,
    ]),
    h("p", verdict.statement),
    ...(verdict.reason ? [h("p", [h("strong", "Reason: "), verdict.reason])] : []),
    findings.length > 0
      ? h("ul.findings", findings.map(findingItem))
      : h("p", "No findings recorded."),
    ...evidenceFor(findings, verdict.evidence).map(evidenceBlock),
  ]);
}

function evidenceBlock(exchange: Exchange): Element {
  return h("div.evidence", { dataExchange: exchange.id }, [
    h("p", [h("strong", "Exchange "), h("code", exchange.id), ` (${exchange.durationMs} ms)`]),
    h("pre.request", describeRequest(exchange)),
    h("pre.response", describeResponse(exchange)),
  ]);
}

function factsSection(heading: string, id: string, facts: Fact[]): Element {
  return h("section", { id }, [
    h("h2", heading),
    h("table", h("tbody", facts.map(factRow))),
  ]);
}

function factRow(fact: Fact): Element {
  const value = fact.code ? h("span.code", fact.value) : fact.value;
  return h("tr", [h("th", fact.label), h("td", value)]);
}

function signOffRow(field: string): Element {
  return h("tr", [h("th", field), h("td", "")]);
}

function signatureFactRow(fact: Fact): Element {
  return h("tr", [h("th", fact.label), h("td", h("pre", fact.value))]);
}

function signatureSection(record: RunRecord): Element {
  const facts = signatureFacts(record);
  const advice = verifyAdvice(record);
  return h("section", { id: "signature" }, [
    h("h2", "Signature"),
    facts.length > 0
      ? h("table", h("tbody", facts.map(signatureFactRow)))
      : h("p", "This record carries no digital signature."),
    h("p", { id: "verify" }, [advice.before, h("code", advice.command), advice.after]),
    h("p", "Signed by hand:"),
    h("table.sign-off", h("tbody", SIGN_OFF_FIELDS.map(signOffRow))),
  ]);
}
