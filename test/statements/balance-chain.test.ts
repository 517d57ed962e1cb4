/**
 * The balance chain decides (issue 14 item 2): among the readings of a statement's money (which column is
 * money out, what a sign means, what a balance without CR means, which way the rows run, which way an
 * unsigned amount goes), the reader takes the one under which every printed balance is the one before plus
 * or minus the rows, and the period totals agree; when none does, it keeps the headings' reading and says
 * where the chain breaks (the row, its page and line, the figures) instead of guessing.
 * Expected figures are computed by hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import { parsePence } from '../../calc/money.ts';
import { describeBreak } from '../../statements/pdf/bank.ts';
import { chooseReading, type PrintedItem, type PrintedRow } from '../../statements/pdf/chain.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { AmountToken } from '../../statements/pdf/tokens.ts';
import { ANY_LAYOUTS, BROKEN_CHAIN, byName, renderAnyLayout } from '../fixtures/pdf/any-layout/generate.ts';

const tok = (text: string): AmountToken => {
  const m = /^(-)?([\d.]+)(?: (CR|DR))?$/.exec(text)!;
  return {
    pence: parsePence(m[2]!),
    minus: m[1] !== undefined,
    ...(m[3] ? { suffix: m[3] === 'CR' ? ('cr' as const) : ('dr' as const) } : {}),
  };
};
const at = (line: number) => ({ page: 1, line });
/** Rows on consecutive days from 1 March 2024, one a line from line 10. */
function rows(spec: { out?: string; in?: string; amount?: string; balance?: string }[]): { rows: PrintedRow[]; items: PrintedItem[] } {
  const out = spec.map((s, i) => ({
    date: `2024-03-${String(i + 1).padStart(2, '0')}`,
    ...(s.out ? { out: tok(s.out) } : {}),
    ...(s.in ? { in: tok(s.in) } : {}),
    ...(s.amount ? { amount: tok(s.amount) } : {}),
    ...(s.balance ? { balance: tok(s.balance) } : {}),
    source: at(10 + i),
  }));
  return { rows: out, items: out.map((_, i) => i) };
}
const directions = (c: ReturnType<typeof chooseReading>) => c.rows.map((r) => r.direction);

