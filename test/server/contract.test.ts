import { expect } from "chai";
import { readFileSync } from "node:fs";
import { seedTicketIds } from "../../src/server/index.js";
import { publishedFile } from "../helpers/published.js";
import { getJson, useServer, type Json } from "./helpers.js";

/** The official OpenAPI file: read here for its property names and types, never copied. */
const OPENAPI_PATH = publishedFile("reference", "openapi3-2026-ticket-get-subset.json");
const PREFIX = "#/components/schemas/";
const ROOT = "SuperOffice.WebApi.v1.Carriers.TicketCarriers.TicketEntityWithLinks";

interface SchemaNode {
  type?: string;
  format?: string;
  $ref?: string;
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
}

// The official file is kept beside the checkout, not shipped; without it the comparison skips.
type OpenApiFile = { components: { schemas: Record<string, SchemaNode> } };
const schemas = OPENAPI_PATH === undefined
  ? {}
  : (JSON.parse(readFileSync(OPENAPI_PATH, "utf8")) as OpenApiFile).components.schemas;

const TABLE_FLAGS = new Set(["None", "Select", "Update", "UR", "Insert", "RI", "URI", "Delete",
  "UDR", "FULL", "Filtering", "RF", "FI", "RestrictedUpdate", "URU", "WRITE", "Unused1",
  "Uninitialized", "R", "F"]);
const FIELD_FLAGS = new Set(["None", "Read", "Write", "Update", "Unused1", "Unused2", "Unused3",
  "Unused4", "UIHintMandatory", "UIHintReadOnly", "UIHints", "UndefinedValue256", "Nullable"]);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;

/** Resolves a `$ref` to its schema and the short type name. */
function resolve(node: SchemaNode): { name?: string; schema: SchemaNode } {
  if (!node.$ref) return { schema: node };
  const name = node.$ref.slice(PREFIX.length);
  return { name: name.split(".").pop() ?? name, schema: schemas[name] as SchemaNode };
}

/** Collects every disagreement between a value and its schema, with the JSON path. */
function compare(value: unknown, node: SchemaNode, path: string, problems: string[]): void {
  const { name, schema } = resolve(node);
  if (value === null) return;
  if (schema.properties) {
    const object = value as Record<string, unknown>;
    const documented = Object.keys(schema.properties);
    const missing = documented.filter((key) => !(key in object));
    const extra = Object.keys(object).filter((key) => !documented.includes(key));
    if (missing.length) problems.push(`${path}: missing ${missing.join(", ")}`);
    if (extra.length) problems.push(`${path}: undocumented ${extra.join(", ")}`);
    for (const key of documented) {
      compare(object[key], schema.properties[key] as SchemaNode, `${path}.${key}`, problems);
    }
    if (name === "TableRight" || name === "FieldRight") {
      checkMask(object.Mask, name, path, problems);
    }
    return;
  }
  if (schema.type === "array") {
    if (!Array.isArray(value)) return void problems.push(`${path}: not an array`);
    const items = schema.items as SchemaNode;
    value.forEach((item, index) => compare(item, items, `${path}[${index}]`, problems));
    return;
  }
  if (schema.type === "object") {
    if (typeof value !== "object" || Array.isArray(value)) {
      return void problems.push(`${path}: not a map`);
    }
    const values = schema.additionalProperties;
    for (const [key, item] of Object.entries(value as object)) {
      if (values) compare(item, values, `${path}.${key}`, problems);
    }
    return;
  }
  checkScalar(value, schema, path, problems);
}

function checkScalar(value: unknown, schema: SchemaNode, path: string, problems: string[]): void {
  const wrong = (what: string) => problems.push(`${path}: ${JSON.stringify(value)} is not ${what}`);
  if (schema.type === "integer") {
    const n = value as number;
    if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) wrong("int32");
  } else if (schema.type === "number") {
    if (typeof value !== "number") wrong("a number");
  } else if (schema.type === "boolean") {
    if (typeof value !== "boolean") wrong("a boolean");
  } else if (typeof value !== "string") {
    wrong("a string");
  } else if (schema.format === "date-time" && !DATE_TIME.test(value)) {
    wrong("a date-time without offset");
  } else if (schema.enum && !schema.enum.includes(value)) {
    wrong(`one of ${schema.enum.join("|")}`);
  }
}

