import { expect } from "chai";
import { SEED } from "../../src/server/index.js";
import { get, getJson, useServer } from "./helpers.js";

describe("reference server: status codes and error objects", () => {
  const { server } = useServer();

  it("answers 200 with the ticket for every default seed id", async () => {
    for (const id of SEED.existing) {
      const { status, body } = await getJson(server(), `/api/v1/Ticket/${id}`);
      expect(status, `ticket ${id}`).to.equal(200);
      expect(body.TicketId).to.equal(id);
    }
  });

  it("answers 404 with SuperOffice's error object for a missing id", async () => {
    const reply = await get(server(), `/api/v1/Ticket/${SEED.missing}`);
    expect(reply.status).to.equal(404);
    expect(reply.headers.get("content-type")).to.equal("application/json; charset=utf-8");
    expect(JSON.parse(reply.text)).to.deep.equal({
      Error: true,
      ErrorType: "SoNotFoundException",
      ErrorMessage: "Ticket id 99 not found",
      ErrorSource: "SuperOffice.Services.Implementation",
    });
  });

  for (const id of ["abc", "1.5", "-1", "2147483648", "99999999999", "", "%20"]) {
    it(`answers 400 with the error object for the malformed id '${id}'`, async () => {
      const reply = await get(server(), `/api/v1/Ticket/${id}`);
      expect(reply.status).to.equal(400);
      const body = JSON.parse(reply.text) as Record<string, unknown>;
      expect(body).to.include({ Error: true, ErrorType: "SoArgumentException" });
      expect(body.ErrorMessage).to.be.a("string").and.match(/non-negative 32-bit integer/);
    });
  }

  it("serves the largest int32 id and refuses the next one", async () => {
    expect((await get(server(), "/api/v1/Ticket/2147483647")).status).to.equal(200);
    expect((await get(server(), "/api/v1/Ticket/2147483648")).status).to.equal(400);
  });

  it("matches the path case-insensitively, as ASP.NET routes do", async () => {
    const { status, body } = await getJson(server(), "/api/v1/ticket/1");
    expect(status).to.equal(200);
    expect(body.TicketId).to.equal(1);
  });

  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
    it(`answers ${method} on the ticket path with 405 and Allow: GET`, async () => {
      const reply = await get(server(), "/api/v1/Ticket/1", {}, { method });
      expect(reply.status).to.equal(405);
      expect(reply.headers.get("allow")).to.equal("GET");
      expect(JSON.parse(reply.text)).to.include({ Error: true, ErrorType: "MethodNotAllowed" });
    });
  }

  for (const path of ["/", "/api/v1/Contact/1", "/api/v1/Ticket", "/api/v1/Ticket/1/Messages"]) {
    it(`answers 404 for the other path ${path}`, async () => {
      const reply = await get(server(), path);
      expect(reply.status).to.equal(404);
      expect(JSON.parse(reply.text)).to.include({ Error: true, ErrorType: "SoNotFoundException" });
    });
  }
});
