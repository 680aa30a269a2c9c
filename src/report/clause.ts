import { NOTES_FILE, type Clause } from "../model/finding.js";

/** The separator between a file and the heading path within it, as every report writes it. */
const STEP = " › ";

/**
 * A clause as a reader can look it up: the file it lives in, then its heading path, e.g.
 * `spec/NOTES.md › $select › Value-typed defaults`. `specFile` is the reference page the run
 * judged by (the record's `spec.file`).
 */
export function formatClause(clause: Clause, specFile: string): string {
  const file = clause.source === "page" ? specFile : NOTES_FILE;
  return `${file}${STEP}${clause.section}`;
}
