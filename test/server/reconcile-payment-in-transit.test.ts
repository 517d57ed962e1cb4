/**
 * reconcile_ledger gives a payment CMS recorded after the date of its figure as on its way, in words. The account of
 * test/calc/reconcile/payment-in-transit.test.ts: £260.00 paid on 30 August 2024, recorded on 2 September; CMS's
 * £260.00 − £0.00 worked out = £260.00, all of it that payment.
 */
import { describe, expect, it } from 'vitest';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

const MONTHS = ['2024-05-15', '2024-06-15', '2024-07-15', '2024-08-15'];

describe('reconcile_ledger with a payment CMS recorded after the date', () => {
  it('calls it on its way, and CMS’s figure right once it arrives', async () => {
    const { output, summary } = await reconcileLedgerTool.run(
      {
        schedule: {
          decisions: [{ effectiveDate: '2024-05-15', weeklyAmount: '50.00' }],
          frequency: 'monthly',
          firstDueDate: '2024-05-15',
          service: 'collect_and_pay',
          asOf: '2024-08-31',
        },
        side: 'paying',
        cmsEntries: [
          ...MONTHS.flatMap((d) => [
            { date: d, type: 'liability', amount: '216.67' },
            { date: d, type: 'collection_fee', amount: '43.33' },
          ]),
          ...[...MONTHS.slice(0, 3), '2024-09-02'].map((d) => ({ date: d, type: 'payment_received', amount: '260.00' })),
        ],
        bankTransactions: [...MONTHS.slice(0, 3), '2024-08-30'].map((d) => ({
          date: d,
          amount: '260.00',
          direction: 'out',
          description: 'CMS MAINT',
        })),
        bankFilter: { descriptionContains: ['CMS'] },
        cmsClaim: { date: '2024-08-31', balance: '260.00' },
      },
      { today: '2024-09-05' },
    );
    expect((output['bridge'] as { inTransit?: unknown }).inTransit).toEqual({ count: 1, amount: '260.00', differenceOnceArrived: '0.00' });
    expect(summary).toContain(
      "Of that, £260.00 is a payment made before the date that CMS recorded after it: not an error of CMS's, and not to be disputed. Once it arrives, CMS's figure is right.",
    );
  });
});
