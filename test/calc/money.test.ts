import { describe, expect, it } from 'vitest';
import { apportion } from '../../calc/apportion.ts';
import { formatMoney, groupedCount, money, MoneyFormatError, pounds, roundPenny, roundPound } from '../../calc/money.ts';

describe('money', () => {
  it('reads numbers through their decimal text, so 0.1 + 0.2 is exactly 0.3', () => {
    expect(formatMoney(money(0.1).plus(money(0.2)))).toBe('0.30');
    expect(money(0.1).plus(money(0.2)).toString()).toBe('0.3');
  });
  it('reads "£1,234.50" and "1234.5"', () => {
    expect(formatMoney(money('£1,234.50'))).toBe('1234.50');
    expect(formatMoney(money('1234.5'))).toBe('1234.50');
  });
  it('refuses what is not money, saying what to write', () => {
    expect(() => money('twelve')).toThrow(MoneyFormatError);
    expect(() => money('1e3')).toThrow(/1234.56/);
    expect(() => money(Number.NaN)).toThrow(MoneyFormatError);
  });
  it('rounds half up to the penny and to the pound (reg 6)', () => {
    expect(roundPenny(money('2.345')).toString()).toBe('2.35');
    expect(roundPenny(money('2.3449')).toString()).toBe('2.34');
    expect(roundPound(money('22.5')).toString()).toBe('23');
    expect(roundPound(money('22.4999')).toString()).toBe('22');
  });
  it('formats with two decimals and no exponent', () => {
    expect(formatMoney(money('0.0000001'))).toBe('0.00');
    expect(formatMoney(money('999999999.99'))).toBe('999999999.99');
    expect(formatMoney(money('-3.1'))).toBe('-3.10');
  });
});

describe('the one bound on money', () => {
  it('refuses more than £1,000,000,000 in any form, and 1e-7 is a tiny positive amount, not a negative one', () => {
    expect(formatMoney(money('1000000000'))).toBe('1000000000.00');
    expect(() => money(1e308)).toThrow(/too large to be an amount of money here; amounts above £1,000,000,000 are refused/);
    expect(() => money('1000000000.01')).toThrow(/too large/);
    expect(() => money('-1,000,000,001')).toThrow(/too large/);
    expect(money(1e-7).isNegative()).toBe(false);
  });
});

describe('apportion', () => {
  it('shares always add up to the whole, odd pennies to the largest remainders then in order', () => {
    expect(apportion(money('7'), [1, 1, 1]).map(formatMoney)).toEqual(['2.34', '2.33', '2.33']);
    // 100 × 2/3 = 66.666… and 100 × 1/3 = 33.333…: the larger remainder (.666) gets the penny.
    expect(apportion(money('100'), [2, 1]).map(formatMoney)).toEqual(['66.67', '33.33']);
    expect(apportion(money('0.01'), [1, 1]).map(formatMoney)).toEqual(['0.01', '0.00']);
  });
  it('refuses fractions of a penny and empty weights', () => {
    expect(() => apportion(money('1.005'), [1])).toThrow(RangeError);
    expect(() => apportion(money('1'), [0])).toThrow(RangeError);
  });
});

describe('pounds, for people to read', () => {
  it('groups thousands and keeps the pence', () => {
    expect(pounds(money('30000'))).toBe('£30,000.00');
    expect(pounds(money('1234567.891'))).toBe('£1,234,567.89');
    expect(pounds(money('999.5'))).toBe('£999.50');
    expect(pounds(money('-20000'))).toBe('-£20,000.00');
  });
});

describe('counts, as en-GB writes them', () => {
  it('puts a comma between each three digits: 1,048,576 bytes, 20,000 rows', () => {
    expect(groupedCount(1048576)).toBe('1,048,576');
    expect(groupedCount(20000)).toBe('20,000');
    expect(groupedCount(999)).toBe('999');
    expect(groupedCount(0)).toBe('0');
    expect(groupedCount(-1000)).toBe('-1,000');
  });

  it('writes every whole number as toLocaleString("en-GB") does, and leaves the rest to it', () => {
    // Each digit count from 1 to 16, around each power of ten, and a spread of others, both signs.
    const samples: number[] = [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (let p = 0; p <= 15; p++) for (const d of [-1, 0, 1]) samples.push(10 ** p + d, -(10 ** p + d));
    for (let i = 0; i < 2000; i++) samples.push(Math.floor((i * 2654435761) % 1e12), -Math.floor((i * 40503) % 1e7));
    // (-0 apart: toLocaleString writes "-0", a count of nothing is "0".)
    for (const n of samples) expect(groupedCount(n), String(n)).toBe(Object.is(n, -0) ? '0' : n.toLocaleString('en-GB'));
    for (const n of [1.5, 1234.567, Number.NaN, Infinity, 2 ** 60]) expect(groupedCount(n)).toBe(n.toLocaleString('en-GB'));
  });
});
