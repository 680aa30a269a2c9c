import type { Operation } from "../model/operation.js";
import { childPointer, isJsonObject } from "./json-pointer.js";
import { walkBody } from "./property-kinds.js";

/** Table-right flag names as real servers write them (spec/NOTES.md, Rights masks). */
export const TABLE_RIGHT_FLAGS: ReadonlySet<string> = new Set([
  "None", "Select", "Update", "UR", "Insert", "RI", "URI", "Delete", "UDR", "FULL", "Filtering",
  "RF", "FI", "RestrictedUpdate", "URU", "WRITE", "Unused1", "Uninitialized", "R", "F",
]);

/** Field-right flag names as real servers write them. */
export const FIELD_RIGHT_FLAGS: ReadonlySet<string> = new Set([
  "None", "Read", "Write", "Update", "Unused1", "Unused2", "Unused3", "Unused4",
  "UIHintMandatory", "UIHintReadOnly", "UIHints", "UndefinedValue256", "Nullable",
]);

const FLAGS_BY_TYPE: Record<string, ReadonlySet<string>> = {
  TableRight: TABLE_RIGHT_FLAGS,
  FieldRight: FIELD_RIGHT_FLAGS,
};

/** A rights mask that is not a comma-separated list of known flag names. */
export interface BadMask {
  pointer: string;
  mask: unknown;
  unknownFlags: string[];
  rightType: string;
}

/** The flags of a mask text that are not known names (empty parts count as unknown). */
export function unknownFlags(mask: string, known: ReadonlySet<string>): string[] {
  return mask.split(",").map((flag) => flag.trim()).filter((flag) => !known.has(flag));
}

/** Every `TableRight.Mask` and `FieldRight.Mask` in a body that names unknown flags. */
export function findBadMasks(body: unknown, operation: Operation): BadMask[] {
  const bad: BadMask[] = [];
  walkBody(body, operation, (pointer, value, type) => {
    const known = type.kind === "ref" ? FLAGS_BY_TYPE[type.name] : undefined;
    if (!known || !isJsonObject(value) || value.Mask === null || value.Mask === undefined) return;
    const mask = value.Mask;
    const unknown = typeof mask === "string" ? unknownFlags(mask, known) : [String(mask)];
    if (unknown.length > 0) {
      bad.push({ pointer: childPointer(pointer, "Mask"), mask, unknownFlags: unknown,
        rightType: type.kind === "ref" ? type.name : "" });
    }
  });
  return bad;
}
