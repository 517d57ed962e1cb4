/**
 * The civil date in the UK at a moment, worked from the law that sets the UK's clocks rather than read from the
 * time-zone database. Greenwich mean time, and summer time an hour ahead of it "beginning at one o'clock, Greenwich
 * mean time, in the morning of the last Sunday in March and ending at one o'clock, Greenwich mean time, in the
 * morning of the last Sunday in October" (Summer Time Act 1972 s 1(2), as substituted by the Summer Time Order 2002
 * (SI 2002/262) art 2). The Orders before it gave the same days from 1996.
 *
 * Why not Intl: the first `Intl.DateTimeFormat` with a time zone loads the zone data, about 25–30 ms, a tenth of
 * the MCP server's whole start before its first answer; this is a few integer operations. The test checks it
 * against the time-zone database hour by hour from 1996, so a change in the law shows as a failure there.
 * @module
 */
import { fromDayNumber, toDayNumber, type CivilDate } from './dates.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The first year whose summer time this rule gives. */
export const SUMMER_TIME_RULE_FROM = 1996;

/** The day number (days since 1970-01-01, a Thursday) of the last Sunday of a month. */
function lastSunday(year: number, month: number): number {
  const firstOfNext = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const lastDay = toDayNumber(firstOfNext) - 1;
  const weekday = (((lastDay + 4) % 7) + 7) % 7; // 0 for a Sunday
  return lastDay - weekday;
}

/** Summer time's start and end in a year, as milliseconds since the epoch; the latest year's kept (it is nearly always this year). */
let latest: { readonly year: number; readonly start: number; readonly end: number } | undefined;
function summerTime(year: number): { readonly start: number; readonly end: number } {
  if (latest?.year !== year) latest = { year, start: lastSunday(year, 3) * DAY_MS + HOUR_MS, end: lastSunday(year, 10) * DAY_MS + HOUR_MS };
  return latest;
}

/**
 * The UK's civil date at `epochMs` (milliseconds since 1970-01-01T00:00Z), or undefined for a moment this rule
 * does not cover: before {@link SUMMER_TIME_RULE_FROM}, or not a finite time.
 */
export function ukCivilDateAt(epochMs: number): CivilDate | undefined {
  if (!Number.isFinite(epochMs)) return undefined;
  const gmt = fromDayNumber(Math.floor(epochMs / DAY_MS));
  const year = Number(gmt.slice(0, 4));
  if (gmt.length !== 10 || year < SUMMER_TIME_RULE_FROM) return undefined; // (a year of five digits is left to Intl too)
  // Summer time never spans a new year, so the year of the GMT day is the year whose period applies.
  const { start, end } = summerTime(year);
  const offset = epochMs >= start && epochMs < end ? HOUR_MS : 0;
  return fromDayNumber(Math.floor((epochMs + offset) / DAY_MS));
}

/** Made on first use only, for a moment the rule above does not cover: loading it costs about 30 ms. */
let ukDateFormat: Intl.DateTimeFormat | undefined;

/** The civil date in the UK (Europe/London) at a moment, as YYYY-MM-DD: by the rule above, else by the time-zone database. */
export function ukDayOf(moment: Date): CivilDate {
  const day = ukCivilDateAt(moment.getTime());
  if (day !== undefined) return day;
  ukDateFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  return ukDateFormat.format(moment);
}
