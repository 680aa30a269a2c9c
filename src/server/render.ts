import { Instant } from "./instant.js";
import { formatInstant, type ZoneChoice } from "./time-zones.js";
import { mapLeaves, type StoredObject, type WireValue } from "./tree.js";

/**
 * Turns a stored entity into wire values: every instant becomes text in the chosen zone, or in
 * the base zone without an offset when no zone was chosen.
 */
export function renderDates(
  entity: StoredObject,
  choice: ZoneChoice | undefined,
  baseZone: string,
): { [key: string]: WireValue } {
  const zone = choice?.zone ?? baseZone;
  const includeOffset = choice?.includeOffset ?? false;
  return mapLeaves(entity, (leaf) =>
    leaf instanceof Instant ? formatInstant(leaf, zone, includeOffset) : leaf,
  ) as { [key: string]: WireValue };
}
