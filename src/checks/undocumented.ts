import type { Operation, TypeRef } from "../model/operation.js";
import { childPointer, isJsonObject } from "./json-pointer.js";

/** A property present in a body that its documented type does not list. */
export interface UndocumentedProperty {
  pointer: string;
  typeName: string;
  value: unknown;
}

/** Every property of a body, nested ones included, that the documentation does not list. */
export function findUndocumented(
  value: unknown,
  type: TypeRef,
  operation: Operation,
  pointer = "",
): UndocumentedProperty[] {
  if (value === null || value === undefined) return [];
  if (type.kind === "array" && Array.isArray(value)) {
    return value.flatMap((item, index) =>
      findUndocumented(item, type.items, operation, childPointer(pointer, index)));
  }
  if (type.kind === "map" && isJsonObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      findUndocumented(item, type.values, operation, childPointer(pointer, key)));
  }
  const model = type.kind === "ref" ? operation.types[type.name] : undefined;
  if (!model || !isJsonObject(value)) return [];
  const documented = new Map(model.properties.map((property) => [property.name, property.type]));
  return Object.entries(value).flatMap(([key, item]) => {
    const at = childPointer(pointer, key);
    const itemType = documented.get(key);
    if (!itemType) return [{ pointer: at, typeName: model.name, value: item }];
    return findUndocumented(item, itemType, operation, at);
  });
}
