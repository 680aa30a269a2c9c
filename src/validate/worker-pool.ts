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

/** A pool that judges in this thread (`--workers 1`). */
export function inProcessPool(judge: Judge): JudgePool {
  return {
    judge: async (batch) => judgeBatch(judge, batch),
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

/**
 * A pool of `size` worker threads. Each takes one batch at a time; the batch's buffer moves to
 * the worker without a copy. The caller bounds how many batches are in flight.
 */
export function workerPool(size: number, setup: WorkerSetup): JudgePool {
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let failure: unknown;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Pending;
      busy.set(worker, job);
      worker.postMessage(job.batch, [job.batch.bytes.buffer as ArrayBuffer]);
    }
  };
  const failAll = (error: unknown): void => {
    failure ??= error;
    for (const job of [...busy.values(), ...queue.splice(0)]) job.reject(error);
    busy.clear();
  };

  const workers = Array.from({ length: size }, () => {
    const worker = startWorker(setup);
    worker.on("message", (verdict: BatchVerdict) => {
      busy.get(worker)?.resolve(verdict);
      busy.delete(worker);
      idle.push(worker);
      dispatch();
    });
    worker.on("error", failAll);
    idle.push(worker);
    return worker;
  });
  log("started %d validation workers", size);

  return {
    judge: (batch) =>
      new Promise<BatchVerdict>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        queue.push({ batch, resolve, reject });
        dispatch();
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
