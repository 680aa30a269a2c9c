import { Instant } from "./instant.js";

/** A value in a stored entity: JSON values plus instants that are rendered per request. */
export type StoredValue = string | number | boolean | null | Instant | StoredValue[] | StoredObject;

/** A stored entity or nested carrier: property name to value, in wire order. */
export interface StoredObject {
  [property: string]: StoredValue;
}

/** A value after rendering: plain JSON. */
export type WireValue =
  | string | number | boolean | null | WireValue[] | { [key: string]: WireValue };

/** Whether a value is a plain object (a carrier or a map), not an array or an instant. */
export function isStoredObject(value: StoredValue): value is StoredObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    !(value instanceof Instant);
}

/** Copies a tree, replacing every leaf (string, number, boolean, instant) through `leaf`. */
export function mapLeaves<T>(
  value: StoredValue,
  leaf: (value: string | number | boolean | Instant) => T,
): T | null | unknown[] | Record<string, unknown> {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, leaf));
  if (isStoredObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = mapLeaves(item, leaf);
    return copy;
  }
  return leaf(value);
}
