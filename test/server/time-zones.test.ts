import { expect } from "chai";
import { getJson, get, useServer } from "./helpers.js";

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;

/** Every date-time string in a body, by JSON path. */
function dates(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return DATE.test(value) ? [[path, value]] : [];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => dates(item, `${path}/${key}`));
  }
  return [];
}

/** The instant a date-time with offset names, to the nanosecond digit: epoch ms plus fraction. */
function instant(text: string): string {
  const match = /^(.{19})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) throw new Error(`no offset: ${text}`);
  const ms = Date.parse(`${match[1]}${match[3]}`);
  return `${ms}.${(match[2] ?? "").padEnd(7, "0")}`;
}

describe("reference server: time zones", () => {
  const { server } = useServer();
  const ticket = (id: number, zone?: string) =>
    getJson(server(), `/api/v1/Ticket/${id}`, zone === undefined ? {} : { "so-timezone": zone });

  it("writes dates in Europe/Oslo without offset when no zone is asked", async () => {
    const { body, reply } = await ticket(1);
    expect(body).to.include({
      CreatedAt: "2019-12-19T11:55:14",
      LastChanged: "2020-08-19T17:12:16.9553621",
      ReadByOwner: "2020-03-29T01:59:59.9999999",
      ReadByCustomer: "2020-03-29T03:00:00",
    });
    expect(dates(body).every(([, text]) => !/(Z|[+-]\d{2}:\d{2})$/.test(text))).to.equal(true);
    expect(reply.headers.get("so-timezone")).to.equal(null);
  });

  it("converts across winter and summer time with includeTZOffset", async () => {
    const expected: Array<[string, string, string]> = [
      ["UTC,includeTZOffset", "2019-12-19T10:55:14Z", "2020-08-19T15:12:16.9553621Z"],
      ["NO,includeTZOffset", "2019-12-19T11:55:14+01:00", "2020-08-19T17:12:16.9553621+02:00"],
      ["US-NY,includeTZOffset", "2019-12-19T05:55:14-05:00", "2020-08-19T11:12:16.9553621-04:00"],
    ];
    for (const [zone, winter, summer] of expected) {
      const { body, reply } = await ticket(1, zone);
      expect([body.CreatedAt, body.LastChanged], zone).to.deep.equal([winter, summer]);
      expect(reply.headers.get("so-timezone")).to.equal(zone);
    }
  });

  it("gives every date an offset and names the same instants in every zone", async () => {
    for (const id of [1, 4, 12, 417]) {
      const utc = dates((await ticket(id, "UTC,includeTZOffset")).body);
      expect(utc.length, `ticket ${id} has dates`).to.be.greaterThan(20);
      const zones = ["NO,includeTZOffset", "US-NY,includeTZOffset", "AU-ACT,includeTZOffset"];
      for (const zone of zones) {
        const other = dates((await ticket(id, zone)).body);
        expect(other.map(([path]) => path)).to.deep.equal(utc.map(([path]) => path));
        other.forEach(([path, text], index) => {
          expect(text, `${zone} ${path}`).to.match(/(Z|[+-]\d{2}:\d{2})$/);
          const same = (utc[index] as [string, string])[1];
          expect(instant(text), `${zone} ${path}`).to.equal(instant(same));
        });
      }
    }
  });

  it("keeps the unset date's form, tagged Z under includeTZOffset", async () => {
    expect((await ticket(1)).body.ClosedAt).to.equal("0001-01-01T00:00:00");
    expect((await ticket(1, "US-NY")).body.ClosedAt).to.equal("0001-01-01T00:00:00");
    const tagged = (await ticket(1, "US-NY,includeTZOffset")).body;
    expect(tagged.ClosedAt).to.equal("0001-01-01T00:00:00Z");
  });

  it("converts without an offset when the flag is absent", async () => {
    const { body } = await ticket(1, "US-NY");
    expect([body.CreatedAt, body.LastChanged])
      .to.deep.equal(["2019-12-19T05:55:14", "2020-08-19T11:12:16.9553621"]);
  });

  it("accepts numeric zone ids", async () => {
    for (const [id, code] of [["1", "UTC"], ["261", "NO"], ["460", "US-NY"]]) {
      const zoned = (zone: string) =>
        get(server(), "/api/v1/Ticket/1", { "so-timezone": `${zone},includeTZOffset` });
      const byId = (await zoned(id as string)).text;
      const byCode = (await zoned(code as string)).text;
      expect(byId, id).to.equal(byCode);
    }
  });

  it("allows spaces after the comma and the flag in any case", async () => {
    const reference = (await ticket(1, "NO,includeTZOffset")).body;
    for (const zone of ["NO, includeTZOffset", "no,INCLUDETZOFFSET", " NO ,  includetzoffset"]) {
      expect((await ticket(1, zone)).body, zone).to.deep.equal(reference);
    }
  });

  it("ignores an unknown zone", async () => {
    const plain = await ticket(1);
    for (const zone of ["Mars/Olympus", "999999", "", "includeTZOffset"]) {
      const { status, body, reply } = await ticket(1, zone);
      expect(status, zone).to.equal(200);
      expect(body, zone).to.deep.equal(plain.body);
      expect(reply.headers.get("so-timezone")).to.equal(null);
    }
  });
});
