import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** AUTH: credentials, schemes and sessions. */
export default function authSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("AUTH: credentials, schemes and sessions", () => {
    itEachRequirement(bdd, source, "AUTH");
  });
}

registerWhenStandalone(authSuite);
