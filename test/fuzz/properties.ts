import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { findRepoRoot, loadSpec, parsePage } from "../../src/markdown/index.js";
import { isConformanceError } from "../../src/model/errors.js";
import {
  createReferenceHandler, DEFAULT_CREDENTIALS, SEED, type ServerRequest,
} from "../../src/server/index.js";
import { loadValidators, readXmlBody, type BodyValidators } from "../../src/validate/index.js";

const root = findRepoRoot();
const PAGE_NAME = "v1TicketEntity_GetTicketEntity.md";
const PAGE_FILE = `spec/${PAGE_NAME}`;
const PAGE_TEXT = readFileSync(join(root, "spec", PAGE_NAME), "utf8");
const BODY_TYPE = "TicketEntityWithLinks";

/** Where a page error must say it happened: `file:line:column: ` first. */
const PLACED = /^spec\/\S+\.md:\d+:\d+: \S/;

/** Fails the property unless `error` is a ConformanceError whose message passes `check`. */
function expectConformanceError(error: unknown, check: (message: string) => boolean): void {
  if (isConformanceError(error) && check(error.message)) return;
  throw new Error(`expected a ConformanceError, got: ${error instanceof Error
    ? (error.stack ?? error.message) : String(error)}`);
}

/** One way of spoiling a text made of lines. */
type Mutation = (lines: string[]) => string[];

const atIndex = (lines: string[], index: number) => index % Math.max(lines.length, 1);

/** The mutations a page can suffer: lines dropped or doubled, cells swapped, unicode, cuts. */
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at): Mutation => (lines) =>
    lines.filter((_, index) => index !== atIndex(lines, at))),
  fc.nat().map((at): Mutation => (lines) => {
    const index = atIndex(lines, at);
    return [...lines.slice(0, index + 1), ...lines.slice(index)];
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([at, a, b]): Mutation => (lines) => {
    const index = atIndex(lines, at);
    const cells = (lines[index] ?? "").split("|");
    const [i, j] = [a % cells.length, b % cells.length];
    [cells[i], cells[j]] = [cells[j]!, cells[i]!];
    return lines.map((line, n) => (n === index ? cells.join("|") : line));
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: "grapheme", maxLength: 12 }))
    .map(([at, column, text]): Mutation => (lines) => {
      const index = atIndex(lines, at);
      const line = lines[index] ?? "";
      const cut = column % (line.length + 1);
      const spoilt = line.slice(0, cut) + text + line.slice(cut);
      return lines.map((old, n) => (n === index ? spoilt : old));
    }),
  fc.nat().map((at): Mutation => (lines) => {
    const text = lines.join("\n");
    return text.slice(0, at % (text.length + 1)).split("\n");
  }),
  fc.constantFrom("|", "---", "```", "#", "## Response", "| a | b |", "\u0000", "\uFEFF", "\r",
    `${">".repeat(300)} deep`, `${"- ".repeat(100)}deep`)
    .chain((token) => fc.nat().map((at): Mutation => (lines) => {
      const index = atIndex(lines, at);
      return [...lines.slice(0, index), token, ...lines.slice(index)];
    })),
);

/** Text with one to four mutations applied in order. */
function mutated(text: string, separator = "\n"): fc.Arbitrary<string> {
  return fc.array(mutationArb, { minLength: 1, maxLength: 4 })
    .map((mutations) => mutations.reduce((lines, mutate) => mutate(lines), text.split(separator))
      .join(separator));
}

/** A mutated operation page is read into a Page, or refused with `file:line:column: why`. */
export function pageParserProperty() {
  return fc.property(mutated(PAGE_TEXT), (text) => {
    try {
      const page = parsePage(text, PAGE_FILE, "operation");
      if (!page.request || !page.body) throw new Error("a page without request or body type");
    } catch (error) {
      expectConformanceError(error, (message) => PLACED.test(message));
    }
  });
}

/**
 * A mutated operation page in a copy of `spec/` loads into an Operation, or is refused with a
 * ConformanceError whose message starts with where. Returns the property and a cleanup.
 */
