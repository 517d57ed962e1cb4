/**
 * CMS dates a payment when it has it, days after the paying parent's bank shows it paid. With weekly payments of one
 * amount, pairing each record with the payment nearest its date moved every record on by a week or two: a record dated
 * 12 days after its payment is 2 days from the payment a fortnight later (a probe of long disputes, 5 December 2026:
 * 8 of 188 "no record of it" lines named the week beside the one missing). Here, before the change, a lag of 12 days
 * gave the first two payments as "missing from CMS", 31 March for the 17 March CMS really missed, and the last two
 * records as payments "without evidence"; a lag of 4 days gave 6 January and 24 March missing and a phantom 4 July.
 *
 * The story: £50 a week on Collect and Pay from Friday 6 January 2023, paid weekly with the 20% fee, £50 × 1.2 = £60.00,
 * 26 Fridays to 30 June; CMS recorded each payment `lag` days after it, but for the eleventh, on 17 March 2023.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../calc/dates.ts';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const FIRST = '2023-01-06';
const WEEKS = 26;
const MISSED = 10; // the eleventh Friday, 6 January + 70 days = 17 March 2023

function story(lag: number, asOf: string, recordedOn: (week: number) => number = () => lag): ReconcileInput {
  const cmsEntries: CmsEntryInput[] = [];
  const bankTransactions: BankTransactionInput[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const paid = addDays(FIRST, 7 * w);
    bankTransactions.push({ id: `bank-${w}`, date: paid, amount: '60.00', direction: 'out', description: 'CMS' });
    if (w !== MISSED) cmsEntries.push({ id: `cms-${w}`, date: addDays(paid, recordedOn(w)), type: 'payment_received', amount: '60.00' });
  }
  return {
    schedule: {
      decisions: [{ effectiveDate: FIRST, weeklyAmount: 50, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'weekly',
      asOf,
    },
    side: 'paying',
    cmsEntries,
    bankTransactions,
    bankFilter: { descriptionContains: ['CMS'] },
  };
}

const found = (input: ReconcileInput) => reconcile(input).findings.map((f) => [f.kind, f.date, f.amount.toFixed(2), f.bankTransactionIds]);

describe('CMS dating its records days after the payments', () => {
  it('12 days late: the one payment CMS has no record of is 17 March, and every other record pairs with its own payment', () => {
    // Every record is in by 15 July (30 June + 12 days + 3).
    const r = reconcile(story(12, '2023-07-15'));
    expect(found(story(12, '2023-07-15'))).toEqual([['payment_missing_from_cms', '2023-03-17', '60.00', ['bank-10']]]);
    expect(r.matches).toHaveLength(WEEKS - 1);
    for (const m of r.matches) {
      expect(m.dayDifference).toBe(12);
      expect(m.cmsEntryIds.map((id) => id.replace('cms', 'bank'))).toEqual(m.bankTransactionIds);
    }
    expect(r.warnings).toContainEqual(
      'CMS dates its records of the payments it received about 12 days after the evidence shows each made (the commonest difference between them), ' +
        'so each record was paired with the payment about 12 days before it, within 5 days, not with the payment nearest its date.',
    );
  });

  it('4 days late, beyond half a week: the same', () => {
    expect(found(story(4, '2023-07-15'))).toEqual([['payment_missing_from_cms', '2023-03-17', '60.00', ['bank-10']]]);
  });

  it('records of the last two payments dated after the reconciliation: on their way, not missing', () => {
    // As of 3 July: 23 June + 12 = 5 July and 30 June + 12 = 12 July are after it.
    expect(found(story(12, '2023-07-03'))).toEqual([
      ['payment_missing_from_cms', '2023-03-17', '60.00', ['bank-10']],
      ['payment_in_transit', '2023-06-23', '60.00', ['bank-24']],
      ['payment_in_transit', '2023-06-30', '60.00', ['bank-25']],
    ]);
  });

  it('recorded on the day paid: no lag, no warning', () => {
    const r = reconcile(story(0, '2023-07-03'));
    expect(found(story(0, '2023-07-03'))).toEqual([['payment_missing_from_cms', '2023-03-17', '60.00', ['bank-10']]]);
    expect(r.warnings.filter((w) => w.startsWith('CMS dates its records'))).toEqual([]);
  });

  it('a refund, which runs the other way, is paired as dated: CMS paid it on 20 April, the bank shows it on 23 April', () => {
    // A probe of this change: the refund was shifted by the payments' lag and became "a refund … 3 days later".
    const input = story(12, '2023-07-15');
    const r = reconcile({
      ...input,
      cmsEntries: [...(input.cmsEntries ?? []), { id: 'refund', date: '2023-04-20', type: 'refund', amount: '60.00' }],
      bankTransactions: [
        ...(input.bankTransactions ?? []),
        { id: 'bank-refund', date: '2023-04-23', amount: '60.00', direction: 'in', description: 'CMS REFUND' },
      ],
    });
    expect(r.findings.map((f) => [f.kind, f.date])).toEqual([['payment_missing_from_cms', '2023-03-17']]);
    const refund = r.matches.find((m) => m.cmsEntryIds.includes('refund'));
    expect([refund?.bankTransactionIds, refund?.dayDifference]).toEqual([['bank-refund'], 3]);
  });

  it('one record among many dated 20 days late is still a date error, not a lag', () => {
    // Each record the day after its payment but the fourth (27 January), dated 16 February.
    const input = story(1, '2023-07-15', (w) => (w === 3 ? 20 : 1));
    const dates = reconcile(input).findings.filter((f) => f.kind === 'date_mismatch');
    expect(dates.map((f) => [f.date, f.facts.days])).toEqual([['2023-02-16', 20]]);
  });
});
