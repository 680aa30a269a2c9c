// One `npm run bench` measurement in a fresh process: `node bench-measure.js <file> <mode> [n]`.
// Plain JavaScript over the built `dist/`, so no loader runs in this process or its workers,
// as for users of the built CLI. Prints one JSON line.
import { createReadStream, statSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { readNdjson } from "../dist/src/validate/corpus/read-ndjson.js";
import { DEFAULT_LIMITS } from "../dist/src/validate/corpus/unit.js";
import { validateCorpus } from "../dist/src/validate/corpus/index.js";
import { readSchemaDocuments } from "../dist/src/validate/load-validators.js";

const MB = 1024 * 1024;
const TYPE = "TicketEntityWithLinks";

/** Lines of an NDJSON file, decoded, through the project's own line reader. */
async function* lines(file) {
  const decoder = new TextDecoder();
  const chunks = createReadStream(file, { highWaterMark: MB });
  for await (const item of readNdjson(chunks, file, DEFAULT_LIMITS, { highWaterBytes: 0 })) {
    if ("bytes" in item) yield decoder.decode(item.bytes);
  }
}

/** The modes, each returning how many bodies it read and found invalid. */
const MODES = {
  floor: async (file) => {
    let bodies = 0;
    for await (const line of lines(file)) if (JSON.parse(line) !== undefined) bodies++;
    return { bodies, invalid: 0 };
  },
  ajv: async (file) => {
    // A plain baseline: ajv's defaults (first error only), compiled when the process starts.
    const ajv = new Ajv2020({ strict: false });
    const documents = readSchemaDocuments();
    for (const document of documents) ajv.addSchema(document);
    const validate = ajv.getSchema(documents.find((d) => d.title === TYPE)?.$id ?? "");
    let bodies = 0;
    let invalid = 0;
    for await (const line of lines(file)) {
      bodies++;
      if (!validate(JSON.parse(line))) invalid++;
    }
    return { bodies, invalid };
  },
  project: async (file, threads) => {
    const options = { typeName: TYPE, profile: "lenient", workers: threads, quiet: true };
    const summary = await validateCorpus([file], options);
    return { bodies: summary.bodies, invalid: summary.invalid };
  },
};

/** Samples RSS every 10 ms; returns a function giving the high-water mark in MB. */
function sampleRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / MB;
  };
}

const [file, mode, threads] = process.argv.slice(2);
const run = MODES[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
const peak = sampleRss();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const { bodies, invalid } = await run(file, threads === undefined ? undefined : Number(threads));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const measurement = {
  seconds,
  // Every thread of the process: this one, workers, and V8's compiler and GC helpers.
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  bytes: statSync(file).size,
  bodies,
  invalid,
  peakRssMb: peak(),
  maxRssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
