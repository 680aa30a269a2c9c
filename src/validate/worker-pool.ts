import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { debuglog } from "node:util";
import { judgeBatch } from "./corpus/judge.js";
import type { BatchVerdict, Judge, JudgeOptions, UnitBatch } from "./corpus/judge.js";

const log = debuglog("ct:validate");

/** What a worker needs to build its own judge: it loads the validators itself. */
export interface WorkerSetup extends JudgeOptions {
  schemasDir?: string;
  generatedPath?: string;
}

/** Judges batches, in this thread or in worker threads. */
export interface JudgePool {
  judge(batch: UnitBatch): Promise<BatchVerdict>;
  close(): Promise<void>;
}

/** Batches sent ahead to each worker, so it starts the next one without waiting for us. */
const BATCHES_PER_WORKER = 2;

/** A batch judged in this thread, as a promise so callers treat every pool alike. */
function judgeHere(judge: Judge, batch: UnitBatch): Promise<BatchVerdict> {
  try {
    return Promise.resolve(judgeBatch(judge, batch));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A pool that judges in this thread (`--workers 1`). */
export function inProcessPool(judge: Judge): JudgePool {
  return {
    judge: (batch) => judgeHere(judge, batch),
    close: async () => undefined,
  };
}

/**
 * Starts a worker on `worker.js` beside this module. Note: under tsx (tests, the benchmark)
 * workers do not inherit its loader, so a tiny bootstrap registers it before importing
 * `worker.ts`.
 */
function startWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./worker.js", import.meta.url), { workerData: setup });
  }
  // Note: `require.resolve` finds the CommonJS build; the ESM one sits beside it.
  const api = createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs");
  const entry = JSON.stringify(new URL("./worker.ts", import.meta.url).href);
  const loader = JSON.stringify(pathToFileURL(api).href);
  const bootstrap =
    `import(${loader}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

interface Pending {
  batch: UnitBatch;
  resolve(verdict: BatchVerdict): void;
  reject(error: unknown): void;
}

/** A worker and the batches it was sent, oldest first (it answers in that order). */
interface Slot {
  worker: Worker;
  sent: Pending[];
}

/** A pool of worker threads that can tell whether one of them would take a batch now. */
interface WorkerPool extends JudgePool {
  hasRoom(): boolean;
}

/**
 * A pool of `size` worker threads. Each holds up to two batches (one judged, one waiting), so
 * it never idles between batches; a batch's buffer moves to its worker without a copy. The
 * caller bounds how many batches are in flight.
 */
export function workerPool(size: number, setup: WorkerSetup): WorkerPool {
  const queue: Pending[] = [];
  let failure: unknown;

  const leastBusy = (): Slot | undefined => {
    const open = slots.filter((slot) => slot.sent.length < BATCHES_PER_WORKER);
    return open.sort((a, b) => a.sent.length - b.sent.length)[0];
  };
  const dispatch = (): void => {
    for (let slot = leastBusy(); slot && queue.length > 0; slot = leastBusy()) {
      const job = queue.shift() as Pending;
      slot.sent.push(job);
      slot.worker.postMessage(job.batch, [job.batch.bytes.buffer as ArrayBuffer]);
    }
  };
  const failAll = (error: unknown): void => {
    failure ??= error;
    const pending = [...slots.flatMap((slot) => slot.sent.splice(0)), ...queue.splice(0)];
    for (const job of pending) job.reject(error);
  };

  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot: Slot = { worker: startWorker(setup), sent: [] };
    slot.worker.on("message", (verdict: BatchVerdict) => {
      slot.sent.shift()?.resolve(verdict);
      dispatch();
    });
    slot.worker.on("error", failAll);
    return slot;
  });
  log("started %d validation workers", size);

  return {
    judge: (batch) =>
      new Promise<BatchVerdict>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        queue.push({ batch, resolve, reject });
        dispatch();
      }),
    hasRoom: () => failure === undefined && queue.length === 0 && leastBusy() !== undefined,
    close: async () => {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * `threads` judging threads: this one and `threads - 1` workers. A batch goes to a worker
 * with room, else it is judged here at once; so this thread, after cutting the input into
 * batches, judges too instead of idling, and judges alone while the workers start.
 */
export function sharedPool(threads: number, setup: WorkerSetup, local: Judge): JudgePool {
  if (threads <= 1) return inProcessPool(local);
  const workers = workerPool(threads - 1, setup);
  return {
    judge: (batch) => (workers.hasRoom() ? workers.judge(batch) : judgeHere(local, batch)),
    close: () => workers.close(),
  };
}
