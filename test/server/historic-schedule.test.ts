/**
 * build_liability_schedule and reconcile_ledger with the arrears a CSA case carried to CMS and a write-off (issue 16,
 * item 1): the tools take them as calc does and give them back as their own figures, in JSON and in words. The
 * figures are computed in test/calc/schedule/transfer.ts: 3,000.00 carried over + 1,404.00 due − 1,000.00 written
 * off = £3,404.00 owed before payments, £500.00 of it to the Secretary of State.
 */
import { describe, expect, it } from 'vitest';
import { buildLiabilityScheduleTool } from '../../tools/build-liability-schedule.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';
import { TRANSFER_TOOL_INPUT as TRANSFER } from '../calc/schedule/transfer.ts';

const context = { today: '2019-03-31' };

describe('build_liability_schedule with a CSA opening balance and a write-off', () => {
  it('gives the historic figures as JSON and says them in words', async () => {
    const { output, summary } = await buildLiabilityScheduleTool.run({ ...TRANSFER, asOf: '2019-03-31' }, context);
    expect(output['historic']).toEqual({
      openingBalance: { date: '2018-06-30', amount: '3000.00', secretaryOfState: '500.00' },
      writeOffs: [{ id: 'write_off_1', date: '2019-02-21', amount: '1000.00', reason: 's41e', creditor: 'receiving_parent' }],
      writtenOff: '1000.00',
      secretaryOfState: '500.00',
      owed: '3404.00',
    });
    expect(summary).toContain(
      'Arrears carried over on 2018-06-30: £3,000.00. Written off: £1,000.00 on 2019-02-21. Owed to the Secretary of State: £500.00. Owed before payments: £3,404.00.',
    );
  });

  it('a pre-2012 calculation is refused, naming the field', async () => {
    await expect(
      buildLiabilityScheduleTool.run(
        {
          decisions: [
            {
              effectiveDate: '2009-01-05',
              calculation: { payingParent: { grossWeeklyIncome: 400 }, receivingParents: [{ children: [{}] }] },
            },
          ],
          asOf: '2009-03-31',
        },
        context,
      ),
    ).rejects.toThrow(/decisions\[0\]\.calculation: .*give weeklyAmount instead/);
  });
});

describe('reconcile_ledger with the transfer', () => {
  it('says what CMS’s figure comprises, and the write-off it has not applied', async () => {
    const { output, summary } = await reconcileLedgerTool.run(
      {
        schedule: TRANSFER,
        side: 'paying',
        cmsEntries: [{ date: '2018-06-30', type: 'opening_balance', amount: '3000.00' }],
        cmsClaim: { date: '2019-03-31', balance: '4404.00' },
      },
      context,
    );
    // CMS: 3,000.00 + 1,404.00 due, nothing paid, no write-off = £4,404.00; recomputed 3,404.00; bridge £1,000.00.
    expect((output['bridge'] as { historic: unknown }).historic).toEqual({
      openingBalance: '3000.00',
      writtenOff: '0.00',
      secretaryOfState: '0.00',
    });
    expect((output['balance'] as { recomputed: string }).recomputed).toBe('3404.00');
    expect(summary).toContain(
      "CMS's figure includes £3,000.00 of arrears carried over, less £0.00 written off; worked out: £3,000.00 carried over, £1,000.00 written off. £500.00 is owed to the Secretary of State, not the receiving parent.",
    );
  });
});
