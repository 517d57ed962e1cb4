/**
 * reconcile_ledger gives money CMS received from the paying parent and had not passed on apart, in JSON and in words.
 * The account of test/calc/reconcile/not-passed-on.ts: £520.00 received on 5 September 2023, £499.20 of it after
 * CMS's 4% not passed on by 30 September; CMS's figure £0.00 − £499.20 owed to her = −£499.20, all of it that money.
 */
import { describe, expect, it } from 'vitest';
import { notPassedOn } from '../calc/reconcile/not-passed-on.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

describe('reconcile_ledger with money CMS has not passed on', () => {
  it('gives what it holds and which receipt, and does not call CMS’s figure too low', async () => {
    const { output, summary } = await reconcileLedgerTool.run(notPassedOn(), { today: '2023-10-02' });
    expect((output['bridge'] as { notPassedOn?: unknown }).notPassedOn).toEqual({
      amount: '499.20',
      receipts: [{ cmsEntryId: 'received-09', date: '2023-09-05', amount: '520.00', notPassedOn: '499.20' }],
    });
    expect((output['bridge'] as { inReceivingParentsFavour: unknown }).inReceivingParentsFavour).toEqual({ count: 0, amount: '0.00' });
    expect(summary).toContain(
      "worked out from the decisions and the evidence it is £499.20 owed to the receiving parent: CMS's figure is £499.20 lower, all of it money CMS received from the paying parent and had not passed on (his arrears count it as paid; it is not arrears).",
    );
    expect(summary).not.toContain("CMS's figure is £499.20 too low");
  });
});
