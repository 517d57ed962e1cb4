/**
 * The small pieces of PDF statement parsing: amounts, dates, periods, the year of a date printed without
 * one, CMS line types, and columns rebuilt from the header row's x ranges.
 */
import { describe, expect, test } from 'vitest';
import { cmsEntryType } from '../../statements/pdf/cms.ts';
import { markerKind } from '../../statements/pdf/bank.ts';
import { classifyLine, headerColumns, toCells, type Line } from '../../statements/pdf/table.ts';
import type { PdfTextItem } from '../../statements/pdf/text.ts';
import {
  amountValue,
  findPeriod,
  owedBalance,
  parseAmountToken,
  parseDateToken,
  resolveYear,
  signedBalance,
} from '../../statements/pdf/tokens.ts';

describe('amounts', () => {
  test.each([
    ['1,234.56', '1234.56', false, undefined],
    ['£1,234.56', '1234.56', false, undefined],
    ['-1,234.56', '1234.56', true, undefined],
    ['-£20.00', '20.00', true, undefined],
    ['£-20.00', '20.00', true, undefined],
    ['(12.50)', '12.50', true, undefined],
    ['12.50-', '12.50', true, undefined],
    ['350.47 D', '350.47', false, 'dr'],
    ['1,020.00 CR', '1020.00', false, 'cr'],
    ['57.31 DR', '57.31', false, 'dr'],
    ['12,500.00', '12500.00', false, undefined],
    ['0.41', '0.41', false, undefined],
  ])('%s', (text, value, minus, suffix) => {
    const a = parseAmountToken(text)!;
    expect(amountValue(a).toFixed(2)).toBe(value);
    expect(a.minus).toBe(minus);
    expect(a.suffix).toBe(suffix);
  });

  test.each(['8812', '12.5', '1,23.45', '2024-02-01', '20-00-00', 'REF 12.50', '£12,50', '(12.50', '12.50 XX', ''])(
    'not an amount: %j',
    (text) => {
      expect(parseAmountToken(text)).toBeUndefined();
    },
  );

  test('balances: D/DR/minus overdrawn at a bank; CR is credit, so negative, on a CMS balance owed', () => {
    expect(signedBalance(parseAmountToken('350.47 D')!).toFixed(2)).toBe('-350.47');
    expect(signedBalance(parseAmountToken('42.60 CR')!).toFixed(2)).toBe('42.60');
    expect(owedBalance(parseAmountToken('£92.50 CR')!).toFixed(2)).toBe('-92.50');
    expect(owedBalance(parseAmountToken('£92.50')!).toFixed(2)).toBe('92.50');
  });
});

