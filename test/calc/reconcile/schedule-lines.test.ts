/**
 * A CMS payment schedule beside the statement of account (calc/reconcile/read.ts setAsideScheduleLines): the
 * schedule says what falls due, the account what CMS charged. A schedule line for a period the account covers is the
 * same charge, not a second one; beyond the account it is CMS's charge; two schedules listing one instalment list it
 * once. (Before, each schedule line beside the account's read as "CMS charged this twice".)
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

// One decision of £60.00 a week, paid monthly from 1 January 2024: 60 × 52 ÷ 12 = £260.00 a month (Direct Pay, no fees).
const MONTHS = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01'];
const account = (dates: readonly string[]): CmsEntryInput[] =>
  dates.map((date) => ({ id: `account-${date}`, date, type: 'liability', amount: '260.00', description: 'Maintenance due' }));
const schedule = (name: string, dates: readonly string[], flagged = true): CmsEntryInput[] =>
  dates.map((date) => ({
    id: `${name}-${date}`,
    date,
    type: 'liability',
    amount: '260.00',
    description: 'Payment due',
    ...(flagged ? { fromSchedule: true } : {}),
  }));
const input = (cmsEntries: CmsEntryInput[]): ReconcileInput => ({
  schedule: {
    decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }],
    frequency: 'monthly',
    firstDueDate: '2024-01-01',
    service: 'direct_pay',
    asOf: '2024-06-30',
  },
  side: 'paying',
  cmsEntries,
  bankTransactions: [],
});
const LIABILITY_KINDS = new Set(['duplicate_liability', 'liability_mismatch']);
const liabilityFindings = (r: ReturnType<typeof reconcile>) =>
  r.findings.filter((f) => LIABILITY_KINDS.has(f.kind)).map((f) => [f.kind, f.date, f.cmsEntryIds.join(',')]);
const setAside = (r: ReturnType<typeof reconcile>) =>
  r.ignored.filter((i) => i.reason.startsWith('schedule_line')).map((i) => [i.reason, i.cmsEntryId]);

describe('a payment schedule beside the statement of account', () => {
  it('a schedule line for a month the account charges is that charge, not a second one', () => {
    const entries = [...account(MONTHS.slice(0, 4)), ...schedule('schedule', MONTHS.slice(0, 4))];
    // Unmarked, the schedule's four lines read as four duplicates: the false story this guards against.
    const unmarked = reconcile(input([...account(MONTHS.slice(0, 4)), ...schedule('schedule', MONTHS.slice(0, 4), false)]));
    expect(liabilityFindings(unmarked).map(([kind]) => kind)).toEqual(Array(4).fill('duplicate_liability'));
    const r = reconcile(input(entries));
    expect(liabilityFindings(r)).toEqual([]);
    expect(setAside(r)).toEqual(MONTHS.slice(0, 4).map((d) => ['schedule_line_already_charged', `schedule-${d}`]));
  });

  it('beyond the last month the account charges, the schedule’s lines are CMS’s charges', () => {
    // The account charges January to April; the schedule lists January to June, June at £300.00 against the £260.00
    // the decision makes due. May's line agrees with the decisions; June's is £300.00 − £260.00 = £40.00 too much.
    const lines = schedule('schedule', MONTHS).map((e) => (e.date === '2024-06-01' ? { ...e, amount: '300.00' } : e));
    const r = reconcile(input([...account(MONTHS.slice(0, 4)), ...lines]));
    expect(
      r.findings.filter((f) => LIABILITY_KINDS.has(f.kind)).map((f) => [f.kind, f.date, formatMoney(f.amount), f.cmsEntryIds]),
    ).toEqual([['liability_mismatch', '2024-06-01', '40.00', ['schedule-2024-06-01']]]);
    expect(r.matches.filter((m) => m.reason === 'schedule_agrees').flatMap((m) => m.cmsEntryIds)).toContain('schedule-2024-05-01');
    expect(setAside(r)).toEqual(MONTHS.slice(0, 4).map((d) => ['schedule_line_already_charged', `schedule-${d}`]));
  });

  it('two schedules listing the same instalments list each once', () => {
    const r = reconcile(input([...schedule('march', MONTHS), ...schedule('june', MONTHS.slice(2))]));
    expect(liabilityFindings(r)).toEqual([]);
    // The canonical order puts the two lines of a month side by side; the second of each pair is set aside.
    expect(setAside(r).map(([reason]) => reason)).toEqual(Array(4).fill('schedule_line_listed_twice'));
  });

  it('refuses a fromSchedule that is not true or false, naming the field', () => {
    expect(() => reconcile(input([{ ...schedule('s', MONTHS.slice(0, 1))[0]!, fromSchedule: 'yes' as unknown as boolean }]))).toThrow(
      /^cmsEntries\[0\]\.fromSchedule: must be true/,
    );
  });
});
