/**
 * A money-out column whose every figure is printed negative ("-433.33" under "Debit" or "Money Out"): the sign is the
 * bank's style, not a reversal. A probe of December 2024 exports (csv-debit-negative.csv, csv-coop-negative-out.csv)
 * found each such payment read as money in, "counted the other way (as a reversal)", a CMS payment among them. A
 * lone negative figure among positive ones is still a reversal, and still warned of. Files built from the ground truth.
 */
import { describe, expect, test } from 'vitest';
import { DECEMBER, balancesAfter } from '../fixtures/pdf/ground-truth-statement.ts';
import { slash4 } from '../fixtures/pdf/generate.ts';
import { readCsvLines, rowsOf } from './read-rows.ts';

const AFTER = balancesAfter(DECEMBER);

describe('money out printed negative throughout', () => {
  test('Debit / Credit columns, with a mapping: every row exact, no reversal', async () => {
    const result = await readCsvLines(
      [
        'Date,Description,Debit,Credit,Balance',
        ...DECEMBER.map((r, i) =>
          [slash4(r.date), r.description, r.direction === 'out' ? `-${r.amount}` : '', r.direction === 'in' ? r.amount : '', AFTER[i]].join(
            ',',
          ),
        ),
      ],
      { date: 'Date', description: 'Description', paidOut: 'Debit', paidIn: 'Credit', balance: 'Balance' },
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings.join(' ')).not.toContain('reversal');
  });

  test('The Co-operative Bank’s layout (Money In before Money Out), read without a mapping', async () => {
    const result = await readCsvLines([
      'Date,Description,Money In,Money Out,Balance',
      ...DECEMBER.map((r, i) =>
        [
          slash4(r.date),
          `"${r.description}"`,
          r.direction === 'in' ? r.amount : '',
          r.direction === 'out' ? `-${r.amount}` : '',
          AFTER[i],
        ].join(','),
      ),
    ]);
    expect(result.metadata.layout).toBe('coop_csv');
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings.join(' ')).not.toContain('reversal');
  });

  test('one negative figure among positive ones is still a reversal, and warned of', async () => {
    // The refund of 20 December printed as "-19.99" under Debit: money in, as its sign says against the column.
    const result = await readCsvLines(
      [
        'Date,Description,Debit,Credit',
        ...DECEMBER.map((r) =>
          [
            slash4(r.date),
            r.description,
            r.direction === 'out' ? r.amount : r.date === '2024-12-20' ? `-${r.amount}` : '',
            r.direction === 'in' && r.date !== '2024-12-20' ? r.amount : '',
          ].join(','),
        ),
      ],
      { date: 'Date', description: 'Description', paidOut: 'Debit', paidIn: 'Credit' },
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toContain(
      '1 row has a negative figure in a money-out or money-in column; it was counted the other way (as a reversal).',
    );
  });
});
