/**
 * Issue 16 item 4: "the default rate ignores the nights it is given without saying so". The default rate is a fixed
 * sum for the number of qualifying children (SI 2012/2677 reg 49(2)): nights in a shared-care band (52 or more a
 * year, reg 46) are named in a warning, and the amount is unchanged; nights below every band are not mentioned.
 */
import { describe, expect, test } from 'vitest';
import { calculateMaintenance } from '../../../calc/scheme-2012/calculate.ts';

const atDefault = (nights: number[]) =>
  calculateMaintenance({
    date: '2025-06-01',
    defaultRate: true,
    payingParent: {},
    receivingParents: [{ children: nights.map((n) => ({ nightsPerYear: n })) }],
  });

describe('the default rate and the nights it is given', () => {
  test('nights in a band are named, and the amount is the same as with none', () => {
    const withNights = atDefault([104, 10]);
    const without = atDefault([0, 0]);
    // Two children at the default rate: £51.00 a week whatever the nights (reg 49(2)).
    expect(withNights.weeklyAmount.toFixed(2)).toBe('51.00');
    expect(without.weeklyAmount.toFixed(2)).toBe('51.00');
    expect(withNights.warnings).toEqual([
      'The default rate (SI 2012/2677 reg 49(2)) is a fixed amount for the number of children, so the nights given (child 1: 104 a year) do not reduce it; they will once CMS has what it needs to calculate.',
    ]);
    expect(without.warnings).toEqual([]);
  });

  test('51 nights, below the first band, is not a shared-care figure and is not mentioned', () => {
    expect(atDefault([51]).warnings).toEqual([]);
    expect(atDefault([52]).warnings).toHaveLength(1);
  });
});
