import type { AuthMode, Exchange } from "../model/exchange.js";
import type { Finding, Outcome } from "../model/finding.js";
import type { Check, CheckContext } from "./context.js";
import { excerpt, findingsFor, statusOf } from "./exchange-reading.js";
import { diffValues, isJsonObject } from "./json-pointer.js";
import { ACCEPT_JSON, fetchTicket, needsTickets, statusFinding } from "./probes.js";

function firstTicket(ctx: CheckContext): number {
  return ctx.tickets[0] ?? ctx.missingTicket;
}

async function sendAs(ctx: CheckContext, auth: AuthMode): Promise<Exchange> {
  return ctx.send({ id: String(firstTicket(ctx)), headers: { ...ACCEPT_JSON }, auth });
}

/** Strings of a ticket distinctive enough that finding one in another body means a leak. */
export function distinctiveStrings(body: unknown): string[] {
  if (!isJsonObject(body)) return [];
  return Object.values(body).filter((v): v is string => typeof v === "string" && v.length >= 6);
}

async function anonymousRefused(ctx: CheckContext): Promise<Outcome> {
  const skip = needsTickets(ctx);
  if (skip) return skip;
  const report = findingsFor(ctx.requirement.id);
  const authorized = await fetchTicket(ctx, firstTicket(ctx));
  const anonymous = await sendAs(ctx, { kind: "none" });
  const findings: Finding[] = [];
  const status = statusFinding(ctx, anonymous, [401], "a request without credentials");
  if (status) findings.push(status);
  const body = anonymous.response?.body ?? "";
  const leaked = [
    ...(body.includes('"TicketId"') || body.includes("<TicketId") ? ["TicketId"] : []),
    ...distinctiveStrings(authorized.body).filter((text) => body.includes(text)),
  ];
  for (const text of leaked) {
    findings.push(report(anonymous, { severity: "fail", where: "body", actual: excerpt(text),
      expected: "no ticket data", message: "the answer without credentials shows ticket data" }));
  }
  return { findings };
}

async function challengeSent(ctx: CheckContext): Promise<Outcome> {
  const anonymous = await sendAs(ctx, { kind: "none" });
  if (statusOf(anonymous) !== 401) {
    const status = statusOf(anonymous);
    return { findings: [], skip: `no 401 to judge: the answer was ${status} (see AUTH-1)` };
  }
  const challenge = anonymous.response?.headers["www-authenticate"];
  if (challenge !== undefined && challenge.trim() !== "") return { findings: [] };
  return { findings: [findingsFor(ctx.requirement.id)(anonymous, { severity: "fail",
    where: "www-authenticate", actual: challenge,
    expected: "a challenge such as Basic realm=\"…\"",
    message: "the 401 carries no WWW-Authenticate header" })] };
}

/** Authorization values that are not `<scheme> <token>` or do not decode as Basic must. */
export const MALFORMED_AUTHORIZATIONS: readonly string[] = [
  "Basic",
  "conformance-token-without-scheme",
  "Basic !!not*base64!!",
  `Basic ${Buffer.from("user-without-password").toString("base64")}`,
];
/** A well-formed header in a scheme no installation supports. */
export const UNKNOWN_SCHEME = "Conformance Y29uZm9ybWFuY2U6cHJvYmU=";

async function badCredentialsRefused(ctx: CheckContext): Promise<Outcome> {
  const modes: Array<[string, AuthMode]> = [
    ["wrong credentials", { kind: "wrong" }],
    ["an unknown scheme", { kind: "raw", authorization: UNKNOWN_SCHEME }],
    ...MALFORMED_AUTHORIZATIONS.map((authorization): [string, AuthMode] =>
      [`the malformed header \`${authorization}\``, { kind: "raw", authorization }]),
  ];
  const findings: Finding[] = [];
  for (const [label, auth] of modes) {
    const finding = statusFinding(ctx, await sendAs(ctx, auth), [401], label);
    if (finding) findings.push(finding);
  }
  return { findings };
}

const SCHEME_CASES = ["as-is", "lower", "upper", "mixed"] as const;

async function givenAccepted(ctx: CheckContext): Promise<Outcome> {
  const skip = needsTickets(ctx);
  if (skip) return skip;
  const findings: Finding[] = [];
  for (const schemeCase of SCHEME_CASES) {
    const exchange = await sendAs(ctx, { kind: "given", schemeCase });
    if (exchange.request.headers.authorization === undefined) {
      return { findings, skip: "no Authorization is configured (SO_AUTHORIZATION)" };
    }
    const label = `the given credentials (scheme ${schemeCase})`;
    const finding = statusFinding(ctx, exchange, [200], label);
    if (finding) findings.push(finding);
  }
  return { findings };
}

async function sessionWorks(ctx: CheckContext): Promise<Outcome> {
  if (!ctx.hasSession) {
    return { findings: [], skip: "no session is configured (SO_XSRF_TOKEN with SO_COOKIE)" };
  }
  const skip = needsTickets(ctx);
  if (skip) return skip;
  const matching = await sendAs(ctx, { kind: "session", xsrf: "match" });
  const mismatched = await sendAs(ctx, { kind: "session", xsrf: "mismatch" });
  return { findings: [
    statusFinding(ctx, matching, [200], "the session cookie with its XSRF token"),
    statusFinding(ctx, mismatched, [401, 403], "the session cookie with a mismatched XSRF token"),
  ].filter((finding): finding is Finding => finding !== undefined) };
}

async function appTokenHarmless(ctx: CheckContext): Promise<Outcome> {
  const skip = needsTickets(ctx);
  if (skip) return skip;
  const report = findingsFor(ctx.requirement.id);
  const id = firstTicket(ctx);
  const withToken = await fetchTicket(ctx, id, { auth: { kind: "given", appToken: "send" } });
  if (withToken.exchange.request.headers["so-apptoken"] === undefined) {
    return { findings: [], skip: "no application token is configured (SO_APP_TOKEN)" };
  }
  const without = await fetchTicket(ctx, id, { auth: { kind: "given", appToken: "omit" } });
  const problem = withToken.problem ?? without.problem;
  if (problem) return { findings: [problem] };
  const differences = diffValues(without.body, withToken.body);
  return { findings: differences.map((d) => report(withToken.exchange, {
    severity: "fail", where: d.pointer, actual: excerpt(d.right),
    expected: `${JSON.stringify(excerpt(d.left))} as without SO-AppToken`,
    message: "SO-AppToken changed the data" })) };
}

/** The AUTH checks by requirement id. */
export const AUTH_CHECKS: Record<string, Check> = {
  "AUTH-1": anonymousRefused,
  "AUTH-2": challengeSent,
  "AUTH-3": badCredentialsRefused,
  "AUTH-4": givenAccepted,
  "AUTH-5": sessionWorks,
  "AUTH-6": appTokenHarmless,
};
