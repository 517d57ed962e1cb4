/**
 * Two ways a CSV writes its money that were refused though they can be read safely:
 * - a thousands comma not in quotes ("2,450.00" written bare, so it reads as "2" and "450.00"), in most rows of a file
 *   with no header: refused as "incomplete" (or as a layout not known). Where joining the parts again is the one way
 *   to give the row the file's columns with the amount in a money column, it is read, with a warning naming the
 *   lines; where it can be joined more than one way, it is refused, naming the line.
 * - a decimal comma ("45,99", "1.234,56") throughout a semicolon-separated file, as apps set to a continental language
 *   save it: refused cell by cell ("has a decimal comma"). Read where every amount is written so, with a warning; a
 *   file that writes money both ways is refused, naming a line of each.
 * Each file is written here from ground truth (invented rows and the balances that follow from them).
 */
import { describe, expect, test } from 'vitest';
import { parseDocumentInProcess, type ParseResult } from '../../statements/index.ts';
import { Dec, formatMoney } from '../../calc/money.ts';
import { failure } from './parse-failure.ts';
import { BANK_FIXTURE_DIR, encodeText, loadTruth, renderCsvText, type CsvTruth } from '../fixtures/csv/generate.ts';

const parse = (text: string, csvMapping?: Parameters<typeof parseDocumentInProcess>[0]['csvMapping']) =>
  parseDocumentInProcess({ bytes: encodeText(text, 'utf-8'), ...(csvMapping ? { csvMapping } : {}) });
const rowsOf = (r: ParseResult) => r.transactions.map((t) => [t.date, t.direction, t.amount, t.balance ?? null]);

interface Row {
  readonly date: string;
  readonly description: string;
  readonly amount: string;
  readonly direction: 'in' | 'out';
}
/** Invented December 2026, most amounts £1,000 or more; the balance from £5,000.00. */
const ROWS: readonly Row[] = [
  { date: '2026-12-01', description: 'SAMPLE LETTINGS RENT', amount: '1045.00', direction: 'out' },
  { date: '2026-12-03', description: 'EXAMPLE WIDGETS LTD SALARY', amount: '2150.00', direction: 'in' },
  { date: '2026-12-05', description: 'TRANSFER TO SAVINGS', amount: '1200.00', direction: 'out' },
  { date: '2026-12-08', description: 'CHILD MAINTENANCE SERVICE', amount: '287.50', direction: 'out' },
  { date: '2026-12-10', description: 'TRANSFER FROM SAVINGS', amount: '1500.00', direction: 'in' },
  { date: '2026-12-12', description: 'SAMPLE MOTORS DEPOSIT', amount: '1999.99', direction: 'out' },
];
const balances = (() => {
  let b = new Dec('5000.00');
  return ROWS.map((r) => formatMoney((b = r.direction === 'in' ? b.plus(r.amount) : b.minus(r.amount))));
})();
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const grouped = (a: string) => Number(a).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (r: Row) => `${r.direction === 'out' ? '-' : ''}${r.amount}`;
const expected = (withBalance: boolean) => ROWS.map((r, i) => [r.date, r.direction, r.amount, withBalance ? balances[i]! : null]);

