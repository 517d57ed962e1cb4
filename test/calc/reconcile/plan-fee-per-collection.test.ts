/**
 * The paying parent's 20% on CMS's own payment plan (schedule.paymentPlan.catchUp or catchUpInstalments) is added to
 * each collection and rounded on it, as CMS charges it (Child Support Fees Regulations 2014 reg 7; half a penny up,
 * SR 2014/182 reg 3(5), its NI twin; GOV.UK: a fee "each time you make … a regular child maintenance payment … 20%
 * (which is added to the payment)"), the same rounding by which Reckoner splits each Collect and Pay payment into
 * maintenance and fee (calc/reconcile/credits.ts). Before (a probe of 6 December 2026), the fee on the amount spread
 * was shared out over the instalments by running share, a penny more or less than CMS's on some of them, so a parent
 * who paid exactly what CMS asked read as a few pence ahead of the plan (or behind it).
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import type { PaymentPlanInput } from '../../../calc/schedule/build.ts';
import { balance, bridge, findings } from './helpers.ts';

/** A Collect and Pay paying parent who paid `paid` (date, amount) to CMS, which records each payment as made. */
function paying(weekly: string, effectiveDate: string, paymentPlan: PaymentPlanInput, paid: readonly [string, string][], asOf: string) {
  const input: ReconcileInput = {
    schedule: {
      decisions: [{ effectiveDate, weeklyAmount: weekly }],
      service: 'collect_and_pay',
      firstDueDate: paid[0]![0],
      paymentPlan,
      asOf,
    },
    side: 'paying',
    cmsEntries: paid.map(([date, amount]): CmsEntryInput => ({ id: `received-${date}`, date, type: 'payment_received', amount })),
    bankTransactions: paid.map(([date, amount]) => ({ id: `bank-${date}`, date, amount, direction: 'out', description: 'CMS PAYMENT' })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: asOf, balance: '0' },
  };
  return reconcile(input);
}

const MONTHS = [
  '2024-05',
  '2024-06',
  '2024-07',
  '2024-08',
  '2024-09',
  '2024-10',
  '2024-11',
  '2024-12',
  '2025-01',
  '2025-02',
  '2025-03',
  '2025-04',
];

