/** Appends one reference token to a JSON pointer, escaping `~` and `/` as RFC 6901 asks. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/** One place where two JSON values differ. */
export interface ValueDifference {
  pointer: string;
  left: unknown;
  right: unknown;
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Every leaf where two JSON values differ. A key missing on one side shows as `undefined`
 * there; key order does not matter, array order does.
 */
export function diffValues(left: unknown, right: unknown, pointer = ""): ValueDifference[] {
  if (Array.isArray(left) && Array.isArray(right)) {
    const length = Math.max(left.length, right.length);
    return Array.from({ length }, (_, index) =>
      diffValues(left[index], right[index], childPointer(pointer, index))).flat();
  }
  if (isJsonObject(left) && isJsonObject(right)) {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].flatMap((key) =>
      diffValues(left[key], right[key], childPointer(pointer, key)));
  }
  return Object.is(left, right) ? [] : [{ pointer, left, right }];
}

/** Whether two JSON values are equal in every leaf. */
export function sameValue(left: unknown, right: unknown): boolean {
  return diffValues(left, right).length === 0;
}
