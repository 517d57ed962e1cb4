/**
 * The balance chain decides how a bank statement's money is read. Where running balances are printed, every
 * balance must be the one before it plus or minus the row, from the opening balance to the closing one, and
 * the rows must add up to the printed period totals. A statement can often be read more than one way (which
 * of two columns is money out, whether "-" means out or in, what a balance without "CR" or "DR" means, which
 * way the rows run, which way an unsigned amount goes); each reading is tried, in order of what the headings
 * say, and the first under which the chain and the totals hold is taken. When none holds, the headings'
 * reading is kept and the chain's first break says where (page, line, figures): the reader does not guess.
 *
 * Amounts are whole pence here (integers), so trying a reading is one pass over the rows without decimals.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { Direction } from '../../calc/ledger/entries.ts';
import type { SourceLocation } from '../types.ts';
import { balanceNegative, type AmountToken } from './tokens.ts';

/** A transaction row as printed, before a reading says which way its money goes. */
export interface PrintedRow {
  readonly date: CivilDate;
  readonly out?: AmountToken;
  readonly in?: AmountToken;
  readonly amount?: AmountToken;
  readonly balance?: AmountToken;
  readonly source: SourceLocation;
}

/** A balance line between rows (brought forward, carried forward, end balance). */
export interface PrintedMark {
  readonly balance: AmountToken;
  readonly source: SourceLocation;
}

/** The rows and balance lines in the order they are printed: a row by its index, a balance line as itself. */
export type PrintedItem = number | PrintedMark;

/** The figures the statement prints for the whole period (pence; undefined where it prints none). */
export interface PeriodFigures {
  readonly opening?: number;
  readonly closing?: number;
  readonly paidIn?: number;
  readonly paidOut?: number;
}

/** One way of reading the statement's money. */
export interface Reading {
  /** The money-out and money-in columns the other way round from their headings. */
  readonly swapInOut: boolean;
  /**
   * A single amount column: "-" (or DR) is money out and an unsigned amount goes the way most do
   * (`printed`); "-" is money in and an unsigned amount is money out, as on a card statement (`inverted`);
   * or an unsigned amount goes whichever way its printed balance says (`by_balance`).
   */
  readonly amountSign: 'printed' | 'inverted' | 'by_balance';
  /**
   * A balance without a sign or marker: in credit, as on a bank account (`bank`), or owed, as on a card
   * account that marks only its credit balances "CR" (`owed`, read as negative).
   */
  readonly balanceSense: 'bank' | 'owed';
  /** The rows are printed newest first. */
  readonly newestFirst: boolean;
  /**
   * Which of a line's two figures is the balance: the one in the balance column (false), or the other
   * (true: a table found from its rows, where the right-hand figure was taken for the balance and is not).
   */
  readonly swapAmountBalance?: boolean;
}

/** A row under a reading. */
export interface ReadRow {
  readonly direction: Direction;
  /** Pence, positive. */
  readonly amount: number;
  /** Pence: + in, − out. */
  readonly signed: number;
  /** Pence, negative when overdrawn. */
  readonly balance?: number;
}

/** Where the chain breaks: the row (or balance line) whose printed balance is not the one before ± the rows. */
export interface ChainBreak {
  /** The row (index into the rows as printed) whose balance breaks, or the last row before a balance line that does. */
  readonly row?: number;
  /** The balance line that breaks, when it is one. */
  readonly mark?: PrintedMark;
  readonly source: SourceLocation;
  readonly date?: CivilDate;
  /** Pence: the previous balance plus or minus the rows since. */
  readonly expected: number;
  /** Pence: as printed. */
  readonly printed: number;
}

/** The chain walked under one reading, in the order the rows happened. */
export interface ChainWalk {
  /** How many printed balances could be checked against the one before. */
  readonly checked: number;
  readonly breaks: readonly ChainBreak[];
}

export interface TotalsCheck {
  readonly agree: number;
  readonly disagree: number;
}

export interface ChainChoice {
  readonly reading: Reading;
  readonly rows: readonly ReadRow[];
  readonly walk: ChainWalk;
  readonly totals: TotalsCheck;
  /**
   * How the reading was settled: the headings' reading holds (`as_printed`); another reading holds and was
   * taken (`by_chain`); none holds, so the headings' reading is kept and the break reported (`no_fit`);
   * nothing printed could check it (`unchecked`).
   */
  readonly decided: 'as_printed' | 'by_chain' | 'no_fit' | 'unchecked';
  /** Other readings that hold as well and read some row another way (the statement is ambiguous). */
  readonly alternatives: number;
  /** Unsigned amounts whose direction the balance could not settle (read the way most go). */
  readonly undecided: number;
}

