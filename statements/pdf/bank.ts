/**
 * Bank statements: table lines into transactions (multi-line descriptions, dates printed once per day,
 * brought/carried forward lines, rows split across pages), then the checks that can be made: the running
 * balance row by row, and the printed totals and closing balance.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import { Dec, formatMoney, pounds } from '../../calc/money.ts';
import type { Direction } from '../../calc/ledger/entries.ts';
import { LIMITS, ParseError, type SourceLocation, type StatementChecks } from '../types.ts';
import type { Field, Line, TableLine } from './table.ts';
import { readBalance, resolveYear, signedBalance, type AmountToken, type BalanceSense } from './tokens.ts';

export type AmountLine = 'first' | 'last' | 'auto';

/** A balance line that is not a transaction. */
export type MarkerKind = 'open' | 'close' | 'total';

const OPEN_RE =
  /^(?:start(?:ing)? balance|opening balance|balance brought forward|brought forward|balance b\/?fwd|balance b\/f|b\/f|previous balance|balance from (?:previous |last )?statement\b.*)$/i;
const CLOSE_RE =
  /^(?:end(?:ing)? balance|closing balance|balance carried forward|carried forward|balance c\/?fwd|balance c\/f|c\/f|new balance)$/i;
const TOTAL_RE = /^(?:totals?|total payments|statement totals|balance totals|total to pay)\b/i;

export function markerKind(description: string): MarkerKind | undefined {
  const d = description.trim();
  if (OPEN_RE.test(d)) return 'open';
  if (CLOSE_RE.test(d)) return 'close';
  if (TOTAL_RE.test(d)) return 'total';
  return undefined;
}

/** A table row being put together from its lines. */
export interface RawRow {
  date?: CivilDate;
  readonly desc: string[];
  readonly type: string[];
  money: Partial<Record<Field, AmountToken>>;
  readonly page: number;
  /** The number on its page of the row's first line (a wrapped row is cited by its first line). */
  readonly line: number;
}

/** Where a row is printed: the page and line of its first line. */
export const sourceOf = (row: { readonly page: number; readonly line: number }): SourceLocation => ({ page: row.page, line: row.line });

export type Event =
  | { kind: 'row'; row: RawRow }
  | { kind: 'marker'; which: MarkerKind; balance?: Dec; money: Partial<Record<Field, AmountToken>>; page: number };

/** Money fields that make a line a transaction (the balance alone does not). */
export function hasEntryMoney(t: TableLine, fields: readonly Field[]): boolean {
  return fields.some((f) => t.money[f] !== undefined);
}

/**
 * Puts table lines together into rows and balance markers.
 * - `first`: the amounts are on a row's first line; lines with text only continue the row above.
 * - `last`: the amounts are on a row's last line; lines with text only start (or continue) the next row.
 * - `auto`: `last` when some dated line has text but no amount, else `first`.
 */
