/**
 * A backdated reduction CMS applies by one adjustment (cms-accounts.md §3: "a reduction creates an overpayment"): the
 * months it charged at the old amount stay as they were, and the adjustment takes the difference off. Reckoner
 * recomputes from the decisions, which already make the reduced amount due; taking the adjustment again beside them
 * counted the reduction twice (a meaning probe of 5 December 2026: a refund letter asked for £832.00 of a £416.00
 * overpayment, with eight findings that "the decision has not been applied").
 *
 * The story: Collect and Pay, monthly from 1 January 2024 at £80.00 a week (80 × 52 ÷ 12 = £346.67 and the 20% fee
 * £69.33, £416.00 a month). A revision of 15 April sets £60.00 a week from 1 January (£260.00 + £52.00 = £312.00).
 * CMS's entries: January to April at £346.67 + £69.33, paid £416.00 each; an adjustment of −£416.00 on 15 April
 * (4 × (86.67 + 17.33) = 4 × 104.00); May to July at £260.00 + £52.00.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const OLD = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];
const NEW = ['2024-05-01', '2024-06-01', '2024-07-01'];
const revision = (amount = '-416.00'): CmsEntryInput => ({
  id: 'revision',
  date: '2024-04-15',
  type: 'adjustment',
  amount,
  description: 'Revision of calculation from 1 January 2024',
});

const story = (
  later: CmsEntryInput[],
  paidLater: { date: string; amount: string }[],
  claim: string,
  adjustment = revision(),
): ReconcileInput => ({
  schedule: {
    decisions: [
      { effectiveDate: '2024-01-01', letterDate: '2023-12-10', weeklyAmount: '80.00' },
      { effectiveDate: '2024-01-01', letterDate: '2024-04-15', weeklyAmount: '60.00' },
    ],
    frequency: 'monthly',
    firstDueDate: '2024-01-01',
    service: 'collect_and_pay',
    asOf: '2024-07-31',
  },
  side: 'paying',
  cmsEntries: [
    ...OLD.flatMap((d): CmsEntryInput[] => [
      { id: `liability-${d}`, date: d, type: 'liability', amount: '346.67' },
      { id: `fee-${d}`, date: d, type: 'collection_fee', amount: '69.33' },
      { id: `received-${d}`, date: d, type: 'payment_received', amount: '416.00' },
    ]),
    adjustment,
    ...NEW.flatMap((d): CmsEntryInput[] => [
      { id: `liability-${d}`, date: d, type: 'liability', amount: '260.00' },
      { id: `fee-${d}`, date: d, type: 'collection_fee', amount: '52.00' },
    ]),
    ...later,
  ],
  bankTransactions: [
    ...OLD.map((date) => ({ id: `bank-${date}`, date, amount: '416.00', direction: 'out' as const, description: 'CMS PAYMENT' })),
    ...paidLater.map(({ date, amount }) => ({ id: `bank-${date}`, date, amount, direction: 'out' as const, description: 'CMS PAYMENT' })),
  ],
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2024-07-31', balance: claim },
});

const paidNew = NEW.map((date) => ({ date, amount: '312.00' }));
const receivedNew = NEW.map((d): CmsEntryInput => ({ id: `received-${d}`, date: d, type: 'payment_received', amount: '312.00' }));

describe('a backdated reduction CMS applied by one adjustment', () => {
  it('is not counted twice: the overpayment is £416.00, as CMS says, and nothing is wrong', () => {
    // Due 7 × £312.00 = £2,184.00; paid 4 × £416.00 + 3 × £312.00 = £2,600.00; overpaid £416.00.
    const r = reconcile(story(receivedNew, paidNew, '-416.00'));
    expect([r.balance.due, r.balance.paid, r.balance.recomputed].map(formatMoney)).toEqual(['2184.00', '2600.00', '-416.00']);
    expect(formatMoney(r.balance.cmsEntriesTotal)).toBe('-416.00');
    // CMS's running balance by period ends where its entries do: the adjustment is in April's period.
    expect(formatMoney(r.periods.at(-1)!.runningBalancePerCms)).toBe('-416.00');
    expect(formatMoney(r.periods[3]!.runningBalancePerCms)).toBe('-416.00');
    expect(r.findings).toEqual([]);
    expect(r.bridge.lines).toEqual([]);
    expect(r.matches.filter((m) => m.reason === 'backdated_decision_applied').map((m) => formatMoney(m.amount))).toEqual(['-416.00']);
    // Before: recomputed −£832.00, and eight lines (4 × £86.67 maintenance + 4 × £17.33 fees = £416.00) "not applied".
  });

  it('and the overpayment then set off against May and June leaves nothing owed', () => {
    // CMS sets £312.00 off against May and £104.00 against June; the parent pays £208.00 in June and £312.00 in July:
    // paid 4 × 416.00 + 208.00 + 312.00 = £2,184.00 = due.
    const offsets: CmsEntryInput[] = [
      { id: 'offset-may', date: '2024-05-01', type: 'offset', amount: '312.00' },
      { id: 'offset-june', date: '2024-06-01', type: 'offset', amount: '104.00' },
      { id: 'received-june', date: '2024-06-01', type: 'payment_received', amount: '208.00' },
      { id: 'received-july', date: '2024-07-01', type: 'payment_received', amount: '312.00' },
    ];
    const r = reconcile(
      story(
        offsets,
        [
          { date: '2024-06-01', amount: '208.00' },
          { date: '2024-07-01', amount: '312.00' },
        ],
        '0.00',
      ),
    );
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
    expect(formatMoney(r.bridge.difference)).toBe('0.00');
    expect(r.findings.filter((f) => f.kind === 'liability_mismatch' || f.kind === 'collection_fee_mismatch')).toEqual([]);
  });

  it('an adjustment that is not the overcharge to the penny is taken as recorded, and the months stay findings', () => {
    const r = reconcile(story(receivedNew, paidNew, '-400.00', revision('-400.00')));
    expect(r.findings.filter((f) => f.facts.reason === 'backdated_decision')).toHaveLength(4);
    expect(r.matches.some((m) => m.reason === 'backdated_decision_applied')).toBe(false);
  });
});
