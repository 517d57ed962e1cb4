/**
 * Two ways a CSV was read wrong without a word (a statement probe of January 2027; the split values, refused after
 * that probe, are now joined again where that is the one way to read them: split-amounts.ts):
 * - the currency column was ignored: a Revolut or Monzo account in euros or dollars was read as pounds;
 * - a value split by a comma not in quotes ("1,045.00") was refused only when it was rare: where most rows split
 *   (a column of large amounts), they set the width every row was measured against, and £1,045.00 read as £1.00.
 * Each file is written from ground truth (test/fixtures/csv/generate.ts and the truths next to it).
 */
import { describe, expect, test } from 'vitest';
import { parseDocumentInProcess, type ParseResult } from '../../statements/index.ts';
import { failure } from './parse-failure.ts';
import { BANK_FIXTURE_DIR, encodeText, loadTruth, renderCsvText, type CsvTruth, type TruthTransaction } from '../fixtures/csv/generate.ts';

const utf8 = (text: string) => encodeText(text, 'utf-8');
const parse = (text: string) => parseDocumentInProcess({ bytes: utf8(text) });

/** The truth with every row in `currency`. */
const inCurrency = (truth: CsvTruth, currency: string): CsvTruth => ({
  ...truth,
  transactions: truth.transactions.map((t) => ({ ...t, columns: { ...t.columns, currency } })),
  notTransactions: [],
});

const rowsOf = (r: ParseResult) => r.transactions.map((t) => [t.date, t.direction, t.amount, t.description]);
const truthRows = (rows: readonly TruthTransaction[]) => rows.map((t) => [t.date, t.direction, t.amount, t.description]);

describe('the currency column (Revolut, Monzo)', () => {
  const revolut = loadTruth('revolut', BANK_FIXTURE_DIR);
  const monzo = loadTruth('monzo');

  test.each([
    ['Revolut, every row in EUR', inCurrency(revolut, 'EUR'), 'EUR', 2],
    ['Monzo, every row in USD', inCurrency(monzo, 'USD'), 'USD', 2],
  ])('%s: refused, naming the currency and the column, not read as pounds', async (_name, truth, currency, line) => {
    const error = await failure(parse(renderCsvText(truth)));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      `The transactions in this file are in ${currency}, not pounds (column "Currency", line ${line} onwards): Reckoner reads statements in pounds (GBP) only. Export the statement of the account in pounds.`,
    );
  });

  test('the same files in GBP are read as before', async () => {
    expect(rowsOf(await parse(renderCsvText(inCurrency(revolut, 'GBP'))))).toEqual(truthRows(revolut.transactions));
    expect(rowsOf(await parse(renderCsvText(inCurrency(monzo, 'GBP'))))).toEqual(truthRows(monzo.transactions));
  });

  test("Revolut, a euro account's rows among the pound account's: those left out, named, and the pounds rows read with their balances chaining", async () => {
    // Two rows of the EUR account, after the truth's first and third rows (the truth's declined row left out).
    const euro = (after: number, description: string, amount: string, balance: string) => ({
      after,
      date: revolut.transactions[after]!.date,
      description,
      amount,
      direction: 'out' as const,
      balance,
      columns: { type: 'CARD_PAYMENT', currency: 'EUR' },
    });
    const truth: CsvTruth = {
      ...revolut,
      notTransactions: [euro(0, 'CAFE EXEMPLE PARIS', '30.00', '70.00'), euro(2, 'BOULANGERIE TEST', '4.50', '65.50')],
    };
    const r = await parse(renderCsvText(truth));
    expect(rowsOf(r)).toEqual(truthRows(revolut.transactions));
    expect(r.checks.runningBalance).toBe('ok');
    // Line 1 the header, line 2 the first row, line 3 the first euro row, lines 4 and 5 the next two, line 6 the second.
    expect(r.warnings).toContain(
      `2 rows are in another currency than pounds (column "Currency") and were left out, not read as pounds: line 3 (EUR), line 6 (EUR). Only the ${revolut.transactions.length} rows in pounds (GBP) were read.`,
    );
  });

  test('a mapped file with a "Currency" column: rows in another currency are not pounds either', async () => {
    const text = ['Date,Description,Amount,Currency', '01/12/2026,SALARY ACME LTD,2450.00,USD', '03/12/2026,RENT,-1045.00,USD', ''].join(
      '\n',
    );
    const error = await failure(
      parseDocumentInProcess({ bytes: utf8(text), csvMapping: { date: 'Date', description: 'Description', amount: 'Amount' } }),
    );
    expect(error.message).toMatch(/^The transactions in this file are in USD, not pounds \(column "Currency", line 2 onwards\)/);
  });
});

