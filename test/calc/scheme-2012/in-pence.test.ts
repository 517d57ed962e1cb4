/**
 * The 2012 calculation works in whole pence (issue 17): the integer helpers it rests on agree with decimal.js, a
 * figure with a fraction of a penny is rounded on the way in and said so, and the result still looks, spreads,
 * compares and serialises as the plain object of decimals it always was. The golden file (golden.test.ts) holds
 * the output byte for byte; this file holds the parts that file cannot see.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { nonNegativePence } from '../../../calc/input.ts';
import {
  Dec,
  decimalText,
  divRoundHalfUp,
  formatMoney,
  formatPence,
  fraction,
  gcd,
  pounds,
  poundsOfPence,
  scaledInteger,
} from '../../../calc/money.ts';
import { calculateMaintenance, moneyTextsOf, type MaintenanceInput } from '../../../calc/scheme-2012/calculate.ts';
import { GOLDEN_FILE } from '../../../scripts/calc-golden.ts';
import { toJson } from '../../../tools/calculate-maintenance.ts';
import { calc, kids } from './helpers.ts';

/** decimal.js's answer, the reference: n ÷ d rounded half up (a tie away from zero), as roundPenny/roundPound do. */
const decimalQuotient = (n: number, d: number): number => new Dec(n).dividedBy(d).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() || 0;

describe('divRoundHalfUp: the quotient of whole numbers, rounded as decimal.js rounds it', () => {
  it.each([
    [5, 10, 1], // 0.5 → 1: a tie goes up
    [4, 10, 0],
    [15, 10, 2],
    [-5, 10, -1], // -0.5 → -1: a tie goes away from zero, as ROUND_HALF_UP does
    [-4, 10, 0],
    [0, 7, 0],
    [3_000_000 * 7, 365, 57534], // £30,000 a year, in pence, ÷ 365 × 7: 21,000,000 ÷ 365 = 57,534.2… → £575.34 a week
  ])('%i ÷ %i = %i', (n, d, q) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
    expect(divRoundHalfUp(n, d)).toBe(decimalQuotient(n, d));
  });

  it('never gives -0', () => {
    expect(Object.is(divRoundHalfUp(-4, 10), 0)).toBe(true);
  });

  it('agrees with decimal.js on 2,000 random pairs up to 2^53 (where a float quotient would round across a whole number)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 10_000_000 }), (n, d) => divRoundHalfUp(n, d) === decimalQuotient(n, d)),
      { numRuns: 2_000, seed: 17 },
    );
  });
});

/**
 * The pence helpers take int32 remainders where a figure fits in 31 bits and the double remainder above it (issue
 * 17): both sides of 2^31 = 2,147,483,648 pence (£21,474,836.48), up to the largest amount Reckoner takes,
 * £1,000,000,000 (MAX_MONEY, 100,000,000,000 pence), must write and divide exactly as decimal.js does.
 */
