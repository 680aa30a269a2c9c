import { ConformanceError } from "../model/errors.js";

/**
 * Why a JSON body that opens with U+FEFF is refused. RFC 8259 forbids the mark in JSON sent
 * over the network; `run` and `validate` both say it in these words, so they judge alike.
 */
export const BYTE_ORDER_MARK_REASON =
  "the body starts with a byte order mark (U+FEFF), which JSON forbids";

/** Whether a text opens with a byte order mark. */
export function startsWithByteOrderMark(text: string): boolean {
  return text.startsWith("\uFEFF");
}

/** Where in a text an offset falls, 1-based. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Decodes a body file, refusing bytes that are not UTF-8 and naming the line and column of the
 * first bad sequence. A byte order mark is kept, so the JSON reader can refuse it.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const at = lineColumnAt(lenient, Math.max(0, lenient.indexOf("\uFFFD")));
    throw new ConformanceError(
      "ERR_CT_INPUT_MALFORMED",
      `${file}:${at.line}:${at.column}: not UTF-8: an invalid byte sequence (bodies must be UTF-8)`,
    );
  }
}

/**
 * Parses a JSON body; on failure (a byte order mark included) names file:line:column and the
 * reason, without a stack.
 */
export function parseJsonBody(body: string, file: string): unknown {
  if (startsWithByteOrderMark(body)) {
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", `${file}:1:1: ${BYTE_ORDER_MARK_REASON}`);
  }
  try {
    return JSON.parse(body);
  } catch {
    const { offset, reason } = locateJsonError(body);
    const at = lineColumnAt(body, offset);
    throw new ConformanceError(
      "ERR_CT_INPUT_MALFORMED",
      `${file}:${at.line}:${at.column}: not valid JSON: ${reason}`,
    );
  }
}

/** Finds the first error in text that JSON.parse refused, with a reason in plain words. */
export function locateJsonError(text: string): { offset: number; reason: string } {
  if (text.trim() === "") return { offset: 0, reason: "the body is empty" };
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.at < text.length) {
      return { offset: scanner.at, reason: "unexpected text after the JSON value" };
    }
    return { offset: 0, reason: "rejected by the JSON parser" };
  } catch (error) {
    if (error instanceof ScanError) return { offset: error.offset, reason: error.message };
    throw error;
  }
}

/** A JSON string token: no raw control characters, only the escapes JSON allows. */
const JSON_STRING = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** A strict recursive-descent JSON scanner that only finds where the text goes wrong. */
class JsonScanner {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (/[ \t\r\n]/.test(this.text[this.at] ?? "")) this.at += 1;
  }

  value(): void {
    this.space();
    const char = this.text[this.at];
    if (char === undefined) throw new ScanError(this.at, "unexpected end of input (truncated?)");
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    if (char === '"') return this.string();
    if (/[-0-9]/.test(char)) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    throw this.unexpected();
  }

  private object(): void {
    this.at += 1;
    this.space();
    if (this.text[this.at] === "}") return void (this.at += 1);
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw this.unexpected("a property name in double quotes");
      this.string();
      this.expect(":");
      this.value();
      this.space();
      if (this.text[this.at] === "}") return void (this.at += 1);
      this.expect(",", "`,` or `}`");
    }
  }

  private array(): void {
    this.at += 1;
    this.space();
    if (this.text[this.at] === "]") return void (this.at += 1);
    for (;;) {
      this.value();
      this.space();
      if (this.text[this.at] === "]") return void (this.at += 1);
      this.expect(",", "`,` or `]`");
    }
  }

  private string(): void {
    const match = JSON_STRING.exec(this.text.slice(this.at));
    if (!match) {
      const closed = this.text.indexOf('"', this.at + 1) !== -1;
      const reason = closed
        ? "a string with a bad escape or control character"
        : "an unterminated string";
      throw new ScanError(this.at, reason);
    }
    this.at += match[0].length;
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.at));
    if (!match) throw this.unexpected("a number");
    this.at += match[0].length;
  }

  private expect(char: string, what = `\`${char}\``): void {
    this.space();
    if (this.text[this.at] !== char) throw this.unexpected(what);
    this.at += 1;
  }

  private unexpected(expected?: string): ScanError {
    const char = this.text[this.at];
    if (char === undefined) return new ScanError(this.at, "unexpected end of input (truncated?)");
    const found = `unexpected ${JSON.stringify(char)}`;
    return new ScanError(this.at, expected ? `${found}, expected ${expected}` : found);
  }
}