const pence = (a: AmountToken) => a.pence;

function balanceOf(a: AmountToken, sense: Reading['balanceSense']): number {
  // Bank: negative when overdrawn. Owed: what is owed counts negative here, so a credit ("CR", "-") positive.
  const negative = balanceNegative(a, sense);
  const p = sense === 'bank' ? (negative ? -a.pence : a.pence) : negative ? a.pence : -a.pence;
  return p === 0 ? 0 : p;
}

const unsigned = (a: AmountToken) => !a.minus && !a.plus && a.suffix === undefined;

/** Which way an unsigned amount in a single column goes by default: in, unless only CR ever marks money in. */
export function defaultDirection(rows: readonly PrintedRow[]): Direction {
  let cr = 0;
  let dr = 0;
  for (const r of rows) {
    const a = r.amount;
    if (!a) continue;
    if (a.suffix === 'cr' || a.plus) cr++;
    if (a.suffix === 'dr' || a.minus) dr++;
  }
  return cr > 0 && dr === 0 ? 'out' : 'in';
}

function directionOf(r: PrintedRow, reading: Reading, unsignedWay: Direction): { token: AmountToken; direction: Direction } | undefined {
  const out = reading.swapInOut ? r.in : r.out;
  const inn = reading.swapInOut ? r.out : r.in;
  if (out) return { token: out, direction: 'out' };
  if (inn) return { token: inn, direction: 'in' };
  const a = r.amount;
  if (!a) return undefined;
  if (a.suffix === 'dr') return { token: a, direction: 'out' };
  if (a.suffix === 'cr') return { token: a, direction: 'in' };
  if (reading.amountSign === 'inverted') return { token: a, direction: a.minus ? 'in' : 'out' };
  if (a.minus) return { token: a, direction: 'out' };
  if (a.plus) return { token: a, direction: 'in' };
  return { token: a, direction: unsignedWay };
}

/**
 * The items in the order the rows happened. Newest first, a balance line between rows (carried and brought
 * forward at a page break) repeats the balance printed above it, the balance after the row above: in time it
 * follows that row. Balance lines above the first row, and the last line below the last row (the closing
 * and opening balances), turn round with the rows.
 */
function inTime(items: readonly PrintedItem[], newestFirst: boolean): readonly PrintedItem[] {
  if (!newestFirst) return items;
  const first = items.findIndex((i) => typeof i === 'number');
  const last = items.length - 1;
  const groups: PrintedItem[][] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'number' && first >= 0 && i > first && i < last) groups[groups.length - 1]!.push(item);
    else groups.push([item]);
  });
  return groups.reverse().flat();
}

/** Most unsigned amounts between two printed balances whose signs are searched for (2^12 sums). */
const MAX_FREE = 12;

/**
 * The rows under a reading. With `by_balance`, the unsigned amounts between two printed balances take the
 * signs that lead from the one to the other (where several do, the first, and they count as undecided); where
 * none do, or there are too many to try, they go the default way.
 */
export function readRows(
  rows: readonly PrintedRow[],
  items: readonly PrintedItem[],
  reading: Reading,
  opening: number | undefined,
): { rows: ReadRow[]; undecided: number } {
  const way = defaultDirection(rows);
  const read: ReadRow[] = rows.map((r) => {
    const d = directionOf(r, reading, way);
    const amount = d ? pence(d.token) : 0;
    const signed = d?.direction === 'in' ? amount : -amount;
    return {
      direction: d?.direction ?? 'in',
      amount,
      signed: signed === 0 ? 0 : signed,
      ...(r.balance ? { balance: balanceOf(r.balance, reading.balanceSense) } : {}),
    };
  });
  if (reading.amountSign !== 'by_balance') return { rows: read, undecided: 0 };
  let undecided = 0;
  let known = opening;
  let group: number[] = [];
  const settle = (target: number) => {
    const free = group.filter((i) => rows[i]!.amount !== undefined && unsigned(rows[i]!.amount!));
    if (free.length === 0) return;
    if (known === undefined || free.length > MAX_FREE) {
      undecided += free.length;
      return;
    }
    const fixed = group.filter((i) => !free.includes(i)).reduce((s, i) => s + read[i]!.signed, 0);
    const need = target - known - fixed;
    let found = -1;
    let count = 0;
    for (let mask = 0; mask < 1 << free.length && count < 2; mask++) {
      let sum = 0;
      for (let k = 0; k < free.length; k++) sum += mask & (1 << k) ? read[free[k]!]!.amount : -read[free[k]!]!.amount;
      if (sum === need) {
        if (count === 0) found = mask;
        count++;
      }
    }
    if (count === 0) return;
    // Two or more choices lead there: the first (in order of the rows, money out before in) is taken and
    // the rows are counted as undecided, so the warning and the confidence say so.
    if (count > 1) undecided += free.length;
    free.forEach((i, k) => {
      const r = read[i]!;
      const direction: Direction = found & (1 << k) ? 'in' : 'out';
      read[i] = { ...r, direction, signed: direction === 'in' ? r.amount : -r.amount };
    });
  };
  for (const item of inTime(items, reading.newestFirst)) {
    if (typeof item === 'number') {
      group.push(item);
      const b = read[item]!.balance;
      if (b === undefined) continue;
      settle(b);
      known = b;
      group = [];
    } else {
      const b = balanceOf(item.balance, reading.balanceSense);
      settle(b);
      known = b;
      group = [];
    }
  }
  return { rows: read, undecided };
}

