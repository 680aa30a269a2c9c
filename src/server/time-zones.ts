import { Instant } from "./instant.js";

/** A time zone the `SO-TimeZone` header names: its IANA name and its numeric id if known. */
interface ZoneEntry {
  iana: string;
  id?: number;
}

/** SuperOffice zone codes. Offsets come from the runtime's zone database, never from here. */
const ZONES: Record<string, ZoneEntry> = {
  UTC: { iana: "UTC", id: 1 },
  NO: { iana: "Europe/Oslo", id: 261 },
  "US-NY": { iana: "America/New_York", id: 460 },
  DK: { iana: "Europe/Copenhagen" },
  FR: { iana: "Europe/Paris" },
  "US-CA": { iana: "America/Los_Angeles" },
  "AU-ACT": { iana: "Australia/Sydney" },
};

const BY_ID = new Map(
  Object.values(ZONES).flatMap((zone) => (zone.id === undefined ? [] : [[zone.id, zone] as const])),
);

/** How dates are to be written for one request. */
export interface ZoneChoice {
  /** IANA zone the instants are converted to. */
  zone: string;
  /** Whether every date carries its offset (`Z` for UTC). */
  includeOffset: boolean;
}

/**
 * Reads `SO-TimeZone: <code or id>[,includeTZOffset]`. Returns undefined when the header is
 * absent or names no known zone: an unknown zone is ignored rather than refused.
 */
export function parseTimeZoneHeader(value: string | undefined): ZoneChoice | undefined {
  if (value === undefined) return undefined;
  const [name = "", ...flags] = value.split(",").map((part) => part.trim());
  const code = name.toUpperCase();
  const byCode = Object.hasOwn(ZONES, code) ? ZONES[code] : undefined;
  const entry = /^\d+$/.test(name) ? BY_ID.get(Number(name)) : byCode;
  if (!entry) return undefined;
  const includeOffset = flags.some((flag) => flag.toLowerCase() === "includetzoffset");
  return { zone: entry.iana, includeOffset };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter giving wall-clock parts in a zone. */
function wallClock(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Writes an offset in minutes as `+02:00` / `-05:00`. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Writes the .NET sentinels as stored; with an offset they are tagged `Z`, keeping the instant. */
function formatSentinel(instant: Instant, includeOffset: boolean): string {
  const text = instant.sentinel === "unset" ? "0001-01-01T00:00:00" : "9999-12-31T23:59:59.9999999";
  return includeOffset ? `${text}Z` : text;
}

/**
 * Writes an instant as wall-clock time in `zone`, keeping its stored fractional digits, with the
 * offset appended when asked (`Z` for the UTC zone, `+hh:mm` otherwise).
 */
export function formatInstant(instant: Instant, zone: string, includeOffset: boolean): string {
  if (instant.sentinel) return formatSentinel(instant, includeOffset);
  const parts: Record<string, number> = {};
  for (const part of wallClock(zone).formatToParts(new Date(instant.epochMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const fraction = instant.fraction ? `.${instant.fraction}` : "";
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const text = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (!includeOffset) return text + fraction;
  if (zone === "UTC") return `${text}${fraction}Z`;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return text + fraction + formatOffset(Math.round((wallMs - instant.epochMs) / 60_000));
}
