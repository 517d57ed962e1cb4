/**
 * reconcile_ledger gives a payment CMS recorded after the date of its figure as on its way, in words. The account of
 * test/calc/reconcile/payment-in-transit.ts: £260.00 paid on 30 August 2024, recorded on 2 September; CMS's
 * £260.00 − £0.00 worked out = £260.00, all of it that payment.
 */
import { describe, expect, it } from 'vitest';
import { heldBesideInTransit } from '../calc/reconcile/held-beside-in-transit.ts';
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

describe('reconcile_ledger on the receiving side: money held beside a payment on its way', () => {
  // test/calc/reconcile/held-beside-in-transit.ts: September's £520.00 never passed on; December's £499.20 passed on on
  // 10 December, in her bank on 13 December; reconciled on 11 December. Before, the summary used the paying parent's
  // words: "1 payment CMS recorded after the date", "a payment made before the date that CMS recorded after it", and
  // "gross £1,040.00 (the maintenance, as CMS counts arrears, …)", where CMS counts the paying parent's arrears, £0.00.
  it('says CMS passed it on before the date and it reached her after, and does not call her gross figure his arrears', async () => {
    const { summary } = await reconcileLedgerTool.run(heldBesideInTransit(), { today: '2023-12-20' });
    expect(summary).toContain('- 1 payment CMS passed on before the date that arrived after it: -£499.20');
    expect(summary).toContain(
      "Of that, -£499.20 is a payment CMS passed on before the date that reached you after it: not an error of CMS's",
    );
    expect(summary).toContain('Both ways: gross £1,040.00 (the maintenance before its 4% fee), net £998.40 (still owed to you in cash).');
    expect(summary).not.toMatch(/recorded after the date|as CMS counts arrears/);
  });
});
