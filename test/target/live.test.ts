import { expect } from "chai";
import { isConformanceError } from "../../src/model/errors.js";
import type { Target } from "../../src/model/exchange.js";
import { createLiveTarget, type LiveTargetOptions } from "../../src/target/live.js";
import { closedPort, startTestServer, type TestServer } from "../helpers/http-server.js";

const TOKEN = "dXNlcjpzM2NyZXQtcGFzc3dvcmQ="; // user:s3cret-password
const CREDENTIALS = {
  authorization: `Basic ${TOKEN}`,
  appToken: "app-token-1234",
  session: {
    cookie: "SuperOffice.Session=sess-5678; XSRF-TOKEN=xsrf-9999", xsrfToken: "xsrf-9999",
  },
};

function liveTarget(root: string, overrides: Partial<LiveTargetOptions> = {}): Target {
  return createLiveTarget({ root, credentials: CREDENTIALS, timeoutMs: 2000, maxBodyBytes: 10_000,
    insecure: false, ...overrides });
}

/** Header names a server received, in lower case, without those HTTP itself needs. */
function sentHeaderNames(rawHeaders: string[]): string[] {
  return rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase())
    .filter((name) => name !== "host" && name !== "connection").sort();
}

describe("the live target", () => {
  let server: TestServer;
  let target: Target;
  before(async () => {
    server = await startTestServer((request, response) => {
      if (request.url?.includes("/Ticket/301")) {
        response.writeHead(301, { location: "/api/v1/Ticket/1" }).end();
      } else if (request.url?.includes("/Ticket/999")) {
        response.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(50_000));
      } else if (request.url?.includes("/Ticket/555")) {
        // Never answers: the target must give up.
      } else {
        response.writeHead(200, { "content-type": "application/json; charset=utf-8",
          "set-cookie": "XSRF-TOKEN=xsrf-9999; Path=/" })
          .end(JSON.stringify({ echo: request.headers.authorization,
            app: request.headers["so-apptoken"] }));
      }
    });
    target = liveTarget(`${server.url}/api`);
  });
  after(async () => {
    await target.close();
    await server.close();
  });

  it("sends exactly the headers a check asks for, and nothing the runtime adds", async () => {
    server.received.length = 0;
    const auth = { kind: "none" } as const;
    const spec = { id: "1", headers: { Accept: "application/json" }, auth };
    await target.send(spec, "T-1#1");
    expect(sentHeaderNames(server.received[0]?.rawHeaders ?? [])).to.deep.equal(["accept"]);
  });

  it("sends no Accept-Language and no Accept when the check sends none", async () => {
    server.received.length = 0;
    await target.send({ id: "1", auth: { kind: "none" } }, "T-1#2");
    expect(sentHeaderNames(server.received[0]?.rawHeaders ?? [])).to.deep.equal([]);
  });

  it("adds the given credentials and app token, scheme case as asked", async () => {
    server.received.length = 0;
    await target.send({ id: "1", headers: { "SO-TimeZone": "UTC" },
      auth: { kind: "given", schemeCase: "upper" } }, "T-1#3");
    const received = server.received[0];
    expect(sentHeaderNames(received?.rawHeaders ?? []))
      .to.deep.equal(["authorization", "so-apptoken", "so-timezone"]);
    expect(received?.headers.authorization).to.equal(`BASIC ${TOKEN}`);
  });

  it("sends a well-formed wrong token in the same scheme, and the session on request", async () => {
    server.received.length = 0;
    await target.send({ id: "1", auth: { kind: "wrong" } }, "T-1#4");
    await target.send({ id: "1", auth: { kind: "session", xsrf: "match" } }, "T-1#5");
    await target.send({ id: "1", auth: { kind: "session", xsrf: "mismatch" } }, "T-1#6");
    const [wrong, match, mismatch] = server.received;
    const token = wrong?.headers.authorization?.split(" ")[1] ?? "";
    const decoded = Buffer.from(token, "base64").toString();
    expect(decoded).to.match(/^[^:]+:.+$/).and.not.equal("user:s3cret-password");
    expect(match?.headers.cookie).to.equal(CREDENTIALS.session.cookie);
    expect(match?.headers["x-xsrf-token"]).to.equal("xsrf-9999");
    expect(match?.headers.authorization).to.equal(undefined);
    expect(mismatch?.headers["x-xsrf-token"]).to.not.equal("xsrf-9999");
  });

  it("redacts every credential in the exchange, body echoes and cookies included", async () => {
    const exchange = await target.send({ id: "1", auth: { kind: "given" } }, "T-1#7");
    const text = JSON.stringify(exchange);
    for (const secret of [TOKEN, "s3cret-password", "app-token-1234", "xsrf-9999", "sess-5678"]) {
      expect(text).to.not.include(secret);
    }
    expect(exchange.request.headers.authorization).to.equal("Basic ‹redacted›");
    expect(exchange.response?.headers["set-cookie"]).to.equal("XSRF-TOKEN=‹redacted›; Path=/");
    expect(exchange.id).to.equal("T-1#7");
  });

  it("does not follow a redirect", async () => {
    const exchange = await target.send({ id: "301" }, "T-2#1");
    expect(exchange.response?.status).to.equal(301);
    expect(exchange.response?.headers.location).to.equal("/api/v1/Ticket/1");
  });

  it("stops reading at the size cap and marks the exchange", async () => {
    const exchange = await target.send({ id: "999" }, "T-3#1");
    expect(exchange.response?.truncated).to.equal(true);
    expect(exchange.response?.body.length).to.equal(10_000);
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_TOO_LARGE");
  });

  it("gives up after the timeout with an error exchange", async () => {
    const quick = liveTarget(`${server.url}/api`, { timeoutMs: 150 });
    const exchange = await quick.send({ id: "555" }, "T-4#1");
    await quick.close();
    expect(exchange.response).to.equal(undefined);
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_TIMEOUT");
  });

  it("turns a refused connection into an error exchange", async () => {
    const refused = liveTarget(`http://127.0.0.1:${await closedPort()}/api`);
    const exchange = await refused.send({ id: "1" }, "T-5#1");
    await refused.close();
    expect(exchange.error?.code).to.equal("ERR_CT_TARGET_UNREACHABLE");
    expect(exchange.error?.message).to.include("ECONNREFUSED");
  });

  it("encodes malformed ids and query values but keeps $select readable", async () => {
    const one = await target.send({ id: "", query: [["$select", "Title , TicketId"]] }, "T-6#1");
    const query: Array<[string, string]> = [["$select", "Category/Name"], ["fk", ""]];
    const two = await target.send({ id: "1.5", query }, "T-6#2");
    expect(one.request.url).to.equal(`${server.url}/api/v1/Ticket/?$select=Title%20,%20TicketId`);
    expect(two.request.url).to.equal(`${server.url}/api/v1/Ticket/1.5?$select=Category/Name&fk=`);
  });

  it("refuses plain http to another host when credentials would go along", () => {
    const open = () => liveTarget("http://crm.example.com/api");
    expect(open).to.throw().that.satisfies((e: unknown) =>
      isConformanceError(e) && e.code === "ERR_CT_TARGET_INSECURE" && /--insecure/.test(e.message));
    expect(() => liveTarget("http://crm.example.com/api", { insecure: true })).to.not.throw();
    expect(() => liveTarget("http://crm.example.com/api", { credentials: {} })).to.not.throw();
  });

  it("refuses a root with credentials in its address, which every report would show", () => {
    const open = () => liveTarget("https://ann:s3cret@crm.example.com/api");
    expect(open).to.throw().that.satisfies((e: unknown) => isConformanceError(e)
      && e.code === "ERR_CT_USAGE" && !e.message.includes("s3cret"));
  });
});
