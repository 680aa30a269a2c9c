export type * from "./operation.js";
export type * from "./exchange.js";
export type * from "./finding.js";
export type * from "./record.js";
export { ConformanceError, ErrorCodes, isConformanceError } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export { NOTES_FILE } from "./finding.js";
