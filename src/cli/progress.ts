import type { Verdict } from "../model/finding.js";
import { describeFinding } from "../report/plain-text.js";
import type { ProgressEvent } from "../run/engine.js";
import type { Paint } from "./colour.js";
import type { CliIo } from "./io.js";

/** How much the run prints while it goes. */
export type Output = "quiet" | "normal" | "verbose";

/**
 * Prints one line per judged requirement on stderr (`[12/38] SELECT-2 pass`), and under
 * `verbose` each of its findings below it. Keeps every verdict it sees, so that a run whose
 * engine never returns still knows what was judged.
 */
export function trackProgress(io: CliIo, output: Output, paint: Paint) {
  const judged: Verdict[] = [];
  let total = 0;

  const onProgress = (event: ProgressEvent): void => {
    if (event.type === "start") total = event.total;
    if (event.type !== "requirement-end") return;
    judged.push(event.verdict);
    if (output === "quiet") return;
    const { verdict } = event;
    const count = `[${judged.length}/${event.total || total}]`;
    const note = verdict.reason ? paint("dim", ` (${verdict.reason})`) : "";
    io.err(`${count} ${verdict.id} ${paint(verdict.verdict, verdict.verdict)}${note}\n`);
    if (output !== "verbose") return;
    for (const finding of verdict.findings) io.err(`    ${describeFinding(finding)}\n`);
  };
  return { onProgress, judged: (): readonly Verdict[] => judged };
}
