import type { Operation } from "../model/operation.js";
import { collectDateTimes } from "./property-kinds.js";

/** A date-time text split into its wall-clock ticks and its offset, if it carries one. */
export interface ParsedDateTime {
  /** 100-nanosecond ticks of the wall-clock reading since 0001-01-01T00:00:00. */
  wallTicks: bigint;
  /** Minutes east of UTC; absent when the text carries no offset. */
  offsetMinutes?: number;
  /** How the offset is written. */
  offsetStyle: "zulu" | "numeric" | "none";
}

const DATE_TIME = new RegExp("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})"
  + "(?::(\\d{2})(?:\\.(\\d{1,7}))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?$");
const TICKS_PER_SECOND = 10_000_000n;

/** Days since 0001-01-01 in the proleptic Gregorian calendar (no Date: years below 100 work). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)
    + dayOfYear;
  // Note: 306 days separate 0000-03-01 (the algorithm's origin) from 0001-01-01.
  return era * 146097 + dayOfEra - 306;
}

type Offset = Pick<ParsedDateTime, "offsetMinutes" | "offsetStyle">;

function parseOffset(text: string | undefined): Offset {
  if (text === undefined) return { offsetStyle: "none" };
  if (text === "Z") return { offsetMinutes: 0, offsetStyle: "zulu" };
  const digits = text.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return { offsetMinutes: text.startsWith("-") ? -minutes : minutes, offsetStyle: "numeric" };
}

/** Parses an ISO 8601 date-time as .NET writes it (up to seven fractional digits), or undefined. */
export function parseDateTime(text: string): ParsedDateTime | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const days = daysSinceEpoch(Number(year), Number(month), Number(day));
  const seconds = days * 86400 + Number(hour) * 3600 + Number(minute) * 60 + Number(second ?? 0);
  const fractionTicks = BigInt((fraction ?? "").padEnd(7, "0"));
  return { wallTicks: BigInt(seconds) * TICKS_PER_SECOND + fractionTicks, ...parseOffset(offset) };
}

/** The instant a date-time names, in UTC ticks; undefined when it has no offset or no form. */
export function instantOf(text: string): bigint | undefined {
  const parsed = parseDateTime(text);
  if (parsed?.offsetMinutes === undefined) return undefined;
  return parsed.wallTicks - BigInt(parsed.offsetMinutes * 60) * TICKS_PER_SECOND;
}

/** Whether a text is the unset date `0001-01-01T00:00:00`, in any zone notation. */
export function isUnsetDate(text: string): boolean {
  const parsed = parseDateTime(text);
  if (!parsed) return false;
  const instant = parsed.wallTicks - BigInt((parsed.offsetMinutes ?? 0) * 60) * TICKS_PER_SECOND;
  return parsed.wallTicks === 0n || instant === 0n;
}

/** A date-time whose instant differs between two answers. */
export interface InstantMismatch {
  pointer: string;
  left: unknown;
  right: unknown;
  why: string;
}

/**
 * Compares every date-time of `left` with the value at the same place in `right` by the
 * instant it names, so `12:00Z` and `14:00+02:00` agree. Both must carry offsets.
 */
export function sameInstants(
  left: unknown,
  right: unknown,
  operation: Operation,
): InstantMismatch[] {
  const rightValues = new Map(collectDateTimes(right, operation).map((d) => [d.pointer, d.value]));
  const mismatches: InstantMismatch[] = [];
  for (const { pointer, value } of collectDateTimes(left, operation)) {
    const other = rightValues.get(pointer);
    if (other === undefined) {
      mismatches.push({ pointer, left: value, right: other, why: "missing in the other answer" });
      continue;
    }
    const [a, b] = [instantOf(value), instantOf(other)];
    if (a === undefined || b === undefined) {
      mismatches.push({ pointer, left: value, right: other, why: "no offset, so no instant" });
    } else if (a !== b) {
      mismatches.push({ pointer, left: value, right: other, why: "different instants" });
    }
  }
  return mismatches;
}
