/**
 * What was received for a short instalment, kept apart from what payments made ahead carried to it. Before, a short
 * instalment's `paid` (due − shortfall) was all a letter had, and L12's "Received for it" counted money paid ahead for
 * an earlier instalment as received for this one.
 *
 * Invented accounts. £50 a week from 1 January 2024, due monthly on the 1st, to 30 April 2024.
 * - Direct Pay (receiving parent): £50 × 52 ÷ 12 = £216.67 due. £316.67 arrived on 1 January (£100.00 beyond January's
 *   instalment, carried forward), £16.67 on 1 February, £216.67 on 1 March and 1 April. February: £16.67 received +
 *   £100.00 carried = £116.67 set against it; £216.67 − £116.67 = £100.00 short.
 * - The same with nothing on 1 February and £316.67 on 1 March: February takes the £100.00 carried, and March's
 *   £100.00 beyond its own instalment makes February good late: £100.00 received for it + £100.00 carried = £200.00,
 *   £216.67 − £200.00 = £16.67 short.
 * - Collect and Pay (paying parent): £216.67 + 20% fee £43.33 = £260.00 due. £360.00 paid on 1 January (£100.00
 *   ahead), £60.00 on 1 February, £260.00 on 1 March and 1 April. February: £60.00 received + £100.00 carried =
 *   £160.00; £260.00 − £160.00 = £100.00 short.
 */
import { describe, expect, test } from 'vitest';
import { reconcile, shortfallsOf, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { unpaidInstalments } from '../../../calc/reconcile/shortfalls.ts';

const account = (service: 'direct_pay' | 'collect_and_pay', side: 'paying' | 'receiving', paid: [string, string][]): ReconcileInput => ({
  schedule: {
    decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 50 }],
    service,
    frequency: 'monthly',
    firstDueDate: '2024-01-01',
    asOf: '2024-04-30',
  },
  side,
  bankTransactions: paid.map(([date, amount]) => ({
    date,
    amount,
    direction: side === 'receiving' ? ('in' as const) : ('out' as const),
    description: 'A PARENT MAINTENANCE',
  })),
  bankFilter: { descriptionContains: ['A PARENT'] },
});
const rows = (r: ReconcileInput) =>
  shortfallsOf(reconcile(r)).periods.map((p) => [
    p.dueDate,
    p.due.toFixed(2),
    p.paid.toFixed(2),
    p.received.toFixed(2),
    p.fromPaidAhead.toFixed(2),
    p.shortfall.toFixed(2),
  ]);

describe('a short instalment: what was received for it, and what was carried to it from payments made ahead', () => {
  test('Direct Pay: £16.67 received for February, £100.00 carried from January, £100.00 short', () => {
    const r = account('direct_pay', 'receiving', [
      ['2024-01-01', '316.67'],
      ['2024-02-01', '16.67'],
      ['2024-03-01', '216.67'],
      ['2024-04-01', '216.67'],
    ]);
    // £16.67 + £100.00 = £116.67 = £216.67 − £100.00.
    expect(rows(r)).toEqual([['2024-02-01', '216.67', '116.67', '16.67', '100.00', '100.00']]);
    expect(reconcile(r).periods[1]!.fromPaidAhead?.toFixed(2)).toBe('100.00');
    expect(reconcile(r).periods[0]!.fromPaidAhead).toBeUndefined();
  });

  test('Direct Pay: a later payment that makes it good is received for it; what was carried is not', () => {
    const r = account('direct_pay', 'receiving', [
      ['2024-01-01', '316.67'],
      ['2024-03-01', '316.67'],
      ['2024-04-01', '216.67'],
    ]);
    // £100.00 (March's, late) + £100.00 (January's, ahead) = £200.00 = £216.67 − £16.67.
    expect(rows(r)).toEqual([['2024-02-01', '216.67', '200.00', '100.00', '100.00', '16.67']]);
  });

  test('Collect and Pay: £60.00 received for February, £100.00 carried, £100.00 short', () => {
    const r = account('collect_and_pay', 'paying', [
      ['2024-01-01', '360.00'],
      ['2024-02-01', '60.00'],
      ['2024-03-01', '260.00'],
      ['2024-04-01', '260.00'],
    ]);
    // £60.00 + £100.00 = £160.00 = £260.00 − £100.00.
    expect(rows(r)).toEqual([['2024-02-01', '260.00', '160.00', '60.00', '100.00', '100.00']]);
  });

  test('unpaidInstalments says what of the payment in advance each short instalment took', () => {
    // £150.00 for the first of three £100.00 instalments: £50.00 carried to the second, which is £50.00 short.
    const fromAhead = [0, 0, 0];
    expect(unpaidInstalments([10000, 10000, 10000], [15000, 0, 0], [false, false, false], [], fromAhead)).toEqual([0, 5000, 10000]);
    expect(fromAhead).toEqual([0, 5000, 0]);
  });
});
