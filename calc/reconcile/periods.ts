/**
 * The periods of the schedule as reconciliation sees them: what accrued in each, what the payment plan made due in
 * each by the reconciliation date, on this side and basis; which period a day belongs to; and on Direct Pay, the
 * time in which a payment counts for an instalment (from `windowDays` before its due date to just before the next).
 * @module
 */
import { toDayNumber } from '../dates.ts';
import { amountsOf, isZero, type Amounts } from '../schedule/amounts.ts';
import type { Books } from './read.ts';

/** Whole pence owed for something, on this side and basis: maintenance, and the paying parent's collection fee. */
export interface Owed {
  readonly maintenance: number;
  readonly fees: number;
}

export interface Periods {
  readonly count: number;
  readonly dueDays: readonly number[];
  /** What accrued, and what the plan made due by asOf, in each period (on the side and basis). */
  readonly accrued: readonly Owed[];
  readonly planDue: readonly Owed[];
  /** The liability alone (gross) and the receiving parent's 4% alone, for comparing CMS's own lines. */
  readonly accruedLiability: readonly number[];
  readonly accruedFee: readonly number[];
  /**
   * The paying parent's fee on the amounts the plan collects, worked on each collection, beyond what they accrued with
   * period by period (schedule/plan.ts feesOnCollections): it accrues too, and is not in any one period's fee.
   */
  readonly feeOnCollections: number;
  readonly planDueLiability: readonly number[];
  readonly planDueFee: readonly number[];
  /** The period a day falls in: before the first, the first; after the last, the last. */
  periodOf(day: number): number;
  /** Direct Pay: the period whose instalment a payment on `day` counts for. */
  slotOf(day: number): number;
  /** Owed by the plan on or before `day` (inclusive), in all. */
  planDueBy(day: number): number;
  /**
   * The instalments the plan makes due just after the date (read.ts dueSoonAfter), on this side and basis, and the
   * first day a payment made ahead of them counts for them from (`windowDays` before the first one's due date).
   */
  readonly dueSoon?: { readonly dates: readonly string[]; readonly from: number; readonly owed: Owed };
}

/** Amounts on this side: the paying parent's maintenance and fee; one receiving parent's share, gross or net. */
export function owedOn(books: Pick<Books, 'side' | 'rpIndex' | 'basis'>, a: Amounts): Owed {
  if (books.side === 'paying') return { maintenance: a.maintenance, fees: a.fee };
  const p = a.parents[books.rpIndex]!;
  return { maintenance: books.basis === 'net' ? p.maintenance - p.fee : p.maintenance, fees: 0 };
}

/** The index of the last of `days` (ascending) on or before `day`; 0 when none is. */
export function search(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (days[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function periodsOf(books: Books): Periods {
  const { schedule } = books;
  const lines = schedule.lines;
  const starts = lines.map((l) => toDayNumber(l.periodStart));
  const dueDays = lines.map((l) => toDayNumber(l.dueDate));
  const n = lines.length;
  const zero: Owed = { maintenance: 0, fees: 0 };
  const accruedAmounts = lines.map(amountsOf);
  const accrued = accruedAmounts.map((a) => owedOn(books, a));
  const liabilityOf = (a: Amounts) => (books.side === 'paying' ? a.maintenance : a.parents[books.rpIndex]!.maintenance);
  const feeOf = (a: Amounts) => (books.side === 'paying' ? a.fee : a.parents[books.rpIndex]!.fee);
  const planDue: Owed[] = lines.map(() => zero);
  const planDueLiability = lines.map(() => 0);
  const planDueFee = lines.map(() => 0);
  const periodOf = (day: number): number => (n === 0 ? 0 : search(starts, day));
  const dueEvents: { day: number; total: number }[] = [];
  for (const e of schedule.plan.events) {
    if (e.day > books.asOfDay || isZero(e.amounts) || n === 0) continue;
    const p = periodOf(e.day);
    const o = owedOn(books, e.amounts);
    planDue[p] = { maintenance: planDue[p]!.maintenance + o.maintenance, fees: planDue[p]!.fees + o.fees };
    planDueLiability[p]! += liabilityOf(e.amounts);
    planDueFee[p]! += feeOf(e.amounts);
    dueEvents.push({ day: e.day, total: o.maintenance + o.fees });
  }
  const slotStarts = dueDays.map((d) => d - books.windowDays);
  const eventDays: number[] = [];
  const cumulative: number[] = [];
  let run = 0;
  for (const e of dueEvents) {
    run += e.total;
    if (eventDays.length && eventDays[eventDays.length - 1] === e.day) cumulative[cumulative.length - 1] = run;
    else {
      eventDays.push(e.day);
      cumulative.push(run);
    }
  }
  const soon = books.dueSoonAfter.filter((e) => !isZero(e.amounts));
  const dueSoon =
    soon.length === 0
      ? undefined
      : {
          dates: soon.map((e) => e.date),
          from: soon[0]!.day - books.windowDays,
          owed: soon.reduce<Owed>((a, e) => {
            const o = owedOn(books, e.amounts);
            return { maintenance: a.maintenance + o.maintenance, fees: a.fees + o.fees };
          }, zero),
        };
  return {
    count: n,
    dueDays,
    ...(dueSoon ? { dueSoon } : {}),
    accrued,
    planDue,
    accruedLiability: accruedAmounts.map(liabilityOf),
    accruedFee: accruedAmounts.map(feeOf),
    feeOnCollections: books.side === 'paying' ? schedule.plan.feeOnCollections.reduce((a, r) => a + r.pence, 0) : 0,
    planDueLiability,
    planDueFee,
    periodOf,
    slotOf: (day) => (n === 0 ? 0 : search(slotStarts, day)),
    planDueBy: (day) => {
      if (eventDays.length === 0 || day < eventDays[0]!) return 0;
      return cumulative[search(eventDays, day)]!;
    },
  };
}