describe('a value split by a comma not in quotes, in most rows', () => {
  // Large amounts, most of them £1,000 or more: written without quotes, most rows split in two.
  const rows: TruthTransaction[] = [
    { date: '2026-12-01', description: 'SAMPLE LETTINGS RENT', amount: '1045.00', direction: 'out' },
    { date: '2026-12-03', description: 'EXAMPLE WIDGETS LTD SALARY', amount: '2150.00', direction: 'in' },
    { date: '2026-12-05', description: 'TRANSFER TO SAVINGS', amount: '1200.00', direction: 'out' },
    { date: '2026-12-08', description: 'CHILD MAINTENANCE SERVICE', amount: '287.50', direction: 'out' },
    { date: '2026-12-10', description: 'TRANSFER FROM SAVINGS', amount: '1500.00', direction: 'in' },
    { date: '2026-12-12', description: 'SAMPLE MOTORS DEPOSIT', amount: '1999.99', direction: 'out' },
  ];
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  const grouped = (a: string) => Number(a).toLocaleString('en-GB', { minimumFractionDigits: 2 });
  const sign = (t: TruthTransaction) => (t.direction === 'out' ? '-' : '');

  test('first direct\'s "Date, Description, Amount": each split amount joined again against the header, read exactly, not as £1.00', async () => {
    const text = ['Date,Description,Amount', ...rows.map((t) => `${dmy(t.date)},${t.description},${sign(t)}${grouped(t.amount)}`), ''].join(
      '\n',
    );
    const r = await parse(text);
    expect(rowsOf(r)).toEqual(truthRows(rows));
    // The CMS payment of £287.50 (line 5) is not split.
    expect(r.warnings).toContain(
      '5 rows have an amount written with a thousands comma and no quotes ("2,450.00" read as "2" and "450.00"): the parts were joined again, the one way that gives each row the file\'s columns with the amount in a money column (line 2, line 3, line 4, line 6, line 7). Check those amounts against the statement.',
    );
  });

  test('a mapped file whose balance, before the amount, is split in most rows: joined again, not read with the balance as the amount', async () => {
    let balance = 5000;
    const lines = rows.map((t) => {
      balance += (t.direction === 'out' ? -1 : 1) * Number(t.amount);
      return `${dmy(t.date)},${t.description},${grouped(balance.toFixed(2))},${sign(t)}${t.amount}`;
    });
    const text = ['Date,Description,Balance,Amount', ...lines, ''].join('\n');
    const r = await parseDocumentInProcess({
      bytes: utf8(text),
      csvMapping: { date: 'Date', description: 'Description', amount: 'Amount', balance: 'Balance' },
    });
    expect(rowsOf(r)).toEqual(truthRows(rows));
    expect(r.checks.runningBalance).toBe('ok');
    expect(r.warnings.some((w) => w.startsWith('6 rows have an amount written with a thousands comma and no quotes'))).toBe(true);
  });

  test('the same file with the values quoted is read exactly', async () => {
    const text = [
      'Date,Description,Amount',
      ...rows.map((t) => `${dmy(t.date)},${t.description},"${sign(t)}${grouped(t.amount)}"`),
      '',
    ].join('\n');
    expect(rowsOf(await parse(text))).toEqual(truthRows(rows));
  });
});
