import type { Finding, Outcome } from "../model/finding.js";
import type { Check, CheckContext } from "./context.js";
import { excerpt, findingsFor } from "./exchange-reading.js";
import { isJsonObject } from "./json-pointer.js";
import { bodyProperties } from "./property-kinds.js";
import { fetchTicket, forEachTicket } from "./probes.js";
import { findBadMasks } from "./rights.js";
import { findUndocumented } from "./undocumented.js";

/** Schema keywords about undocumented properties: SCHEMA-3 judges those, not SCHEMA-1. */
const UNDOCUMENTED_KEYWORDS = new Set(["additionalProperties", "unevaluatedProperties"]);

async function bodyValidates(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const answer = await fetchTicket(ctx, id, {}, true);
    if (answer.problem) return [answer.problem];
    return ctx.validators.validate(ctx.operation.bodyType, answer.body, ctx.profile)
      .filter((violation) => !UNDOCUMENTED_KEYWORDS.has(violation.keyword))
      .map((violation) => report(answer.exchange, {
        severity: violation.severity, where: violation.pointer, actual: excerpt(violation.value),
        expected: violation.allowed, message: violation.message,
      }));
  });
}

// TODO(nested presence): only the ticket's own properties are required; nested carriers are
// not, because real servers send `"TableRight": null` and sparse nested objects.
async function everyPropertyPresent(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const answer = await fetchTicket(ctx, id);
    if (answer.problem) return [answer.problem];
    if (!isJsonObject(answer.body)) {
      return [report(answer.exchange, { severity: "fail", where: "", actual: excerpt(answer.body),
        expected: "a JSON object", message: "the body is not an object" })];
    }
    const body = answer.body;
    return bodyProperties(ctx.operation)
      .filter((property) => !(property.name in body))
      .map((property) => report(answer.exchange, {
        severity: "fail", where: `/${property.name}`, actual: undefined,
        expected: "present (null allowed)", message: `ticket ${id} lacks ${property.name}`,
      }));
  });
}

async function undocumentedReported(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  // Note: undocumented properties fail only under strict; lenient lists them as warnings.
  const severity = ctx.profile === "strict" ? "fail" : "warn";
  return forEachTicket(ctx, async (id) => {
    const answer = await fetchTicket(ctx, id);
    if (answer.problem) return [answer.problem];
    const bodyType = { kind: "ref", name: ctx.operation.bodyType } as const;
    return findUndocumented(answer.body, bodyType, ctx.operation).map((extra) =>
      report(answer.exchange, {
        severity, where: extra.pointer, actual: excerpt(extra.value),
        expected: `a property ${extra.typeName} documents`,
        message: `${extra.pointer} is not documented for ${extra.typeName}`,
      }));
  });
}

/** Whether a `_Links.Self` URL points at the ticket with this id. */
export function selfNamesTicket(self: unknown, id: number): boolean {
  if (typeof self !== "string") return false;
  try {
    const match = /\/Ticket\/(\d+)\/?$/i.exec(new URL(self).pathname);
    return match !== null && Number(match[1]) === id;
  } catch {
    return false;
  }
}

async function identityMatches(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const answer = await fetchTicket(ctx, id);
    if (answer.problem) return [answer.problem];
    const body = isJsonObject(answer.body) ? answer.body : {};
    const findings: Finding[] = [];
    if (body.TicketId !== id) {
      findings.push(report(answer.exchange, { severity: "fail", where: "/TicketId",
        actual: body.TicketId, expected: String(id),
        message: "TicketId is not the id asked for" }));
    }
    const self = isJsonObject(body._Links) ? body._Links.Self : undefined;
    if (!selfNamesTicket(self, id)) {
      findings.push(report(answer.exchange, { severity: "fail", where: "/_Links/Self",
        actual: self, expected: `an absolute URL ending in /Ticket/${id}`,
        message: "_Links.Self does not name this ticket" }));
    }
    return findings;
  });
}

async function masksUseKnownFlags(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const answer = await fetchTicket(ctx, id);
    if (answer.problem) return [answer.problem];
    return findBadMasks(answer.body, ctx.operation).map((bad) => report(answer.exchange, {
      severity: "fail", where: bad.pointer, actual: bad.mask,
      expected: `comma-separated ${bad.rightType} flag names`,
      message: `unknown ${bad.rightType} flag(s): ` +
        bad.unknownFlags.map((flag) => `\`${flag}\``).join(", "),
    }));
  });
}

/** The SCHEMA checks by requirement id. */
export const SCHEMA_CHECKS: Record<string, Check> = {
  "SCHEMA-1": bodyValidates,
  "SCHEMA-2": everyPropertyPresent,
  "SCHEMA-3": undocumentedReported,
  "SCHEMA-4": identityMatches,
  "SCHEMA-5": masksUseKnownFlags,
};
