/**
 * Today's date for inputs that default to today. The only place outside tests that reads the clock.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';

// Made once: building an Intl.DateTimeFormat costs about 0.1 ms, as much as a whole calculation.
const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's civil date in the UK (Europe/London), as YYYY-MM-DD. */
export function todayInUk(now: Date = new Date()): CivilDate {
  return UK_DATE.format(now);
}
