import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** TZ: time zones and instants. */
export default function tzSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("TZ: time zones and instants", () => {
    itEachRequirement(bdd, source, "TZ");
  });
}

registerWhenStandalone(tzSuite);
