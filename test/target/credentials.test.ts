import { expect } from "chai";
import { authHeaders, describeAuth, wrongAuthorization } from "../../src/target/auth-headers.js";
import { credentialsFromEnv, secretsOf } from "../../src/target/credentials.js";
import { redactHeaders, REDACTED } from "../../src/target/redact.js";

describe("credentials", () => {
  it("come from SO_AUTHORIZATION, SO_APP_TOKEN and SO_XSRF_TOKEN with SO_COOKIE", () => {
    expect(credentialsFromEnv({ SO_AUTHORIZATION: "Bearer 8A:Cust1.abc", SO_APP_TOKEN: "app",
      SO_XSRF_TOKEN: "x1", SO_COOKIE: "s=1; XSRF-TOKEN=x1" })).to.deep.equal({
      authorization: "Bearer 8A:Cust1.abc", appToken: "app",
      session: { cookie: "s=1; XSRF-TOKEN=x1", xsrfToken: "x1" } });
    expect(credentialsFromEnv({ SO_XSRF_TOKEN: "x1" })).to.deep.equal({});
  });

  it("count as secrets whole, by token, and decoded from Basic", () => {
    const token = Buffer.from("anna:hunter22").toString("base64");
    expect(secretsOf({ authorization: `Basic ${token}` }))
      .to.include.members([`Basic ${token}`, token, "anna:hunter22", "hunter22"]);
  });

  it("make a wrong token in the same scheme and shape", () => {
    expect(wrongAuthorization("SOTicket 7T:abc")).to.equal("SOTicket 7T:conformance-wrong-token");
    expect(wrongAuthorization("Bearer 8A:Cust1.x")).to.match(/^Bearer 8A:/);
    expect(wrongAuthorization(undefined)).to.match(/^Basic [A-Za-z0-9+/=]+$/);
  });

  it("turn auth modes into headers, and describe them without secrets", () => {
    const credentials = { authorization: "SOTicket 7T:abc", appToken: "app" };
    expect(authHeaders({ kind: "given", schemeCase: "mixed", appToken: "omit" }, credentials))
      .to.deep.equal({ Authorization: "sOtIcKeT 7T:abc" });
    expect(authHeaders({ kind: "none" }, credentials)).to.deep.equal({});
    expect(authHeaders({ kind: "session", xsrf: "match" }, credentials)).to.deep.equal({});
    expect(describeAuth({ kind: "given" })).to.equal("given:as-is:send");
  });

  it("are redacted from headers, keeping the scheme and cookie names", () => {
    const headers = {
      Authorization: "Bearer 8A:x", Cookie: "a=1; b=2", "X-Echo": "has 8A:x in it",
    };
    expect(redactHeaders(headers, ["8A:x"])).to.deep.equal({
      authorization: `Bearer ${REDACTED}`, cookie: `a=${REDACTED}; b=${REDACTED}`,
      "x-echo": `has ${REDACTED} in it` });
  });
});
