/**
 * The liability schedule: what was due, period by period, from a history of CMS decisions.
 *
 * Rules (and where they come from):
 * - A decision takes effect from its effective date, not the date of the letter (CSA 1991 s.17(4), and
 *   CSMCR 2012 reg 15 for the effective date of a supersession); the later of two decisions with the same
 *   effective date replaces the earlier.
 * - The weekly amount becomes equal instalments over a 52-week period (Collection and Enforcement Regs 1992
 *   reg 4): weekly × 52 ÷ 12 a month, × 4 every four weeks, × 2 a fortnight.
 * - A period in which the amount changes, or in which liability starts or stops, is due pro rata by days:
 *   the instalment × days in force ÷ days in the period. The regulations state no rule for part periods or
 *   for rounding instalments; Reckoner rounds each part to the penny, half up, and says so in the trace.
 * - Liability stops on the case end date: nothing is due for that day or after it.
 * - Collect and Pay adds the paying parent's 20% fee and takes the receiving parent's 4% (Fees Regs 2014 reg 7),
 *   on the part of each period that falls under Collect and Pay (the fee accrues day by day, reg 7).
 * @module
 */
import { addDays, compareDates, daysBetween, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { formatMoney, fromPence, pounds, type Dec as Decimal } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { LAW } from '../scheme-2012/law.ts';
import { Trace } from '../trace.ts';
import { accrue, INSTALMENTS, type Frame } from './accrue.ts';
import { checkDate, resolveDecisions } from './decisions.ts';
import { plus, zeroAmounts } from './amounts.ts';
import { readHistoric } from './historic.ts';
import { buildPlan, dueBy, type CatchUpRest, type PaymentPlan } from './plan.ts';
import { MAX_PERIODS, PAYMENT_FREQUENCIES, type Schedule, type ScheduleInput } from './types.ts';
import { SCHEDULE_STEP } from './steps.ts';

export * from './types.ts';
export { SCHEDULE_STEP, type ScheduleStepId } from './steps.ts';
export { accrue, dueDateAt, periodIndexOf, INSTALMENTS, type Frame } from './accrue.ts';
export { resolveDecisions } from './decisions.ts';
export { buildPlan, dueBy, type PaymentPlan, type PlanEvent, type Pool } from './plan.ts';
export { HISTORIC_LAW } from './historic.ts';

const SCHEDULE_RULE: Reference = {
  title: 'Reckoner rule: a part period is due pro rata by days, each part rounded to the penny (the regulations state no rule)',
};

/**
 * Builds the schedule of what was due from a history of decisions: period by period, with the weekly amount in
 * force, part periods where a decision changes or liability starts or stops, collection fees where they apply,
 * and a running total.
 *
 * @throws {InputError} for bad input, naming the field.
 */
export function buildSchedule(input: ScheduleInput, options: { readonly catchUpFrom?: CivilDate } = {}): Schedule {
  const trace = new Trace();
  const asOf = checkDate('asOf', input.asOf);
  const frequency = input.frequency ?? 'monthly';
  if (!PAYMENT_FREQUENCIES.includes(frequency)) throw new InputError('frequency', `must be one of ${PAYMENT_FREQUENCIES.join(', ')}`);
  const all = resolveDecisions(input, trace);
  const decisions = all.filter((d) => !d.superseded);
  const liabilityStart = decisions[0]!.effectiveDate;
  const liabilityEnd = input.caseEndDate === undefined ? undefined : checkDate('caseEndDate', input.caseEndDate);
  if (liabilityEnd !== undefined && compareDates(liabilityEnd, liabilityStart) <= 0) {
    throw new InputError('caseEndDate', `${liabilityEnd} is not after the first effective date ${liabilityStart}`);
  }
  if (liabilityEnd !== undefined) {
    const late = decisions.find((d) => compareDates(d.effectiveDate, liabilityEnd) >= 0);
    if (late) {
      const index = input.decisions.findIndex((d, i) => (d.id ?? `decision_${i + 1}`) === late.id);
      throw new InputError(
        `decisions[${index}].effectiveDate`,
        `${late.effectiveDate} is on or after the case end date ${liabilityEnd}; a case that starts again needs its own schedule, or leave caseEndDate out and give a £0 decision for the break`,
      );
    }
  }
  const anchor = input.firstDueDate === undefined ? liabilityStart : checkDate('firstDueDate', input.firstDueDate);

  const frame: Frame = { frequency, anchor, liabilityStart, ...(liabilityEnd ? { liabilityEnd } : {}), asOf };
  const receivingIds = [...new Set(decisions.flatMap((d) => d.shares.map((s) => s.receivingParentId)))];
  const lines = accrue(decisions, frame, receivingIds);
  if (lines.length > MAX_PERIODS) {
    throw new InputError(
      'asOf',
      `the schedule would have more than ${MAX_PERIODS} periods; choose a later first effective date or an earlier asOf`,
    );
  }

  const plan = buildPlan({
    frame,
    lines,
    decisions: all,
    receivingIds,
    ...(input.firstDueDate !== undefined ? { firstDueDate: anchor } : {}),
    ...(input.paymentPlan ? { input: input.paymentPlan } : {}),
    ...(options.catchUpFrom !== undefined ? { catchUpFrom: options.catchUpFrom } : {}),
    accrue: (known) => accrue(known, frame, receivingIds),
  });
  const asOfDay = toDayNumber(asOf);
  const planned = dueBy(plan, asOfDay, receivingIds.length);

  // Totals in whole pence, then as money once.
  const total = lines.reduce((a, l) => plus(a, l.amounts), zeroAmounts(receivingIds.length));
  const totals = {
    maintenance: fromPence(total.maintenance),
    collectionFees: fromPence(total.fee),
    totalDue: fromPence(total.maintenance + total.fee),
    receivingParents: receivingIds.map((id, i) => {
      const p = total.parents[i]!;
      return { id, maintenance: fromPence(p.maintenance), fee: fromPence(p.fee), net: fromPence(p.maintenance - p.fee) };
    }),
  };

  trace.add(
    SCHEDULE_STEP.instalments,
    `${lines.length} ${frequency.replace('_', '-')} periods from ${liabilityStart}${liabilityEnd ? ` to the case end (nothing due from ${liabilityEnd})` : ''}, due on or before ${asOf}: ` +
      `each period's instalment is the weekly amount × 52 ÷ ${INSTALMENTS[frequency]}` +
      (receivingIds.length > 1
        ? `: each receiving parent's own weekly amount × 52 ÷ ${INSTALMENTS[frequency]}, rounded to the penny, her equal instalment; the paying parent's instalment is what they add up to`
        : ''),
    String(lines.length),
    LAW.instalments,
  );
  const partPeriods = lines.filter(
    (l) => l.segments.length > 1 || l.segments.reduce((n, seg) => n + seg.days, 0) !== daysBetween(l.periodStart, addDays(l.periodEnd, 1)),
  ).length;
  if (partPeriods > 0) {
    trace.add(
      SCHEDULE_STEP.partPeriods,
      `${partPeriods} part ${partPeriods === 1 ? 'period' : 'periods'} (a decision changes, or liability starts or stops, inside the period): each part is due pro rata by days and rounded to the penny`,
      String(partPeriods),
      SCHEDULE_RULE,
    );
  }
  if (totals.collectionFees.gt(0)) {
    trace.add(
      SCHEDULE_STEP.collectionFees,
      `Collect and Pay periods carry the paying parent's fee: ${pounds(totals.collectionFees)} in all`,
      formatMoney(totals.collectionFees),
      LAW.collectionFees,
    );
  }
  const onCollections = plan.feeOnCollections.reduce((a, r) => a + r.pence, 0);
  if (onCollections !== 0) {
    const by = fromPence(Math.abs(onCollections));
    trace.add(
      SCHEDULE_STEP.collectionFees,
      `On CMS's payment plan the paying parent's 20% is added to each collection and rounded to the penny on it, as CMS charges it: ` +
        `on the amounts the plan collects that comes to ${pounds(by)} ${onCollections > 0 ? 'more' : 'less'} than on the periods they accrued in, and is due with them`,
      formatMoney(fromPence(onCollections)),
      LAW.collectionFees,
    );
  }
  trace.add(
    SCHEDULE_STEP.totalDue,
    `Total due ${pounds(totals.totalDue)} (maintenance ${pounds(totals.maintenance)} + collection fees ${pounds(totals.collectionFees)})`,
    formatMoney(totals.totalDue),
    LAW.instalments,
  );

  const byAsOf = fromPence(planned.maintenance + planned.fee);
  // The paying parent's fee on the catch-up parts, worked on each collection, is what accrues of it (plan.ts).
  const notYetDue = totals.totalDue.plus(fromPence(onCollections)).minus(byAsOf);
  describePlan(plan, trace, asOfDay, notYetDue);
  const historic = readHistoric(input, decisions, asOf, totals.totalDue, trace);
  return {
    frequency,
    asOf,
    liabilityStart,
    liabilityEnd,
    decisions: all,
    lines,
    totals,
    plan,
    due: { byAsOf, notYetDue },
    ...(historic ? { historic } : {}),
    trace: trace.steps,
  };
}

const PLAN_RULE: Reference = {
  title:
    'C&E Regs 1992 reg 4 (equal instalments over the 52-week reference period); how many instalments an initial or backdated amount is spread over is Reckoner’s rule (a year of instalments) unless CMS’s payment schedule is given',
  href: LAW.instalments.href,
};

/** What CMS's listed catch-up amounts leave over, and how Reckoner spreads it, for the trace. */
function restWords(rest: CatchUpRest, pools: number): string {
  const dates = rest.listedDates === 1 ? `on ${rest.listedTo}` : `on ${rest.listedDates} dates to ${rest.listedTo}`;
  const spread =
    rest.instalments === 1
      ? `falls due on ${rest.firstDueDate}`
      : `is spread over ${rest.instalments} instalments from ${rest.firstDueDate} to ${rest.lastDueDate}`;
  return (
    `, which lists ${pounds(fromPence(rest.listedPence))} of ${pools === 1 ? 'it' : 'these amounts'} ${dates}; ` +
    `the rest, ${pounds(fromPence(rest.amounts.maintenance + rest.amounts.fee))}, ${spread} (Reckoner’s rule, as the schedule lists no more: CMS’s later schedule shows its own timetable)`
  );
}

/** The plan's steps in the trace: each amount spread, each credit, and what is not yet due. */
function describePlan(plan: PaymentPlan, trace: Trace, asOfDay: number, notYetDue: Decimal): void {
  const increasing = plan.pools.filter((p) => p.amounts.maintenance + p.amounts.fee > 0);
  const lastIncrease = increasing.at(-1);
  for (const p of plan.pools) {
    const increase = fromPence(p.amounts.maintenance + p.amounts.fee);
    const credit = fromPence(p.credit.maintenance + p.credit.fee);
    const what =
      p.reason === 'initial'
        ? `The initial amount, ${pounds(increase)}, accrued before the first payment date it could be asked for (${p.arises})`
        : `The decision${p.decisionId ? ` ${p.decisionId}` : ''} with its letter of ${p.arises} changed periods already due`;
    const how = increase.gt(0)
      ? plan.rule === 'cms_schedule'
        ? `; ${p.reason === 'initial' ? 'it is' : `the increase, ${pounds(increase)}, is`} collected on the dates of CMS's payment schedule` +
          (p === lastIncrease && plan.cmsCatchUpRest ? restWords(plan.cmsCatchUpRest, increasing.length) : '')
        : `; ${p.reason === 'initial' ? 'it is' : `the increase, ${pounds(increase)}, is`} spread over ${p.instalments} ${p.instalments === 1 ? 'instalment' : 'instalments'} from ${p.firstDueDate}${p.instalments > 1 ? ` to ${p.lastDueDate}` : ''}`
      : '';
    // Its parts, where the paying parent's fee is in it: a credit of £1,170.00 said alone hid £195.00 of fees (a journey
    // probe: a backdated reduction on Collect and Pay, 5 × £234.00 of which £39.00 a month was the 20% fee).
    const parts =
      p.credit.fee < 0
        ? ` (maintenance ${pounds(fromPence(-p.credit.maintenance))} and collection fees ${pounds(fromPence(-p.credit.fee))})`
        : '';
    const reduction = credit.lt(0) ? `; the reduction, ${pounds(credit.abs())}${parts}, is credited on ${p.arises} (an overpayment)` : '';
    trace.add(
      p.reason === 'initial' ? SCHEDULE_STEP.initialAmount : SCHEDULE_STEP.backdatedChange,
      `${what}${how}${reduction}`,
      formatMoney(increase.plus(credit)),
      PLAN_RULE,
    );
  }
  if (!notYetDue.isZero()) {
    const left = plan.events.filter((e) => e.day > asOfDay && e.kind === 'catch_up').length;
    trace.add(
      SCHEDULE_STEP.notYetDue,
      `${pounds(notYetDue)} has accrued but is not yet due: the payment plan collects it in ${left} later ${left === 1 ? 'instalment' : 'instalments'}`,
      formatMoney(notYetDue),
      PLAN_RULE,
    );
  }
}
