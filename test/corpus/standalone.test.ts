import { expect } from "chai";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileSchemas } from "../../src/validate/compile-schemas.js";
import { readSchemaDocuments, validatorsFrom } from "../../src/validate/load-validators.js";
import {
  generateStandaloneModule,
  loadCompiledSchemas,
  readSchemaSet,
  schemasDirOf,
} from "../../src/validate/standalone/index.js";
import { seedJsonBodies } from "./seed-bodies.js";

const TYPE = "TicketEntityWithLinks";

/** Bodies that break the contract in every way the schemas check, and some that do not. */
function variants(ticket: Record<string, unknown>): unknown[] {
  const created = ticket.CreatedBy as Record<string, unknown>;
  return [
    ticket,
    { ...ticket, TicketId: 2147483648 },
    { ...ticket, TicketId: "12" },
    { ...ticket, CreatedAt: "2024-13-01T00:00:00" },
    { ...ticket, Slevel: "Secret", Origin: "API", Undocumented: true },
    { ...ticket, CreatedBy: { ...created, AssociateId: -2147483649, Type: "Robot" } },
    { ...ticket, CreatedBy: "someone" },
    { ...ticket, Messages: [{ TicketMessageId: 1.5 }, "x", null] },
    { ...ticket, Tags: {} },
    [],
    null,
  ];
}

/** Every `pattern` keyword anywhere in a schema document. */
function patternsOf(node: unknown): string[] {
  if (typeof node !== "object" || node === null) return [];
  const own = (node as { pattern?: unknown }).pattern;
  const nested = Object.values(node).flatMap(patternsOf);
  return typeof own === "string" ? [own, ...nested] : nested;
}

describe("standalone validators", () => {
  let dir: string;
  let bodies: unknown[];
  let generated: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ct-standalone-"));
    generated = join(dir, "validators.cjs");
    writeFileSync(generated, generateStandaloneModule(readSchemaSet()));
    const seeds = await seedJsonBodies();
    bodies = seeds.flatMap((b) => variants(JSON.parse(b) as Record<string, unknown>));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("report the same violations as validators compiled at start, under both profiles", () => {
    const standalone = loadCompiledSchemas(schemasDirOf(), generated);
    expect(standalone.source).to.equal("standalone");
    expect(standalone.acceptorFor?.(TYPE)).to.be.a("function");
    const fromStandalone = validatorsFrom(standalone);
    const compiled = compileSchemas(readSchemaDocuments());
    expect(compiled.acceptorFor).to.equal(undefined);
    const fromCompile = validatorsFrom(compiled);
    let violations = 0;
    for (const body of bodies) {
      for (const profile of ["lenient", "strict"] as const) {
        const expected = fromCompile.validate(TYPE, body, profile);
        expect(fromStandalone.validate(TYPE, body, profile)).to.deep.equal(expected);
        violations += expected.length;
      }
    }
    expect(violations).to.be.greaterThan(50);
  });

  it("accept exactly the bodies the detailed ones accept, so the fast path drops none", () => {
    const standalone = loadCompiledSchemas(schemasDirOf(), generated);
    const accept = standalone.acceptorFor?.(TYPE);
    const detailed = standalone.validatorFor(TYPE);
    if (!accept || !detailed) throw new Error("the generated module lacks a validator");
    const verdicts = bodies.map((body) => accept(body));
    expect(verdicts).to.deep.equal(bodies.map((body) => detailed(body)));
    expect(verdicts).to.include(true).and.to.include(false);
    const twice = { ...(bodies[0] as object), TicketId: "12", NumMessages: 2 ** 31 };
    expect([accept(twice), detailed(twice)]).to.deep.equal([false, false]);
    expect(detailed.errors?.length).to.be.at.least(2);
    expect(accept.errors, "the acceptor stops at the first error").to.have.length(1);
  });

  it("keep warnings of a body the acceptor rejects: lenient judges it valid with warnings", () => {
    const standalone = loadCompiledSchemas(schemasDirOf(), generated);
    const warned = bodies.find(
      (body) => (body as { Undocumented?: unknown } | null)?.Undocumented === true,
    );
    expect(standalone.acceptorFor?.(TYPE)?.(warned)).to.equal(false);
    const violations = validatorsFrom(standalone).validate(TYPE, warned, "lenient");
    const keywords = violations.map((v) => `${v.severity} ${v.keyword} ${v.pointer}`);
    expect(keywords).to.include.members([
      "warn additionalProperties /Undocumented",
      "warn enum /Slevel",
    ]);
    expect(violations.every((v) => v.severity === "warn")).to.equal(true);
  });

  it("need no unicode regular expressions: every schema pattern is ASCII", () => {
    const patterns = readSchemaDocuments().flatMap(patternsOf);
    expect(patterns).to.not.be.empty;
    for (const pattern of patterns) expect(pattern).to.match(/^[\x20-\x7e]*$/);
  });

  it("fall back to compiling at start when the schemas changed since generation", () => {
    const schemas = join(dir, "schemas");
    cpSync(schemasDirOf(), schemas, { recursive: true });
    const generated = join(dir, "stale.cjs");
    writeFileSync(generated, generateStandaloneModule(readSchemaSet(schemas)));
    const tag = join(schemas, "Tag.schema.json");
    writeFileSync(tag, readFileSync(tag, "utf8").replace('"Name"', '"Label"'));
    const loaded = loadCompiledSchemas(schemas, generated);
    expect(loaded.source).to.equal("compiled");
    expect(loaded.fallbackReason).to.match(/stale/);
    const missing = loadCompiledSchemas(schemas, join(dir, "missing.cjs"));
    expect(missing.fallbackReason).to.match(/no generated/);
  });

  it("fall back to compiling at start when a generated module lacks the accepting kind", () => {
    const set = readSchemaSet();
    const generated = join(dir, "detailed-only.cjs");
    const code = generateStandaloneModule(set).replace('exports["accept"]', "exports.unused");
    writeFileSync(generated, code);
    const loaded = loadCompiledSchemas(schemasDirOf(), generated);
    expect(loaded.source).to.equal("compiled");
    expect(loaded.fallbackReason).to.match(/lack accept/);
  });
});
