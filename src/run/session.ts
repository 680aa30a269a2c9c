import { debuglog } from "node:util";
import { CHECKS } from "../checks/index.js";
import type { CheckContext } from "../checks/context.js";
import { findRequirement, type Requirement } from "../checks/requirements.js";
import { judgeOutcome } from "../checks/verdict.js";
import {
  ConformanceError, ErrorCodes, isConformanceError, type ErrorCode,
} from "../model/errors.js";
import type { Exchange, RequestSpec } from "../model/exchange.js";
import type { Profile, Verdict } from "../model/finding.js";
import type { RunOptions } from "./engine.js";

const log = debuglog("ct:run");

/** The reason given to requirements that an abort kept from being judged. */
export const INTERRUPTED = "interrupted";

/** One run in progress: judges requirements one at a time and keeps their verdicts. */
export interface RunSession {
  /** Whether the run judges this requirement (`only`). */
  selects(id: string): boolean;
  /** Judges one requirement, records and returns its verdict. */
  judge(id: string): Promise<Verdict>;
  readonly verdicts: ReadonlyMap<string, Verdict>;
  readonly profile: Profile;
}

function errorCodeOf(code: string): ErrorCode {
  return code in ErrorCodes ? (code as ErrorCode) : "ERR_CT_TARGET_UNREACHABLE";
}

/** A verdict of kind `error` for a requirement that could not be judged. */
export function errorVerdict(
  requirement: Requirement,
  reason: string,
  evidence: Exchange[] = [],
): Verdict {
  return {
    id: requirement.id, area: requirement.area, level: requirement.level,
    clause: requirement.clause, statement: requirement.statement,
    verdict: "error", reason, findings: [], evidence, durationMs: 0,
  };
}

/** Starts a run session over the given options and the requirements selected. */
export function createRunSession(
  options: RunOptions,
  selected: readonly Requirement[],
): RunSession {
  const selectedIds = new Set(selected.map((requirement) => requirement.id));
  const verdicts = new Map<string, Verdict>();
  const runExchanges: Exchange[] = [];
  let started = 0;

  const interrupted = () => options.signal?.aborted === true;

  function contextFor(requirement: Requirement, evidence: Exchange[]): CheckContext {
    const ctx: CheckContext = {
      requirement,
      async send(spec: RequestSpec): Promise<Exchange> {
        if (interrupted()) throw new ConformanceError("ERR_CT_INTERRUPTED", INTERRUPTED);
        const label = `${requirement.id}#${evidence.length + 1}`;
        const exchange = await options.target.send(spec, label, options.signal);
        evidence.push(exchange);
        runExchanges.push(exchange);
        if (exchange.error) {
          throw new ConformanceError(errorCodeOf(exchange.error.code), exchange.error.message);
        }
        return exchange;
      },
      operation: options.operation,
      validators: options.validators,
      profile: options.profile,
      tickets: options.tickets,
      missingTicket: options.missingTicket,
      hasSession: options.target.hasSession,
      runExchanges: () => runExchanges,
    };
    if (options.fkTicket !== undefined) ctx.fkTicket = options.fkTicket;
    return ctx;
  }

  async function judge(id: string): Promise<Verdict> {
    const requirement = findRequirement(id);
    const check = CHECKS[id];
    if (!requirement || !check) throw new Error(`no requirement or check named ${id}`);
    const index = started++;
    const total = selectedIds.size;
    options.onProgress?.({ type: "requirement-start", id, index, total });
    const startedAt = Date.now();
    const evidence: Exchange[] = [];
    let verdict: Verdict;
    if (interrupted()) {
      verdict = errorVerdict(requirement, INTERRUPTED);
    } else {
      try {
        const outcome = await check(contextFor(requirement, evidence));
        const judgement = judgeOutcome(outcome, requirement.level, options.profile);
        // Note: a finding may cite another requirement's exchange (STATUS-5): it joins the
        // evidence.
        const cited = new Set(outcome.findings.map((finding) => finding.exchange));
        const borrowed = runExchanges.filter((e) => cited.has(e.id) && !evidence.includes(e));
        verdict = { ...errorVerdict(requirement, ""), ...judgement, findings: outcome.findings,
          evidence: [...evidence, ...borrowed] };
        if (judgement.reason === undefined) delete verdict.reason;
      } catch (error) {
        const reason = isConformanceError(error)
          ? (error.code === "ERR_CT_INTERRUPTED" ? INTERRUPTED : error.message)
          : `the check stopped unexpectedly: ${(error as Error).stack ?? String(error)}`;
        verdict = errorVerdict(requirement, reason, evidence);
      }
    }
    verdict.durationMs = Date.now() - startedAt;
    verdicts.set(id, verdict);
    log("%s %s%s", id, verdict.verdict, verdict.reason ? ` (${verdict.reason})` : "");
    options.onProgress?.({ type: "requirement-end", verdict, index, total });
    return verdict;
  }

  return { selects: (id) => selectedIds.has(id), judge, verdicts, profile: options.profile };
}
