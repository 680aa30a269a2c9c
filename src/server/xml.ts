import type { WireValue } from "./tree.js";

/** The default namespace of the DataContract XML the server writes. */
export const XML_NAMESPACE = "http://schemas.datacontract.org/2004/07/SuperOffice.CRM.Services";

/** The XML Schema instance namespace, bound to `i` for `i:nil`. */
export const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

/** The element name .NET gives items of a `Dictionary<string, FieldProperty>`. */
export const FIELD_PROPERTY_ITEM = "KeyValueOfstringFieldPropertyo2RmJq4d";

/** Array properties → the element name of one item, as DataContract names it after the type. */
export const ARRAY_ITEM_NAMES: Record<string, string> = {
  SecondaryPersons: "Person",
  Messages: "TicketMessage",
  MessageHeaders: "TicketMessageHeader",
  Tags: "Tag",
  EscalationLevels: "TicketPriorityEscalationLevelEntity",
  NonDates: "dateTime",
  VisibleForGroups: "int",
};

/**
 * Map properties → the element name of one key/value pair.
 * TODO(xml-arrays-namespace): .NET puts dictionary items in the Serialization/Arrays namespace
 * under a prefix; they are written here in the default namespace, which readers ignore.
 */
export const MAP_ITEM_NAMES: Record<string, string> = {
  ExtraFields: "KeyValueOfstringstring",
  CustomFields: "KeyValueOfstringstring",
  _Links: "KeyValueOfstringstring",
  FieldProperties: FIELD_PROPERTY_ITEM,
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;" };

/** Escapes text content; `\r` is a character reference so that parsers keep it. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => ESCAPES[char] ?? char);
}

/** Writes one element holding a value; `name` decides how arrays and maps are itemised. */
function element(name: string, value: WireValue): string {
  if (value === null) return `<${name} i:nil="true"/>`;
  if (Array.isArray(value)) {
    const item = ARRAY_ITEM_NAMES[name] ?? "anyType";
    return `<${name}>${value.map((entry) => element(item, entry)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    const pair = Object.hasOwn(MAP_ITEM_NAMES, name) ? MAP_ITEM_NAMES[name] : undefined;
    const body = pair
      ? Object.entries(value)
          .map(([key, item]) => keyValue(pair, key, item))
          .join("")
      : children(value);
    return `<${name}>${body}</${name}>`;
  }
  const text = typeof value === "string" ? escapeXmlText(value) : String(value);
  return text === "" ? `<${name}/>` : `<${name}>${text}</${name}>`;
}

/** One dictionary entry: `<Item><Key>…</Key><Value>…</Value></Item>`. */
function keyValue(item: string, key: string, value: WireValue): string {
  return `<${item}>${element("Key", key)}${element("Value", value)}</${item}>`;
}

/** The child elements of a carrier, one per property, in property order. */
function children(value: { [key: string]: WireValue }): string {
  return Object.entries(value)
    .map(([key, item]) => element(key, item))
    .join("");
}

/**
 * Renders a carrier as DataContract-style XML: root named after the type, the DataContract
 * default namespace, `i:nil` for null, maps as key/value pairs, array items named by type.
 */
export function renderXml(typeName: string, value: { [key: string]: WireValue }): string {
  const root = `<${typeName} xmlns="${XML_NAMESPACE}" xmlns:i="${XSI_NAMESPACE}">`;
  return `<?xml version="1.0" encoding="utf-8"?>${root}${children(value)}</${typeName}>`;
}
