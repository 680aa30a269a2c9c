import type { StoredObject } from "../tree.js";

/** A table right: a comma-separated mask of flag names and the reason it was narrowed. */
export function tableRight(mask: string, reason = ""): StoredObject {
  return { Mask: mask, Reason: reason };
}

/** One entry of a `FieldProperties` map. */
export function fieldProperty(
  fieldType: string,
  fieldLength: number,
  right: { mask: string; reason?: string } | null,
): StoredObject {
  return {
    FieldRight: right === null ? null : { Mask: right.mask, Reason: right.reason ?? "" },
    FieldType: fieldType,
    FieldLength: fieldLength,
  };
}

/** The rights most carriers carry: full table access, no field restrictions. */
export const FULL_ACCESS = tableRight("FULL");

/** A field map in which a mandatory field explains itself through a resource id. */
export function mandatoryTitle(length = 255): StoredObject {
  return {
    Title: fieldProperty("System.String", length, {
      mask: "Update, UIHintMandatory",
      reason: "[SR_MANDATORY_FIELD_1281]",
    }),
  };
}
