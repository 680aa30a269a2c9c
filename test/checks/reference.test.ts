import { expect } from "chai";
import { REQUIREMENTS } from "../../src/checks/requirements.js";
import type { Profile } from "../../src/model/finding.js";
import { DEFAULT_CREDENTIALS } from "../../src/server/index.js";
import { referenceClientCredentials, secretsOf } from "../../src/target/credentials.js";
import { runAgainstReference, type VariantRun } from "../helpers/run.js";

/** What mocha must have seen for each verdict. */
const MOCHA_FOR_VERDICT = {
  pass: "passed", warn: "passed", skip: "pending", fail: "failed", error: "failed",
};

for (const profile of ["lenient", "strict"] as Profile[]) {
  describe(`the reference server, ${profile} profile`, () => {
    let run: VariantRun;
    before(async () => {
      run = await runAgainstReference({ profile });
    });

    it("judges every requirement of the catalogue, in catalogue order", () => {
      expect(run.verdicts.map((v) => v.id)).to.deep.equal(REQUIREMENTS.map((r) => r.id));
    });

    it("passes every requirement, or skips it with a stated reason", () => {
      const wrong = run.verdicts
        .filter((v) => !(v.verdict === "pass" || (v.verdict === "skip" && v.reason)))
        .map((v) => `${v.id}: ${v.verdict} ${v.reason ?? ""} ${JSON.stringify(v.findings[0])}`);
      expect(wrong).to.deep.equal([]);
    });

    it("keeps each requirement's exchanges as evidence, no credential in them", () => {
      const secrets = secretsOf(referenceClientCredentials(DEFAULT_CREDENTIALS));
      for (const verdict of run.verdicts.filter((v) => v.verdict === "pass")) {
        expect(verdict.evidence, verdict.id).to.not.be.empty;
        const evidence = JSON.stringify(verdict.evidence);
        expect(secrets.filter((secret) => evidence.includes(secret)), verdict.id).to.deep.equal([]);
      }
    });

    it("has mocha agree with every verdict", () => {
      const disagreements = run.verdicts
        .filter((v) => run.mocha.get(v.id) !== MOCHA_FOR_VERDICT[v.verdict])
        .map((v) => `${v.id}: verdict ${v.verdict}, mocha ${run.mocha.get(v.id)}`);
      expect(disagreements).to.deep.equal([]);
    });

    it("lists the statuses the page does not document under STATUS-5, as information", () => {
      const statuses = run.byId("STATUS-5").findings.map((f) => f.actual);
      expect(statuses).to.include.members([400, 401, 406]);
      expect(run.byId("STATUS-5").findings.every((f) => f.severity === "info")).to.equal(true);
    });
  });
}

describe("requirements that cannot be tested", () => {
  it("skips FK-1 with its reason when no --fk-ticket is given, never passes it", async () => {
    const run = await runAgainstReference({ only: ["FK-1"], fkTicket: undefined, tickets: [1, 2] });
    expect(run.byId("FK-1").verdict).to.equal("skip");
    expect(run.byId("FK-1").reason).to.match(/--fk-ticket/);
  });

  it("skips what needs a ticket when none is given", async () => {
    const run = await runAgainstReference({ only: ["STATUS-1", "SCHEMA-1"], tickets: [] });
    expect(run.verdicts.map((v) => [v.verdict, v.reason])).to.deep.equal([
      ["skip", "no existing ticket id was given (--ticket)"],
      ["skip", "no existing ticket id was given (--ticket)"],
    ]);
  });
});
