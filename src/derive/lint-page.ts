import type { Operation, Place, TypeModel } from "../model/operation.js";
import { readSample, type SampleMessage } from "./sample-http.js";
import { walkTyped, type TypedValue } from "./typed-walk.js";

/** One place where the page disagrees with itself. */
export interface PageIssue {
  /** A short stable name of the rule, e.g. `select-example-name`. */
  rule: string;
  place: Place;
  /** A JSON pointer into the sample response, when the issue is about a value there. */
  pointer?: string;
  message: string;
}

/** The part of BodyValidators the lint needs (kept structural: derive sits above validate). */
export interface BodyChecker {
  validate(
    typeName: string,
    body: unknown,
    profile: "lenient" | "strict",
  ): Array<{ pointer: string; message: string; allowed: string }>;
}

interface LintContext {
  operation: Operation;
  carrier: TypeModel;
  request?: SampleMessage;
  response?: SampleMessage;
  values: TypedValue[];
  validators: BodyChecker;
  pageText?: string;
}

type Rule = (context: LintContext) => PageIssue[];

/** Properties the page describes as happening after the ticket was created. */
const AFTER_CREATION = [
  "LastChanged",
  "ReadByOwner",
  "ReadByCustomer",
  "FirstReadByOwner",
  "FirstReadByUser",
  "ClosedAt",
  "RepliedAt",
];

/** Each rule reads the page one way; together they list where it contradicts itself. */
const RULES: ReadonlyArray<Rule> = [
  doubleEscapedEntities,
  selectNames,
  sampleRequestPath,
  sampleRequestAccept,
  statusLine,
  sampleAgainstSchema,
  emptyItems,
  duplicateItems,
  fieldPropertyKeys,
  offsetsWithoutTimeZone,
  eventsBeforeCreation,
  messageCount,
  linksTarget,
];

/**
 * Lists every place where the page disagrees with itself: its examples, samples and tables
 * against each other and against the schema derived from it. `pageText` (the page's bytes as
 * text) enables the checks that need the raw Markdown.
 */
export function lintPage(
  operation: Operation,
  validators: BodyChecker,
  pageText?: string,
): PageIssue[] {
  const carrier = operation.types[operation.bodyType] as TypeModel;
  const request = operation.sampleRequest ? readSample(operation.sampleRequest) : undefined;
  const response = operation.sampleResponse ? readSample(operation.sampleResponse) : undefined;
  const body = response?.body;
  const values = body === undefined ? [] : walkTyped(operation, body, carrier.name);
  const context: LintContext = {
    operation,
    carrier,
    values,
    validators,
    ...(request ? { request } : {}),
    ...(response ? { response } : {}),
    ...(pageText === undefined ? {} : { pageText }),
  };
  return RULES.flatMap((rule) => rule(context));
}

function doubleEscapedEntities({ operation, pageText }: LintContext): PageIssue[] {
  if (pageText === undefined) return [];
  const issues: PageIssue[] = [];
  pageText.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(/&amp;([a-z]+|#[0-9]+);/g)) {
      issues.push({
        rule: "double-escaped-entity",
        place: { file: operation.source.file, line: index + 1, column: (match.index ?? 0) + 1 },
        message:
          `\`${match[0]}\` is escaped twice; it renders as \`&${match[1]};\`, ` +
          "not as the character",
      });
    }
  });
  return issues;
}

function selectNames({ operation, carrier }: LintContext): PageIssue[] {
  const select = operation.query.find((parameter) => parameter.name === "$select");
  const lists: Array<{ names: string[]; place: Place; where: string }> = [];
  for (const example of operation.queryExamples ?? []) {
    const match = /[?&]\$select=([^&\s]*)/.exec(example.text);
    if (match?.[1]) {
      lists.push({ names: match[1].split(","), place: example.place, where: "example" });
    }
  }
  const quoted = select ? /"([^"]+)"/.exec(select.description) : null;
  if (select && quoted?.[1]) {
    lists.push({ names: quoted[1].split(","), place: select.place, where: "description" });
  }
  return lists.flatMap(({ names, place, where }) =>
    names.flatMap((name) => {
      const problem = unknownSelectPath(operation, carrier, name.trim());
      if (!problem) return [];
      const message = `the $select ${where} names \`${name.trim()}\`: ${problem}`;
      return [{ rule: "select-name", place, message }];
    }),
  );
}

