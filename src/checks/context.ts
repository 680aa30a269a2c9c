import type { Exchange, RequestSpec } from "../model/exchange.js";
import type { Outcome, Profile } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import type { BodyValidators } from "../validate/index.js";
import type { Requirement } from "./requirements.js";

/** What a check may use: a way to send requests, the documentation, and the run's options. */
export interface CheckContext {
  requirement: Requirement;
  /**
   * Sends one request and records the exchange as evidence of the current requirement. Throws a
   * ConformanceError when no response could be had, so the requirement becomes `error`.
   */
  send(spec: RequestSpec): Promise<Exchange>;
  operation: Operation;
  validators: BodyValidators;
  profile: Profile;
  /** Existing ticket ids; may be empty when none was given. */
  tickets: readonly number[];
  missingTicket: number;
  fkTicket?: number;
  /** Whether the target holds a session cookie and XSRF token. */
  hasSession: boolean;
  /** Every exchange of the run so far, all requirements included (STATUS-5 judges them). */
  runExchanges(): readonly Exchange[];
}

/** A requirement's judgement: exchanges in, findings out. */
export type Check = (ctx: CheckContext) => Promise<Outcome>;
