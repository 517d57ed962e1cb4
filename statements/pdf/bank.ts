/**
 * Bank statements: table lines into transactions (multi-line descriptions, dates printed once per day,
 * brought/carried forward lines, rows split across pages), then the checks that can be made: the running
 * balance row by row, and the printed totals and closing balance.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import { Dec, formatPence, fromPence, pounds } from '../../calc/money.ts';
import type { Direction } from '../../calc/ledger/entries.ts';
import { LIMITS, ParseError, type SourceLocation, type StatementChecks } from '../types.ts';
import type { Field, Line, TableLine } from './table.ts';
import type { ChainBreak, ChainChoice, PrintedItem, PrintedRow } from './chain.ts';
import { amountValue, readBalance, resolveYear, type AmountToken, type BalanceSense, type DateToken } from './tokens.ts';
import type { MarkerKind } from '../balance-lines.ts';
import { balanceInWords, balanceLineKind, decideAmountLine, hasEntryMoney } from './amount-line.ts';
import { centredOwners, centredRows } from './centred-rows.ts';

export type AmountLine = 'first' | 'last' | 'auto';

export { markerKind, type MarkerKind } from '../balance-lines.ts';

/** A table row being put together from its lines. */
export interface RawRow {
  date?: CivilDate;
  readonly desc: string[];
  readonly type: string[];
  /** Text printed in a reference column, line by line (none: no such column, or nothing in it). */
  ref?: string[];
  money: Partial<Record<Field, AmountToken>>;
  readonly page: number;
  /** The number on its page of the row's first line (a wrapped row is cited by its first line). */
  readonly line: number;
}

/** Where a row is printed: the page and line of its first line. */
export const sourceOf = (row: { readonly page: number; readonly line: number }): SourceLocation => ({ page: row.page, line: row.line });

export type Event =
  | { kind: 'row'; row: RawRow }
  | {
      kind: 'marker';
      which: MarkerKind;
      balance?: Dec;
      money: Partial<Record<Field, AmountToken>>;
      page: number;
      /** The line on its page (where a break in the balance chain is reported). */
      line?: number;
    };

export { hasEntryMoney } from './amount-line.ts';

/** Whether a table line prints words: a description, a type or a reference. */
const hasWords = (t: TableLine) => Boolean(t.description || t.type || t.reference);

/** A line's words added to the row they belong to. */
function addWords(row: RawRow, t: TableLine): void {
  if (t.description) row.desc.push(t.description);
  if (t.type) row.type.push(t.type);
  if (t.reference) (row.ref ??= []).push(t.reference);
}

/** A line's words as a row that belongs to no row is named in a warning. */
const wordsOf = (t: TableLine) => [t.type, t.description, t.reference].filter(Boolean).join(' ');

