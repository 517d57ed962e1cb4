/**
 * Money columns headed "Payments" / "Receipts" (as some UK banks head them) and "Withdrawals" / "Lodgements" (Irish
 * and Northern Irish banks): the headings were not known, so the money-out amounts ran into the descriptions, or
 * every credit was read as money out (probe of December 2024 statements, pdf-payments-receipts*.pdf,
 * pdf-withdrawals-lodgements.pdf). Each statement is drawn from the ground truth here and must read back exactly.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { headerColumns, toCells, type Line } from '../../statements/pdf/table.ts';
import type { PdfTextItem } from '../../statements/pdf/text.ts';
import { DECEMBER, TOP, drawSheet, fiveColumns, splitLines } from '../fixtures/pdf/ground-truth-statement.ts';

type Labels = [string, string, string, string, string];

async function rowsRead(labels: Labels, balance = true) {
  const columns = fiveColumns(labels).filter((c) => balance || c.key !== 'bal');
  const lines = splitLines(DECEMBER).map(({ bal: _b, ...rest }) => (balance ? { ...rest, bal: _b! } : rest));
  const result = await parsePdf({ bytes: await drawSheet({ top: TOP, columns, lines }) });
  return {
    rows: result.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction })),
    warnings: result.warnings,
    balance: result.checks.runningBalance,
  };
}

describe('money columns under headings of other banks', () => {
  test.each([
    [['Date', 'Details', 'Payments', 'Receipts', 'Balance']],
    [['Date', 'Details', 'Withdrawals', 'Lodgements', 'Balance']],
    [['Date', 'Details', 'Withdrawals', 'Lodgments', 'Balance']],
    [['Date', 'Description', 'Withdrawal', 'Lodgement', 'Balance']],
    // Starling's balance heading: the column was left out, and its running-balance check with it (a probe).
    [['Date', 'Transaction', 'Out', 'In', 'Account balance']],
  ] as [Labels][])('%j', async (labels) => {
    const read = await rowsRead(labels);
    expect(read.rows).toEqual(DECEMBER);
    expect(read.balance).toBe('ok');
    expect(read.warnings).toEqual([]);
  });

  test('"Payments" / "Receipts" with no balance column: each amount in its column', async () => {
    const read = await rowsRead(['Date', 'Details', 'Payments', 'Receipts', ''], false);
    expect(read.rows).toEqual(DECEMBER);
    expect(read.warnings).toEqual([]);
  });
});

const item = (str: string, x: number): PdfTextItem => ({ str, x, y: 100, width: str.length * 5, height: 8 });
const header = (...labels: string[]) => {
  const items = labels.map((l, i) => item(l, 40 + i * 90));
  const line: Line = { page: 1, number: 1, y: 100, height: 8, cells: toCells(items), text: labels.join(' ') };
  return headerColumns(line)?.columns.map((c) => c.field);
};

describe('"Payments" says money out only beside a money-in heading', () => {
  test('beside "Receipts" it is money out', () => {
    expect(header('Date', 'Details', 'Receipts', 'Payments', 'Balance')).toEqual(['date', 'description', 'in', 'out', 'balance']);
  });

  test('with no money-in column (a CMS table of what was due and paid, perhaps) it is not read as money out', () => {
    expect(header('Date', 'Description', 'Due', 'Payments', 'Balance')).toEqual(['date', 'description', 'due', 'balance']);
    expect(header('Date', 'Details', 'Payments', 'Balance')).toBeUndefined();
  });
});
