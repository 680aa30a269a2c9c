import type { Operation, PropertyModel, TypeRef } from "../model/operation.js";
import { childPointer, isJsonObject } from "./json-pointer.js";

/** How a property's value is shaped, as `$select` and the time-zone checks care about it. */
export type ValueKind = "object" | "array" | "string" | "number" | "bool" | "date-time";

const SCALAR_KINDS: Record<string, ValueKind> = {
  int32: "number", int64: "number", double: "number",
  bool: "bool", string: "string", "date-time": "date-time",
};

/** The value kind of a documented type: enums travel as strings, maps are objects. */
export function kindOf(type: TypeRef): ValueKind {
  if (type.kind === "scalar") return SCALAR_KINDS[type.name] ?? "string";
  if (type.kind === "enum") return "string";
  if (type.kind === "array") return "array";
  if (type.kind === "coarse") return type.name;
  return "object";
}

/** The documented properties of a type, or none when the operation does not know it. */
export function propertiesOf(operation: Operation, typeName: string): PropertyModel[] {
  return operation.types[typeName]?.properties ?? [];
}

/** The documented top-level properties of the response body. */
export function bodyProperties(operation: Operation): PropertyModel[] {
  return propertiesOf(operation, operation.bodyType);
}

/** Called for every value the documentation can type, with the type it gives. */
export type TypedVisitor = (pointer: string, value: unknown, type: TypeRef) => void;

/**
 * Walks a body alongside its documented type and calls `visit` on every typed value, nested
 * ones included. Undocumented properties are not visited.
 */
export function walkTyped(
  value: unknown,
  type: TypeRef,
  operation: Operation,
  visit: TypedVisitor,
  pointer = "",
): void {
  visit(pointer, value, type);
  if (value === null || value === undefined) return;
  if (type.kind === "array" && Array.isArray(value)) {
    value.forEach((item, index) =>
      walkTyped(item, type.items, operation, visit, childPointer(pointer, index)));
  } else if (type.kind === "map" && isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      walkTyped(item, type.values, operation, visit, childPointer(pointer, key));
    }
  } else if (type.kind === "ref" && isJsonObject(value)) {
    for (const property of propertiesOf(operation, type.name)) {
      if (!(property.name in value)) continue;
      walkTyped(value[property.name], property.type, operation, visit,
        childPointer(pointer, property.name));
    }
  }
}

/** Walks a response body typed as the operation's body type. */
export function walkBody(body: unknown, operation: Operation, visit: TypedVisitor): void {
  walkTyped(body, { kind: "ref", name: operation.bodyType }, operation, visit);
}

/** Every date-time in a body that is a string, with its pointer. */
export function collectDateTimes(
  body: unknown,
  operation: Operation,
): Array<{ pointer: string; value: string }> {
  const found: Array<{ pointer: string; value: string }> = [];
  walkBody(body, operation, (pointer, value, type) => {
    if (kindOf(type) === "date-time" && typeof value === "string") found.push({ pointer, value });
  });
  return found;
}
