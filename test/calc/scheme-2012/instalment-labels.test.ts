/**
 * The instalment step names each figure for what it is: the weekly amount is labelled weekly and the monthly
 * instalment monthly (it once read "monthly £130.00 × 52 ÷ 12", calling the weekly figure monthly). And on Collect
 * and Pay the monthly instalment with the fee is a step of its own.
 */
import { describe, expect, test } from 'vitest';
import { calculateMaintenance } from '../../../calc/scheme-2012/calculate.ts';
import { STEP, stepOf } from '../../../calc/scheme-2012/steps.ts';

// computed: basic plus rate, 1 child (SI 2012/2677 reg 6 with Sch 1 para 2): £800 × 12% = £96, plus
// (£1,177.78 − £800) × 9% = £34.0002; together £130.0002 → £130.00. Monthly (C&E Regs 1992 reg 4, 52-week
// reference period): £130.00 × 52 ÷ 12 = £563.333… → £563.33.
const input = { date: '2025-06-02', payingParent: { grossWeeklyIncome: '1177.78' }, receivingParents: [{ children: [{}] }] };

describe('instalment labels', () => {
  test('the weekly figure is labelled weekly and the monthly one monthly', () => {
    const r = calculateMaintenance(input);
    expect(r.weeklyAmount.toFixed(2)).toBe('130.00');
    const step = stepOf(r.trace, STEP.instalments)!;
    expect(step.description).toContain('weekly £130.00 × 52 ÷ 12 = monthly £563.33');
    expect(step.description).not.toContain('monthly £130.00');
    expect(step.value).toBe('563.33');
  });

  test('Collect and Pay: each monthly instalment with the 20% fee is its own step', () => {
    // Fees Regulations 2014 reg 7: 20% on top. computed: £563.33 × 20% = £112.666 → £112.67; £563.33 + £112.67 = £676.00.
    const r = calculateMaintenance({ ...input, collection: 'collect_and_pay' });
    const step = stepOf(r.trace, STEP.collectionFeePayingParentMonthly)!;
    expect(step.description).toBe('Collect and Pay, each monthly instalment: maintenance £563.33 + the 20% fee £112.67 = £676.00 a month');
    expect(step.value).toBe('676.00');
    expect(r.collectionCharges!.payingParent.monthly.total.toFixed(2)).toBe('676.00');
  });
});
