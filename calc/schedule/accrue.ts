/**
 * Accrual: what a set of decisions makes due in each period of the schedule's frame. A weekly amount becomes
 * equal instalments over 52 weeks (C&E Regs 1992 reg 4); a part period is due pro rata by days, each part rounded
 * to the penny (Reckoner's rule, the regulations state none); Collect and Pay adds the paying parent's 20% and
 * takes the receiving parent's 4% on the part of each period collected (Fees Regs 2014 reg 7).
 * @module
 */
import { addDays, addMonths, compareDates, daysBetween, type CivilDate } from '../dates.ts';
import { Dec, roundPenny, type Dec as Decimal } from '../money.ts';
import { valueOn } from '../parameters.ts';
import { collectionFeePayingPercent, collectionFeeReceivingPercent } from '../scheme-2012/parameters.ts';
import { MAX_PERIODS, type PaymentFrequency, type ResolvedDecision, type ScheduleLine, type Segment } from './types.ts';


/** Due dates k periods from the anchor. */
export function dueDateAt(anchor: CivilDate, frequency: PaymentFrequency, k: number): CivilDate {
  switch (frequency) {
    case 'weekly':
      return addDays(anchor, 7 * k);
    case 'fortnightly':
      return addDays(anchor, 14 * k);
    case 'four_weekly':
      return addDays(anchor, 28 * k);
    case 'monthly':
      return addMonths(anchor, k);
  }
}

/** Instalments in a 52-week reference period (reg 4). */
export const INSTALMENTS: Readonly<Record<PaymentFrequency, number>> = { weekly: 52, fortnightly: 26, four_weekly: 13, monthly: 12 };

/** The amount due for `days` of a period of `periodDays` at a weekly amount: weekly × 52 ÷ instalments × days ÷ periodDays. */
function periodAmount(weekly: Decimal, frequency: PaymentFrequency, days: number, periodDays: number): Decimal {
  return roundPenny(
    weekly
      .times(52)
      .times(days)
      .dividedBy(INSTALMENTS[frequency] * periodDays),
  );
}

/** The periods a schedule runs over: the same for every set of decisions applied to it. */
export interface Frame {
  readonly frequency: PaymentFrequency;
  /** A due date; the others follow at the frequency, before and after it. */
  readonly anchor: CivilDate;
  readonly liabilityStart: CivilDate;
  readonly liabilityEnd?: CivilDate;
  readonly asOf: CivilDate;
}

/** The index k of the period that contains `day`: dueDateAt(anchor, k) ≤ day < dueDateAt(anchor, k + 1). */
export function periodIndexOf(frame: Pick<Frame, 'anchor' | 'frequency'>, day: CivilDate): number {
  let k = 0;
  if (compareDates(frame.anchor, day) > 0) {
    while (compareDates(dueDateAt(frame.anchor, frame.frequency, k), day) > 0) k--;
  } else {
    while (compareDates(dueDateAt(frame.anchor, frame.frequency, k + 1), day) <= 0) k++;
  }
  return k;
}

/**
 * What `decisions` (in effective-date order, none superseded) make due in each period of the frame, from the
 * start of liability to asOf or the case end. Days before the first of them have nothing due: this also
 * serves the plan, which asks what was due under the decisions known on a given day.
 */
export function accrue(decisions: readonly ResolvedDecision[], frame: Frame, receivingIds: readonly string[]): ScheduleLine[] {
  const { anchor, frequency, liabilityStart, liabilityEnd, asOf } = frame;
  const lines: ScheduleLine[] = [];
  let running = new Dec(0);
  let decisionIndex = 0;
  const firstEffective = decisions[0]?.effectiveDate;
  for (let k = periodIndexOf(frame, liabilityStart); lines.length <= MAX_PERIODS; k++) {
    const periodStart = dueDateAt(anchor, frequency, k);
    const nextStart = dueDateAt(anchor, frequency, k + 1);
    const from = compareDates(periodStart, liabilityStart) < 0 ? liabilityStart : periodStart;
    const until = liabilityEnd !== undefined && compareDates(liabilityEnd, nextStart) < 0 ? liabilityEnd : nextStart;
    if (compareDates(from, asOf) > 0 || compareDates(from, until) >= 0) break;
    const periodDays = daysBetween(periodStart, nextStart);
    const segments: Segment[] = [];
    const byParent = new Map<string, Decimal>(receivingIds.map((id) => [id, new Dec(0)]));
    // Maintenance falling under Collect and Pay, all together and per receiving parent: the fees are on that part only.
    let collected = new Dec(0);
    const collectedByParent = new Map<string, Decimal>(receivingIds.map((id) => [id, new Dec(0)]));
    // Before the first of these decisions nothing is due.
    let cursor = firstEffective === undefined ? until : compareDates(from, firstEffective) < 0 ? (compareDates(firstEffective, until) < 0 ? firstEffective : until) : from;
    while (compareDates(cursor, until) < 0) {
      while (decisionIndex + 1 < decisions.length && compareDates(decisions[decisionIndex + 1]!.effectiveDate, cursor) <= 0)
        decisionIndex++;
      const decision = decisions[decisionIndex]!;
      const next = decisions[decisionIndex + 1];
      const segmentEnd = next && compareDates(next.effectiveDate, until) < 0 ? next.effectiveDate : until;
      const days = daysBetween(cursor, segmentEnd);
      let amount = new Dec(0);
      for (const share of decision.shares) {
        const part = periodAmount(share.weekly, frequency, days, periodDays);
        byParent.set(share.receivingParentId, byParent.get(share.receivingParentId)!.plus(part));
        if (decision.service === 'collect_and_pay') {
          collectedByParent.set(share.receivingParentId, collectedByParent.get(share.receivingParentId)!.plus(part));
        }
        amount = amount.plus(part);
      }
      if (decision.service === 'collect_and_pay') collected = collected.plus(amount);
      segments.push({
        from: cursor,
        to: addDays(segmentEnd, -1),
        days,
        decisionId: decision.id,
        weeklyAmount: decision.weeklyAmount,
        service: decision.service,
        amount,
      });
      cursor = segmentEnd;
    }
    const maintenance = segments.reduce((a, s) => a.plus(s.amount), new Dec(0));
    const dueDate = from;
    const service = segments[0]?.service ?? decisions[0]?.service ?? 'direct_pay';
    const payPct = new Dec(valueOn(collectionFeePayingPercent, dueDate).value);
    const recPct = new Dec(valueOn(collectionFeeReceivingPercent, dueDate).value);
    const collectionFee = roundPenny(collected.times(payPct).dividedBy(100));
    const totalDue = maintenance.plus(collectionFee);
    running = running.plus(totalDue);
    lines.push({
      periodStart,
      periodEnd: addDays(nextStart, -1),
      dueDate,
      service,
      segments,
      maintenance,
      collectionFee,
      totalDue,
      runningTotal: running,
      receivingParents: receivingIds.map((id) => {
        const m = byParent.get(id)!;
        const fee = roundPenny(collectedByParent.get(id)!.times(recPct).dividedBy(100));
        return { id, maintenance: m, fee, net: m.minus(fee) };
      }),
    });
  }
  return lines;
}
