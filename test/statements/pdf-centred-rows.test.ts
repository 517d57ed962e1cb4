/**
 * A statement whose amounts, date and balance are centred on each row's description lines, as an HTML table renders
 * its cells by default (vertical-align: middle), which app statements made from HTML do. A statement probe of 5
 * December 2026 found such rows read with each description line below an amount moved to the next row: a CMS
 * reference landed on an ordinary debit, silently (the amounts, dates and balance check were right). Drawn here from
 * invented ground truth: rows of one, two and three description lines, and a row a page break splits.
 */
import { describe, expect, test } from 'vitest';
import { Dec, formatMoney } from '../../calc/money.ts';
import { parseDocument } from '../../statements/index.ts';
import { newDoc, put, slash4 } from '../fixtures/pdf/generate.ts';

interface Truth {
  readonly date: string;
  readonly lines: readonly string[];
  readonly amount: string;
  readonly direction: 'in' | 'out';
}

const OPENING = '500.00';
const ROWS: readonly Truth[] = [
  { date: '2024-06-03', lines: ['Redwing Fuel 4317', 'Bristol GB'], amount: '54.33', direction: 'out' },
  { date: '2024-06-03', lines: ['Lantern Broadband'], amount: '97.64', direction: 'out' },
  { date: '2024-06-05', lines: ['Child Maint Service', 'CMS 171432723756'], amount: '213.58', direction: 'in' },
  { date: '2024-06-06', lines: ['Kestrel Taxis 9954', 'York GB'], amount: '82.76', direction: 'out' },
  { date: '2024-06-07', lines: ['Northfield Council Tax', 'Ref 94608701', 'Direct Debit'], amount: '124.08', direction: 'out' },
  { date: '2024-06-10', lines: ['Hearth Insurance'], amount: '75.98', direction: 'out' },
  { date: '2024-06-12', lines: ['Example Payroll Ltd', 'Salary June'], amount: '1850.00', direction: 'in' },
  { date: '2024-06-14', lines: ['Skylark Mobile', 'Ref 43773927'], amount: '48.58', direction: 'out' },
];
const LH = 12;

/** Draws the rows, each row's date, amount and balance centred on its description lines; `breakAfter` rows on page 1. */
async function centred(breakAfter: number, splitRow?: number): Promise<Uint8Array> {
  const { doc, done } = newDoc();
  let balance = new Dec(OPENING);
  const header = (y: number) => {
    put(doc, 'Date', 40, y, 60, 'left', true);
    put(doc, 'Description', 110, y, 250, 'left', true);
    put(doc, 'Amount', 380, y, 80, 'right', true);
    put(doc, 'Balance', 470, y, 80, 'right', true);
  };
  doc.addPage();
  put(doc, 'Example App Bank', 40, 40, 300, 'left', true, 14);
  put(doc, 'Statement 01/06/2024 - 30/06/2024', 40, 62, 300, 'left');
  put(doc, `Opening balance £${OPENING}`, 40, 76, 300, 'left');
  header(110);
  let y = 128;
  for (const [i, row] of ROWS.entries()) {
    if (i === breakAfter) {
      doc.addPage();
      header(60);
      y = 78;
    }
    balance = row.direction === 'in' ? balance.plus(row.amount) : balance.minus(row.amount);
    const mid = y + ((row.lines.length - 1) * LH) / 2;
    const amount = `${row.direction === 'out' ? '-' : ''}${formatMoney(new Dec(row.amount))}`;
    const cells = () => {
      put(doc, slash4(row.date), 40, mid, 60, 'left');
      put(doc, amount, 380, mid, 80, 'right');
      put(doc, formatMoney(balance), 470, mid, 80, 'right');
    };
    // A row split by the page: its first line and its figures end page 1, the rest of its lines start page 2.
    if (i === splitRow) {
      put(doc, row.lines[0]!, 110, y, 250, 'left');
      put(doc, slash4(row.date), 40, y + LH / 2, 60, 'left');
      put(doc, amount, 380, y + LH / 2, 80, 'right');
      put(doc, formatMoney(balance), 470, y + LH / 2, 80, 'right');
      doc.addPage();
      header(60);
      y = 78;
      for (const line of row.lines.slice(1)) (put(doc, line, 110, y, 250, 'left'), (y += LH));
      continue;
    }
    cells();
    for (const line of row.lines) (put(doc, line, 110, y, 250, 'left'), (y += LH));
  }
  put(doc, 'Synthetic document for software tests, not a real statement.', 40, 800, 400, 'left');
  doc.end();
  return done;
}

const read = async (bytes: Uint8Array) => (await parseDocument({ bytes, filename: 'statement.pdf' })).transactions;
const truth = ROWS.map((r) => ({ date: r.date, description: r.lines.join(' '), amount: r.amount, direction: r.direction }));

describe('amounts centred on a row’s description lines', () => {
  test('each description line goes with its own row’s amounts', async () => {
    const rows = await read(await centred(ROWS.length));
    expect(rows.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction }))).toEqual(truth);
  });

  test('a row a page break splits keeps the lines printed at the top of the next page', async () => {
    // Row 4 (index 3, "Kestrel Taxis 9954" / "York GB") ends page 1 with its figures; "York GB" opens page 2.
    const rows = await read(await centred(ROWS.length, 3));
    expect(rows.map((t) => t.description)).toEqual(truth.map((t) => t.description));
  });
});
