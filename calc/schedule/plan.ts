/**
 * The payment plan: when what accrued actually falls due.
 *
 * Liability accrues period by period from the effective date, but a parent can only be asked to pay what the
 * payment schedule asks for, on its dates. Two amounts accrue before they can be asked for:
 * - the **initial amount**: what accrued before the first payment date (`firstDueDate` later than the effective
 *   date), and what accrued before the letter of the first decision was sent;
 * - a **backdated change**: a decision whose letter is dated after the start of periods it changes (a
 *   supersession or revision effective from an earlier date). An increase is collected forward; a reduction is an
 *   overpayment, credited on the letter's date (CMS then offsets it, SI 2009/3151 regs 8–9).
 * CMS collects such an amount "through the payment plan", spread over the instalments (SI 1992/1989 reg 4: equal
 * instalments over the 52-week reference period; Citizens Advice: the yearly schedule "will include the amount of
 * any arrears that have built up"). No regulation fixes how many instalments, so Reckoner spreads each amount over
 * the instalments of 52 weeks from the first payment date after it arose, unless the parent gives the number or
 * the catch-up amounts from CMS's payment schedule letter (docs/legal-notes.md, issue 10 section).
 *
 * Everything is whole pence; a spread amount is equal instalments to the penny, the last taking what is left
 * ({@link spreadUpTo}), so the instalments add up to the amount exactly.
 * @module
 */
