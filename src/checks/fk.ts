import type { Finding, Outcome } from "../model/finding.js";
import type { Check, CheckContext } from "./context.js";
import { excerpt, findingsFor } from "./exchange-reading.js";
import { childPointer, diffValues, isJsonObject } from "./json-pointer.js";
import { fetchTicket, statusFinding, ACCEPT_JSON } from "./probes.js";

/** The form the page gives foreign-key entries: `app.device.keyname`, three non-empty parts. */
export const FOREIGN_KEY_NAME = /^[^.]+\.[^.]+\.[^.]+$/;

/** The `ExtraFields` of a body as an object (`{}` when null or absent). */
export function extraFieldsOf(body: unknown): Record<string, unknown> {
  const extra = isJsonObject(body) ? body.ExtraFields : undefined;
  return isJsonObject(extra) ? extra : {};
}

/** The entries `fk=true` added: keys absent, or with another value, in the answer without fk. */
export function fkAdditions(withFk: unknown, withoutFk: unknown): Array<[string, unknown]> {
  const before = extraFieldsOf(withoutFk);
  return Object.entries(extraFieldsOf(withFk))
    .filter(([key, value]) => !(key in before) || before[key] !== value);
}

/** A body without its `ExtraFields`: what FK-3 compares. */
export function withoutExtraFields(body: unknown): unknown {
  if (!isJsonObject(body)) return body;
  const { ExtraFields: _ignored, ...rest } = body;
  return rest;
}

/** The differences between two answers anywhere but in the ticket's own `ExtraFields`. */
export function diffExceptExtraFields(left: unknown, right: unknown) {
  return diffValues(withoutExtraFields(left), withoutExtraFields(right));
}

/** The tickets the fk checks ask about: the fk ticket first, then the given ones. */
function fkTickets(ctx: CheckContext): number[] {
  const ids = ctx.fkTicket === undefined ? [...ctx.tickets] : [ctx.fkTicket, ...ctx.tickets];
  return [...new Set(ids)];
}

const NO_TICKETS: Outcome = {
  findings: [], skip: "no ticket id was given (--ticket, --fk-ticket)",
};

/** Runs `judge` for every fk ticket and gathers the findings; skips when there is none. */
async function forEachFkTicket(
  ctx: CheckContext,
  judge: (id: number) => Promise<Finding[]>,
): Promise<Outcome> {
  const ids = fkTickets(ctx);
  if (ids.length === 0) return NO_TICKETS;
  const findings: Finding[] = [];
  for (const id of ids) findings.push(...(await judge(id)));
  return { findings };
}

/** The plain answer and the one to `fk=value`, or the finding that says why there are none. */
async function fetchWithFk(ctx: CheckContext, id: number, value: string) {
  const plain = await fetchTicket(ctx, id);
  const loaded = await fetchTicket(ctx, id, { query: [["fk", value]] });
  return { plain, loaded, problem: plain.problem ?? loaded.problem };
}

async function addsOnlyForeignKeys(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  const outcome = await forEachFkTicket(ctx, async (id) => {
    const { plain, loaded, problem } = await fetchWithFk(ctx, id, "true");
    if (problem) return [problem];
    const added = fkAdditions(loaded.body, plain.body);
    const found: Finding[] = [];
    for (const [key, value] of added) {
      if (!FOREIGN_KEY_NAME.test(key) || typeof value !== "string") {
        found.push(report(loaded.exchange, { severity: "fail",
          where: childPointer("/ExtraFields", key), actual: excerpt(value),
          expected: "a key app.device.keyname with a string value",
          message: `fk=true added \`${key}\`, which is not a foreign-key entry` }));
      }
    }
    if (id === ctx.fkTicket && added.length === 0) {
      found.push(report(loaded.exchange, { severity: "fail", where: "/ExtraFields",
        actual: excerpt(extraFieldsOf(loaded.body)),
        expected: "at least one app.device.keyname entry",
        message: `fk=true added no foreign key to ticket ${id}, which has some` }));
    }
    return found;
  });
  if (outcome.skip !== undefined || ctx.fkTicket !== undefined || outcome.findings.length > 0) {
    return outcome;
  }
  return { ...outcome, skip: "no --fk-ticket was given, so whether fk=true adds a key was not " +
    "tested (the keys it added were all well formed)" };
}