/**
 * Puts table lines together into rows and balance markers.
 * - `first`: the amounts are on a row's first line; lines with text only continue the row above.
 * - `last`: the amounts are on a row's last line; lines with text only start (or continue) the next row.
 * - `auto`: whichever the lines show (amount-line.ts).
 * A known bank's `first` or `last` is a hint: the lines overrule it where they show the other (amount-line.ts).
 * A line of words with a date, whose row has a date already (a notice, a balance line in words not known),
 * belongs to no row: it is left out, with a warning.
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
  // Amounts centred on a row's lines (centred-rows.ts): each line of words goes to the amount line it belongs to.
  const centred = centredRows(lines, entryFields) ? centredOwners(lines, entryFields) : undefined;
  const mode = decideAmountLine(lines, entryFields, options.amountLine === 'auto' ? undefined : options.amountLine);
  const byLine = new Map<number, RawRow>();
  const above = new Map<number, TableLine[]>();
  const events: Event[] = [];
  let currentDate: CivilDate | undefined;
  let last: RawRow | undefined;
  let pending: RawRow | undefined;
  const orphans: string[] = [];
  let rowSeen = false;
  // A row starts on the line that opens it (in `last` mode, its first text line; else the line with its amounts).
  const newRow = (line: Line): RawRow => ({
    ...(currentDate ? { date: currentDate } : {}),
    desc: [],
    type: [],
    money: {},
    page: line.page,
    line: line.number,
  });
  // A row takes the date printed on any of its own lines (some layouts print it on the amount line, under
  // the description); only a row that prints none carries the date of the row before (the same day).
  const dated = new Set<RawRow>();
  const ownDate = (row: RawRow, t: TableLine) => {
    if (t.date && currentDate && !dated.has(row)) {
      row.date = currentDate;
      dated.add(row);
    }
  };
  // The same printed date after the same row's date resolves the same way: worked out once.
  const resolved = new Map<string, CivilDate | undefined>();
  const resolve = (date: DateToken, previous: CivilDate | undefined): CivilDate | undefined => {
    const key = `${date.day}|${date.month}|${date.year ?? ''}|${previous ?? ''}`;
    if (resolved.has(key)) return resolved.get(key);
    const d = resolveYear(date, period, previous);
    resolved.set(key, d);
    return d;
  };
  for (const [index, printed] of lines.entries()) {
    const t = balanceInWords(printed, entryFields) ?? printed;
    if (t.date) {
      const d = resolve(t.date, currentDate);
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
    const marker = balanceLineKind(t, entryFields, rowSeen || pending !== undefined);
    if (marker && (!money || marker === 'total')) {
      const balance = t.money.balance ? readBalance(t.money.balance, options.balanceSense ?? 'bank') : undefined;
      events.push({
        kind: 'marker',
        which: marker,
        ...(balance ? { balance } : {}),
        money: t.money,
        page: t.line.page,
        line: t.line.number,
      });
      continue;
    }
    if (centred) {
      const owner = centred.get(index);
      if (money) {
        const row = newRow(t.line);
        for (const w of [...(above.get(index) ?? []), t]) {
          ownDate(row, w);
          addWords(row, w);
        }
        row.money = t.money;
        events.push({ kind: 'row', row });
        byLine.set(index, row);
        rowSeen = true;
      } else if (owner === undefined && hasWords(t)) {
        orphans.push(wordsOf(t));
      } else if (owner !== undefined && owner > index) {
        above.set(owner, [...(above.get(owner) ?? []), t]);
      } else if (owner !== undefined) {
        addWords(byLine.get(owner)!, t);
      }
      continue;
    }
    if (mode === 'last') {
      if (t.date && pending && dated.has(pending)) {
        // A dated row whose amounts never came before the next date: a notice, not a row's first line.
        orphans.push([...pending.type, ...pending.desc, ...(pending.ref ?? [])].join(' '));
        pending = undefined;
      }
      if (money) {
        const row = pending ?? newRow(t.line);
        ownDate(row, t);
        addWords(row, t);
        row.money = t.money;
        events.push({ kind: 'row', row });
        rowSeen = true;
        last = row;
        pending = undefined;
      } else if (hasWords(t)) {
        pending ??= newRow(t.line);
        ownDate(pending, t);
        addWords(pending, t);
      }
    } else if (money) {
      const row = newRow(t.line);
      ownDate(row, t);
      addWords(row, t);
      row.money = t.money;
      events.push({ kind: 'row', row });
      rowSeen = true;
      last = row;
    } else if (hasWords(t)) {
      if (last && t.date === undefined) {
        addWords(last, t);
      } else {
        orphans.push(wordsOf(t));
        // Words under a line that belongs to no row (a notice run over two lines) do not join the row above it.
        last = undefined;
      }
    }
  }
  if (pending) warnings.push(`The last row ("${pending.desc.join(' ')}") has no amount and was left out.`);
  if (orphans.length > 0) {
    const shown = orphans.slice(0, 3).map((o) => JSON.stringify(o));
    const more = orphans.length > 3 ? ` and ${orphans.length - 3} more` : '';
    warnings.push(`${orphans.length} line(s) of text in the table belong to no transaction and were left out: ${shown.join(', ')}${more}.`);
  }
  return events;
}

export interface BankRow {
  readonly date: CivilDate;
  readonly description: string;
  readonly amount: string;
  readonly direction: Direction;
  readonly balance?: string;
  readonly reference?: string;
  /** Signed change to the balance, in pence (+ in, − out). */
  readonly signed: number;
  /** Where the row is printed: the page and line of its first line. */
  readonly source: SourceLocation;
}

/** A row as printed, with its description: what the balance chain reads (chain.ts). */
export interface PrintedBankRow extends PrintedRow {
  readonly description: string;
  /** What a reference column prints for the row. */
  readonly reference?: string;
}

const unsignedToken = (a: AmountToken) => !a.minus && !a.plus && a.suffix === undefined;
const TYPE_OUT = new Set(['dr', 'debit', 'paid out', 'money out']);
const TYPE_IN = new Set(['cr', 'credit', 'paid in', 'money in']);

/** The way a type cell says money went, as an amount's marker: only where it says nothing else. */
function typeDirection(text: string): 'dr' | 'cr' | undefined {
  const word = text.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
  return TYPE_OUT.has(word) ? 'dr' : TYPE_IN.has(word) ? 'cr' : undefined;
}

