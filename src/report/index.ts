export { buildRecord, completeVerdicts, RECORD_FORMAT } from "./build-record.js";
export type { RecordInput, RequirementInfo } from "./build-record.js";
export { canonicalJson } from "./canonical-json.js";
export { hashFile, hashSchemas, hashSuite, SUITE_PATHS } from "./fingerprint.js";
export { renderHtml } from "./html.js";
export { renderJunit } from "./junit.js";
export { renderMarkdown } from "./markdown.js";
export {
  bannerOf,
  countVerdicts,
  decideExitCode,
  explainOutcome,
  tallyByArea,
  VERDICT_KINDS,
} from "./outcome.js";
export type { AreaTally, Totals } from "./outcome.js";
export {
  excerptExchange,
  EXCERPT_BYTES,
  findSecrets,
  REDACTED,
  scrubSecrets,
} from "./redact.js";
export { checkSeal, hashRecord, readSigningKey, sealRecord } from "./seal.js";
export type { SealCheck } from "./seal.js";
export { REPORT_RENDERERS, writeAtomically, writeReports } from "./write-reports.js";
