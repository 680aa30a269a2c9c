import Mocha from "mocha";
import { debuglog } from "node:util";
import { findRequirement } from "../checks/requirements.js";
import type { Target } from "../model/exchange.js";
import type { Profile, Verdict } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import type { BodyValidators } from "../validate/index.js";
import type { Bdd, RegisterSuite, SuiteSource } from "./harness.js";
import { selectRequirements } from "./select-requirements.js";
import { createRunSession, errorVerdict, INTERRUPTED } from "./session.js";
import { importForEngine } from "./standalone.js";

const log = debuglog("ct:run");

/** What the engine reports while it runs. */
/**
 * A ticket id no installation is likely to hold, used as the missing id when none is given.
 * Note: not int32's largest value, which a server testing its own range may well hold.
 */
export const UNLIKELY_TICKET = 2147483646;

export type ProgressEvent =
  | { type: "start"; total: number }
  | { type: "requirement-start"; id: string; index: number; total: number }
  | { type: "requirement-end"; verdict: Verdict; index: number; total: number };

/** What a run needs: the target, the documentation, the options the command line gathered. */
export interface RunOptions {
  target: Target;
  operation: Operation;
  validators: BodyValidators;
  profile: Profile;
  tickets: number[];
  missingTicket: number;
  fkTicket?: number;
  /** Areas (`SELECT`) or requirement ids (`FK-2`); absent means all. */
  only?: string[];
  /** Aborting stops after the current request; requirements not judged get verdict `error`. */
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

/** How mocha saw each requirement's test: its own account, to hold against the verdicts. */
export type MochaState = "passed" | "failed" | "pending";

/**
 * The suite files in run order. STATUS-5 and STATUS-6 judge every exchange of the run, so
 * their suite is last. Each is imported lazily: a suite module registers itself only under
 * the mocha CLI.
 */
const SUITES: ReadonlyArray<readonly [string, () => Promise<{ default: RegisterSuite }>]> = [
  ["suites/status.suite.ts", () => import("../../suites/status.suite.js")],
  ["suites/schema.suite.ts", () => import("../../suites/schema.suite.js")],
  ["suites/select.suite.ts", () => import("../../suites/select.suite.js")],
  ["suites/fk.suite.ts", () => import("../../suites/fk.suite.js")],
  ["suites/media.suite.ts", () => import("../../suites/media.suite.js")],
  ["suites/lang.suite.ts", () => import("../../suites/lang.suite.js")],
  ["suites/tz.suite.ts", () => import("../../suites/tz.suite.js")],
  ["suites/auth.suite.ts", () => import("../../suites/auth.suite.js")],
  ["suites/whole-run.suite.ts", () => import("../../suites/whole-run.suite.js")],
];

/** A mocha reporter that reports nothing: the engine's verdicts are the report. */
class SilentReporter {
  constructor(_runner: Mocha.Runner) {}
}

/** The requirement id a test title starts with. */
const idOfTitle = (title: string): string => title.split(" ")[0] ?? title;

/**
 * Runs the suites on a fresh Mocha instance and returns the verdicts in catalogue order with
 * mocha's own state per requirement (a test holds the two against each other).
 */
export async function runSuites(given: RunOptions): Promise<{
  verdicts: Verdict[];
  mocha: Map<string, MochaState>;
}> {
  const options = { ...given, onProgress: guarded(given.onProgress) };
  const selected = selectRequirements(options.only);
  const session = createRunSession(options, selected);
  const source: SuiteSource = { session: () => session, selects: (id) => session.selects(id) };
  options.onProgress({ type: "start", total: selected.length });

  const mocha = new Mocha({ reporter: SilentReporter as unknown as Mocha.ReporterConstructor,
    timeout: 0 });
  for (const [file, load] of SUITES) {
    const { default: register } = await importForEngine(load);
    // Note: pre-require fills a fresh object with describe/it bound to this Mocha instance, so
    // cached suite modules register anew on every run without touching the globals.
    const bdd = {} as Bdd;
    mocha.suite.emit("pre-require", bdd, file, mocha);
    register(bdd, source);
  }

  const states = new Map<string, MochaState>();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on("pass", (test) => states.set(idOfTitle(test.title), "passed"));
    runner.on("fail", (test) => states.set(idOfTitle(test.title), "failed"));
    runner.on("pending", (test) => states.set(idOfTitle(test.title), "pending"));
  });
  mocha.dispose();

  const verdicts = selected.map((requirement) => {
    const verdict = session.verdicts.get(requirement.id);
    if (verdict) return verdict;
    const reason = options.signal?.aborted ? INTERRUPTED : "the suite did not reach it";
    return errorVerdict(findRequirement(requirement.id) ?? requirement, reason);
  });
  log("run done: %d verdicts", verdicts.length);
  return { verdicts, mocha: states };
}

/**
 * A progress listener that cannot stop the run. Note: a listener that throws (a console whose
 * reader went away) is logged and the run goes on.
 */
function guarded(listener: RunOptions["onProgress"]): (event: ProgressEvent) => void {
  return (event) => {
    try {
      listener?.(event);
    } catch (error) {
      log("a progress listener failed: %o", error);
    }
  };
}

/** Runs the mocha suites in `suites/` against the target: one verdict per requirement. */
export async function runRequirements(options: RunOptions): Promise<Verdict[]> {
  return (await runSuites(options)).verdicts;
}
