import { expect } from "chai";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { BASIC, get, rawGet, useServer, type Json } from "./helpers.js";

const JSON_TYPE = "application/json; charset=utf-8";
const XML_NS = "http://schemas.datacontract.org/2004/07/SuperOffice.CRM.Services";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/** Parses XML keeping attributes and text exactly as written. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["Person", "TicketMessage", "Tag", "KeyValueOfstringstring", "dateTime",
    "TicketMessageHeader", "TicketPriorityEscalationLevelEntity"].includes(name),
});

describe("reference server: media types", () => {
  const { server } = useServer();
  let json: string;

  before(async () => {
    json = (await get(server(), "/api/v1/Ticket/1", { accept: "application/json" })).text;
  });

  const cases: Array<[string, string]> = [
    ["application/json", JSON_TYPE],
    ["text/json", "text/json; charset=utf-8"],
    ["application/json-patch+json", JSON_TYPE],
    ["application/merge-patch+json", JSON_TYPE],
    ["*/*", JSON_TYPE],
    ["application/*", JSON_TYPE],
    ["application/json; charset=utf-8", JSON_TYPE],
    ["application/xml;q=0.5, application/json", JSON_TYPE],
    ["application/json;q=0, */*", "text/json; charset=utf-8"],
  ];
  for (const [accept, contentType] of cases) {
    it(`answers Accept: ${accept} with the same JSON as ${contentType}`, async () => {
      const reply = await get(server(), "/api/v1/Ticket/1", { accept });
      expect(reply.status).to.equal(200);
      expect(reply.headers.get("content-type")).to.equal(contentType);
      expect(reply.text).to.equal(json);
    });
  }

  it("answers a request without Accept with JSON", async () => {
    const reply = await rawGet(server(), "/api/v1/Ticket/1", { authorization: BASIC });
    expect(reply.status).to.equal(200);
    expect(reply.headers["content-type"]).to.equal(JSON_TYPE);
    expect(reply.text).to.equal(json);
  });

  const xmlCases: Array<[string, string]> = [
    ["application/xml", "application/xml; charset=utf-8"],
    ["text/xml", "text/xml; charset=utf-8"],
    ["application/xml;q=0.9, application/json;q=0.8", "application/xml; charset=utf-8"],
    ["application/json;q=0, text/json;q=0, */*", "application/xml; charset=utf-8"],
    ["text/html, application/xml;q=0.1", "application/xml; charset=utf-8"],
  ];
  for (const [accept, contentType] of xmlCases) {
    it(`answers Accept: ${accept} with XML as ${contentType}`, async () => {
      const reply = await get(server(), "/api/v1/Ticket/1", { accept });
      expect(reply.status).to.equal(200);
      expect(reply.headers.get("content-type")).to.equal(contentType);
      expect(reply.text).to.match(/^<\?xml version="1.0" encoding="utf-8"\?><TicketEntity /);
    });
  }

  for (const accept of ["text/html", "image/png, text/plain", "application/json;q=0"]) {
    it(`answers the unsupported Accept: ${accept} with 406 and the error object`, async () => {
      const reply = await get(server(), "/api/v1/Ticket/1", { accept });
      expect(reply.status).to.equal(406);
      expect(reply.headers.get("content-type")).to.equal(JSON_TYPE);
      expect(JSON.parse(reply.text)).to.include({ Error: true, ErrorType: "NotAcceptable" });
    });
  }

  it("writes well-formed DataContract XML with the right root, namespaces and i:nil", async () => {
    const reply = await get(server(), "/api/v1/Ticket/2", { accept: "application/xml" });
    expect(XMLValidator.validate(reply.text)).to.equal(true);
    const root = parser.parse(reply.text).TicketEntity as Json;
    expect(root["@xmlns"]).to.equal(XML_NS);
    expect(root["@xmlns:i"]).to.equal(XSI_NS);
    expect(root.TicketId).to.equal("2");
    expect(root.Category).to.deep.equal({ "@i:nil": "true" });
    expect(root.Title).to.equal("");
    expect(root.ClosedAt).to.equal("0001-01-01T00:00:00");
  });

  it("writes maps as key/value pairs and array items named after their type", async () => {
    const reply = await get(server(), "/api/v1/Ticket/1", { accept: "application/xml" });
    const root = parser.parse(reply.text).TicketEntity as Json;
    const body = JSON.parse(json) as Json;
    const personIds = root.SecondaryPersons.Person.map((person: Json) => person.PersonId);
    expect(personIds).to.deep.equal(["22", "24"]);
    expect(root.Messages.TicketMessage[0].MessageHeaders.TicketMessageHeader).to.have.length(3);
    expect(root.Tags.Tag.map((tag: Json) => tag.Name)).to.deep.equal(["VIP", "Faktura"]);
    expect(root.Priority.NonDates.dateTime).to.deep.equal(body.Priority.NonDates);
    expect(root.Priority.EscalationLevels.TicketPriorityEscalationLevelEntity).to.have.length(2);
    const links = Object.fromEntries(
      root._Links.KeyValueOfstringstring.map((pair: Json) => [pair.Key, pair.Value]),
    );
    expect(links).to.deep.equal(body._Links);
    const fieldItem = Object.keys(root.FieldProperties)
      .find((key) => key.startsWith("KeyValueOfstringFieldProperty"));
    expect(fieldItem).to.be.a("string");
    const titleRight = [root.FieldProperties[fieldItem as string]].flat()
      .find((pair: { Key: string }) => pair.Key === "Title");
    expect(titleRight.Value.FieldRight.Mask).to.equal("Update, UIHintMandatory");
    expect(titleRight.Value.FieldLength).to.equal("255");
  });

  it("keeps non-ASCII text byte-exact in JSON and XML", async () => {
    const title = "服务器宕机 🔥🚒 – サーバー障害";
    const jsonReply = await get(server(), "/api/v1/Ticket/12");
    const xmlReply = await get(server(), "/api/v1/Ticket/12", { accept: "application/xml" });
    const encoded = Buffer.from(title, "utf8");
    expect(jsonReply.bytes.includes(Buffer.from(JSON.stringify(title), "utf8"))).to.equal(true);
    const element = Buffer.concat([Buffer.from("<Title>"), encoded, Buffer.from("</Title>")]);
    expect(xmlReply.bytes.includes(element)).to.equal(true);
    const germanXml = (await get(server(), "/api/v1/Ticket/417", { accept: "text/xml" })).text;
    expect(germanXml)
      .to.include("<Title>Straße gesperrt – Lieferung verspätet (Größe XXL)</Title>");
  });

  it("escapes markup in XML text and reads back the same value as JSON", async () => {
    const xml = (await get(server(), "/api/v1/Ticket/5", { accept: "application/xml" })).text;
    const body = JSON.parse((await get(server(), "/api/v1/Ticket/5")).text) as Json;
    expect(xml).to.include("<Title>Order \"A&amp;B\" &lt;urgent&gt;</Title>");
    const parsed = new XMLParser({ processEntities: true, parseTagValue: false }).parse(xml);
    expect(parsed.TicketEntity.Title).to.equal(body.Title);
  });

  it("answers errors in XML when XML was asked for", async () => {
    const reply = await get(server(), "/api/v1/Ticket/99", { accept: "application/xml" });
    expect(reply.status).to.equal(404);
    expect(reply.headers.get("content-type")).to.equal("application/xml; charset=utf-8");
    const error = parser.parse(reply.text).Error as Record<string, string>;
    expect(error).to.include({
      Error: "true",
      ErrorType: "SoNotFoundException",
      ErrorMessage: "Ticket id 99 not found",
    });
  });
});