describe('a thousands comma not in quotes, in most rows of a file with no header (HSBC-style)', () => {
  test('date, description, amount, balance, most amounts and every balance split: read exactly, the lines named', async () => {
    const text = ROWS.map((r, i) => `${dmy(r.date)},${r.description},${grouped(signed(r))},${grouped(balances[i]!)}`).join('\n');
    const r = await parse(`${text}\n`);
    expect(rowsOf(r)).toEqual(expected(true));
    expect(r.checks.runningBalance).toBe('ok');
    expect(r.warnings).toContain(
      '6 rows have an amount written with a thousands comma and no quotes ("2,450.00" read as "2" and "450.00"): the parts were joined again, the one way that gives each row the file\'s columns with the amount in a money column (line 1, line 2, line 3, line 4, line 5 and 1 more). Check those amounts against the statement.',
    );
  });

  test('date, description, amount, the first rows whole and most of the rest split: read exactly, not refused as incomplete', async () => {
    // Two small payments first (their amounts whole), then the rows above, most of them split.
    const first: Row[] = [
      { date: '2026-11-28', description: 'CARD PAYMENT SAMPLE SHOP', amount: '23.45', direction: 'out' },
      { date: '2026-11-29', description: 'CARD PAYMENT SAMPLE CAFE', amount: '4.10', direction: 'out' },
    ];
    const all = [...first, ...ROWS];
    const text = all.map((r) => `${dmy(r.date)},${r.description},${grouped(signed(r))}`).join('\n');
    const r = await parse(`${text}\n`);
    expect(rowsOf(r)).toEqual(all.map((x) => [x.date, x.direction, x.amount, null]));
    // Lines 3, 4, 5, 7 and 8 split (the CMS payment of £287.50 on line 6 is whole).
    expect(r.warnings).toContain(
      '5 rows have an amount written with a thousands comma and no quotes ("2,450.00" read as "2" and "450.00"): the parts were joined again, the one way that gives each row the file\'s columns with the amount in a money column (line 3, line 4, line 5, line 7, line 8). Check those amounts against the statement.',
    );
  });

  test('a row that can be joined more than one way is refused, naming the line', async () => {
    // Paid out, paid in and balance: "1,234.00,5,678.00" is £1,234.00 out and a balance of £5,678.00 with paid in empty
    // and not written, or £1 out, £234.00 in and a balance of £5,678.00: which cannot be told.
    const text = [
      'Date,Description,Paid out,Paid in,Balance',
      '01/12/2026,RENT,1045.00,,3955.00',
      '02/12/2026,ODD ROW,1,234.00,5,678.00',
      '',
    ].join('\n');
    const error = await failure(
      parse(text, { date: 'Date', description: 'Description', paidOut: 'Paid out', paidIn: 'Paid in', balance: 'Balance' }),
    );
    expect(error.code).toBe('parse_failed');
    expect(error.message).toBe(
      'Line 3 has 6 fields, but the other rows have 5: a value with a comma in it is not in quotes, so it was split in two (an amount written 1,045.00 without quotes reads as "1" and "045.00"), and its amount cannot be read safely (its parts could be joined again more than one way). Export the statement again, or open it in a spreadsheet and save it as CSV, so that such values are in quotes.',
    );
  });

  test('a description split by a bare comma is no amount: refused as before, naming the line', async () => {
    const text = [
      '01/12/2026,SAMPLE SHOP,-5.00,4995.00',
      '02/12/2026,SAMPLE CAFE,-2.50,4992.50',
      '03/12/2026,SAMPLE BAKERY,-1.50,4991.00',
      '04/12/2026,SMITH, J RENT,-45.00,4946.00',
      '',
    ].join('\n');
    const error = await failure(parse(text));
    expect(error.message).toMatch(/^Line 4 has 5 fields, but the file's rows have 4: a value with a comma in it is not in quotes/);
  });
});

/** "-1234.56" as a continental export writes it: "-1.234,56". */
const continental = (a: string) => {
  const [whole, pence] = a.replace('-', '').split('.');
  return `${a.startsWith('-') ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+$)/g, '.')},${pence}`;
};

/** A rendered comma file as a semicolon file with decimal commas (its amounts "-3.60" become "-3,60"). */
function toSemicolons(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((f) => (/^-?\d+\.\d{2}$/.test(f) ? continental(f) : f))
        .join(';'),
    )
    .join('\n');
}

describe('decimal commas throughout a semicolon-separated file', () => {
  // Revolut's export (a known layout), £2,000.00 more paid in first so that balances have thousands.
  const revolut = loadTruth('revolut', BANK_FIXTURE_DIR);
  const richer: CsvTruth = {
    ...revolut,
    transactions: revolut.transactions.map((t, i) => ({
      ...t,
      ...(i === 0 ? { amount: formatMoney(new Dec(t.amount).plus(2000)) } : {}),
      ...(t.balance !== undefined ? { balance: formatMoney(new Dec(t.balance).plus(2000)) } : {}),
    })),
  };

  test('Revolut saved with ";" and "2.540,00": read exactly, with a warning', async () => {
    const text = toSemicolons(renderCsvText(richer));
    expect(text).toContain(';2.540,00');
    const r = await parse(text);
    expect(r.transactions.map((t) => [t.date, t.direction, t.amount, t.balance, t.description])).toEqual(
      richer.transactions.map((t) => [t.date, t.direction, t.amount, t.balance, t.description]),
    );
    expect(r.checks.runningBalance).toBe('ok');
    expect(r.warnings.find((w) => w.includes('decimal comma'))).toMatch(
      /^The amounts in this file are written with a decimal comma \("1\.234,56" for 1,234\.56\), as apps and banks set to a continental language save them; every amount in it is written so \(\d+ amounts, from line 2\), and they were read that way\. Check a few against the statement\.$/,
    );
  });

  test('no header (date; description; amount; balance), "-1.045,00": read exactly', async () => {
    const text = ROWS.map((r, i) => `${dmy(r.date)};${r.description};${continental(signed(r))};${continental(balances[i]!)}`).join('\n');
    const r = await parse(`${text}\n`);
    expect(rowsOf(r)).toEqual(expected(true));
    expect(r.checks.runningBalance).toBe('ok');
  });

  test('a file that writes money both ways ("1.045,00" and "-287.50") is refused, naming a line of each', async () => {
    const text = ROWS.map(
      (r, i) =>
        `${dmy(r.date)};${r.description};${i === 3 ? signed(r) : continental(signed(r))};${i === 3 ? balances[i] : continental(balances[i]!)}`,
    ).join('\n');
    const error = await failure(parse(`${text}\n`));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toBe(
      'This file writes money two ways: with a decimal comma on line 1 ("-1.045,00") and with a decimal point on line 4 ("-287.50"), so which figures are pounds and which pence cannot be told safely. Export the statement again with the app or bank set to English (UK), or save it from a spreadsheet as CSV with every amount written one way, such as "1234.56".',
    );
  });

  test('a comma-separated file with "12,50" in quotes stays refused cell by cell, never £1,250', async () => {
    const text = ['Date,Description,Amount', '01/12/2026,SAMPLE SHOP,"-12,50"', ''].join('\n');
    const error = await failure(parse(text, { date: 'Date', description: 'Description', amount: 'Amount' }));
    expect(error.message).toMatch(/"-12,50" has a decimal comma/);
  });
});