export function assembleRows(
  lines: readonly TableLine[],
  options: {
    amountLine: AmountLine;
    entryFields: readonly Field[];
    period: { start?: CivilDate; end?: CivilDate };
    warnings: string[];
    balanceSense?: BalanceSense;
  },
): Event[] {
  const { entryFields, period, warnings } = options;
  let mode = options.amountLine;
  if (mode === 'auto') {
    mode = lines.some(
      (t) => t.date !== undefined && t.description !== '' && !hasEntryMoney(t, entryFields) && markerKind(t.description) === undefined,
    )
      ? 'last'
      : 'first';
  }
  const events: Event[] = [];
  let currentDate: CivilDate | undefined;
  let last: RawRow | undefined;
  let pending: RawRow | undefined;
  let orphanLines = 0;
  // A row starts on the line that opens it (in `last` mode, its first text line; else the line with its amounts).
  const newRow = (line: Line): RawRow => ({
    ...(currentDate ? { date: currentDate } : {}),
    desc: [],
    type: [],
    money: {},
    page: line.page,
    line: line.number,
  });
  for (const t of lines) {
    if (t.date) {
      const d = resolveYear(t.date, period, currentDate);
      if (d === undefined) {
        throw new ParseError(
          'parse_failed',
          'The statement prints dates without a year and its statement period could not be found, so the year of each transaction is unknown. Send a CSV export, or a statement that shows its period.',
        );
      }
      currentDate = d;
    }
    if (t.unreadable.length > 0)
      warnings.push(`Page ${t.line.page}: could not read "${t.unreadable.join('", "')}" as an amount; that line's figures were left out.`);
    const money = hasEntryMoney(t, entryFields);
    const marker = markerKind(t.description);
    if (marker && (!money || marker === 'total')) {
      const balance = t.money.balance ? readBalance(t.money.balance, options.balanceSense ?? 'bank') : undefined;
      events.push({ kind: 'marker', which: marker, ...(balance ? { balance } : {}), money: t.money, page: t.line.page });
      continue;
    }
    if (mode === 'last') {
      if (money) {
        const row = pending ?? newRow(t.line);
        if (t.description) row.desc.push(t.description);
        if (t.type) row.type.push(t.type);
        row.money = t.money;
        events.push({ kind: 'row', row });
        last = row;
        pending = undefined;
      } else if (t.description || t.type) {
        pending ??= newRow(t.line);
        if (t.description) pending.desc.push(t.description);
        if (t.type) pending.type.push(t.type);
      }
    } else if (money) {
      const row = newRow(t.line);
      if (t.description) row.desc.push(t.description);
      if (t.type) row.type.push(t.type);
      row.money = t.money;
      events.push({ kind: 'row', row });
      last = row;
    } else if (t.description || t.type) {
      if (last && t.date === undefined) {
        if (t.description) last.desc.push(t.description);
        if (t.type) last.type.push(t.type);
      } else {
        orphanLines++;
      }
    }
  }
  if (pending) warnings.push(`The last row ("${pending.desc.join(' ')}") has no amount and was left out.`);
  if (orphanLines > 0) warnings.push(`${orphanLines} line(s) of text in the table belong to no transaction and were left out.`);
  return events;
}

export interface BankRow {
  readonly date: CivilDate;
  readonly description: string;
  readonly amount: string;
  readonly direction: Direction;
  readonly balance?: string;
  /** Signed change to the balance. */
  readonly signed: Dec;
  readonly printedBalance?: Dec;
  /** Where the row is printed: the page and line of its first line. */
  readonly source: SourceLocation;
}

/** Turns assembled rows into transactions (money in or out), with the printed balance where there is one. */
export function bankRows(
  events: readonly Event[],
  unsignedAmount: Direction,
  warnings: string[],
): { rows: BankRow[]; order: (number | Event)[] } {
  const rows: BankRow[] = [];
  const order: (number | Event)[] = [];
  for (const e of events) {
    if (e.kind === 'marker') {
      order.push(e);
      continue;
    }
    const r = e.row;
    const description = [...r.type, ...r.desc].join(' ').replace(/\s+/g, ' ').trim();
    if (!r.date) {
      warnings.push(`Page ${r.page}: the row "${description}" has no date and was left out.`);
      continue;
    }
    let amount: AmountToken | undefined;
    let direction: Direction;
    const { out, in: inn, amount: single } = r.money;
    if (out && inn) {
      warnings.push(
        `Page ${r.page}: the row "${description}" on ${r.date} has amounts in both the money-out and money-in columns and was left out.`,
      );
      continue;
    }
    if (out) {
      amount = out;
      direction = 'out';
    } else if (inn) {
      amount = inn;
      direction = 'in';
    } else if (single) {
      amount = single;
      direction = single.suffix === 'dr' || single.minus ? 'out' : single.suffix === 'cr' ? 'in' : unsignedAmount;
    } else {
      continue;
    }
    const printedBalance = r.money.balance ? signedBalance(r.money.balance) : undefined;
    rows.push({
      date: r.date,
      description,
      amount: formatMoney(amount.value),
      direction,
      ...(printedBalance ? { balance: formatMoney(printedBalance) } : {}),
      signed: direction === 'in' ? amount.value : amount.value.negated(),
      ...(printedBalance ? { printedBalance } : {}),
      source: sourceOf(r),
    });
    order.push(rows.length - 1);
    if (rows.length > LIMITS.maxRows) {
      throw new ParseError('too_large', `The statement has more than ${LIMITS.maxRows} transactions; split it into shorter periods.`);
    }
  }
  return { rows, order };
}

