import fc from "fast-check";
import { loadSpecProperty, pageParserProperty } from "./properties.js";

/** Fixed seeds keep the suite's runs repeatable; scripts/fuzz.ts explores with fresh ones. */
const SEED = 20_240_601;

describe("fuzz: mutated reference pages", function () {
  this.timeout(30_000);

  it("parsePage returns a page or throws ConformanceError at file:line:column (200 runs)", () => {
    fc.assert(pageParserProperty(), { numRuns: 200, seed: SEED });
  });

  it("loadSpec returns an Operation or throws ConformanceError at file:line:col (15 runs)", () => {
    const { property, cleanup } = loadSpecProperty();
    try {
      fc.assert(property, { numRuns: 15, seed: SEED });
    } finally {
      cleanup();
    }
  });
});
