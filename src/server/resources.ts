/** Formats numbers and dates inside resource strings, in the request's culture. */
export interface CultureFormat {
  number(value: number): string;
  date(epochMs: number): string;
}

type ResourceText = string | ((format: CultureFormat) => string);

/** Resource ids the seed data uses, per language (iso2). English is the fallback. */
export const RESOURCES: Record<string, Record<string, ResourceText>> = {
  en: {
    SR_MANDATORY_FIELD_1281: "This field is mandatory",
    SR_TICKET_STATUS_OPEN: "Open",
    SR_TICKET_STATUS_CLOSED: "Closed",
    SR_CATEGORY_INTERNAL: "Internal",
    SR_PRIORITY_LOW: "Low",
    SR_PROJECT_STATUS_ACTIVE: "In progress",
    SR_TAG_ESCALATED: "Escalated",
    SR_SYSTEM_USER: "System",
    SR_INTERNAL_ONLY: "Internal messages are read-only",
    SR_RESTRICTED_CATEGORY: "Restricted category",
    SR_TICKET_DEFAULT_TITLE: (f) => `New request (quota ${f.number(1234.5)} hours)`,
    SR_ICON_ESCALATION: (f) => `Escalated on ${f.date(Date.UTC(2024, 11, 24, 12))}`,
  },
  no: {
    SR_MANDATORY_FIELD_1281: "Dette feltet er obligatorisk",
    SR_TICKET_STATUS_OPEN: "Åpen",
    SR_TICKET_STATUS_CLOSED: "Lukket",
    SR_CATEGORY_INTERNAL: "Intern",
    SR_PRIORITY_LOW: "Lav",
    SR_PROJECT_STATUS_ACTIVE: "Pågår",
    SR_TAG_ESCALATED: "Eskalert",
    SR_SYSTEM_USER: "System",
    SR_INTERNAL_ONLY: "Interne meldinger kan bare leses",
    SR_RESTRICTED_CATEGORY: "Begrenset kategori",
    SR_TICKET_DEFAULT_TITLE: (f) => `Ny henvendelse (kvote ${f.number(1234.5)} timer)`,
    SR_ICON_ESCALATION: (f) => `Eskalert ${f.date(Date.UTC(2024, 11, 24, 12))}`,
  },
  de: {
    SR_MANDATORY_FIELD_1281: "Dieses Feld ist ein Pflichtfeld",
    SR_TICKET_STATUS_OPEN: "Offen",
    SR_TICKET_STATUS_CLOSED: "Geschlossen",
    SR_CATEGORY_INTERNAL: "Intern",
    SR_PRIORITY_LOW: "Niedrig",
    SR_TAG_ESCALATED: "Eskaliert",
    SR_TICKET_DEFAULT_TITLE: (f) => `Neue Anfrage (Kontingent ${f.number(1234.5)} Stunden)`,
  },
};

/** The resource text for an id in a language, falling back to English, then to the id itself. */
export function lookupResource(id: string, iso: string, format: CultureFormat): string {
  const text = RESOURCES[iso]?.[id] ?? RESOURCES.en?.[id];
  if (text === undefined) return id;
  return typeof text === "function" ? text(format) : text;
}
