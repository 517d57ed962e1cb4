/**
 * Dates printed month first ("Dec 2, 2024"), after a weekday ("Mon 02 Dec 2024") or run together ("02DEC24"): a
 * probe of December 2024 statements found each refused, every row "has no date". Each statement is drawn from the
 * ground truth here (test/fixtures/pdf/ground-truth-statement.ts) and must read back exactly.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { parseDateToken, splitLeadingDate } from '../../statements/pdf/tokens.ts';
import { DECEMBER, TOP, balancesAfter, drawSheet, fiveColumns, type TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { grouped } from '../fixtures/pdf/generate.ts';

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const parts = (iso: string) => ({ y: iso.slice(0, 4), m: MONTH[Number(iso.slice(5, 7)) - 1]!, d: iso.slice(8, 10) });

// The date column wide enough for "Mon 02 Dec 2024" (fiveColumns' 60 points is not).
const COLUMNS = fiveColumns(['Date', 'Description', 'Money out', 'Money in', 'Balance']).map((c) =>
  c.key === 'date' ? { ...c, w: 80 } : c.key === 'desc' ? { ...c, x: c.x + 20, w: c.w - 20 } : c,
);

async function read(date: (iso: string) => string) {
  const after = balancesAfter(DECEMBER);
  const lines = DECEMBER.map((r: TruthRow, i) => ({
    date: date(r.date),
    desc: r.description,
    ...(r.direction === 'out' ? { out: grouped(r.amount) } : { in: grouped(r.amount) }),
    bal: grouped(after[i]!),
  }));
  const result = await parsePdf({
    bytes: await drawSheet({ top: TOP, columns: COLUMNS, lines }),
  });
  return {
    result,
    rows: result.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction })),
  };
}

describe('dates in other forms', () => {
  test.each([
    ['month first, "Dec 2, 2024"', (iso: string) => `${parts(iso).m} ${Number(parts(iso).d)}, ${parts(iso).y}`],
    [
      'a weekday first, "Mon 02 Dec 2024"',
      (iso: string) => `${WEEKDAY[new Date(`${iso}T12:00:00Z`).getUTCDay()]} ${parts(iso).d} ${parts(iso).m} ${parts(iso).y}`,
    ],
    ['run together, "02DEC24"', (iso: string) => `${parts(iso).d}${parts(iso).m.toUpperCase()}${parts(iso).y.slice(2)}`],
  ])('%s: every row read exactly, the balances chaining', async (_name, date) => {
    const { result, rows } = await read(date);
    expect(rows).toEqual(DECEMBER);
    expect(result.checks.runningBalance).toBe('ok');
    expect(result.warnings).toEqual([]);
  });

  test('the forms as cells, and what stays no date', () => {
    expect(parseDateToken('Dec 2, 2024')).toEqual({ day: 2, month: 12, year: 2024 });
    expect(parseDateToken('December 2nd 2024')).toEqual({ day: 2, month: 12, year: 2024 });
    expect(parseDateToken('Dec 02')).toEqual({ day: 2, month: 12 });
    expect(parseDateToken('Monday, 2 December 2024')).toEqual({ day: 2, month: 12, year: 2024 });
    expect(parseDateToken('02DEC24')).toEqual({ day: 2, month: 12, year: 2024 });
    expect(splitLeadingDate('Mon 02 Dec 2024 SALARY ACME')).toEqual({ date: { day: 2, month: 12, year: 2024 }, rest: 'SALARY ACME' });
    // Words that are not a month, a day past the month's end, and a weekday alone are not dates.
    for (const text of ['Pay 12', 'Feb 30, 2024', 'Mon', 'Monday', '31NOV24', 'TESCO 2041']) expect(parseDateToken(text)).toBeUndefined();
  });
});
