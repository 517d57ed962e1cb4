/**
 * Counting in the three units deadlines use (dispute-process.md §0.3): calendar days, calendar months by the
 * corresponding-date rule, and working days (Monday to Friday, not a bank holiday of the nation).
 * @module
 */
import { addDays, addMonths, dateInWords, isCivilDate, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { bankHolidayOn, checkCovered, dayOfWeek, isWeekend, type Nation } from './holidays.ts';

/** Monday to Friday and not a bank holiday in `nation`. Refuses a date outside the bank holiday tables. */
export function isWorkingDay(date: CivilDate, nation: Nation): boolean {
  checkCovered(date);
  return !isWeekend(date) && bankHolidayOn(date, nation) === undefined;
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: CivilDate, nation: Nation): CivilDate {
  let d = date;
  while (!isWorkingDay(d, nation)) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a working day, otherwise the last working day before it. */
export function previousWorkingDay(date: CivilDate, nation: Nation): CivilDate {
  let d = date;
  while (!isWorkingDay(d, nation)) d = addDays(d, -1);
  return d;
}

/**
 * The `n`th working day after `date` (before it when `n` is negative). The day itself is never counted:
 * 2 working days after a Friday is the Tuesday; after a Saturday, the Tuesday too. `n = 0` gives `date`.
 */
export function addWorkingDays(date: CivilDate, n: number, nation: Nation): CivilDate {
  if (!Number.isInteger(n)) throw new InputError('n', `must be a whole number of working days; got ${String(n)}`);
  checkCovered(date);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isWorkingDay(d, nation)) left--;
  }
  return d;
}

/**
 * `n` calendar months after `date` by the corresponding-date rule (ICO right-of-access guidance): the same
 * day number in the month `n` months on, or the last day of that month when it has no such day
 * (31 January + 1 month = 28 or 29 February; 30 November + 3 months = 28 or 29 February).
 */
export function addCalendarMonths(date: CivilDate, n: number): CivilDate {
  if (!isCivilDate(date)) throw new InputError('date', `must be a real date written YYYY-MM-DD; got "${String(date)}"`);
  if (!Number.isInteger(n)) throw new InputError('n', `must be a whole number of months; got ${String(n)}`);
  return addMonths(date, n);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "Friday 28 February 2025". */
export function longDate(date: CivilDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]} ${dateInWords(date)}`;
}
