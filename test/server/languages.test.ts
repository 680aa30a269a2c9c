import { expect } from "chai";
import { seedTicketIds } from "../../src/server/index.js";
import { BASIC, get, getJson, rawGet, useServer, type Json } from "./helpers.js";


/** Every string in a JSON value, nested ones included. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Every non-string leaf, by path: what a culture must never change. */
function nonStrings(value: unknown, path = ""): Array<[string, unknown]> {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => nonStrings(item, `${path}/${key}`));
  }
  return typeof value === "string" ? [] : [[path, value]];
}

describe("reference server: languages", () => {
  const { server } = useServer();
  const ticket = (id: number, headers: Record<string, string>) =>
    getJson(server(), `/api/v1/Ticket/${id}`, headers).then((result) => result.body as Json);

  it("leaves multi-language values and resource ids raw without a language header", async () => {
    const reply = await rawGet(server(), "/api/v1/Ticket/1", { authorization: BASIC });
    const body = JSON.parse(reply.text) as Json;
    expect(body.Category.Name).to.equal('NO:"Kundestøtte";US:"Support";GE:"Kundendienst"');
    expect(body.FieldProperties.Title.FieldRight.Reason).to.equal("[SR_MANDATORY_FIELD_1281]");
  });

  it("treats Accept-Language: * as no language", async () => {
    const raw = (await rawGet(server(), "/api/v1/Ticket/1", { authorization: BASIC })).text;
    const star = await get(server(), "/api/v1/Ticket/1", { "accept-language": "*" });
    expect(star.text).to.equal(raw);
  });

  it("resolves every string of every ticket with Accept-Language", async () => {
    for (const id of seedTicketIds()) {
      const leftovers = strings(await ticket(id, { "accept-language": "en" }))
        .filter((text) => /[A-Z]{2}:"/.test(text) || /\[SR_/.test(text));
      expect(leftovers, `ticket ${id}`).to.deep.equal([]);
    }
  });

  it("picks the language of the first tag with a non-zero q-value", async () => {
    const cases: Array<[string, string]> = [
      ["en-US,en;q=0.9", "Support"],
      ["nb-NO", "Kundestøtte"],
      ["no", "Kundestøtte"],
      ["fr;q=0, de", "Kundendienst"],
      ["fi", "Kundestøtte"],
    ];
    for (const [header, name] of cases) {
      expect((await ticket(1, { "accept-language": header })).Category.Name, header).to.equal(name);
    }
  });

  it("replaces resource ids from the language's table, falling back to English", async () => {
    const reason = (body: Json) => body.FieldProperties.Title.FieldRight.Reason as string;
    const english = await ticket(1, { "accept-language": "en" });
    const norwegian = await ticket(1, { "accept-language": "nb" });
    expect(reason(english)).to.equal("This field is mandatory");
    expect(reason(norwegian)).to.equal("Dette feltet er obligatorisk");
    expect((await ticket(1, { "accept-language": "sv" })).Messages[1].Author).to.equal("System");
  });

  it("lets SO-Language override Accept-Language", async () => {
    const body = await ticket(1, { "accept-language": "en", "so-language": "de" });
    expect(body.Category.Name).to.equal("Kundendienst");
    expect(body.Priority.Name).to.equal("Hoch");
  });

  it("turns translation off with SO-Language * or x", async () => {
    const raw = (await rawGet(server(), "/api/v1/Ticket/1", { authorization: BASIC })).text;
    for (const off of ["*", "x"]) {
      const headers = { "accept-language": "en", "so-language": off };
      const reply = await get(server(), "/api/v1/Ticket/1", headers);
      expect(reply.text, off).to.equal(raw);
    }
  });

  it("ignores SO-Culture without a language", async () => {
    const raw = (await rawGet(server(), "/api/v1/Ticket/3", { authorization: BASIC })).text;
    const headers = { authorization: BASIC, "so-culture": "de" };
    const reply = await rawGet(server(), "/api/v1/Ticket/3", headers);
    expect(reply.text).to.equal(raw);
  });

  it("formats numbers inside strings by SO-Culture, not JSON numbers or dates", async () => {
    const english = await ticket(3, { "so-language": "en" });
    const german = await ticket(3, { "so-language": "en", "so-culture": "de" });
    expect(english.Title).to.equal("New request (quota 1,234.5 hours)");
    expect(german.Title).to.equal("New request (quota 1.234,5 hours)");
    expect(nonStrings(german)).to.deep.equal(nonStrings(english));
    expect(german.CreatedAt).to.equal(english.CreatedAt);
  });

  it("translates XML bodies the same way", async () => {
    const headers = { accept: "application/xml", "so-language": "en" };
    const reply = await get(server(), "/api/v1/Ticket/1", headers);
    expect(reply.text).to.include("<Name>Support</Name>");
    expect(reply.text).to.not.match(/\[SR_|[A-Z]{2}:"/);
  });
});
