/**
 * When CMS's own payment schedule collects none of an initial or backdated amount. Reckoner spreads such an amount
 * over a year of instalments when CMS's timetable is not given (calc/schedule/plan.ts), but a parent who pays every
 * instalment CMS's schedule asks for is not in arrears (cms-accounts.md §3). So where every line of CMS's schedule is
 * the ongoing instalment alone (as it accrued; on Collect and Pay with the paying parent's fee added or the receiving
 * parent's taken off), while Reckoner's plan would collect part of such an amount on one of those dates, none of it
 * falls due before the day after the schedule's last line: Reckoner's rule starts from there.
 * @module
 */
import { addDays, fromDayNumber, type CivilDate } from '../dates.ts';
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

/** A payment or a missed-payment report, as {@link catchUpAfterPayments} reads it: its day and its amount. */
export interface DayAmount {
  readonly day: number;
  readonly pence: number;
}

/**
 * The same on Direct Pay, where CMS keeps no account whose lines show its plan, from what the parents did: without
 * CMS's timetable, when on some Direct Pay instalment date that Reckoner's rule would have collect part of an initial
 * or backdated amount, what was paid for it (with any missed payment reported for it) is exactly the ongoing
 * instalment, and on none is it the ongoing instalment with that part, the parents were asked for the ongoing
 * instalment alone: on Direct Pay they pay, and report, what CMS's schedule asks for. Counting Reckoner's assumed part
 * as shortfalls nobody reported would have a parent tell CMS of arrears its schedule never asked for (an MCP audit:
 * seven "shortfalls" of £24.99 a month). Reckoner's rule then starts after the last such date, with a warning.
 * `paid` and `reports` are the payments for this side (refunds left out) and the missed-payment reports;
 * a payment counts for an instalment from `windowDays` before its due date to just before the next one's window, a
 * report from its due date to just before the next one's.
 */
export function catchUpAfterPayments(
  schedule: Schedule,
  paid: readonly DayAmount[],
  reports: readonly DayAmount[],
  side: Side,
  rpIndex: number,
  windowDays: number,
  asOfDay: number,
): CatchUpAfterSchedule | undefined {
  const mine = (a: Amounts) => (side === 'paying' ? a : a.parents[rpIndex]!);
  const ongoing = new Map<number, number>();
  const catchUp = new Map<number, number>();
  const directPay = new Set<number>();
  for (const e of schedule.plan.events) {
    const { maintenance } = mine(e.amounts);
    if (e.kind === 'ongoing') {
      ongoing.set(e.day, (ongoing.get(e.day) ?? 0) + maintenance);
      if (e.line !== undefined && schedule.lines[e.line]?.service === 'direct_pay') directPay.add(e.day);
    } else if (e.kind === 'catch_up') catchUp.set(e.day, (catchUp.get(e.day) ?? 0) + maintenance);
  }
  const dueDays = [...ongoing.keys()].sort((a, b) => a - b);
  const within = (rows: readonly DayAmount[], from: number, to: number) =>
    rows.reduce((a, r) => (r.day >= from && r.day < to ? a + r.pence : a), 0);
  let lastOngoing: number | undefined;
  for (const [i, day] of dueDays.entries()) {
    const part = catchUp.get(day) ?? 0;
    if (day > asOfDay || part <= 0 || !directPay.has(day)) continue;
    const from = day - windowDays;
    const to = i + 1 < dueDays.length ? dueDays[i + 1]! - windowDays : Number.POSITIVE_INFINITY;
    const paidFor = within(paid, from, to);
    // A report is of the latest instalment due by its date (direct-pay.ts): from this due date to the next.
    const asked = paidFor + within(reports, day, i + 1 < dueDays.length ? dueDays[i + 1]! : Number.POSITIVE_INFINITY);
    const instalment = ongoing.get(day)!;
    if (paidFor === instalment + part || asked === instalment + part) return undefined;
    if (paidFor > 0 && asked === instalment) lastOngoing = day;
  }
  if (lastOngoing === undefined) return undefined;
  const spread = schedule.plan.pools.reduce((a, p) => a + mine(p.amounts).maintenance, 0);
  const last = fromDayNumber(lastOngoing);
  return {
    from: addDays(last, 1),
    warning:
      `On Direct Pay, what was paid for each instalment up to ${last} (with any missed payment reported for it) is the ongoing instalment alone, not that with part of the £${formatMoney(fromPence(spread))} that accrued before it could be asked for (an initial or backdated amount), as Reckoner’s own rule would spread it: CMS’s payment schedule is taken to ask for the ongoing instalment alone. ` +
      'That amount is counted as not yet due until after then, and spread over a year of instalments from the next due date; give CMS’s own timetable (schedule.paymentPlan.catchUp, from its payment schedule letter) to have it checked against that.',
  };
}
