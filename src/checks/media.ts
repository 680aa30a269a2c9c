import type { Exchange } from "../model/exchange.js";
import type { Finding, Outcome } from "../model/finding.js";
import type { Check, CheckContext } from "./context.js";
import {
  contentTypeOf, excerpt, findingsFor, isJsonMediaType, isXmlMediaType, readJson, statusOf,
} from "./exchange-reading.js";
import { childPointer, diffValues, isJsonObject } from "./json-pointer.js";
import { fetchTicket, forEachTicket, statusFinding } from "./probes.js";
import { readXmlAnswer, XML_ROOTS } from "./xml-reading.js";

/** Which `Content-Type` answers each JSON request type (spec/NOTES.md, text/json). */
const JSON_ANSWERS: Record<string, readonly string[]> = {
  "application/json": ["application/json"],
  "text/json": ["text/json", "application/json"],
};

const XML_TYPES = ["application/xml", "text/xml"] as const;
const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json"] as const;

async function sendAccept(ctx: CheckContext, id: number, accept?: string): Promise<Exchange> {
  return ctx.send({ id: String(id), headers: accept === undefined ? {} : { Accept: accept } });
}

async function jsonIsLabelled(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const findings: Finding[] = [];
    for (const [accept, allowed] of Object.entries(JSON_ANSWERS)) {
      const exchange = await sendAccept(ctx, id, accept);
      const status = statusFinding(ctx, exchange, [200], `Accept: ${accept}`);
      if (status) { findings.push(status); continue; }
      const { essence, charset } = contentTypeOf(exchange);
      if (!allowed.includes(essence)) {
        findings.push(report(exchange, { severity: "fail", where: "content-type",
          actual: essence || "(none)", expected: allowed.join(" or "),
          message: `Accept: ${accept} was answered with another media type` }));
      }
      if (charset !== "utf-8") {
        findings.push(report(exchange, { severity: "fail", where: "content-type charset",
          actual: charset ?? "(none)", expected: "utf-8",
          message: `Accept: ${accept} was answered without charset=utf-8` }));
      }
      const json = readJson(exchange);
      if (!json.ok) {
        findings.push(report(exchange, { severity: "fail", where: "body",
          actual: excerpt(exchange.response?.body), expected: "a JSON body", message: json.why }));
      }
    }
    return findings;
  });
}

async function xmlIsWellFormed(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const findings: Finding[] = [];
    for (const accept of XML_TYPES) {
      const exchange = await sendAccept(ctx, id, accept);
      const status = statusFinding(ctx, exchange, [200], `Accept: ${accept}`);
      if (status) { findings.push(status); continue; }
      const { essence } = contentTypeOf(exchange);
      if (!isXmlMediaType(essence)) {
        findings.push(report(exchange, { severity: "fail", where: "content-type",
          actual: essence || "(none)", expected: "an XML media type",
          message: `Accept: ${accept} was not answered with XML` }));
      }
      const xml = readXmlAnswer(exchange, ctx.operation.bodyType);
      if (!xml.ok) {
        findings.push(report(exchange, { severity: "fail", where: "body",
          actual: excerpt(exchange.response?.body), expected: "well-formed XML",
          message: xml.why }));
      } else if (!XML_ROOTS.has(xml.root)) {
        findings.push(report(exchange, { severity: "fail", where: "root element", actual: xml.root,
          expected: [...XML_ROOTS].join(" or "), message: "the XML root is not the ticket" }));
      }
    }
    return findings;
  });
}

async function xmlMatchesJson(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const json = await fetchTicket(ctx, id);
    if (json.problem) return [json.problem];
    const exchange = await sendAccept(ctx, id, "application/xml");
    const status = statusFinding(ctx, exchange, [200], "Accept: application/xml");
    if (status) return [status];
    const xml = readXmlAnswer(exchange, ctx.operation.bodyType);
    if (!xml.ok) {
      return [report(exchange, { severity: "fail", where: "body",
        actual: excerpt(exchange.response?.body),
        expected: "well-formed XML", message: xml.why })];
    }
    return [
      ...diffValues(json.body, xml.value).map((d) => report(exchange, { severity: "fail",
        where: d.pointer, actual: excerpt(d.right),
        expected: `${JSON.stringify(excerpt(d.left))} (JSON)`,
        message: "the XML body carries another value than the JSON body" })),
      ...xml.problems.map((problem) => report(exchange, { severity: "info", where: "body",
        message: `reading the XML through the schema: ${problem}` })),
    ];
  });
}

async function patchTypesGetJson(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const reference = await fetchTicket(ctx, id);
    if (reference.problem) return [reference.problem];
    const findings: Finding[] = [];
    for (const accept of PATCH_TYPES) {
      const answer = await fetchTicket(ctx, id, { headers: { Accept: accept } });
      if (answer.problem) { findings.push(answer.problem); continue; }
      findings.push(...diffValues(reference.body, answer.body).map((d) => report(answer.exchange, {
        severity: "fail", where: d.pointer, actual: excerpt(d.right),
        expected: `${JSON.stringify(excerpt(d.left))} as with application/json`,
        message: `Accept: ${accept} answers other JSON than application/json` })));
    }
    return findings;
  });
}

