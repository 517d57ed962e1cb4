/**
 * When CMS's own payment schedule collects none of an initial or backdated amount. Reckoner spreads such an amount
 * over a year of instalments when CMS's timetable is not given (calc/schedule/plan.ts), but a parent who pays every
 * instalment CMS's schedule asks for is not in arrears (cms-accounts.md §3). So where every line of CMS's schedule is
 * the ongoing instalment alone (as it accrued; on Collect and Pay with the paying parent's fee added or the receiving
 * parent's taken off), while Reckoner's plan would collect part of such an amount on one of those dates, none of it
 * falls due before the day after the schedule's last line: Reckoner's rule starts from there.
 * @module
 */
import { addDays, type CivilDate } from '../dates.ts';
import type { CmsEntry } from '../ledger/entries.ts';
import { formatMoney, fromPence } from '../money.ts';
import type { Schedule } from '../schedule/build.ts';
import type { Amounts } from '../schedule/amounts.ts';
import type { Side } from './types.ts';

export interface CatchUpAfterSchedule {
  /** The first day an amount spread by Reckoner's rule may fall due. */
  readonly from: CivilDate;
  /** What the reconciliation says about it. */
  readonly warning: string;
}

/**
 * The day from which Reckoner's plan may collect what accrued before it could be asked for, when CMS's schedule
 * lines (`lines`: liabilities marked fromSchedule, those not set aside) show that its own plan collects none of it in
 * the instalments they list; undefined otherwise (no such line, a line that is not the ongoing instalment, or a plan
 * that collects nothing on those dates anyway).
 */
export function catchUpAfterSchedule(
  schedule: Schedule,
  lines: readonly CmsEntry[],
  side: Side,
  rpIndex: number,
): CatchUpAfterSchedule | undefined {
  const fromSchedule = lines.filter((e) => e.fromSchedule);
  if (fromSchedule.length === 0) return undefined;
  const mine = (a: Amounts) => (side === 'paying' ? a : a.parents[rpIndex]!);
  const ongoing = new Map<number, number[]>();
  const catchUp = new Map<number, number>();
  for (const e of schedule.plan.events) {
    const { maintenance, fee } = mine(e.amounts);
    if (e.kind === 'ongoing') ongoing.set(e.day, [maintenance, side === 'paying' ? maintenance + fee : maintenance - fee]);
    else if (e.kind === 'catch_up') catchUp.set(e.day, (catchUp.get(e.day) ?? 0) + maintenance);
  }
  if (!fromSchedule.every((e) => ongoing.get(e.day)?.includes(e.pence))) return undefined;
  const collected = fromSchedule.filter((e) => (catchUp.get(e.day) ?? 0) > 0);
  if (collected.length === 0) return undefined;
  const last = fromSchedule.reduce((a, e) => (e.day > a.day ? e : a));
  const spread = schedule.plan.pools.reduce((a, p) => a + mine(p.amounts).maintenance, 0);
  return {
    from: addDays(last.date, 1),
    warning:
      `CMS’s payment schedule asks for the ongoing instalment alone on each date it lists, up to ${last.date}: it collects none of the £${formatMoney(fromPence(spread))} that accrued before it could be asked for (an initial or backdated amount) in those instalments. ` +
      'That amount is counted as not yet due until after then, and spread over a year of instalments from the next due date; give CMS’s own timetable (schedule.paymentPlan.catchUp, from its payment schedule letter) to have it checked against that.',
  };
}

/**
 * What the reconciliation says when CMS's catch-up amounts (schedule.paymentPlan.catchUp) add up to less than the
 * initial and backdated amounts they collect: the schedule lists only some of its instalments, or CMS asks for less
 * than accrued. calc/schedule/plan.ts spreads the rest after the last date listed; this names it. Undefined otherwise.
 */
export function catchUpRestWarning(schedule: Schedule): string | undefined {
  const rest = schedule.plan.cmsCatchUpRest;
  if (!rest) return undefined;
  const accrued = schedule.plan.pools.reduce((a, p) => a + p.amounts.maintenance, 0);
  const dates = rest.listedDates === 1 ? `on ${rest.listedTo}` : `on ${rest.listedDates} dates up to ${rest.listedTo}`;
  const spread =
    rest.instalments === 1
      ? `falls due on ${rest.firstDueDate}`
      : `is spread over ${rest.instalments} instalments from ${rest.firstDueDate}`;
  return (
    `CMS’s payment schedule (schedule.paymentPlan.catchUp) lists catch-up amounts of £${formatMoney(fromPence(rest.listedPence))} in all, ${dates}, ` +
    `less than the £${formatMoney(fromPence(accrued))} that accrued before it could be asked for (an initial or backdated amount). ` +
    `Each is taken as the maintenance it collects on its date; the rest, £${formatMoney(fromPence(rest.amounts.maintenance))}, is counted as not yet due until after then and ${spread} (Reckoner’s rule). ` +
    'If the schedule lists every catch-up instalment CMS means to ask for, CMS is collecting less than accrued: ask it how the rest will be collected, or give its later schedule to have it checked.'
  );
}
