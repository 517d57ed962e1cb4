/**
 * The instalments a reconciliation found unpaid, in full or in part, and what they come to together: the missed and
 * short payments a receiving parent lists when asking CMS to move a Direct Pay case to Collect and Pay (letter L12),
 * and the working behind the total.
 *
 * They are read instalment by instalment, as the reconciliation sets the payments against them, not by the calendar
 * period a payment fell in: a payment made a day before its instalment fell due pays that instalment, not the one
 * before (a journey probe: the 14 February payment of the instalment due on 15 February read as February missed).
 * On Direct Pay the reading is direct-pay.ts's, the one its findings rest on; elsewhere the same without the reports.
 * So the instalments listed add up to what was due less what was paid (the arrears) when nothing was paid beyond it.
 * @module
 */
import { dateInWords } from '../dates.ts';
import { formatMoney, fromPence, pounds, type Dec } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { Trace, type TraceStep } from '../trace.ts';
import type { CivilDate } from '../dates.ts';
import type { Reconciliation } from './types.ts';
import { takeOldestFirst } from './oldest-first.ts';

export const SHORTFALL_STEP = { total: 'shortfall_total' } as const;

const RULE: Reference = {
  title:
    'Reckoner reconciliation of the bank statement against the decisions, instalment by instalment (each payment set against the instalment it was for; what was paid beyond one pays ahead, or makes good an earlier one)',
};

/** An instalment left unpaid, in full or in part. */
export interface ShortInstalment {
  readonly dueDate: CivilDate;
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  /** What the payment plan made due for it. */
  readonly due: Dec;
  /** What of the payments was set against it: `received` and `fromPaidAhead` together. */
  readonly paid: Dec;
  /**
   * What was received for it: the payments made for it (from `windowDays` before its due date), and what a later
   * payment made good of it; not what was carried to it from payments made ahead (`fromPaidAhead`). paid − fromPaidAhead.
   */
  readonly received: Dec;
  /**
   * What of the payment in advance (what earlier instalments were paid beyond what they needed) was set against it,
   * before it was found short: the reconciliation's `PeriodRow.fromPaidAhead`. Zero where none was.
   */
  readonly fromPaidAhead: Dec;
  /** What of it is still unpaid. */
  readonly shortfall: Dec;
}

export interface Shortfalls {
  /** The instalments left short, oldest first. */
  readonly periods: readonly ShortInstalment[];
  /** Their shortfalls added up. */
  readonly total: Dec;
  readonly trace: readonly TraceStep[];
}

/**
 * What of each period's instalment is still unpaid, in pence: on Direct Pay as the reconciliation set the payments
 * against the instalments (`directPayUnpaid`, direct-pay.ts); in the other periods the same way, without the reports:
 * each instalment takes the payments made for it (`paidFor`, from `windowDays` before its due date to just before the
 * next one's) and any payment in advance; what a period paid beyond its instalment makes good the oldest shortfall
 * before it (a late payment), then carries forward. Pure.
 */
export function unpaidInstalments(
  due: readonly number[],
  paidFor: readonly number[],
  directPay: readonly boolean[],
  directPayUnpaid: readonly number[],
  /**
   * Filled, when given, per period left short outside Direct Pay's reports, with the payment in advance set against its
   * instalment before it was found short (all there was of it: a short instalment takes the whole). Pence.
   */
  fromAhead?: number[],
): number[] {
  const unpaid = due.map(() => 0);
  const open: { p: number; pence: number }[] = [];
  let carried = 0;
  due.forEach((d, p) => {
    if (directPay[p]) {
      unpaid[p] = directPayUnpaid[p] ?? 0;
      return;
    }
    const available = (paidFor[p] ?? 0) + carried;
    if (available < d) {
      if (fromAhead) fromAhead[p] = carried;
      open.push({ p, pence: d - available });
      carried = 0;
      return;
    }
    carried = available - d;
    carried -= takeOldestFirst(open, carried);
  });
  for (const o of open) unpaid[o.p]! += o.pence;
  return unpaid;
}

/** The instalments the reconciliation found not paid in full, and their total. Pure. */
export function shortfallsOf(r: Reconciliation): Shortfalls {
  const periods: ShortInstalment[] = r.periods.flatMap((p, i) => {
    if (!p.shortfall.gt(0)) return [];
    const paid = p.due.minus(p.shortfall);
    // What was carried to it from payments made ahead is not what was received for it (a letter's "Received for it"
    // counted £100.00 paid ahead in January as received for February, where £16.67 arrived).
    const fromPaidAhead = p.fromPaidAhead ?? fromPence(0);
    return [
      {
        dueDate: r.schedule.lines[i]!.dueDate,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        due: p.due,
        paid,
        received: paid.minus(fromPaidAhead),
        fromPaidAhead,
        shortfall: p.shortfall,
      },
    ];
  });
  const total = periods.reduce((sum, p) => sum.plus(p.shortfall), fromPence(0));
  const trace = new Trace();
  trace.add(
    SHORTFALL_STEP.total,
    periods.length === 0
      ? `No instalment due up to ${dateInWords(r.asOf)} was left unpaid`
      : `The instalments due up to ${dateInWords(r.asOf)} left unpaid, in full or in part, once each payment is set against the instalment it was for: ` +
          `${periods.map((p) => `${pounds(p.shortfall)} (due ${dateInWords(p.dueDate)})`).join(' + ')} = ${pounds(total)}`,
    formatMoney(total),
    RULE,
  );
  return { periods, total, trace: trace.steps };
}
