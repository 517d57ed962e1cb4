/**
 * The bank holiday tables against the published list. Expected dates are GOV.UK's "UK bank holidays" list
 * (https://www.gov.uk/bank-holidays.json, as published: the 2012–2016 edition and the 2019–2027 edition;
 * England and Wales 2017–2018 from the 2012–2020 edition). Scotland 2017–2018 and every year after 2027 are
 * not in the copies seen and are labelled "computed by rule" where they appear.
 */
import { describe, expect, test } from 'vitest';
import {
  bankHolidayOn,
  bankHolidays,
  easterSunday,
  FIRST_HOLIDAY_YEAR,
  isBankHoliday,
  LAST_HOLIDAY_YEAR,
  NATIONS,
  type Nation,
} from '../../../calc/deadlines/index.ts';
import { InputError } from '../../../calc/errors.ts';
import { OutOfCoverageError } from '../../../calc/parameters.ts';

/** GOV.UK "UK bank holidays", England and Wales, month-day per year. */
const GOV_UK_ENGLAND_AND_WALES: Record<number, string[]> = {
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2013: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2014: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2015: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

/** GOV.UK "UK bank holidays", Scotland, month-day per year (2017–2018 not in the copies seen). */
const GOV_UK_SCOTLAND: Record<number, string[]> = {
  2012: ['01-02', '01-03', '04-06', '05-07', '06-04', '06-05', '08-06', '11-30', '12-25', '12-26'],
  2013: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  2014: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
  2015: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
  2016: ['01-01', '01-04', '03-25', '05-02', '05-30', '08-01', '11-30', '12-26', '12-27'],
  2019: ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  2020: ['01-01', '01-02', '04-10', '05-08', '05-25', '08-03', '11-30', '12-25', '12-28'],
  2021: ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
  2022: ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
  2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
  2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
  2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
  2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
};

const dates = (year: number, nation: Nation) => bankHolidays(year, nation).map((h) => h.date.slice(5));

describe('the tables match GOV.UK, year by year', () => {
  test.each(Object.keys(GOV_UK_ENGLAND_AND_WALES).map(Number))('England and Wales %i', (year) => {
    expect(dates(year, 'england_and_wales')).toEqual(GOV_UK_ENGLAND_AND_WALES[year]);
  });
  test.each(Object.keys(GOV_UK_SCOTLAND).map(Number))('Scotland %i', (year) => {
    expect(dates(year, 'scotland')).toEqual(GOV_UK_SCOTLAND[year]);
  });
  test('Scotland 2017 and 2018 (computed by rule: not in the GOV.UK copies seen)', () => {
    // 2017: 1 January a Sunday → 2 January stays, New Year substitute Tuesday 3 January; Easter 16 April.
    expect(dates(2017, 'scotland')).toEqual(['01-02', '01-03', '04-14', '05-01', '05-29', '08-07', '11-30', '12-25', '12-26']);
    // 2018: Easter 1 April; first Monday of August the 6th; St Andrew's Day a Friday.
    expect(dates(2018, 'scotland')).toEqual(['01-01', '01-02', '03-30', '05-07', '05-28', '08-06', '11-30', '12-25', '12-26']);
  });
});

describe('Easter', () => {
  test.each([
    // Gregorian Easter Sunday (any Easter table; GOV.UK Good Friday/Easter Monday above agree for 2012–2027).
    [2012, '2012-04-08'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  test('2024: Good Friday 29 March and Easter Monday 1 April (GOV.UK)', () => {
    expect(bankHolidayOn('2024-03-29', 'england_and_wales')?.name).toBe('Good Friday');
    expect(bankHolidayOn('2024-04-01', 'england_and_wales')?.name).toBe('Easter Monday');
    expect(isBankHoliday('2024-03-29', 'scotland')).toBe(true);
    // Scotland has Good Friday but not Easter Monday.
    expect(isBankHoliday('2024-04-01', 'scotland')).toBe(false);
  });

  test('2025: Good Friday 18 April and Easter Monday 21 April (GOV.UK)', () => {
    expect(isBankHoliday('2025-04-18', 'england_and_wales')).toBe(true);
    expect(isBankHoliday('2025-04-21', 'england_and_wales')).toBe(true);
    expect(isBankHoliday('2025-04-18', 'scotland')).toBe(true);
    expect(isBankHoliday('2025-04-21', 'scotland')).toBe(false);
  });

  test('2028–2030 (computed by rule): Good Friday and Easter Monday from the computus', () => {
    expect(dates(2028, 'england_and_wales').slice(1, 3)).toEqual(['04-14', '04-17']);
    expect(dates(2029, 'england_and_wales').slice(1, 3)).toEqual(['03-30', '04-02']);
    expect(dates(2030, 'england_and_wales').slice(1, 3)).toEqual(['04-19', '04-22']);
  });
});

describe('holidays of one nation only', () => {
  test('Scotland: 2 January (GOV.UK 2024: Tuesday 2 January)', () => {
    expect(isBankHoliday('2024-01-02', 'scotland')).toBe(true);
    expect(isBankHoliday('2024-01-02', 'england_and_wales')).toBe(false);
  });
  test('Scotland: the first Monday in August; England and Wales: the last (GOV.UK 2024: 5 and 26 August)', () => {
    expect(isBankHoliday('2024-08-05', 'scotland')).toBe(true);
    expect(isBankHoliday('2024-08-05', 'england_and_wales')).toBe(false);
    expect(isBankHoliday('2024-08-26', 'england_and_wales')).toBe(true);
    expect(isBankHoliday('2024-08-26', 'scotland')).toBe(false);
  });
  test("St Andrew's Day on a weekday stays (GOV.UK 2023: Thursday 30 November)", () => {
    expect(bankHolidayOn('2023-11-30', 'scotland')).toMatchObject({ name: 'St Andrew’s Day', substitute: false });
    expect(isBankHoliday('2023-11-30', 'england_and_wales')).toBe(false);
  });
  test("St Andrew's Day on a Saturday moves to Monday (GOV.UK 2024: 30 November a Saturday → 2 December)", () => {
    expect(isBankHoliday('2024-11-30', 'scotland')).toBe(false);
    expect(bankHolidayOn('2024-12-02', 'scotland')).toMatchObject({ name: 'St Andrew’s Day (substitute day)', substitute: true });
    expect(isBankHoliday('2024-12-02', 'england_and_wales')).toBe(false);
  });
  test("St Andrew's Day on a Sunday moves to Monday (GOV.UK 2025: 30 November a Sunday → 1 December)", () => {
    expect(isBankHoliday('2025-12-01', 'scotland')).toBe(true);
  });
  test("St Andrew's Day 2030, a Saturday, moves to Monday 2 December (computed by rule)", () => {
    expect(isBankHoliday('2030-12-02', 'scotland')).toBe(true);
  });
  test('England and Wales: Easter Monday (GOV.UK 2026: 6 April)', () => {
    expect(isBankHoliday('2026-04-06', 'england_and_wales')).toBe(true);
    expect(isBankHoliday('2026-04-06', 'scotland')).toBe(false);
  });
});

describe('substitute days', () => {
  test('Christmas on a Saturday, 2021: Christmas → Monday 27, Boxing Day → Tuesday 28 (GOV.UK)', () => {
    for (const nation of NATIONS) {
      expect(bankHolidayOn('2021-12-27', nation)).toMatchObject({ name: 'Christmas Day (substitute day)', substitute: true });
      expect(bankHolidayOn('2021-12-28', nation)).toMatchObject({ name: 'Boxing Day (substitute day)', substitute: true });
      expect(isBankHoliday('2021-12-25', nation)).toBe(false);
    }
  });
  test('Christmas on a Sunday, 2022: Boxing Day Monday 26, Christmas → Tuesday 27 (GOV.UK)', () => {
    for (const nation of NATIONS) {
      expect(bankHolidayOn('2022-12-26', nation)).toMatchObject({ name: 'Boxing Day', substitute: false });
      expect(bankHolidayOn('2022-12-27', nation)).toMatchObject({ name: 'Christmas Day (substitute day)', substitute: true });
    }
  });
  test('Boxing Day on a Saturday, 2020: → Monday 28 (GOV.UK)', () => {
    expect(bankHolidayOn('2020-12-28', 'england_and_wales')?.substitute).toBe(true);
  });
  test('New Year on a Saturday, 2022: → Monday 3; in Scotland 2 January (a Sunday) → Tuesday 4 (GOV.UK)', () => {
    expect(isBankHoliday('2022-01-03', 'england_and_wales')).toBe(true);
    expect(isBankHoliday('2022-01-04', 'england_and_wales')).toBe(false);
    expect(isBankHoliday('2022-01-03', 'scotland')).toBe(true);
    expect(isBankHoliday('2022-01-04', 'scotland')).toBe(true);
  });
  test('New Year on a Sunday, 2023: Monday 2 in both; Scotland also Tuesday 3 (GOV.UK)', () => {
    expect(isBankHoliday('2023-01-02', 'england_and_wales')).toBe(true);
    expect(isBankHoliday('2023-01-03', 'england_and_wales')).toBe(false);
    expect(isBankHoliday('2023-01-03', 'scotland')).toBe(true);
  });
});

describe('one-off changes by proclamation', () => {
  test('2012: spring holiday moved from 28 May to 4 June, Diamond Jubilee 5 June (both nations)', () => {
    for (const nation of NATIONS) {
      expect(isBankHoliday('2012-05-28', nation)).toBe(false);
      expect(isBankHoliday('2012-06-04', nation)).toBe(true);
      expect(bankHolidayOn('2012-06-05', nation)?.name).toBe('Queen’s Diamond Jubilee');
    }
  });
  test('2020: early May holiday moved from Monday 4 May to Friday 8 May (VE Day)', () => {
    for (const nation of NATIONS) {
      expect(isBankHoliday('2020-05-04', nation)).toBe(false);
      expect(isBankHoliday('2020-05-08', nation)).toBe(true);
    }
  });
  test('2022: spring holiday 2 June, Platinum Jubilee 3 June, State Funeral 19 September; not 30 May', () => {
    for (const nation of NATIONS) {
      expect(isBankHoliday('2022-05-30', nation)).toBe(false);
      expect(isBankHoliday('2022-06-02', nation)).toBe(true);
      expect(isBankHoliday('2022-06-03', nation)).toBe(true);
      expect(bankHolidayOn('2022-09-19', nation)?.name).toBe('Bank holiday for the State Funeral of Queen Elizabeth II');
    }
  });
  test('2023: Coronation of King Charles III on Monday 8 May, as well as the early May holiday on 1 May', () => {
    for (const nation of NATIONS) {
      expect(isBankHoliday('2023-05-01', nation)).toBe(true);
      expect(bankHolidayOn('2023-05-08', nation)?.name).toBe('Bank holiday for the Coronation of King Charles III');
    }
  });
});

describe('coverage and sources', () => {
  test('every year from 2012 to 2030 is coded, each holiday a weekday with a cited source', () => {
    expect([FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR]).toEqual([2012, 2030]);
    for (const nation of NATIONS) {
      for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_HOLIDAY_YEAR; year++) {
        const list = bankHolidays(year, nation);
        expect(list.length, `${nation} ${year}`).toBeGreaterThanOrEqual(8);
        for (const h of list) {
          const dow = new Date(`${h.date}T12:00:00Z`).getUTCDay();
          expect(dow, `${h.date} ${h.name}`).not.toBe(0);
          expect(dow, `${h.date} ${h.name}`).not.toBe(6);
          expect(h.source.title).toMatch(/Banking and Financial Dealings Act 1971|St Andrew|GOV\.UK/);
          expect(h.source.href).toMatch(/^https:\/\//);
        }
      }
    }
  });

  test('a date outside 2012–2030 is refused, naming the range, not guessed', () => {
    expect(() => isBankHoliday('2011-12-26', 'england_and_wales')).toThrow(OutOfCoverageError);
    expect(() => isBankHoliday('2031-01-01', 'scotland')).toThrow(/cover 2012–2030/);
    expect(() => bankHolidays(2031, 'scotland')).toThrow(OutOfCoverageError);
  });

  test('a nation or date that is not one is an input error', () => {
    expect(() => isBankHoliday('2024-01-01', 'northern_ireland' as Nation)).toThrow(InputError);
    expect(() => isBankHoliday('2023-02-29', 'scotland')).toThrow(InputError);
    expect(() => bankHolidays(2024.5, 'scotland')).toThrow(InputError);
  });
});
