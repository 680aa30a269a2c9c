// A validation worker: loads its own validators, then judges each batch it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { judgeBatch, type UnitBatch } from "./corpus/judge.js";
import { validatorsFrom } from "./load-validators.js";
import { loadCompiledSchemas } from "./standalone/load.js";
import type { WorkerSetup } from "./worker-pool.js";

const setup = workerData as WorkerSetup;
const schemas = loadCompiledSchemas(setup.schemasDir, setup.generatedPath);
const judge = { validators: validatorsFrom(schemas), schemas, options: setup };

parentPort?.on("message", (batch: UnitBatch) => {
  parentPort?.postMessage(judgeBatch(judge, batch));
});
