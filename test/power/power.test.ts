import { expect } from "chai";
import { loadSpec } from "../../src/markdown/index.js";
import { FAITHFUL, FAULTY, runVariant } from "../../src/power/index.js";
import { REQUIREMENTS } from "../../src/checks/requirements.js";
import { loadValidators } from "../../src/validate/index.js";

describe("the suite's power over server variants", function () {
  this.timeout(120_000);
  const spec = { operation: loadSpec(), validators: loadValidators() };

  it("has at least 30 faulty and 10 faithful variants, with unique names", () => {
    expect(FAULTY.length).to.be.at.least(30);
    expect(FAITHFUL.length).to.be.at.least(10);
    const names = [...FAULTY, ...FAITHFUL].map((variant) => variant.name);
    expect(new Set(names).size).to.equal(names.length);
  });

  it("names a real requirement for every faulty variant, and covers every requirement", () => {
    const ids = REQUIREMENTS.map((requirement) => requirement.id);
    const named = FAULTY.map((variant) => variant.catches);
    expect(named.filter((id) => !ids.includes(id ?? ""))).to.deep.equal([]);
    // STATUS-5 judges the run as a whole; the 500s of other variants show it failing.
    expect(ids.filter((id) => !named.includes(id) && id !== "STATUS-5")).to.deep.equal([]);
  });

  for (const variant of FAULTY) {
    it(`catches ${variant.name} with ${variant.catches}`, async () => {
      const result = await runVariant(variant, "faulty", spec);
      expect(result.failed, variant.fault).to.include(variant.catches);
    });
  }

  for (const variant of FAITHFUL) {
    it(`passes ${variant.name}`, async () => {
      const result = await runVariant(variant, "faithful", spec);
      expect(result.failed, variant.fault).to.deep.equal([]);
    });
  }
});
