/**
 * Balance rows in a CSV export ("BALANCE BROUGHT FORWARD", "BALANCE CARRIED FORWARD", "Opening balance"): written
 * with 0.00 in the amount columns they became transactions of £0.00 (probe of December 2024 exports,
 * csv-bf-zero-amount.csv), and written with the amounts blank they made the file refused. They are left out, as the
 * PDF reader leaves out its balance lines, with a warning naming them. Each file is built from the ground truth here.
 */
import { describe, expect, test } from 'vitest';
import type { CsvMapping } from '../../statements/types.ts';
import { DECEMBER, OPENING, balancesAfter, type TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { slash4 } from '../fixtures/pdf/generate.ts';
import { readCsvLines, rowsOf } from './read-rows.ts';

const AFTER = balancesAfter(DECEMBER);
const CLOSING = AFTER.at(-1)!;
const SPLIT: CsvMapping = { date: 'Date', description: 'Description', paidOut: 'Paid out', paidIn: 'Paid in', balance: 'Balance' };

/** Date, Type, Description, Paid out, Paid in, Balance; `none` fills the amount column a row does not use. */
const splitRow = (r: TruthRow, i: number, none: string) =>
  [slash4(r.date), '', r.description, r.direction === 'out' ? r.amount : none, r.direction === 'in' ? r.amount : none, AFTER[i]].join(',');

describe('brought and carried forward rows are left out, and named', () => {
  test.each([
    ['0.00', 'written 0.00'],
    ['', 'left blank'],
  ])('money out and in columns, the balance rows %j (%s)', async (none) => {
    const result = await readCsvLines(
      [
        'Date,Type,Description,Paid out,Paid in,Balance',
        `01/12/2024,,BALANCE BROUGHT FORWARD,${none},${none},${OPENING}`,
        ...DECEMBER.map((r, i) => splitRow(r, i, none)),
        `31/12/2024,,BALANCE CARRIED FORWARD,${none},${none},${CLOSING}`,
      ],
      SPLIT,
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.metadata.openingBalance).toBe(OPENING);
    expect(result.warnings).toEqual([
      `2 rows give a balance, not a transaction, and were left out: line 2 ("BALANCE BROUGHT FORWARD"), line ${DECEMBER.length + 3} ("BALANCE CARRIED FORWARD").`,
    ]);
  });

  test('one signed Amount column: "Opening balance" and "Closing balance" rows of 0.00', async () => {
    const result = await readCsvLines(
      [
        'Date,Description,Amount,Balance',
        `01/12/2024,Opening balance,0.00,${OPENING}`,
        ...DECEMBER.map((r, i) => [slash4(r.date), r.description, `${r.direction === 'out' ? '-' : ''}${r.amount}`, AFTER[i]].join(',')),
        `31/12/2024,Closing balance,0.00,${CLOSING}`,
      ],
      { date: 'Date', description: 'Description', amount: 'Amount', balance: 'Balance' },
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toEqual([
      `2 rows give a balance, not a transaction, and were left out: line 2 ("Opening balance"), line ${DECEMBER.length + 3} ("Closing balance").`,
    ]);
  });

  test('a brought-forward row with no date at the top of the rows', async () => {
    const result = await readCsvLines(
      [
        'Date,Type,Description,Paid out,Paid in,Balance',
        `,,Balance brought forward,0.00,0.00,${OPENING}`,
        ...DECEMBER.map((r, i) => splitRow(r, i, '')),
      ],
      SPLIT,
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toEqual(['A row gives a balance, not a transaction, and was left out: line 2 ("Balance brought forward").']);
  });

  test("Metro Bank's export with a brought-forward row (no mapping)", async () => {
    const result = await readCsvLines([
      'Date,Transaction type,Description,Money out,Money in,Balance',
      `01/12/2024,,Balance brought forward,,,${OPENING}`,
      ...DECEMBER.map((r, i) =>
        [slash4(r.date), '', r.description, r.direction === 'out' ? r.amount : '', r.direction === 'in' ? r.amount : '', AFTER[i]].join(
          ',',
        ),
      ),
    ]);
    expect(result.metadata.layout).toBe('metro_csv');
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toEqual(['A row gives a balance, not a transaction, and was left out: line 2 ("Balance brought forward").']);
  });

  test('a transaction whose words mention a balance is still a transaction', async () => {
    const rows: TruthRow[] = [...DECEMBER, { date: '2024-12-31', description: 'BALANCE TRANSFER FEE', amount: '0.00', direction: 'in' }];
    const after = [...AFTER, CLOSING];
    const result = await readCsvLines(
      [
        'Date,Description,Amount,Balance',
        ...rows.map((r, i) => [slash4(r.date), r.description, `${r.direction === 'out' ? '-' : ''}${r.amount}`, after[i]].join(',')),
      ],
      { date: 'Date', description: 'Description', amount: 'Amount', balance: 'Balance' },
    );
    expect(rowsOf(result)).toEqual(rows);
    expect(result.warnings).toEqual([]);
  });
});
