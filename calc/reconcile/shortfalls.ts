/**
 * The periods of a reconciliation in which less was paid than the payment plan made due, and what they come to
 * together: the missed and short payments a receiving parent lists when asking CMS to move a Direct Pay case to
 * Collect and Pay (letter L12), and the working behind the total.
 * @module
 */
import { dateInWords } from '../dates.ts';
import { formatMoney, fromPence, pounds, type Dec } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { Trace, type TraceStep } from '../trace.ts';
import type { PeriodRow, Reconciliation } from './types.ts';

export const SHORTFALL_STEP = { total: 'shortfall_total' } as const;

const RULE: Reference = {
  title: 'Reckoner reconciliation of the bank statement against the decisions, period by period (due under the payment plan less paid)',
};

export interface Shortfalls {
  /** The periods left short, oldest first, each with its `due`, `paid` and `shortfall`. */
  readonly periods: readonly PeriodRow[];
  /** Their shortfalls added up. */
  readonly total: Dec;
  readonly trace: readonly TraceStep[];
}

/** The periods whose instalment the evidence shows was not paid in full, and their total. Pure. */
export function shortfallsOf(r: Reconciliation): Shortfalls {
  const periods = r.periods.filter((p) => p.shortfall.gt(0));
  const total = periods.reduce((sum, p) => sum.plus(p.shortfall), fromPence(0));
  const trace = new Trace();
  trace.add(
    SHORTFALL_STEP.total,
    periods.length === 0
      ? `No period up to ${dateInWords(r.asOf)} was left short`
      : `The periods in which less arrived than the decisions made due, up to ${dateInWords(r.asOf)}: ` +
          `${periods.map((p) => `${pounds(p.shortfall)} (${dateInWords(p.periodStart)} to ${dateInWords(p.periodEnd)})`).join(' + ')} = ${pounds(total)}`,
    formatMoney(total),
    RULE,
  );
  return { periods, total, trace: trace.steps };
}
