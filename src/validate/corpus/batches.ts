import type { UnitBatch } from "./judge.js";
import { isReadProblem, type ReadItem, type UnitFormat } from "./unit.js";

/** How large a batch grows before it is handed on. */
export interface BatchLimits {
  maxBytes: number;
  maxUnits: number;
}

/** The default: 1 MiB or 2000 units, whichever comes first. */
export const DEFAULT_BATCH: BatchLimits = { maxBytes: 1 << 20, maxUnits: 2000 };

const encoder = new TextEncoder();

/**
 * Packs read items into batches, each owning one buffer (transferable to a worker without a
 * copy). Read problems travel as `problem` units, so results keep the input's order.
 */
export async function* packBatches(
  items: AsyncIterable<ReadItem>,
  limits: BatchLimits = DEFAULT_BATCH,
): AsyncGenerator<UnitBatch> {
  let parts: Uint8Array[] = [];
  let locations: string[] = [];
  let formats: UnitFormat[] = [];
  let size = 0;
  let seq = 0;

  const seal = (): UnitBatch => {
    const bytes = new Uint8Array(size);
    const ends: number[] = [];
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
      ends.push(at);
    }
    const batch = { seq: seq++, bytes, locations, formats, ends };
    parts = [];
    locations = [];
    formats = [];
    size = 0;
    return batch;
  };

  for await (const item of items) {
    const problem = isReadProblem(item);
    const bytes = problem ? encoder.encode(item.problem) : item.bytes;
    parts.push(bytes);
    locations.push(item.location);
    formats.push(problem ? "problem" : item.format);
    size += bytes.length;
    if (size >= limits.maxBytes || parts.length >= limits.maxUnits) yield seal();
  }
  if (parts.length > 0) yield seal();
}
