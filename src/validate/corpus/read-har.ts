import { JsonScanError, JsonScanner } from "./json-scanner.js";
import type { ReadItem, ReadLimits, ReadStats } from "./unit.js";

/**
 * Walks `log.entries[]` of a HAR stream one entry at a time, located `file#entries[N]`. A
 * grammar error or a truncated file ends the walk with one problem naming the entry it hit.
 */
export async function* readHar(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: ReadLimits,
  stats: ReadStats,
): AsyncGenerator<ReadItem> {
  const path = ["log", "entries"];
  const scanner = new JsonScanner({ path, maxElementBytes: limits.maxUnitBytes });
  const locate = (): string => `${file}#entries[${scanner.elements}]`;
  try {
    for await (const chunk of chunks) {
      const entries = scanner.write(chunk);
      stats.highWaterBytes = Math.max(stats.highWaterBytes, scanner.bufferedBytes + chunk.length);
      const first = scanner.elements - entries.length;
      for (const [n, bytes] of entries.entries()) {
        yield { location: `${file}#entries[${first + n}]`, format: "har-entry", bytes };
      }
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    const problem = `not a complete HAR: ${error.message}`;
    yield { location: scanner.found ? locate() : file, problem };
    return;
  }
  if (!scanner.found) yield { location: file, problem: "not a HAR: no `log.entries` array" };
}
