import { expect } from "chai";
import { getJson, useServer } from "./helpers.js";

describe("reference server: $select", () => {
  const { server } = useServer();
  let full: Record<string, unknown>;

  before(async () => {
    full = (await getJson(server(), "/api/v1/Ticket/1")).body;
  });

  /** The names of the properties that are not null. */
  const populated = (body: Record<string, unknown>) =>
    Object.keys(body).filter((key) => body[key] !== null);

  it("keeps the named properties and nulls all others, value types and _Links too", async () => {
    const { status, body } = await getJson(server(), "/api/v1/Ticket/1?$select=Title,Priority");
    expect(status).to.equal(200);
    expect(Object.keys(body)).to.deep.equal(Object.keys(full));
    expect(populated(body)).to.deep.equal(["Title", "Priority"]);
    expect(body.Title).to.equal(full.Title);
    expect(body.Priority).to.deep.equal(full.Priority);
    expect(body).to.include({ TicketId: null, _Links: null, TableRight: null, FieldProperties: null,
      CreatedAt: null, HasAttachment: null, AlertLevel: null });
  });

  it("matches names case-insensitively and ignores spaces around commas", async () => {
    const select = encodeURIComponent(" tItLe ,  TICKETID,hasattachment ");
    const { body } = await getJson(server(), `/api/v1/Ticket/1?$select=${select}`);
    expect(populated(body)).to.deep.equal(["TicketId", "Title", "HasAttachment"]);
    expect(body).to.include({ TicketId: 1, HasAttachment: true });
  });

  it("treats an empty $select as all fields", async () => {
    for (const query of ["$select=", "$select=%20", "$select=,"]) {
      const { body } = await getJson(server(), `/api/v1/Ticket/1?${query}`);
      expect(body, query).to.deep.equal(full);
    }
  });

  it("keeps a nested path's parent with only that sub-property populated", async () => {
    const path = "/api/v1/Ticket/1?$select=Category/Name,Messages/Author";
    const { body } = await getJson(server(), path);
    expect(populated(body)).to.deep.equal(["Category", "Messages"]);
    const category = body.Category as Record<string, unknown>;
    expect(populated(category)).to.deep.equal(["Name"]);
    expect(category.Name).to.equal((full.Category as Record<string, unknown>).Name);
    const authors = (body.Messages as Array<Record<string, unknown>>).map(populated);
    expect(authors).to.deep.equal([["Author"], ["Author"], ["Author"]]);
  });

  it("keeps the whole parent when it is named beside one of its paths", async () => {
    const { body } = await getJson(server(), "/api/v1/Ticket/1?$select=category/name,CATEGORY");
    expect(body.Category).to.deep.equal(full.Category);
  });

  it("ignores unknown names", async () => {
    const path = "/api/v1/Ticket/1?$select=Title,department,category/id";
    const { status, body } = await getJson(server(), path);
    expect(status).to.equal(200);
    expect(populated(body)).to.deep.equal(["Title", "Category"]);
    expect(populated(body.Category as Record<string, unknown>)).to.deep.equal([]);
  });

  it("reads the parameter name in any case", async () => {
    const { body } = await getJson(server(), "/api/v1/Ticket/1?$SELECT=Title");
    expect(populated(body)).to.deep.equal(["Title"]);
  });
});
