import type { Target } from "../model/exchange.js";

export interface TargetOptions {
  /** `--target`; absent means the embedded reference server. */
  root?: string;
  record?: string;
  replay?: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  maxBodyBytes: number;
  insecure: boolean;
  /** The suite version, written into cassettes and checked on replay. */
  suiteVersion: string;
}

export interface OpenedTarget {
  target: Target;
  /** Ticket ids to use when the user gave none (the reference server's seed; empty otherwise). */
  defaults: { tickets: number[]; missingTicket?: number; fkTicket?: number };
}

/** Opens the target the flags describe. Throws ConformanceError for bad flags or recordings. */
export function openTarget(_options: TargetOptions): Promise<OpenedTarget> {
  // TODO(not built yet): targets.
  throw new Error("openTarget is not built yet");
}
