import { loadSpec } from "../../src/markdown/index.js";
import type { Profile, Verdict } from "../../src/model/finding.js";
import type { Operation } from "../../src/model/operation.js";
import { runSuites, type MochaState, type RunOptions } from "../../src/run/engine.js";
import { SEED, startReferenceServer, type Handler } from "../../src/server/index.js";
import { createLiveTarget } from "../../src/target/live.js";
import { DEFAULT_CREDENTIALS } from "../../src/server/index.js";
import { referenceClientCredentials } from "../../src/target/credentials.js";
import { loadValidators, type BodyValidators } from "../../src/validate/index.js";

let operation: Operation | undefined;
let validators: BodyValidators | undefined;

/** The parsed reference page, loaded once per process. */
export function specOperation(): Operation {
  operation ??= loadSpec();
  return operation;
}

/** The compiled validators, loaded once per process. */
export function bodyValidators(): BodyValidators {
  validators ??= loadValidators();
  return validators;
}

/** The run options against a target with the reference server's seed ids. */
export function seedRunOptions(
  target: RunOptions["target"],
  profile: Profile = "lenient",
): RunOptions {
  return {
    target, operation: specOperation(), validators: bodyValidators(), profile,
    tickets: [...SEED.existing], missingTicket: SEED.missing, fkTicket: SEED.fk,
  };
}

/** What a run against a (possibly broken) reference server gave. */
export interface VariantRun {
  verdicts: Verdict[];
  mocha: Map<string, MochaState>;
  byId(id: string): Verdict;
}

/**
 * Starts the reference server (wrapped by `wrap` when given), runs the suites on it and
 * closes it again.
 */
export async function runAgainstReference(options: {
  wrap?: (inner: Handler) => Handler;
  profile?: Profile;
  only?: string[];
  tickets?: number[];
  fkTicket?: number | undefined;
} = {}): Promise<VariantRun> {
  const server = await startReferenceServer({ host: "127.0.0.1", port: 0,
    ...(options.wrap ? { wrap: options.wrap } : {}) });
  const target = createLiveTarget({ root: server.root, kind: "reference",
    credentials: referenceClientCredentials(DEFAULT_CREDENTIALS),
    timeoutMs: 10_000, maxBodyBytes: 5_000_000, insecure: false });
  try {
    const runOptions = seedRunOptions(target, options.profile);
    if (options.only) runOptions.only = options.only;
    if (options.tickets) runOptions.tickets = options.tickets;
    if ("fkTicket" in options) {
      if (options.fkTicket === undefined) delete runOptions.fkTicket;
      else runOptions.fkTicket = options.fkTicket;
    }
    const { verdicts, mocha } = await runSuites(runOptions);
    const byId = (id: string) => {
      const verdict = verdicts.find((v) => v.id === id);
      if (!verdict) throw new Error(`no verdict for ${id}`);
      return verdict;
    };
    return { verdicts, mocha, byId };
  } finally {
    await target.close();
    await server.close();
  }
}