describe('the pence helpers on both sides of 2^31 pence', () => {
  const EDGE = 2 ** 31;
  const around = [EDGE - 101, EDGE - 100, EDGE - 2, EDGE - 1, EDGE, EDGE + 1, EDGE + 99, 100_000_000_000, 99_999_999_999];

  it.each(around)('%i pence is written as formatMoney and pounds write its decimal', (p) => {
    for (const n of [p, -p]) {
      const decimal = new Dec(n).dividedBy(100);
      expect(formatPence(n)).toBe(formatMoney(decimal));
      expect(poundsOfPence(n)).toBe(pounds(decimal));
    }
    expect(formatPence(EDGE - 1)).toBe('21474836.47');
    expect(poundsOfPence(EDGE)).toBe('£21,474,836.48');
  });

  it('formatPence and poundsOfPence agree with decimal.js on 2,000 random figures: below £1,000, below and above 2^31', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -100_000, max: 100_000 }),
          fc.integer({ min: -EDGE, max: EDGE }),
          fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        ),
        (n) => {
          const decimal = new Dec(n).dividedBy(100);
          return formatPence(n) === formatMoney(decimal) && poundsOfPence(n) === pounds(decimal);
        },
      ),
      { numRuns: 2_000, seed: 17 },
    );
  });

  it('divRoundHalfUp agrees with decimal.js where both figures fit in 31 bits and where one does not', () => {
    expect(divRoundHalfUp(EDGE - 1, 2)).toBe(1_073_741_824); // 1,073,741,823.5 rounds up
    expect(divRoundHalfUp(EDGE + 1, 2)).toBe(1_073_741_825); // 1,073,741,824.5 rounds up
    expect(divRoundHalfUp(-(EDGE - 1), 2)).toBe(-1_073_741_824); // a tie goes away from zero
    fc.assert(
      fc.property(
        fc.integer({ min: -EDGE, max: EDGE }),
        fc.integer({ min: 1, max: EDGE }),
        (n, d) => divRoundHalfUp(n, d) === decimalQuotient(n, d),
      ),
      { numRuns: 2_000, seed: 17 },
    );
  });

  it('gcd is the greatest common divisor, whatever the signs and sizes', () => {
    // 2^31 = 2^31 × 1 and 3 × 2^31 share 2^31; 364 and 7 share 7; 52 and 0 share 52.
    expect(gcd(EDGE, 3 * EDGE)).toBe(EDGE);
    expect(gcd(364, 7)).toBe(7);
    expect(gcd(-364, 7)).toBe(7);
    expect(gcd(52, 0)).toBe(52);
    expect(fraction(104, 364)).toEqual({ numerator: 2, denominator: 7 });
    // The reference: Euclid on BigInt, which has no int32 or double path.
    const big = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : big(b, a % b));
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => gcd(a, b) === Number(big(BigInt(a), BigInt(b)))),
      { numRuns: 2_000, seed: 17 },
    );
  });
});

describe('decimalText: n ÷ 10^scale written as decimal.js writes it', () => {
  it.each([
    [6286, 2, '62.86'],
    [628600, 4, '62.86'],
    [6000, 2, '60'],
    [5, 3, '0.005'],
    [-5, 3, '-0.005'],
    [0, 6, '0'],
    [62868000, 6, '62.868'], // a basic rate before rounding: £523.90 × 12% = £62.868
    [8900, 2, '89'], // 100% − 11%
  ])('%i at scale %i is %s', (n, scale, text) => {
    expect(decimalText(n, scale)).toBe(text);
    expect(decimalText(n, scale)).toBe(new Dec(n).dividedBy(new Dec(10).pow(scale)).toString());
  });

  it('agrees with decimal.js toString on 2,000 random figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 8 }), (n, scale) => {
        return decimalText(n, scale) === new Dec(n).dividedBy(new Dec(10).pow(scale)).toString();
      }),
      { numRuns: 2_000, seed: 17 },
    );
  });
});

describe('scaledInteger: a parameter read as whole units', () => {
  it('reads percentages in hundredths and money in pence', () => {
    expect(scaledInteger('14.1', 2)).toBe(1410);
    expect(scaledInteger('12', 2)).toBe(1200);
    expect(scaledInteger('31250', 2)).toBe(3125000);
    expect(scaledInteger('7.50', 2)).toBe(750);
  });
  it('refuses a figure finer than the scale rather than cutting it', () => {
    expect(() => scaledInteger('0.125', 2)).toThrow(RangeError);
    expect(() => scaledInteger('-1', 2)).toThrow(RangeError);
  });
});

