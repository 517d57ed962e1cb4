/**
 * A receiving parent on Collect and Pay whose August payment CMS passed on late, on 25 September, with its 4% fee line
 * dated that day (a probe of long disputes, 5 December 2026, night). The fee was matched to a period by its date, so
 * September had two fee lines and August none: "CMS charged the collection fee of £20.80 twice for 1 September 2023 to
 * 30 September 2023", set against an "unexplained" £20.80; and beside a payment never passed on, the money CMS held was
 * "a difference the entries do not explain" (−£478.40 = −£499.20 + £20.80) instead of money held.
 *
 * £120 a week from 1 July 2023, monthly on the 1st: £120 × 52 ÷ 12 = £520.00; her 4% (SI 2014/612 reg 7) is
 * £520.00 × 4% = £20.80, so £499.20 a month reaches her. CMS received £520.00 on the 5th of each month, July to October.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['07', '08', '09', '10'] as const;
type Month = (typeof MONTHS)[number];

/**
 * Each month's fee line is dated on the day CMS passed that month's payment on; `passedOn` gives that day for the
 * months passed on (a month left out was never passed on and has no fee line); `extraFeeOn` adds one more fee line.
 */
function story(passedOn: Partial<Record<Month, string>>, extraFeeOn?: string): ReconcileInput {
  const cmsEntries: CmsEntryInput[] = MONTHS.flatMap((m): CmsEntryInput[] => {
    const day = passedOn[m];
    return [
      { id: `liability-${m}`, date: `2023-${m}-01`, type: 'liability', amount: '520.00' },
      { id: `received-${m}`, date: `2023-${m}-05`, type: 'payment_received', amount: '520.00' },
      ...(day
        ? [
            { id: `fee-${m}`, date: day, type: 'collection_fee' as const, amount: '20.80' },
            { id: `passed-${m}`, date: day, type: 'payment_passed_on' as const, amount: '499.20' },
          ]
        : []),
    ];
  });
  if (extraFeeOn) cmsEntries.push({ id: 'fee-extra', date: extraFeeOn, type: 'collection_fee', amount: '20.80' });
  return {
    schedule: {
      decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'monthly',
      asOf: '2023-10-31',
    },
    side: 'receiving',
    cmsEntries,
    bankTransactions: Object.entries(passedOn).map(([m, date]) => ({
      id: `bank-${m}`,
      date,
      amount: '499.20',
      direction: 'in' as const,
      description: 'CMS',
    })),
    bankFilter: { descriptionContains: ['CMS'] },
    // CMS's figure is the paying parent's arrears: he paid every month, so £0.00.
    cmsClaim: { date: '2023-10-31', balance: '0.00', basis: 'net' },
  };
}

const onTime = { '07': '2023-07-10', '09': '2023-09-10', '10': '2023-10-10' } as const;

describe('a payment CMS passed on late, its 4% fee dated on the day it was passed on', () => {
  it('is no fee charged twice: the fee follows its payment to August, and the account agrees', () => {
    const r = reconcile(story({ ...onTime, '08': '2023-09-25' }));
    expect(r.findings.map((f) => f.kind)).toEqual([]);
    expect(r.bridge.lines).toEqual([]);
    // Due 4 × £499.20 = £1,996.80; paid the same: nothing owed, as CMS says.
    expect(r.balance.recomputed.toFixed(2)).toBe('0.00');
    expect(r.balance.cmsEntriesTotal.toFixed(2)).toBe('0.00');
    expect(r.balance.position).toBe('settled');
  });

  it('beside a payment never passed on, the money CMS holds is that payment, not a difference nobody explains', () => {
    const r = reconcile(story({ '07': '2023-07-10', '08': '2023-09-25', '09': '2023-09-10' }));
    expect(r.findings.map((f) => f.kind)).toEqual([]);
    expect(r.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['received_not_passed_on', '-499.20']]);
    // Received 4 × £520.00; passed on 3 × £499.20 = £1,497.60; held: 4 × £499.20 − £1,497.60 = £499.20, the latest
    // receipt (what was passed on went to the earlier ones first).
    expect(r.bridge.notPassedOn?.amount.toFixed(2)).toBe('499.20');
    expect(r.bridge.notPassedOn?.receipts.map((x) => x.cmsEntryId)).toEqual(['received-10']);
    expect(r.balance.recomputed.toFixed(2)).toBe('499.20');
  });

  it('a second fee line on the day of one pass-on is still a fee charged twice', () => {
    // August never passed on and has no fee line; September's one pass-on carries two fee lines of £20.80.
    const r = reconcile(story({ '07': '2023-07-10', '09': '2023-09-10', '10': '2023-10-10' }, '2023-09-10'));
    const twice = r.findings.filter((f) => f.kind === 'duplicate_collection_fee');
    expect(twice.map((f) => [f.date, f.amount.toFixed(2), f.effect.toFixed(2)])).toEqual([['2023-09-10', '20.80', '-20.80']]);
  });

  it('August and September passed on together, £998.40 with one fee line of £41.60: nothing wrong', () => {
    // 2 × £520.00 = £1,040.00; 4% of it £41.60; £1,040.00 − £41.60 = £998.40 reached her on 25 September.
    const input = story({ ...onTime, '08': '2023-09-25' });
    const r = reconcile({
      ...input,
      cmsEntries: (input.cmsEntries ?? [])
        .filter((e) => !['fee-08', 'passed-08', 'fee-09', 'passed-09'].includes(e.id!))
        .concat([
          { id: 'fee-08-09', date: '2023-09-25', type: 'collection_fee', amount: '41.60' },
          { id: 'passed-08-09', date: '2023-09-25', type: 'payment_passed_on', amount: '998.40' },
        ]),
      bankTransactions: (input.bankTransactions ?? [])
        .filter((t) => t.id !== 'bank-08' && t.id !== 'bank-09')
        .concat([{ id: 'bank-08-09', date: '2023-09-25', amount: '998.40', direction: 'in', description: 'CMS' }]),
    });
    expect(r.findings.map((f) => f.kind)).toEqual([]);
    expect(r.bridge.lines).toEqual([]);
  });

  it('a fee line of £41.60 beside one month’s £499.20 is still £20.80 too much', () => {
    // August never passed on (no fee line); September's one pass-on carries a fee line of twice the 4%.
    const input = story({ '07': '2023-07-10', '09': '2023-09-10', '10': '2023-10-10' });
    const r = reconcile({
      ...input,
      cmsEntries: (input.cmsEntries ?? []).map((e) => (e.id === 'fee-09' ? { ...e, amount: '41.60' } : e)),
    });
    const fees = r.findings.filter((f) => f.kind === 'collection_fee_mismatch');
    expect(fees.map((f) => [f.date, f.amount.toFixed(2)])).toEqual([['2023-09-10', '20.80']]);
  });
});