describe('choosing the reading', () => {
  test('the headings hold: kept as printed', () => {
    // 100.00 − 20.00 = 80.00; + 50.00 = 130.00.
    const t = rows([
      { out: '20.00', balance: '80.00' },
      { in: '50.00', balance: '130.00' },
    ]);
    const c = chooseReading(t.rows, t.items, { opening: 10000 });
    expect(c).toMatchObject({ decided: 'as_printed', alternatives: 0, undecided: 0, reading: { swapInOut: false, newestFirst: false } });
    expect(directions(c)).toEqual(['out', 'in']);
  });

  test('columns headed the wrong way round: the chain swaps them', () => {
    // Printed under "out" but the balance rises: 100.00 + 20.00 = 120.00, then 120.00 − 50.00 = 70.00.
    const t = rows([
      { out: '20.00', balance: '120.00' },
      { in: '50.00', balance: '70.00' },
    ]);
    const c = chooseReading(t.rows, t.items, { opening: 10000 });
    expect(c).toMatchObject({ decided: 'by_chain', reading: { swapInOut: true } });
    expect(directions(c)).toEqual(['in', 'out']);
    expect(c.rows.map((r) => r.balance)).toEqual([12000, 7000]);
  });

  test('with no balances printed, the period totals decide', () => {
    // Money in printed as £20.00 and money out as £50.00: only the swapped reading gives those sums.
    const t = rows([{ out: '20.00' }, { in: '50.00' }]);
    const c = chooseReading(t.rows, t.items, { paidIn: 2000, paidOut: 5000 });
    expect(c).toMatchObject({ decided: 'by_chain', reading: { swapInOut: true }, walk: { checked: 0 } });
  });

  test('unsigned amounts in one column: each takes the direction its balance shows', () => {
    // 100.00 → 75.00 (−25.00) → 275.00 (+200.00) → 265.01 (−9.99).
    const t = rows([
      { amount: '25.00', balance: '75.00' },
      { amount: '200.00', balance: '275.00' },
      { amount: '9.99', balance: '265.01' },
    ]);
    const c = chooseReading(t.rows, t.items, { opening: 10000 });
    expect(c).toMatchObject({ decided: 'by_chain', reading: { amountSign: 'by_balance' }, undecided: 0 });
    expect(directions(c)).toEqual(['out', 'in', 'out']);
  });

  test('unsigned amounts between two balances: the one choice of signs that leads from one to the other', () => {
    // 100.00 − 30.00 + 5.00 − 2.50 = 72.50 is the only way to 72.50 (balance printed on the third row only).
    const t = rows([{ amount: '30.00' }, { amount: '5.00' }, { amount: '2.50', balance: '72.50' }]);
    const c = chooseReading(t.rows, t.items, { opening: 10000 });
    expect(directions(c)).toEqual(['out', 'in', 'out']);
    expect(c.undecided).toBe(0);
  });

  test('unsigned amounts the balance cannot place: one choice that holds is taken, and they are counted as undecided', () => {
    // +10.00 − 10.00 and −10.00 + 10.00 both lead from 100.00 to 100.00.
    const t = rows([{ amount: '10.00' }, { amount: '10.00', balance: '100.00' }]);
    const c = chooseReading(t.rows, t.items, { opening: 10000 });
    expect(c).toMatchObject({ decided: 'by_chain', undecided: 2, walk: { breaks: [] } });
    expect(directions(c)).toEqual(['in', 'out']);
  });

  test('a card account: balances are owed, only credit is marked CR', () => {
    // Owed 120.00 (−120.00); a purchase of 54.20 → owed 174.20; a payment of 500.00 CR → 325.80 CR.
    const t = rows([
      { amount: '54.20', balance: '174.20' },
      { amount: '500.00 CR', balance: '325.80 CR' },
    ]);
    const c = chooseReading(t.rows, t.items, {});
    expect(c).toMatchObject({ decided: 'by_chain', reading: { balanceSense: 'owed' } });
    expect(directions(c)).toEqual(['out', 'in']);
    expect(c.rows.map((r) => r.balance)).toEqual([-17420, 32580]);
  });

  test('rows all on one day: the chain says they are newest first', () => {
    // Printed newest first: 70.00 (after −50.00), 120.00 (after +20.00), from 100.00.
    const t = rows([
      { out: '50.00', balance: '70.00' },
      { in: '20.00', balance: '120.00' },
    ]);
    const same = t.rows.map((r) => ({ ...r, date: '2024-03-01' }));
    const c = chooseReading(same, t.items, { opening: 10000 });
    expect(c).toMatchObject({ reading: { newestFirst: true, swapInOut: false } });
  });

  test('no reading fits: the headings are kept and the first break is given, with its place and figures', () => {
    // 100.00 − 20.00 = 80.00 holds; 80.00 + 50.00 = 130.00 but 135.00 is printed; 135.00 − 5.00 = 130.00 holds.
    const t = rows([
      { out: '20.00', balance: '80.00' },
      { in: '50.00', balance: '135.00' },
      { out: '5.00', balance: '130.00' },
    ]);
    const c = chooseReading(t.rows, t.items, { opening: 10000 });
    expect(c).toMatchObject({ decided: 'no_fit', reading: { swapInOut: false, amountSign: 'printed', balanceSense: 'bank' } });
    expect(directions(c)).toEqual(['out', 'in', 'out']);
    expect(c.walk.breaks).toEqual([{ row: 1, source: { page: 1, line: 11 }, date: '2024-03-02', expected: 13000, printed: 13500 }]);
    expect(describeBreak(c.walk.breaks[0]!)).toBe(
      'the running balance breaks at page 1, line 11 (2024-03-02): the balances before and the rows since give £130.00, but £135.00 is printed',
    );
  });

  test('a brought-forward line that does not follow: the break names the line, not a row', () => {
    // 100.00 − 20.00 = 80.00; the next page brings forward 90.00 (page 2, line 7).
    const t = rows([
      { out: '20.00', balance: '80.00' },
      { in: '1.00', balance: '91.00' },
    ]);
    const mark = { balance: tok('90.00'), source: { page: 2, line: 7 } };
    const c = chooseReading(t.rows, [0, mark, 1], { opening: 10000 });
    expect(c.decided).toBe('no_fit');
    expect(c.walk.breaks).toEqual([{ row: 0, date: '2024-03-01', mark, source: { page: 2, line: 7 }, expected: 8000, printed: 9000 }]);
  });

  test('two readings fit and differ: the nearer the headings is kept, the other counted', () => {
    // No balances; money in and money out both £10.00: either column could be either.
    const t = rows([{ out: '10.00' }, { in: '10.00' }]);
    const c = chooseReading(t.rows, t.items, { paidIn: 1000, paidOut: 1000 });
    expect(c).toMatchObject({ decided: 'as_printed', alternatives: 1, reading: { swapInOut: false } });
  });
});

describe('a statement whose chain breaks (drawn from ground truth)', () => {
  test('the rows are read as the headings say, and the break is reported at its row, page and line', async () => {
    const { bytes, expected } = await renderAnyLayout(BROKEN_CHAIN);
    const r = await parsePdf({ bytes });
    // The money is read as printed: every row as the truth has it (the misprinted balance as printed).
    expect(r.transactions.map(({ fingerprint: _f, ...t }) => t)).toEqual(expected);
    // After the refund: 771.35 − 1,204.99 + 64.99 = −368.65 (computed); the statement prints −378.65.
    expect(r.checks).toMatchObject({
      runningBalance: 'failed',
      firstBreak: { row: 9, date: '2024-01-05', expected: '-368.65', printed: '-378.65' },
      totals: 'ok',
    });
    expect(r.transactions[9]!.source).toEqual(expected[9]!.source);
    expect(r.transactions[9]!.source!.page).toBe(2);
    expect(r.confidence).toBeLessThan(0.5);
  });

  test('confidence follows the chain: held as printed > decided by the chain > broken', async () => {
    const conf = async (l: (typeof ANY_LAYOUTS)[number]) => (await parsePdf({ bytes: (await renderAnyLayout(l)).bytes })).confidence;
    const asPrinted = await conf(byName('posted-payee-withdrawals-deposits'));
    const byChain = await conf(byName('ambiguous-amount-columns-in-first'));
    const broken = await conf(BROKEN_CHAIN);
    expect(asPrinted).toBeGreaterThan(byChain);
    expect(byChain).toBeGreaterThan(broken);
    expect(asPrinted).toBeGreaterThanOrEqual(0.9);
  });
});
