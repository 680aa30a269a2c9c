/** Stable codes for conditions under which the suite cannot judge (as opposed to findings). */
export const ErrorCodes = {
  ERR_CT_USAGE: "ERR_CT_USAGE",
  ERR_CT_PAGE_MALFORMED: "ERR_CT_PAGE_MALFORMED",
  ERR_CT_PAGE_TYPE_UNKNOWN: "ERR_CT_PAGE_TYPE_UNKNOWN",
  ERR_CT_SCHEMA_DRIFT: "ERR_CT_SCHEMA_DRIFT",
  ERR_CT_INPUT_MALFORMED: "ERR_CT_INPUT_MALFORMED",
  ERR_CT_TARGET_UNREACHABLE: "ERR_CT_TARGET_UNREACHABLE",
  ERR_CT_TARGET_TIMEOUT: "ERR_CT_TARGET_TIMEOUT",
  ERR_CT_TARGET_TOO_LARGE: "ERR_CT_TARGET_TOO_LARGE",
  ERR_CT_TARGET_ENCODING: "ERR_CT_TARGET_ENCODING",
  ERR_CT_TARGET_INSECURE: "ERR_CT_TARGET_INSECURE",
  ERR_CT_RECORDING_MISSING: "ERR_CT_RECORDING_MISSING",
  ERR_CT_RECORDING_MALFORMED: "ERR_CT_RECORDING_MALFORMED",
  ERR_CT_RECORDING_STALE: "ERR_CT_RECORDING_STALE",
  ERR_CT_INTERRUPTED: "ERR_CT_INTERRUPTED",
  ERR_CT_NO_BASELINE: "ERR_CT_NO_BASELINE",
  ERR_CT_SIGNATURE: "ERR_CT_SIGNATURE",
} as const;
export type ErrorCode = keyof typeof ErrorCodes;

/**
 * An expected error: the suite cannot do what was asked. The CLI prints its message on one
 * line and exits 2; anything else that is thrown is a bug and prints its stack.
 */
export class ConformanceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConformanceError";
    this.code = code;
  }
}

/**
 * Whether a value is a ConformanceError. Note: checked by name and code, not `instanceof`,
 * because a test runner may load this module twice (once through `require`, once through
 * `import()`), and an error from one copy is not an instance of the other's class.
 */
export function isConformanceError(value: unknown): value is ConformanceError {
  if (value instanceof ConformanceError) return true;
  const code = (value as { code?: unknown } | null)?.code;
  return value instanceof Error && value.name === "ConformanceError" && typeof code === "string";
}
