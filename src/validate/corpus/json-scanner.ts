/**
 * An incremental, validating JSON scanner over UTF-8 bytes. It holds no parsed values: it
 * checks the grammar byte by byte and hands back the raw bytes of each element of one chosen
 * array (for HAR files, `log.entries`), so a corpus of any size is walked one element at a time.
 * Note: every structural byte of JSON is ASCII and no UTF-8 continuation byte is, so scanning
 * bytes is exact; UTF-8 validity is checked later, when an element is decoded.
 */

/** A grammar error or an unfinished document, with the byte offset where it was noticed. */
export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = "JsonScanError";
  }
}

/** What the scanner is waiting for next. */
const enum Expect {
  Value,
  FirstValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  CommaOrEnd,
  String,
  Escape,
  Unicode,
  Number,
  Literal,
  Done,
}

/** Where a number is in its grammar: `-? int frac? exp?`. */
const enum Num {
  Minus,
  Zero,
  Int,
  Dot,
  Frac,
  E,
  ESign,
  Exp,
}

interface Frame {
  array: boolean;
  /** The current key's raw bytes (kept only near the root, where the path is matched). */
  key: string;
}

const KEY_DEPTH = 3;
const LITERALS: Record<number, string> = { 0x74: "true", 0x66: "false", 0x6e: "null" };
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/** Whether a byte is JSON whitespace. */
function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Whether a byte is an ASCII digit. */
function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** Whether a byte is a hex digit. */
function isHex(b: number): boolean {
  return isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

const utf8 = new TextDecoder();

/** Decodes a property name's raw bytes (escapes included) to its value. */
function decodeKey(bytes: number[]): string {
  return JSON.parse(`"${utf8.decode(Uint8Array.from(bytes))}"`) as string;
}

/** Options of a scanner. */
export interface ScannerOptions {
  /** The keys leading from the root object to the array whose elements are captured. */
  path: readonly string[];
  /** Largest element kept, in bytes; a larger one is an error (memory stays bounded). */
  maxElementBytes?: number;
}

/** Scans a document pushed in chunks; `write` returns the elements of the array at `path`. */
export class JsonScanner {
  private readonly path: readonly string[];
  private readonly maxElementBytes: number;
  private readonly stack: Frame[] = [];
  private expect = Expect.Value;
  private stringIsKey = false;
  private keyBytes: number[] = [];
  private hexLeft = 0;
  private num = Num.Minus;
  private literal = "";
  private literalAt = 0;
  private offset = 0;
  private capturing = false;
  private captureDepth = 0;
  private captureParts: Uint8Array[] = [];
  private captureBytes = 0;
  private endedBefore = false;
  /** Whether the array at `path` was found. */
  found = false;
  /** How many elements of it were completed. */
  elements = 0;

  constructor(options: ScannerOptions) {
    this.path = options.path;
    this.maxElementBytes = options.maxElementBytes ?? 256 * 1024 * 1024;
  }

  /** Bytes held for the element being captured (the scanner's only buffer). */
  get bufferedBytes(): number {
    return this.captureBytes;
  }

  /** Feeds the next chunk; returns the elements completed within it, in order. */
  write(chunk: Uint8Array): Uint8Array[] {
    const done: Uint8Array[] = [];
    let captureFrom = this.capturing ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      const wasCapturing = this.capturing;
      this.step(b);
      if (!wasCapturing && this.capturing) captureFrom = i;
      if (wasCapturing && !this.capturing) {
        // The element ended with this byte, or just before it for a number (whose end is seen
        // only at the next byte, which cannot start another element).
        this.keep(chunk.subarray(captureFrom, this.endedBefore ? i : i + 1));
        done.push(this.takeCapture());
        captureFrom = -1;
        this.endedBefore = false;
      }
      this.offset++;
    }
    if (this.capturing && captureFrom >= 0) this.keep(chunk.subarray(captureFrom));
    return done;
  }

  /** Ends the document; throws when it is unfinished. */
  end(): void {
    if (this.expect === Expect.Number && this.stack.length === 0) this.finishNumber();
    if (this.expect !== Expect.Done) {
      throw new JsonScanError("unexpected end of input (truncated?)", this.offset);
    }
  }

  private keep(part: Uint8Array): void {
    if (part.length === 0) return;
    this.captureBytes += part.length;
    if (this.captureBytes > this.maxElementBytes) {
      throw new JsonScanError(`element larger than ${this.maxElementBytes} bytes`, this.offset);
    }
    // Note: chunks may be reused by their producer, so captured bytes are copied.
    this.captureParts.push(Uint8Array.prototype.slice.call(part));
  }

  private takeCapture(): Uint8Array {
    const whole = new Uint8Array(this.captureBytes);
    let at = 0;
    for (const part of this.captureParts) {
      whole.set(part, at);
      at += part.length;
    }
    this.captureParts = [];
    this.captureBytes = 0;
    this.elements++;
    return whole;
  }

  private fail(what: string): never {
    throw new JsonScanError(what, this.offset);
  }

  /** Whether the innermost container is the array at `path`. */
  private atTargetArray(): boolean {
    const depth = this.stack.length;
    if (depth !== this.path.length + 1 || !this.stack[depth - 1]?.array) return false;
    return this.path.every((key, n) => !this.stack[n]?.array && this.stack[n]?.key === key);
  }

  /** A value starts: begin capturing it when it is an element of the target array. */
  private valueStarts(): void {
    if (!this.capturing && this.atTargetArray()) {
      this.capturing = true;
      this.captureDepth = this.stack.length;
    }
  }

  /** A value ended: stop capturing when it was the captured element. */
  private valueEnds(): void {
    if (this.stack.length === 0) {
      this.expect = Expect.Done;
      return;
    }
    this.expect = Expect.CommaOrEnd;
    if (this.capturing && this.stack.length === this.captureDepth) this.capturing = false;
  }

  private finishNumber(): void {
    const complete = this.num === Num.Zero || this.num === Num.Int;
    if (!complete && this.num !== Num.Frac && this.num !== Num.Exp) this.fail("unfinished number");
    this.valueEnds();
  }

  private step(b: number): void {
    switch (this.expect) {
      case Expect.String:
        return this.stepString(b);
      case Expect.Escape:
        if (b === 0x75) {
          this.hexLeft = 4;
          this.expect = Expect.Unicode;
        } else if (ESCAPES.has(b)) {
          this.expect = Expect.String;
        } else {
          this.fail("invalid escape in string");
        }
        this.keepKeyByte(b);
        return;
      case Expect.Unicode:
        if (!isHex(b)) this.fail("invalid \\u escape in string");
        this.keepKeyByte(b);
        if (--this.hexLeft === 0) this.expect = Expect.String;
        return;
      case Expect.Number:
        return this.stepNumber(b);
      case Expect.Literal:
        if (b !== this.literal.charCodeAt(this.literalAt)) {
          this.fail(`invalid literal, expected \`${this.literal}\``);
        }
        if (++this.literalAt === this.literal.length) this.valueEnds();
        return;
      default:
        return this.stepStructure(b);
    }
  }

  private stepString(b: number): void {
    if (b === 0x22) {
      if (this.stringIsKey) {
        const frame = this.stack[this.stack.length - 1] as Frame;
        frame.key = this.stack.length <= KEY_DEPTH ? decodeKey(this.keyBytes) : "";
        this.keyBytes = [];
        this.expect = Expect.Colon;
      } else {
        this.valueEnds();
      }
      return;
    }
    if (b < 0x20) this.fail("control character in string");
    if (b === 0x5c) this.expect = Expect.Escape;
    this.keepKeyByte(b);
  }

  /** Keeps a byte of a property name near the root, where names are matched against `path`. */
  private keepKeyByte(b: number): void {
    if (this.stringIsKey && this.stack.length <= KEY_DEPTH) this.keyBytes.push(b);
  }

  private stepNumber(b: number): void {
    const next = this.nextNumberState(b);
    if (next !== undefined) {
      this.num = next;
      return;
    }
    // The number ended just before this byte: finish it, then read the byte as structure.
    const wasCapturing = this.capturing;
    this.finishNumber();
    this.endedBefore = wasCapturing && !this.capturing;
    this.step(b);
  }

  private nextNumberState(b: number): Num | undefined {
    switch (this.num) {
      case Num.Minus:
        return b === 0x30 ? Num.Zero : isDigit(b) ? Num.Int : this.fail("invalid number");
      case Num.Zero:
        return b === 0x2e ? Num.Dot : b === 0x65 || b === 0x45 ? Num.E : undefined;
      case Num.Int:
        if (isDigit(b)) return Num.Int;
        return b === 0x2e ? Num.Dot : b === 0x65 || b === 0x45 ? Num.E : undefined;
      case Num.Dot:
        return isDigit(b) ? Num.Frac : this.fail("invalid number");
      case Num.Frac:
        return isDigit(b) ? Num.Frac : b === 0x65 || b === 0x45 ? Num.E : undefined;
      case Num.E:
        if (b === 0x2b || b === 0x2d) return Num.ESign;
        return isDigit(b) ? Num.Exp : this.fail("invalid number");
      case Num.ESign:
        return isDigit(b) ? Num.Exp : this.fail("invalid number");
      case Num.Exp:
        return isDigit(b) ? Num.Exp : undefined;
    }
  }

  private stepStructure(b: number): void {
    if (isSpace(b)) return;
    switch (this.expect) {
      case Expect.Done:
        return this.fail("unexpected data after the document");
      case Expect.Colon:
        if (b !== 0x3a) this.fail("expected `:`");
        this.expect = Expect.Value;
        return;
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (b === 0x7d && this.expect === Expect.KeyOrEnd) return this.close();
        if (b !== 0x22) this.fail("expected a property name");
        this.stringIsKey = true;
        this.expect = Expect.String;
        return;
      case Expect.CommaOrEnd: {
        const frame = this.stack[this.stack.length - 1] as Frame;
        if (b === 0x2c) {
          this.expect = frame.array ? Expect.Value : Expect.Key;
          return;
        }
        if (b === (frame.array ? 0x5d : 0x7d)) return this.close();
        return this.fail(frame.array ? "expected `,` or `]`" : "expected `,` or `}`");
      }
      case Expect.FirstValueOrEnd:
        if (b === 0x5d) return this.close();
        return this.startValue(b);
      default:
        return this.startValue(b);
    }
  }

  private startValue(b: number): void {
    this.valueStarts();
    if (b === 0x7b || b === 0x5b) {
      const array = b === 0x5b;
      this.stack.push({ array, key: "" });
      if (array && this.atTargetArray()) this.found = true;
      this.expect = array ? Expect.FirstValueOrEnd : Expect.KeyOrEnd;
    } else if (b === 0x22) {
      this.stringIsKey = false;
      this.expect = Expect.String;
    } else if (b === 0x2d || isDigit(b)) {
      this.num = b === 0x2d ? Num.Minus : b === 0x30 ? Num.Zero : Num.Int;
      this.expect = Expect.Number;
    } else if (LITERALS[b]) {
      this.literal = LITERALS[b] as string;
      this.literalAt = 1;
      this.expect = Expect.Literal;
    } else {
      this.fail("expected a value");
    }
  }

  private close(): void {
    this.stack.pop();
    this.valueEnds();
  }
}
