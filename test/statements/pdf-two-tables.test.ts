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

  const savingsRows = (title: 'above' | 'under'): SheetLine[] => [
    {},
    {},
    ...(title === 'above' ? [{ desc: 'Instant Saver account 87654321' }] : [{}]),
    { date: 'Date', desc: 'Description', out: 'Paid out', in: 'Paid in', bal: 'Balance' },
    ...(title === 'under' ? [{ desc: 'Instant Saver account 87654321' }] : []),
    { date: '01 Dec 2024', desc: 'BALANCE BROUGHT FORWARD', bal: '3,000.00' },
    { date: '15 Dec 2024', desc: 'TRANSFER FROM CURRENT', in: '500.00', bal: '3,500.00' },
    { date: '31 Dec 2024', desc: 'INTEREST', in: '4.17', bal: '3,504.17' },
  ];

  test.each([
    [
      'its name under its headings',
      'under',
      'Page 1, line 12: the column headings are printed again with "Instant Saver account ****4321"',
    ],
    [
      'its name above its headings',
      'above',
      'Page 1, line 13: the column headings are printed again with "Instant Saver account ****4321"',
    ],
  ] as const)(
    "a second account's table under the first (%s), its own opening balance: the first account's rows read, the other's left out and named",
    async (_name, title, opens) => {
      const r = await parsePdf({
        bytes: await drawSheet({ top: TOP, columns: COLUMNS, lines: [...splitLines(DECEMBER), ...savingsRows(title)] }),
      });
      // Exactly the current account's rows: the savings rows are not merged in, and its name joins no description.
      expect(rowsOf(r)).toEqual(DECEMBER);
      expect(r.checks.runningBalance).toBe('ok');
      // Computed: the opening £1,250.00 less 433.33 + 2,345.67 - 98.50 + 150.00 + 19.99 - 433.33 = £2,800.50.
      // Lines 1-4 the particulars, 5 the headings, 6-11 the rows; then two blank lines, the savings name and headings.
      const at = 14;
      expect(r.warnings).toEqual([
        `${opens}, and the table under them opens with a balance of £3,000.00 (line ${at}) that does not follow from the rows above (they give £2,800.50): it is the table of another account on the same statement. Only the first account's rows were read; the 2 rows under it (page 1 line ${at + 1}, page 1 line ${at + 2}) were left out, not read as this account's. If payments you need went through that account, send that account's transactions separately (a CSV export of it).`,
      ]);
    },
  );

  test('the same headings printed again mid-page with the balance going on: the same account, every row read', async () => {
    const after = balancesAfter(DECEMBER);
    const lines: SheetLine[] = [
      ...splitLines(DECEMBER.slice(0, 3)),
      {},
      { date: 'Date', desc: 'Description', out: 'Paid out', in: 'Paid in', bal: 'Balance' },
      { date: '09 Dec 2024', desc: 'BALANCE BROUGHT FORWARD', bal: grouped(after[2]!) },
      ...splitLines(DECEMBER.slice(3), {}, after[2]!),
    ];
    const r = await parsePdf({ bytes: await drawSheet({ top: TOP, columns: COLUMNS, lines }) });
    expect(rowsOf(r)).toEqual(DECEMBER);
    expect(r.checks.runningBalance).toBe('ok');
    expect(r.warnings).toEqual([]);
  });
});
