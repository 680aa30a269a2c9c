export { validateCorpus, type CorpusOptions, type CorpusSummary } from "./run-corpus.js";
export { exitCodeOf, renderNoBody, renderResult, renderSummary } from "./render.js";
export { BODY_EXTENSIONS, resolveSources } from "./sources.js";
export type { InputFormat, OpenStdin, Source } from "./sources.js";
export type { BodyResult, Outcome, ViolationCount } from "./tally.js";
export { JsonScanError, JsonScanner } from "./json-scanner.js";
