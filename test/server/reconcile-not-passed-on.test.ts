/**
 * reconcile_ledger gives money CMS received from the paying parent and had not passed on apart, in JSON and in words.
 * The account of test/calc/reconcile/not-passed-on.test.ts: £520.00 received on 5 September 2023, £499.20 of it after
 * CMS's 4% not passed on by 30 September; CMS's figure £0.00 − £499.20 owed to her = −£499.20, all of it that money.
 */
import { describe, expect, it } from 'vitest';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

const MONTHS = ['07', '08', '09'];

describe('reconcile_ledger with money CMS has not passed on', () => {
  it('gives what it holds and which receipt, and does not call CMS’s figure too low', async () => {
    const { output, summary } = await reconcileLedgerTool.run(
      {
        schedule: {
          decisions: [{ effectiveDate: '2023-07-01', weeklyAmount: '120.00', service: 'collect_and_pay' }],
          service: 'collect_and_pay',
          frequency: 'monthly',
          asOf: '2023-09-30',
        },
        side: 'receiving',
        cmsEntries: MONTHS.flatMap((m, i) => [
          { id: `liability-${m}`, date: `2023-${m}-01`, type: 'liability', amount: '520.00' },
          { id: `fee-${m}`, date: `2023-${m}-01`, type: 'collection_fee', amount: '20.80' },
          { id: `received-${m}`, date: `2023-${m}-05`, type: 'payment_received', amount: '520.00' },
          ...(i < 2 ? [{ id: `passed-${m}`, date: `2023-${m}-10`, type: 'payment_passed_on', amount: '499.20' }] : []),
        ]),
        bankTransactions: MONTHS.slice(0, 2).map((m) => ({ date: `2023-${m}-10`, amount: '499.20', direction: 'in', description: 'CMS' })),
        bankFilter: { descriptionContains: ['CMS'] },
        cmsClaim: { date: '2023-09-30', balance: '0.00', basis: 'net' },
      },
      { today: '2023-10-02' },
    );
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
