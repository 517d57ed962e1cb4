/**
 * The bundle names what a balance is made of, and where the balances move (a journey probe, F14 and F15): the cover
 * said "arrears of £2,105.00" of a total holding collection fees and enforcement charges, owed to the Secretary of
 * State; the period table's balances jumped by a £300 charge beside a "Due" column that left it out.
 *
 * test/calc/reconcile/charges-paid-last.ts, March unpaid: £312.00 a month (£260.00 maintenance + £52.00 fee) due
 * January to March, £312.00 paid in January and February, a £50.00 deduction from earnings order charge on 10 February.
 * Owed 936.00 − 624.00 = £312.00 (maintenance 780.00 − 520.00 = £260.00, fees 156.00 − 104.00 = £52.00) + £50.00 =
 * £362.00; CMS says £362.00.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { bundleContext } from '../../letters/bundle/context.ts';
import { coverSection } from '../../letters/bundle/sections/cover.ts';
import { scheduleSection } from '../../letters/bundle/sections/schedule.ts';
import { reconcileLedgerTool } from '../../tools/reconcile-ledger.ts';
import { betweenInstalments, cmsEntries } from '../calc/reconcile/between-instalments.ts';
import { chargesPaidLast } from '../calc/reconcile/charges-paid-last.ts';

const input = chargesPaidLast({ marchUnpaid: true, claim: { balance: '362.00' } });
const context = () =>
  bundleContext({
    purpose: 'complaint',
    generatedOn: '2024-04-08',
    case: { reference: '1', side: 'paying', service: 'collect_and_pay' },
    reconciliation: { input, result: reconcile(input) },
  });

describe('the bundle’s words for a balance of maintenance, fees and charges', () => {
  it('the cover calls neither CMS’s total nor the worked-out one arrears, and names the parts', () => {
    const text = coverSection(context())
      .blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
      .join(' ');
    expect(text).toContain('CMS gives the balance on 31 March 2024 as a balance of £362.00 owed.');
    expect(text).toContain(
      'comes to £362.00 owed (maintenance arrears of £260.00, and collection fees of £52.00 and enforcement charges of £50.00, which are owed to the Secretary of State and are not arrears)',
    );
    expect(text).not.toContain('arrears of £362.00');
    expect(text).not.toContain('arrears of £312.00');
  });

  it('the period table shows the charge in its own column, where both balances move by it', () => {
    const table = scheduleSection(context()).blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.columns).toEqual([
      'Period',
      'Due',
      'Enforcement charges',
      'Paid (my evidence)',
      'Recorded by CMS',
      'Balance (my evidence)',
      'Balance (CMS’s records)',
    ]);
    // February: £312.00 due, the £50.00 charge, £312.00 paid: both balances 0.00 + 312.00 + 50.00 − 312.00 = £50.00.
    expect(table && table.kind === 'table' && table.rows[1]).toEqual([
      '1 Feb 2024 to 29 Feb 2024',
      '£312.00',
      '£50.00',
      '£312.00',
      '£312.00',
      '£50.00',
      '£50.00',
    ]);
  });
});

describe('reconcile_ledger’s first line where none of the difference is an error', () => {
  it('all of it accrued and not yet due: none of it an error of CMS’s', async () => {
    // test/calc/reconcile/between-instalments.ts with all five deductions recorded: CMS's £199.03 is exactly what has
    // accrued and is not yet due (3,274.33 − 3,075.30), everything due being paid.
    const all = {
      ...betweenInstalments({ date: '2024-08-20', balance: '199.03' }),
      cmsEntries: [
        ...cmsEntries,
        { id: 'deo-2024-08-05', date: '2024-08-05', type: 'deo_receipt' as const, amount: '615.06', description: 'DEO ACME LOGISTICS' },
      ],
    };
    const first = (await reconcileLedgerTool.run(all, { today: '2024-08-25' })).summary.split('\n')[0];
    expect(first).toMatch(
      /CMS's figure is £199\.03 higher, none of it an error of CMS's \(£199\.03: 1 amount accrued but not yet due\)\.$/,
    );
    expect(first).not.toContain('not all of it');
  });
});
