/**
 * Which line is a table header (statements/pdf/table.ts headerColumns): the header synonyms of issue 14,
 * headings run together in a tight layout or spread by a wide font's word space, a sidebar level with the
 * header, and the CMS headers the CMS reader needs (accepted through cms-header.ts), in any column order.
 * Items are placed by hand: x and width in points, as pdf.js gives them.
 */
import { describe, expect, test } from 'vitest';
import { headerColumns, toCells, type Line } from '../../statements/pdf/table.ts';
import type { PdfTextItem } from '../../statements/pdf/text.ts';

const item = (str: string, x: number, width: number): PdfTextItem => ({ str, x, y: 100, width, height: 8 });
const line = (items: PdfTextItem[]): Line => ({
  page: 1,
  number: 1,
  y: 100,
  height: 8,
  cells: toCells(items),
  text: items.map((i) => i.str).join(' '),
});
/** Items 40 points apart, each as wide as 5 points a character. */
const spaced = (...labels: string[]) => line(labels.map((l, i) => item(l, 40 + i * 90, l.length * 5)));
const fields = (l: Line) => headerColumns(l)?.columns.map((c) => c.field);

describe('bank header synonyms', () => {
  test.each([
    [
      ['Date', 'Description', 'Paid out', 'Paid in', 'Balance'],
      ['date', 'description', 'out', 'in', 'balance'],
    ],
    [
      ['Posted', 'Payee', 'Withdrawals', 'Deposits', 'Running balance'],
      ['date', 'description', 'out', 'in', 'balance'],
    ],
    [
      ['Transaction date', 'Narrative', 'Debit', 'Credit', 'Balance'],
      ['date', 'description', 'out', 'in', 'balance'],
    ],
    [
      ['Date', 'Details', 'Money in', 'Money out', 'Balance'],
      ['date', 'description', 'in', 'out', 'balance'],
    ],
    [
      ['Transaction date', 'Amount', 'Narrative', 'Balance'],
      ['date', 'amount', 'description', 'balance'],
    ],
    [
      ['Date', 'Description', 'Amount'],
      ['date', 'description', 'amount'],
    ],
  ])('%j', (labels, expected) => {
    expect(fields(spaced(...labels))).toEqual(expected);
  });

  test('"Amount" twice: read as money out then money in, marked as not saying which', () => {
    const h = headerColumns(spaced('Date', 'Description', 'Amount', 'Amount', 'Balance'))!;
    expect(h.columns.map((c) => c.field)).toEqual(['date', 'description', 'out', 'in', 'balance']);
    expect(h.ambiguousInOut).toBe(true);
  });
});

describe('headings that touch, or spread', () => {
  test('"Paid out" and "Paid in" 2.9 points apart (one cell) are two headings, not "Paid" + "out Paid" + "in"', () => {
    const l = line([
      item('Date', 40, 17),
      item('Description', 72, 45),
      item('Paid out', 232, 29),
      item('Paid in', 263.9, 24.1),
      item('Balance', 292.1, 28.9),
    ]);
    expect(l.cells.map((c) => c.text)).toContain('Paid out Paid in');
    expect(headerColumns(l)!.columns.map((c) => [c.field, c.left, c.right])).toEqual([
      ['date', 40, 57],
      ['description', 72, 117],
      ['out', 232, 261],
      ['in', 263.9, 288],
      ['balance', 292.1, 321],
    ]);
  });

  test('"Transaction date" drawn a word at a time in Courier (a 4.8-point space, two cells) is one heading', () => {
    const l = line([
      item('Transaction', 40, 52.8),
      item('date', 97.6, 19.2),
      item('Amount', 171.2, 28.8),
      item('Narrative', 210, 43.2),
      item('Balance', 521.4, 33.6),
    ]);
    expect(l.cells.length).toBe(5);
    expect(fields(l)).toEqual(['date', 'amount', 'description', 'balance']);
  });

  test('a sidebar level with the header, beyond its last heading, is not part of it', () => {
    const l = line([
      ...spaced('Date', 'Description', 'Money out', 'Money in', 'Balance').cells.map((c) => item(c.text, c.left, c.right - c.left)),
      item('Your overdraft', 520, 60),
    ]);
    expect(fields(l)).toEqual(['date', 'description', 'out', 'in', 'balance']);
  });

  test('lines that are not headers are not taken for one', () => {
    expect(headerColumns(spaced('15 Dec', 'CARD PAYMENT TO TESCO', '23.45', '221.65'))).toBeUndefined();
    expect(headerColumns(spaced('Opening balance', '£245.10'))).toBeUndefined();
    expect(headerColumns(spaced('Date', 'Mystery', 'Unknown', 'Balance'))).toBeUndefined();
  });
});

describe('CMS headers (accepted through cms-header.ts), in any column order', () => {
  test.each([
    [
      ['Date', 'Description', 'Amount due', 'Amount paid', 'Balance'],
      ['date', 'description', 'due', 'paid', 'balance'],
    ],
    [
      ['Balance', 'Amount paid', 'Amount due', 'Description', 'Date'],
      ['balance', 'paid', 'due', 'description', 'date'],
    ],
    [
      ['Payment due date', 'Amount', 'Status'],
      ['date', 'amount', 'status'],
    ],
    [
      ['Status', 'Amount', 'Payment due date'],
      ['status', 'amount', 'date'],
    ],
    [
      ['Due date', 'Ongoing maintenance', 'Arrears', 'Collection fee', 'Total'],
      ['date', 'ongoing', 'arrears', 'fee', 'total'],
    ],
  ])('%j', (labels, expected) => {
    expect(fields(spaced(...labels))).toEqual(expected);
  });
});
