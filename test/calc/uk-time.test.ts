/**
 * The UK's civil date from the summer-time rule (calc/uk-time.ts), against the law's own days and against the
 * time-zone database (Intl, Europe/London) hour by hour from 1996.
 */
import { describe, expect, test } from 'vitest';
import { SUMMER_TIME_RULE_FROM, ukCivilDateAt, ukDayOf } from '../../calc/uk-time.ts';

const at = (iso: string): number => Date.parse(iso);
const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('the rule: summer time from 01:00 GMT on the last Sunday in March to 01:00 GMT on the last Sunday in October', () => {
  // 2026: the last Sunday in March is the 29th, the last Sunday in October the 25th (Summer Time Act 1972 s 1(2)).
  test.each([
    ['2026-01-15T23:59:59Z', '2026-01-15', 'winter: GMT, the same day'],
    ['2026-03-29T00:59:59Z', '2026-03-29', 'a second before summer time begins'],
    ['2026-03-28T23:30:00Z', '2026-03-28', 'the night before: still GMT'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'the first evening of summer time: 00:30 BST on the 30th'],
    ['2026-07-01T23:00:00Z', '2026-07-02', 'midsummer: 23:00 GMT is midnight BST'],
    ['2026-07-01T22:59:59Z', '2026-07-01', 'midsummer, a second earlier'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the last night of summer time: 00:30 BST on the 25th'],
    ['2026-10-25T00:59:59Z', '2026-10-25', 'a second before it ends'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'after it ends: GMT again'],
    ['2024-03-31T00:30:00Z', '2024-03-31', "2024's last Sunday in March is the 31st: still GMT at 00:30"],
    ['2024-10-26T23:30:00Z', '2024-10-27', "2024's last Sunday in October is the 27th: BST until 01:00 GMT"],
    ['2028-12-31T23:59:59Z', '2028-12-31', 'new year: never summer time'],
  ])('%s is %s in the UK (%s)', (instant, day) => {
    expect(ukCivilDateAt(at(instant))).toBe(day);
    expect(LONDON.format(new Date(instant))).toBe(day);
  });

  test('moments it does not cover are left to the time-zone database, by ukDayOf', () => {
    expect(ukCivilDateAt(at('1995-07-01T23:30:00Z'))).toBeUndefined();
    expect(ukDayOf(new Date('1995-07-01T23:30:00Z'))).toBe('1995-07-02'); // BST in 1995 too
    expect(ukCivilDateAt(Number.NaN)).toBeUndefined();
    expect(() => ukDayOf(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('the same as the time-zone database', () => {
  test(`every hour, and the minutes either side of each change, from ${SUMMER_TIME_RULE_FROM} to 2060`, () => {
    const HOUR = 3_600_000;
    const differences: string[] = [];
    const check = (ms: number) => {
      const ours = ukCivilDateAt(ms);
      const theirs = LONDON.format(new Date(ms));
      if (ours !== theirs && differences.length < 5) differences.push(`${new Date(ms).toISOString()}: ${ours} ≠ ${theirs}`);
    };
    let checked = 0;
    // Half past each hour: the day changes at a half-hour mark in neither zone, so every day's edge is tried.
    for (let ms = at(`${SUMMER_TIME_RULE_FROM}-01-01T01:30:00Z`); ms < at('2061-01-01T00:00:00Z'); ms += HOUR) {
      check(ms);
      check(ms - 31 * 60_000 + 1_000); // and a minute before each hour's start
      checked += 2;
    }
    for (let year = SUMMER_TIME_RULE_FROM; year <= 2060; year++) {
      for (const month of ['03', '10']) {
        for (let day = 25; day <= 31; day++) {
          const base = at(`${year}-${month}-${day}T01:00:00Z`);
          for (const delta of [-60_000, -1, 0, 1, 60_000]) check(base + delta);
          checked += 5;
        }
      }
    }
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(2 * 24 * 365 * 65);
  });
});
