/**
 * Accrual: what a set of decisions makes due in each period of the schedule's frame. A weekly amount becomes
 * equal instalments over 52 weeks (C&E Regs 1992 reg 4); a part period is due pro rata by days, each part rounded
 * to the penny (Reckoner's rule, the regulations state none); Collect and Pay adds the paying parent's 20% and
 * takes the receiving parent's 4% on the part of each period collected (Fees Regs 2014 reg 7).
 * @module
 */
import { addDays, addMonths, compareDates, daysBetween, type CivilDate } from '../dates.ts';
import { fromPence } from '../money.ts';
import { share, toPence } from './amounts.ts';
import { valueOn } from '../parameters.ts';
import { collectionFeePayingPercent, collectionFeeReceivingPercent, SCHEME_START } from '../scheme-2012/parameters.ts';
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

/**
 * Whole pence due for `days` of a period of `periodDays` at `weekly` pence a week: weekly × 52 ÷ instalments ×
 * days ÷ periodDays, rounded half up to the penny. Integers throughout (at most 10^11 × 52 × 31, well inside 2^53).
 */
export function periodPence(weekly: number, frequency: PaymentFrequency, days: number, periodDays: number): number {
  return share(weekly * 52, days, INSTALMENTS[frequency] * periodDays);
}

/**
 * Whole pence due for `days` of a period under each of `shares`: together, what their weekly total makes due
 * (periodPence), each share its exact part rounded down, and the pence left over to the largest remainders. Among
 * equal remainders the penny goes to the share whose receiving parent has had the fewest leftover pennies so far
 * (`leftOver`, by share, counted and updated here; the first listed when they have had as many). One share alone is
 * periodPence exactly.
 *
 * The law fixes the receiving parents' weekly shares (1991 Act Sch 1 para 6: by the number of qualifying children
 * each cares for) and the instalment (C&E Regs 1992 reg 4: weekly × 52 in equal instalments), but not who has the
 * penny an instalment's shares leave over: reg 4 has no rounding rule, and no 2012-scheme rule was found for an
 * apportionment's remainder (docs/legal-notes.md Q1, Q3, Q9). The one rule found, the 2003 scheme's default rate in
 * Northern Ireland (SR 2001/17 reg 7(3)–(4)), keeps the total unchanged and adjusts the apportionment by turns; so here.
 * Before (a meaning probe of 6 December 2026), the first of equal remainders had it each time: £80.00 a week between
 * two receiving parents with a child each, £346.67 a month, was £173.34 to the first and £173.33 to the second every
 * month, 12p a year more to the first.
 */