/** Walks the chain in the order the rows happened: each printed balance against the one before plus the rows since. */
export function walkChain(
  rows: readonly PrintedRow[],
  read: readonly ReadRow[],
  items: readonly PrintedItem[],
  reading: Reading,
  opening: number | undefined,
): ChainWalk {
  let known = opening;
  let since = 0;
  let checked = 0;
  let lastRow: number | undefined;
  const breaks: ChainBreak[] = [];
  for (const item of inTime(items, reading.newestFirst)) {
    if (typeof item === 'number') {
      const r = read[item]!;
      lastRow = item;
      since += r.signed;
      if (r.balance === undefined) continue;
      if (known !== undefined) {
        checked++;
        if (known + since !== r.balance) {
          breaks.push({ row: item, source: rows[item]!.source, date: rows[item]!.date, expected: known + since, printed: r.balance });
        }
      }
      known = r.balance;
      since = 0;
    } else {
      const b = balanceOf(item.balance, reading.balanceSense);
      if (known !== undefined) {
        checked++;
        if (known + since !== b) {
          breaks.push({
            ...(lastRow !== undefined ? { row: lastRow, date: rows[lastRow]!.date } : {}),
            mark: item,
            source: item.source,
            expected: known + since,
            printed: b,
          });
        }
      }
      known = b;
      since = 0;
    }
  }
  return { checked, breaks };
}

/** The printed period totals against the rows under a reading. */
export function checkTotals(read: readonly ReadRow[], printed: PeriodFigures): TotalsCheck {
  let sumIn = 0;
  let sumOut = 0;
  for (const r of read) {
    if (r.direction === 'in') sumIn += r.amount;
    else sumOut += r.amount;
  }
  let agree = 0;
  let disagree = 0;
  const compare = (p: number | undefined, computed: number) => {
    if (p === undefined) return;
    if (Math.abs(p) === computed) agree++;
    else disagree++;
  };
  compare(printed.paidIn, sumIn);
  compare(printed.paidOut, sumOut);
  if (printed.opening !== undefined && printed.closing !== undefined) {
    if (printed.opening + sumIn - sumOut === printed.closing) agree++;
    else disagree++;
  }
  return { agree, disagree };
}

/**
 * The readings worth trying for these rows, the headings' own first: the columns swapped only where there
 * are two; the amount's sign only where there is one column; the "owed" sense only where some balance is
 * marked CR and some is not marked at all; both orders only where the dates do not say; and, last, the
 * amount and the balance the other way round, only where one column of amounts always has a balance beside it.
 */
export function readingsFor(
  rows: readonly PrintedRow[],
  items: readonly PrintedItem[],
  order: 'oldest_first' | 'newest_first' | 'unknown',
): Reading[] {
  let two = false;
  let single = false;
  let signedAmount = false;
  let unsignedAmount = false;
  let balances = false;
  let cr = false;
  let plain = false;
  const noteBalance = (b: AmountToken) => {
    balances = true;
    if (b.suffix === 'cr') cr = true;
    if (unsigned(b)) plain = true;
  };
  for (const r of rows) {
    if (r.out || r.in) two = true;
    if (r.amount) {
      single = true;
      if (unsigned(r.amount)) unsignedAmount = true;
      else signedAmount = true;
    }
    if (r.balance) noteBalance(r.balance);
  }
  for (const i of items) if (typeof i !== 'number') noteBalance(i.balance);
  const swaps = two ? [false, true] : [false];
  const signs: Reading['amountSign'][] = ['printed'];
  if (single && unsignedAmount && balances) signs.push('by_balance');
  if (single && (signedAmount || unsignedAmount)) signs.push('inverted');
  // No balance printed with any row or line, and one column whose only marks are CR (a card's way: charges unsigned,
  // credits marked): only the summary's opening and closing balances can say whether they are held or owed (a card's
  // "Previous balance £612.40", "New balance £1,179.76" are owed; read as held, the totals broke with no reason given).
  const cardMarks = single && !two && defaultDirection(rows) === 'out';
  const senses: Reading['balanceSense'][] = (cr && plain) || (!balances && cardMarks) ? ['bank', 'owed'] : ['bank'];
  const orders = order === 'unknown' ? [false, true] : [order === 'newest_first'];
  const out: Reading[] = [];
  for (const newestFirst of orders)
    for (const balanceSense of senses)
      for (const swapInOut of swaps) for (const amountSign of signs) out.push({ swapInOut, amountSign, balanceSense, newestFirst });
  // Last: the other of two figures as the balance, where every line with an amount prints both.
  if (!two && single && rows.every((r) => !r.amount || r.balance)) {
    for (const r of [...out]) if (r.amountSign !== 'by_balance' || unsignedBalances(rows)) out.push({ ...r, swapAmountBalance: true });
  }
  return out;
}