export function loadSpecProperty() {
  const dir = mkdtempSync(join(tmpdir(), "ct-fuzz-spec-"));
  cpSync(join(root, "spec"), join(dir, "spec"), { recursive: true });
  const property = fc.property(mutated(PAGE_TEXT), (text) => {
    writeFileSync(join(dir, "spec", PAGE_NAME), text);
    try {
      const operation = loadSpec(join(dir, "spec"));
      if (typeof operation.path !== "string") throw new Error("an Operation without a path");
    } catch (error) {
      expectConformanceError(error, (message) => PLACED.test(message));
    }
  });
  return { property, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The reference server's XML for each seeded ticket. */
export async function referenceXml(): Promise<string[]> {
  const handler = createReferenceHandler({ credentials: DEFAULT_CREDENTIALS });
  const { user, password } = DEFAULT_CREDENTIALS.basic;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const bodies: string[] = [];
  for (const id of [...SEED.existing, SEED.fk]) {
    const request: ServerRequest = {
      method: "GET", url: `/api/v1/Ticket/${id}`,
      headers: { accept: "application/xml", authorization },
    };
    const response = await handler(request);
    bodies.push(response.body.toString());
  }
  return bodies;
}

const XML_NAMES = ["TicketEntity", "TicketEntityWithLinks", "Title", "TicketId", "Person", "Tags",
  "ExtraFields", "KeyValueOfstringstring", "Key", "Value", "a:int", "i:nil", "x", "_Links"];

/** Strings that look like XML: tags from the ticket's names, text, entities, CDATA, junk. */
export const xmlishArb: fc.Arbitrary<string> = fc.array(fc.oneof(
  fc.constantFrom(...XML_NAMES).map((name) => `<${name}>`),
  fc.constantFrom(...XML_NAMES).map((name) => `</${name}>`),
  fc.constantFrom(...XML_NAMES).map((name) => `<${name} i:nil="true"/>`),
  fc.constantFrom("&amp;", "&lt;", "&#x41;", "&#65;", "&#0;", "&#xD800;", "&bogus;", "&",
    "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<!--", "-->", "<!DOCTYPE x>", "<!ENTITY",
    "xmlns:a=\"u\"",
    "\uFEFF", " ", "\n"),
  fc.string({ unit: "grapheme", maxLength: 8 }),
), { maxLength: 40 }).map((parts) => parts.join(""));

/** `readXmlBody` on a text returns a root, a value and problems, or throws ConformanceError. */
function readsOrRefuses(xml: string): void {
  try {
    const read = readXmlBody(xml, BODY_TYPE);
    if (typeof read.root !== "string" || !Array.isArray(read.problems)) {
      throw new Error("readXmlBody returned something that is not an XmlBody");
    }
  } catch (error) {
    expectConformanceError(error, (message) => message.length > 0);
  }
}

/** Random XML-ish text is read or refused, never anything else. */
export function xmlishProperty() {
  return fc.property(xmlishArb, readsOrRefuses);
}

/** Mutated reference-server XML is read or refused, never anything else. */
export function mutatedXmlProperty(bodies: readonly string[]) {
  const arb = fc.constantFrom(...bodies).chain((xml) => fc.oneof(
    mutated(xml, ">"),
    mutated(xml, "<"),
    mutated(xml, "\n"),
  ));
  return fc.property(arb, readsOrRefuses);
}

/** The value a JSON pointer names, or `undefined` with `found` false when it names nothing. */
export function resolvePointer(
  value: unknown, pointer: string,
): { found: boolean; value?: unknown } {
  if (pointer === "") return { found: true, value };
  let current: unknown = value;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof current !== "object" || current === null) return { found: false };
    if (!Object.prototype.hasOwnProperty.call(current, token)) return { found: false };
    current = (current as Record<string, unknown>)[token];
  }
  return { found: true, value: current };
}

/** A real ticket as JSON, from the reference server. */
export async function referenceTicketJson(): Promise<unknown> {
  const handler = createReferenceHandler({ credentials: DEFAULT_CREDENTIALS });
  const { user, password } = DEFAULT_CREDENTIALS.basic;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const response = await handler({ method: "GET", url: `/api/v1/Ticket/${SEED.fk}`,
    headers: { accept: "application/json", authorization } });
  return JSON.parse(response.body.toString()) as unknown;
}

/** Every pointer to a value inside a JSON value, the root included. */
function pointersOf(value: unknown, pointer = ""): string[] {
  if (typeof value !== "object" || value === null) return [pointer];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pointersOf(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`));
  return [pointer, ...children];
}

/** A copy of `value` with the value at `pointer` replaced (the root when the pointer is ""). */
function replaceAt(value: unknown, pointer: string, replacement: unknown): unknown {
  if (pointer === "") return replacement;
  const copy = structuredClone(value);
  const tokens = pointer.slice(1).split("/")
    .map((raw) => raw.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = tokens.pop()!;
  const parent = tokens.reduce(
    (node: unknown, token) => (node as Record<string, unknown>)[token], copy);
  (parent as Record<string, unknown>)[last] = replacement;
  return copy;
}

/** Arrays or objects nested thousands deep, built without recursion. */
export const deepJsonArb: fc.Arbitrary<unknown> = fc.tuple(
  fc.integer({ min: 1_000, max: 50_000 }), fc.constantFrom("array", "Person", "Unknown"),
).map(([depth, shape]) => {
  let value: unknown = shape === "array" ? [] : {};
  for (let level = 0; level < depth; level += 1) {
    value = shape === "array" ? [value] : { [shape]: value };
  }
  return value;
});

/** Random JSON values, and real tickets with random values put in at random places. */
export function jsonBodyArb(ticket: unknown): fc.Arbitrary<unknown> {
  const pointers = pointersOf(ticket);
  const planted = fc.array(fc.tuple(fc.constantFrom(...pointers), fc.jsonValue({ maxDepth: 3 })),
    { minLength: 1, maxLength: 5 })
    .map((plants) => plants.reduce((body, [pointer, value]) => {
      return resolvePointer(body, pointer).found ? replaceAt(body, pointer, value) : body;
    }, ticket));
  return fc.oneof(fc.jsonValue({ maxDepth: 5 }), planted, deepJsonArb);
}

/**
 * `validate` returns an array of violations for any JSON value and never throws, and every
 * violation's pointer names a place in the value.
 */
export function validatorsProperty(ticket: unknown, validators: BodyValidators = loadValidators()) {
  const types = validators.types;
  const profiles = fc.constantFrom("lenient", "strict");
  return fc.property(jsonBodyArb(ticket), fc.constantFrom(...types), profiles,
    (body, type, profile) => {
      const violations = validators.validate(type, body, profile as "lenient" | "strict");
      if (!Array.isArray(violations)) throw new Error("validate did not return an array");
      for (const violation of violations) {
        if (!resolvePointer(body, violation.pointer).found) {
          const pointer = JSON.stringify(violation.pointer);
          throw new Error(`the pointer ${pointer} names nothing in the body`);
        }
      }
    });
}
