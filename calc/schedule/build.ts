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
import { addDays, addMonths, compareDates, daysBetween, isCivilDate, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativeMoney } from '../input.ts';
import { Dec, formatMoney, pounds, roundPenny, type Dec as Decimal, type MoneyInput } from '../money.ts';
import { valueOn, type Reference } from '../parameters.ts';
import {
  calculateMaintenance,
  COLLECTION_SERVICES,
  type CollectionService,
  type MaintenanceInput,
  type Rate,
} from '../scheme-2012/calculate.ts';
import { LAW } from '../scheme-2012/law.ts';
import { collectionFeePayingPercent, collectionFeeReceivingPercent, SCHEME_START } from '../scheme-2012/parameters.ts';
import { Trace, type TraceStep } from '../trace.ts';

export const PAYMENT_FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

/** Most periods one schedule may have (40 years of weekly payments). */
export const MAX_PERIODS = 2100;

export interface DecisionInput {
  readonly id?: string;
  /** The day the decision takes effect. */
  readonly effectiveDate: CivilDate;
  /** The date on the letter; orders two decisions with the same effective date. */
  readonly letterDate?: CivilDate;
  /** The weekly amount, as the decision states it. */
  readonly weeklyAmount?: MoneyInput;
  /** Or the circumstances, to work the amount out (its date defaults to the effective date). */
  readonly calculation?: Omit<MaintenanceInput, 'date'> & { readonly date?: CivilDate };
  /** Which receiving parent a stated weekly amount is for (several receiving parents: give a calculation). */
  readonly receivingParentId?: string;
  /** Service from this decision on; defaults to the schedule's. */
  readonly service?: CollectionService;
}

export interface ScheduleInput {
  readonly decisions: readonly DecisionInput[];
  readonly frequency?: PaymentFrequency;
  /** The first payment day; later ones follow at the frequency. Defaults to the first effective date. */
  readonly firstDueDate?: CivilDate;
  /** The day liability stops (nothing is due for it or after it). */
  readonly caseEndDate?: CivilDate;
  /** Include every period due on or before this day. */
  readonly asOf: CivilDate;
  readonly service?: CollectionService;
}

export interface ResolvedDecision {
  readonly id: string;
  readonly effectiveDate: CivilDate;
  readonly letterDate?: CivilDate;
  readonly service: CollectionService;
  readonly weeklyAmount: Decimal;
  readonly rate?: Rate;
  readonly shares: readonly { readonly receivingParentId: string; readonly weekly: Decimal }[];
  /** True when a later letter with the same effective date replaced it. */
  readonly superseded: boolean;
}

export interface Segment {
  readonly from: CivilDate;
  /** Last day, inclusive. */
  readonly to: CivilDate;
  readonly days: number;
  readonly decisionId: string;
  readonly weeklyAmount: Decimal;
  readonly service: CollectionService;
  readonly amount: Decimal;
}

export interface ScheduleLine {
  readonly periodStart: CivilDate;
  /** Last day of the period, inclusive. */
  readonly periodEnd: CivilDate;
  readonly dueDate: CivilDate;
  /** The service on the due date; where it changes inside the period, the fees follow each part's service. */
  readonly service: CollectionService;
  readonly segments: readonly Segment[];
  /** Maintenance due for the period, all receiving parents together. */
  readonly maintenance: Decimal;
  /** Collect and Pay: the paying parent's fee on it (20%); zero on Direct Pay. */
  readonly collectionFee: Decimal;
  /** What the paying parent owes for the period: maintenance + fee. */
  readonly totalDue: Decimal;
  readonly runningTotal: Decimal;
  readonly receivingParents: readonly {
    readonly id: string;
    readonly maintenance: Decimal;
    /** Collect and Pay: the receiving parent's fee (4%) when the maintenance is collected. */
    readonly fee: Decimal;
    readonly net: Decimal;
  }[];
}

export interface Schedule {
  readonly frequency: PaymentFrequency;
  readonly asOf: CivilDate;
  readonly liabilityStart: CivilDate;
  readonly liabilityEnd?: CivilDate;
  readonly decisions: readonly ResolvedDecision[];
  readonly lines: readonly ScheduleLine[];
  readonly totals: {
    readonly maintenance: Decimal;
    readonly collectionFees: Decimal;
    readonly totalDue: Decimal;
    readonly receivingParents: readonly {
      readonly id: string;
      readonly maintenance: Decimal;
      readonly fee: Decimal;
      readonly net: Decimal;
    }[];
  };
  readonly trace: readonly TraceStep[];
}

const SCHEDULE_RULE: Reference = {
  title: 'Reckoner rule: a part period is due pro rata by days, each part rounded to the penny (the regulations state no rule)',
};
const EFFECTIVE_DATE: Reference = {
  title: 'Child Support Act 1991 s.17(4); SI 2012/2677 reg 15 (a decision takes effect from its effective date)',
  href: 'https://www.legislation.gov.uk/uksi/2012/2677/regulation/15',
};

