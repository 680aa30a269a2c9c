import { expect } from "chai";
import { DEFAULT_CREDENTIALS as C } from "../../src/server/index.js";
import { get, rawGet, useServer } from "./helpers.js";

const CHALLENGE = 'Basic realm="SuperOffice Username or Ticket"';
const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;
const SESSION_COOKIE = `${C.session.cookieName}=${C.session.cookieValue}`;

describe("reference server: authentication", () => {
  const { server } = useServer();

  /** Asserts a 401 with the challenge and an error body that holds no ticket data. */
  async function expectRefused(headers: Record<string, string>): Promise<void> {
    const reply = await rawGet(server(), "/api/v1/Ticket/1", headers);
    expect(reply.status, JSON.stringify(headers)).to.equal(401);
    expect(reply.headers["www-authenticate"]).to.equal(CHALLENGE);
    expect(JSON.parse(reply.text)).to.deep.equal({
      Error: true,
      ErrorType: "SoAuthenticationException",
      ErrorMessage: "Authentication required",
      ErrorSource: "SuperOffice.Services.Implementation",
    });
  }

  /** Asserts a 200 carrying ticket 1. */
  async function expectAccepted(headers: Record<string, string>): Promise<void> {
    const reply = await rawGet(server(), "/api/v1/Ticket/1", headers);
    expect(reply.status, JSON.stringify(headers)).to.equal(200);
    expect((JSON.parse(reply.text) as { TicketId: number }).TicketId).to.equal(1);
  }

  it("refuses a request without credentials: 401, the challenge, no ticket data", async () => {
    await expectRefused({});
    const reply = await get(server(), "/api/v1/Ticket/1", {}, { auth: false });
    expect(reply.text).to.not.include("Faktura");
  });

  const accepted: Array<[string, string]> = [
    ["Basic", basic(`${C.basic.user}:${C.basic.password}`)],
    ["basic in lower case", basic(`${C.basic.user}:${C.basic.password}`).replace("Basic", "basic")],
    ["SOTicket", `SOTicket ${C.soTicket}`],
    ["SoTicket as the page spells it", `SoTicket ${C.soTicket}`],
    ["soticket in lower case", `soticket ${C.soTicket}`],
    ["Bearer", `Bearer ${C.bearer}`],
    ["BEARER in upper case", `BEARER ${C.bearer}`],
  ];
  for (const [name, authorization] of accepted) {
    it(`accepts ${name}`, async () => expectAccepted({ authorization }));
  }

  const refused: Array<[string, string]> = [
    ["a wrong Basic password", basic(`${C.basic.user}:wrong`)],
    ["a wrong Basic user", basic(`someone:${C.basic.password}`)],
    ["a Basic token without a colon", basic("conformance")],
    ["a Basic token that is not base64", "Basic ***"],
    ["a wrong SOTicket", "SOTicket 7T:wrong"],
    ["a wrong Bearer token", "Bearer 8A:Cust00000.wrong"],
    ["an unknown scheme", `Negotiate ${C.bearer}`],
    ["a scheme without a token", "Bearer"],
    ["a header with three parts", `Bearer ${C.bearer} extra`],
    ["a token without a scheme", C.bearer],
  ];
  for (const [name, authorization] of refused) {
    it(`refuses ${name} with 401`, async () => expectRefused({ authorization }));
  }

  it("accepts the configured SO-AppToken and changes no data", async () => {
    const authorization = `SOTicket ${C.soTicket}`;
    const plain = await rawGet(server(), "/api/v1/Ticket/1", { authorization });
    const withApp = await rawGet(server(), "/api/v1/Ticket/1", {
      authorization: `SOTicket ${C.soTicket}`,
      "so-apptoken": C.appToken,
    });
    expect(withApp.status).to.equal(200);
    expect(withApp.text).to.equal(plain.text);
  });

  it("refuses a wrong SO-AppToken even with valid credentials", async () => {
    await expectRefused({ authorization: `SOTicket ${C.soTicket}`, "so-apptoken": "not-the-app" });
  });

  it("accepts a session cookie with a matching X-XSRF-TOKEN", async () => {
    await expectAccepted({
      cookie: `${SESSION_COOKIE}; XSRF-TOKEN=${C.session.xsrfToken}`,
      "x-xsrf-token": C.session.xsrfToken,
    });
  });

  it("refuses a session cookie with a mismatched or missing X-XSRF-TOKEN", async () => {
    await expectRefused({
      cookie: `${SESSION_COOKIE}; XSRF-TOKEN=${C.session.xsrfToken}`,
      "x-xsrf-token": "forged",
    });
    await expectRefused({ cookie: `${SESSION_COOKIE}; XSRF-TOKEN=${C.session.xsrfToken}` });
    await expectRefused({ cookie: SESSION_COOKIE, "x-xsrf-token": C.session.xsrfToken });
  });

  it("refuses an unknown session even with matching XSRF tokens", async () => {
    await expectRefused({
      cookie: `${C.session.cookieName}=stale; XSRF-TOKEN=${C.session.xsrfToken}`,
      "x-xsrf-token": C.session.xsrfToken,
    });
  });

  it("answers 401 before revealing whether a ticket exists", async () => {
    const reply = await rawGet(server(), "/api/v1/Ticket/99", {});
    expect(reply.status).to.equal(401);
  });

  it("accepts credentials configured for the server instead of the defaults", async () => {
    const { startReferenceServer } = await import("../../src/server/index.js");
    const credentials = { ...C, bearer: "8A:Cust00000.other" };
    const custom = await startReferenceServer({ config: { credentials } });
    try {
      const authorization = "Bearer 8A:Cust00000.other";
      const ok = await rawGet(custom, "/api/v1/Ticket/1", { authorization });
      const old = await rawGet(custom, "/api/v1/Ticket/1", { authorization: `Bearer ${C.bearer}` });
      expect([ok.status, old.status]).to.deep.equal([200, 401]);
    } finally {
      await custom.close();
    }
  });
});