/** Why a `$select` path names nothing, or undefined when every segment is a property. */
function unknownSelectPath(
  operation: Operation,
  carrier: TypeModel,
  path: string,
): string | undefined {
  let type: TypeModel | undefined = carrier;
  for (const segment of path.split("/")) {
    const wanted = segment.toLowerCase();
    const property: TypeModel["properties"][number] | undefined = type?.properties.find(
      (candidate) => candidate.name.toLowerCase() === wanted,
    );
    if (!type || !property) {
      return `\`${segment}\` is not a property of ${type?.name ?? "a scalar"}`;
    }
    type = property.type.kind === "ref" ? operation.types[property.type.name] : undefined;
  }
  return undefined;
}

function sampleRequestPath({ operation, request }: LintContext): PageIssue[] {
  if (!request || !/\{[^}]+\}/.test(request.startLine)) return [];
  return [{
    rule: "sample-request-template",
    place: request.place,
    message:
      `the sample request \`${request.startLine}\` sends the template ` +
      `\`${operation.path}\` instead of an id`,
  }];
}

function sampleRequestAccept({ operation, request }: LintContext): PageIssue[] {
  const accept = request?.headers.get("accept");
  if (!accept || operation.mediaTypes.includes(accept.value)) return [];
  return [{
    rule: "sample-request-accept",
    place: accept.place,
    message: `the sample request sends \`Accept: ${accept.value}\`; the Accept row lists ` +
      `${operation.mediaTypes.map((type) => `\`${type}\``).join(", ")} without parameters ` +
      `(a charset belongs to Content-Type)`,
  }];
}

function statusLine({ response }: LintContext): PageIssue[] {
  const match = response ? /^HTTP\/[0-9.]+ ([0-9]{3}) ?(.*)$/.exec(response.startLine) : null;
  if (!response || !match || match[2] === "OK" || match[1] !== "200") return [];
  return [{
    rule: "status-line",
    place: response.place,
    message: `the sample status line \`${response.startLine}\` carries the response description ` +
      `as its reason phrase; a 200 answer says \`OK\``,
  }];
}

function sampleAgainstSchema({ carrier, response, validators }: LintContext): PageIssue[] {
  if (response?.body === undefined) return [];
  return validators.validate(carrier.name, response.body, "strict").map((violation) => ({
    rule: "sample-schema",
    place: response.placeOf(violation.pointer),
    pointer: violation.pointer,
    message: `the sample response breaks the page's own table: ${violation.message} ` +
      `(allowed: ${violation.allowed})`,
  }));
}

function emptyItems({ response, values, operation }: LintContext): PageIssue[] {
  return values
    .filter(({ value, type }) => type.kind === "ref" && isEmptyObject(value))
    .map(({ pointer, type }) => {
      const name = type.kind === "ref" ? type.name : "";
      const count = operation.types[name]?.properties.length ?? 0;
      return {
        rule: "empty-object",
        place: (response as SampleMessage).placeOf(pointer),
        pointer,
        message: `the sample shows \`{}\` for a ${name}, which documents ${count} properties`,
      };
    });
}

function duplicateItems({ response, values }: LintContext): PageIssue[] {
  return values
    .filter(({ value, type }) => type.kind === "array" && Array.isArray(value))
    .flatMap(({ pointer, value }) =>
      (value as unknown[]).flatMap((item, index, items) => {
        const first = items.findIndex((other) => JSON.stringify(other) === JSON.stringify(item));
        if (first === index || isEmptyObject(item)) return [];
        return [{
          rule: "duplicate-item",
          place: (response as SampleMessage).placeOf(`${pointer}/${index}`),
          pointer: `${pointer}/${index}`,
          message: `the sample repeats item ${first} of \`${pointer}\` verbatim (same id)`,
        }];
      }),
    );
}

