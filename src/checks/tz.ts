import type { Finding, Outcome } from "../model/finding.js";
import type { Check, CheckContext } from "./context.js";
import { findingsFor } from "./exchange-reading.js";
import { parseDateTime, sameInstants } from "./instants.js";
import { collectDateTimes } from "./property-kinds.js";
import { ACCEPT_JSON, fetchTicket, forEachTicket, statusFinding } from "./probes.js";

/** UTC and two zones that differ from it and from each other, one with summer time. */
export const ZONES = ["UTC", "NO", "US-NY"] as const;

/** The `SO-TimeZone` value asking for a zone with offsets written out. */
export const withOffsets = (zone: string): string => `${zone},includeTZOffset`;

async function offsetsWritten(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const findings: Finding[] = [];
    for (const zone of ZONES) {
      const answer = await fetchTicket(ctx, id, { headers: { "SO-TimeZone": withOffsets(zone) } });
      if (answer.problem) { findings.push(answer.problem); continue; }
      for (const { pointer, value } of collectDateTimes(answer.body, ctx.operation)) {
        const parsed = parseDateTime(value);
        if (parsed === undefined || parsed.offsetStyle === "none") {
          findings.push(report(answer.exchange, { severity: "fail", where: pointer, actual: value,
            expected: "a date-time with an offset",
            message: `SO-TimeZone: ${withOffsets(zone)} left a date-time without offset` }));
        } else if (zone === "UTC" && parsed.offsetMinutes !== 0) {
          findings.push(report(answer.exchange, { severity: "fail", where: pointer, actual: value,
            expected: "Z or +00:00", message: "a UTC date-time carries another offset" }));
        }
      }
    }
    return findings;
  });
}

async function zonesAgreeOnInstants(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const [base, ...others] = ZONES;
    const reference = await fetchTicket(ctx, id, { headers: { "SO-TimeZone": withOffsets(base) } });
    if (reference.problem) return [reference.problem];
    const findings: Finding[] = [];
    for (const zone of others) {
      const answer = await fetchTicket(ctx, id, { headers: { "SO-TimeZone": withOffsets(zone) } });
      if (answer.problem) { findings.push(answer.problem); continue; }
      findings.push(...sameInstants(reference.body, answer.body, ctx.operation).map((m) =>
        report(answer.exchange, { severity: "fail", where: m.pointer, actual: m.right,
          expected: `the instant of ${JSON.stringify(m.left)} (${base})`,
          message: `${zone} and ${base} disagree: ${m.why}` })));
    }
    return findings;
  });
}

async function oneNotation(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const answer = await fetchTicket(ctx, id);
    if (answer.problem) return [answer.problem];
    const dates = collectDateTimes(answer.body, ctx.operation)
      .map((d) => ({ ...d, withOffset: parseDateTime(d.value)?.offsetStyle !== undefined
        && parseDateTime(d.value)?.offsetStyle !== "none" }));
    const withOffset = dates.filter((d) => d.withOffset);
    const without = dates.filter((d) => !d.withOffset);
    if (withOffset.length === 0 || without.length === 0) return [];
    // Note: the fewer kind is the odd one out; it is the one reported.
    const odd = withOffset.length < without.length ? withOffset : without;
    return odd.map((d) => report(answer.exchange, { severity: "fail", where: d.pointer,
      actual: d.value,
      expected: d.withOffset ? "no offset, as the others" : "an offset, as the others",
      message: "date-times without SO-TimeZone are written two ways" }));
  });
}

/** A zone no installation knows. */
const UNKNOWN_ZONE = "Mars/Olympus-Mons";

async function unknownZoneTolerated(ctx: CheckContext): Promise<Outcome> {
  return forEachTicket(ctx, async (id) => {
    const exchange = await ctx.send({ id: String(id),
      headers: { ...ACCEPT_JSON, "SO-TimeZone": withOffsets(UNKNOWN_ZONE) } });
    const finding = statusFinding(ctx, exchange, [200, 400], `SO-TimeZone: ${UNKNOWN_ZONE}`);
    return finding ? [finding] : [];
  });
}

/** The TZ checks by requirement id. */
export const TZ_CHECKS: Record<string, Check> = {
  "TZ-1": offsetsWritten,
  "TZ-2": zonesAgreeOnInstants,
  "TZ-3": oneNotation,
  "TZ-4": unknownZoneTolerated,
};
