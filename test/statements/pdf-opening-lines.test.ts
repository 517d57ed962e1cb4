/**
 * A dated line of words with no amount in a bank statement's table: an opening or closing balance in words
 * Reckoner did not know ("Balance at start of period", "Previous statement balance", "Balance forward"), or a
 * notice ("Your arranged overdraft limit has changed"). Such a line made the reader take every row's amounts as
 * printed on its last line, so the CMS payment of 2 December was read as of 30 November with the opening line's
 * words (probe of December 2024 statements, pdf-opener-*.pdf, pdf-balance-forward.pdf, pdf-dated-notice-line.pdf).
 * Each statement is drawn from the ground truth here and must read back exactly.
 */
import { describe, expect, test } from 'vitest';
import { markerKind } from '../../statements/pdf/bank.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { ParseResult } from '../../statements/types.ts';
import {
  DECEMBER,
  OPENING,
  TOP,
  balancesAfter,
  drawSheet,
  fiveColumns,
  splitLines,
  wrapped,
  type SheetLine,
  type TruthRow,
} from '../fixtures/pdf/ground-truth-statement.ts';
import { ddMonYYYY, grouped } from '../fixtures/pdf/generate.ts';
import { rowsOf } from './read-rows.ts';

const COLUMNS = fiveColumns(['Date', 'Description', 'Paid out', 'Paid in', 'Balance']);
/** Two rows with a second line of description (amounts on the first). */
const WRAP = { 1: 'DEC PAY', 3: 'REF SCHOOL TRIP' };
const TRUTH = wrapped(DECEMBER, WRAP);
const CLOSING = balancesAfter(DECEMBER).at(-1)!;

async function read(lines: SheetLine[], top: readonly string[] = TOP): Promise<ParseResult> {
  return parsePdf({ bytes: await drawSheet({ top, columns: COLUMNS, lines }) });
}

const opener = (date: string, words: string): SheetLine => ({ date, desc: words, bal: grouped(OPENING) });

describe('an opening line in words not known before is a balance line, not a row', () => {
  test.each([
    ['Balance at start of period', '30 Nov 2024'],
    ['Balance at start of period', '01 Dec 2024'],
    ['Previous statement balance', '01 Dec 2024'],
    ['Balance forward', '01 Dec 2024'],
    // Words naming a balance beside a balance and no amount, in a form no list holds.
    ['Balance as at 30 November 2024', '30 Nov 2024'],
  ])('"%s" dated %s', async (words, date) => {
    const result = await read([opener(date, words), ...splitLines(DECEMBER, WRAP)]);
    expect(rowsOf(result)).toEqual(TRUTH);
    expect(result.metadata.openingBalance).toBe(OPENING);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('a closing line in words not known before ("Balance at end of period") is the closing balance', async () => {
    const closer = { date: '31 Dec 2024', desc: 'Balance at end of period', bal: grouped(CLOSING) };
    const result = await read([opener('01 Dec 2024', 'Opening balance'), ...splitLines(DECEMBER, WRAP), closer]);
    expect(rowsOf(result)).toEqual(TRUTH);
    expect([result.metadata.openingBalance, result.metadata.closingBalance]).toEqual([OPENING, CLOSING]);
    expect(result.warnings).toEqual([]);
  });

  test.each([
    ['Balance at start of period', 'open'],
    ['Balance at the beginning of the statement', 'open'],
    ['Previous statement balance', 'open'],
    ['Last statement balance', 'open'],
    ['Balance forward', 'open'],
    ['Balance brought fwd', 'open'],
    ['Your opening balance', 'open'],
    ['Balance at end of period', 'close'],
    ['Balance carried fwd', 'close'],
    ['Balance to carry forward', 'close'],
    ['BALANCE FORWARD TRANSFER', undefined],
  ] as const)('markerKind(%j) is %s', (words, kind) => {
    expect(markerKind(words)).toBe(kind);
  });
});

describe('a dated notice with no amount does not turn the table', () => {
  const notice = (b: SheetLine[], ...words: string[]): SheetLine[] => {
    const at = b.findIndex((l) => l.date === '16 Dec 2024');
    return [...b.slice(0, at), { date: '10 Dec 2024', desc: words[0]! }, ...words.slice(1).map((w) => ({ desc: w })), ...b.slice(at)];
  };
  const NOTICE = 'Your arranged overdraft limit has changed';

  test('amounts on the first line: every row as printed, the notice left out and named', async () => {
    const result = await read([opener('01 Dec 2024', 'Opening balance'), ...notice(splitLines(DECEMBER, WRAP), NOTICE)]);
    expect(rowsOf(result)).toEqual(TRUTH);
    expect(result.warnings).toEqual([`1 line(s) of text in the table belong to no transaction and were left out: "${NOTICE}".`]);
  });

  test('a notice over two lines: its second line does not join the row above it', async () => {
    const result = await read([opener('01 Dec 2024', 'Opening balance'), ...notice(splitLines(DECEMBER, WRAP), NOTICE, 'to £500.00')]);
    expect(rowsOf(result)).toEqual(TRUTH);
    expect(result.warnings).toEqual([
      `2 line(s) of text in the table belong to no transaction and were left out: "${NOTICE}", "to £500.00".`,
    ]);
  });

  /** Rows whose amounts are printed on their last line (the date on the first). */
  const lastLines = (rows: readonly TruthRow[], wrap: Readonly<Record<number, string>>): SheetLine[] => {
    const after = balancesAfter(rows);
    return rows.flatMap((r, i): SheetLine[] => {
      const money = { [r.direction]: grouped(r.amount), bal: grouped(after[i]!) };
      const date = ddMonYYYY(r.date);
      return wrap[i] === undefined
        ? [{ date, desc: r.description, ...money }]
        : [
            { date, desc: r.description },
            { desc: wrap[i], ...money },
          ];
    });
  };

  test('amounts on the last line (read so from the rows): the notice is not the next row’s first line', async () => {
    const result = await read([opener('01 Dec 2024', 'Opening balance'), ...notice(lastLines(DECEMBER, WRAP), NOTICE)]);
    expect(rowsOf(result)).toEqual(TRUTH);
    expect(result.warnings).toEqual([`1 line(s) of text in the table belong to no transaction and were left out: "${NOTICE}".`]);
  });

  test('a layout known to print amounts on the last line (HSBC): the notice is not the next row’s first line', async () => {
    const top = ['HSBC UK Bank plc', ...TOP.slice(1)];
    const result = await read([opener('01 Dec 2024', 'BALANCE BROUGHT FORWARD'), ...notice(lastLines(DECEMBER, WRAP), NOTICE)], top);
    expect(result.metadata.layout).toBe('hsbc_pdf_v1');
    expect(rowsOf(result)).toEqual(TRUTH);
    expect(result.warnings).toEqual([`1 line(s) of text in the table belong to no transaction and were left out: "${NOTICE}".`]);
  });
});
