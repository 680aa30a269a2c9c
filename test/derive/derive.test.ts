import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { OpenAPIV3 } from "openapi-types";
import {
  compareWithOfficial, deriveSchemas, officialSchemas, type OfficialDocument,
} from "../../src/derive/index.js";
import { loadSpec } from "../../src/markdown/index.js";
import { PUBLISHED_DIR } from "../helpers/published.js";
import { captureIo, copyCheckout, ROOT } from "../markdown/helpers.js";

const REFERENCE = join(PUBLISHED_DIR, "reference");
const operation = loadSpec(join(ROOT, "spec"));
const derived = deriveSchemas(operation);

function readReference(name: string): OfficialDocument | undefined {
  const file = join(REFERENCE, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as OfficialDocument) : undefined;
}

describe("deriveSchemas", () => {
  it("writes one schema per type, with $id, title and 2-space JSON plus a newline", () => {
    expect(derived.map((schema) => schema.file)).to.have.length(17).and.include("TicketEntityWithLinks.schema.json");
    for (const { file, schema, text } of derived) {
      expect(schema.$id).to.equal(`https://so-webapi-conformance.example/schemas/${file}`);
      expect(text).to.equal(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  it("maps each page type as servers send it, every property nullable, no others allowed", () => {
    const carrier = derived.find((schema) => schema.typeName === "TicketEntityWithLinks")?.schema as {
      properties: Record<string, Record<string, unknown>>;
      additionalProperties: unknown;
      required?: unknown;
    };
    expect(carrier.additionalProperties).to.equal(false);
    expect(carrier.required).to.equal(undefined);
    expect(carrier.properties.TicketId).to.deep.include({
      type: ["integer", "null"], minimum: -2147483648, maximum: 2147483647,
      "x-so-place": "spec/v1TicketEntity_GetTicketEntity.md:67",
    });
    expect(carrier.properties.HasAttachment).to.deep.include({ type: ["boolean", "null"] });
    expect(carrier.properties.Slevel).to.deep.include({ enum: ["Unknown", "Internal", "External", null] });
    expect(carrier.properties.Category).to.deep.include({
      anyOf: [{ $ref: "TicketCategoryEntity.schema.json" }, { type: "null" }],
    });
    expect(carrier.properties.SecondaryPersons).to.deep.include({
      type: ["array", "null"], items: { "x-so-type": "Person", $ref: "Person.schema.json" },
    });
    expect(carrier.properties.ExtraFields).to.deep.include({
      type: ["object", "null"], additionalProperties: { "x-so-type": "string", type: ["string", "null"] },
    });
    expect(carrier.properties.CreatedAt?.pattern).to.be.a("string");
    expect(carrier.properties.CreatedAt?.format).to.equal(undefined);
  });
});

describe("derive --check", () => {
  it("passes on the committed schemas", async () => {
    const io = captureIo();
    expect(await main(["node", "so-conformance", "derive", "--check"], io)).to.equal(0);
    expect(io.stdout()).to.equal("derive --check: 17 schemas in schemas match spec\n");
  });

  describe("on a temp copy", () => {
    let checkout: ReturnType<typeof copyCheckout>;
    beforeEach(() => (checkout = copyCheckout()));
    afterEach(() => checkout.remove());

    it("fails with exit 1 naming the drifted file after a spec page changes", async () => {
      checkout.edit("spec/types/Tag.md", "| ToolTip | string |", "| ToolTip | int32 |");
      const io = captureIo(checkout.dir);
      expect(await main(["node", "so-conformance", "derive", "--check"], io)).to.equal(1);
      expect(io.stderr()).to.equal(
        "schemas/Tag.schema.json: differs from a fresh derivation\n" +
          "derive --check: schemas are out of date; run `so-conformance derive` and commit\n",
      );
    });

    it("names missing and extra files, and `derive` brings them back in sync", async () => {
      checkout.edit("spec/types/Tag.md", "title: Tag", "title: Tag ");
      const { rmSync, writeFileSync } = await import("node:fs");
      rmSync(join(checkout.dir, "schemas/Sale.schema.json"));
      writeFileSync(join(checkout.dir, "schemas/Old.schema.json"), "{}\n");
      const io = captureIo(checkout.dir);
      expect(await main(["node", "so-conformance", "derive", "--check"], io)).to.equal(1);
      expect(io.stderr()).to.include("schemas/Sale.schema.json: missing\n");
      expect(io.stderr()).to.include("schemas/Old.schema.json: not derived from spec (extra)\n");
      expect(await main(["node", "so-conformance", "derive"], captureIo(checkout.dir))).to.equal(0);
      expect(await main(["node", "so-conformance", "derive", "--check"], captureIo(checkout.dir))).to.equal(0);
    });
  });
});

describe("the derived schemas against the official OpenAPI files", () => {
  it("cover every type, property and enum of the 2026 OpenAPI file", function () {
    const official = readReference("openapi3-2026-ticket-get-subset.json");
    if (!official) this.skip(); // the reference file lives outside the project (not shipped)
    // Date-times compare equal (pattern vs format: date-time) and nullability is ours by design;
    // see compareWithOfficial. Nothing else may differ.
    expect(compareWithOfficial(derived, official)).to.deep.equal([]);
  });

  it("notices a difference when one exists (the comparison can fail)", function () {
    const official = readReference("openapi3-2026-ticket-get-subset.json");
    if (!official) this.skip();
    const changed = structuredClone(official) as OpenAPIV3.Document;
    const tag = changed.components!.schemas!["SuperOffice.CRM.Services.Tag"] as OpenAPIV3.SchemaObject;
    tag.properties!.Id = { type: "integer", format: "int64" };
    tag.properties!.Extra = { type: "string" };
    expect(compareWithOfficial(derived, changed)).to.deep.equal([
      "Tag.Id: derived `integer/int32`, official `integer/int64`",
      "Tag.Extra: declared officially, not derived",
    ]);
  });

  it("lists what the 2021 Swagger file lacks of the 2026 contract (informational)", function () {
    const old = readReference("swagger-2021-ticket-get-subset.json");
    const current = readReference("openapi3-2026-ticket-get-subset.json");
    if (!old || !current) this.skip();
    const before = officialSchemas(old);
    const after = officialSchemas(current);
    const lacking = Object.entries(after).flatMap(([name, schema]) => {
      const properties = Object.keys((schema.properties ?? {}) as object);
      const known = Object.keys((before[name]?.properties ?? {}) as object);
      if (!before[name]) return [`${name} (whole type)`];
      return properties.filter((property) => !known.includes(property)).map((property) => `${name}.${property}`);
    });
    expect(Object.keys((before.TicketEntityWithLinks?.properties ?? {}) as object)).to.have.length(47);
    expect(lacking.filter((entry) => entry.startsWith("TicketEntityWithLinks."))).to.deep.equal([
      "FirstReadByOwner", "TimeSpent", "Language", "Sentiment", "SentimentConfidence",
      "SuggestedCategoryId", "SuggestedCategoryName", "OrigHumanCategoryId", "IconHint", "Sale",
      "Project", "FormSubmission", "TicketType", "ActiveStatusMonitorId",
    ].map((property) => `TicketEntityWithLinks.${property}`));
    expect(lacking.filter((entry) => entry.endsWith("(whole type)"))).to.deep.equal([
      "Project (whole type)", "Sale (whole type)", "TicketFormSubmission (whole type)",
      "TicketMessageHeader (whole type)", "TicketPriorityEscalationLevelEntity (whole type)",
      "TicketType (whole type)",
    ]);
  });
});