import { addDays, compareDates, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { parsePence } from '../money.ts';
import { dueDateAt, INSTALMENTS, periodIndexOf, type Frame } from './accrue.ts';
import { amountsOf, combine, isZero, mapAmounts, minus, plus, share, zeroAmounts, type Amounts } from './amounts.ts';
import { valueOn } from '../parameters.ts';
import { collectionFeePayingPercent, SCHEME_START } from '../scheme-2012/parameters.ts';
import type { PaymentPlanInput, ResolvedDecision, ScheduleLine } from './types.ts';

/** Something the plan makes due on a day: an ongoing instalment, a part of a spread amount, or a credit. */
export interface PlanEvent {
  readonly date: CivilDate;
  readonly day: number;
  readonly kind: 'ongoing' | 'catch_up' | 'credit';
  /** The schedule line an ongoing instalment is for. */
  readonly line?: number;
  /** The amount spread (index into `pools`) a catch-up part belongs to, or the change a credit comes from. */
  readonly pool?: number;
  readonly amounts: Amounts;
}

/** An amount that accrued before it could be asked for, and how the plan collects it. */
export interface Pool {
  readonly reason: 'initial' | 'backdated';
  /** The day it arose: the first payment date (initial amount) or the date of the decision letter. */
  readonly arises: CivilDate;
  /** The decision whose letter made it, for a backdated change (and for an initial amount held back by a letter). */
  readonly decisionId?: string;
  /** The increase, spread over the instalments (never negative). */
  readonly amounts: Amounts;
  /** A reduction, credited on the day it arose (never positive). */
  readonly credit: Amounts;
  /** How many instalments the increase is spread over (0 when there is none). */
  readonly instalments: number;
  readonly firstDueDate?: CivilDate;
  readonly lastDueDate?: CivilDate;
}

export interface PaymentPlan {
  /** Every event in date order, ongoing instalments first on a day. Events after asOf are included. */
  readonly events: readonly PlanEvent[];
  readonly pools: readonly Pool[];
  /** How the spread amounts are timed. */
  readonly rule: 'none' | 'instalments' | 'cms_schedule';
  /** How many instalments each amount is spread over (rule `instalments`). */
  readonly catchUpInstalments: number;
  /** CMS's payment schedule: the total of its catch-up amounts, when given (rule `cms_schedule`). */
  readonly cmsCatchUpTotal?: number;
  /**
   * What CMS's catch-up amounts leave over when they add up to less than the amounts they collect (a schedule that
   * lists only the next few instalments): spread by Reckoner's rule from the next due date after the last one listed.
   */
  readonly cmsCatchUpRest?: CatchUpRest;
  /**
   * What the paying parent's fee, worked on each collection the catch-up parts are in (feesOnCollections), comes to
   * beyond the fee the amounts spread accrued with period by period (negative: less), by the day each amount arose. It
   * is part of what accrues: the plan makes it due with the parts, so what has accrued and is not yet due counts it.
   */
  readonly feeOnCollections: readonly FeeOnCollection[];
}

/** See {@link PaymentPlan.feeOnCollections}. */
export interface FeeOnCollection {
  readonly arises: CivilDate;
  readonly pence: number;
}

/** The part of the initial and backdated amounts CMS's listed catch-up amounts do not reach, and how it is spread. */
export interface CatchUpRest {
  /** The last date CMS's schedule lists a catch-up amount for. */
  readonly listedTo: CivilDate;
  /** How many dates it lists one for, and what they add up to (pence, as given). */
  readonly listedDates: number;
  readonly listedPence: number;
  /** What is left over, spread over `instalments` due dates from `firstDueDate` to `lastDueDate`. */
  readonly amounts: Amounts;
  readonly instalments: number;
  readonly firstDueDate: CivilDate;
  readonly lastDueDate: CivilDate;
}

export interface PlanContext {
  readonly frame: Frame;
  /** What every decision makes due, period by period. */
  readonly lines: readonly ScheduleLine[];
  /** Every decision, superseded ones included (a letter may have stood for a while before a later one replaced it). */
  readonly decisions: readonly ResolvedDecision[];
  readonly receivingIds: readonly string[];
  /** The payment schedule's first payment date, when the user gave it. */
  readonly firstDueDate?: CivilDate;
  readonly input?: PaymentPlanInput;
  /**
   * The first day an amount spread by Reckoner's rule may fall due: the day after the last instalment of CMS's own
   * payment schedule that collects none of it (reconciliation sets it; see calc/reconcile/cms-plan.ts).
   */
  readonly catchUpFrom?: CivilDate;
  /** What a set of decisions (in effective-date order, none superseded) makes due in the frame's periods. */
  readonly accrue: (decisions: readonly ResolvedDecision[]) => readonly ScheduleLine[];
}

/** The decisions known on `cut` (undefined: only those with no letter date), the later letter standing. */
function knownOn(decisions: readonly ResolvedDecision[], cut: CivilDate | undefined): ResolvedDecision[] {
  const byDate = new Map<CivilDate, ResolvedDecision>();
  for (const d of decisions) {
    if (d.letterDate !== undefined && (cut === undefined || compareDates(d.letterDate, cut) > 0)) continue;
    const held = byDate.get(d.effectiveDate);
    if (!held || compareDates(held.letterDate ?? '', d.letterDate ?? '') < 0) byDate.set(d.effectiveDate, d);
  }
  return [...byDate.values()].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate));
}