async function falseEqualsAbsent(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachFkTicket(ctx, async (id) => {
    const { plain: absent, loaded: off, problem: missing } = await fetchWithFk(ctx, id, "false");
    const on = await fetchTicket(ctx, id, { query: [["fk", "true"]] });
    const problem = missing ?? on.problem;
    if (problem) return [problem];
    const [absentExtra, offExtra] = [extraFieldsOf(absent.body), extraFieldsOf(off.body)];
    const found = diffValues(absentExtra, offExtra, "/ExtraFields").map((d) =>
      report(off.exchange, { severity: "fail", where: d.pointer, actual: excerpt(d.right),
        expected: `${JSON.stringify(excerpt(d.left))} as without fk`,
        message: "fk=false and no fk give different ExtraFields" }));
    const loadedKeys = Object.keys(extraFieldsOf(on.body)).filter((k) => FOREIGN_KEY_NAME.test(k));
    for (const key of loadedKeys.filter((k) => k in offExtra || k in absentExtra)) {
      found.push(report(off.exchange, {
        severity: "fail", where: childPointer("/ExtraFields", key),
        actual: excerpt(offExtra[key] ?? absentExtra[key]), expected: "absent without fk=true",
        message: `the foreign key \`${key}\` is loaded without fk=true` }));
    }
    return found;
  });
}

async function changesOnlyExtraFields(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachFkTicket(ctx, async (id) => {
    const { plain, loaded, problem } = await fetchWithFk(ctx, id, "true");
    if (problem) return [problem];
    return diffExceptExtraFields(plain.body, loaded.body).map((d) =>
      report(loaded.exchange, { severity: "fail", where: d.pointer, actual: excerpt(d.right),
        expected: `${JSON.stringify(excerpt(d.left))} as without fk`,
        message: "fk=true changed a value outside ExtraFields" }));
  });
}

/** Spellings of fk that must be read as the bool they name. */
const BOOL_SPELLINGS: ReadonlyArray<[string, string]> = [["True", "true"], ["False", "false"]];

async function fkParsesBools(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  const id = fkTickets(ctx)[0];
  if (id === undefined) return NO_TICKETS;
  const findings: Finding[] = [];
  for (const [spelling, canonical] of BOOL_SPELLINGS) {
    const reference = await fetchTicket(ctx, id, { query: [["fk", canonical]] });
    const variant = await fetchTicket(ctx, id, { query: [["fk", spelling]] });
    const problem = reference.problem ?? variant.problem;
    if (problem) { findings.push(problem); continue; }
    findings.push(...diffValues(extraFieldsOf(reference.body), extraFieldsOf(variant.body),
      "/ExtraFields").map((d) => report(variant.exchange, { severity: "fail", where: d.pointer,
      actual: excerpt(d.right),
      expected: `${JSON.stringify(excerpt(d.left))} as with fk=${canonical}`,
      message: `fk=${spelling} is not read as fk=${canonical}` })));
  }
  const headers = { ...ACCEPT_JSON };
  const other = await ctx.send({ id: String(id), query: [["fk", "maybe"]], headers });
  const refused = statusFinding(ctx, other, [400], "fk=maybe");
  if (refused) findings.push(refused);
  const empty = await ctx.send({ id: String(id), query: [["fk", ""]], headers });
  const emptyRead = statusFinding(ctx, empty, [200, 400], "an empty fk=");
  if (emptyRead) findings.push(emptyRead);
  return { findings };
}

/** The FK checks by requirement id. */
export const FK_CHECKS: Record<string, Check> = {
  "FK-1": addsOnlyForeignKeys,
  "FK-2": falseEqualsAbsent,
  "FK-3": changesOnlyExtraFields,
  "FK-4": fkParsesBools,
};
