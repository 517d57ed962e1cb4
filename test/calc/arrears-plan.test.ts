/**
 * An offer to clear arrears by instalments (letter L16): equal instalments rounded up to the penny, the last the
 * remainder (Reckoner's own rule, stated in the trace: the offer is the parent's). Arithmetic shown in each test.
 */
import { describe, expect, test } from 'vitest';
import { arrearsPlan, ARREARS_PLAN_STEP } from '../../calc/arrears-plan.ts';
import { InputError } from '../../calc/errors.ts';

describe('arrearsPlan', () => {
  test('£410.08 in 3: £136.70 twice and £136.68 last', () => {
    // computed: £410.08 ÷ 3 = £136.6933… → £136.70 (up); £410.08 − £136.70 × 2 = £136.68.
    const p = arrearsPlan('410.08', 3);
    expect([p.count, p.each.toFixed(2), p.last.toFixed(2)]).toEqual([3, '136.70', '136.68']);
    expect(p.trace.map((s) => s.step)).toEqual([ARREARS_PLAN_STEP.instalments]);
    expect(p.trace[0]!.description).toBe(
      '£410.08 ÷ 3 instalments = £136.70 each, rounded up to the penny; the last instalment is the remainder, £410.08 − £136.70 × 2 = £136.68',
    );
  });

  test('an exact division has no remainder: £300.00 in 4 is £75.00 each', () => {
    const p = arrearsPlan(300, 4);
    expect([p.count, p.each.toFixed(2), p.last.toFixed(2)]).toEqual([4, '75.00', '75.00']);
  });

  test('rounding up can clear a small balance sooner: £0.05 in 10 is £0.01 five times', () => {
    // computed: £0.05 ÷ 10 = £0.005 → £0.01 (up); £0.05 ÷ £0.01 = 5 instalments; last £0.05 − £0.01 × 4 = £0.01.
    const p = arrearsPlan('0.05', 10);
    expect([p.requested, p.count, p.each.toFixed(2), p.last.toFixed(2)]).toEqual([10, 5, '0.01', '0.01']);
    expect(p.trace[0]!.description).toContain('at that amount 5 instalments clear it');
  });

  test('nothing owed, or a count outside 1–120, is refused naming the field', () => {
    expect(() => arrearsPlan(0, 3)).toThrow(InputError);
    expect(() => arrearsPlan('10.00', 0)).toThrow(/instalments/);
    expect(() => arrearsPlan('10.00', 121)).toThrow(/instalments/);
    expect(() => arrearsPlan('10.00', 2.5)).toThrow(/instalments/);
  });
});
