import { findRequirement } from "../src/checks/requirements.js";
import {
  judgeInTest, testTitle, WHOLE_RUN, type Bdd, type SuiteSource,
} from "../src/run/harness.js";
import { registerWhenStandalone } from "../src/run/standalone.js";

/** STATUS-5 and STATUS-6 judge every answer of the run: status codes and durations. */
export default function wholeRunSuite(bdd: Bdd, source: SuiteSource): void {
  const requirements = WHOLE_RUN.map((id) => findRequirement(id))
    .filter((requirement) => requirement !== undefined && source.selects(requirement.id));
  if (requirements.length === 0) return;
  bdd.describe("STATUS: every answer of the run", () => {
    for (const requirement of requirements) {
      bdd.it(testTitle(requirement!), async function (this: Mocha.Context) {
        await judgeInTest(this, source, requirement!);
      });
    }
  });
}

registerWhenStandalone(wholeRunSuite);