function fieldPropertyKeys({ response, values, operation }: LintContext): PageIssue[] {
  return values
    .filter(({ pointer, owner }) => owner !== undefined && pointer.endsWith("/FieldProperties"))
    .flatMap(({ pointer, value, owner }) => {
      const documented = operation.types[owner as string]?.properties ?? [];
      const keys = value && typeof value === "object" ? Object.keys(value) : [];
      return keys
        .filter((key) => !documented.some((property) => sameName(property.name, key)))
        .map((key) => ({
          rule: "field-properties-key",
          place: (response as SampleMessage).placeOf(`${pointer}/${key}`),
          pointer: `${pointer}/${key}`,
          message:
            `FieldProperties maps field names to rights, but \`${key}\` ` +
            `is not a field of ${owner}`,
        }));
    });
}

function offsetsWithoutTimeZone({ request, response, values }: LintContext): PageIssue[] {
  if (!request || !response || request.headers.has("so-timezone")) return [];
  return values
    .filter(({ value, type }) =>
      type.kind === "scalar" && type.name === "date-time" && typeof value === "string" &&
      /(Z|[+-][0-9]{2}:?[0-9]{2})$/.test(value))
    .map(({ pointer, value }) => ({
      rule: "offset-without-time-zone",
      place: response.placeOf(pointer),
      pointer,
      message: `\`${String(value)}\` carries an offset, but the sample request sends no ` +
        "`SO-TimeZone` (without it dates are written without an offset)",
    }));
}

function eventsBeforeCreation({ response }: LintContext): PageIssue[] {
  const body = response?.body as Record<string, unknown> | undefined;
  const created = typeof body?.CreatedAt === "string" ? Date.parse(body.CreatedAt) : Number.NaN;
  if (!body || Number.isNaN(created)) return [];
  return AFTER_CREATION.filter((name) => {
    const value = body[name];
    return typeof value === "string" && Date.parse(value) < created;
  }).map((name) => ({
    rule: "event-before-creation",
    place: (response as SampleMessage).placeOf(`/${name}`),
    pointer: `/${name}`,
    message:
      `\`${name}\` (${String(body[name])}) is earlier than ` +
      `\`CreatedAt\` (${String(body.CreatedAt)})`,
  }));
}

function messageCount({ response }: LintContext): PageIssue[] {
  const body = response?.body as Record<string, unknown> | undefined;
  const messages = body?.Messages;
  if (!body || !Array.isArray(messages) || body.NumMessages === messages.length) return [];
  return [{
    rule: "message-count",
    place: (response as SampleMessage).placeOf("/NumMessages"),
    pointer: "/NumMessages",
    message: `\`NumMessages\` is ${String(body.NumMessages)} but \`Messages\` lists ` +
      `${messages.length} (the page says it holds all the ticket's messages)`,
  }];
}

function linksTarget({ response, operation }: LintContext): PageIssue[] {
  const links = (response?.body as Record<string, unknown> | undefined)?._Links;
  if (!links || typeof links !== "object") return [];
  const segments = operation.path.split("/");
  const resource = segments[segments.indexOf("{id}") - 1];
  return Object.entries(links as Record<string, unknown>)
    .filter(([, url]) => typeof url === "string" && !new RegExp(`/${resource}(/|$)`, "i").test(url))
    .map(([name, url]) => ({
      rule: "links-target",
      place: (response as SampleMessage).placeOf(`/_Links/${name}`),
      pointer: `/_Links/${name}`,
      message: `\`_Links.${name}\` points at \`${String(url)}\`, not at a ${resource} resource`,
    }));
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.keys(value).length === 0;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
