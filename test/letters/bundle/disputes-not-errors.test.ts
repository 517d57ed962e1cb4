/**
 * The evidence bundle's table of entries in dispute said in whose favour each line is by the sign of its effect, so a
 * payment on its way at the date, or one made the day before it with none of CMS's entries after it given, read "in
 * the paying parent's favour" beside a reconciliation statement that counts it in neither (calc's bridge tallies). The
 * story and its arithmetic are test/calc/reconcile/payment-in-transit.ts: £260.00 paid on 15 July (with July's receipt
 * left out of CMS's record, missing from it) and on 30 August 2024; CMS's figure of 31 August.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { bundleContext } from '../../../letters/bundle/context.ts';
import { disputesSection } from '../../../letters/bundle/sections/disputes.ts';
import { julyMissingToo, recordedAfter } from '../../calc/reconcile/payment-in-transit.ts';

/** The table's rows (line, date, effect and favour) and its opening words. */
function disputes(input: ReconcileInput) {
  const section = disputesSection(
    bundleContext({
      purpose: 'complaint',
      generatedOn: '2024-09-05',
      case: { reference: '1234 5678 9012', side: 'paying', service: 'collect_and_pay' },
      reconciliation: { input, result: reconcile(input) },
    }),
  );
  const table = section.blocks.find((b) => b.kind === 'table');
  const intro = section.blocks.find((b) => b.kind === 'paragraph');
  return {
    rows: table && table.kind === 'table' ? table.rows.map((r) => [r[0], r[1], r[5]]) : [],
    intro: intro && intro.kind === 'paragraph' ? intro.text : '',
  };
}

describe('the evidence bundle’s entries in dispute', () => {
  it('a payment made the day before CMS’s figure, none of its entries after it given: not checked, not in anyone’s favour', () => {
    const { rows, intro } = disputes(julyMissingToo());
    expect(rows).toEqual([
      ['1', '15 Jul 2024', '+£260.00, in the paying parent’s favour'],
      ['2', '30 Aug 2024', '+£260.00, not checked: CMS may have recorded it after the date'],
    ]);
    expect(intro).toContain(
      'A line marked as on its way at the date, or as not checked, is here because the statement has it; it is not said to be an error.',
    );
  });

  it('a payment CMS recorded after the date: on its way, not an error', () => {
    expect(disputes(recordedAfter({ date: '2024-09-02', amount: '260.00' })).rows).toEqual([
      ['1', '30 Aug 2024', '+£260.00, on its way at the date: not an error'],
    ]);
  });

  it('entries CMS got wrong alone: as before, and no word of lines that are not errors', () => {
    const { rows, intro } = disputes(recordedAfter({ date: '2024-09-02', amount: '200.00' }));
    expect(rows).toEqual([['1', '30 Aug 2024', '+£260.00, in the paying parent’s favour']]);
    expect(intro).not.toContain('not said to be an error');
  });
});
