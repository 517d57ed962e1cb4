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

/** A receiving parent's days so far in a period at one weekly amount and service, and the pence they made due. */
interface Run {
  readonly weekly: number;
  readonly collect: boolean;
  days: number;
  pence: number;
}

/**
 * What `days` more at `weekly` pence a week make due for one receiving parent in a period, in whole pence: her own
 * weekly amount × 52 ÷ instalments × (days so far at that amount ÷ periodDays), rounded half up to the penny, less what
 * the days before already made due. `run` holds her days in the period at this weekly amount and service; a change of
 * either starts a new one (undefined), which is then a part period of hers.
 *
 * Why each receiving parent's instalment is rounded on its own: the law makes the amount payable weekly to each
 * person with care the liability (1991 Act Sch 1 para 1(2), apportioned by para 6, in calc/scheme-2012 already to
 * the penny and adding up to the weekly amount), and it is paid "by equal instalments" over the 52-week reference
 * period (C&E Regs 1992 reg 4(1)(b), as substituted by SI 2012/2785): CMS sets each receiving parent's own schedule,
 * so her instalment is the same every month while her weekly amount stands, even in a month where another receiving
 * parent's amount changes. The regulations state no rounding rule (docs/legal-notes.md Q9): to the penny, half up,
 * as every other figure (Q1). The paying parent's instalment is what they add up to, which can be a penny or two from
 * his weekly amount × 52 ÷ 12 rounded once: £80.00 a week between two, £40.00 each, is £173.33 + £173.33 = £346.66 a
 * month, not £346.67.
 * Before (a journey probe of two receiving parents at £56.00 a week each), the paying parent's instalment was rounded
 * once and its leftover penny given to each receiving parent by turns, and a part period was rounded decision by
 * decision: each one's instalment alternated £242.67/£242.66 though £56 × 52 ÷ 12 = £242.666… → £242.67 every month,
 * and a receiving parent's letter called CMS's right figure £0.03 too high.
 */
export function runPence(run: Run, days: number, frequency: PaymentFrequency, periodDays: number): number {
  run.days += days;
  const upTo = periodPence(run.weekly, frequency, run.days, periodDays);
  const pence = upTo - run.pence;
  run.pence = upTo;
  return pence;
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
    // Each receiving parent's days in the period at her present weekly amount and service.
    const runs: (Run | undefined)[] = receivingIds.map(() => undefined);
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
      // Each receiving parent's instalment is her own weekly amount × 52 ÷ instalments, rounded on its own, and a part
      // period of hers only where her amount or service changes (runPence); the paying parent's is what they add up to.
      const present = new Set<number>();
      for (const share of shares[decisionIndex]!) {
        present.add(share.parent);
        let run = runs[share.parent];
        if (!run || run.weekly !== share.weekly || run.collect !== collect) {
          run = { weekly: share.weekly, collect, days: 0, pence: 0 };
          runs[share.parent] = run;
        }
        const part = runPence(run, days, frequency, periodDays);
        byParent[share.parent]! += part;
        if (collect) collectedByParent[share.parent]! += part;
        amount += part;
      }
      runs.forEach((_, i) => {
        if (!present.has(i)) runs[i] = undefined;
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
