/**
 * Which instalment a missed-payment report on Direct Pay is of: the latest due by the report's date, since a payment
 * is reported missed once it was due. Before (a probe of 5 December 2026), a report made three days after a missed
 * Friday on a weekly case was taken for the next Friday's instalment, still to come: that one was then "reported
 * missed but paid late", and the Friday really missed "not reported".
 *
 * £50 a week on Direct Pay from Friday 1 March 2024, due each Friday from then (no initial amount): 14 Fridays to 31
 * May, £700.00 due. Every Friday paid but 24 May, £650.00 paid; the missed £50.00 reported on Monday 27 May. CMS's
 * figure, £50.00, is the report: right.
 */
import { expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';

const FRIDAYS = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2024, 2, 1 + 7 * i)).toISOString().slice(0, 10));

it('a report made after a missed instalment is of that instalment, not the next one still to come', () => {
  expect(FRIDAYS.at(-1)).toBe('2024-05-31');
  const r = reconcile({
    schedule: {
      decisions: [{ effectiveDate: '2024-03-01', weeklyAmount: 50 }],
      frequency: 'weekly',
      firstDueDate: '2024-03-01',
      service: 'direct_pay',
      asOf: '2024-05-31',
    },
    side: 'paying',
    cmsEntries: [{ id: 'report', date: '2024-05-27', type: 'missed_payment_reported', amount: '50.00' }],
    bankTransactions: FRIDAYS.filter((d) => d !== '2024-05-24').map((date) => ({
      id: `paid-${date}`,
      date,
      amount: '50.00',
      direction: 'out' as const,
      description: 'SO J SMITH MAINT',
    })),
    bankFilter: { descriptionContains: ['MAINT'] },
    cmsClaim: { date: '2024-05-31', balance: '50.00' },
  });
  // 14 × 50.00 = 700.00 due − 13 × 50.00 = 650.00 paid = 50.00, the report's.
  expect([formatMoney(r.balance.due), formatMoney(r.balance.paid), formatMoney(r.balance.recomputed)]).toEqual([
    '700.00',
    '650.00',
    '50.00',
  ]);
  expect(r.findings).toEqual([]);
  expect(r.bridge.lines).toEqual([]);
});
