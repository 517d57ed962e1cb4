/**
 * Lines in the date column that are not a row's date: a month's heading between the rows ("January 2025"), a
 * date printed over two lines ("11th" over "December", "2 Dec" over "2024"). A probe of January 2027 found each
 * ended the table there, every row under it dropped with no warning while the balance check said "ok". Each
 * statement is drawn from the ground truth here and must read back exactly; where rows are left outside the
 * table after all, the result must say so.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { balancesAfter, drawSheet, fiveColumns, type SheetLine, type TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { grouped } from '../fixtures/pdf/generate.ts';

/** An invented December 2024 and January 2025 (the month changes mid-table). */
const TWO_MONTHS: readonly TruthRow[] = [
  { date: '2024-12-02', description: 'CMS CHILD MAINT 121000000017', amount: '433.33', direction: 'out' },
  { date: '2024-12-03', description: 'SALARY ACME WIDGETS LTD', amount: '2345.67', direction: 'in' },
  { date: '2024-12-11', description: 'DD SAMPLE ENERGY', amount: '98.50', direction: 'out' },
  { date: '2024-12-30', description: 'CMS CHILD MAINT 121000000017', amount: '433.33', direction: 'out' },
  { date: '2025-01-03', description: 'SALARY ACME WIDGETS LTD', amount: '2345.67', direction: 'in' },
  { date: '2025-01-16', description: 'TRANSFER FROM CASEY TESTPERSON', amount: '150.00', direction: 'in' },
  { date: '2025-01-21', description: 'CARD REFUND SAMPLE SHOP', amount: '19.99', direction: 'in' },
  { date: '2025-01-30', description: 'CMS CHILD MAINT 121000000017', amount: '433.33', direction: 'out' },
];
const TOP = [
  'Sample Building Society',
  'Jordan Sample',
  'Account number 12345678   Sort code 12-34-56',
  'Statement period 1 December 2024 to 31 January 2025',
];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTH.map((m) => m.slice(0, 3));
const day = (iso: string) => Number(iso.slice(8, 10));
const month = (iso: string) => Number(iso.slice(5, 7)) - 1;
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** One line per row (its date as `date` prints it), with `between` lines before it and `under` lines after it. */
function sheet(
  date: (iso: string) => string,
  between: (r: TruthRow, prev: TruthRow | undefined) => SheetLine[] = () => [],
  under: (r: TruthRow) => SheetLine[] = () => [],
): SheetLine[] {
  const after = balancesAfter(TWO_MONTHS);
  return TWO_MONTHS.flatMap((r, i) => [
    ...between(r, TWO_MONTHS[i - 1]),
    { date: date(r.date), desc: r.description, [r.direction]: grouped(r.amount), bal: grouped(after[i]!) },
    ...under(r),
  ]);
}

async function read(lines: SheetLine[], top = TOP) {
  const result = await parsePdf({
    bytes: await drawSheet({ top, columns: fiveColumns(['Date', 'Description', 'Paid out', 'Paid in', 'Balance']), lines }),
  });
  return {
    result,
    rows: result.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction })),
  };
}

const monthHeading = (r: TruthRow, prev: TruthRow | undefined): SheetLine[] =>
  prev === undefined || month(prev.date) !== month(r.date) ? [{ date: `${MONTH[month(r.date)]} ${r.date.slice(0, 4)}` }] : [];

describe('lines in the date column that are not a row', () => {
  test.each([
    [
      'a month heading before each month\'s rows ("January 2025"), dates "2 Dec"',
      (iso: string) => `${day(iso)} ${SHORT[month(iso)]}`,
      monthHeading,
    ],
    ['a month heading, dates "02/12/2024"', (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, monthHeading],
  ])('%s: every row read, the heading no row', async (_name, date, between) => {
    const { result, rows } = await read(sheet(date, between));
    expect(rows).toEqual(TWO_MONTHS);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('the year on a line of its own under each row\'s "2 Dec": read as the row\'s date', async () => {
    const { result, rows } = await read(
      sheet(
        (iso) => `${day(iso)} ${SHORT[month(iso)]}`,
        () => [],
        (r) => [{ date: r.date.slice(0, 4) }],
      ),
    );
    expect(rows).toEqual(TWO_MONTHS);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('a date wrapped in a narrow column ("11th" over "December"): read as one date', async () => {
    // Every date of two words wraps: the day on the row's line, the month under it.
    const { result, rows } = await read(
      sheet(
        (iso) => ordinal(day(iso)),
        () => [],
        (r) => [{ date: MONTH[month(r.date)]! }],
      ),
    );
    expect(rows).toEqual(TWO_MONTHS);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('a "12" under "2 Dec" is no year: the line is no part of the date', async () => {
    const lines = sheet((iso) => `${day(iso)} ${SHORT[month(iso)]}`);
    // A stray number under the first row, in the date column.
    lines.splice(1, 0, { date: '12' });
    const { rows } = await read(lines);
    expect(rows.map((r) => r.date).slice(0, 4)).toEqual(TWO_MONTHS.slice(0, 4).map((r) => r.date));
  });

  test('rows left below where the table ends are named in a warning, never dropped silently', async () => {
    // A word in the date column (line 10) and a wide gap after it: the table ends there; the four January rows under
    // the gap are not read, and the warning names each of their lines.
    const lines = sheet(
      (iso) => `${day(iso)} ${SHORT[month(iso)]}`,
      (r, prev) => (prev && month(prev.date) !== month(r.date) ? ([{ date: 'Note' }, {}, {}, {}] as SheetLine[]) : []),
    );
    const { result, rows } = await read(lines);
    expect(rows).toEqual(TWO_MONTHS.slice(0, 4));
    const warning = result.warnings.find((w) => w.includes('not read'));
    expect(warning).toBe(
      '4 lines below where the table was taken to end read like transactions (a date and an amount) but were not read (page 1 line 11, page 1 line 12, page 1 line 13, page 1 line 14): the transactions given may be incomplete. Check the statement, or send a CSV export.',
    );
  });

  test('printed totals that disagree with the rows read are a warning, not only a failed check', async () => {
    // The summary prints money in £20.00 more than the rows give (computed: 2,345.67 + 2,345.67 + 150.00 + 19.99 = 4,861.33).
    const top = [...TOP, 'Money in £4,881.33'];
    const { result, rows } = await read(
      sheet((iso) => `${day(iso)} ${SHORT[month(iso)]}`),
      top,
    );
    expect(rows).toEqual(TWO_MONTHS);
    expect(result.checks.totals).toBe('failed');
    expect(result.warnings).toContain(
      'The totals printed on the statement do not agree with the transactions read, so some may be missing or misread: The printed money in is £4,881.33 but the 4 rows of money in add up to £4,861.33. Check the transactions against the statement.',
    );
  });
});
