import { ConformanceError } from "../model/errors.js";

/** The run's abort signal, fed by SIGINT, SIGTERM and the whole-run timeout. */
export interface Interruptions {
  readonly signal: AbortSignal;
  /** Why the run was stopped, once it was. */
  reason(): string | undefined;
  /** Removes the signal handlers and the timer. */
  dispose(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Turns the first SIGINT or SIGTERM, or the end of `runTimeoutMs`, into an abort. A second
 * signal removes the handlers and raises it again, so a run that will not stop can be killed.
 */
export function watchInterruptions(runTimeoutMs: number): Interruptions {
  const controller = new AbortController();
  let why: string | undefined;
  const stop = (reason: string) => {
    if (controller.signal.aborted) return;
    why = reason;
    controller.abort(new ConformanceError("ERR_CT_INTERRUPTED", reason));
  };

  const handlers = SIGNALS.map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) return stop(`interrupted by ${name}`);
      dispose();
      process.kill(process.pid, name);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  const expire = () => stop(`the whole-run timeout of ${runTimeoutMs} ms passed`);
  const timer = setTimeout(expire, runTimeoutMs);
  timer.unref();

  function dispose(): void {
    clearTimeout(timer);
    for (const [name, handler] of handlers) process.off(name, handler);
  }
  return { signal: controller.signal, reason: () => why, dispose };
}
