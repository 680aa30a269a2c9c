import { expect } from "chai";
import type { Area, Finding } from "../model/finding.js";
import { failingFindings } from "../checks/verdict.js";
import { requirementsOf, type Requirement } from "../checks/requirements.js";
import type { RunSession } from "./session.js";

/** The mocha BDD functions a suite registers with (globals standalone, a fresh set per run). */
export interface Bdd {
  describe: Mocha.SuiteFunction;
  it: Mocha.TestFunction;
  before: Mocha.HookFunction;
  after: Mocha.HookFunction;
}

/** Where a suite gets its run: the engine's session, or one opened from the environment. */
export interface SuiteSource {
  session(): RunSession;
  /** Whether the run judges this requirement; decided when the suite registers. */
  selects(id: string): boolean;
}

/** A suite file's registration function. */
export type RegisterSuite = (bdd: Bdd, source: SuiteSource) => void;

/** The title of a requirement's test: its id first, so results map back to verdicts. */
export function testTitle(requirement: Requirement): string {
  return `${requirement.id} [${requirement.level}] ${requirement.statement}`;
}

function describeFinding(finding: Finding): string {
  const where = finding.where === undefined ? "" : ` at ${finding.where}`;
  const actual = finding.actual === undefined ? "" : `: got ${JSON.stringify(finding.actual)}`;
  const expected = finding.expected === undefined ? "" : `, expected ${finding.expected}`;
  return `${finding.message}${where}${actual}${expected} (${finding.exchange ?? "no exchange"})`;
}

/**
 * Judges a requirement inside a mocha test: records the verdict, skips when it is skipped,
 * throws when it could not be judged, and asserts that no finding counts against it.
 */
export async function judgeInTest(
  test: Mocha.Context,
  source: SuiteSource,
  requirement: Requirement,
): Promise<void> {
  const verdict = await source.session().judge(requirement.id);
  if (verdict.verdict === "skip") test.skip();
  if (verdict.verdict === "error") {
    throw new Error(`${requirement.id} could not be judged: ${verdict.reason}`);
  }
  const failing = failingFindings(verdict.findings, requirement.level, source.session().profile);
  expect(failing.map(describeFinding), `${requirement.id}: findings against the requirement`)
    .to.deep.equal([]);
}

/** Requirements that judge every exchange of the run (statuses, durations): they run last. */
export const WHOLE_RUN: readonly string[] = ["STATUS-5", "STATUS-6"];

/** Registers one `it` per selected requirement of an area, except those listed. */
export function itEachRequirement(
  bdd: Bdd,
  source: SuiteSource,
  area: Area,
  except: readonly string[] = [],
): void {
  for (const requirement of requirementsOf(area)) {
    if (except.includes(requirement.id) || !source.selects(requirement.id)) continue;
    bdd.it(testTitle(requirement), async function (this: Mocha.Context) {
      await judgeInTest(this, source, requirement);
    });
  }
}
