import { expect } from "chai";
import { SEED } from "../../src/server/index.js";
import { get, getJson, useServer } from "./helpers.js";

const FK_KEY = /^[^.]+\.[^.]+\.[^.]+$/;

describe("reference server: fk", () => {
  const { server } = useServer();
  const path = `/api/v1/Ticket/${SEED.fk}`;

  it("adds only app.device.keyname entries with string values to ExtraFields", async () => {
    const plain = (await getJson(server(), path)).body;
    const withKeys = (await getJson(server(), `${path}?fk=true`)).body;
    const before = plain.ExtraFields as Record<string, string>;
    const after = withKeys.ExtraFields as Record<string, string>;
    const added = Object.keys(after).filter((key) => !(key in before));
    expect(added).to.deep.equal([
      "erp.sap.customer_no", "crm.salesforce.account_id", "web.shop.order_ref",
    ]);
    for (const key of added) {
      expect(key).to.match(FK_KEY);
      expect(after[key]).to.be.a("string");
    }
    expect(after["erp.sap.customer_no"]).to.equal("000417");
    expect({ ...withKeys, ExtraFields: null }).to.deep.equal({ ...plain, ExtraFields: null });
  });

  it("gives the same body for fk=false, fk=False, an empty fk= and no fk", async () => {
    const plain = (await get(server(), path)).text;
    for (const query of ["fk=false", "fk=False", "fk=FALSE", "fk="]) {
      expect((await get(server(), `${path}?${query}`)).text, query).to.equal(plain);
    }
    expect(plain).to.not.include("erp.sap.customer_no");
  });

  it("reads True and TRUE as true", async () => {
    const lower = (await get(server(), `${path}?fk=true`)).text;
    for (const query of ["fk=True", "fk=TRUE"]) {
      expect((await get(server(), `${path}?${query}`)).text, query).to.equal(lower);
    }
  });

  it("leaves a ticket without foreign keys unchanged", async () => {
    const plain = (await get(server(), "/api/v1/Ticket/1")).text;
    expect((await get(server(), "/api/v1/Ticket/1?fk=true")).text).to.equal(plain);
  });

  for (const value of ["maybe", "1", "yes", "truee"]) {
    it(`answers fk=${value} with 400 and the error object`, async () => {
      const reply = await get(server(), `${path}?fk=${value}`);
      expect(reply.status).to.equal(400);
      expect(reply.headers.get("content-type")).to.equal("application/json; charset=utf-8");
      const body = JSON.parse(reply.text) as Record<string, unknown>;
      expect(body).to.include({ Error: true, ErrorType: "SoArgumentException" });
      expect(body.ErrorMessage).to.equal(`fk '${value}' is not a boolean: use true or false`);
    });
  }
});
