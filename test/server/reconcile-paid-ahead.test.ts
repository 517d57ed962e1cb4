/**
 * reconcile_ledger gives what was paid ahead of the payment plan apart, in JSON and in words. The account of
 * test/calc/reconcile/paid-ahead.test.ts: two voluntary payments of £216.67 before the first due date, towards £537.94
 * accrued before it; every instalment paid: due £1,300.02 + paid ahead £433.34 − paid £1,733.36 = nothing owed.
 */
import { describe, expect, it } from 'vitest';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

describe('reconcile_ledger with money paid ahead of the plan', () => {
  it('gives it apart, and does not call it an overpayment', async () => {
    const voluntary = ['2024-03-15', '2024-04-15'];
    const { output, summary } = await reconcileLedgerTool.run(
      {
        schedule: {
          decisions: [{ effectiveDate: '2024-03-01', weeklyAmount: '50.00' }],
          frequency: 'monthly',
          firstDueDate: '2024-05-15',
          service: 'direct_pay',
          asOf: '2024-10-31',
        },
        side: 'paying',
        cmsEntries: voluntary.map((date) => ({ date, type: 'voluntary_payment', amount: '216.67' })),
        bankTransactions: [...voluntary, ...['05', '06', '07', '08', '09', '10'].map((m) => `2024-${m}-15`)].map((date) => ({
          date,
          amount: '216.67',
          direction: 'out',
          description: 'SO J SMITH MAINT',
        })),
        bankFilter: { descriptionContains: ['MAINT'] },
        cmsClaim: { date: '2024-10-31', balance: '0.00' },
      },
      { today: '2024-11-05' },
    );
    const balance = output['balance'] as { paidAhead?: string; notYetDue: string; recomputed: string; position: string };
    expect([balance.paidAhead, balance.notYetDue, balance.recomputed, balance.position]).toEqual(['433.34', '104.60', '0.00', 'settled']);
    expect(summary).toContain(
      '£433.34 was paid ahead of the payment plan: it pays what had accrued but was not yet due (an initial or backdated amount), so it is not an overpayment.',
    );
  });
});
