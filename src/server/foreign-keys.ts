import type { StoredObject } from "./tree.js";

/** The `fk` values accepted, lower-cased. An empty `fk=` reads as absent. */
const FK_VALUES = new Map([["true", true], ["false", false], ["", false]]);

/** Reads the `fk` query value: a boolean, or undefined when it is not one (a 400). */
export function parseForeignKeyFlag(raw: string | null): boolean | undefined {
  if (raw === null) return false;
  return FK_VALUES.get(raw.trim().toLowerCase());
}

/** Adds the ticket's foreign keys to `ExtraFields`; every other property is left as it is. */
export function withForeignKeys(
  entity: StoredObject,
  foreignKeys: Record<string, string>,
): StoredObject {
  if (Object.keys(foreignKeys).length === 0) return entity;
  const extra = entity.ExtraFields;
  const current = typeof extra === "object" && extra !== null && !Array.isArray(extra) ? extra : {};
  return { ...entity, ExtraFields: { ...(current as StoredObject), ...foreignKeys } };
}