export function apportion(
  shares: readonly { readonly weekly: number }[],
  frequency: PaymentFrequency,
  days: number,
  periodDays: number,
  leftOver: number[] = shares.map(() => 0),
): number[] {
  if (shares.length === 1) return [periodPence(shares[0]!.weekly, frequency, days, periodDays)];
  const den = INSTALMENTS[frequency] * periodDays;
  const total = periodPence(
    shares.reduce((a, s) => a + s.weekly, 0),
    frequency,
    days,
    periodDays,
  );
  const nums = shares.map((s) => s.weekly * 52 * days);
  const parts = nums.map((n) => Math.floor(n / den));
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = nums
    .map((n, i) => ({ i, rem: n - parts[i]! * den }))
    .sort((a, b) => b.rem - a.rem || leftOver[a.i]! - leftOver[b.i]! || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    leftOver[i]! += 1;
    left--;
  }
  return parts;
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
  let running = 0;
  let decisionIndex = 0;
  const firstEffective = decisions[0]?.effectiveDate;
  const parentIndex = new Map(receivingIds.map((id, i) => [id, i]));
  // Each decision's weekly shares in whole pence, read once.
  const shares = decisions.map((d) => d.shares.map((s) => ({ parent: parentIndex.get(s.receivingParentId)!, weekly: toPence(s.weekly) })));
  // The leftover pennies each receiving parent has had so far (apportion): equal remainders take turns.
  const leftOverBy = receivingIds.map(() => 0);
  const percent = new Map<string, readonly [number, number]>();
  const percentOn = (date: CivilDate): readonly [number, number] => {
    let p = percent.get(date);
    if (!p) {
      // The CSA's collection service charged no percentage fee: none before the 2012 scheme's dated fees begin.
      p =
        compareDates(date, SCHEME_START) < 0
          ? [0, 0]
          : [Number(valueOn(collectionFeePayingPercent, date).value), Number(valueOn(collectionFeeReceivingPercent, date).value)];
      percent.set(date, p);
    }
    return p;
  };
  for (let k = periodIndexOf(frame, liabilityStart); lines.length <= MAX_PERIODS; k++) {
    const periodStart = dueDateAt(anchor, frequency, k);
    const nextStart = dueDateAt(anchor, frequency, k + 1);
    const from = compareDates(periodStart, liabilityStart) < 0 ? liabilityStart : periodStart;
    const until = liabilityEnd !== undefined && compareDates(liabilityEnd, nextStart) < 0 ? liabilityEnd : nextStart;
    if (compareDates(from, asOf) > 0 || compareDates(from, until) >= 0) break;
    const periodDays = daysBetween(periodStart, nextStart);
    const segments: Segment[] = [];
    const byParent = receivingIds.map(() => 0);
    // Maintenance falling under Collect and Pay, all together and per receiving parent: the fees are on that part only.
    let collected = 0;
    const collectedByParent = receivingIds.map(() => 0);
    let maintenance = 0;
    // Before the first of these decisions nothing is due.
    let cursor =
      firstEffective === undefined
        ? until
        : compareDates(from, firstEffective) < 0
          ? compareDates(firstEffective, until) < 0
            ? firstEffective
            : until
          : from;
    while (compareDates(cursor, until) < 0) {
      while (decisionIndex + 1 < decisions.length && compareDates(decisions[decisionIndex + 1]!.effectiveDate, cursor) <= 0)
        decisionIndex++;
      const decision = decisions[decisionIndex]!;
      const next = decisions[decisionIndex + 1];
      const segmentEnd = next && compareDates(next.effectiveDate, until) < 0 ? next.effectiveDate : until;
      const days = daysBetween(cursor, segmentEnd);
      let amount = 0;
      // Fees are the 2012 scheme's: a CSA decision (effective before it began) carries none, even collected after 2014.
      const collect = decision.service === 'collect_and_pay' && compareDates(decision.effectiveDate, SCHEME_START) >= 0;
      // The paying parent's instalment is his weekly amount × 52 ÷ instalments (reg 4), rounded once; the receiving
      // parents' shares of it are apportioned to add up to it exactly (largest remainder). Before (a meaning probe of
      // 6 December 2026), each share was rounded and the instalment made of them: £80.00 a week between two was
      // £173.33 + £173.33 = £346.66 a month, a penny short of £346.67.
      const leftOver = shares[decisionIndex]!.map((share) => leftOverBy[share.parent]!);
      const parts = apportion(shares[decisionIndex]!, frequency, days, periodDays, leftOver);
      shares[decisionIndex]!.forEach((share, i) => (leftOverBy[share.parent] = leftOver[i]!));
      shares[decisionIndex]!.forEach((share, i) => {
        byParent[share.parent]! += parts[i]!;
        if (collect) collectedByParent[share.parent]! += parts[i]!;
        amount += parts[i]!;
      });
      if (collect) collected += amount;
      maintenance += amount;
      segments.push({
        from: cursor,
        to: addDays(segmentEnd, -1),
        days,
        decisionId: decision.id,
        weeklyAmount: decision.weeklyAmount,
        service: decision.service,
        amount: fromPence(amount),
      });
      cursor = segmentEnd;
    }
    const dueDate = from;
    const service = segments[0]?.service ?? decisions[0]?.service ?? 'direct_pay';
    const [payPct, recPct] = percentOn(dueDate);
    const collectionFee = share(collected, payPct, 100);
    const parentFees = collectedByParent.map((c) => share(c, recPct, 100));
    const totalDue = maintenance + collectionFee;
    running += totalDue;
    lines.push({
      periodStart,
      periodEnd: addDays(nextStart, -1),
      dueDate,
      service,
      segments,
      maintenance: fromPence(maintenance),
      collectionFee: fromPence(collectionFee),
      totalDue: fromPence(totalDue),
      runningTotal: fromPence(running),
      receivingParents: receivingIds.map((id, i) => {
        const m = byParent[i]!;
        const fee = parentFees[i]!;
        return { id, maintenance: fromPence(m), fee: fromPence(fee), net: fromPence(m - fee) };
      }),
      amounts: {
        maintenance,
        fee: collectionFee,
        parents: receivingIds.map((_, i) => ({ maintenance: byParent[i]!, fee: parentFees[i]! })),
      },
    });
  }
  return lines;
}