describe('nonNegativePence: money read as whole pence', () => {
  it('reads whole pence in every form money takes', () => {
    expect(nonNegativePence('f', '62.86')).toBe(6286);
    expect(nonNegativePence('f', 62.86)).toBe(6286);
    expect(nonNegativePence('f', '£1,234.56')).toBe(123456);
    expect(nonNegativePence('f', '7')).toBe(700);
    expect(nonNegativePence('f', 0)).toBe(0);
    expect(nonNegativePence('f', new Dec('12.5'))).toBe(1250);
  });

  it('rounds a fraction of a penny half up (reg 6) and says so, naming the field', () => {
    const warnings: string[] = [];
    expect(nonNegativePence('payingParent.grossWeeklyIncome', '62.865', warnings)).toBe(6287);
    expect(nonNegativePence('payingParent.grossWeeklyIncome', '62.8649', warnings)).toBe(6286);
    expect(nonNegativePence('x', 0.1 + 0.2, warnings)).toBe(30); // 0.30000000000000004
    expect(warnings).toEqual([
      'payingParent.grossWeeklyIncome: 62.865 has a fraction of a penny, so £62.87 is used (figures are taken to the nearest penny, half a penny up, as SI 2012/2677 reg 6 rounds them).',
      'payingParent.grossWeeklyIncome: 62.8649 has a fraction of a penny, so £62.86 is used (figures are taken to the nearest penny, half a penny up, as SI 2012/2677 reg 6 rounds them).',
      'x: 0.30000000000000004 has a fraction of a penny, so £0.30 is used (figures are taken to the nearest penny, half a penny up, as SI 2012/2677 reg 6 rounds them).',
    ]);
  });

  it('reads a number as decimal.js reads it, on 4,000 random numbers (whole pence and not)', () => {
    // The reference: the number as a decimal (decimal.js reads its shortest form), times 100, to the penny half up;
    // a warning exactly when that is not whole. A number of whole pence is read without writing it out (issue 17).
    const same = (n: number): boolean => {
      const warnings: string[] = [];
      const exact = new Dec(n).times(100);
      return (
        nonNegativePence('f', n, warnings) === exact.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() &&
        warnings.length === (exact.isInteger() ? 0 : 1)
      );
    };
    const wholePence = fc.integer({ min: 0, max: 100_000_000_000 }).map((p) => p / 100);
    const anyNumber = fc.double({ min: 0, max: 1_000_000_000, noNaN: true });
    fc.assert(fc.property(fc.oneof(wholePence, anyNumber), same), { numRuns: 4_000, seed: 17 });
    expect(nonNegativePence('f', 1_000_000_000)).toBe(100_000_000_000); // the largest amount, MAX_MONEY
    expect(nonNegativePence('f', 21_474_836.48)).toBe(2_147_483_648); // 2^31 pence
  });

  it('refuses what is not money, or is negative, naming the field', () => {
    expect(() => nonNegativePence('variations.specialExpensesWeekly', '-1')).toThrow(InputError);
    expect(() => nonNegativePence('variations.specialExpensesWeekly', '-1')).toThrow('must not be negative (got -1.00)');
    expect(() => nonNegativePence('payingParent.grossWeeklyIncome', '12,50')).toThrow('has a decimal comma');
    expect(() => nonNegativePence('payingParent.grossWeeklyIncome', Number.NaN)).toThrow('NaN is not an amount of money');
  });
});

describe('a calculation given a fraction of a penny', () => {
  it('uses the income to the penny and warns which figure was rounded', () => {
    // £500.005 a week → £500.01 (half a penny up); 1 child, basic rate 12%: 500.01 × 12% = 60.0012 → £60.
    const r = calc({ payingParent: { grossWeeklyIncome: '500.005' }, receivingParents: [{ children: kids(0) }] });
    expect(formatMoney(r.grossWeeklyIncome!)).toBe('500.01');
    expect(formatMoney(r.weeklyAmount)).toBe('60.00');
    expect(r.trace.find((s) => s.step === 'rate_basic')?.description).toBe('Basic rate for 1 child: £500.01 × 12% = £60.0012');
    expect(r.warnings).toContain(
      'payingParent.grossWeeklyIncome: 500.005 has a fraction of a penny, so £500.01 is used (figures are taken to the nearest penny, half a penny up, as SI 2012/2677 reg 6 rounds them).',
    );
  });
});

