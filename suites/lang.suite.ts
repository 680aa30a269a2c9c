import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** LANG: translation headers. */
export default function langSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("LANG: translation headers", () => {
    itEachRequirement(bdd, source, "LANG");
  });
}

registerWhenStandalone(langSuite);
