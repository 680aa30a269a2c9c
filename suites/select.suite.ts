import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** SELECT: $select against the full answer. */
export default function selectSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("SELECT: $select against the full answer", () => {
    itEachRequirement(bdd, source, "SELECT");
  });
}

registerWhenStandalone(selectSuite);
