/**
 * reconcile_ledger gives what was paid ahead of the payment plan apart, in JSON and in words. The account of
 * test/calc/reconcile/paid-ahead.ts: two voluntary payments of £216.67 before the first due date, towards £537.94
 * accrued before it; every instalment paid: due £1,300.02 + paid ahead £433.34 − paid £1,733.36 = nothing owed.
 */
import { describe, expect, it } from 'vitest';
import { paidAhead } from '../calc/reconcile/paid-ahead.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

describe('reconcile_ledger with money paid ahead of the plan', () => {
  it('gives it apart, and does not call it an overpayment', async () => {
    const { output, summary } = await reconcileLedgerTool.run(paidAhead(), { today: '2024-11-05' });
    const balance = output['balance'] as { paidAhead?: string; notYetDue: string; recomputed: string; position: string };
    expect([balance.paidAhead, balance.notYetDue, balance.recomputed, balance.position]).toEqual(['433.34', '104.60', '0.00', 'settled']);
    expect(summary).toContain(
      '£433.34 was paid ahead of the payment plan: it pays what had accrued but was not yet due (an initial or backdated amount), so it is not an overpayment.',
    );
  });
});
