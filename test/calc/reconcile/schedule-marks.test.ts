/**
 * A payment schedule's marks (paid, part paid, missed, due) beside "payment missing from CMS" findings
 * (calc/reconcile/schedule-marks.ts). On Collect and Pay, with only the schedule as CMS's record, every payment the
 * bank shows has no CMS line recording it, so each reads as missing from CMS, even those the schedule marks paid:
 * the reconciliation must say so, naming those instalments, and only those.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput, ScheduleStatus } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { collectAndPayFromMay, DUE } from './collect-and-pay-from-may.ts';

// One decision of £60.00 a week on Collect and Pay, monthly from 1 May 2024: 60 × 52 ÷ 12 = £260.00 a month, and the
// paying parent's 20% collection fee on it, £52.00: £312.00 paid each month (Fees Regulations 2014 reg 7).
const scheduleLines = (statuses: readonly (ScheduleStatus | undefined)[]): CmsEntryInput[] =>
  DUE.map((date, i) => ({
    id: `schedule-${date}`,
    date,
    type: 'liability',
    amount: '260.00',
    fromSchedule: true,
    ...(statuses[i] ? { status: statuses[i] } : {}),
  }));
const input = collectAndPayFromMay;
const missing = (r: ReturnType<typeof reconcile>) =>
  r.findings.filter((f) => f.kind === 'payment_missing_from_cms').map((f) => [f.date, formatMoney(f.amount)]);
const markWarnings = (r: ReturnType<typeof reconcile>) => r.warnings.filter((w) => w.startsWith('CMS’s payment schedule marks'));

describe('a payment schedule’s marks beside payments missing from CMS', () => {
  it('names the instalments the schedule marks paid or part paid whose payments read as missing, and no others', () => {
    const r = reconcile(input(scheduleLines(['paid', 'part_paid', 'missed'])));
    // No CMS line records a payment, so each £312.00 reads as missing (as before: the marks do not change findings).
    expect(missing(r)).toEqual(DUE.map((d) => [d, '312.00']));
    expect(markWarnings(r)).toEqual([
      'CMS’s payment schedule marks the instalments due on 2024-05-01 as paid and 2024-06-01 as part paid, yet no CMS record of the payments was given, so the payments made for them are listed as missing from CMS. Reckoner does not take a schedule’s mark as CMS’s record of a payment: give CMS’s statement of account (the payments it received), and check these findings against it before writing to CMS.',
    ]);
  });

  it('says nothing of an instalment whose payment a CMS line records, nor of a schedule without marks', () => {
    // May's £312.00 is on the statement of account: only June's mark stands beside a missing payment.
    const received: CmsEntryInput = { id: 'account-may', date: '2024-05-02', type: 'payment_received', amount: '312.00' };
    const r = reconcile(input([...scheduleLines(['paid', 'paid', 'due']), received]));
    expect(missing(r)).toEqual([
      ['2024-06-01', '312.00'],
      ['2024-07-01', '312.00'],
    ]);
    expect(markWarnings(r)).toHaveLength(1);
    expect(markWarnings(r)[0]).toMatch(
      /^CMS’s payment schedule marks the instalment due on 2024-06-01 as paid, yet no CMS record of the payment was given, so the payment made for it is listed/,
    );
    expect(markWarnings(reconcile(input(scheduleLines([undefined, undefined, undefined]))))).toEqual([]);
  });

  it('refuses a mark it does not know, or one on a line that is not a schedule’s, naming the field', () => {
    const [first] = scheduleLines(['paid']);
    expect(() => reconcile(input([{ ...first!, status: 'settled' as ScheduleStatus }]))).toThrow(
      'cmsEntries[0].status: must be one of due, paid, part_paid, missed',
    );
    expect(() => reconcile(input([{ ...first!, fromSchedule: false }]))).toThrow(
      'cmsEntries[0].status: is a payment schedule’s mark on an instalment: give it only on a schedule’s line (fromSchedule: true)',
    );
  });
});

describe('a payment schedule’s marks on Direct Pay, where CMS marks an instalment missed when it is reported missed', () => {
  // The same decision on Direct Pay: £260.00 a month, no fees, paid parent to parent.
  const directPay = (marks: readonly ScheduleStatus[], paidMonths: readonly string[], extra: CmsEntryInput[] = []): ReconcileInput => ({
    ...input([...scheduleLines(marks), ...extra]),
    schedule: { ...input([]).schedule, service: 'direct_pay' },
    bankTransactions: paidMonths.map((date) => ({
      id: `bank-${date}`,
      date,
      amount: '260.00',
      direction: 'out',
      description: 'J SMITH MAINT',
    })),
    bankFilter: { descriptionContains: ['MAINT'] },
  });
  const findings = (r: ReturnType<typeof reconcile>) => r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount)]);

  it('an instalment marked missed that the payments cover, with no report given, is named', () => {
    const r = reconcile(directPay(['paid', 'paid', 'missed'], DUE));
    expect(findings(r)).toEqual([]);
    expect(markWarnings(r)).toEqual([
      'CMS’s payment schedule marks the instalment due on 2024-07-01 as missed, but the payments made for it cover it in full. On Direct Pay CMS marks an instalment missed when it is reported missed: give each report CMS recorded (a missed_payment_reported entry, with its date and amount) to have it checked against the payments.',
    ]);
  });

  it('a shortfall the schedule marks missed is one CMS knows of, though it reads as not reported', () => {
    const r = reconcile(directPay(['paid', 'paid', 'missed'], DUE.slice(0, 2)));
    // July's £260.00 was not paid and no report was given: the finding stands, and the mark is named beside it.
    expect(findings(r)).toEqual([['missed_payment_not_reported', '2024-07-01', '260.00']]);
    expect(markWarnings(r)).toEqual([
      'CMS’s payment schedule marks the instalment due on 2024-07-01 as missed, so CMS knows of that shortfall, which reads below as not reported: give each report CMS recorded (a missed_payment_reported entry, with its date and amount) to have its amount checked.',
    ]);
  });

  it('once the report is given, the report is what is checked, and the mark says nothing more', () => {
    const report: CmsEntryInput = { id: 'report-july', date: '2024-07-10', type: 'missed_payment_reported', amount: '260.00' };
    const r = reconcile(directPay(['paid', 'paid', 'missed'], DUE, [report]));
    expect(findings(r)).toEqual([['reported_missed_but_paid', '2024-07-01', '260.00']]);
    expect(markWarnings(r)).toEqual([]);
  });
});

describe('a payment schedule’s line is the instalment as the parent pays or receives it', () => {
  it('£312.00 a month is the £260.00 due and the 20% fee on it, not £52.00 charged too much', () => {
    const lines = scheduleLines([]).map((e) => ({ ...e, amount: '312.00' }));
    const r = reconcile(input(lines));
    expect(r.findings.filter((f) => f.kind === 'liability_mismatch')).toEqual([]);
    expect(r.matches.filter((m) => m.reason === 'schedule_agrees').map((m) => formatMoney(m.amount))).toEqual([
      '312.00',
      '312.00',
      '312.00',
    ]);
    // A line that is neither the maintenance nor the maintenance with the fee is still a wrong amount.
    const wrong = reconcile(input(lines.map((e) => (e.date === '2024-06-01' ? { ...e, amount: '320.00' } : e))));
    expect(wrong.findings.filter((f) => f.kind === 'liability_mismatch').map((f) => [f.date, formatMoney(f.amount)])).toEqual([
      ['2024-06-01', '60.00'],
    ]);
  });

  // The same £60.00 a week from 5 April 2024, paid from 1 May: the 26 days of April before the first due date are
  // initial arrears, £260.00 × 26 ÷ 30 = £225.33, which the payment plan collects in later instalments with the fee on
  // them (a year of instalments unless CMS's schedule says otherwise).
  const fromApril = (cmsEntries: CmsEntryInput[], plan?: { catchUpInstalments: number }): ReconcileInput => ({
    ...input(cmsEntries),
    schedule: {
      ...input([]).schedule,
      decisions: [{ effectiveDate: '2024-04-05', weeklyAmount: '60.00' }],
      ...(plan ? { paymentPlan: plan } : {}),
    },
  });
  const mismatches = (r: ReturnType<typeof reconcile>) =>
    r.findings.filter((f) => f.kind === 'liability_mismatch').map((f) => [f.date, formatMoney(f.amount)]);
  const agreed = (r: ReturnType<typeof reconcile>) =>
    r.matches.filter((m) => m.reason === 'schedule_agrees').map((m) => formatMoney(m.amount));

  it('with initial arrears, £312.00 is still the maintenance and the fee, and paying it is not falling behind', () => {
    const r = reconcile(fromApril(scheduleLines([]).map((e) => ({ ...e, amount: '312.00' }))));
    // Before: each line read as £52.00 charged too much.
    expect(mismatches(r)).toEqual([]);
    expect(agreed(r)).toEqual(['312.00', '312.00', '312.00']);
    // CMS's schedule asks for 312.00 on each date, none of it towards the 225.33: a parent who pays it is not behind
    // (cms-accounts.md §3). Due by 31 July: 3 × 312.00 = 936.00; paid the same. (Reckoner's own rule of a year of
    // instalments would have made 3 × 18.78 of it and the fee on that due, 67.60, and called that arrears.)
    expect(formatMoney(r.balance.due)).toBe('936.00');
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
    expect(r.warnings.filter((w) => w.startsWith('CMS’s payment schedule asks for the ongoing instalment alone'))).toHaveLength(1);
    // CMS's ledger holds what accrued, 1,005.33 (225.33 + 3 × 260.00), and its fee, 201.07 (20% of 1,005.33 = 201.066):
    // 1,206.40, of which 225.33 + 45.07 = 270.40 is not yet due; the three payments are not in it (only a schedule was
    // given): 1,206.40 − 936.00 − 270.40 = 0.00.
    expect(formatMoney(r.balance.cmsEntriesTotal)).toBe('1206.40');
    expect(r.bridge.lines.map((l) => [l.kind, formatMoney(l.amount)])).toEqual([
      ['payment_missing_from_cms', '312.00'],
      ['payment_missing_from_cms', '312.00'],
      ['payment_missing_from_cms', '312.00'],
      ['accrued_not_yet_due', '270.40'],
    ]);
  });

  it('on Direct Pay, paying what CMS’s schedule asks is found as paid without a bank filter, and is not a shortfall', () => {
    // £260.00 on each date CMS's schedule lists, paid to J SMITH; a £45.00 shop beside them. Before: without a filter
    // the three payments were set aside (they matched no instalment of Reckoner's own plan, 260.00 + 18.78), so all
    // three months read as missed; with one, each read as £18.78 short.
    const paid = DUE.map((date) => ({ id: `bank-${date}`, date, amount: '260.00', direction: 'out' as const, description: 'J SMITH' }));
    const lines = scheduleLines([]);
    const r = reconcile({
      ...fromApril(lines),
      schedule: { ...fromApril(lines).schedule, service: 'direct_pay' },
      bankTransactions: [...paid, { id: 'shop', date: '2024-06-03', amount: '45.00', direction: 'out', description: 'TESCO' }],
      bankFilter: undefined,
    });
    expect(r.findings).toEqual([]);
    expect(r.ignored.map((i) => [i.bankTransactionId, i.reason])).toEqual([['shop', 'not_a_maintenance_payment']]);
    // Paid 3 × 260.00 = 780.00 of 780.00 due; the 225.33 is not yet due.
    expect([r.balance.paid, r.balance.recomputed, r.balance.notYetDue].map(formatMoney)).toEqual(['780.00', '0.00', '225.33']);
  });

  it('a line that is the plan’s whole instalment, arrears part and fee included, agrees', () => {
    // CMS's schedule spreads the 225.33 over 3 instalments: 75.11 each. Maintenance 260.00 + 75.11 = 335.11, and CMS's
    // 20% added to that collection, rounded on it: 335.11 × 20% = 67.022 → 67.02: 402.13 each month. (Before, the fee
    // on the 225.33, 45.07, was shared 15.02 + 15.03 + 15.02 and June's 402.14 was taken as right.)
    const amounts = ['402.13', '402.13', '402.13'];
    const r = reconcile(
      fromApril(
        scheduleLines([]).map((e, i) => ({ ...e, amount: amounts[i]! })),
        { catchUpInstalments: 3 },
      ),
    );
    expect(mismatches(r)).toEqual([]);
    expect(agreed(r)).toEqual(amounts);
    // A penny off is still a wrong amount, read against the maintenance that accrued: 402.14 − 260.00 = 142.14.
    const wrong = reconcile(
      fromApril(
        scheduleLines([]).map((e, i) => ({ ...e, amount: i === 1 ? '402.14' : amounts[i]! })),
        { catchUpInstalments: 3 },
      ),
    );
    expect(mismatches(wrong)).toEqual([['2024-06-01', '142.14']]);
  });

  it('a receiving parent’s schedule states the maintenance less their 4% fee, not £10.40 charged too little', () => {
    // For the receiving parent: £260.00 a month less the 4% fee on it (SI 2014/612 reg 7), 10.40: 249.60 received.
    const received = (amount: string): ReconcileInput => ({
      ...input(scheduleLines([]).map((e) => ({ ...e, amount }))),
      side: 'receiving',
      bankTransactions: DUE.map((date) => ({ id: `bank-${date}`, date, amount: '249.60', direction: 'in', description: 'CMS' })),
    });
    const r = reconcile(received('249.60'));
    expect(mismatches(r)).toEqual([]);
    expect(agreed(r)).toEqual(['249.60', '249.60', '249.60']);
    // A line that is neither is still a wrong amount, £10.00 less than the £260.00 due.
    expect(mismatches(reconcile(received('250.00')))).toEqual(DUE.map((date) => [date, '10.00']));
  });

  it('on Direct Pay, paying what a schedule that lists three catch-up amounts asks is not falling behind', () => {
    // CMS's split schedule: £260.00 ongoing and £18.78 of arrears on each of 1 May, 1 June, 1 July (3 × 18.78 = 56.34
    // of the 225.33); the parent pays 278.78 each time, to J SMITH. Before: the three amounts were scaled to the whole
    // 225.33 (75.11 a month), so each month read as £56.33 short and 1,005.33 was due by 31 July.
    const lines = scheduleLines([]);
    const catchUp = DUE.map((dueDate) => ({ dueDate, amount: '18.78' }));
    const r = reconcile({
      ...fromApril(lines),
      schedule: { ...fromApril(lines).schedule, service: 'direct_pay', paymentPlan: { catchUp } },
      bankTransactions: DUE.map((date) => ({
        id: `bank-${date}`,
        date,
        amount: '278.78',
        direction: 'out' as const,
        description: 'J SMITH',
      })),
      bankFilter: undefined,
    });
    expect(r.findings).toEqual([]);
    // Due by 31 July: 3 × (260.00 + 18.78) = 836.34, paid the same; the rest of the 225.33, 168.99, is not yet due.
    expect([r.balance.due, r.balance.paid, r.balance.recomputed, r.balance.notYetDue].map(formatMoney)).toEqual([
      '836.34',
      '836.34',
      '0.00',
      '168.99',
    ]);
    expect(r.warnings.filter((w) => w.startsWith('CMS’s payment schedule (schedule.paymentPlan.catchUp) lists'))).toEqual([
      'CMS’s payment schedule (schedule.paymentPlan.catchUp) lists catch-up amounts of £56.34 in all, on 3 dates up to 2024-07-01, less than the £225.33 that accrued before it could be asked for (an initial or backdated amount). Each is taken as the maintenance it collects on its date; the rest, £168.99, is counted as not yet due until after then and is spread over 12 instalments from 2024-08-01 (Reckoner’s rule). If the schedule lists every catch-up instalment CMS means to ask for, CMS is collecting less than accrued: ask it how the rest will be collected, or give its later schedule to have it checked.',
    ]);
  });

  it('on Collect and Pay, a split schedule’s fee lines carry the fee on its catch-up amounts too', () => {
    // The same schedule on Collect and Pay, split as CMS prints it: 260.00 ongoing, 18.78 of arrears, and the 20% fee on
    // both, 52.00 + 3.76 (18.78 × 20% = 3.756): 334.54 paid each month. Before: each fee line read as £3.76 too much.
    const split = DUE.flatMap((date): CmsEntryInput[] => [
      { id: `ongoing-${date}`, date, type: 'liability', amount: '260.00', fromSchedule: true },
      { id: `fee-${date}`, date, type: 'collection_fee', amount: '55.76', fromSchedule: true },
    ]);
    const r = reconcile({
      ...fromApril(split),
      schedule: { ...fromApril(split).schedule, paymentPlan: { catchUp: DUE.map((dueDate) => ({ dueDate, amount: '18.78' })) } },
      bankTransactions: DUE.map((date) => ({
        id: `bank-${date}`,
        date,
        amount: '334.54',
        direction: 'out' as const,
        description: 'CMS PAYMENT',
      })),
    });
    // Only a schedule was given as CMS's record, so the payments still read as missing from it; nothing is charged wrongly.
    expect([...new Set(r.findings.map((f) => f.kind))]).toEqual(['payment_missing_from_cms']);
    // Due by 31 July: 3 × 334.54 = 1,003.62, paid the same. Not yet due: the rest of the 225.33, 168.99, spread over 12
    // instalments from 1 August (9 × 14.08 + 3 × 14.09), and the 20% CMS adds to each, 2.82 (14.08 × 20% = 2.816,
    // 14.09 × 20% = 2.818): 168.99 + 12 × 2.82 = 202.83. (Before: the fee's share left, 45.07 − 3 × 3.76 = 33.79.)
    expect([r.balance.due, r.balance.paid, r.balance.recomputed, r.balance.notYetDue].map(formatMoney)).toEqual([
      '1003.62',
      '1003.62',
      '0.00',
      '202.83',
    ]);
  });

  it('a fee line that is the fee on the plan’s whole instalment agrees; a penny off does not', () => {
    // CMS's plan over 3 instalments (catchUpInstalments): 20% of each collection of 260.00 + 75.11 = 335.11, rounded on
    // it, 67.022 → 67.02: fee lines of 67.02 beside liability lines of 335.11. (Before: 67.02, 67.03, 67.02, the 45.07
    // on the 225.33 shared out.)
    const fees = ['67.02', '67.02', '67.02'];
    const split = (feeAmounts: readonly string[]) =>
      DUE.flatMap((date, i): CmsEntryInput[] => [
        { id: `ongoing-${date}`, date, type: 'liability', amount: '335.11', fromSchedule: true },
        { id: `fee-${date}`, date, type: 'collection_fee', amount: feeAmounts[i]!, fromSchedule: true },
      ]);
    const feeMismatches = (x: ReturnType<typeof reconcile>) =>
      x.findings.filter((f) => f.kind === 'collection_fee_mismatch').map((f) => [f.date, formatMoney(f.amount)]);
    const r = reconcile(fromApril(split(fees), { catchUpInstalments: 3 }));
    expect(feeMismatches(r)).toEqual([]);
    expect(mismatches(r)).toEqual([]);
    // 67.03 in May is neither the fee that accrued (52.00) nor the plan's (67.02): 15.03 more than accrued.
    expect(feeMismatches(reconcile(fromApril(split(['67.03', '67.02', '67.02']), { catchUpInstalments: 3 })))).toEqual([
      ['2024-05-01', '15.03'],
    ]);
  });

  it('on Direct Pay, a line with the arrears instalment is what is due, not a charge too much', () => {
    // 260.00 + 75.11 = 335.11 each month; nothing paid. Before: £75.11 charged too much on each line, and each month
    // missed by 410.22 (335.11 + 75.11).
    const lines = scheduleLines([]).map((e) => ({ ...e, amount: '335.11' }));
    const r = reconcile({
      ...fromApril(lines, { catchUpInstalments: 3 }),
      schedule: { ...fromApril(lines, { catchUpInstalments: 3 }).schedule, service: 'direct_pay' },
      bankTransactions: [],
    });
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount)])).toEqual(
      DUE.map((date) => ['missed_payment_not_reported', date, '335.11']),
    );
  });
});
