/**
 * reconcile_ledger gives a payment CMS recorded after the date of its figure as on its way, in words. The account of
 * test/calc/reconcile/payment-in-transit.ts: £260.00 paid on 30 August 2024, recorded on 2 September; CMS's
 * £260.00 − £0.00 worked out = £260.00, all of it that payment.
 */
import { describe, expect, it } from 'vitest';
import { recordedAfter } from '../calc/reconcile/payment-in-transit.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

describe('reconcile_ledger with a payment CMS recorded after the date', () => {
  it('calls it on its way, and CMS’s figure right once it arrives', async () => {
    const { output, summary } = await reconcileLedgerTool.run(recordedAfter({ date: '2024-09-02', amount: '260.00' }), {
      today: '2024-09-05',
    });
    expect((output['bridge'] as { inTransit?: unknown }).inTransit).toEqual({ count: 1, amount: '260.00', differenceOnceArrived: '0.00' });
    expect(summary).toContain(
      "Of that, £260.00 is a payment made before the date that CMS recorded after it: not an error of CMS's, and not to be disputed. Once it arrives, CMS's figure is right.",
    );
  });
});
