import type { Operation } from "../model/operation.js";
import { isUnsetDate } from "./instants.js";
import { childPointer, diffValues, isJsonObject } from "./json-pointer.js";
import { bodyProperties, kindOf, type ValueKind } from "./property-kinds.js";

/** One way a `$select` answer departs from the full answer. */
export interface SelectionIssue {
  kind: "selected-differs" | "unselected-not-null";
  pointer: string;
  property: string;
  valueKind: ValueKind;
  actual: unknown;
  /** For `selected-differs`: the value in the full answer. */
  expected?: unknown;
  /** For `unselected-not-null`: whether the value is its type's default (0, false, unset date). */
  isDefault?: boolean;
  /** For `unselected-not-null`: the property is missing from the answer instead of null. */
  absent?: boolean;
}

/** Whether a value is the default of its value type, as .NET fills unselected fields. */
export function isTypeDefault(kind: ValueKind, value: unknown): boolean {
  if (kind === "number") return value === 0;
  if (kind === "bool") return value === false;
  if (kind === "date-time") return typeof value === "string" && isUnsetDate(value);
  return false;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isJsonObject(node) ? node[key] : undefined), value);
}

/**
 * Compares a `$select` answer with the full answer. Names match case-insensitively; a nested
 * path (`Category/Name`) selects its parent and is compared on that sub-property only.
 */
export function compareSelected(
  full: unknown,
  selected: unknown,
  selectedNames: readonly string[],
  operation: Operation,
): SelectionIssue[] {
  const properties = bodyProperties(operation);
  const byLowerName = new Map(properties.map((p) => [p.name.toLowerCase(), p]));
  const selectedTop = new Set<string>();
  const issues: SelectionIssue[] = [];

  for (const name of selectedNames) {
    const [head = "", ...rest] = name.trim().split("/");
    const property = byLowerName.get(head.toLowerCase());
    if (!property) continue;
    selectedTop.add(property.name);
    const path = [property.name, ...rest];
    const differences = diffValues(valueAt(full, path), valueAt(selected, path), "");
    for (const difference of differences) {
      issues.push({
        kind: "selected-differs", property: property.name, valueKind: kindOf(property.type),
        pointer: path.reduce(childPointer, "") + difference.pointer,
        actual: difference.right, expected: difference.left,
      });
    }
  }

  for (const property of properties) {
    if (selectedTop.has(property.name) || !isJsonObject(selected)) continue;
    // Note: `$select` nulls what it does not name; a property dropped from the answer is not
    // null, and a client reading the documented shape would miss it.
    const actual = selected[property.name];
    if (actual === null) continue;
    const valueKind = kindOf(property.type);
    issues.push({
      kind: "unselected-not-null", property: property.name, valueKind,
      pointer: childPointer("", property.name), actual,
      isDefault: isTypeDefault(valueKind, actual),
      ...(actual === undefined ? { absent: true } : {}),
    });
  }
  return issues;
}
