/**
 * Amounts written with a leading "+" for money in ("+£2,345.67", "+150.00"), as app banks print one signed
 * Amount column: "+" was not read as part of an amount, so money in ran into the descriptions and the rows
 * around it were misread (probe of December 2024 statements, pdf-plus-*.pdf). Each statement is drawn from the
 * ground truth here and must read back exactly; the CSV reader reads the same cells.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../statements/index.ts';
import { parseAmount } from '../../statements/csv/values.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import { parseAmountToken } from '../../statements/pdf/tokens.ts';
import { DECEMBER, TOP, balancesAfter, drawSheet, type SheetColumn, type TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { ddMonYYYY, grouped, slash4 } from '../fixtures/pdf/generate.ts';

const COLUMNS: SheetColumn[] = [
  { key: 'date', label: 'Date', x: 40, w: 70, align: 'left' },
  { key: 'desc', label: 'Description', x: 115, w: 230, align: 'left' },
  { key: 'amt', label: 'Amount', x: 350, w: 80, align: 'right' },
  { key: 'bal', label: 'Balance', x: 450, w: 90, align: 'right' },
];

const rowsOf = (result: Awaited<ReturnType<typeof parsePdf>>) =>
  result.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction }));

/** One signed Amount column: `sign` writes each row's amount, `balance` each balance (none: no balance column). */
async function read(amount: (r: TruthRow) => string, balance?: (b: string) => string, date = ddMonYYYY) {
  const after = balancesAfter(DECEMBER);
  const lines = DECEMBER.map((r, i) => ({
    date: date(r.date),
    desc: r.description,
    amt: amount(r),
    ...(balance ? { bal: balance(after[i]!) } : {}),
  }));
  const columns = balance ? COLUMNS : COLUMNS.slice(0, 3);
  return parsePdf({ bytes: await drawSheet({ top: TOP, columns, lines }) });
}

describe('"+" before money in, "-" before money out', () => {
  test('"+£2,345.67" / "-£433.33" with balances written "£816.67"', async () => {
    const result = await read(
      (r) => `${r.direction === 'in' ? '+' : '-'}£${grouped(r.amount)}`,
      (b) => `£${grouped(b)}`,
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('"+£2,345.67" / "-£433.33" with no balance column', async () => {
    const result = await read((r) => `${r.direction === 'in' ? '+' : '-'}£${grouped(r.amount)}`);
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toEqual([]);
  });

  test('"+2,345.67" / "-433.33" with a balance, dates 02/12/2024', async () => {
    const result = await read(
      (r) => `${r.direction === 'in' ? '+' : '-'}${grouped(r.amount)}`,
      (b) => grouped(b),
      slash4,
    );
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('"+150.00" for money in and money out unsigned, no balance: the unsigned amounts are money out', async () => {
    const result = await read((r) => `${r.direction === 'in' ? '+' : ''}${grouped(r.amount)}`);
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toEqual([]);
  });
});

describe('the "+" sign read', () => {
  test.each([
    ['+£2,345.67', 234567],
    ['+150.00', 15000],
    ['£+19.99', 1999],
    ['+ £0.05', 5],
  ])('%s is money in of %i pence', (text, pence) => {
    expect(parseAmountToken(text)).toEqual({ pence, minus: false, plus: true });
  });

  test.each(['+-1.00', '-+1.00', '(+1.00)', '+1.00-', '+1.00 DR', '+12', '+ABC.00'])('%s is not an amount', (text) => {
    expect(parseAmountToken(text)).toBeUndefined();
  });

  test('the CSV reader reads "+150.00" and "+£2,345.67" as money in', async () => {
    expect(parseAmount('+150.00')!.toString()).toBe('150');
    expect(parseAmount('+£2,345.67')!.toString()).toBe('2345.67');
    const csv = [
      'Date,Description,Amount',
      ...DECEMBER.map((r) => `${slash4(r.date)},${r.description},${r.direction === 'in' ? '+' : '-'}${r.amount}`),
    ].join('\n');
    const result = await parseDocument({
      bytes: new TextEncoder().encode(csv),
      filename: 'plus.csv',
      csvMapping: { date: 'Date', description: 'Description', amount: 'Amount' },
    });
    expect(
      result.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction })),
    ).toEqual(DECEMBER);
  });
});