describe('the result: worked in pence, decimals at the edge', () => {
  const input: MaintenanceInput = {
    date: '2026-04-06',
    payingParent: { grossWeeklyIncome: '523.90' },
    receivingParents: [{ children: kids(0, 104) }, { id: 'second', children: kids(0) }],
    collection: 'collect_and_pay',
  };

  it('has its properties own and enumerable, in the order they always had, and nothing else', () => {
    const r = calculateMaintenance(input);
    expect(Object.keys(r)).toEqual([
      'scheme',
      'date',
      'rate',
      'grossWeeklyIncome',
      'weeklyAmount',
      'receivingParents',
      'perFrequency',
      'collection',
      'collectionCharges',
      'warnings',
      'trace',
      'readOut',
    ]);
    expect(Object.keys(r.receivingParents[0]!)).toEqual(['id', 'weeklyAmount', 'sharedCareFraction', 'children']);
    // The pence it keeps are not enumerable: not in JSON, spreads or comparisons.
    expect(Object.getOwnPropertySymbols(r).every((s) => !Object.prototype.propertyIsEnumerable.call(r, s))).toBe(true);
    expect(Object.getOwnPropertySymbols({ ...r })).toEqual([]);
  });

  it('serialises, spreads and compares as the plain object of decimals', () => {
    const r = calculateMaintenance(input);
    const plain = { ...r };
    expect(JSON.stringify(plain)).toBe(JSON.stringify(r));
    expect(calculateMaintenance(input)).toEqual(r);
    // Two calculations that differ in one figure compare unequal: the getters are compared, not skipped.
    const other = calculateMaintenance({ ...input, payingParent: { grossWeeklyIncome: '623.90' } });
    expect(other).not.toEqual(r);
  });

  it('makes each decimal once and keeps it', () => {
    const r = calculateMaintenance(input);
    expect(r.weeklyAmount).toBe(r.weeklyAmount);
    expect(r.perFrequency).toBe(r.perFrequency);
    expect(r.collectionCharges).toBe(r.collectionCharges);
    expect(r.receivingParents).toBe(r.receivingParents);
  });

  it('writes the same money from pence (toJson) as from its decimals, for all 2,100 golden inputs', () => {
    const lines = gunzipSync(readFileSync(GOLDEN_FILE)).toString('utf8').split('\n').slice(0, -1);
    let compared = 0;
    for (const line of lines) {
      const { input: golden } = JSON.parse(line) as { input: MaintenanceInput };
      let r;
      try {
        r = calculateMaintenance(golden);
      } catch {
        continue; // the golden file keeps refused inputs too
      }
      const texts = moneyTextsOf(r);
      expect(texts.weeklyAmount).toBe(formatMoney(r.weeklyAmount));
      expect(texts.grossWeeklyIncome).toBe(r.grossWeeklyIncome === null ? null : formatMoney(r.grossWeeklyIncome));
      expect(texts.shares).toEqual(r.receivingParents.map((p) => formatMoney(p.weeklyAmount)));
      const json = toJson(r);
      expect(json.perFrequency).toEqual(Object.fromEntries(Object.entries(r.perFrequency).map(([k, v]) => [k, formatMoney(v)])));
      const cc = r.collectionCharges;
      expect(json.collectionCharges === undefined).toBe(cc === undefined);
      if (cc) {
        expect(json.collectionCharges!.payingParentPercent).toBe(cc.payingParentPercent.toString());
        expect(json.collectionCharges!.receivingParentPercent).toBe(cc.receivingParentPercent.toString());
        for (const [f, x] of Object.entries(cc.payingParent)) {
          expect(json.collectionCharges!.payingParent[f]).toEqual({
            maintenance: formatMoney(x.maintenance),
            fee: formatMoney(x.fee),
            total: formatMoney(x.total),
          });
        }
        cc.receivingParents.forEach((rp, i) => {
          for (const [f, x] of Object.entries(rp.perFrequency)) {
            expect(json.collectionCharges!.receivingParents[i]!.perFrequency[f]).toEqual({
              maintenance: formatMoney(x.maintenance),
              fee: formatMoney(x.fee),
              net: formatMoney(x.net),
            });
          }
        });
      }
      compared++;
    }
    // The golden file holds refused inputs as well; most are calculations.
    expect(compared).toBeGreaterThan(1_500);
  });
});