describe('CMS’s payment plan: the paying parent’s 20% is added to each collection, rounded on it', () => {
  // £60.00 a week from Friday 5 April 2024, payments due on the 1st from 1 May: April's 26 of 30 days, 260.00 × 26 ÷ 30
  // = 225.33, accrued before the first payment date, with its fee 225.33 × 20% = 45.066 → 45.07. CMS's payment schedule
  // collects it as 11 × 18.78 + 18.75 = 225.33. On each collection CMS adds 20%: 260.00 + 18.78 = 278.78 → 55.756 →
  // 55.76, so 334.54 a month; in April 2025 278.75 → 55.75, 334.50. The fee on the 225.33 as collected: 11 × 3.76 +
  // 3.75 = 45.11 (20% of 18.78 = 3.756 → 3.76; of 18.75 = 3.75).
  const catchUp = MONTHS.map((m, i) => ({ dueDate: `${m}-01`, amount: i === 11 ? '18.75' : '18.78' }));
  const paid = (n: number) => MONTHS.slice(0, n).map((m, i): [string, string] => [`${m}-01`, i === 11 ? '334.50' : '334.54']);

  it('after three instalments paid as CMS asked, nothing is owed and nothing paid ahead', () => {
    // Due by 31 July: 3 × 334.54 = 1,003.62 (before: 1,003.61, the fee on June's 18.78 taken as 3.75). Not yet due: the
    // 225.33 and its fee as CMS collects it, 45.11, less the 3 × (18.78 + 3.76) made due: 270.44 − 67.62 = 202.82
    // (before: 270.40 − 67.61 = 202.79).
    const r = paying('60.00', '2024-04-05', { catchUp }, paid(3), '2024-07-31');
    expect(balance(r)).toEqual({
      due: '1003.62',
      paid: '1003.62',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      notYetDue: '202.82',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
    expect(r.schedule.plan.events.filter((e) => e.kind === 'catch_up').map((e) => e.amounts.fee)).toEqual([...Array(11).fill(376), 375]);
  });

  it('when the plan is paid off, exactly as CMS asked, nothing was paid ahead and CMS’s nil is right', () => {
    // Paid 11 × 334.54 + 334.50 = 4,014.44: 12 × 260.00 + 225.33 = 3,345.33 of maintenance and 12 × 52.00 + 45.11 = 669.11
    // of fees. Before: the fee due was 624.00 + 45.07, so the parent read £0.04 overpaid ("paid ahead of the payment plan"
    // where CMS's figure holds it) and the bridge had £0.04 unexplained.
    const r = paying('60.00', '2024-04-05', { catchUp }, paid(12), '2025-04-30');
    expect(balance(r)).toEqual({
      due: '4014.44',
      paid: '4014.44',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
    expect(bridge(r)).toEqual({ from: '0.00', to: '0.00', lines: [], addsUp: true });
  });

  it('on an instalment with pence, the 20% is rounded once on the whole collection, as Reckoner splits the payment', () => {
    // £100 a week from 15 Jan 2024, first payment 1 Mar: 433.33 a month (× 52 ÷ 12), its fee 86.666 → 86.67. Accrued
    // before 1 Mar: 237.63 + 433.33 = 670.96. CMS lists 11 × 55.93 + 55.73 = 670.96 from 1 Mar. Each collection:
    // 433.33 + 55.93 = 489.26, 20% = 97.852 → 97.85 (not 86.67 + 11.19 = 97.86, two roundings): 587.11 a month, which
    // Reckoner splits into 489.26 + 97.85. Before: the fee on the 670.96, 134.20, shared out (11.19, 11.18, …), and
    // due by 30 June was 2,348.47 against 2,348.44 paid.
    const months = [
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ];
    const listed = months.map((m, i) => ({ dueDate: `${m}-01`, amount: i === 11 ? '55.73' : '55.93' }));
    const r = paying(
      '100',
      '2024-01-15',
      { catchUp: listed },
      months.slice(0, 4).map((m): [string, string] => [`${m}-01`, '587.11']),
      '2024-06-30',
    );
    // Due: 4 × 587.11 = 2,348.44. Not yet due: 670.96 − 4 × 55.93 = 447.24 of maintenance, and of fees CMS's 20% on
    // the 8 parts left, each alone as no ongoing instalment is known after the date: 7 × 11.19 (55.93 × 20% = 11.186) +
    // 11.15 (55.73 × 20% = 11.146) = 89.48; 447.24 + 89.48 = 536.72.
    expect(balance(r)).toEqual({
      due: '2348.44',
      paid: '2348.44',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      notYetDue: '536.72',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
  });

  it('with CMS’s count of instalments (catchUpInstalments), each instalment carries CMS’s 20% on it', () => {
    // The same £60.00 a week from 5 April: CMS spreads the 225.33 over 3 instalments, 75.11 each. Each collection,
    // 260.00 + 75.11 = 335.11, carries 67.022 → 67.02: 402.13 a month, 1,206.39 in all; the fee on the 225.33 as
    // collected is 3 × 15.02 = 45.06 (before: 15.02 + 15.03 + 15.02 = 45.07, June's 402.14 asked for, and a parent who
    // paid 402.13 read £0.01 short).
    const r = paying(
      '60.00',
      '2024-04-05',
      { catchUpInstalments: 3 },
      MONTHS.slice(0, 3).map((m): [string, string] => [`${m}-01`, '402.13']),
      '2024-07-31',
    );
    expect(balance(r)).toEqual({
      due: '1206.39',
      paid: '1206.39',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
  });
});

describe('what is not yet due, where CMS’s entries charge the fee period by period', () => {
  // The same case, CMS's statement charging each period as it accrues: April's 225.33 with its fee 45.07, then 260.00
  // and 52.00 on the 1st of May, June and July; three instalments paid as CMS asked, 3 × 334.54 = 1,003.62. CMS says
  // (225.33 + 45.07) + 3 × (260.00 + 52.00) − 1,003.62 = 1,206.40 − 1,003.62 = 202.78, everything accrued.
  // Not yet due (the balance's figure, and the schedule's): 202.82 (above). CMS's entries hold the fee on the 225.33 as
  // it accrued, 45.07; the plan collects 20% on each collection, 11 × 3.76 + 3.75 = 45.11: 0.04 more. So CMS's figure is
  // 202.82 − 0.04: one line for what is not yet due, the same figure as the balance says, and one for the rounding.
  // Before (journey probe, story 4): one line of 202.78 "accrued but not yet due", beside "a further 202.82".
  const catchUp = MONTHS.map((m, i) => ({ dueDate: `${m}-01`, amount: i === 11 ? '18.75' : '18.78' }));
  const charges: CmsEntryInput[] = [
    { id: 'due-04', date: '2024-04-05', type: 'liability', amount: '225.33' },
    { id: 'fee-04', date: '2024-04-05', type: 'collection_fee', amount: '45.07' },
    ...MONTHS.slice(0, 3).flatMap((m): CmsEntryInput[] => [
      { id: `due-${m}`, date: `${m}-01`, type: 'liability', amount: '260.00' },
      { id: `fee-${m}`, date: `${m}-01`, type: 'collection_fee', amount: '52.00' },
    ]),
  ];

  it('is one figure: the bridge’s line is the balance’s, and the rounding its own line', () => {
    const paid = MONTHS.slice(0, 3).map((m): [string, string] => [`${m}-01`, '334.54']);
    const r = reconcile({
      schedule: {
        decisions: [{ effectiveDate: '2024-04-05', weeklyAmount: '60.00' }],
        service: 'collect_and_pay',
        firstDueDate: '2024-05-01',
        paymentPlan: { catchUp },
        asOf: '2024-07-31',
      },
      side: 'paying',
      cmsEntries: [
        ...charges,
        ...paid.map(([date, amount]): CmsEntryInput => ({ id: `received-${date}`, date, type: 'payment_received', amount })),
      ],
      bankTransactions: paid.map(([date, amount]) => ({ id: `bank-${date}`, date, amount, direction: 'out' as const, description: 'CMS' })),
      bankFilter: { includeAll: true },
      cmsClaim: { date: '2024-07-31', balance: '202.78' },
    });
    expect(findings(r)).toEqual([]);
    expect([r.balance.recomputed, r.balance.notYetDue, r.balance.cmsClaimed!].map((x) => x.toFixed(2))).toEqual([
      '0.00',
      '202.82',
      '202.78',
    ]);
    expect(bridge(r)).toEqual({
      from: '202.78',
      to: '0.00',
      lines: ['accrued_not_yet_due 202.82', 'plan_fee_rounding -0.04'],
      addsUp: true,
    });
    expect(r.bridge.lines[1]!.description).toBe(
      "CMS's entries charge the 20% collection fee period by period; its payment plan adds 20% to each collection and rounds it there, which comes to £0.04 more in all. What has accrued and is not yet due counts the fee as the plan collects it; CMS's figure, from its entries, is lower by that: a difference of rounding, not an error of CMS's.",
    );
    // Neither line is an error of CMS's: beside them, CMS's figure is right, and neither is in anyone's favour.
    expect(r.bridge.differenceBesideNotYetDue?.toFixed(2)).toBe('0.00');
    expect([r.bridge.inPayingParentsFavour.count, r.bridge.inReceivingParentsFavour.count]).toEqual([0, 0]);
  });
});