/**
 * The assembled rows as printed, and the rows and balance lines in print order, for the chain to read.
 * A row without a date, or with amounts in both the money-out and money-in columns, is left out with a warning.
 */
export function printedRows(events: readonly Event[], warnings: string[]): { rows: PrintedBankRow[]; items: PrintedItem[] } {
  const rows: PrintedBankRow[] = [];
  const items: PrintedItem[] = [];
  for (const e of events) {
    if (e.kind === 'marker') {
      const token = e.money.balance;
      if (token) items.push({ balance: token, source: { page: e.page, line: e.line ?? 0 } });
      continue;
    }
    const r = e.row;
    // A type column that says only which way an unsigned amount went ("Debit", "Credit", "DR", "CR") is the amount's
    // sign, not part of what the row was: read as the amount's marker, and left out of the description.
    const said = r.type.length === 1 && r.money.amount && unsignedToken(r.money.amount) ? typeDirection(r.type[0]!) : undefined;
    if (said) r.money = { ...r.money, amount: { ...r.money.amount!, suffix: said } };
    const description = [...(said ? [] : r.type), ...r.desc].join(' ').replace(/\s+/g, ' ').trim();
    if (!r.date) {
      warnings.push(`Page ${r.page}: the row "${description}" has no date and was left out.`);
      continue;
    }
    const { out, in: inn, amount, balance } = r.money;
    if (out && inn) {
      warnings.push(
        `Page ${r.page}: the row "${description}" on ${r.date} has amounts in both the money-out and money-in columns and was left out.`,
      );
      continue;
    }
    if (!out && !inn && !amount) continue;
    const reference = (r.ref ?? []).join(' ').replace(/\s+/g, ' ').trim();
    rows.push({
      date: r.date,
      description,
      ...(reference ? { reference } : {}),
      ...(out ? { out } : {}),
      ...(inn ? { in: inn } : {}),
      ...(amount ? { amount } : {}),
      ...(balance ? { balance } : {}),
      source: sourceOf(r),
    });
    items.push(rows.length - 1);
    if (rows.length > LIMITS.maxRows) {
      throw new ParseError('too_large', `The statement has more than ${LIMITS.maxRows} transactions; split it into shorter periods.`);
    }
  }
  return { rows, items };
}

/** The rows as the chosen reading reads them, oldest first. */
export function bankRows(printed: readonly PrintedBankRow[], choice: ChainChoice): BankRow[] {
  const rows = printed.map((p, i): BankRow => {
    const r = choice.rows[i]!;
    return {
      date: p.date,
      description: p.description,
      amount: formatPence(r.amount),
      direction: r.direction,
      ...(r.balance !== undefined ? { balance: formatPence(r.balance) } : {}),
      ...(p.reference !== undefined ? { reference: p.reference } : {}),
      signed: r.signed,
      source: p.source,
    };
  });
  return choice.reading.newestFirst ? rows.reverse() : rows;
}

export interface Printed {
  opening?: Dec;
  closing?: Dec;
  paidIn?: Dec;
  paidOut?: Dec;
}

/**
 * The checks: the running balance as the chain found it under the chosen reading (its first break, counted
 * in the rows oldest first), and the printed totals and closing balance against the rows.
 */
export function checkBank(
  rows: readonly BankRow[],
  choice: ChainChoice,
  printed: Printed,
  balances: boolean,
  warnings: string[],
): StatementChecks {
  const n = rows.length;
  const index = (printedIndex: number) => (choice.reading.newestFirst ? n - 1 - printedIndex : printedIndex);
  let firstBreak: StatementChecks['firstBreak'];
  let said = false;
  for (const b of choice.walk.breaks) {
    // No reading made the chain hold: say where it first breaks, in words, rather than guess which row is wrong.
    if (!b.mark && !said) {
      said = true;
      const what = describeBreak(b);
      warnings.push(
        `${what[0]!.toUpperCase()}${what.slice(1)}; no reading of the columns makes every balance add up, so the rows are given as printed: check that row against the statement.`,
      );
    }
    if (b.mark) {
      warnings.push(
        `Page ${b.source.page}: the balance line shows ${pounds(fromPence(b.printed))} but the rows above give ${pounds(fromPence(b.expected))}.`,
      );
    }
    if (!firstBreak && b.row !== undefined && b.date !== undefined) {
      firstBreak = { row: index(b.row), date: b.date, expected: formatPence(b.expected), printed: formatPence(b.printed) };
    }
  }
  const runningBalance: StatementChecks['runningBalance'] = !balances ? 'not_available' : choice.walk.breaks.length > 0 ? 'failed' : 'ok';

  // Summed in pence; a decimal only for the figures compared with the printed ones.
  let penceIn = 0;
  let penceOut = 0;
  for (const r of rows) {
    if (r.direction === 'in') penceIn += r.signed;
    else penceOut -= r.signed;
  }
  const sumIn = fromPence(penceIn);
  const sumOut = fromPence(penceOut);
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
        ? `The printed ${agree.join(', ')} ${agree.length === 1 ? 'agrees' : 'agree'} with the ${rows.length} rows.`
        : `${disagree.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('; ')}.`;
  return {
    runningBalance,
    ...(firstBreak ? { firstBreak } : {}),
    totals,
    ...(totalsDetail ? { totalsDetail } : {}),
  };
}

