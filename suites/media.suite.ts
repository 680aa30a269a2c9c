import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** MEDIA: content negotiation, JSON and XML. */
export default function mediaSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("MEDIA: content negotiation, JSON and XML", () => {
    itEachRequirement(bdd, source, "MEDIA");
  });
}

registerWhenStandalone(mediaSuite);
