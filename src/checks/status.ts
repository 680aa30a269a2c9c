import type { Exchange } from "../model/exchange.js";
import type { Finding, Outcome } from "../model/finding.js";
import type { Check, CheckContext } from "./context.js";
import {
  contentTypeOf, findingsFor, isJsonMediaType, readJson, statusOf,
} from "./exchange-reading.js";
import { isJsonObject } from "./json-pointer.js";
import { ACCEPT_JSON, forEachTicket, statusFinding } from "./probes.js";

/** The slow-call threshold the official spec notes for this operation. */
export const SLOW_CALL_MS = 2000;

/** Ids that are not int32 values: text, a fraction, negative, one past int32, empty. */
export const MALFORMED_IDS: readonly string[] = ["abc", "1.5", "-1", "2147483648", ""];

async function existingAnswer200(ctx: CheckContext): Promise<Outcome> {
  return forEachTicket(ctx, async (id) => {
    const exchange = await ctx.send({ id: String(id), headers: { ...ACCEPT_JSON } });
    const finding = statusFinding(ctx, exchange, [200], `existing ticket ${id}`);
    return finding ? [finding] : [];
  });
}

async function missingAnswers404(ctx: CheckContext): Promise<Outcome> {
  const exchange = await ctx.send({ id: String(ctx.missingTicket), headers: { ...ACCEPT_JSON } });
  const finding = statusFinding(ctx, exchange, [404], `missing ticket ${ctx.missingTicket}`);
  return { findings: finding ? [finding] : [] };
}

/** The ways a 404 body falls short of the error object real servers send. */
export function errorObjectProblems(
  body: unknown,
): Array<{ where: string; actual: unknown; expected: string }> {
  if (!isJsonObject(body)) return [{ where: "body", actual: body, expected: "a JSON object" }];
  const problems: Array<{ where: string; actual: unknown; expected: string }> = [];
  if (body.Error !== true) problems.push({ where: "/Error", actual: body.Error, expected: "true" });
  if (typeof body.ErrorType !== "string" || body.ErrorType === "") {
    problems.push({ where: "/ErrorType", actual: body.ErrorType, expected: "a non-empty string" });
  }
  const message = body.ErrorMessage ?? body.Message;
  if (typeof message !== "string" || message === "") {
    problems.push({ where: "/ErrorMessage", actual: message,
      expected: "a non-empty string in ErrorMessage or Message" });
  }
  return problems;
}

async function notFoundCarriesError(ctx: CheckContext): Promise<Outcome> {
  const exchange = await ctx.send({ id: String(ctx.missingTicket), headers: { ...ACCEPT_JSON } });
  if (statusOf(exchange) !== 404) {
    const status = statusOf(exchange);
    return { findings: [], skip: `the missing ticket got ${status}, not 404 (see STATUS-2)` };
  }
  const report = findingsFor(ctx.requirement.id);
  const { essence } = contentTypeOf(exchange);
  const json = readJson(exchange);
  if (!isJsonMediaType(essence) || !json.ok) {
    return { findings: [report(exchange, {
      severity: "fail", where: "content-type", actual: essence || "(none)",
      expected: "a JSON error object", message: "the 404 to a JSON request carries no JSON body",
    })] };
  }
  return { findings: errorObjectProblems(json.value).map((problem) => report(exchange, {
    severity: "fail", ...problem, message: `the 404 error object lacks ${problem.where}`,
  })) };
}

async function malformedIdRefused(ctx: CheckContext): Promise<Outcome> {
  const findings: Finding[] = [];
  for (const id of MALFORMED_IDS) {
    const exchange = await ctx.send({ id, headers: { ...ACCEPT_JSON } });
    const finding = statusFinding(ctx, exchange, [400, 404], `malformed id \`${id}\``);
    if (finding) findings.push(finding);
  }
  return { findings };
}

/** The 5xx answers and the undocumented statuses among a run's exchanges. */
export function judgeRunStatuses(
  requirement: string,
  exchanges: readonly Exchange[],
  documented: readonly number[],
): Finding[] {
  const report = findingsFor(requirement);
  const findings: Finding[] = [];
  const undocumented = new Map<number, Exchange[]>();
  for (const exchange of exchanges) {
    if (!exchange.response) continue;
    const status = exchange.response.status;
    if (status >= 500) {
      findings.push(report(exchange, { severity: "fail", where: "status", actual: status,
        expected: "below 500", message: `${exchange.request.url} was answered ${status}` }));
    } else if (!documented.includes(status)) {
      undocumented.set(status, [...(undocumented.get(status) ?? []), exchange]);
    }
  }
  for (const [status, seen] of undocumented) {
    findings.push(report(seen[0], { severity: "info", where: "status", actual: status,
      expected: documented.join(" or "),
      message: `status ${status}, which the page does not document, answered ` +
        `${seen.length} request(s)` }));
  }
  return findings;
}

async function noServerErrors(ctx: CheckContext): Promise<Outcome> {
  // Note: it asks the basic questions itself too, so that it has evidence of its own even when
  // it runs alone (and a cassette to replay then).
  const ids = [...ctx.tickets.slice(0, 1), ctx.missingTicket];
  for (const id of ids) await ctx.send({ id: String(id), headers: { ...ACCEPT_JSON } });
  const documented = ctx.operation.responses.map((response) => response.status);
  return { findings: judgeRunStatuses(ctx.requirement.id, ctx.runExchanges(), documented) };
}

/** The exchanges of a run that took longer than the slow-call threshold. */
export function judgeRunDurations(requirement: string, exchanges: readonly Exchange[]): Finding[] {
  const report = findingsFor(requirement);
  return exchanges
    .filter((exchange) => exchange.response && exchange.durationMs > SLOW_CALL_MS)
    .map((exchange) => report(exchange, {
      severity: "fail", where: "duration", actual: exchange.durationMs,
      expected: `at most ${SLOW_CALL_MS} ms`,
      message: `${exchange.request.url} took ${exchange.durationMs} ms`,
    }));
}

async function answersInTime(ctx: CheckContext): Promise<Outcome> {
  // Note: a server may be slow for one kind of request only (XML, a language, a zone), so every
  // answer of the run is timed; the check asks for each ticket itself too, so that it has
  // evidence of its own when it runs alone.
  await forEachTicket(ctx, async (id) => {
    await ctx.send({ id: String(id), headers: { ...ACCEPT_JSON } });
    return [];
  });
  return { findings: judgeRunDurations(ctx.requirement.id, ctx.runExchanges()) };
}

/** The STATUS checks by requirement id. */
export const STATUS_CHECKS: Record<string, Check> = {
  "STATUS-1": existingAnswer200,
  "STATUS-2": missingAnswers404,
  "STATUS-3": notFoundCarriesError,
  "STATUS-4": malformedIdRefused,
  "STATUS-5": noServerErrors,
  "STATUS-6": answersInTime,
};
