import type { Exchange, RequestSpec } from "../model/exchange.js";
import type { Finding, Outcome } from "../model/finding.js";
import { ConformanceError } from "../model/errors.js";
import type { CheckContext } from "./context.js";
import { describeStatus, findingsFor, readJson, statusOf } from "./exchange-reading.js";

/** The headers of a plain JSON request. */
export const ACCEPT_JSON: Readonly<Record<string, string>> = { Accept: "application/json" };

/** A 200 JSON answer for a ticket, or the finding that says why there is none. */
export type TicketAnswer =
  | { exchange: Exchange; body: unknown; problem?: undefined }
  | { exchange: Exchange; body?: undefined; problem: Finding };

/**
 * Asks for a ticket as JSON (extra query and headers allowed) and reads the body. Anything but
 * a 200 JSON answer comes back as a failing finding, so a relation is never judged on an error.
 * Note: when the plain request itself (no query, no extra header) gets no 200 JSON answer, a
 * relation has nothing to start from: the requirement could not be judged (the ticket may not
 * exist there; STATUS-1 and SCHEMA-1 judge that), so it throws instead of failing, unless
 * `judgesPlain` says the plain answer is what the requirement judges.
 */
export async function fetchTicket(
  ctx: CheckContext,
  id: number | string,
  request: Omit<RequestSpec, "id"> = {},
  judgesPlain = false,
): Promise<TicketAnswer> {
  const headers = { ...ACCEPT_JSON, ...request.headers };
  const exchange = await ctx.send({ ...request, id: String(id), headers });
  const report = findingsFor(ctx.requirement.id);
  const plain = (request.query ?? []).length === 0 && request.headers === undefined
    && request.auth === undefined;
  if (plain && !judgesPlain && (statusOf(exchange) !== 200 || !readJson(exchange).ok)) {
    throw new ConformanceError("ERR_CT_NO_BASELINE",
      `ticket ${id} was answered ${describeStatus(exchange)} without a JSON body to a plain ` +
        `JSON request, so ${ctx.requirement.id} has nothing to compare with; check that ` +
        `ticket ${id} exists there (STATUS-1 and SCHEMA-1 judge the plain answer)`);
  }
  if (statusOf(exchange) !== 200) {
    return { exchange, problem: report(exchange, {
      severity: "fail", where: "status", actual: statusOf(exchange), expected: "200",
      message: `ticket ${id} was answered ${describeStatus(exchange)}, not 200, so the ` +
        "comparison cannot be made",
    }) };
  }
  const json = readJson(exchange);
  if (!json.ok) {
    return { exchange, problem: report(exchange, {
      severity: "fail", where: "body", actual: exchange.response?.body.slice(0, 200),
      expected: "a JSON body", message: json.why,
    }) };
  }
  return { exchange, body: json.value };
}

/** The skip outcome for a check that needs an existing ticket when none was given. */
export function needsTickets(ctx: CheckContext): Outcome | undefined {
  return ctx.tickets.length === 0
    ? { findings: [], skip: "no existing ticket id was given (--ticket)" }
    : undefined;
}

/** Runs `judge` for every given ticket and gathers the findings. */
export async function forEachTicket(
  ctx: CheckContext,
  judge: (id: number) => Promise<Finding[]>,
): Promise<Outcome> {
  const skip = needsTickets(ctx);
  if (skip) return skip;
  const findings: Finding[] = [];
  for (const id of ctx.tickets) findings.push(...(await judge(id)));
  return { findings };
}

/** A finding that a status is not one of those allowed. */
export function statusFinding(
  ctx: CheckContext,
  exchange: Exchange,
  allowed: readonly number[],
  what: string,
): Finding | undefined {
  const status = statusOf(exchange);
  if (allowed.includes(status)) return undefined;
  return findingsFor(ctx.requirement.id)(exchange, {
    severity: "fail", where: "status", actual: status, expected: allowed.join(" or "),
    message: `${what} was answered ${describeStatus(exchange)}`,
  });
}
