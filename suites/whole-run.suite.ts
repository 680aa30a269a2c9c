import { findRequirement } from "../src/checks/requirements.js";
import { judgeInTest, testTitle, type Bdd, type SuiteSource } from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** STATUS-5 judges every exchange of the run, so this suite runs after all the others. */
export default function wholeRunSuite(bdd: Bdd, source: SuiteSource): void {
  const requirement = findRequirement("STATUS-5");
  if (!requirement || !source.selects(requirement.id)) return;
  bdd.describe("STATUS: every answer of the run", () => {
    bdd.it(testTitle(requirement), async function (this: Mocha.Context) {
      await judgeInTest(this, source, requirement);
    });
  });
}

registerWhenStandalone(wholeRunSuite);