function checkMask(mask: unknown, name: string, path: string, problems: string[]): void {
  const flags = name === "TableRight" ? TABLE_FLAGS : FIELD_FLAGS;
  const names = String(mask).split(",").map((flag) => flag.trim());
  if (!names.every((flag) => flags.has(flag))) problems.push(`${path}.Mask: ${String(mask)}`);
}

describe("reference server: every seeded ticket against the official OpenAPI file", () => {
  const { server } = useServer();
  const bodies = new Map<number, Record<string, unknown>>();

  before(async () => {
    for (const id of seedTicketIds()) {
      bodies.set(id, (await getJson(server(), `/api/v1/Ticket/${id}`)).body);
    }
  });

  it("seeds at least 20 tickets", () => {
    expect(bodies.size).to.be.at.least(20);
  });

  it("writes every documented property, nested ones included, and none other", function () {
    if (OPENAPI_PATH === undefined) return this.skip();
    const problems: string[] = [];
    for (const [id, body] of bodies) {
      compare(body, { $ref: PREFIX + ROOT }, `Ticket ${id}`, problems);
    }
    expect(problems).to.deep.equal([]);
  });

  it("has each nested carrier populated in some ticket and null in another", () => {
    const nested = ["CreatedBy", "OwnedBy", "Category", "Priority", "Status", "Person", "Sale",
      "Project", "FormSubmission", "TicketType", "TableRight"];
    for (const key of nested) {
      const values = [...bodies.values()].map((body) => body[key]);
      expect(values.some((value) => value === null), `${key} null somewhere`).to.equal(true);
      expect(values.some((value) => value !== null), `${key} set somewhere`).to.equal(true);
    }
    const category = bodies.get(1)?.Category as Record<string, unknown>;
    expect(category.DefaultTicketStatus).to.not.equal(null);
    const lengths = (key: string) =>
      [...bodies.values()].map((body) => (body[key] as unknown[]).length);
    for (const key of ["SecondaryPersons", "Messages", "Tags"]) {
      expect(Math.min(...lengths(key)), `${key} empty somewhere`).to.equal(0);
      expect(Math.max(...lengths(key)), `${key} filled somewhere`).to.be.at.least(1);
    }
  });

  it("carries headers, escalation levels, non-dates, tagged custom fields and rights masks", () => {
    const full = bodies.get(1) as Json;
    expect(full.Messages[0].MessageHeaders).to.have.length(3);
    expect(full.Priority.EscalationLevels).to.have.length(2);
    expect(full.Priority.NonDates).to.deep.equal(["2024-05-17T00:00:00", "2024-12-25T00:00:00"]);
    expect(full.CustomFields).to.include({
      "SuperOffice:1": "[I:3]",
      "SuperOffice:2": "[F:4.43]",
      "SuperOffice:3": "[D:05/05/1999 00:00:00.0000000]",
      "SuperOffice:7:DisplayText": 'NO:"Gull";US:"Gold"',
      x_contract_ref: "000417",
    });
    expect(full.FieldProperties.Title.FieldRight).to.deep.equal({
      Mask: "Update, UIHintMandatory",
      Reason: "[SR_MANDATORY_FIELD_1281]",
    });
    expect(full._Links.Self).to.equal(`${server().root}/v1/Ticket/1`);
  });

  it("writes unset, seven-digit, summer and winter dates in the base zone without offset", () => {
    const full = bodies.get(1) as Record<string, unknown>;
    expect(full).to.include({
      CreatedAt: "2019-12-19T11:55:14",
      LastChanged: "2020-08-19T17:12:16.9553621",
      ClosedAt: "0001-01-01T00:00:00",
      AlertTimeout: "9999-12-31T23:59:59.9999999",
    });
  });
});
