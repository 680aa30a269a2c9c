import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** FK: foreign keys loaded into ExtraFields. */
export default function fkSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("FK: foreign keys loaded into ExtraFields", () => {
    itEachRequirement(bdd, source, "FK");
  });
}

registerWhenStandalone(fkSuite);
