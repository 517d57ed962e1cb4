/**
 * Journey probe F3 (S7): one paying parent, two receiving parents at £56.00 a week each; Bea, on Direct Pay, is owed
 * 56 × 52 ÷ 12 = 242.666… → £242.67 every month (C&E Regs 1992 reg 4(1)(b): equal instalments; calc/schedule/accrue.ts).
 * Apr–Dec 2024: 9 × 242.67 = £2,184.03. Her bank: £242.67 on the 1st of each month but £173.33 on 1 October and nothing
 * in November: 7 × 242.67 + 173.33 = 1,698.69 + 173.33 = £1,872.02. Owed 2,184.03 − 1,872.02 = £312.01 = 69.34 (October,
 * reported: 242.67 − 173.33) + 242.67 (November, reported). CMS says £312.01: right.
 *
 * Before, Bea's instalment alternated £242.67/£242.66 (the paying parent's rounded once and split by turns): "CMS's
 * figure is £0.03 too high" and a finding "only £69.34 was missing, £0.03 less than reported".
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { balance, findings, matches } from './helpers.ts';

const into = (date: string, amount: string): BankTransactionInput => ({
  id: `bank-${date}`,
  date,
  amount,
  direction: 'in',
  description: 'V PROBE',
});
const rp = (amyNights: number) => ({
  payingParent: { grossWeeklyIncome: 700 },
  receivingParents: [
    { id: 'amy', children: [{ id: 'W', nightsPerYear: amyNights }] },
    { id: 'bea', children: [{ id: 'X', nightsPerYear: 0 }] },
  ],
});

describe('S7: Bea’s own equal instalments, and CMS’s right figure is right', () => {
  const months = ['04', '05', '06', '07', '08', '09', '12'];
  const r = reconcile({
    schedule: {
      decisions: [
        { effectiveDate: '2024-04-01', letterDate: '2024-03-15', calculation: rp(0) },
        { effectiveDate: '2024-09-15', letterDate: '2024-09-20', calculation: rp(104) },
      ],
      service: 'direct_pay',
      frequency: 'monthly',
      asOf: '2024-12-31',
    },
    side: 'receiving',
    receivingParentId: 'bea',
    cmsEntries: [
      { id: 'report-oct', date: '2024-10-01', type: 'missed_payment_reported', amount: '69.34' },
      { id: 'report-nov', date: '2024-11-01', type: 'missed_payment_reported', amount: '242.67' },
    ],
    bankTransactions: [...months.map((m) => into(`2024-${m}-01`, '242.67')), into('2024-10-01', '173.33')],
    bankFilter: { descriptionContains: ['V PROBE'] },
    cmsClaim: { date: '2024-12-31', balance: '312.01' },
  });

  it('2,184.03 due − 1,872.02 paid = £312.01, as CMS says: no finding', () => {
    expect(balance(r)).toEqual({
      due: '2184.03',
      paid: '1872.02',
      adjustments: '0.00',
      recomputed: '312.01',
      position: 'arrears',
      cmsClaimed: '312.01',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
  });

  it('both reports agree with her bank: October 242.67 − 173.33 = 69.34, November 242.67', () => {
    expect(matches(r).filter((m) => m.reason === 'report_agrees')).toEqual([
      { reason: 'report_agrees', cms: ['report-nov'], bank: [] },
      { reason: 'report_agrees', cms: ['report-oct'], bank: [] },
    ]);
  });

  it('every period’s instalment of hers is £242.67', () => {
    expect(r.periods.map((p) => formatMoney(p.due))).toEqual(Array.from({ length: 9 }, () => '242.67'));
  });
});

describe('a report larger than the shortfall after a payment in advance: the finding states figures that agree', () => {
  // £60 a week, Direct Pay: 60 × 52 ÷ 12 = £260.00 on the 1st. Paid £270.00 on 1 Jan (£10.00 ahead), £200.00 on 1 Feb;
  // a missed payment of £100.00 reported for February. February: 200.00 + 10.00 ahead = 210.00 of 260.00, so 50.00 was
  // missing; the report is 100.00 − 50.00 = £50.00 too high. Before: "but £200.00 was paid for it: only £60.00 was
  // missing, £50.00 less than reported" (60.00 + 50.00 is not the £100.00 reported).
  const r = reconcile({
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }],
      service: 'direct_pay',
      frequency: 'monthly',
      asOf: '2024-02-20',
    },
    side: 'receiving',
    cmsEntries: [{ id: 'report-feb', date: '2024-02-05', type: 'missed_payment_reported', amount: '100.00' }],
    bankTransactions: [into('2024-01-01', '270.00'), into('2024-02-01', '200.00')],
    bankFilter: { descriptionContains: ['V PROBE'] },
    cmsClaim: { date: '2024-02-20', balance: '100.00' },
  });

  it('only £50.00 was missing, £50.00 less than reported; the £10.00 paid ahead is named', () => {
    expect(findings(r)).toEqual([{ kind: 'reported_missed_but_paid', amount: '50.00', effect: '50.00', cms: ['report-feb'], bank: [] }]);
    expect(r.findings[0]!.explanation).toBe(
      'A missed payment of £100.00 was reported to CMS for the instalment of £260.00 due on 1 February 2024, but £200.00 was paid for it and £10.00 paid ahead before it: only £50.00 was missing, £50.00 less than reported.',
    );
    // 520.00 due − 470.00 paid = £50.00.
    expect(formatMoney(r.balance.recomputed)).toBe('50.00');
  });
});
