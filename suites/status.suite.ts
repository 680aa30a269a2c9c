import { itEachRequirement, WHOLE_RUN, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** STATUS: status codes for existing, missing and malformed ids. */
export default function statusSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("STATUS: status codes for existing, missing and malformed ids", () => {
    itEachRequirement(bdd, source, "STATUS", WHOLE_RUN);
  });
}

registerWhenStandalone(statusSuite);
