import type { VerdictKind } from "../model/finding.js";

/** A text painter: ANSI colour on a terminal, the text unchanged elsewhere. */
export type Paint = (kind: VerdictKind | "bold" | "dim", text: string) => string;

const CODES: Record<VerdictKind | "bold" | "dim", string> = {
  pass: "32",
  fail: "31",
  warn: "33",
  skip: "90",
  error: "35",
  bold: "1",
  dim: "2",
};

/** The painter for a stream: colour only when it is a terminal. */
export function painter(isTTY: boolean): Paint {
  return isTTY ? (kind, text) => `\u001b[${CODES[kind]}m${text}\u001b[0m` : (_kind, text) => text;
}