/** Which way an unsigned amount in a single Amount column goes: in, unless only CR ever marks money in. */
export function unsignedDirection(lines: readonly TableLine[]): Direction {
  let cr = 0;
  let dr = 0;
  for (const t of lines) {
    const a = t.money.amount;
    if (!a) continue;
    if (a.suffix === 'cr') cr++;
    if (a.suffix === 'dr' || a.minus) dr++;
  }
  return cr > 0 && dr === 0 ? 'out' : 'in';
}

export interface Printed {
  opening?: Dec;
  closing?: Dec;
  paidIn?: Dec;
  paidOut?: Dec;
}

/** Checks the running balance row by row, and the printed totals and closing balance against the rows. */
export function checkBank(
  rows: readonly BankRow[],
  order: readonly (number | Event)[],
  printed: Printed,
  warnings: string[],
): StatementChecks {
  let known = printed.opening;
  let since = new Dec(0);
  let seenBalance = false;
  let firstBreak: StatementChecks['firstBreak'];
  let lastRow = -1;
  for (const o of order) {
    if (typeof o === 'number') {
      const r = rows[o]!;
      lastRow = o;
      since = since.plus(r.signed);
      if (r.printedBalance === undefined) continue;
      seenBalance = true;
      if (known !== undefined) {
        const expected = known.plus(since);
        if (!expected.equals(r.printedBalance) && !firstBreak) {
          firstBreak = { row: o, date: r.date, expected: formatMoney(expected), printed: formatMoney(r.printedBalance) };
        }
      }
      known = r.printedBalance;
      since = new Dec(0);
    } else if (o.kind === 'marker' && o.balance !== undefined) {
      seenBalance = true;
      if (known !== undefined) {
        const expected = known.plus(since);
        if (!expected.equals(o.balance)) {
          warnings.push(`Page ${o.page}: the balance line shows ${pounds(o.balance)} but the rows above give ${pounds(expected)}.`);
          if (!firstBreak && lastRow >= 0) {
            firstBreak = { row: lastRow, date: rows[lastRow]!.date, expected: formatMoney(expected), printed: formatMoney(o.balance) };
          }
        }
      }
      known = o.balance;
      since = new Dec(0);
    }
  }
  const runningBalance: StatementChecks['runningBalance'] = !seenBalance ? 'not_available' : firstBreak ? 'failed' : 'ok';

  let sumIn = new Dec(0);
  let sumOut = new Dec(0);
  for (const r of rows) {
    if (r.direction === 'in') sumIn = sumIn.plus(r.amount);
    else sumOut = sumOut.plus(r.amount);
  }
  const agree: string[] = [];
  const disagree: string[] = [];
  const compare = (what: string, printedValue: Dec | undefined, computed: Dec, how: string) => {
    if (printedValue === undefined) return;
    if (printedValue.equals(computed)) agree.push(`${what} ${pounds(printedValue)}`);
    else disagree.push(`the printed ${what} is ${pounds(printedValue)} but ${how} ${pounds(computed)}`);
  };
  compare('money in', printed.paidIn?.abs(), sumIn, `the ${rows.filter((r) => r.direction === 'in').length} rows of money in add up to`);
  compare(
    'money out',
    printed.paidOut?.abs(),
    sumOut,
    `the ${rows.filter((r) => r.direction === 'out').length} rows of money out add up to`,
  );
  if (printed.opening !== undefined) {
    compare(
      'closing balance',
      printed.closing,
      printed.opening.plus(sumIn).minus(sumOut),
      'the opening balance plus money in less money out is',
    );
  }
  const totals: StatementChecks['totals'] = agree.length + disagree.length === 0 ? 'not_available' : disagree.length > 0 ? 'failed' : 'ok';
  const totalsDetail =
    totals === 'not_available'
      ? undefined
      : totals === 'ok'
        ? `The printed ${agree.join(', ')} agree with the ${rows.length} rows.`
        : `${disagree.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('; ')}.`;
  return {
    runningBalance,
    ...(firstBreak ? { firstBreak } : {}),
    totals,
    ...(totalsDetail ? { totalsDetail } : {}),
  };
}
