import { lookupResource, type CultureFormat } from "./resources.js";
import { mapLeaves, type StoredValue } from "./tree.js";

/** The language a request asks strings to be resolved into. */
export interface Translation {
  /** iso2, lower case: `en`, `no`, `de`. */
  iso: string;
  /** The SuperOffice code used in multi-language values: `US`, `NO`, `GE`. */
  code: string;
  /** Formats numbers and dates inside resource strings. */
  format: CultureFormat;
}

/** iso2 → the code SuperOffice writes in multi-language values, where they differ. */
const LANGUAGE_CODES: Record<string, { iso: string; code: string }> = {
  en: { iso: "en", code: "US" },
  nb: { iso: "no", code: "NO" },
  nn: { iso: "no", code: "NO" },
  no: { iso: "no", code: "NO" },
  de: { iso: "de", code: "GE" },
  sv: { iso: "sv", code: "SW" },
  da: { iso: "da", code: "DA" },
};

/** iso2 → the locale `Intl` formats in for that culture. */
const CULTURE_LOCALES: Record<string, string> = {
  en: "en-US", no: "nb-NO", de: "de-DE", sv: "sv-SE", da: "da-DK", fr: "fr-FR",
};

/** Values that switch translation off. */
const NO_LANGUAGE = new Set(["*", "x"]);

/** The first language tag with a non-zero q-value, primary subtag only, lower case. */
function firstLanguage(header: string): string | undefined {
  for (const range of header.split(",")) {
    const [tag = "", ...params] = range.split(";").map((part) => part.trim());
    const q = params.find((param) => /^q=/i.test(param));
    if (tag === "" || (q !== undefined && !(Number(q.slice(2)) > 0))) continue;
    return tag.split("-")[0]?.toLowerCase();
  }
  return undefined;
}

/** Maps an iso2 tag to its language entry; unknown languages keep their tag upper-cased. */
function languageFor(tag: string): { iso: string; code: string } {
  return Object.hasOwn(LANGUAGE_CODES, tag)
    ? (LANGUAGE_CODES[tag] as { iso: string; code: string })
    : { iso: tag, code: tag.toUpperCase() };
}

/** A culture formatter; numbers and dates outside strings are never formatted this way. */
function cultureFormat(iso: string): CultureFormat {
  const locale = CULTURE_LOCALES[iso] ?? "en-US";
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" });
  return { number: (value) => numbers.format(value), date: (ms) => dates.format(ms) };
}

/**
 * Chooses the translation from the headers: `SO-Language` overrides `Accept-Language`; `*` and
 * `x` switch it off; `SO-Culture` changes only formatting inside strings, and only with a
 * language.
 */
export function chooseTranslation(headers: Record<string, string>): Translation | undefined {
  const soLanguage = headers["so-language"]?.trim();
  const tag = firstLanguage(soLanguage || (headers["accept-language"] ?? ""));
  if (tag === undefined || NO_LANGUAGE.has(tag)) return undefined;
  const language = languageFor(tag);
  const culture = headers["so-culture"]?.trim();
  const cultureTag = culture ? firstLanguage(culture) : undefined;
  const cultureIso = cultureTag ? languageFor(cultureTag).iso : language.iso;
  return { ...language, format: cultureFormat(cultureIso) };
}

const MULTI_LANGUAGE = /^(?:[A-Za-z]{2}:"[^"]*";?)+$/;
const MULTI_LANGUAGE_PART = /([A-Za-z]{2}):"([^"]*)"/g;
const RESOURCE_ID = /\[(SR_[A-Za-z0-9_]+)\]/g;

/** Resolves one string: a multi-language value picks the language, resource ids are replaced. */
export function translateText(text: string, translation: Translation): string {
  let resolved = text;
  if (MULTI_LANGUAGE.test(text)) {
    const parts = [...text.matchAll(MULTI_LANGUAGE_PART)];
    const chosen = parts.find((part) => part[1]?.toUpperCase() === translation.code) ?? parts[0];
    resolved = chosen?.[2] ?? "";
  }
  return resolved.replace(RESOURCE_ID, (_, id: string) =>
    lookupResource(id, translation.iso, translation.format),
  );
}

/** Resolves every string in a tree, nested ones included; other leaves are kept. */
export function translateTree<T extends StoredValue>(value: T, translation?: Translation): T {
  if (!translation) return value;
  return mapLeaves(value, (leaf) =>
    typeof leaf === "string" ? translateText(leaf, translation) : leaf,
  ) as T;
}
