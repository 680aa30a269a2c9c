/**
 * Longer fuzzing runs of the page parser, the XML reading and the validators than the test
 * suite makes: `node --import tsx scripts/fuzz.ts [--runs N] [--seed S] [--only NAME,…]`.
 * Exits 1 with the counterexample and the seed to replay it when a property fails.
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import {
  loadSpecProperty, mutatedXmlProperty, pageParserProperty, referenceTicketJson, referenceXml,
  validatorsProperty, xmlishProperty,
} from "../test/fuzz/properties.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5000" },
    seed: { type: "string" },
    only: { type: "string" },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs <= 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write("fuzz: --runs and --seed take whole numbers\n");
  process.exit(2);
}

/** Each property by name, and how many of the runs it gets (loading the whole spec is slow). */
const PROPERTIES: Record<string, { share: number; make: () => Promise<{
  property: fc.IRawProperty<unknown[]>; cleanup?: () => void;
}> }> = {
  "page-parser": { share: 1, make: async () => ({ property: pageParserProperty() }) },
  "load-spec": { share: 0.05, make: async () => loadSpecProperty() },
  "xml-ish": { share: 1, make: async () => ({ property: xmlishProperty() }) },
  "xml-mutated": { share: 1, make: async () => ({
    property: mutatedXmlProperty(await referenceXml()),
  }) },
  validators: { share: 1, make: async () => ({
    property: validatorsProperty(await referenceTicketJson()),
  }) },
};

const selected = values.only?.split(",") ?? Object.keys(PROPERTIES);
let failed = false;
for (const name of selected) {
  const entry = PROPERTIES[name];
  if (!entry) {
    const known = Object.keys(PROPERTIES).join(", ");
    process.stderr.write(`fuzz: no property ${name}; known: ${known}\n`);
    process.exit(2);
  }
  const numRuns = Math.max(1, Math.round(runs * entry.share));
  const { property, cleanup } = await entry.make();
  const started = performance.now();
  const result = await fc.check(property, { numRuns, seed });
  cleanup?.();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed = true;
    process.stdout.write(`${name}: FAILED after ${result.numRuns} runs (seed ${seed}, path ` +
      `${result.counterexamplePath ?? "?"})\n${fc.defaultReportMessage(result) ?? ""}\n`);
  } else {
    process.stdout.write(`${name}: ${numRuns} runs passed in ${seconds} s (seed ${seed})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