/** Accept headers and the kind of answer each must get. */
const NEGOTIATIONS: ReadonlyArray<{ accept?: string; want: "json" | "xml" }> = [
  { want: "json" },
  { accept: "*/*", want: "json" },
  { accept: "application/xml;q=0.5, application/json", want: "json" },
  { accept: "application/json;q=0.4, application/xml", want: "xml" },
];
const UNSUPPORTED = "image/png";

async function negotiationHonoured(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  return forEachTicket(ctx, async (id) => {
    const findings: Finding[] = [];
    for (const { accept, want } of NEGOTIATIONS) {
      const exchange = await sendAccept(ctx, id, accept);
      const label = accept === undefined ? "no Accept" : `Accept: ${accept}`;
      const status = statusFinding(ctx, exchange, [200], label);
      if (status) { findings.push(status); continue; }
      const { essence } = contentTypeOf(exchange);
      const matches = want === "json" ? isJsonMediaType(essence) : isXmlMediaType(essence);
      if (!matches) {
        findings.push(report(exchange, { severity: "fail", where: "content-type",
          actual: essence || "(none)", expected: want.toUpperCase(),
          message: `${label} got ${essence}` }));
      }
    }
    const unsupported = await sendAccept(ctx, id, UNSUPPORTED);
    const status = statusOf(unsupported);
    const jsonAnswer = status === 200 && isJsonMediaType(contentTypeOf(unsupported).essence);
    if (status !== 406 && !jsonAnswer) {
      findings.push(report(unsupported, { severity: "fail", where: "status", actual: status,
        expected: "406, or 200 with JSON",
        message: `Accept: ${UNSUPPORTED} was answered ${status}` }));
    }
    return findings;
  });
}

/** Every string in a JSON value holding a character outside ASCII, with its pointer. */
export function nonAsciiStrings(
  value: unknown,
  pointer = "",
): Array<{ pointer: string; value: string }> {
  if (typeof value === "string") return /[^\x00-\x7F]/.test(value) ? [{ pointer, value }] : [];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => nonAsciiStrings(v, childPointer(pointer, i)));
  }
  if (isJsonObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => nonAsciiStrings(v, childPointer(pointer, k)));
  }
  return [];
}

function valueAtPointer(value: unknown, pointer: string): unknown {
  const tokens = pointer.split("/").slice(1)
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  return tokens.reduce<unknown>((node, token) =>
    (Array.isArray(node) ? node[Number(token)] : isJsonObject(node) ? node[token] : undefined),
  value);
}

async function textIsUtf8(ctx: CheckContext): Promise<Outcome> {
  const report = findingsFor(ctx.requirement.id);
  let seen = 0;
  const outcome = await forEachTicket(ctx, async (id) => {
    // Note: bytes that are not UTF-8 break the plain answer itself, which is MEDIA-6's to judge.
    const json = await fetchTicket(ctx, id, {}, true);
    if (json.problem) return [json.problem];
    const texts = nonAsciiStrings(json.body);
    seen += texts.length;
    const broken = texts.filter((t) => t.value.includes("\uFFFD"));
    const findings = broken.map((t) => report(json.exchange, {
      severity: "fail", where: t.pointer, actual: t.value, expected: "valid UTF-8 text",
      message: "the JSON body holds a replacement character: its bytes were not UTF-8" }));
    if (texts.length === 0) return findings;
    const exchange = await sendAccept(ctx, id, "application/xml");
    const xml = readXmlAnswer(exchange, ctx.operation.bodyType);
    if (statusOf(exchange) !== 200 || !xml.ok) return findings;
    for (const text of texts) {
      const actual = valueAtPointer(xml.value, text.pointer);
      if (actual !== text.value) {
        findings.push(report(exchange, { severity: "fail", where: text.pointer,
          actual: excerpt(actual), expected: JSON.stringify(text.value),
          message: "non-ASCII text did not survive in XML" }));
      }
    }
    return findings;
  });
  if (outcome.skip === undefined && seen === 0 && outcome.findings.length === 0) {
    return { findings: [], skip: "no given ticket holds non-ASCII text" };
  }
  return outcome;
}

/** The MEDIA checks by requirement id. */
export const MEDIA_CHECKS: Record<string, Check> = {
  "MEDIA-1": jsonIsLabelled,
  "MEDIA-2": xmlIsWellFormed,
  "MEDIA-3": xmlMatchesJson,
  "MEDIA-4": patchTypesGetJson,
  "MEDIA-5": negotiationHonoured,
  "MEDIA-6": textIsUtf8,
};