function checkDate(field: string, value: unknown): CivilDate {
  if (typeof value !== 'string' || !isCivilDate(value)) {
    throw new InputError(field, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Decisions in effective-date order, each with its weekly amount and shares; same-day duplicates resolved. */
export function resolveDecisions(input: ScheduleInput, trace: Trace): ResolvedDecision[] {
  if (!input.decisions || input.decisions.length === 0) {
    throw new InputError('decisions', 'give at least one decision, each with an effective date and a weekly amount or a calculation');
  }
  const defaultService = input.service ?? 'direct_pay';
  const seen = new Set<string>();
  const resolved = input.decisions.map((d, i): ResolvedDecision & { index: number } => {
    const field = `decisions[${i}]`;
    const effectiveDate = checkDate(`${field}.effectiveDate`, d.effectiveDate);
    if (compareDates(effectiveDate, SCHEME_START) < 0) {
      throw new InputError(
        `${field}.effectiveDate`,
        `${effectiveDate} is before the 2012 scheme began (${SCHEME_START}); earlier schemes are not covered`,
      );
    }
    const letterDate = d.letterDate === undefined ? undefined : checkDate(`${field}.letterDate`, d.letterDate);
    const id = d.id ?? `decision_${i + 1}`;
    if (seen.has(id)) throw new InputError(`${field}.id`, `"${id}" is used twice; give each decision a different id`);
    seen.add(id);
    // A calculation that says how the case is collected is taken at its word.
    const stated = d.calculation?.collection;
    if (d.service !== undefined && stated !== undefined && d.service !== stated) {
      throw new InputError(`${field}.service`, `says ${d.service} but its calculation says ${stated}; give one`);
    }
    const service = d.service ?? stated ?? defaultService;
    if (!COLLECTION_SERVICES.includes(service))
      throw new InputError(`${field}.service`, `must be one of ${COLLECTION_SERVICES.join(', ')}`);
    if ((d.weeklyAmount === undefined) === (d.calculation === undefined)) {
      throw new InputError(field, 'give either weeklyAmount or calculation (not both, not neither)');
    }
    if (d.weeklyAmount !== undefined) {
      const weekly = roundPenny(nonNegativeMoney(`${field}.weeklyAmount`, d.weeklyAmount));
      return {
        index: i,
        id,
        effectiveDate,
        letterDate,
        service,
        weeklyAmount: weekly,
        shares: [{ receivingParentId: d.receivingParentId ?? 'receiving_parent_1', weekly }],
        superseded: false,
      };
    }
    let result;
    try {
      result = calculateMaintenance({ ...d.calculation!, date: d.calculation!.date ?? effectiveDate });
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`${field}.calculation.${e.field}`, e.message.slice(e.field.length + 2));
      throw e;
    }
    return {
      index: i,
      id,
      effectiveDate,
      letterDate,
      service,
      weeklyAmount: result.weeklyAmount,
      rate: result.rate,
      shares: result.receivingParents.map((rp) => ({ receivingParentId: rp.id, weekly: rp.weeklyAmount })),
      superseded: false,
    };
  });

  // Effective date first; for the same effective date the later letter stands.
  resolved.sort(
    (a, b) =>
      compareDates(a.effectiveDate, b.effectiveDate) || compareDates(a.letterDate ?? '', b.letterDate ?? '') || a.id.localeCompare(b.id),
  );
  const out: ResolvedDecision[] = [];
  for (let i = 0; i < resolved.length; i++) {
    const d = resolved[i]!;
    const next = resolved[i + 1];
    const { index: _index, ...decision } = d;
    if (next && next.effectiveDate === d.effectiveDate) {
      if ((next.letterDate ?? '') === (d.letterDate ?? '')) {
        throw new InputError(
          `decisions[${next.index}]`,
          `${d.id} and ${next.id} both take effect on ${d.effectiveDate}${d.letterDate ? ` with letters dated ${d.letterDate}` : ''}; give the letter dates so the later one can stand, or remove one`,
        );
      }
      out.push({ ...decision, superseded: true });
      continue;
    }
    out.push(decision);
  }
  for (const d of out) {
    trace.add(
      'decision',
      `${d.id}: ${pounds(d.weeklyAmount)} a week from ${d.effectiveDate}${d.rate ? ` (${d.rate.replace('_', ' ')} rate, calculated)` : ''}` +
        `${d.letterDate ? `, letter dated ${d.letterDate}` : ''}, ${d.service.replace(/_/g, ' ')}` +
        (d.superseded ? ' — replaced by a later letter with the same effective date' : ''),
      d.superseded ? '0.00' : formatMoney(d.weeklyAmount),
      EFFECTIVE_DATE,
    );
  }
  return out;
}

/** Due dates k periods from the anchor. */
function dueDateAt(anchor: CivilDate, frequency: PaymentFrequency, k: number): CivilDate {
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
const INSTALMENTS: Record<PaymentFrequency, number> = { weekly: 52, fortnightly: 26, four_weekly: 13, monthly: 12 };

/** The amount due for `days` of a period of `periodDays` at a weekly amount: weekly × 52 ÷ instalments × days ÷ periodDays. */
function periodAmount(weekly: Decimal, frequency: PaymentFrequency, days: number, periodDays: number): Decimal {
  return roundPenny(
    weekly
      .times(52)
      .times(days)
      .dividedBy(INSTALMENTS[frequency] * periodDays),
  );
}

/**
 * Builds the schedule of what was due from a history of decisions: period by period, with the weekly amount in
 * force, part periods where a decision changes or liability starts or stops, collection fees where they apply,
 * and a running total.
 *
 * @throws {InputError} for bad input, naming the field.
 */
export function buildSchedule(input: ScheduleInput): Schedule {
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

  // The first period is the one that contains the start of liability.
  let k = 0;
  if (compareDates(anchor, liabilityStart) > 0) {
    while (compareDates(dueDateAt(anchor, frequency, k), liabilityStart) > 0) k--;
  } else {
    while (compareDates(dueDateAt(anchor, frequency, k + 1), liabilityStart) <= 0) k++;
  }

  const receivingIds = [...new Set(decisions.flatMap((d) => d.shares.map((s) => s.receivingParentId)))];
  const lines: ScheduleLine[] = [];
  let running = new Dec(0);
  let decisionIndex = 0;
  for (; ; k++) {
    const periodStart = dueDateAt(anchor, frequency, k);
    const nextStart = dueDateAt(anchor, frequency, k + 1);
    const from = compareDates(periodStart, liabilityStart) < 0 ? liabilityStart : periodStart;
    const until = liabilityEnd !== undefined && compareDates(liabilityEnd, nextStart) < 0 ? liabilityEnd : nextStart;
    if (compareDates(from, asOf) > 0 || compareDates(from, until) >= 0) break;
    if (lines.length >= MAX_PERIODS) {
      throw new InputError(
        'asOf',
        `the schedule would have more than ${MAX_PERIODS} periods; choose a later first effective date or an earlier asOf`,
      );
    }
    const periodDays = daysBetween(periodStart, nextStart);
    const segments: Segment[] = [];
    const byParent = new Map<string, Decimal>(receivingIds.map((id) => [id, new Dec(0)]));
    // Maintenance falling under Collect and Pay, all together and per receiving parent: the fees are on that part only.
    let collected = new Dec(0);
    const collectedByParent = new Map<string, Decimal>(receivingIds.map((id) => [id, new Dec(0)]));
    let cursor = from;
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
    const service = segments[0]!.service;
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

  const sum = (f: (l: ScheduleLine) => Decimal) => lines.reduce((a, l) => a.plus(f(l)), new Dec(0));
  const totals = {
    maintenance: sum((l) => l.maintenance),
    collectionFees: sum((l) => l.collectionFee),
    totalDue: sum((l) => l.totalDue),
    receivingParents: receivingIds.map((id) => {
      const pick = (f: (r: ScheduleLine['receivingParents'][number]) => Decimal) =>
        lines.reduce((a, l) => a.plus(f(l.receivingParents.find((r) => r.id === id)!)), new Dec(0));
      return { id, maintenance: pick((r) => r.maintenance), fee: pick((r) => r.fee), net: pick((r) => r.net) };
    }),
  };

  trace.add(
    'instalments',
    `${lines.length} ${frequency.replace('_', '-')} periods from ${liabilityStart}${liabilityEnd ? ` to the case end on ${liabilityEnd}` : ''}, due on or before ${asOf}: ` +
      `each period's instalment is the weekly amount × 52 ÷ ${INSTALMENTS[frequency]}`,
    String(lines.length),
    LAW.instalments,
  );
  const partPeriods = lines.filter(
    (l) => l.segments.length > 1 || l.segments.reduce((n, seg) => n + seg.days, 0) !== daysBetween(l.periodStart, addDays(l.periodEnd, 1)),
  ).length;
  if (partPeriods > 0) {
    trace.add(
      'part_periods',
      `${partPeriods} part ${partPeriods === 1 ? 'period' : 'periods'} (a decision changes, or liability starts or stops, inside the period): each part is due pro rata by days and rounded to the penny`,
      String(partPeriods),
      SCHEDULE_RULE,
    );
  }
  if (totals.collectionFees.gt(0)) {
    trace.add(
      'collection_fees',
      `Collect and Pay periods carry the paying parent's fee: ${pounds(totals.collectionFees)} in all`,
      formatMoney(totals.collectionFees),
      LAW.collectionFees,
    );
  }
  trace.add(
    'total_due',
    `Total due ${pounds(totals.totalDue)} (maintenance ${pounds(totals.maintenance)} + collection fees ${pounds(totals.collectionFees)})`,
    formatMoney(totals.totalDue),
    LAW.instalments,
  );

  return { frequency, asOf, liabilityStart, liabilityEnd, decisions: all, lines, totals, trace: trace.steps };
}
