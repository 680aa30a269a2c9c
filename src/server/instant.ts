/**
 * A stored point in time. The whole seconds are kept as epoch milliseconds; the fractional
 * digits are kept as text because real servers send up to seven of them, more than a JS `Date`
 * can hold.
 */
export class Instant {
  constructor(
    /** Milliseconds since the epoch, whole seconds only. */
    readonly epochMs: number,
    /** The stored fractional-second digits (0 to 7 of them), without the dot. */
    readonly fraction: string,
    /** Set for the .NET sentinels that are written as stored, never converted. */
    readonly sentinel?: "unset" | "max",
  ) {}
}

const UTC_STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z$/;

/** Reads a UTC stamp such as `2020-08-19T15:12:16.9553621Z` into an `Instant`. */
export function utc(stamp: string): Instant {
  const match = UTC_STAMP.exec(stamp);
  if (!match?.[1]) throw new TypeError(`not a UTC stamp with at most 7 fraction digits: ${stamp}`);
  return new Instant(Date.parse(`${match[1]}Z`), match[2] ?? "");
}

/** .NET's `DateTime.MinValue`: how the API writes a date that was never set. */
export const UNSET_DATE = new Instant(Date.parse("0001-01-01T00:00:00Z"), "", "unset");

/** .NET's `DateTime.MaxValue`, used by real servers for "never". */
export const MAX_DATE = new Instant(Date.parse("9999-12-31T23:59:59Z"), "9999999", "max");