describe('dates', () => {
  test.each([
    ['3 Feb', { day: 3, month: 2 }],
    ['03 Feb', { day: 3, month: 2 }],
    ['01 Feb 24', { day: 1, month: 2, year: 2024 }],
    ['1 Feb 24', { day: 1, month: 2, year: 2024 }],
    ['1 February 2024', { day: 1, month: 2, year: 2024 }],
    ['01/02/2024', { day: 1, month: 2, year: 2024 }],
    ['01/02/24', { day: 1, month: 2, year: 2024 }],
    ['2024-02-01', { day: 1, month: 2, year: 2024 }],
    ['29 Feb', { day: 29, month: 2 }],
  ])('%s', (text, date) => {
    expect(parseDateToken(text)).toEqual(date);
  });

  test.each(['31/02/2024', '30 Feb', 'Feb', '20-00-00', '13/13/2024', '1 Foo 2024', 'Date'])('not a date: %j', (text) => {
    expect(parseDateToken(text)).toBeUndefined();
  });

  test('periods as statements print them', () => {
    expect(findPeriod('Your transactions 18 Dec 2023 - 17 Jan 2024')).toEqual({ start: '2023-12-18', end: '2024-01-17' });
    expect(findPeriod('Your Statement 01 February to 29 February 2024')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(findPeriod('01 December to 31 January 2024')).toEqual({ start: '2023-12-01', end: '2024-01-31' });
    expect(findPeriod('Statement period 11 Mar 2024 – 10 Apr 2024')).toEqual({ start: '2024-03-11', end: '2024-04-10' });
    expect(findPeriod('Statement period 01/04/24 to 30/04/24')).toEqual({ start: '2024-04-01', end: '2024-04-30' });
    expect(findPeriod('Period: 2024-05-01 to 2024-05-31')).toEqual({ start: '2024-05-01', end: '2024-05-31' });
    expect(findPeriod('Sort code 20-00-00 Account number 43219876')).toBeUndefined();
  });

  test('a date without a year takes the year that puts it in the period, across a year end', () => {
    const period = { start: '2023-12-18', end: '2024-01-17' };
    expect(resolveYear({ day: 29, month: 12 }, period)).toBe('2023-12-29');
    expect(resolveYear({ day: 2, month: 1 }, period)).toBe('2024-01-02');
    expect(resolveYear({ day: 2, month: 1 }, period, '2023-12-29')).toBe('2024-01-02');
    // A leap day only exists in one of the candidate years.
    expect(resolveYear({ day: 29, month: 2 }, { start: '2024-02-01', end: '2024-02-29' })).toBe('2024-02-29');
    // A period longer than a year: the first such date after the previous row.
    expect(resolveYear({ day: 5, month: 3 }, { start: '2020-01-01', end: '2022-12-31' }, '2021-02-27')).toBe('2021-03-05');
    // No period: the order of the rows decides.
    expect(resolveYear({ day: 3, month: 1 }, {}, '2023-12-30')).toBe('2024-01-03');
    expect(resolveYear({ day: 3, month: 1 }, {})).toBeUndefined();
  });
});

describe('balance lines and CMS line types', () => {
  test.each([
    ['Start balance', 'open'],
    ['BALANCE BROUGHT FORWARD', 'open'],
    ['Balance from statement 41 dated 11/03/2024', 'open'],
    ['End balance', 'close'],
    ['BALANCE CARRIED FORWARD', 'close'],
    ['Balance carried forward', 'close'],
    ['Total to pay', 'total'],
    ['BALANCE TRANSFER TO CARD', undefined],
    ['CARD PAYMENT TO START BALANCE LTD', undefined],
  ])('%s', (text, kind) => {
    expect(markerKind(text)).toBe(kind);
  });

  test.each([
    ['Payment due', 'due', 'liability'],
    ['Collection fee', 'due', 'collection_fee'],
    ['Payment received - thank you Bank ref DEO 001230', 'paid', 'payment_received'],
    ['Deduction from earnings order charge', 'due', 'enforcement_charge', 'deduction_from_earnings_order'],
    ['Liability order charge Magistrates court order LO/2024/0042', 'due', 'enforcement_charge', 'liability_order'],
    ['Adjustment - arrears reduced after mandatory reconsideration', 'paid', 'adjustment'],
    ['Direct Pay payment recorded', 'paid', 'direct_payment'],
    ['Payment passed on to you', 'paid', 'payment_passed_on'],
    ['Refund of overpayment', 'due', 'refund'],
  ] as const)('%s', (text, column, type, chargeType?: string) => {
    expect(cmsEntryType(text, column)).toEqual({ type, recognised: true, ...(chargeType ? { chargeType } : {}) });
  });

  test('an unknown CMS line is read from its column and flagged', () => {
    expect(cmsEntryType('Something else', 'due')).toEqual({ type: 'adjustment', recognised: false });
    expect(cmsEntryType('Something else', 'paid')).toEqual({ type: 'payment_received', recognised: false });
  });
});

describe('columns from the header row', () => {
  const item = (str: string, x: number, width: number, y = 100): PdfTextItem => ({ str, x, y, width, height: 8.5 });
  const line = (items: PdfTextItem[]): Line => ({
    page: 1,
    number: 1,
    y: items[0]!.y,
    height: 8.5,
    cells: toCells(items),
    text: items.map((i) => i.str).join(' '),
  });

  test('words a space apart are one cell; a column gap separates cells', () => {
    const cells = toCells([item('Paid', 300, 17), item('out', 319.4, 12), item('Paid', 370, 17), item('in', 389.4, 7)]);
    expect(cells.map((c) => c.text)).toEqual(['Paid out', 'Paid in']);
  });

  test('an amount goes to the column whose band holds its right edge: left-aligned, centred or right-aligned headings', () => {
    // Left-aligned headings (Lloyds-like): money in first. The amounts are right-aligned to the column end.
    const header = line([
      item('Date', 40, 17),
      item('Description', 88, 45),
      item('Money In (£)', 325, 50),
      item('Money Out (£)', 400, 55),
      item('Balance (£)', 475, 45),
    ]);
    const cols = headerColumns(header)!;
    expect(cols.columns.map((c) => c.field)).toEqual(['date', 'description', 'in', 'out', 'balance']);
    const row = classifyLine(
      cols,
      line([item('1 Mar 24', 40, 30, 120), item('A SAMPLE', 88, 40, 120), item('96.40', 375, 20, 120), item('2,406.45', 522, 33, 120)]),
    );
    expect(Object.keys(row.money)).toEqual(['in', 'balance']);
    const out = classifyLine(cols, line([item('OCTOPUS', 88, 40, 130), item('96.40', 450, 20, 130), item('2,310.05', 522, 33, 130)]));
    expect(Object.keys(out.money)).toEqual(['out', 'balance']);
    expect(out.date).toBeUndefined();
    expect(out.description).toBe('OCTOPUS');
  });

  test('a line that is not a header is not taken for one', () => {
    expect(headerColumns(line([item('Money in', 330, 35), item('£2,700.40', 500, 40)]))).toBeUndefined();
    expect(headerColumns(line([item('Date of issue 20 March 2024', 40, 120)]))).toBeUndefined();
  });
});
