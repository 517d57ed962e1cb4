/**
 * Putting a statement's rows in the order they happened, and checking its running balance row by row.
 * Banks list rows oldest first or newest first; the dates say which, and where they cannot (all on one
 * day), the running balance does.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { formatMoney, type Dec } from '../calc/money.ts';
import type { StatementChecks } from './types.ts';

export interface BalancedRow {
  readonly date: CivilDate;
  /** Positive for money in, negative for money out. */
  readonly signed: Dec;
  /** The running balance printed after this row. */
  readonly balance?: Dec;
}

export interface BalanceCheck {
  readonly status: StatementChecks['runningBalance'];
  readonly firstBreak?: NonNullable<StatementChecks['firstBreak']>;
  /** How many rows disagree with the row before (after a break the check carries on from the printed figure). */
  readonly breaks: number;
  /** How many rows could be checked. */
  readonly checked: number;
}

/** Checks each printed balance against the previous one plus or minus the row, in the order given. */
export function checkRunningBalance(rows: readonly BalancedRow[]): BalanceCheck {
  let running: Dec | undefined;
  let checked = 0;
  let breaks = 0;
  let firstBreak: BalanceCheck['firstBreak'];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (running !== undefined) running = running.plus(row.signed);
    if (row.balance === undefined) continue;
    if (running !== undefined) {
      checked++;
      if (!running.equals(row.balance)) {
        breaks++;
        firstBreak ??= { row: i, date: row.date, expected: formatMoney(running), printed: formatMoney(row.balance) };
      }
    }
    // Carry on from the printed figure, so that one wrong row is one break, not every row after it.
    running = row.balance;
  }
  if (checked === 0) return { status: 'not_available', breaks: 0, checked: 0 };
  return breaks === 0 ? { status: 'ok', breaks, checked } : { status: 'failed', firstBreak: firstBreak!, breaks, checked };
}

export type FileOrder = 'oldest_first' | 'newest_first';

/**
 * The order the rows were listed in: by the dates where they rise or fall, else (all on one day, or as
 * many rises as falls) by which order the running balance adds up in, else as listed.
 */
export function fileOrder(rows: readonly BalancedRow[]): FileOrder {
  let rises = 0;
  let falls = 0;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!.date;
    const b = rows[i]!.date;
    if (a < b) rises++;
    else if (a > b) falls++;
  }
  if (rises > falls) return 'oldest_first';
  if (falls > rises) return 'newest_first';
  if (checkRunningBalance(rows).status === 'failed' && checkRunningBalance([...rows].reverse()).status === 'ok') return 'newest_first';
  return 'oldest_first';
}

/** The rows oldest first, whatever order the file listed them in. */
export function inOrderOfEvents<T extends BalancedRow>(rows: readonly T[]): { readonly rows: T[]; readonly order: FileOrder } {
  const order = fileOrder(rows);
  return { rows: order === 'newest_first' ? [...rows].reverse() : [...rows], order };
}
