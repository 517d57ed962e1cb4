/**
 * Today's date for inputs that default to today. The only place outside tests that reads the clock.
 * @module
 */
import { dayNumberOf, type CivilDate } from '../calc/dates.ts';
import { ukDayOf } from '../calc/uk-time.ts';

/** Today's civil date in the UK (Europe/London), as YYYY-MM-DD. */
export function todayInUk(now: Date = new Date()): CivilDate {
  return ukDayOf(now);
}

export const TODAY_VARIABLE = 'RECKONER_TODAY';

/**
 * The day a server works on: `RECKONER_TODAY` when it is set — a fixed day, to reproduce what Reckoner said on
 * that day (deadlines, "overdue") or to script a run — else today in the UK, read afresh on every call.
 * Throws, naming the variable, when it is set to anything but a real date written YYYY-MM-DD.
 */
export function serverDay(env: Readonly<Record<string, string | undefined>> = process.env): () => CivilDate {
  const fixed = env[TODAY_VARIABLE]?.trim();
  if (!fixed) return () => todayInUk();
  if (dayNumberOf(fixed) === undefined) {
    throw new Error(
      `${TODAY_VARIABLE} must be a real date written YYYY-MM-DD, e.g. 2024-04-15 (got "${fixed}"); unset it to use today's date`,
    );
  }
  return () => fixed;
}
