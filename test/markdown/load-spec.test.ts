import { expect } from "chai";
import { publishedFile } from "../helpers/published.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../../src/markdown/index.js";
import { ROOT } from "./helpers.js";

const PAGE = "spec/v1TicketEntity_GetTicketEntity.md";

describe("loadSpec: the reference page and the type pages", () => {
  const operation = loadSpec(join(ROOT, "spec"));

  it("is the published page byte for byte, as spec/SOURCE.md records", function () {
    const published = publishedFile("seed", "v1TicketEntity_GetTicketEntity.md");
    if (!published) return this.skip(); // the page as fetched is kept beside the checkout
    const bytes = readFileSync(join(ROOT, PAGE));
    const seed = readFileSync(published);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(bytes.equals(seed)).to.equal(true);
    expect(operation.source).to.deep.equal({ file: PAGE, sha256 });
    expect(readFileSync(join(ROOT, "spec/SOURCE.md"), "utf8")).to.include(sha256);
  });

  it("reads the request parts from their sections", () => {
    expect(operation).to.include({
      uid: "v1TicketEntity_GetTicketEntity",
      title: "GET Ticket/{id}",
      method: "GET",
      path: "/api/v1/Ticket/{id}",
      summary: "Gets a TicketEntity object.",
      bodyType: "TicketEntityWithLinks",
    });
    expect(operation.pathParts).to.deep.equal([
      {
        name: "id",
        typeText: "int32",
        description: "The id of the TicketEntity to return.",
        required: true,
        place: { file: PAGE, line: 24, column: 3 },
      },
    ]);
    expect(operation.query.map((parameter) => [parameter.name, parameter.typeText, parameter.required]))
      .to.deep.equal([["$select", "string", false], ["fk", "bool", false]]);
    expect(operation.queryExamples?.map((example) => [example.text, example.place.line])).to.deep.equal([
      ["GET /api/v1/Ticket/{id}?$select=name,department,category/id", 35],
      ["GET /api/v1/Ticket/{id}?fk=False", 36],
    ]);
    expect(operation.headers.map((header) => header.name)).to.deep.equal([
      "Authorization", "X-XSRF-TOKEN", "Accept", "Accept-Language", "SO-Language", "SO-Culture",
      "SO-TimeZone", "SO-AppToken",
    ]);
    expect(operation.mediaTypes).to.deep.equal([
      "application/json", "text/json", "application/xml", "text/xml", "application/json-patch+json",
      "application/merge-patch+json",
    ]);
    expect(operation.responses.map(({ status, description, place }) => [status, description, place.line]))
      .to.deep.equal([[200, "TicketEntity found.", 60], [404, "Not Found.", 61]]);
  });

  it("decodes the doubly escaped entities of descriptions", () => {
    const carrier = operation.types.TicketEntityWithLinks;
    const connect = carrier?.properties.find((property) => property.name === "ConnectId");
    expect(connect?.description).to.equal(
      "If a ticket is connected to another ticket, this field is set to the id of the 'master' ticket.",
    );
    const fk = operation.query.find((parameter) => parameter.name === "fk");
    expect(fk?.description).to.include("as 'app.device.keyname'='123' pairs");
  });

  it("keeps both samples with their fence info strings and places", () => {
    expect(operation.sampleRequest?.lang).to.equal("http!");
    expect(operation.sampleRequest?.place).to.deep.equal({ file: PAGE, line: 131, column: 1 });
    expect(operation.sampleRequest?.text.split("\n")[0]).to.equal("GET /api/v1/Ticket/{id}");
    expect(operation.sampleResponse?.lang).to.equal("http_");
    expect(operation.sampleResponse?.text.split("\n")[0]).to.equal("HTTP/1.1 200 TicketEntity found.");
  });

  it("holds the carrier and every nested type, sorted by name", () => {
    expect(Object.keys(operation.types)).to.deep.equal([
      "Associate", "FieldProperty", "FieldRight", "Person", "Project", "Sale", "TableRight", "Tag",
      "TicketCategoryEntity", "TicketEntityWithLinks", "TicketFormSubmission", "TicketMessage",
      "TicketMessageHeader", "TicketPriorityEntity", "TicketPriorityEscalationLevelEntity",
      "TicketStatusEntity", "TicketType",
    ]);
    expect(operation.types.TicketEntityWithLinks?.properties).to.have.length(61);
    expect(operation.types.Person?.properties).to.have.length(43);
  });

  it("applies the refinement: enums, item types and map value types replace the coarse ones", () => {
    const carrier = operation.types.TicketEntityWithLinks;
    const typeOf = (name: string) => carrier?.properties.find((property) => property.name === name);
    expect(typeOf("Origin")?.type).to.deep.include({ kind: "enum" });
    expect(typeOf("SecondaryPersons")?.type).to.deep.equal({ kind: "array", items: { kind: "ref", name: "Person" } });
    expect(typeOf("FieldProperties")?.type).to.deep.equal({ kind: "map", values: { kind: "ref", name: "FieldProperty" } });
    expect(typeOf("_Links")?.type).to.deep.equal({ kind: "map", values: { kind: "scalar", name: "string" } });
    // The published description stays; the place moves to where the precise type is written.
    expect(typeOf("Slevel")?.description).to.equal("The securitylevel of the ticket.");
    expect(typeOf("Slevel")?.place).to.deep.equal({ file: "spec/types/TicketEntityWithLinks.md", line: 16, column: 3 });
    expect(typeOf("TicketId")?.place).to.deep.equal({ file: PAGE, line: 67, column: 3 });
  });
});
