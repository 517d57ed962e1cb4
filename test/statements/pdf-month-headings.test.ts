/**
 * A month's heading printed in the description column ("January 2025", "JANUARY 2025") on a line of its own, no date
 * and no amount: it was joined to the description of the row above it ("CMS CHILD MAINT 121000000017 January 2025").
 * It is a heading, and no row's. Words that wrap under a row are still that row's, "JANUARY 2025" under a January row
 * among them. Each statement is drawn from the ground truth here and must read back exactly.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { balancesAfter, drawSheet, fiveColumns, type SheetLine, type TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { ddMonYYYY, grouped } from '../fixtures/pdf/generate.ts';

/** An invented December 2024 to February 2025 (the month changes twice mid-table). */
const THREE_MONTHS: readonly TruthRow[] = [
  { date: '2024-12-02', description: 'CMS CHILD MAINT 121000000017', amount: '433.33', direction: 'out' },
  { date: '2024-12-03', description: 'SALARY ACME WIDGETS LTD', amount: '2345.67', direction: 'in' },
  { date: '2024-12-30', description: 'CMS CHILD MAINT 121000000017', amount: '433.33', direction: 'out' },
  { date: '2025-01-03', description: 'SALARY ACME WIDGETS LTD', amount: '2345.67', direction: 'in' },
  { date: '2025-01-16', description: 'TRANSFER FROM CASEY TESTPERSON', amount: '150.00', direction: 'in' },
  { date: '2025-01-30', description: 'CMS CHILD MAINT 121000000017', amount: '433.33', direction: 'out' },
  { date: '2025-02-03', description: 'SALARY ACME WIDGETS LTD', amount: '2345.67', direction: 'in' },
  { date: '2025-02-11', description: 'DD SAMPLE ENERGY', amount: '98.50', direction: 'out' },
];
const TOP = [
  'Sample Building Society',
  'Jordan Sample',
  'Account number 12345678   Sort code 12-34-56',
  'Statement period 1 December 2024 to 28 February 2025',
];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const month = (iso: string) => Number(iso.slice(5, 7)) - 1;
const COLUMNS = fiveColumns(['Date', 'Description', 'Paid out', 'Paid in', 'Balance']);

type Heading = (r: TruthRow) => string;
const titleCase: Heading = (r) => `${MONTH[month(r.date)]} ${r.date.slice(0, 4)}`;
const upperCase: Heading = (r) => titleCase(r).toUpperCase();
const short: Heading = (r) => `${MONTH[month(r.date)]!.slice(0, 3)} ${r.date.slice(0, 4)}`;

/**
 * One line per row, a heading in the description column before each month's rows (`first`: the first month's too),
 * and `under` lines after a row (its description's second line).
 */
function sheet(heading: Heading, first: boolean, under: (r: TruthRow, i: number) => SheetLine[] = () => []): SheetLine[] {
  const after = balancesAfter(THREE_MONTHS);
  return THREE_MONTHS.flatMap((r, i) => {
    const prev = THREE_MONTHS[i - 1];
    const starts = prev === undefined ? first : month(prev.date) !== month(r.date);
    return [
      ...(starts ? [{ desc: heading(r) }] : []),
      { date: ddMonYYYY(r.date), desc: r.description, [r.direction]: grouped(r.amount), bal: grouped(after[i]!) },
      ...under(r, i),
    ];
  });
}

async function read(lines: SheetLine[]) {
  const result = await parsePdf({ bytes: await drawSheet({ top: TOP, columns: COLUMNS, lines }) });
  return {
    result,
    rows: result.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction })),
  };
}

describe('a month heading in the description column', () => {
  test.each([
    ['"January 2025" before each new month', titleCase, false],
    ['"JANUARY 2025" before each new month', upperCase, false],
    ['"Jan 2025" before each new month', short, false],
    ['"December 2024" over the first rows too', titleCase, true],
    ['"DECEMBER 2024" over the first rows too', upperCase, true],
  ])('%s: no row takes it into its description', async (_name, heading, first) => {
    const { result, rows } = await read(sheet(heading, first));
    expect(rows).toEqual(THREE_MONTHS);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('descriptions that wrap onto a second line keep it; the headings between them are left out', async () => {
    const wrap = (r: TruthRow, i: number): SheetLine[] => (i % 2 === 0 ? [{ desc: `REF ${1000 + i}` }] : []);
    const { result, rows } = await read(sheet(upperCase, true, wrap));
    expect(rows).toEqual(THREE_MONTHS.map((r, i) => (i % 2 === 0 ? { ...r, description: `${r.description} REF ${1000 + i}` } : r)));
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('"JANUARY 2025" wrapped under a January row, the next row in January too, is that row\'s', async () => {
    // Row 3 (3 January) wraps onto "JANUARY 2025": the month does not change there, so it is no heading.
    const wrap = (_r: TruthRow, i: number): SheetLine[] => (i === 3 ? [{ desc: 'JANUARY 2025' }] : []);
    const { rows } = await read(sheet(upperCase, false, wrap));
    expect(rows).toEqual(THREE_MONTHS.map((r, i) => (i === 3 ? { ...r, description: `${r.description} JANUARY 2025` } : r)));
  });
});
