import fc from "fast-check";
import { mutatedXmlProperty, referenceXml, xmlishProperty } from "./properties.js";

const SEED = 20_240_602;

describe("fuzz: readXmlBody", function () {
  this.timeout(30_000);
  let bodies: string[];
  before(async () => (bodies = await referenceXml()));

  it("reads or refuses random XML-ish text with a ConformanceError (200 runs)", () => {
    fc.assert(xmlishProperty(), { numRuns: 200, seed: SEED });
  });

  it("reads or refuses mutated reference-server XML with a ConformanceError (200 runs)", () => {
    fc.assert(mutatedXmlProperty(bodies), { numRuns: 200, seed: SEED });
  });
});
