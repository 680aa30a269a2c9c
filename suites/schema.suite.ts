import { itEachRequirement, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** SCHEMA: the body against TicketEntityWithLinks. */
export default function schemaSuite(bdd: Bdd, source: SuiteSource): void {
  bdd.describe("SCHEMA: the body against TicketEntityWithLinks", () => {
    itEachRequirement(bdd, source, "SCHEMA");
  });
}

registerWhenStandalone(schemaSuite);
