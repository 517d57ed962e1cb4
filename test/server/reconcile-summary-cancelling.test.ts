/**
 * reconcile_ledger's summary opened ": the same." wherever CMS's figure equalled the one worked out, even where that
 * was two errors cancelling out (a journey probe of 6 December 2026: a payment CMS had no record of, £390.00, beside
 * a late credit it recorded that no bank showed, -£390.00). A parent reading "the same" would drop a dispute that
 * still stands. Now it says the totals agree and the lines do not.
 *
 * The story: £60 a week on Collect and Pay from 1 January 2024, due monthly on the 1st: 60 × 52 ÷ 12 = £260.00
 * + 20% fee £52.00 = £312.00. The bank shows £312.00 paid on the 1st of each month, January to June (6 × £312.00 =
 * £1,872.00, all that was due: nothing owed). CMS records five of them but not March's, and a £312.00 payment on
 * 20 June 2024 that no bank shows (111 days after March's: beyond the 62 days a date error may be). Its entries and
 * its figure come to nothing owed too: +£312.00 (March, no record) and -£312.00 (20 June, no evidence) cancel.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput } from '../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

const MONTHS = ['01', '02', '03', '04', '05', '06'];

function cancelling(cmsEntries: CmsEntryInput[]): ReconcileInput {
  return {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries,
    bankTransactions: MONTHS.map((m): BankTransactionInput => ({
      id: `bank-${m}`,
      date: `2024-${m}-01`,
      amount: '312.00',
      direction: 'out',
      description: 'CMS',
    })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-06-30', balance: '0.00' },
  };
}

const recorded = (months: readonly string[]): CmsEntryInput[] =>
  months.map((m) => ({ id: `rec-${m}`, date: `2024-${m}-01`, type: 'payment_received', amount: '312.00' }));

const summary = async (input: ReconcileInput) => (await reconcileLedgerTool.run(input, { today: '2024-07-05' })).summary.split('\n');

describe('reconcile_ledger’s summary where CMS’s figure is right in total only', () => {
  it('two errors that cancel out: the same in total, not line by line', async () => {
    const lines = await summary(
      cancelling([
        ...recorded(['01', '02', '04', '05', '06']),
        { id: 'late', date: '2024-06-20', type: 'payment_received', amount: '312.00' },
      ]),
    );
    expect(lines[0]).toBe(
      'CMS says nothing owed on 2024-06-30; worked out from the decisions and the evidence it is nothing owed: the same in total, but not line by line: ' +
        "1 line makes CMS's figure too high by £312.00 and 1 makes it too low by £312.00, and they cancel out. Each is still to be put right (below).",
    );
    expect(lines).toContain('- 1 payment CMS has no record of: £312.00');
    expect(lines).toContain('- 1 payment CMS recorded that no evidence shows: -£312.00');
  });

  it('every line agreeing: the same', async () => {
    expect((await summary(cancelling(recorded(MONTHS))))[0]).toBe(
      'CMS says nothing owed on 2024-06-30; worked out from the decisions and the evidence it is nothing owed: the same.',
    );
  });
});