/** Where the chain first breaks, in words: the page and line, the balance before, the rows since, and what is printed. */
export function describeBreak(b: ChainBreak): string {
  const where = `page ${b.source.page}, line ${b.source.line}`;
  return `the running balance breaks at ${where}${b.date ? ` (${b.date})` : ''}: the balances before and the rows since give ${pounds(fromPence(b.expected))}, but ${pounds(fromPence(b.printed))} is printed`;
}

/** Pence from a decimal amount (two places). */
export const inPence = (d: Dec): number => Math.round(d.times(100).toNumber());

/**
 * The figures the table's own balance lines give: the opening before the first row, the closing after the
 * last, the totals line. With `owed`, the balances print what is owed (a card's): read as balances, negated.
 */
export function tableFigures(inTime: readonly Event[], sense: BalanceSense = 'bank'): Printed {
  const firstRow = inTime.findIndex((e) => e.kind === 'row');
  let lastRow = -1;
  for (let i = inTime.length - 1; i >= 0; i--) {
    if (inTime[i]!.kind === 'row') {
      lastRow = i;
      break;
    }
  }
  const open = inTime.slice(0, firstRow < 0 ? inTime.length : firstRow).find((e) => e.kind === 'marker' && e.balance !== undefined);
  const close = [...inTime.slice(lastRow + 1)].reverse().find((e) => e.kind === 'marker' && e.which !== 'total' && e.balance !== undefined);
  const total = inTime.find((e) => e.kind === 'marker' && e.which === 'total');
  const fig: Printed = {};
  const balance = (e: Event & { kind: 'marker' }) =>
    sense === 'owed' && e.money.balance ? readBalance(e.money.balance, 'owed').negated() : e.balance;
  if (open?.kind === 'marker' && open.balance) fig.opening = balance(open);
  if (close?.kind === 'marker' && close.balance) fig.closing = balance(close);
  if (total?.kind === 'marker') {
    if (total.money.in) fig.paidIn = amountValue(total.money.in);
    if (total.money.out) fig.paidOut = amountValue(total.money.out);
  }
  return fig;
}

/** What the chain decided that the headings alone did not say, as warnings (one sentence each). */
export function readingWarnings(choice: ChainChoice): string[] {
  const out: string[] = [];
  const r = choice.reading;
  if (choice.decided === 'by_chain') {
    if (r.swapInOut)
      out.push(
        'The running balance adds up only with the two amount columns the other way round from their headings (money out as money in); they were read that way. Check the columns.',
      );
    if (r.amountSign === 'inverted')
      out.push(
        'The running balance adds up only with "-" as money in and unsigned amounts as money out (as on a card statement); the amounts were read that way.',
      );
    if (r.amountSign === 'by_balance')
      out.push('The amounts carry no sign; each was read as money in or out from the running balance printed with it.');
    if (r.swapAmountBalance)
      out.push(
        'The running balance adds up only with the figure taken for the balance read as the amount and the other as the balance; they were read that way. Check the columns.',
      );
    if (r.balanceSense === 'owed')
      out.push(
        choice.walk.checked > 0
          ? 'The running balance adds up only with balances not marked "CR" read as owed (negative); they were read that way.'
          : 'The opening and closing balances printed agree with the transactions only read as what is owed (as on a card), not what is held; they were read that way (negative).',
      );
  }
  if (choice.undecided > 0)
    out.push(
      `${choice.undecided} unsigned amount${choice.undecided === 1 ? '' : 's'} could not be placed by the running balance and ${choice.undecided === 1 ? 'was' : 'were'} read the way most go; check ${choice.undecided === 1 ? 'it' : 'them'}.`,
    );
  if (choice.alternatives > 0)
    out.push(
      'The statement can be read more than one way with the running balance adding up; the reading closest to the headings was kept. Check the directions.',
    );
  return out;
}
