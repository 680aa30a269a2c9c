/**
 * A SuperOffice date-time as servers write it: `YYYY-MM-DDTHH:MM:SS`, then up to seven
 * fractional digits (.NET ticks), then optionally `Z`, `±HH:MM` or `±HHMM` (one old example
 * writes `-0500`). Month, day, hour and minute ranges are checked so that `2020-13-01` fails;
 * day-of-month against the month is not (a regular expression cannot know leap years).
 * Note: a `pattern`, not `format: date-time`, because RFC 3339 requires the offset that
 * SuperOffice leaves out without `SO-TimeZone`, and a pattern needs no format runtime.
 */
export const DATE_TIME_PATTERN =
  "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" +
  "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]" +
  "(\\.[0-9]{1,7})?" +
  "(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$";

/** How messages describe a date-time, with the two forms servers send. */
export const DATE_TIME_WORDS =
  "a SuperOffice date-time such as 2019-12-19T11:55:14 or 2019-12-19T11:55:14.1234567+01:00";

/** The bounds of .NET's Int32. */
export const INT32_RANGE = { minimum: -2147483648, maximum: 2147483647 } as const;
