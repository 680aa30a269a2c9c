import { closeSync, openSync, unlinkSync } from "node:fs";
import { ConformanceError } from "../model/errors.js";

/** Why a file cannot be written, in words, by errno code. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "its folder does not exist",
  ENOTDIR: "a part of its path is not a folder",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
};

/**
 * Checks, before any work is done, that `path` can be written, so a result is never computed
 * only to be lost. Opening for append creates nothing lasting: a file made here is removed.
 * Throws ConformanceError(ERR_CT_USAGE) naming `flag`, the path as given and the reason.
 */
export function assertWritable(path: string, given: string, flag: string): void {
  let created = false;
  try {
    const fd = openSync(path, "ax");
    created = true;
    closeSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code !== "EEXIST") throw unwritable(flag, given, code, error);
    try {
      closeSync(openSync(path, "a"));
    } catch (again) {
      throw unwritable(flag, given, (again as NodeJS.ErrnoException).code ?? "", again);
    }
  }
  if (created) unlinkSync(path);
}

function unwritable(flag: string, given: string, code: string, cause: unknown): ConformanceError {
  const words = REASONS[code];
  const reason = words ? `${words} (${code})` : code || String(cause);
  const message = `${flag} \`${given}\` cannot be written: ${reason}`;
  return new ConformanceError("ERR_CT_USAGE", message, { cause });
}
