/**
 * Axis ticks for the chart, in integers: money steps of 1, 2 or 5 × 10^k pence with zero always on the axis, and
 * month ticks every 1, 2, 3, 6, 12, … months. Every expected value is computed by hand, the arithmetic beside it.
 */
import { describe, expect, test } from 'vitest';
import { axisPounds, ceilDiv, dateAxis, dateFraction, floorDiv, monthLabel, valueAxis, valueFraction } from '../../../calc/chart/index.ts';

describe('integer division', () => {
  test('floor and ceiling, negative numbers included', () => {
    // −7 ÷ 2 = −3.5: floor −4, ceiling −3; 7 ÷ 2 = 3.5: floor 3, ceiling 4; exact quotients stay as they are.
    expect([floorDiv(-7, 2), ceilDiv(-7, 2), floorDiv(7, 2), ceilDiv(7, 2), floorDiv(-6, 2), ceilDiv(6, 2)]).toEqual([-4, -3, 3, 4, -3, 3]);
  });
});

describe('money axis', () => {
  test('£0 to £312.00: a step of £100, five ticks from £0 to £400', () => {
    // Steps tried in order 1, 2, 5, 10, … pence; at most 6 intervals. 5,000p: ⌈31,200 ÷ 5,000⌉ = 7 intervals, too
    // many; 10,000p: ⌈31,200 ÷ 10,000⌉ = 4. So £0 to 4 × £100 = £400, a tick every quarter of the way up.
    const axis = valueAxis(0, 31200);
    expect(axis).toMatchObject({ min: 0, max: 40000, step: 10000, zeroAt: 0 });
    expect(axis.ticks.map((t) => [t.value, t.label, t.at])).toEqual([
      [0, '£0', 0],
      [10000, '£100', 0.25],
      [20000, '£200', 0.5],
      [30000, '£300', 0.75],
      [40000, '£400', 1],
    ]);
  });

  test('an overpayment of £916.49 to arrears of £22,050.00: a step of £5,000 with £0 a sixth of the way up', () => {
    // 200,000p: ⌈2,205,000 ÷ 200,000⌉ − ⌊−91,649 ÷ 200,000⌋ = 12 − (−1) = 13 intervals, too many.
    // 500,000p: ⌈4.41⌉ − ⌊−0.18⌋ = 5 − (−1) = 6 intervals. From −£5,000 to 5 × £5,000 = £25,000.
    // £0 is 500,000 up a 3,000,000 span: 500,000 ÷ 3,000,000 = 1/6.
    const axis = valueAxis(-91649, 2205000);
    expect(axis).toMatchObject({ min: -500000, max: 2500000, step: 500000 });
    expect(axis.ticks.map((t) => t.label)).toEqual(['-£5,000', '£0', '£5,000', '£10,000', '£15,000', '£20,000', '£25,000']);
    expect(axis.zeroAt).toBeCloseTo(1 / 6, 12);
  });

  test('an empty range is £0 to £1, in steps of 20p', () => {
    // Nothing to show: the axis runs to 100p. 10p: 10 intervals, too many; 20p: 100 ÷ 20 = 5.
    const axis = valueAxis(0, 0);
    expect(axis).toMatchObject({ min: 0, max: 100, step: 20 });
    expect(axis.ticks.map((t) => t.label)).toEqual(['£0', '£0.20', '£0.40', '£0.60', '£0.80', '£1']);
  });

  test('labels: whole pounds without pence, others with', () => {
    expect([axisPounds(120000), axisPounds(1250), axisPounds(-500000), axisPounds(0)]).toEqual(['£1,200', '£12.50', '-£5,000', '£0']);
  });

  test('a range that is not whole pence, or upside down, is refused', () => {
    expect(() => valueAxis(0.5, 10)).toThrow(RangeError);
    expect(() => valueAxis(10, 0)).toThrow(RangeError);
  });

  test('where a value is up an axis', () => {
    // £112.00 on £0 to £400: 11,200 ÷ 40,000 = 0.28.
    expect(valueFraction({ min: 0, max: 40000 }, 11200)).toBe(0.28);
  });
});

describe('date axis', () => {
  test('four months of 2024: a tick on the first of each month', () => {
    // 1 January to 30 April 2024 is 31 + 29 + 31 + 29 = 120 days. 1 February is day 31: 31 ÷ 120;
    // 1 March day 31 + 29 = 60: 60 ÷ 120 = 0.5; 1 April day 60 + 31 = 91: 91 ÷ 120.
    const axis = dateAxis('2024-01-01', '2024-04-30');
    expect(axis.toDay - axis.fromDay).toBe(120);
    expect(axis.monthStep).toBe(1);
    expect(axis.ticks.map((t) => [t.date, t.label])).toEqual([
      ['2024-01-01', 'Jan 2024'],
      ['2024-02-01', 'Feb 2024'],
      ['2024-03-01', 'Mar 2024'],
      ['2024-04-01', 'Apr 2024'],
    ]);
    expect(axis.ticks.map((t) => t.at)).toEqual([0, 31 / 120, 0.5, 91 / 120]);
  });

  test('five years: a tick every January', () => {
    // 15 January 2019 to 31 March 2024; the first whole month is February 2019. Every 6 months (January and July)
    // gives Jul 2019 … Jan 2024 = 10 ticks, more than 8; every 12 months gives Jan 2020 … Jan 2024 = 5.
    const axis = dateAxis('2019-01-15', '2024-03-31');
    expect(axis.monthStep).toBe(12);
    expect(axis.ticks.map((t) => t.label)).toEqual(['Jan 2020', 'Jan 2021', 'Jan 2022', 'Jan 2023', 'Jan 2024']);
  });

  test('a one-day axis puts everything in the middle; an upside-down one is refused', () => {
    expect(dateFraction({ fromDay: 5, toDay: 5 }, 5)).toBe(0.5);
    expect(() => dateAxis('2024-02-01', '2024-01-01')).toThrow(RangeError);
    expect(monthLabel('2024-09-30')).toBe('Sep 2024');
  });
});