/** Whether some balance is printed without a sign or marker (so, swapped in, it is an unsigned amount). */
const unsignedBalances = (rows: readonly PrintedRow[]) => rows.some((r) => r.balance && unsigned(r.balance));

/** The order the dates run in: up, down, or (all on one day, as many rises as falls) unknown. */
export function dateOrder(rows: readonly PrintedRow[], items: readonly PrintedItem[]): 'oldest_first' | 'newest_first' | 'unknown' {
  let rises = 0;
  let falls = 0;
  let prev: CivilDate | undefined;
  for (const i of items) {
    if (typeof i !== 'number') continue;
    const d = rows[i]!.date;
    if (prev !== undefined && prev < d) rises++;
    else if (prev !== undefined && prev > d) falls++;
    prev = d;
  }
  return rises > falls ? 'oldest_first' : falls > rises ? 'newest_first' : 'unknown';
}

const holds = (w: ChainWalk, t: TotalsCheck) => w.breaks.length === 0 && t.disagree === 0;

/**
 * Chooses the reading: the first (in the order {@link readingsFor} gives) under which every printed balance
 * follows from the one before and the totals agree; failing that, the first under which the chain alone
 * holds; failing that, the headings' reading, with the chain's breaks.
 */
export function chooseReading(rows: readonly PrintedRow[], items: readonly PrintedItem[], printed: PeriodFigures): ChainChoice {
  const readings = readingsFor(rows, items, dateOrder(rows, items));
  type Tried = { reading: Reading; rows: ReadRow[]; undecided: number; walk: ChainWalk; totals: TotalsCheck };
  const tried: Tried[] = [];
  const attempt = (reading: Reading): Tried => {
    const opening = printed.opening === undefined ? undefined : reading.balanceSense === 'owed' ? -printed.opening : printed.opening;
    const view = reading.swapAmountBalance ? swappedRows : rows;
    const r = readRows(view, items, reading, opening);
    const walk = walkChain(view, r.rows, items, reading, opening);
    const figures = reading.balanceSense === 'owed' ? negateBalances(printed) : printed;
    const t: Tried = { reading, rows: r.rows, undecided: r.undecided, walk, totals: checkTotals(r.rows, figures) };
    tried.push(t);
    return t;
  };
  const swappedRows = rows.map((r) => (r.amount && r.balance ? { ...r, amount: r.balance, balance: r.amount } : r));
  const first = attempt(readings[0]!);
  const checkable = first.walk.checked > 0 || first.totals.agree + first.totals.disagree > 0;
  if (!checkable) return choice(first, 'unchecked', 0);
  for (const r of readings.slice(1)) attempt(r);
  const fitting = tried.filter((t) => holds(t.walk, t.totals));
  const chainOnly = tried.filter((t) => t.walk.breaks.length === 0 && t.walk.checked > 0);
  const chosen = fitting[0] ?? chainOnly[0];
  if (!chosen) return choice(first, 'no_fit', 0);
  const pool = fitting.length > 0 ? fitting : chainOnly;
  const alternatives = pool.filter((t) => t !== chosen && t.rows.some((r, i) => r.signed !== chosen.rows[i]!.signed)).length;
  return choice(chosen, chosen === first ? 'as_printed' : 'by_chain', alternatives);

  function choice(t: Tried, decided: ChainChoice['decided'], alternatives: number): ChainChoice {
    return { reading: t.reading, rows: t.rows, walk: t.walk, totals: t.totals, decided, alternatives, undecided: t.undecided };
  }
}

function negateBalances(p: PeriodFigures): PeriodFigures {
  return {
    ...p,
    ...(p.opening !== undefined ? { opening: -p.opening } : {}),
    ...(p.closing !== undefined ? { closing: -p.closing } : {}),
  };
}