/** Reads and checks the user's plan. */
function readPlan(
  input: PaymentPlanInput | undefined,
  frame: Frame,
): { n?: number; catchUp?: { day: number; date: CivilDate; pence: number }[] } {
  if (!input) return {};
  if (input.catchUpInstalments !== undefined && input.catchUp !== undefined) {
    throw new InputError('paymentPlan', 'give catchUpInstalments or catchUp (the amounts from CMS’s payment schedule), not both');
  }
  const n = input.catchUpInstalments;
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 520)) {
    throw new InputError(
      'paymentPlan.catchUpInstalments',
      `must be a whole number from 1 to 520 (got ${JSON.stringify(n)}); 1 means due at once`,
    );
  }
  if (input.catchUp === undefined) return n === undefined ? {} : { n };
  if (!Array.isArray(input.catchUp) || input.catchUp.length === 0) {
    throw new InputError('paymentPlan.catchUp', 'give at least one { dueDate, amount } from CMS’s payment schedule, or leave catchUp out');
  }
  const catchUp = input.catchUp.map((c, i) => {
    const field = `paymentPlan.catchUp[${i}]`;
    if (typeof c?.dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.dueDate) || Number.isNaN(toDayNumber(c.dueDate))) {
      throw new InputError(`${field}.dueDate`, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(c?.dueDate)})`);
    }
    let pence: number;
    try {
      pence = parsePence(c.amount);
    } catch (e) {
      throw new InputError(`${field}.amount`, (e as Error).message);
    }
    if (pence < 0) throw new InputError(`${field}.amount`, 'must not be negative');
    return { date: c.dueDate, day: toDayNumber(c.dueDate), pence };
  });
  catchUp.sort((a, b) => a.day - b.day);
  if (catchUp.every((c) => c.pence === 0))
    throw new InputError('paymentPlan.catchUp', 'the catch-up amounts are all £0.00; leave catchUp out');
  void frame;
  return { catchUp };
}

/**
 * Works out the payment plan: each period's ongoing instalment on its due date, as the decisions known on that
 * date make it; and each amount that accrued before it could be asked for, spread over later instalments.
 */
export function buildPlan(ctx: PlanContext): PaymentPlan {
  const { frame, lines } = ctx;
  const parents = ctx.receivingIds.length;
  const user = readPlan(ctx.input, frame);
  const perYear = INSTALMENTS[frame.frequency];
  const n = user.n ?? perYear;
  const firstDue =
    ctx.firstDueDate !== undefined && compareDates(ctx.firstDueDate, frame.liabilityStart) > 0 ? ctx.firstDueDate : undefined;

  // Letter dates that change what a period asked for after its due date.
  const letters = [...new Set(ctx.decisions.map((d) => d.letterDate).filter((d): d is CivilDate => d !== undefined))].sort(compareDates);
  const lastDue = lines.length ? lines[lines.length - 1]!.dueDate : frame.liabilityStart;
  const lateLetters = letters.filter(
    (l) => lines.length > 0 && compareDates(l, lines[0]!.dueDate) > 0 && compareDates(l, firstDue ?? '') > 0,
  );
  const events: PlanEvent[] = [];
  const pools: Pool[] = [];
  const amounts = lines.map(amountsOf);

  if (lateLetters.length === 0 && firstDue === undefined) {
    // Nothing accrued before it could be asked for: each period is due on its due date, as it stands.
    lines.forEach((l, i) => events.push({ date: l.dueDate, day: toDayNumber(l.dueDate), kind: 'ongoing', line: i, amounts: amounts[i]! }));
    return { events, pools, rule: 'none', catchUpInstalments: n, feeOnCollections: [] };
  }

  // What each cut of the decisions makes due, by period start.
  const byCut = new Map<CivilDate | undefined, Map<CivilDate, Amounts>>();
  const zero = zeroAmounts(parents);
  const accrualOn = (cut: CivilDate | undefined): Map<CivilDate, Amounts> => {
    let m = byCut.get(cut);
    if (!m) {
      const known = knownOn(ctx.decisions, cut);
      m = new Map((known.length ? ctx.accrue(known) : []).map((l) => [l.periodStart, amountsOf(l)]));
      byCut.set(cut, m);
    }
    return m;
  };
  /** The last cut on or before `day`. */
  const cutOn = (day: CivilDate): CivilDate | undefined => {
    let c: CivilDate | undefined;
    for (const l of letters) if (compareDates(l, day) <= 0) c = l;
    return c;
  };

  // Each line: asked for on its due date (or, before the first payment date, at that date) as then known; every
  // later change arises on its letter's date.
  const arising = new Map<string, { reason: Pool['reason']; arises: CivilDate; decisionId?: string; change: Amounts; parts: number }>();
  const arise = (reason: Pool['reason'], arises: CivilDate, change: Amounts, decisionId?: string) => {
    if (isZero(change)) return;
    const key = `${reason}|${arises}`;
    const held = arising.get(key);
    arising.set(key, {
      reason,
      arises,
      ...(decisionId ? { decisionId } : {}),
      change: held ? plus(held.change, change) : change,
      parts: (held?.parts ?? 0) + 1,
    });
  };
  // The catch-up parts whose paying parent's fee is worked on the collection they are part of (feesOnCollections).
  const feeFrom = new Map<PlanEvent, FeeSource>();
  const letterOf = (date: CivilDate): string | undefined => ctx.decisions.find((d) => d.letterDate === date)?.id;
  lines.forEach((line, i) => {
    const asked = firstDue !== undefined && compareDates(line.dueDate, firstDue) < 0 ? firstDue : line.dueDate;
    let cut = cutOn(asked);
    let held = accrualOn(cut).get(line.periodStart) ?? zero;
    if (asked === line.dueDate)
      events.push({ date: line.dueDate, day: toDayNumber(line.dueDate), kind: 'ongoing', line: i, amounts: held });
    else arise('initial', asked, held, cut === undefined ? undefined : letterOf(cut));
    for (const l of letters) {
      if (compareDates(l, asked) <= 0) continue;
      const now = accrualOn(l).get(line.periodStart) ?? zero;
      const change = minus(now, held);
      // The first letter that makes a period due at all brings in its initial amount; later letters change it.
      arise(isZero(held) && cut === undefined ? 'initial' : 'backdated', l, change, letterOf(l));
      held = now;
      cut = l;
    }
    // The last cut holds every decision: what was asked for now adds up to what accrued.
    const rest = minus(amounts[i]!, held);
    if (!isZero(rest)) arise('backdated', asked, rest);
  });

  // Due dates of the plan: every period's due date, continuing at the frequency after the last period.
  const startK = periodIndexOf(frame, frame.liabilityStart);
  const dueDateFrom = (day: CivilDate, j: number): CivilDate => {
    // The j-th instalment date (0-based) on or after `day`.
    let k = Math.max(startK, periodIndexOf(frame, day));
    if (compareDates(dueDateAt(frame.anchor, frame.frequency, k), day) < 0) k++;
    const date = dueDateAt(frame.anchor, frame.frequency, k + j);
    return k + j === startK && compareDates(date, frame.liabilityStart) < 0 ? frame.liabilityStart : date;
  };

  const sorted = [...arising.values()].sort((a, b) => compareDates(a.arises, b.arises) || (a.reason < b.reason ? -1 : 1));
  const catchUp = user.catchUp;
  const totalIncrease = sorted.reduce(
    (acc, p) =>
      plus(
        acc,
        mapAmounts(p.change, (x) => Math.max(0, x)),
      ),
    zero,
  );
  const cmsTotal = catchUp?.reduce((a, c) => a + c.pence, 0);
  for (const p of sorted) {
    const increase = mapAmounts(p.change, (x) => Math.max(0, x));
    const credit = mapAmounts(p.change, (x) => Math.min(0, x));
    const index = pools.length;
    if (!isZero(credit)) events.push({ date: p.arises, day: toDayNumber(p.arises), kind: 'credit', pool: index, amounts: credit });
    let instalments = 0;
    let first: CivilDate | undefined;
    let last: CivilDate | undefined;
    if (!isZero(increase) && !catchUp) {
      instalments = n;
      let before = zero;
      for (let j = 1; j <= n; j++) {
        const upTo = mapAmounts(increase, (x) => spreadUpTo(x, j, n));
        const from = ctx.catchUpFrom !== undefined && compareDates(ctx.catchUpFrom, p.arises) > 0 ? ctx.catchUpFrom : p.arises;
        const date = dueDateFrom(from, j - 1);
        const event: PlanEvent = { date, day: toDayNumber(date), kind: 'catch_up', pool: index, amounts: minus(upTo, before) };
        events.push(event);
        // CMS's count of instalments given: its instalments, each with CMS's fee on it. Reckoner's own year keeps the
        // fee in proportion (its instalments are an assumption; the tests of many stories rest on them).
        if (user.n !== undefined) feeFrom.set(event, { amounts: increase, parts: p.parts, arises: p.arises });
        before = upTo;
        first ??= date;
        last = date;
      }
    }
    pools.push({
      reason: p.reason,
      arises: p.arises,
      ...(p.decisionId ? { decisionId: p.decisionId } : {}),
      amounts: increase,
      credit,
      instalments,
      ...(first ? { firstDueDate: first, lastDueDate: last } : {}),
    });
  }
  let cmsCatchUpRest: CatchUpRest | undefined;
  if (catchUp && !isZero(totalIncrease)) {
    // CMS's own timetable. Amounts that reach the whole increase (its maintenance, with the paying parent's fee or
    // without, or net of the receiving parents' 4%) are its whole timetable: by each date, the same fraction of the
    // increases as of its amounts, whatever remains falling due on its last date. Amounts that add up to less are the
    // instalments a schedule lists so far: each collects that much maintenance (and the fee on it), and what is left
    // is spread by Reckoner's rule after the last (cms-accounts.md §3: a parent who pays every instalment is not in
    // arrears). Never before an increase has arisen.
    const net = totalIncrease.maintenance - totalIncrease.parents.reduce((a, p) => a + p.fee, 0);
    const whole = cmsTotal! >= net;
    // Amounts beyond the maintenance carry CMS's fee already (they are what the paying parent pays): their parts keep the
    // fee in them. Otherwise each part is maintenance, and the paying parent's fee is worked on its collection.
    const feeGiven = whole && cmsTotal! > totalIncrease.maintenance;
    const firstArises = pools.find((p) => !isZero(p.amounts))!.arises;
    const source: FeeSource = { amounts: totalIncrease, parts: sorted.reduce((a, p) => a + p.parts, 0), arises: firstArises };
    const push = (event: PlanEvent, from: FeeSource) => {
      events.push(event);
      if (!feeGiven) feeFrom.set(event, from);
    };
    const scale = whole ? cmsTotal! : totalIncrease.maintenance;
    const arisenBy = (day: number): Amounts => pools.reduce((acc, p) => (toDayNumber(p.arises) <= day ? plus(acc, p.amounts) : acc), zero);
    let given = 0;
    let before = zero;
    catchUp.forEach((c, j) => {
      given += c.pence;
      const fraction = whole && j === catchUp.length - 1 ? scale : Math.min(given, scale);
      const upTo = combine(
        mapAmounts(totalIncrease, (x) => share(x, fraction, scale)),
        arisenBy(c.day),
        (x, y) => Math.min(x, y),
      );
      const collected = combine(upTo, before, (x, y) => Math.max(0, x - y));
      const part = whole ? collected : withFeeOn(collected, totalIncrease, before);
      if (!isZero(part)) push({ date: c.date, day: c.day, kind: 'catch_up', amounts: part }, source);
      before = combine(before, part, (x, y) => x + y);
    });
    const lastListed = catchUp.at(-1)!;
    const rest = whole ? zero : combine(arisenBy(lastListed.day), before, (x, y) => Math.max(0, x - y));
    if (!isZero(rest)) {
      // Spread over n instalments from the first due date after CMS's last listed one.
      let spread = zero;
      const dates: CivilDate[] = [];
      const after = addDays(lastListed.date, 1);
      for (let j = 1; j <= n; j++) {
        const upTo = mapAmounts(rest, (x) => spreadUpTo(x, j, n));
        const date = dueDateFrom(after, j - 1);
        push({ date, day: toDayNumber(date), kind: 'catch_up', amounts: minus(upTo, spread) }, { ...source, amounts: rest });
        spread = upTo;
        dates.push(date);
      }
      before = plus(before, rest);
      cmsCatchUpRest = {
        listedTo: lastListed.date,
        listedDates: catchUp.length,
        listedPence: cmsTotal!,
        amounts: rest,
        instalments: n,
        firstDueDate: dates[0]!,
        lastDueDate: dates.at(-1)!,
      };
    }
    // Anything not yet scheduled (an increase arising after CMS's last date) falls due on the next due date after it.
    const left = minus(totalIncrease, before);
    if (!isZero(left)) {
      const lastPool = pools.filter((p) => !isZero(p.amounts)).at(-1)!;
      const date = dueDateFrom(compareDates(lastPool.arises, lastListed.date) > 0 ? lastPool.arises : lastListed.date, 0);
      push({ date, day: toDayNumber(date), kind: 'catch_up', amounts: left }, { ...source, amounts: left });
    }
  }
  void lastDue;
  const feeOnCollections = feesOnCollections(events, feeFrom);
  const order = { ongoing: 0, catch_up: 1, credit: 2 } as const;
  events.sort((a, b) => a.day - b.day || order[a.kind] - order[b.kind] || (a.line ?? 0) - (b.line ?? 0) || (a.pool ?? 0) - (b.pool ?? 0));
  return {
    events,
    pools,
    rule: catchUp ? 'cms_schedule' : 'instalments',
    catchUpInstalments: n,
    ...(cmsTotal !== undefined ? { cmsCatchUpTotal: cmsTotal } : {}),
    ...(cmsCatchUpRest ? { cmsCatchUpRest } : {}),
    feeOnCollections,
  };
}

/**
 * What the first `j` of `n` instalments of `x` pence come to when `x` is spread as a payment schedule sets it out:
 * equal instalments of `x` ÷ `n` to the penny (half a penny up), the last taking what is left, so that a parent who
 * pays the equal instalment each time pays exactly what falls due (CMS's schedule of 11 × £18.78 and £18.75 for
 * £225.33). Spread cumulatively, the instalments went by turns a penny apart (£583.74 over 12: £48.65, £48.64, …),
 * and a parent who paid the same each time read a few pence "paid ahead" or short. Where equal instalments rounded up
 * would reach `x` before the last (a few pence spread over many instalments: a 4% fee of £5.60 over 52 weeks is
 * £0.11 a week), they stop there, as a fee worked on each collection would: the rest, if any, falls on the last.
 */
export function spreadUpTo(x: number, j: number, n: number): number {
  if (j >= n) return x;
  const upTo = share(x, 1, n) * j;
  return Math.abs(upTo) > Math.abs(x) ? x : upTo;
}

/** What a catch-up part is a part of, for its fee: the amount spread, and how many periods' changes make it up. */
interface FeeSource {
  readonly amounts: Amounts;
  readonly parts: number;
  /** The day the amount arose (the first of them, for CMS's timetable of several). */
  readonly arises: CivilDate;
}

/**
 * The paying parent's 20% on each catch-up part, worked as CMS charges it: added to each collection and rounded to the
 * penny on it (Fees Regs 2014 reg 7; fractions of a penny half up, as the NI twin SR 2014/182 reg 3(5) says; GOV.UK
 * "Manage your Child Maintenance Service case": a fee "each time you make … a regular child maintenance payment …
 * 20% (which is added to the payment)"), the same rounding as the split of each Collect and Pay payment into
 * maintenance and fee (calc/reconcile/credits.ts maintenancePartOf). So on a due date the fee is 20% of the ongoing
 * instalment and the catch-up parts together, rounded once, less the ongoing instalment's own fee; a part falling on
 * a date with no ongoing instalment carries 20% of itself. Before (a meaning probe of 6 December 2026) each part took
 * its share of the amount's fee, cumulatively: £225.33 spread as CMS's 11 × £18.78 and £18.75 carried fees of £3.76
 * and £3.75 by turns, £45.07 in all, where CMS adds £3.76 to each £18.78 and £3.75 to the £18.75, £45.11, and a
 * parent who paid exactly that read "£0.04 paid ahead of the payment plan".
 *
 * Only an amount whose fee is the whole percentage of its maintenance (every period of it collected, each period's fee
 * within a penny of it) is worked so; an amount only partly collected (a Direct Pay period in it) keeps the fee it
 * accrued, each part its share of it rounded on that part. The receiving parents' 4% is left as it was shared.
 */
function feesOnCollections(events: PlanEvent[], feeFrom: ReadonlyMap<PlanEvent, FeeSource>): FeeOnCollection[] {
  const beyond = new Map<CivilDate, number>();
  if (feeFrom.size === 0) return [];
  const pctOn = (date: CivilDate): number =>
    compareDates(date, SCHEME_START) < 0 ? 0 : Number(valueOn(collectionFeePayingPercent, date).value);
  const feeOf = (pence: number, pct: number) => share(pence, pct, 100);
  const ongoing = new Map<number, { maintenance: number; fee: number }>();
  for (const e of events) {
    if (e.kind !== 'ongoing') continue;
    const o = ongoing.get(e.day) ?? { maintenance: 0, fee: 0 };
    ongoing.set(e.day, { maintenance: o.maintenance + e.amounts.maintenance, fee: o.fee + e.amounts.fee });
  }
  // What each day's collection holds so far: the ongoing instalment (when its fee is the whole percentage of it), then
  // each catch-up part in the order built.
  const collected = new Map<number, number>();
  for (const [i, e] of events.entries()) {
    const from = feeFrom.get(e);
    if (!from || from.amounts.fee <= 0) continue;
    const pct = pctOn(e.date);
    const whole = pct > 0 && Math.abs(from.amounts.fee - feeOf(from.amounts.maintenance, pct)) <= from.parts;
    if (!whole && e.amounts.maintenance <= 0) continue;
    let fee: number;
    if (whole) {
      let held = collected.get(e.day);
      if (held === undefined) {
        const o = ongoing.get(e.day);
        held = o && o.fee === feeOf(o.maintenance, pct) ? o.maintenance : 0;
      }
      fee = feeOf(held + e.amounts.maintenance, pct) - feeOf(held, pct);
      collected.set(e.day, held + e.amounts.maintenance);
    } else {
      fee = share(from.amounts.fee, e.amounts.maintenance, from.amounts.maintenance);
    }
    if (fee !== e.amounts.fee) beyond.set(from.arises, (beyond.get(from.arises) ?? 0) + fee - e.amounts.fee);
    events[i] = { ...e, amounts: { ...e.amounts, fee } };
  }
  return [...beyond].filter(([, pence]) => pence !== 0).map(([arises, pence]) => ({ arises, pence }));
}

/**
 * A listed catch-up part with its fees worked on the maintenance it collects, as CMS works the fee on each instalment
 * (20% of it for the paying parent, 4% of each share for the receiving parents): `total`'s fee in proportion, rounded
 * on its own, never more than is left of `total`'s fee after `before`.
 */
function withFeeOn(part: Amounts, total: Amounts, before: Amounts): Amounts {
  const feeOn = (maintenance: number, totalMaintenance: number, totalFee: number, feeBefore: number) =>
    totalMaintenance === 0 ? 0 : Math.min(share(totalFee, maintenance, totalMaintenance), totalFee - feeBefore);
  return {
    maintenance: part.maintenance,
    fee: feeOn(part.maintenance, total.maintenance, total.fee, before.fee),
    parents: part.parents.map((p, i) => {
      const t = total.parents[i]!;
      return { maintenance: p.maintenance, fee: feeOn(p.maintenance, t.maintenance, t.fee, before.parents[i]!.fee) };
    }),
  };
}

/** The sum of what the plan made due on or before `day`. */
export function dueBy(plan: PaymentPlan, day: number, parents: number): Amounts {
  let total = zeroAmounts(parents);
  for (const e of plan.events) {
    if (e.day > day) break;
    total = plus(total, e.amounts);
  }
  return total;
}
