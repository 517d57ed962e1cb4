/**
 * How a CMS account really works (../shared/domain/cms-accounts.md), situation by situation: Direct Pay and its
 * missed-payment reports, deductions from earnings, the payment plan, separate balances, the receiving side's two
 * bases, pairing, offsets, two cases, voluntary payments and write-offs. Each test states what really happened,
 * works out every figure by hand in its comments (ground truth by construction, not from any document), and
 * asserts every finding, every balance component and every line of the bridge to the penny.
 *
 * Monthly instalments: weekly × 52 ÷ 12 (C&E Regs 1992 reg 4). Collect and Pay: 20% on the paying parent, 4% off the
 * receiving parent (Fees Regs 2014 reg 7). Employers pay deductions over by the 19th of the next month (C&E Regs
 * reg 14(1)) and may keep £1 a deduction for their costs.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput, EvidenceInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { balance, bridge, components, findings, found, ignored, matches, paired } from './helpers.ts';

const out = (id: string, date: string, amount: string, description = 'SO J SMITH MAINT', reference?: string): BankTransactionInput => ({
  id,
  date,
  amount,
  direction: 'out',
  description,
  ...(reference ? { reference } : {}),
});
const into = (id: string, date: string, amount: string, description = 'FROM J SMITH'): BankTransactionInput => ({
  id,
  date,
  amount,
  direction: 'in',
  description,
});
const report = (date: string, amount: string): CmsEntryInput => ({ id: `report-${date}`, date, type: 'missed_payment_reported', amount });
const MONTHS = ['01', '02', '03', '04', '05', '06'] as const;

describe('Direct Pay, paying side, weekly: CMS records no payments; only the missed-payment reports are checked', () => {
  // £50 a week on Direct Pay from Monday 1 Jan 2024: 13 instalments of £50.00 to Monday 25 Mar (650.00).
  // The paying parent's standing order "SO J SMITH MAINT": paid each Monday except 22 Jan, 4 Mar and 25 Mar; £20.00
  // on 19 Feb; £100.00 on 26 Feb and on 11 Mar (two catch-ups). Paid 6 × 50.00 + 20.00 + 2 × 100.00 + 50.00 (18 Mar)
  // = 570.00. The receiving parent reported three missed payments: 22 Jan (right), 5 Feb (wrong: it was paid) and
  // 19 Feb (£50.00, though £20.00 had been paid). CMS's arrears are the reports: 3 × 50.00 = 150.00.
  const paid: [string, string][] = [
    ['2024-01-01', '50.00'],
    ['2024-01-08', '50.00'],
    ['2024-01-15', '50.00'],
    ['2024-01-29', '50.00'],
    ['2024-02-05', '50.00'],
    ['2024-02-12', '50.00'],
    ['2024-02-19', '20.00'],
    ['2024-02-26', '100.00'],
    ['2024-03-11', '100.00'],
    ['2024-03-18', '50.00'],
  ];
  const input: ReconcileInput = {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 50 }], frequency: 'weekly' },
    side: 'paying',
    cmsEntries: [report('2024-01-22', '50.00'), report('2024-02-05', '50.00'), report('2024-02-19', '50.00')],
    bankTransactions: [...paid.map(([d, a]) => out(`bank-${d}`, d, a)), out('tesco', '2024-01-22', '50.00', 'TESCO STORES')],
    bankFilter: { descriptionContains: ['J SMITH'] },
    cmsClaim: { date: '2024-03-31', balance: '150.00' },
  };
  const r = reconcile(input);

  it('no payment is "missing from CMS"; the wrong report and the overstated one are found', () => {
    expect(findings(r)).toEqual(
      found([
        // 5 Feb was paid in full: the £50.00 report is wrong, CMS's figure £50.00 too high.
        { kind: 'reported_missed_but_paid', amount: '50.00', effect: '50.00', cms: ['report-2024-02-05'], bank: [] },
        // 19 Feb: £50.00 reported, but £20.00 was paid, so only £30.00 was missing: 50.00 − 30.00 = £20.00 too high.
        { kind: 'reported_missed_but_paid', amount: '20.00', effect: '20.00', cms: ['report-2024-02-19'], bank: [] },
      ]),
    );
    // 4 and 25 Mar went unpaid and unreported, but the two £50.00 catch-ups (26 Feb, 11 Mar) made them good: CMS's
    // figure and the evidence agree on them, so they are not findings. 22 Jan's report agrees with the evidence.
    expect(matches(r).filter((m) => m.reason === 'report_agrees')).toEqual([
      { reason: 'report_agrees', cms: ['report-2024-01-22'], bank: [] },
    ]);
    // Every payment is accounted for as a Direct Pay payment for its instalment; the shop is set aside by the filter.
    expect(
      matches(r)
        .filter((m) => m.reason === 'direct_pay_payments')
        .flatMap((m) => m.bank)
        .sort(),
    ).toEqual(paid.map(([d]) => `bank-${d}`).sort());
    expect(ignored(r)).toEqual(['tesco: not_a_maintenance_payment']);
  });

  it('balance 650.00 − 570.00 = 80.00; the bridge: CMS 150.00 − 50.00 − 20.00 = 80.00', () => {
    expect(balance(r)).toEqual({
      due: '650.00',
      paid: '570.00',
      adjustments: '0.00',
      recomputed: '80.00',
      position: 'arrears',
      cmsClaimed: '150.00',
      difference: '70.00',
    });
    expect(bridge(r)).toEqual({
      from: '150.00',
      to: '80.00',
      lines: ['reported_missed_but_paid 20.00', 'reported_missed_but_paid 50.00'],
      addsUp: true,
    });
    expect(r.findings.map((f) => f.favours)).toEqual(['paying_parent', 'paying_parent']);
    expect(r.findings[1]!.explanation).toBe(
      'A missed payment of £50.00 was reported to CMS for the instalment of £50.00 due on 19 February 2024, but £20.00 was paid for it: only £30.00 was missing, £20.00 less than reported.',
    );
  });

  it('without a filter, the standing order still counts where it pays an instalment, and so do the catch-ups to the same payee; a warning asks for a filter', () => {
    // No CMS payment records to compare on Direct Pay: a payment counts if it is an instalment's amount within 5 days
    // of its due date — the seven £50.00 standing-order payments, and (here) the £50.00 shop on 22 Jan, an
    // instalment's amount on its due date: a filter is needed to tell it apart. The £20.00 and the two £100.00
    // catch-ups are no instalment's amount, but they went to "SO J SMITH MAINT", the payee seven of its ten payments
    // show to be the maintenance payee (and whose description names maintenance): they count too (journey probe F1:
    // before, a part payment to the payee of every other instalment was set aside, and a shortfall stated of it).
    const u = reconcile({ ...input, bankFilter: undefined });
    expect(u.warnings.join(' ')).toMatch(/bankFilter/);
    expect(ignored(u)).toEqual([]);
    // Counted: the ten payments (570.00) and the shop (50.00): 620.00; 650.00 − 620.00 = 30.00.
    expect(formatMoney(u.balance.recomputed)).toBe('30.00');
    expect(bridge(u).addsUp).toBe(true);
  });
});

describe('Direct Pay, receiving side, monthly: the receiving parent’s own reports against what arrived', () => {
  // £60 a week on Direct Pay: £260.00 on the 1st, Jan–Jun 2024 (1,560.00). What arrived: 260.00 on 1 Jan, 1 Feb,
  // 3 Apr (two days late) and 1 Jun; 150.00 on 1 May; nothing in March. Reported missed: March (right) and April
  // (wrong: it came on the 3rd). Nobody reported May's £110.00 shortfall. CMS's arrears: 2 × 260.00 = 520.00.
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }] },
    side: 'receiving',
    cmsEntries: [report('2024-03-01', '260.00'), report('2024-04-01', '260.00')],
    bankTransactions: [
      into('in-01', '2024-01-01', '260.00'),
      into('in-02', '2024-02-01', '260.00'),
      into('in-04', '2024-04-03', '260.00'),
      into('in-05', '2024-05-01', '150.00'),
      into('in-06', '2024-06-01', '260.00'),
      into('salary', '2024-01-25', '1800.00', 'ACME PAYROLL'),
    ],
    bankFilter: { descriptionContains: ['J SMITH'] },
    cmsClaim: { date: '2024-06-30', balance: '520.00' },
  });

  it('April’s report was wrong; May’s shortfall was never reported (in the receiving parent’s favour)', () => {
    expect(findings(r)).toEqual(
      found([
        { kind: 'reported_missed_but_paid', amount: '260.00', effect: '260.00', cms: ['report-2024-04-01'], bank: [] },
        // 260.00 due − 150.00 paid = 110.00 short: CMS's figure £110.00 too low.
        { kind: 'missed_payment_not_reported', amount: '110.00', effect: '-110.00', cms: [], bank: [] },
      ]),
    );
    expect(r.findings.map((f) => f.favours)).toEqual(['paying_parent', 'receiving_parent']);
    expect(r.findings[1]!.explanation).toBe(
      'The instalment of £260.00 due on 1 May 2024 was not paid in full (£150.00 paid for it, £110.00 short), and CMS was not told: on Direct Pay it records no payments, so its figure does not include this.',
    );
  });

  it('owed 1,560.00 − 1,190.00 = 370.00; bridge 520.00 − 260.00 + 110.00 = 370.00 (no fees on Direct Pay, so no basis needed)', () => {
    expect(balance(r)).toEqual({
      due: '1560.00',
      paid: '1190.00',
      adjustments: '0.00',
      recomputed: '370.00',
      position: 'arrears',
      cmsClaimed: '520.00',
      difference: '150.00',
    });
    expect(bridge(r)).toEqual({
      from: '520.00',
      to: '370.00',
      lines: ['missed_payment_not_reported -110.00', 'reported_missed_but_paid 260.00'],
      addsUp: true,
    });
    // Which lines: the reported payment CMS counted as missed one way, the shortfall nobody reported the other.
    const at = (kind: string) => r.bridge.lines.findIndex((l) => l.kind === kind);
    expect(r.bridge.inPayingParentsFavour).toEqual({ count: 1, lines: [at('reported_missed_but_paid')], amount: expect.anything() });
    expect(r.bridge.inReceivingParentsFavour.lines).toEqual([at('missed_payment_not_reported')]);
    expect(formatMoney(r.bridge.inReceivingParentsFavour.amount)).toBe('110.00');
  });
});

describe('Deductions from earnings: the payslip is the evidence, not the bank', () => {
  // £60 a week on Collect and Pay from 1 Jan 2024: 260.00 + 52.00 fee = 312.00 due on the 1st, Jan–Jun (1,872.00).
  // January went unpaid; CMS made a deduction from earnings order (charge £50.00, 15 Jan, when £312.00 was owed).
  // ACME LTD deducted £312.00 on each payday, 28 Jan – 28 Jun; on 28 Feb the payslip shows £313.00 (the £1 the employer
  // keeps). CMS recorded the employer's payments on the 10th of the next month — except March's (never recorded) and
  // April's (recorded as £300.00). June's deduction need not reach CMS until 19 July.
  const cms: CmsEntryInput[] = [
    ...MONTHS.map((m): CmsEntryInput => ({ id: `due-${m}`, date: `2024-${m}-01`, type: 'liability', amount: '260.00' })),
    ...MONTHS.map((m): CmsEntryInput => ({ id: `fee-${m}`, date: `2024-${m}-01`, type: 'collection_fee', amount: '52.00' })),
    { id: 'deo-charge', date: '2024-01-15', type: 'enforcement_charge', amount: '50.00', description: 'Deduction from earnings order' },
    { id: 'deo-02', date: '2024-02-10', type: 'deo_receipt', amount: '312.00' },
    { id: 'deo-03', date: '2024-03-10', type: 'deo_receipt', amount: '312.00' },
    { id: 'deo-05', date: '2024-05-10', type: 'deo_receipt', amount: '300.00' },
    { id: 'deo-06', date: '2024-06-10', type: 'deo_receipt', amount: '312.00' },
  ];
  const slips: EvidenceInput[] = (
    [
      ['2024-01-28', '312.00'],
      ['2024-02-28', '313.00'],
      ['2024-03-28', '312.00'],
      ['2024-04-28', '312.00'],
      ['2024-05-28', '312.00'],
      ['2024-06-28', '312.00'],
    ] as const
  ).map(([d, a]) => ({ id: `slip-${d}`, type: 'payslip_deduction', date: d, amount: a, from: 'ACME LTD' }));
  // CMS's own figure: 6 × 260.00 + 6 × 52.00 + 50.00 − (312.00 + 312.00 + 300.00 + 312.00) = 1,922.00 − 1,236.00 = 686.00.
  const input: ReconcileInput = {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: cms,
    evidence: slips,
    cmsClaim: { date: '2024-06-30', balance: '686.00' },
  };
  const r = reconcile(input);

  it('matches each receipt to its payslip; finds the deduction never credited, the short record, and the one still in transit', () => {
    expect(findings(r)).toEqual(
      found([
        { kind: 'deduction_not_credited', amount: '312.00', effect: '312.00', cms: [], bank: [], evidence: ['slip-2024-03-28'] },
        // Payslip 312.00 − CMS 300.00 = 12.00 CMS did not credit.
        { kind: 'amount_mismatch', amount: '12.00', effect: '12.00', cms: ['deo-05'], bank: [], evidence: ['slip-2024-04-28'] },
        { kind: 'deduction_in_transit', amount: '312.00', effect: '312.00', cms: [], bank: [], evidence: ['slip-2024-06-28'] },
      ]),
    );
    expect(matches(r).filter((m) => m.evidence)).toEqual(
      paired([
        { reason: 'payslip', cms: ['deo-02'], bank: [], evidence: ['slip-2024-01-28'] },
        // 313.00 on the payslip = 312.00 to CMS + £1.00 the employer kept.
        { reason: 'payslip_with_admin_charge', cms: ['deo-03'], bank: [], evidence: ['slip-2024-02-28'] },
        { reason: 'payslip', cms: ['deo-06'], bank: [], evidence: ['slip-2024-05-28'] },
      ]),
    );
    expect(r.findings[0]!.explanation).toBe(
      'Your payslip of 28 March 2024 shows £312.00 deducted for child maintenance by ACME LTD, but CMS has not recorded receiving it: money taken and not credited.',
    );
    expect(r.findings.find((f) => f.kind === 'deduction_in_transit')!.explanation).toBe(
      'Your payslip of 28 June 2024 shows £312.00 deducted for child maintenance; it has until 19 July 2024 to reach CMS, so CMS’s figure does not include it yet.'.replace(
        'CMS’s',
        "CMS's",
      ),
    );
  });

  it('paid in full through the employer: 1,872.00 due − 1,872.00 deducted + the £50.00 charge = 50.00; bridge 686.00 → 50.00', () => {
    // Paid: 6 × 312.00 = 1,872.00 (the £1.00 the employer kept is not maintenance).
    expect(balance(r)).toEqual({
      due: '1872.00',
      paid: '1872.00',
      adjustments: '0.00',
      recomputed: '50.00',
      position: 'arrears',
      enforcementCharges: '50.00',
      cmsClaimed: '686.00',
      difference: '636.00',
    });
    // 686.00 − 312.00 − 12.00 − 312.00 = 50.00
    expect(bridge(r)).toEqual({
      from: '686.00',
      to: '50.00',
      lines: ['amount_mismatch 12.00', 'deduction_in_transit 312.00', 'deduction_not_credited 312.00'],
      addsUp: true,
    });
    // June's £312.00 is on its way, not an error of CMS's: once it arrives CMS's figure is 636.00 − 312.00 = 324.00 too high.
    expect({
      count: r.bridge.inTransit.count,
      amount: r.bridge.inTransit.amount.toFixed(2),
      once: r.bridge.differenceOnceArrived.toFixed(2),
    }).toEqual({
      count: 1,
      amount: '312.00',
      once: '324.00',
    });
    // The deductions pay maintenance and its 20% fee in proportion: 312.00 = 260.00 + 52.00; 12.00 = 10.00 + 2.00.
    expect(components(r)).toEqual({
      maintenance: { recomputed: '0.00', cmsEntries: '530.00' },
      collection_fees: { recomputed: '0.00', cmsEntries: '106.00' },
      enforcement_charges: { recomputed: '50.00', cmsEntries: '50.00' },
    });
  });

  it('with no payslips given, CMS’s deduction receipts are not called phantoms: they are taken as recorded, with a warning', () => {
    const u = reconcile({ ...input, evidence: [] });
    expect(u.findings.filter((f) => f.kind === 'cms_payment_without_evidence')).toEqual([]);
    expect(
      matches(u)
        .filter((m) => m.reason === 'not_checked')
        .map((m) => m.cms[0]),
    ).toEqual(['deo-02', 'deo-03', 'deo-05', 'deo-06']);
    expect(u.warnings.join(' ')).toMatch(
      /4 receipts by deduction from earnings or benefit could not be checked: no payslips cover their dates/,
    );
    // Taken as recorded on both sides: 1,872.00 − 1,236.00 + 50.00 = 686.00, CMS's own figure.
    expect(formatMoney(u.balance.recomputed)).toBe('686.00');
  });
});

describe('Deductions from earnings whose payslips show the employer’s £1 within each deduction', () => {
  // £60 a week on Collect and Pay from 1 Jan 2024: 312.00 due on the 1st, Jan–May (1,560.00), and a £50.00 DEO charge.
  // ACME LTD's payslips show 313.00 deducted on each payday, Jan–Apr; CMS recorded 312.00 four times: after the
  // January, February and April payslips (the £1.00 the employer keeps, reg 12(6)), and once on 17 May with no
  // payslip behind it, while March's deduction was never recorded. Found by an MCP audit: the uncredited deduction was
  // counted at 313.00, so the balance came out at 361.00 and CMS's figure £1.00 too high.
  const cms: CmsEntryInput[] = [
    { id: 'deo-charge', date: '2024-01-05', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
    { id: 'deo-01', date: '2024-01-12', type: 'deo_receipt', amount: '312.00' },
    { id: 'deo-02', date: '2024-02-15', type: 'deo_receipt', amount: '312.00' },
    { id: 'deo-03', date: '2024-03-15', type: 'deo_receipt', amount: '312.00' },
    { id: 'deo-05', date: '2024-05-17', type: 'deo_receipt', amount: '312.00' },
  ];
  const slips: EvidenceInput[] = ['2024-01-26', '2024-02-23', '2024-03-28', '2024-04-26'].map((d) => ({
    id: `slip-${d}`,
    type: 'payslip_deduction',
    date: d,
    amount: '313.00',
    from: 'ACME LTD',
  }));
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: cms,
    evidence: slips,
    cmsClaim: { date: '2024-05-31', maintenance: '260.00', collectionFees: '52.00', enforcementCharges: '50.00' },
  });

  it('the deduction CMS never credited is what should have reached it, 312.00, not the 313.00 taken from pay', () => {
    const missing = r.findings.find((f) => f.kind === 'deduction_not_credited')!;
    expect([missing.date, formatMoney(missing.amount), formatMoney(missing.effect)]).toEqual(['2024-03-28', '312.00', '312.00']);
    expect(missing.explanation).toBe(
      "Your payslip of 28 March 2024 shows £313.00 deducted for child maintenance by ACME LTD, of which £312.00 reaches CMS (the employer keeps £1.00 for its costs, as CMS's other receipts show), but CMS has not recorded receiving it: money taken and not credited.",
    );
    // The 12 January receipt pays over a deduction made before the first payslip given (26 January): no payslip was
    // given for it, so it is not checked and counts as CMS recorded it. 4 × 312.00 reached CMS by the payslips, or
    // should have, and 312.00 by that receipt: 1,560.00 + 50.00 − 1,248.00 − 312.00 = 50.00; CMS's 362.00 is 312.00
    // too high, March's deduction never credited. (Before, any receipt from a month before the first payslip was
    // taken as checked, and "no payslip shows" the 12 January receipt cancelled March's deduction out.)
    expect(r.matches.find((m) => m.reason === 'not_checked')?.cmsEntryIds).toEqual(['deo-01']);
    expect(r.findings.map((f) => f.kind)).toEqual(['deduction_not_credited']);
    expect(formatMoney(r.balance.recomputed)).toBe('50.00');
    expect(formatMoney(r.balance.difference!)).toBe('312.00');
  });
});

describe('A deduction paid over late is matched with its own payslip, not with the next one (an MCP audit)', () => {
  // ACME LTD deducted £421.00 on 27 September 2024 and £509.40 on 25 October, each with the £1 it keeps. September's
  // had to reach CMS by 19 October (SI 1992/1989 reg 14(1)); CMS received £420.00 (£421.00 less the £1) only on
  // 5 November, and never recorded October's (due by 19 November). Paired by time alone, the £420.00 went with the
  // October payslip: "September not credited, £420.00" and "October recorded £88.40 short" — both false.
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-09-01', weeklyAmount: 80 }], service: 'collect_and_pay', asOf: '2024-12-31' },
    side: 'paying',
    cmsEntries: [{ id: 'deo-nov', date: '2024-11-05', type: 'deo_receipt', amount: '420.00' }],
    evidence: [
      { id: 'slip-sep', type: 'payslip_deduction', date: '2024-09-27', amount: '421.00', from: 'ACME LTD' },
      { id: 'slip-oct', type: 'payslip_deduction', date: '2024-10-25', amount: '509.40', from: 'ACME LTD' },
    ],
  });

  it('September’s is paid over late but credited; October’s, £509.40 less the £1, was never credited', () => {
    const late = r.matches.find((m) => m.reason === 'payslip_paid_over_late');
    expect(late?.cmsEntryIds).toEqual(['deo-nov']);
    expect(late?.evidenceIds).toEqual(['slip-sep']);
    expect(late?.explanation).toBe(
      'The payslip shows the deduction CMS received from the employer as £420.00, 39 days apart: after 19 October 2024, the last day to pay it over (SI 1992/1989 reg 14(1)). It was paid over late, but CMS has it.',
    );
    // 509.40 − 1.00 = 508.40, what should have reached CMS by 19 November.
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount)])).toEqual([['deduction_not_credited', '2024-10-25', '508.40']]);
  });
});

describe('A deduction recorded short, where the payslips show the employer’s £1 within each deduction', () => {
  // September: £313.00 deducted, £312.00 received (the £1 kept, reg 12(6)); October: £509.40 deducted, so £508.40 should
  // have reached CMS, which recorded £420.00: 508.40 − 420.00 = 88.40 short. An audit found the words said "£89.40 less
  // than was paid" beside an effect of £88.40.
  it('says how much less should have reached CMS, and that the employer keeps £1.00 of the deduction', () => {
    const r = reconcile({
      schedule: { decisions: [{ effectiveDate: '2024-09-01', weeklyAmount: 80 }], service: 'collect_and_pay', asOf: '2024-12-31' },
      side: 'paying',
      cmsEntries: [
        { id: 'deo-oct', date: '2024-10-10', type: 'deo_receipt', amount: '312.00' },
        { id: 'deo-nov', date: '2024-11-05', type: 'deo_receipt', amount: '420.00' },
      ],
      evidence: [
        { id: 'slip-sep', type: 'payslip_deduction', date: '2024-09-27', amount: '313.00', from: 'ACME LTD' },
        { id: 'slip-oct', type: 'payslip_deduction', date: '2024-10-25', amount: '509.40', from: 'ACME LTD' },
      ],
    });
    expect(r.findings.map((f) => [f.kind, formatMoney(f.amount), f.explanation])).toEqual([
      [
        'amount_mismatch',
        '88.40',
        'CMS recorded money from your employer under a deduction from earnings order of £420.00 on 5 November 2024, but £509.40 was deducted from your pay on 25 October 2024 (ACME LTD), of which the employer keeps £1.00 for its costs: CMS shows £88.40 less than should have reached it.',
      ],
    ]);
  });
});

describe('Direct Pay: a missed payment reported, then paid late', () => {
  // £60 a week from 5 June 2024 on Direct Pay: £260.00 due on the 5th. A missed payment was reported on 10 June; the
  // paying parent paid on 19 June, 14 days late. The report was true when made; the instalment is paid now. An audit
  // found it called simply "paid" and the report "wrong".
  const input = (paidOn: string): ReconcileInput => ({
    schedule: {
      decisions: [{ effectiveDate: '2024-06-05', weeklyAmount: 60 }],
      frequency: 'monthly',
      service: 'direct_pay',
      asOf: '2024-06-30',
    },
    side: 'paying',
    cmsEntries: [{ id: 'rep', date: '2024-06-10', type: 'missed_payment_reported', amount: '260.00' }],
    bankTransactions: [{ id: 'b', date: paidOn, amount: '260.00', direction: 'out', description: 'MAINT' }],
    bankFilter: { includeAll: true },
  });

  it('says it was paid late, after the report, and so is not owed; paid on time, the report was wrong', () => {
    expect(reconcile(input('2024-06-19')).findings.map((f) => [f.kind, f.explanation])).toEqual([
      [
        'reported_missed_but_paid',
        'A missed payment of £260.00 was reported to CMS for the instalment due on 5 June 2024, and it was paid late, after the report: £260.00 left your account on 19 June 2024 ("MAINT"). The report was right when it was made, but the instalment has since been paid, so it is not owed.',
      ],
    ]);
    expect(reconcile(input('2024-06-05')).findings.map((f) => f.explanation)).toEqual([
      'A missed payment of £260.00 was reported to CMS for the instalment due on 5 June 2024, but it was paid: £260.00 left your account on 5 June 2024 ("MAINT").',
    ]);
  });
});

describe('The payment plan: what built up before the first payment date is not overdue', () => {
  // £100 a week on Collect and Pay from 15 Jan 2024, first payment date 1 Mar (monthly). Accrued before it:
  // 15–31 Jan, 17 of 31 days of 433.33 = 237.63 (fee 47.53) and February 433.33 (fee 86.67): 670.96 + 134.20 = 805.16.
  // The plan spreads it over 12 equal instalments from 1 Mar, maintenance and fee each to the penny, the last taking
  // what is left: maintenance 670.96 ÷ 12 = 55.913 → 55.91 (the last 670.96 − 11 × 55.91 = 55.95); fee 134.20 ÷ 12 =
  // 11.183 → 11.18 (the last 11.22). So Mar–Jun each ask for 520.00 (433.33 + 86.67) plus 67.09: 4 × 587.09 =
  // 2,348.36 due by 30 June. The parent paid exactly that. Accrued by then: 805.16 + 4 × 520.00 = 2,885.16; not yet
  // due 2,885.16 − 2,348.36 = 536.80.
  const plan = (over: Partial<ReconcileInput> & { paid: [string, string][]; claim: string }) => {
    const { paid, claim, ...rest } = over;
    return reconcile({
      schedule: { decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: 100 }], service: 'collect_and_pay', firstDueDate: '2024-03-01' },
      side: 'paying',
      cmsEntries: paid.map(([d, a]): CmsEntryInput => ({ id: `rec-${d}`, date: d, type: 'payment_received', amount: a })),
      bankTransactions: paid.map(([d, a]) => out(`bank-${d}`, d, a, 'CMS')),
      bankFilter: { includeAll: true },
      cmsClaim: { date: '2024-06-30', balance: claim },
      ...rest,
    });
  };
  const instalments: [string, string][] = [
    ['2024-03-01', '587.09'],
    ['2024-04-01', '587.09'],
    ['2024-05-01', '587.09'],
    ['2024-06-01', '587.09'],
  ];

  it('a parent who paid every plan instalment is not in arrears, and CMS’s nil is right', () => {
    const r = plan({ paid: instalments, claim: '0' });
    expect(balance(r)).toEqual({
      due: '2348.36',
      paid: '2348.36',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      notYetDue: '536.80',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
    expect(bridge(r)).toEqual({ from: '0.00', to: '0.00', lines: [], addsUp: true });
    expect(r.schedule.plan.pools).toHaveLength(1);
    expect(r.trace.find((s) => s.step === 'initial_amount')!.description).toBe(
      'The initial amount, £805.16, accrued before the first payment date it could be asked for (2024-03-01); it is spread over 12 instalments from 2024-03-01 to 2025-02-01',
    );
  });

  it('where CMS’s statement charges each period as it accrues, the bridge explains its figure by what is not yet due', () => {
    const cms: CmsEntryInput[] = [
      { id: 'due-01', date: '2024-01-15', type: 'liability', amount: '237.63' },
      { id: 'fee-01', date: '2024-01-15', type: 'collection_fee', amount: '47.53' },
      ...['02', '03', '04', '05', '06'].flatMap((m): CmsEntryInput[] => [
        { id: `due-${m}`, date: `2024-${m}-01`, type: 'liability', amount: '433.33' },
        { id: `fee-${m}`, date: `2024-${m}-01`, type: 'collection_fee', amount: '86.67' },
      ]),
    ];
    // CMS's entries: 237.63 + 47.53 + 5 × 520.00 − 2,348.36 = 536.80, exactly what has accrued but is not yet due.
    const withLines = reconcile(planInput(cms));
    expect(findings(withLines)).toEqual([]);
    expect(bridge(withLines)).toEqual({ from: '536.80', to: '0.00', lines: ['accrued_not_yet_due 536.80'], addsUp: true });
    // By part: maintenance 670.96 − 4 × 55.91 = 447.32 and fees 134.20 − 4 × 11.18 = 89.48 are not yet due.
    const line = withLines.bridge.lines[0]!;
    expect([formatMoney(line.effects.maintenance), formatMoney(line.effects.collectionFees)]).toEqual(['447.32', '89.48']);
    expect(line.description).toBe(
      '£536.80 has accrued under the decisions but the payment plan collects it in later instalments: it is not yet due, so it is not arrears.',
    );

    function planInput(extra: CmsEntryInput[]): ReconcileInput {
      return {
        schedule: {
          decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: 100 }],
          service: 'collect_and_pay',
          firstDueDate: '2024-03-01',
        },
        side: 'paying',
        cmsEntries: [
          ...extra,
          ...instalments.map(([d, a]): CmsEntryInput => ({ id: `rec-${d}`, date: d, type: 'payment_received', amount: a })),
        ],
        bankTransactions: instalments.map(([d, a]) => out(`bank-${d}`, d, a, 'CMS')),
        bankFilter: { includeAll: true },
        cmsClaim: { date: '2024-06-30', balance: '536.80' },
      };
    }
  });

  it('with the catch-up amounts from CMS’s payment schedule letter instead of Reckoner’s year of instalments', () => {
    // CMS's letter: £100.00 of arrears with each payment from 1 Mar to 1 Oct, and £5.16 on 1 Nov (805.16). By 30 June
    // 4 × 100.00 = 400.00 of it is due: maintenance 670.96 × 400 ÷ 805.16 = 333.33, fees 134.20 × 400 ÷ 805.16 = 66.67.
    // The parent paid 520.00 + 100.00 = 620.00 each month: 2,480.00 = 4 × 520.00 + 400.00.
    const catchUp = [
      ...['03', '04', '05', '06', '07', '08', '09', '10'].map((m) => ({ dueDate: `2024-${m}-01`, amount: '100.00' })),
      { dueDate: '2024-11-01', amount: '5.16' },
    ];
    const r = plan({
      paid: ['03', '04', '05', '06'].map((m): [string, string] => [`2024-${m}-01`, '620.00']),
      claim: '0',
      schedule: {
        decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: 100 }],
        service: 'collect_and_pay',
        firstDueDate: '2024-03-01',
        paymentPlan: { catchUp },
      },
    });
    expect(balance(r)).toEqual({
      due: '2480.00',
      paid: '2480.00',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      notYetDue: '405.16',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(r.schedule.plan.rule).toBe('cms_schedule');
  });

  it('a backdated increase is collected through later instalments, not owed at once (Direct Pay, monthly)', () => {
    // £50 a week from 1 Jan 2024 (letter 15 Dec 2023): 216.67 a month. A new decision, £70 a week (303.33 a month), takes
    // effect on 1 Feb but its letter is dated 10 Apr: Feb, Mar and Apr were asked for at 216.67, so the increase for
    // them, 3 × 86.66 = 259.98, arises on 10 Apr and is spread over 12 equal instalments from 1 May: 259.98 ÷ 12 =
    // 21.665 → 21.67 (the last 259.98 − 11 × 21.67 = 21.61). Due by 30 June: 4 × 216.67 + 2 × 303.33 + 2 × 21.67 =
    // 866.68 + 606.66 + 43.34 = 1,516.68. The parent paid 216.67 Jan–Apr and 325.00 in May and June: 1,516.68. Not yet
    // due: 259.98 − 43.34 = 216.64.
    const r = reconcile({
      schedule: {
        decisions: [
          { id: 'first', effectiveDate: '2024-01-01', letterDate: '2023-12-15', weeklyAmount: 50 },
          { id: 'increase', effectiveDate: '2024-02-01', letterDate: '2024-04-10', weeklyAmount: 70 },
        ],
      },
      side: 'paying',
      bankTransactions: [
        ...['01', '02', '03', '04'].map((m) => out(`bank-${m}`, `2024-${m}-01`, '216.67')),
        out('bank-05', '2024-05-01', '325.00'),
        out('bank-06', '2024-06-01', '325.00'),
      ],
      bankFilter: { includeAll: true },
      cmsClaim: { date: '2024-06-30', balance: '0' },
    });
    expect(balance(r)).toEqual({
      due: '1516.68',
      paid: '1516.68',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      notYetDue: '216.64',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
    expect(r.schedule.plan.pools.map((p) => [p.reason, p.arises, p.decisionId, p.amounts.maintenance])).toEqual([
      ['backdated', '2024-04-10', 'increase', 25998],
    ]);
  });
});

describe('The payment plan on the receiving side (Collect and Pay, weekly, net of the 4%)', () => {
  // £70 a week from Monday 1 Jan 2024, first payment date Monday 15 Jan. The initial amount is the weeks of 1 and 8 Jan:
  // 2 × 70.00 = 140.00 gross, 2 × 2.80 = 5.60 of CMS's 4%. Spread over 52 equal weeks to the penny: gross 140.00 ÷ 52
  // = 2.692 → 2.69 a week (the last 2.81); fee 5.60 ÷ 52 = 0.108 → 0.11 a week, as 4% of each week's 72.69 is (2.91,
  // of which 2.80 on the 70.00), until the 5.60 runs out. So the receiving parent was due, net, on 15, 22 and 29 Jan:
  // 67.20 + (2.69 − 0.11) = 69.78 each, 209.34 in all, and CMS passed on exactly that. Accrued net by 4 Feb: 5 weeks ×
  // 67.20 = 336.00; not yet due 336.00 − 209.34 = 126.66.
  const paid: [string, string][] = [
    ['2024-01-15', '69.78'],
    ['2024-01-22', '69.78'],
    ['2024-01-29', '69.78'],
  ];
  const input = (extra: CmsEntryInput[], balance: string): ReconcileInput => ({
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 70 }],
      service: 'collect_and_pay',
      frequency: 'weekly',
      firstDueDate: '2024-01-15',
    },
    side: 'receiving',
    cmsEntries: [...extra, ...paid.map(([d, a]): CmsEntryInput => ({ id: `passed-${d}`, date: d, type: 'payment_passed_on', amount: a }))],
    bankTransactions: paid.map(([d, a]) => into(`in-${d}`, d, a, 'CMS')),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-02-04', balance, basis: 'net' },
  });

  it('every plan instalment arrived: nothing is owed to the receiving parent yet, and 126.66 is still to come', () => {
    const r = reconcile(input([], '0'));
    expect(balance(r)).toEqual({
      due: '209.34',
      paid: '209.34',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      notYetDue: '126.66',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(findings(r)).toEqual([]);
    // Counted gross, each net receipt is grossed up by the 4% rule on its own: 69.78 stands for 72.69 (4% of 72.69 is
    // 2.91), the plan's 70.00 + 2.69, so nothing is owed before the 4% either.
    expect(formatMoney(r.balance.bothBases!.gross)).toBe('0.00');
  });

  it('where CMS charges each week as it accrues (70.00 less its 2.80), its figure is explained by what is not yet due', () => {
    const weeks = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'];
    const lines = weeks.flatMap((d): CmsEntryInput[] => [
      { id: `due-${d}`, date: d, type: 'liability', amount: '70.00' },
      { id: `fee-${d}`, date: d, type: 'collection_fee', amount: '2.80' },
    ]);
    // CMS's entries, net: 5 × (70.00 − 2.80) − 209.34 = 126.66.
    const r = reconcile(input(lines, '126.66'));
    expect(bridge(r)).toEqual({ from: '126.66', to: '0.00', lines: ['accrued_not_yet_due 126.66'], addsUp: true });
    expect(findings(r)).toEqual([]);
  });
});

describe('Separate balances: CMS’s claim by component, and an enforcement charge on a balance that was never owed', () => {
  // £60 a week on Collect and Pay: 312.00 on the 1st, Jan–Jun 2024 (1,872.00), all paid. CMS did not record March's
  // payment, so it showed £260.00 of maintenance arrears and £52.00 of fees, and on 20 May charged £300.00 for a
  // liability order (an amount the Fees Regulations allow). Its statement keeps the three apart.
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: [
      ...MONTHS.filter((m) => m !== '03').map((m): CmsEntryInput => ({
        id: `rec-${m}`,
        date: `2024-${m}-01`,
        type: 'payment_received',
        amount: '312.00',
      })),
      { id: 'lo', date: '2024-05-20', type: 'enforcement_charge', amount: '300.00', description: 'Liability order charge' },
    ],
    bankTransactions: MONTHS.map((m) => out(`bank-${m}`, `2024-${m}-01`, '312.00', 'CMS')),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-06-30', maintenance: '260.00', collectionFees: '52.00', enforcementCharges: '300.00' },
  });

  it('each component is compared on its own; the charge is a finding of its own, not left beside the total', () => {
    expect(findings(r)).toEqual(
      found([
        { kind: 'payment_missing_from_cms', amount: '312.00', effect: '312.00', cms: [], bank: ['bank-03'] },
        { kind: 'enforcement_without_arrears', amount: '300.00', effect: '300.00', cms: ['lo'], bank: [] },
      ]),
    );
    const missing = r.findings[0]!;
    // 312.00 paid = 260.00 maintenance + 52.00 fee.
    expect([missing.effects.maintenance, missing.effects.collectionFees, missing.effects.enforcementCharges].map(formatMoney)).toEqual([
      '260.00',
      '52.00',
      '0.00',
    ]);
    expect(components(r)).toEqual({
      maintenance: { recomputed: '0.00', cmsEntries: '260.00', cmsClaimed: '260.00' },
      collection_fees: { recomputed: '0.00', cmsEntries: '52.00', cmsClaimed: '52.00' },
      enforcement_charges: { recomputed: '0.00', cmsEntries: '300.00', cmsClaimed: '300.00' },
    });
    expect(r.bridge.components.map((c) => [c.component, formatMoney(c.from!), formatMoney(c.to), formatMoney(c.amount)])).toEqual([
      ['maintenance', '260.00', '0.00', '260.00'],
      ['collection_fees', '52.00', '0.00', '52.00'],
      ['enforcement_charges', '300.00', '0.00', '300.00'],
    ]);
    // The total CMS claims is the sum of its parts: 260.00 + 52.00 + 300.00 = 612.00.
    expect(bridge(r)).toEqual({
      from: '612.00',
      to: '0.00',
      lines: ['enforcement_without_arrears 300.00', 'payment_missing_from_cms 312.00'],
      addsUp: true,
    });
    expect(r.balance.components.map((c) => c.creditor)).toEqual(['receiving_parent', 'secretary_of_state', 'secretary_of_state']);
  });
});

describe('The receiving side on Collect and Pay: a claim is compared on the basis it states', () => {
  // £60 a week: 260.00 gross a month, CMS keeps 4% (10.40), 249.60 reaches the receiving parent. Jan and Feb were
  // passed on; March and April were not (the paying parent did not pay). Owed: gross 4 × 260.00 − 2 × 260.00 = 520.00;
  // net 4 × 249.60 − 2 × 249.60 = 499.20.
  const input = (balance: string, basis?: 'gross' | 'net'): ReconcileInput => ({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'receiving',
    cmsEntries: ['01', '02'].map((m): CmsEntryInput => ({
      id: `passed-${m}`,
      date: `2024-${m}-05`,
      type: 'payment_passed_on',
      amount: '249.60',
    })),
    bankTransactions: ['01', '02'].map((m) => into(`in-${m}`, `2024-${m}-05`, '249.60', 'CMS')),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-04-30', balance, ...(basis ? { basis } : {}) },
  });

  it('“arrears of £520.00” on the gross basis is right, and so is £499.20 net', () => {
    const gross = reconcile(input('520.00', 'gross'));
    expect(balance(gross)).toMatchObject({ recomputed: '520.00', difference: '0.00' });
    expect(bridge(gross)).toEqual({ from: '520.00', to: '520.00', lines: [], addsUp: true });
    const net = reconcile(input('499.20', 'net'));
    expect(balance(net)).toMatchObject({ recomputed: '499.20', difference: '0.00' });
    expect([formatMoney(net.balance.bothBases!.gross), formatMoney(net.balance.bothBases!.net)]).toEqual(['520.00', '499.20']);
  });

  it('£520.00 said to be net is £20.80 more than CMS’s own entries give on that basis: the unexplained line says so', () => {
    const r = reconcile(input('520.00', 'net'));
    expect(bridge(r)).toEqual({ from: '520.00', to: '499.20', lines: ['unexplained 20.80'], addsUp: true });
  });

  it('what a receiving parent is owed is owed to them, not called the paying parent’s debt', () => {
    // CMS says it passed on March's payment too (it is not in the bank): from the receiving side nothing shows who holds
    // that money, so the balance is what is owed to the receiving parent. Net: 4 × 249.60 − 2 × 249.60 = 499.20.
    // Before: "£499.20 owed by the paying parent" (test/server/words.test.ts checks the tool's summary).
    const passedMarch: CmsEntryInput = { id: 'passed-03', date: '2024-03-05', type: 'payment_passed_on', amount: '249.60' };
    const given = input('249.60', 'net');
    const r = reconcile({ ...given, cmsEntries: [...given.cmsEntries!, passedMarch] });
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount)])).toEqual([
      ['cms_payment_without_evidence', '2024-03-05', '249.60'],
    ]);
    const step = r.trace.find((t) => t.step === 'balance')!.description;
    expect(step).toContain('= £499.20 owed to the receiving parent on 2024-04-30');
    expect(step).toContain('CMS says £249.60 owed to the receiving parent');
    expect(step).not.toContain('paying parent');
  });

  it('a claim with no basis is refused, naming the field and saying what to give', () => {
    expect(() => reconcile(input('520.00'))).toThrow(
      'cmsClaim.basis: say whether CMS’s figure is gross (the maintenance the paying parent owes you, before CMS’s 4% collection fee) or net (what you are still owed in cash after the 4%); on Collect and Pay the two differ',
    );
  });
});

describe('Pairing: a wrong amount far from the right one, a repeated enforcement charge (Collect and Pay, weekly)', () => {
  // £100 a week on Collect and Pay from Monday 1 Jan 2024: 100.00 + 20.00 fee = 120.00 due each Monday; to 28 Jan,
  // 4 × 120.00 = 480.00. Paid 120.00 on 1 Jan, nothing on 8 or 15 Jan, then 240.00 on 22 Jan (two weeks' worth, in
  // the week of the 22nd); CMS recorded that payment as £25.00. With 240.00 owed on 16 Jan, CMS charged £50.00 for a
  // deduction from earnings order (allowed), and on 19 Jan charged it again.
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 100 }], service: 'collect_and_pay', frequency: 'weekly' },
    side: 'paying',
    cmsEntries: [
      { id: 'rec-1', date: '2024-01-01', type: 'payment_received', amount: '120.00' },
      { id: 'rec-2', date: '2024-01-22', type: 'payment_received', amount: '25.00' },
      { id: 'deo-1', date: '2024-01-16', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
      { id: 'deo-2', date: '2024-01-19', type: 'enforcement_charge', amount: '50.00', description: 'Deduction from earnings order charge' },
    ],
    bankTransactions: [out('bank-1', '2024-01-01', '120.00', 'CMS'), out('bank-2', '2024-01-22', '240.00', 'CMS')],
    bankFilter: { includeAll: true },
    // CMS: 480.00 due − (120.00 + 25.00) + 2 × 50.00 = 435.00
    cmsClaim: { date: '2024-01-28', balance: '435.00' },
  });

  it('£25.00 against £240.00 the same day is one payment recorded wrongly, not a phantom and a missing payment', () => {
    expect(findings(r)).toEqual(
      found([
        // 240.00 − 25.00 = 215.00 CMS did not credit.
        { kind: 'amount_mismatch', amount: '215.00', effect: '215.00', cms: ['rec-2'], bank: ['bank-2'] },
        // The second charge for the same order, within 31 days of the first (its action read from its wording).
        { kind: 'duplicate_enforcement_charge', amount: '50.00', effect: '50.00', cms: ['deo-2'], bank: [] },
      ]),
    );
    expect(matches(r)).toEqual(
      paired([
        { reason: 'exact_amount', cms: ['rec-1'], bank: ['bank-1'] },
        { reason: 'charge_agrees', cms: ['deo-1'], bank: [] },
      ]),
    );
    expect(r.findings.find((f) => f.kind === 'amount_mismatch')!.explanation).toBe(
      'CMS recorded a payment received of £25.00 on 22 January 2024, but £240.00 left your account on 22 January 2024 ("CMS"): CMS shows £215.00 less than was paid.',
    );
  });

  it('recomputed 480.00 − 360.00 + 50.00 = 170.00; bridge 435.00 − 215.00 − 50.00 = 170.00', () => {
    expect(balance(r)).toEqual({
      due: '480.00',
      paid: '360.00',
      adjustments: '0.00',
      recomputed: '170.00',
      position: 'arrears',
      enforcementCharges: '50.00',
      cmsClaimed: '435.00',
      difference: '265.00',
    });
    expect(bridge(r)).toEqual({
      from: '435.00',
      to: '170.00',
      lines: ['amount_mismatch 215.00', 'duplicate_enforcement_charge 50.00'],
      addsUp: true,
    });
  });
});

describe('A backdated reduction offset against later instalments is an adjustment, not a run of liability errors', () => {
  // Direct Pay, monthly. £100 a week from 1 Jan 2024 (433.33 a month, letter 10 Dec 2023); a decision lowering it to
  // £60 a week (260.00 a month) from 1 Feb, with its letter dated 10 Apr. CMS's breakdown, which lists each payment,
  // kept charging 433.33 for Feb–Apr (the periods before the letter: 3 × 173.33 = 519.99 too much) and then offset
  // that overpayment: nothing charged for May (260.00 offset) and £0.01 for June (259.99 offset). The parent paid what
  // CMS asked: 433.33 for Jan–Apr, £0.01 in June.
  // Truth: 433.33 + 5 × 260.00 = 1,733.33 due (the reduction is credited on 10 Apr); paid 4 × 433.33 + 0.01 = 1,733.33.
  const r = reconcile({
    schedule: {
      decisions: [
        { id: 'A', effectiveDate: '2024-01-01', letterDate: '2023-12-10', weeklyAmount: 100 },
        { id: 'B', effectiveDate: '2024-02-01', letterDate: '2024-04-10', weeklyAmount: 60 },
      ],
    },
    side: 'paying',
    cmsEntries: [
      ...['01', '02', '03', '04'].map((m): CmsEntryInput => ({
        id: `due-${m}`,
        date: `2024-${m}-01`,
        type: 'liability',
        amount: '433.33',
      })),
      { id: 'due-05', date: '2024-05-01', type: 'liability', amount: '0.00' },
      { id: 'due-06', date: '2024-06-01', type: 'liability', amount: '0.01' },
      ...['01', '02', '03', '04'].map((m): CmsEntryInput => ({
        id: `paid-${m}`,
        date: `2024-${m}-01`,
        type: 'direct_payment',
        amount: '433.33',
      })),
      { id: 'paid-06', date: '2024-06-01', type: 'direct_payment', amount: '0.01' },
    ],
    bankTransactions: [
      ...['01', '02', '03', '04'].map((m) => out(`bank-${m}`, `2024-${m}-01`, '433.33')),
      out('bank-06', '2024-06-01', '0.01'),
    ],
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-06-30', balance: '0' },
  });

  it('the three periods before the letter are charged at the old rate; May and June are offsets, not under-charges', () => {
    expect(findings(r)).toEqual(
      found([
        ...['02', '03', '04'].map((m) => ({ kind: 'liability_mismatch', amount: '173.33', effect: '173.33', cms: [`due-${m}`], bank: [] })),
        { kind: 'overpayment_offset', amount: '260.00', effect: '-260.00', cms: ['due-05'], bank: [] },
        // What is left to offset: 519.99 − 260.00 = 259.99, and June was lowered by 260.00 − 0.01 = 259.99.
        { kind: 'overpayment_offset', amount: '259.99', effect: '-259.99', cms: ['due-06'], bank: [] },
      ]),
    );
    expect(r.findings.filter((f) => f.kind === 'liability_mismatch').every((f) => f.facts.reason === 'backdated_decision')).toBe(true);
    expect(r.findings.find((f) => f.kind === 'overpayment_offset')!.explanation).toBe(
      'CMS charged £0.00 for 1 May 2024 to 31 May 2024 instead of £260.00: it set £260.00 of an overpayment against it. That is an adjustment on the account, not an error in the amount due.',
    );
  });

  it('the offsets have used up the overcharge: the bridge nets to nothing, 3 × 173.33 − 260.00 − 259.99 = 0.00', () => {
    expect(balance(r)).toEqual({
      due: '1733.33',
      paid: '1733.33',
      adjustments: '0.00',
      recomputed: '0.00',
      position: 'settled',
      cmsClaimed: '0.00',
      difference: '0.00',
    });
    expect(bridge(r).addsUp).toBe(true);
    expect(formatMoney(r.bridge.inPayingParentsFavour.amount)).toBe('519.99');
    expect(formatMoney(r.bridge.inReceivingParentsFavour.amount)).toBe('519.99');
  });
});

describe('Two cases, two references: payments put on the wrong case', () => {
  // The paying parent has case A (123456789012, £60 a week on Collect and Pay: 312.00 a month) and case B
  // (987654321098). Case A was paid 312.00 on 1 Jan, 1 Feb and 1 Mar with reference "CMS 123456789012"; case B was paid
  // £200.00 on 15 Feb and 15 Mar with its own reference. CMS recorded A's February payment on case B (2 Feb), and B's
  // March payment on case A. Reconciling case A, with case B's statement lines given too:
  // CMS's figure for A: 936.00 − (312.00 + 312.00 + 200.00) = 112.00; the truth: 936.00 − 936.00 = 0.00.
  const A = '123456789012';
  const B = '987654321098';
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    caseReference: A,
    cmsEntries: [
      { id: 'A-01', date: '2024-01-01', type: 'payment_received', amount: '312.00' },
      { id: 'A-03', date: '2024-03-01', type: 'payment_received', amount: '312.00' },
      { id: 'A-0315', date: '2024-03-15', type: 'payment_received', amount: '200.00' },
      { id: 'B-0202', date: '2024-02-02', type: 'payment_received', amount: '312.00', caseReference: 'CMS 9876 5432 1098' },
      { id: 'B-0215', date: '2024-02-15', type: 'payment_received', amount: '200.00', caseReference: B },
    ],
    bankTransactions: [
      ...['01', '02', '03'].map((m) => out(`bank-${m}`, `2024-${m}-01`, '312.00', 'CMS', `CMS ${A}`)),
      out('bank-B-0215', '2024-02-15', '200.00', 'CMS', `CMS ${B}`),
      out('bank-B-0315', '2024-03-15', '200.00', 'CMS', `CMS ${B}`),
    ],
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2024-03-31', balance: '112.00' },
  });

  it('finds A’s payment on case B and B’s payment on case A; B’s own lines are set aside', () => {
    expect(findings(r)).toEqual(
      found([
        { kind: 'payment_on_wrong_case', amount: '312.00', effect: '312.00', cms: ['B-0202'], bank: ['bank-02'] },
        { kind: 'payment_from_other_case', amount: '200.00', effect: '-200.00', cms: ['A-0315'], bank: ['bank-B-0315'] },
      ]),
    );
    expect(r.findings.map((f) => f.explanation)).toEqual([
      '£312.00 left your account on 1 February 2024 ("CMS") for this case, but CMS recorded it on another case (reference 9876 5432 1098).',
      'CMS credited this case with a payment received of £200.00 on 15 March 2024, but it was paid for another case (reference 9876 5432 1098).',
    ]);
    expect(ignored(r)).toEqual(['B-0215: another_case', 'bank-B-0215: another_case']);
    // 112.00 − 312.00 + 200.00 = 0.00
    expect(bridge(r)).toEqual({
      from: '112.00',
      to: '0.00',
      lines: ['payment_from_other_case -200.00', 'payment_on_wrong_case 312.00'],
      addsUp: true,
    });
  });
});

describe('A voluntary payment (1991 Act s.28J) and a write-off (s.41E) are taken as CMS records them', () => {
  // £60 a week on Collect and Pay from 1 Mar 2024: 312.00 on 1 Mar, Apr and May (936.00). Before the calculation the
  // parent paid £500.00 (10 Feb), which CMS accepted as a voluntary payment; CMS wrote off £100.00 of arrears on 20 May.
  // Owed: 936.00 − 500.00 − 100.00 = 336.00, as CMS says.
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2024-03-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: [
      { id: 'voluntary', date: '2024-02-10', type: 'voluntary_payment', amount: '500.00' },
      { id: 'written-off', date: '2024-05-20', type: 'write_off', amount: '100.00' },
    ],
    bankTransactions: [out('bank-voluntary', '2024-02-10', '500.00', 'CHILD MAINT')],
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-05-31', balance: '336.00' },
  });

  it('the voluntary payment matches the bank; the write-off stands; nothing to dispute', () => {
    expect(findings(r)).toEqual([]);
    expect(matches(r)).toEqual(
      paired([
        { reason: 'exact_amount', cms: ['voluntary'], bank: ['bank-voluntary'] },
        { reason: 'accepted_as_recorded', cms: ['written-off'], bank: [] },
      ]),
    );
    expect(balance(r)).toEqual({
      due: '936.00',
      paid: '500.00',
      adjustments: '0.00',
      recomputed: '336.00',
      position: 'arrears',
      writtenOff: '100.00',
      cmsClaimed: '336.00',
      difference: '0.00',
    });
  });
});
