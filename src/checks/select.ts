import type { Finding, Outcome } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import type { Check, CheckContext } from "./context.js";
import { compareSelected, type SelectionIssue } from "./compare-selected.js";
import { excerpt, findingsFor } from "./exchange-reading.js";
import { diffValues, isJsonObject } from "./json-pointer.js";
import { bodyProperties, kindOf, type ValueKind } from "./property-kinds.js";
import { ACCEPT_JSON, fetchTicket, forEachTicket, statusFinding } from "./probes.js";

const KINDS: readonly ValueKind[] = ["number", "string", "date-time", "bool", "object", "array"];

/** The properties a `$select` probe names: the first documented property of each value kind. */
export function probeSelection(operation: Operation): string[] {
  const properties = bodyProperties(operation);
  return KINDS.flatMap((kind) => properties.find((p) => kindOf(p.type) === kind)?.name ?? []);
}

type IssueFilter = (issue: SelectionIssue, ctx: CheckContext) => boolean;

const ISSUE_EXPECTATIONS: Record<SelectionIssue["kind"], string> = {
  "selected-differs": "the value of the full answer",
  "unselected-not-null": "null",
};

/** Asks for each ticket in full and with the probe selection, and reports the issues kept. */
function judgeSelection(keep: IssueFilter): Check {
  return async (ctx) => {
    const report = findingsFor(ctx.requirement.id);
    const names = probeSelection(ctx.operation);
    return forEachTicket(ctx, async (id) => {
      const full = await fetchTicket(ctx, id);
      if (full.problem) return [full.problem];
      const selected = await fetchTicket(ctx, id, { query: [["$select", names.join(",")]] });
      if (selected.problem) return [selected.problem];
      return compareSelected(full.body, selected.body, names, ctx.operation)
        .filter((issue) => keep(issue, ctx))
        .map((issue) => report(selected.exchange, {
          severity: "fail", where: issue.pointer,
          actual: issue.absent ? "(absent)" : excerpt(issue.actual),
          expected: issue.kind === "selected-differs"
            ? `${JSON.stringify(excerpt(issue.expected))} (the full answer)`
            : ISSUE_EXPECTATIONS[issue.kind],
          message: `$select=${names.join(",")}: ${issue.property} (${issue.valueKind}) ` +
            (issue.kind === "selected-differs" ? "differs from the full answer"
              : issue.absent ? "is absent instead of null" : "is not null"),
        }));
    });
  };
}

const isReferenceKind = (kind: ValueKind): boolean =>
  kind === "object" || kind === "array" || kind === "string";

const selectedKeepValue: IssueFilter = (issue) => issue.kind === "selected-differs";

const unselectedReferenceIsNull: IssueFilter = (issue) =>
  issue.kind === "unselected-not-null" && isReferenceKind(issue.valueKind);

// Note: lenient also accepts the type's default (0, false, the unset date) for a value type.
const unselectedValueIsNull: IssueFilter = (issue, ctx) =>
  issue.kind === "unselected-not-null" && !isReferenceKind(issue.valueKind)
  && !(ctx.profile === "lenient" && issue.isDefault === true);

/** Requests whose answers must equal the answer to the reference selection. */
function equivalentSelections(names: readonly string[]): Array<{ label: string; select: string }> {
  return [
    { label: "lower-case names", select: names.join(",").toLowerCase() },
    { label: "upper-case names", select: names.join(",").toUpperCase() },
    { label: "spaces around commas", select: names.join(" , ") },
  ];
}

async function namesAreLenient(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  const names = ["Title", "TicketId"];
  return forEachTicket(ctx, async (id) => {
    const reference = await fetchTicket(ctx, id, { query: [["$select", names.join(",")]] });
    if (reference.problem) return [reference.problem];
    const findings: Finding[] = [];
    for (const { label, select } of equivalentSelections(names)) {
      const answer = await fetchTicket(ctx, id, { query: [["$select", select]] });
      if (answer.problem) { findings.push(answer.problem); continue; }
      findings.push(...diffValues(reference.body, answer.body).map((d) => report(answer.exchange, {
        severity: "fail", where: d.pointer, actual: excerpt(d.right),
        expected: `${JSON.stringify(excerpt(d.left))} as with $select=${names.join(",")}`,
        message: `$select with ${label} (\`${select}\`) answers differently`,
      })));
    }
    const full = await fetchTicket(ctx, id);
    const empty = await fetchTicket(ctx, id, { query: [["$select", ""]] });
    const problem = full.problem ?? empty.problem;
    if (problem) return [...findings, problem];
    findings.push(...diffValues(full.body, empty.body).map((d) => report(empty.exchange, {
      severity: "fail", where: d.pointer, actual: excerpt(d.right),
      expected: `${JSON.stringify(excerpt(d.left))} as without $select`,
      message: "an empty $select does not answer every field",
    })));
    return findings;
  });
}

async function nestedPathKeepsParent(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  const findings: Finding[] = [];
  let judged = 0;
  for (const id of ctx.tickets) {
    const full = await fetchTicket(ctx, id);
    if (full.problem) { findings.push(full.problem); continue; }
    const category = isJsonObject(full.body) ? full.body.Category : undefined;
    const name = isJsonObject(category) ? category.Name : undefined;
    if (name === null || name === undefined) continue;
    judged += 1;
    const selected = await fetchTicket(ctx, id, { query: [["$select", "Category/Name"]] });
    if (selected.problem) { findings.push(selected.problem); continue; }
    const parent = isJsonObject(selected.body) ? selected.body.Category : undefined;
    const actual = isJsonObject(parent) ? parent.Name : parent;
    if (actual !== name) {
      findings.push(report(selected.exchange, { severity: "fail", where: "/Category/Name",
        actual: excerpt(actual), expected: JSON.stringify(name),
        message: "$select=Category/Name does not keep Category with its Name" }));
    }
  }
  if (judged === 0 && findings.length === 0) {
    return { findings, skip: "no given ticket has a Category with a Name" };
  }
  return { findings };
}

async function unknownNameTolerated(ctx: CheckContext): Promise<Outcome> {
  return forEachTicket(ctx, async (id) => {
    const exchange = await ctx.send({ id: String(id), headers: { ...ACCEPT_JSON },
      query: [["$select", "Title,NoSuchConformanceProperty"]] });
    const finding = statusFinding(ctx, exchange, [200, 400], "an unknown $select name");
    return finding ? [finding] : [];
  });
}

/** The SELECT checks by requirement id. */
export const SELECT_CHECKS: Record<string, Check> = {
  "SELECT-1": judgeSelection(selectedKeepValue),
  "SELECT-2": judgeSelection(unselectedReferenceIsNull),
  "SELECT-3": judgeSelection(unselectedValueIsNull),
  "SELECT-4": namesAreLenient,
  "SELECT-5": nestedPathKeepsParent,
  "SELECT-6": unknownNameTolerated,
};
