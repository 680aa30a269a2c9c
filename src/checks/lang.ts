import type { Finding, Outcome } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import type { Check, CheckContext } from "./context.js";
import { excerpt, findingsFor } from "./exchange-reading.js";
import { parseDateTime } from "./instants.js";
import { diffValues, sameValue } from "./json-pointer.js";
import { kindOf, walkBody } from "./property-kinds.js";
import { fetchTicket, forEachTicket } from "./probes.js";
import { findUntranslated } from "./untranslated.js";

/**
 * Languages the suite asks for: two that real installations carry.
 * TODO(language choice): let the user name the languages an installation has.
 */
const ENGLISH = "en";
const NORWEGIAN = "no";

async function resolvedWithLanguage(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  let raw = 0;
  const outcome = await forEachTicket(ctx, async (id) => {
    const untranslated = await fetchTicket(ctx, id);
    if (untranslated.problem) return [untranslated.problem];
    raw += findUntranslated(untranslated.body).length;
    const translated = await fetchTicket(ctx, id, { headers: { "Accept-Language": ENGLISH } });
    if (translated.problem) return [translated.problem];
    return findUntranslated(translated.body).map((left) => report(translated.exchange, {
      severity: "fail", where: left.pointer, actual: left.value, expected: "translated text",
      message: `with Accept-Language: ${ENGLISH} a ${left.form} is left in the answer` }));
  });
  if (outcome.skip === undefined && raw === 0 && outcome.findings.length === 0) {
    return { findings: [], skip: "no given ticket holds a multi-language value or resource id" };
  }
  return outcome;
}

/** Runs a comparison on every ticket whose English and Norwegian answers differ. */
async function forDistinguishingTickets(
  ctx: CheckContext,
  why: string,
  judge: (id: number, english: unknown, norwegian: unknown) => Promise<Finding[]>,
): Promise<Outcome> {
  let judged = 0;
  const outcome = await forEachTicket(ctx, async (id) => {
    const english = await fetchTicket(ctx, id, { headers: { "Accept-Language": ENGLISH } });
    const norwegian = await fetchTicket(ctx, id, { headers: { "SO-Language": NORWEGIAN } });
    const problem = english.problem ?? norwegian.problem;
    if (problem) return [problem];
    if (sameValue(english.body, norwegian.body)) return [];
    judged += 1;
    return judge(id, english.body, norwegian.body);
  });
  if (outcome.skip === undefined && judged === 0 && outcome.findings.length === 0) {
    return { findings: [], skip: why };
  }
  return outcome;
}

async function soLanguageOverrides(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forDistinguishingTickets(ctx, "no given ticket reads differently in en and no",
    async (id, _english, norwegian) => {
      const both = await fetchTicket(ctx, id,
        { headers: { "Accept-Language": ENGLISH, "SO-Language": NORWEGIAN } });
      if (both.problem) return [both.problem];
      return diffValues(norwegian, both.body).map((d) => report(both.exchange, {
        severity: "fail", where: d.pointer, actual: excerpt(d.right),
        expected: `${JSON.stringify(excerpt(d.left))} as with SO-Language: ${NORWEGIAN} alone`,
        message: `SO-Language: ${NORWEGIAN} did not override Accept-Language: ${ENGLISH}` }));
    });
}

/** SO-Language values that switch translation off. */
const NO_TRANSLATION = ["*", "x"] as const;

async function untranslatedOnRequest(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forDistinguishingTickets(ctx, "no given ticket reads differently in en and no",
    async (id) => {
      const none = await fetchTicket(ctx, id);
      if (none.problem) return [none.problem];
      const findings = findUntranslated(none.body).length > 0 ? [] : [report(none.exchange, {
        severity: "fail", where: "",
        expected: "raw multi-language values without a language header",
        message: "without a language header the answer is already translated" })];
      for (const off of NO_TRANSLATION) {
        const answer = await fetchTicket(ctx, id,
          { headers: { "Accept-Language": ENGLISH, "SO-Language": off } });
        if (answer.problem) { findings.push(answer.problem); continue; }
        findings.push(...diffValues(none.body, answer.body).map((d) => report(answer.exchange, {
          severity: "fail", where: d.pointer, actual: excerpt(d.right),
          expected: `${JSON.stringify(excerpt(d.left))} as without a language header`,
          message: `SO-Language: ${off} did not leave the answer untranslated` })));
      }
      return findings;
    });
}

/** Numbers, bools and date-times of a body by pointer: what a culture must not touch. */
export function neutralValues(body: unknown, operation: Operation): Map<string, unknown> {
  const values = new Map<string, unknown>();
  walkBody(body, operation, (pointer, value, type) => {
    const kind = kindOf(type);
    if (value !== null && (kind === "number" || kind === "bool" || kind === "date-time")) {
      values.set(pointer, value);
    }
  });
  return values;
}

async function cultureStaysNeutral(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const none = await fetchTicket(ctx, id);
    const cultureOnly = await fetchTicket(ctx, id, { headers: { "SO-Culture": "de" } });
    const language = await fetchTicket(ctx, id, { headers: { "SO-Language": ENGLISH } });
    const both = await fetchTicket(ctx, id,
      { headers: { "SO-Language": ENGLISH, "SO-Culture": "de" } });
    const problem = none.problem ?? cultureOnly.problem ?? language.problem ?? both.problem;
    if (problem) return [problem];
    const changed = diffValues(none.body, cultureOnly.body);
    const findings = changed.map((d) => report(cultureOnly.exchange, {
      severity: "fail", where: d.pointer, actual: excerpt(d.right),
      expected: `${JSON.stringify(excerpt(d.left))} as without SO-Culture`,
      message: "SO-Culture without a language changed the answer" }));
    const neutral = neutralValues(language.body, ctx.operation);
    for (const [pointer, value] of neutralValues(both.body, ctx.operation)) {
      const malformedDate = typeof value === "string" && parseDateTime(value) === undefined;
      if (malformedDate || (neutral.has(pointer) && neutral.get(pointer) !== value)) {
        findings.push(report(both.exchange, { severity: "fail", where: pointer, actual: value,
          expected: `${JSON.stringify(neutral.get(pointer))} as without SO-Culture`,
          message: "SO-Culture: de changed a JSON number, bool or date-time" }));
      }
    }
    return findings;
  });
}

/** The LANG checks by requirement id. */
export const LANG_CHECKS: Record<string, Check> = {
  "LANG-1": resolvedWithLanguage,
  "LANG-2": soLanguageOverrides,
  "LANG-3": untranslatedOnRequest,
  "LANG-4": cultureStaysNeutral,
};
