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

// One decision of £60.00 a week on Collect and Pay, monthly from 1 May 2024: 60 × 52 ÷ 12 = £260.00 a month, and the
// paying parent's 20% collection fee on it, £52.00: £312.00 paid each month (Fees Regulations 2014 reg 7).
const DUE = ['2024-05-01', '2024-06-01', '2024-07-01'];
const scheduleLines = (statuses: readonly (ScheduleStatus | undefined)[]): CmsEntryInput[] =>
  DUE.map((date, i) => ({
    id: `schedule-${date}`,
    date,
    type: 'liability',
    amount: '260.00',
    fromSchedule: true,
    ...(statuses[i] ? { status: statuses[i] } : {}),
  }));
const input = (cmsEntries: CmsEntryInput[]): ReconcileInput => ({
  schedule: {
    decisions: [{ effectiveDate: '2024-05-01', weeklyAmount: '60.00' }],
    frequency: 'monthly',
    firstDueDate: '2024-05-01',
    service: 'collect_and_pay',
    asOf: '2024-07-31',
  },
  side: 'paying',
  cmsEntries,
  bankTransactions: DUE.map((date) => ({ id: `bank-${date}`, date, amount: '312.00', direction: 'out', description: 'CMS PAYMENT' })),
  bankFilter: { descriptionContains: ['CMS'] },
});
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

describe('a Collect and Pay payment schedule states the maintenance with the paying parent’s fee', () => {
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
});
