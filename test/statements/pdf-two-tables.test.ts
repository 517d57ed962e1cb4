/**
 * Two tables on one page (a statement probe of January 2027): a page printed in two columns, and a second account's
 * table under the first. Each was read as one table, garbled or merged, and returned with a confidence of 0.25 and
 * no word of why. The page in two columns is refused; the second account's table is named in a warning.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { ParseError } from '../../statements/types.ts';
import {
  DECEMBER,
  TOP,
  balancesAfter,
  drawSheet,
  fiveColumns,
  splitLines,
  type SheetLine,
} from '../fixtures/pdf/ground-truth-statement.ts';
import { ddMonYYYY, grouped, newDoc, put } from '../fixtures/pdf/generate.ts';

const COLUMNS = fiveColumns(['Date', 'Description', 'Paid out', 'Paid in', 'Balance']);
const rowsOf = (r: Awaited<ReturnType<typeof parsePdf>>) =>
  r.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction }));

describe('two tables on one page', () => {
  test('two tables side by side (the page in two columns): refused, naming the page and the line of headings', async () => {
    const { doc, done } = newDoc();
    doc.addPage();
    let y = 40;
    for (const t of TOP) {
      put(doc, t, 40, y, 450, 'left');
      y += 13;
    }
    y += 13;
    // Date, details, amount, balance: the first three rows on the left, the rest on the right.
    const after = balancesAfter(DECEMBER);
    const halves = [DECEMBER.slice(0, 3), DECEMBER.slice(3)];
    halves.forEach((rows, h) => {
      const x = 30 + h * 280;
      put(doc, 'Date', x, y, 50, 'left', true);
      put(doc, 'Details', x + 55, y, 110, 'left', true);
      put(doc, 'Amount', x + 170, y, 50, 'right', true);
      put(doc, 'Balance', x + 222, y, 50, 'right', true);
      rows.forEach((r, i) => {
        const at = y + 13 * (i + 1);
        put(doc, ddMonYYYY(r.date), x, at, 50, 'left');
        put(doc, r.description.slice(0, 20), x + 55, at, 110, 'left');
        put(doc, `${r.direction === 'out' ? '-' : ''}${grouped(r.amount)}`, x + 170, at, 50, 'right');
        put(doc, grouped(after[h * 3 + i]!), x + 222, at, 50, 'right');
      });
    });
    doc.end();
    const error = await parsePdf({ bytes: await done }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('unsupported');
    expect((error as ParseError).message).toBe(
      'Page 1 prints two tables side by side (line 5 has the same column headings twice), which Reckoner cannot read apart safely. Send a CSV export of the statement, or a PDF with one table across the page.',
    );
  });

  test("a second account's table under the first, its own opening balance: named in a warning, not merged in silence", async () => {
    const savings: SheetLine[] = [
      {},
      {},
      {},
      { date: 'Date', desc: 'Description', out: 'Paid out', in: 'Paid in', bal: 'Balance' },
      { desc: 'Instant Saver account 87654321' },
      { date: '01 Dec 2024', desc: 'BALANCE BROUGHT FORWARD', bal: '3,000.00' },
      { date: '15 Dec 2024', desc: 'TRANSFER FROM CURRENT', in: '500.00', bal: '3,500.00' },
    ];
    const r = await parsePdf({ bytes: await drawSheet({ top: TOP, columns: COLUMNS, lines: [...splitLines(DECEMBER), ...savings] }) });
    // The current account's rows are all read (the savings row with them, which the warning names).
    expect(
      rowsOf(r)
        .slice(0, DECEMBER.length)
        .map((x) => x.amount),
    ).toEqual(DECEMBER.map((x) => x.amount));
    expect(r.checks.runningBalance).toBe('failed');
    // Computed: the opening £1,250.00 less 433.33 + 2,345.67 - 98.50 + 150.00 + 19.99 - 433.33 = £2,800.50.
    expect(r.warnings).toContain(
      "Page 1, line 14: an opening balance of £3,000.00 is printed after rows and does not follow from them (they give £2,800.50): it may open the table of another account on the same statement (a savings account, say), whose rows were read as this account's. Check the statement, and send each account's transactions separately.",
    );
    expect(r.confidence).toBeLessThan(0.5);
  });
});
