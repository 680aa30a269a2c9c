import type { Operation, TypeRef } from "../model/operation.js";

/** A value in a body together with the type the page gives it. */
export interface TypedValue {
  pointer: string;
  value: unknown;
  type: TypeRef;
  /** The type that declares the property (for object members), else undefined. */
  owner?: string;
}

/** Lists every value of a body with its documented type, depth first, in body order. */
export function walkTyped(operation: Operation, body: unknown, typeName: string): TypedValue[] {
  const found: TypedValue[] = [];
  const visit = (value: unknown, type: TypeRef, pointer: string, owner?: string): void => {
    found.push({ pointer, value, type, ...(owner ? { owner } : {}) });
    if (value === null || typeof value !== "object") return;
    if (type.kind === "ref") {
      const model = operation.types[type.name];
      for (const [key, member] of Object.entries(value)) {
        const property = model?.properties.find((candidate) => candidate.name === key);
        if (property) visit(member, property.type, `${pointer}/${escape(key)}`, type.name);
      }
    } else if (type.kind === "array" && Array.isArray(value)) {
      value.forEach((item, index) => visit(item, type.items, `${pointer}/${index}`));
    } else if (type.kind === "map") {
      for (const [key, member] of Object.entries(value)) {
        visit(member, type.values, `${pointer}/${escape(key)}`);
      }
    }
  };
  visit(body, { kind: "ref", name: typeName }, "");
  return found;
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
