/**
 * Counting units: calendar months by the corresponding-date rule (ICO right-of-access guidance) and working
 * days (Monday to Friday less the nation's bank holidays, GOV.UK "UK bank holidays"). Expected dates are
 * counted by hand on a calendar; the holidays they skip are named next to each.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, daysBetween } from '../../../calc/dates.ts';
import {
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  longDate,
  NATIONS,
  nextWorkingDay,
  previousWorkingDay,
} from '../../../calc/deadlines/index.ts';
import { InputError } from '../../../calc/errors.ts';
import { OutOfCoverageError } from '../../../calc/parameters.ts';

describe('calendar months: the corresponding date, else the last day of the month', () => {
  test.each([
    ['2025-01-31', 1, '2025-02-28'], // no 31 February; 2025 not a leap year
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2024-11-30', 3, '2025-02-28'], // 30 November + 3 months
    ['2023-11-30', 3, '2024-02-29'], // … into a leap February
    ['2024-02-29', 12, '2025-02-28'], // leap day + a year
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-08-31', 6, '2025-02-28'], // ICE: 6 months from 31 August
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-01-15', 1, '2025-02-15'], // a corresponding date exists
    ['2025-12-31', 2, '2026-02-28'], // across a year end
  ])('%s + %i months = %s', (from, n, expected) => {
    expect(addCalendarMonths(from, n)).toBe(expected);
  });

  test('never earlier than the same day number allows, never more than one month-length past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15340, max: 22000 }), fc.integer({ min: 1, max: 24 }), (day, n) => {
        const from = addDays('1970-01-01', day);
        const to = addCalendarMonths(from, n);
        const d = Number(from.slice(8, 10));
        expect(Number(to.slice(8, 10))).toBeLessThanOrEqual(d);
        const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
        expect(months).toBe(n);
      }),
    );
  });

  test('a whole number of months and a real date only', () => {
    expect(() => addCalendarMonths('2025-01-31', 1.5)).toThrow(InputError);
    expect(() => addCalendarMonths('2025-02-30', 1)).toThrow(InputError);
  });
});

describe('working days', () => {
  test('weekends are not working days', () => {
    expect(isWorkingDay('2025-03-01', 'england_and_wales')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-02', 'scotland')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-03', 'scotland')).toBe(true); // Monday
  });

  test('nextWorkingDay: the day itself when working; over Easter the nations differ', () => {
    expect(nextWorkingDay('2025-03-03', 'england_and_wales')).toBe('2025-03-03');
    // Good Friday 18 April 2025, then the weekend; Easter Monday 21 April is a holiday in England and Wales only.
    expect(nextWorkingDay('2025-04-18', 'england_and_wales')).toBe('2025-04-22');
    expect(nextWorkingDay('2025-04-18', 'scotland')).toBe('2025-04-21');
    expect(previousWorkingDay('2025-04-21', 'england_and_wales')).toBe('2025-04-17');
  });

  test('counting starts the day after; a Saturday start counts Monday as day 1', () => {
    expect(addWorkingDays('2025-03-07', 1, 'england_and_wales')).toBe('2025-03-10'); // Friday → Monday
    expect(addWorkingDays('2025-03-07', 2, 'england_and_wales')).toBe('2025-03-11');
    expect(addWorkingDays('2025-03-08', 2, 'england_and_wales')).toBe('2025-03-11'); // Saturday → Tuesday
    expect(addWorkingDays('2025-03-07', 0, 'england_and_wales')).toBe('2025-03-07');
    expect(addWorkingDays('2025-04-22', -1, 'england_and_wales')).toBe('2025-04-17'); // back over Easter
  });

  test('across Christmas 2024 and New Year 2025', () => {
    // From Friday 20 December 2024: 23, 24, [25, 26 Christmas, Boxing Day], 27, 30, 31 → 5th is the 31st.
    expect(addWorkingDays('2024-12-20', 5, 'england_and_wales')).toBe('2024-12-31');
    expect(addWorkingDays('2024-12-20', 5, 'scotland')).toBe('2024-12-31');
    // 6th: 1 January is a holiday in both; 2 January 2025 in Scotland only.
    expect(addWorkingDays('2024-12-20', 6, 'england_and_wales')).toBe('2025-01-02');
    expect(addWorkingDays('2024-12-20', 6, 'scotland')).toBe('2025-01-03');
  });

  test('across the Christmas substitute days of 2021 (Saturday) and 2022 (Sunday)', () => {
    // GOV.UK 2021: 27 and 28 December substitute days. Friday 24 December + 1 = Wednesday 29.
    expect(addWorkingDays('2021-12-24', 1, 'england_and_wales')).toBe('2021-12-29');
    // GOV.UK 2022: Boxing Day Monday 26, Christmas substitute Tuesday 27. Friday 23 + 1 = Wednesday 28.
    expect(addWorkingDays('2022-12-23', 1, 'scotland')).toBe('2022-12-28');
    // Then New Year's substitute Monday 2 January 2023; Scotland also Tuesday 3 January.
    expect(addWorkingDays('2022-12-30', 1, 'england_and_wales')).toBe('2023-01-03');
    expect(addWorkingDays('2022-12-30', 1, 'scotland')).toBe('2023-01-04');
  });

  test('n working days after a date: exactly n working days in between, the last of them the result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6500 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...NATIONS), (offset, n, nation) => {
        const from = addDays('2012-01-01', offset);
        const due = addWorkingDays(from, n, nation);
        expect(isWorkingDay(due, nation)).toBe(true);
        let counted = 0;
        for (let d = addDays(from, 1); d <= due; d = addDays(d, 1)) if (isWorkingDay(d, nation)) counted++;
        expect(counted).toBe(n);
        // At most 5 working days in any 7 calendar days.
        expect(daysBetween(from, due)).toBeGreaterThanOrEqual(Math.ceil((n * 7) / 5) - 2);
      }),
    );
  });

  test('refuses to count into a year the tables do not cover', () => {
    expect(() => addWorkingDays('2030-12-20', 10, 'england_and_wales')).toThrow(OutOfCoverageError);
    expect(() => nextWorkingDay('2011-12-31', 'scotland')).toThrow(/2012–2030/);
    expect(() => isWorkingDay('2031-03-03', 'scotland')).toThrow(OutOfCoverageError);
    expect(() => addWorkingDays('2025-01-01', 1.5, 'scotland')).toThrow(InputError);
  });
});

test('long dates name the weekday', () => {
  expect(longDate('2025-02-28')).toBe('Friday 28 February 2025');
  expect(longDate('2024-02-29')).toBe('Thursday 29 February 2024');
});
