import { expect } from "chai";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileSchemas } from "../../src/validate/compile-schemas.js";
import { readSchemaDocuments, validatorsFrom } from "../../src/validate/load-validators.js";
import { generateStandaloneModule, loadCompiledSchemas, readSchemaSet, schemasDirOf } from "../../src/validate/standalone/index.js";
import { seedJsonBodies } from "./seed-bodies.js";

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

describe("standalone validators", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "ct-standalone-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("report the same violations as validators compiled at start, under both profiles", async () => {
    const generated = join(dir, "validators.cjs");
    writeFileSync(generated, generateStandaloneModule(readSchemaSet()));
    const standalone = loadCompiledSchemas(schemasDirOf(), generated);
    expect(standalone.source).to.equal("standalone");
    const fromStandalone = validatorsFrom(standalone);
    const fromCompile = validatorsFrom(compileSchemas(readSchemaDocuments()));
    const bodies = (await seedJsonBodies()).flatMap((b) => variants(JSON.parse(b) as Record<string, unknown>));
    let violations = 0;
    for (const body of bodies) {
      for (const profile of ["lenient", "strict"] as const) {
        const expected = fromCompile.validate("TicketEntityWithLinks", body, profile);
        expect(fromStandalone.validate("TicketEntityWithLinks", body, profile)).to.deep.equal(expected);
        violations += expected.length;
      }
    }
    expect(violations).to.be.greaterThan(50);
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
    expect(loadCompiledSchemas(schemas, join(dir, "missing.cjs")).fallbackReason).to.match(/no generated/);
  });
});
