/**
 * reconcile_ledger's working where the balance worked out is an overpayment: the figure below nothing is added as its
 * size (a meaning probe of 6 December 2026 read "= £1,840.00 (£1,200.00 − -£640.00)").
 *
 * £60 a week on Direct Pay from 1 January 2024: £260.00 due on the 1st, January to March (£780.00). The bank shows
 * £1,000.00 paid on 1 January and £260.00 on 1 February and 1 March (£1,520.00): £740.00 overpaid. CMS says £100.00
 * is owed: its figure is 100.00 + 740.00 = £840.00 too high.
 */
import { describe, expect, test } from 'vitest';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

describe('reconcile_ledger’s working with an overpayment', () => {
  test('"£100.00 + £740.00", not "£100.00 − -£740.00"', async () => {
    const { summary } = await reconcileLedgerTool.run(
      {
        schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }], frequency: 'monthly', asOf: '2024-03-31' },
        side: 'paying',
        bankTransactions: [
          { date: '2024-01-01', amount: '1000.00', direction: 'out', description: 'MAINTENANCE' },
          { date: '2024-02-01', amount: '260.00', direction: 'out', description: 'MAINTENANCE' },
          { date: '2024-03-01', amount: '260.00', direction: 'out', description: 'MAINTENANCE' },
        ],
        bankFilter: { includeAll: true },
        cmsClaim: { date: '2024-03-31', balance: '100.00' },
      },
      { today: '2024-04-10' },
    );
    expect(summary).toContain('= £840.00 (£100.00 + £740.00).');
    expect(summary).not.toContain('− -£');
  });
});
