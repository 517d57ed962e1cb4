/**
 * reconcile_ledger sets apart a deduction from pay still in time to reach CMS, in JSON and in words (an MCP audit:
 * letters disputed it as part of CMS's figure). The account of test/letters/deduction-in-transit.test.ts: £60 a week
 * on Collect and Pay from 1 January 2024, £312.00 deducted each month; CMS never credited March's, credited April's as
 * £300.00, and June's (28 June) has until 19 July. CMS's £636.00 − £0.00 worked out = £636.00: £312.00 + £12.00 +
 * £312.00 in transit; once June's arrives, £636.00 − £312.00 = £324.00.
 */
import { describe, expect, it } from 'vitest';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';

const MONTHS = ['01', '02', '03', '04', '05', '06'];
const deo = (date: string, amount: string) => ({ date, type: 'deo_receipt' as const, amount });

describe('reconcile_ledger with a deduction on its way to CMS', () => {
  it('gives it apart from the difference, and the difference once it arrives', async () => {
    const { output, summary } = await reconcileLedgerTool.run(
      {
        schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
        side: 'paying',
        cmsEntries: [
          ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'liability', amount: '260.00' })),
          ...MONTHS.map((m) => ({ date: `2024-${m}-01`, type: 'collection_fee', amount: '52.00' })),
          deo('2024-02-10', '312.00'),
          deo('2024-03-10', '312.00'),
          deo('2024-05-10', '300.00'),
          deo('2024-06-10', '312.00'),
        ],
        evidence: MONTHS.map((m) => ({ type: 'payslip_deduction', date: `2024-${m}-28`, amount: '312.00', from: 'ACME LTD' })),
        cmsClaim: { date: '2024-06-30', balance: '636.00' },
      },
      { today: '2024-07-05' },
    );
    expect((output['bridge'] as { inTransit?: unknown }).inTransit).toEqual({
      count: 1,
      amount: '312.00',
      differenceOnceArrived: '324.00',
    });
    expect(summary).toContain(
      "Of that, £312.00 is a deduction from pay still in time to reach CMS: not an error of CMS's, and not to be disputed. Once it arrives, CMS's figure is £324.00 too high.",
    );
  });
});
