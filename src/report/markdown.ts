import type { List, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell } from "mdast";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import type { Exchange } from "../model/exchange.js";
import type { Verdict } from "../model/finding.js";
import type { RunRecord } from "../model/record.js";
import { formatClause } from "./clause.js";
import { runFacts, signatureFacts, SIGN_OFF_FIELDS, type Fact } from "./facts.js";
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

const COUNT_COLUMNS = [...VERDICT_KINDS, "total"] as const;

/** Renders the record as GitHub-flavoured Markdown (tables through remark-gfm). */
export function renderMarkdown(record: RunRecord): string {
  const tree: Root = {
    type: "root",
    children: [
      heading(1, [text(`Conformance report: ${record.spec.uid}`)]),
      paragraph([text(`GET /api/v1/Ticket/{id} judged against ${record.target.root}`)]),
      paragraph([{ type: "strong", children: [text(`Verdict: ${bannerOf(record)}`)] }]),
      paragraph([text(explainOutcome(record))]),
      heading(2, [text("Totals")]),
      table([COUNT_COLUMNS.map(String), COUNT_COLUMNS.map((kind) => String(record.totals[kind]))]),
      heading(2, [text("By area")]),
      table([
        ["area", ...COUNT_COLUMNS],
        ...tallyByArea(record.requirements).map((tally) => [
          tally.area,
          ...COUNT_COLUMNS.map((kind) => String(tally[kind])),
        ]),
      ]),
      heading(2, [text("Requirements")]),
      requirementTable(record.requirements, record.spec.file),
      ...notes(record.requirements),
      heading(2, [text("Failures, warnings and errors")]),
      ...details(record.requirements),
      heading(2, [text("Run and environment")]),
      factTable(runFacts(record)),
      ...signature(record),
    ],
  };
  const processor = unified().use(remarkGfm).use(remarkStringify, { bullet: "-", fences: true });
  return processor.stringify(tree);
}

function requirementTable(verdicts: readonly Verdict[], specFile: string): Table {
  const columns = ["id", "level", "verdict", "requirement", "clause", "note"];
  const header = columns.map((name) => cell([text(name)]));
  const rows = verdicts.map((verdict) => [
    cell([{ type: "inlineCode", value: verdict.id }]),
    cell([text(verdict.level)]),
    cell([{ type: "strong", children: [text(verdict.verdict)] }]),
    cell([text(verdict.statement)]),
    cell([text(formatClause(verdict.clause, specFile))]),
    cell([text(noteOf(verdict))]),
  ]);
  return tableOfCells([header, ...rows]);
}

/** The findings of passing requirements, which have no detail section of their own. */
function notes(verdicts: readonly Verdict[]): RootContent[] {
  const noted = passingWithNotes(verdicts);
  if (noted.length === 0) return [];
  const items = noted.flatMap((verdict) =>
    verdict.findings.map((finding) => `${verdict.id}: ${describeFinding(finding)}`),
  );
  return [heading(2, [text("Notes on passing requirements")]), bulletList(items)];
}

function details(verdicts: readonly Verdict[]): RootContent[] {
  const detailed = verdicts.filter((verdict) => DETAILED_VERDICTS.has(verdict.verdict));
  if (detailed.length === 0) return [paragraph([text("No failures, warnings or errors.")])];
  return detailed.flatMap((verdict): RootContent[] => [
    heading(3, [code(verdict.id), text(` ${verdict.verdict} (${verdict.level})`)]),
    paragraph([text(verdict.statement)]),
    ...(verdict.reason ? [paragraph([strong("Reason:"), text(` ${verdict.reason}`)])] : []),
    verdict.findings.length > 0
      ? bulletList(verdict.findings.map(describeFinding))
      : paragraph([text("No findings recorded.")]),
    ...evidenceFor(verdict.findings, verdict.evidence).flatMap(evidence),
  ]);
}

function bulletList(items: readonly string[]): List {
  return {
    type: "list",
    ordered: false,
    spread: false,
    children: items.map((item) => ({
      type: "listItem",
      spread: false,
      children: [paragraph([text(item)])],
    })),
  };
}

function evidence(exchange: Exchange): RootContent[] {
  return [
    paragraph([text("Exchange "), code(exchange.id), text(` (${exchange.durationMs} ms)`)]),
    { type: "code", lang: "http", value: describeRequest(exchange) },
    { type: "code", lang: "http", value: describeResponse(exchange) },
  ];
}

function signature(record: RunRecord): RootContent[] {
  const facts = signatureFacts(record);
  const advice = verifyAdvice(record);
  return [
    heading(2, [text("Signature")]),
    facts.length > 0
      ? factTable(facts)
      : paragraph([text("This record carries no digital signature.")]),
    paragraph([text(advice.before), code(advice.command), text(advice.after)]),
    paragraph([text("Signed by hand:")]),
    table([["", "by hand"], ...SIGN_OFF_FIELDS.map((field) => [field, ""])]),
  ];
}

function factTable(facts: readonly Fact[]): Table {
  const rows = facts.map((fact) => [
    cell([text(fact.label)]),
    cell([fact.code ? code(fact.value.replace(/\s+/g, " ")) : text(fact.value)]),
  ]);
  return tableOfCells([[cell([text("fact")]), cell([text("value")])], ...rows]);
}

function table(rows: ReadonlyArray<readonly string[]>): Table {
  return tableOfCells(rows.map((row) => row.map((value) => cell([text(value)]))));
}

function tableOfCells(rows: TableCell[][]): Table {
  return { type: "table", children: rows.map((cells) => ({ type: "tableRow", children: cells })) };
}

function cell(children: PhrasingContent[]): TableCell {
  return { type: "tableCell", children };
}

function heading(depth: 1 | 2 | 3, children: PhrasingContent[]): RootContent {
  return { type: "heading", depth, children };
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: "paragraph", children };
}

function text(value: string): PhrasingContent {
  return { type: "text", value };
}

function code(value: string): PhrasingContent {
  return { type: "inlineCode", value };
}

function strong(value: string): PhrasingContent {
  return { type: "strong", children: [text(value)] };
}
