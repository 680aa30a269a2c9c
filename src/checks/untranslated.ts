import { childPointer, isJsonObject } from "./json-pointer.js";

/** A string left untranslated: a raw multi-language value or a resource id. */
export interface Untranslated {
  pointer: string;
  value: string;
  form: "multi-language" | "resource-id";
}

/** `NO:"Kundestøtte";US:"Support"`: a language code, a colon and a quoted text, `;`-separated. */
const MULTI_LANGUAGE = /(?:^|;)\s*[A-Za-z]{2}(?:-[A-Za-z]{2,})?:"[^"]*"\s*(?:;|$)/;
/** `[SR_MANDATORY_FIELD_1281]`: a string resource reference. */
const RESOURCE_ID = /\[SR_[A-Za-z0-9_]+\]/;

/** The form of untranslated text a string shows, if any. */
export function untranslatedForm(text: string): Untranslated["form"] | undefined {
  if (MULTI_LANGUAGE.test(text)) return "multi-language";
  if (RESOURCE_ID.test(text)) return "resource-id";
  return undefined;
}

/** Every string in a JSON value, nested ones included, that is still untranslated. */
export function findUntranslated(value: unknown, pointer = ""): Untranslated[] {
  if (typeof value === "string") {
    const form = untranslatedForm(value);
    return form ? [{ pointer, value, form }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findUntranslated(item, childPointer(pointer, index)));
  }
  if (isJsonObject(value)) {
    return Object.entries(value)
      .flatMap(([key, item]) => findUntranslated(item, childPointer(pointer, key)));
  }
  return [];
}
