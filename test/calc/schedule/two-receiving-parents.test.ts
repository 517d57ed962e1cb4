/**
 * Two receiving parents: each one's instalment is her own weekly amount × 52 ÷ 12, rounded to the penny, the same every
 * month (Child Support (Collection and Enforcement) Regulations 1992 reg 4(1)(b): "equal instalments"; 1991 Act Sch 1
 * para 1(2) and para 6: the amount payable weekly to each person with care); the paying parent's instalment is what
 * they add up to.
 *
 * Before (a journey probe, F3), the paying parent's instalment was rounded once and the penny it left over given to each
 * receiving parent by turns: £56.00 a week each, Bea's instalment was £242.66 in April, June and August and £242.67 in
 * the other months, where 56 × 52 ÷ 12 = 242.666… → £242.67 every month, and her letter called CMS's right figure
 * £0.03 too high. (Before that, a meaning probe of 6 December 2026 had made the paying parent's instalment the one
 * rounded figure, to agree with calculate_maintenance's monthly £346.67 for £80.00 a week; it did so by making the
 * receiving parents' instalments unequal.)
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { buildSchedule, SCHEDULE_STEP } from '../../../calc/schedule/build.ts';

const twoReceivingParents = {
  payingParent: { grossWeeklyIncome: '500' },
  receivingParents: [
    { id: 'A', children: [{}] },
    { id: 'B', children: [{}] },
  ],
};

describe('two receiving parents: each one’s instalment is her own, and the paying parent’s is their sum', () => {
  // £500 gross, 2 children: 16% × 500 = £80.00 a week, £40.00 each (Sch 1 para 6).
  const s = buildSchedule({
    decisions: [{ effectiveDate: '2025-01-06', calculation: twoReceivingParents }],
    frequency: 'monthly',
    service: 'collect_and_pay',
    asOf: '2025-03-20',
  });

  it('each receiving parent £173.33 every month (40 × 52 ÷ 12 = 173.333… → 173.33)', () => {
    expect(s.lines.map((l) => l.receivingParents.map((r) => formatMoney(r.maintenance)))).toEqual([
      ['173.33', '173.33'],
      ['173.33', '173.33'],
      ['173.33', '173.33'],
    ]);
  });

  it('the paying parent: 173.33 + 173.33 = £346.66, fee 20% × 346.66 = 69.332 → £69.33, £415.99 a month', () => {
    expect(s.lines.map((l) => [formatMoney(l.maintenance), formatMoney(l.collectionFee), formatMoney(l.totalDue)])).toEqual([
      ['346.66', '69.33', '415.99'],
      ['346.66', '69.33', '415.99'],
      ['346.66', '69.33', '415.99'],
    ]);
  });

  it('the trace says which rounding is used', () => {
    expect(s.trace.find((t) => t.step === SCHEDULE_STEP.instalments)!.description).toMatch(
      /each receiving parent's own weekly amount × 52 ÷ 12, rounded to the penny, her equal instalment; the paying parent's instalment is what they add up to/,
    );
  });
});

describe('S7 (journey probe F3): £56.00 a week each; Amy’s child’s shared care changes mid-September, Bea’s amount does not', () => {
  // £700 gross, 2 children: 16% × 700 = £112.00, £56.00 each (Sch 1 para 6). From 15 Sep 2024 Amy's child has 104
  // nights a year: the 2/7 band, 56 × 5/7 = £40.00 (para 7). Bea's £56.00 stands.
  const rp = (amyNights: number) => ({
    payingParent: { grossWeeklyIncome: 700 },
    receivingParents: [
      { id: 'amy', children: [{ id: 'W', nightsPerYear: amyNights }] },
      { id: 'bea', children: [{ id: 'X', nightsPerYear: 0 }] },
    ],
  });
  const s = buildSchedule({
    decisions: [
      { effectiveDate: '2024-04-01', letterDate: '2024-03-15', calculation: rp(0) },
      { effectiveDate: '2024-09-15', letterDate: '2024-09-20', calculation: rp(104) },
    ],
    frequency: 'monthly',
    service: 'direct_pay',
    asOf: '2024-12-31',
  });
  const bea = (l: (typeof s.lines)[number]) => formatMoney(l.receivingParents.find((r) => r.id === 'bea')!.maintenance);
  const amy = (l: (typeof s.lines)[number]) => formatMoney(l.receivingParents.find((r) => r.id === 'amy')!.maintenance);

  it('Bea: 56 × 52 ÷ 12 = 242.666… → £242.67 every month, September too; 9 × 242.67 = £2,184.03', () => {
    expect(s.lines.map(bea)).toEqual(Array.from({ length: 9 }, () => '242.67'));
    expect(formatMoney(s.totals.receivingParents.find((r) => r.id === 'bea')!.maintenance)).toBe('2184.03');
  });

  it('Amy: £242.67 to August; September in two parts, 56 × 52 × 14 ÷ 360 = 113.24 and 40 × 52 × 16 ÷ 360 = 92.44; then £173.33', () => {
    // 56 × 52 × 14 ÷ (12 × 30) = 113.244… → 113.24; 40 × 52 × 16 ÷ 360 = 92.444… → 92.44; 113.24 + 92.44 = 205.68.
    // 40 × 52 ÷ 12 = 173.333… → 173.33.
    expect(s.lines.map(amy)).toEqual(['242.67', '242.67', '242.67', '242.67', '242.67', '205.68', '173.33', '173.33', '173.33']);
  });

  it('the paying parent’s instalment is the sum: 485.34, then 205.68 + 242.67 = 448.35, then 173.33 + 242.67 = 416.00', () => {
    expect(s.lines.map((l) => formatMoney(l.maintenance))).toEqual([
      '485.34',
      '485.34',
      '485.34',
      '485.34',
      '485.34',
      '448.35',
      '416.00',
      '416.00',
      '416.00',
    ]);
  });
});
