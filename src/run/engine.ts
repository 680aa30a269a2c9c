import type { Target } from "../model/exchange.js";
import type { Profile, Verdict } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import type { BodyValidators } from "../validate/index.js";

export type ProgressEvent =
  | { type: "start"; total: number }
  | { type: "requirement-start"; id: string; index: number; total: number }
  | { type: "requirement-end"; verdict: Verdict; index: number; total: number };

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

/** Runs the mocha suites in `suites/` against the target and returns one verdict per requirement. */
export function runRequirements(_options: RunOptions): Promise<Verdict[]> {
  // TODO(not built yet): the engine.
  throw new Error("runRequirements is not built yet");
}
