import type { ReadItem, ReadLimits, ReadStats } from "./unit.js";

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Drops a trailing `\r` (CRLF files). */
function trimReturn(line: Uint8Array): Uint8Array {
  return line.length > 0 && line[line.length - 1] === RETURN ? line.subarray(0, -1) : line;
}

/** Whether a line holds only whitespace. */
function isBlank(line: Uint8Array): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== RETURN) return false;
  return true;
}

/**
 * Cuts a byte stream into lines, one unit per non-blank line, located `file:line`. Only the
 * unfinished last line of a chunk is carried over, so memory is one chunk plus one line.
 */
export async function* readNdjson(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: ReadLimits,
  stats: ReadStats,
): AsyncGenerator<ReadItem> {
  let carry: Uint8Array[] = [];
  let carried = 0;
  let overlong = false;
  let line = 0;

  const emit = function* (bytes: Uint8Array): Generator<ReadItem> {
    line++;
    if (overlong) {
      overlong = false;
      const problem = `line longer than ${limits.maxUnitBytes} bytes`;
      yield { location: `${file}:${line}`, problem };
    } else if (!isBlank(bytes)) {
      yield { location: `${file}:${line}`, format: "line", bytes: trimReturn(bytes) };
    }
  };

  for await (const chunk of chunks) {
    stats.highWaterBytes = Math.max(stats.highWaterBytes, carried + chunk.length);
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, at);
      from = at + 1;
      if (carried === 0) {
        yield* emit(piece);
        continue;
      }
      const joined = Buffer.concat([...carry, piece]);
      carry = [];
      carried = 0;
      yield* emit(joined);
    }
    const rest = chunk.subarray(from);
    if (overlong || carried + rest.length > limits.maxUnitBytes) {
      // Note: an overlong line is dropped as it streams by, not held.
      overlong = true;
      carry = [];
      carried = 0;
    } else if (rest.length > 0) {
      carry.push(Uint8Array.prototype.slice.call(rest));
      carried += rest.length;
    }
  }
  if (carried > 0 || overlong) yield* emit(Buffer.concat(carry));
}
