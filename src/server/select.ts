import { isStoredObject, type StoredObject, type StoredValue } from "./tree.js";

/** A parsed `$select`: which properties to keep, by lower-cased name, and how deep. */
export interface Selection {
  /** True when the property is named itself, so all of it is kept. */
  whole: boolean;
  children: Map<string, Selection>;
}

/**
 * Reads `$select`: comma-separated names, case-insensitive, spaces ignored, `/` for nested
 * paths. Returns undefined when nothing is named, which means every property.
 */
export function parseSelect(raw: string | null | undefined): Selection | undefined {
  if (raw === null || raw === undefined) return undefined;
  const root: Selection = { whole: false, children: new Map() };
  for (const name of raw.split(",")) {
    const path = name.split("/").map((part) => part.trim().toLowerCase());
    if (path.some((part) => part === "")) continue;
    let node = root;
    for (const part of path) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { whole: false, children: new Map() }));
      node = child;
    }
    node.whole = true;
  }
  return root.children.size === 0 ? undefined : root;
}

/** Keeps what a selection names inside one value: objects recurse, arrays apply per item. */
function narrow(value: StoredValue, selection: Selection): StoredValue {
  if (selection.whole) return value;
  if (Array.isArray(value)) return value.map((item) => narrow(item, selection));
  if (isStoredObject(value)) return applySelect(value, selection);
  return value;
}

/**
 * Nulls every property the selection does not name, value types included. A nested path keeps
 * its parent with only the named sub-properties populated. Unknown names are ignored.
 */
export function applySelect(entity: StoredObject, selection: Selection | undefined): StoredObject {
  if (!selection) return entity;
  const result: StoredObject = {};
  for (const [key, value] of Object.entries(entity)) {
    const child = selection.children.get(key.toLowerCase());
    result[key] = child ? narrow(value, child) : null;
  }
  return result;
}
