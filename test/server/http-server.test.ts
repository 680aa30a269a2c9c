import { expect } from "chai";
import { request as httpRequest, Agent } from "node:http";
import { createReferenceHandler, SEED, startReferenceServer } from "../../src/server/index.js";
import type { Handler } from "../../src/server/index.js";
import { BASIC, get, type Json } from "./helpers.js";

describe("reference server: the node:http wrapper", () => {
  it("listens on 127.0.0.1 with an ephemeral port and names its root", async () => {
    const server = await startReferenceServer();
    try {
      expect(server.port).to.be.greaterThan(0);
      expect(server.url).to.equal(`http://127.0.0.1:${server.port}`);
      expect(server.root).to.equal(`${server.url}/api`);
      const body = JSON.parse((await get(server, "/api/v1/Ticket/1")).text) as Json;
      expect(body._Links.Self).to.equal(`${server.root}/v1/Ticket/1`);
    } finally {
      await server.close();
    }
  });

  it("logs one line per request, without credentials", async () => {
    const lines: string[] = [];
    const server = await startReferenceServer({ log: (line) => lines.push(line) });
    try {
      await get(server, "/api/v1/Ticket/1?fk=true");
      await get(server, "/api/v1/Ticket/99");
    } finally {
      await server.close();
    }
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(/^GET \/api\/v1\/Ticket\/1\?fk=true 200 \d+ms$/);
    expect(lines[1]).to.match(/^GET \/api\/v1\/Ticket\/99 404 \d+ms$/);
    expect(lines.join("\n")).to.not.include(BASIC.slice(6));
  });

  it("serves what a wrapper makes of the reference handler, delay included", async () => {
    const wrap = (inner: Handler): Handler => async (request) => {
      const response = await inner(request);
      return { ...response, status: response.status === 200 ? 203 : response.status, delayMs: 5 };
    };
    const server = await startReferenceServer({ wrap });
    try {
      const reply = await get(server, `/api/v1/Ticket/${SEED.existing[0]}`);
      expect(reply.status).to.equal(203);
      expect(JSON.parse(reply.text)).to.have.property("TicketId", SEED.existing[0]);
    } finally {
      await server.close();
    }
  });

  it("turns a failing handler into a 500 with the error object", async () => {
    const server = await startReferenceServer({ wrap: () => () => { throw new Error("boom"); } });
    try {
      const reply = await get(server, "/api/v1/Ticket/1");
      expect(reply.status).to.equal(500);
      expect(JSON.parse(reply.text)).to.include({ Error: true, ErrorType: "SoServerException" });
      expect(reply.text).to.not.include("boom");
    } finally {
      await server.close();
    }
  });

  it("closes cleanly while a keep-alive socket is open", async () => {
    const server = await startReferenceServer();
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      const options = { agent, headers: { authorization: BASIC } };
      const req = httpRequest(`${server.url}/api/v1/Ticket/1`, options, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).to.equal(200);
    await server.close();
    agent.destroy();
    const refused = await fetch(`${server.url}/api/v1/Ticket/1`)
      .then(() => "answered", () => "refused");
    expect(refused).to.equal("refused");
  });

  it("offers the same answers as a pure function", async () => {
    const handler = createReferenceHandler();
    const response = await handler({
      method: "GET",
      url: "/api/v1/Ticket/1?$select=Title",
      headers: { host: "example.test", authorization: BASIC },
    });
    expect(response.status).to.equal(200);
    expect(JSON.parse(String(response.body))).to.include({
      Title: "Fakturaen for æøå-kontoret er feil – «haster»",
      _Links: null,
    });
    const headers = { host: "example.test", authorization: BASIC };
    const self = await handler({ method: "GET", url: "/api/v1/Ticket/1?$select=_Links", headers });
    const links = (JSON.parse(String(self.body)) as Json)._Links;
    expect(links.Self).to.equal("http://example.test/api/v1/Ticket/1");
  });
});
