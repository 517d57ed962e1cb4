/**
 * Stage 4 of reconciliation: what CMS charged, against the decisions and the fee rules. Maintenance and collection
 * fees period by period against the schedule (a line repeated is a duplicate; a line lowered after a backdated
 * reduction, or while the parent is in credit, is an overpayment being offset, not a wrong amount); each enforcement
 * charge against the Fees Regulations on its date, its repeats, and, where the records show no arrears on its day,
 * whether its action needs them (enforcement.ts: a deduction from earnings order does not, so its charge stands, with a
 * warning to the paying parent; a liability order does); CMS's adjustments and write-offs taken as recorded.
 * @module
 */
import { compareDates } from '../dates.ts';
import type { CmsEntry } from '../ledger/entries.ts';
import { fromPence } from '../money.ts';
import { valueOn } from '../parameters.ts';
import { ENFORCEMENT_ACTIONS, enforcementCharges as chargeTable, type EnforcementAction } from '../scheme-2012/parameters.ts';
import { feeOf } from './credits.ts';
import { NO_EFFECT, type Effect, type FindingDraft, type MatchDraft } from './draft.ts';
import { ENFORCEMENT_POWERS } from './enforcement.ts';
import { chargeWithoutArrearsWarning } from './explain.ts';
import type { Periods } from './periods.ts';
import type { Books } from './read.ts';
import type { FindingFacts } from './types.ts';

export interface ChargesResult {
  readonly findings: FindingDraft[];
  readonly matches: MatchDraft[];
  /** CMS's maintenance and fee lines by period, where it gave any (undefined where it gave none). */
  readonly cmsLiability: readonly (number | undefined)[];
  readonly cmsFee: readonly (number | undefined)[];
  /** CMS's lines less what the decisions make due, by period (zero where it gave none). */
  readonly liabilityDifference: readonly number[];
  /** Whether a Collect and Pay payment schedule's lines were read as the maintenance with the paying parent's fee. */
  readonly feesInScheduleLines: boolean;
  /** Enforcement charges the rules allow, with their days (they stand in the recomputed balance). */
  readonly allowedCharges: readonly { readonly day: number; readonly pence: number }[];
  /** Adjustments and write-offs, signed as they change the balance, with their days. */
  readonly adjustments: readonly { readonly day: number; readonly pence: number; readonly writeOff: boolean }[];
  /** Offsets CMS recorded (they lower CMS's figure only). */
  readonly offsets: readonly { readonly day: number; readonly pence: number }[];
  /**
   * Adjustments by which CMS applied a backdated reduction, by the parts they take off (negative; they change CMS's
   * figure only: the decisions already make the reduced amount due).
   */
  readonly revisions: readonly { readonly day: number; readonly maintenance: number; readonly fees: number }[];
}

/** The first day the Fees Regulations' table is coded for; earlier charges are read against it (it is empty then). */
const TABLE_FROM = '2013-11-25';
/** Two charges for the same action this close together are one action charged twice (Reckoner's rule). */
const DUPLICATE_CHARGE_DAYS = 31;

const fact = (e: CmsEntry) => ({
  type: e.type,
  date: e.date,
  amount: fromPence(e.pence),
  ...(e.description ? { description: e.description } : {}),
});

export function reconcileCharges(
  books: Books,
  periods: Periods,
  /** The overdue balance the evidence shows at the end of a day (whole pence, all components but charges). */
  trueBalanceOn: (day: number) => number,
  /** The arrears carried in from the CSA, less write-offs, at the end of a day: arrears to enforce too. */
  carriedOn: (day: number) => number = () => 0,
): ChargesResult {
  const findings: FindingDraft[] = [];
  const matches: MatchDraft[] = [];
  const lines = books.schedule.lines;
  const n = periods.count;
  const first = lines[0];
  const last = lines[lines.length - 1];
  const end = books.schedule.liabilityEnd;
  const netBasis = books.side === 'receiving' && books.basis === 'net';
  const cmsLiability: (number | undefined)[] = Array.from({ length: n }, () => undefined);
  const cmsFee: (number | undefined)[] = Array.from({ length: n }, () => undefined);
  const liabilityDifference = Array.from({ length: n }, () => 0);

  // The decision behind a period CMS charged at the amount known before a backdated letter.
  const ongoing = new Map<number, number>();
  for (const e of books.schedule.plan.events)
    if (e.kind === 'ongoing' && e.line !== undefined)
      ongoing.set(e.line, books.side === 'paying' ? e.amounts.maintenance : e.amounts.parents[books.rpIndex]!.maintenance);
  const backdatedAfter = (p: number) => {
    const due = lines[p]!.dueDate;
    const pool = books.schedule.plan.pools.find((x) => x.reason === 'backdated' && compareDates(x.arises, due) > 0 && x.decisionId);
    const d = pool && books.schedule.decisions.find((x) => x.id === pool.decisionId);
    return d ? { id: d.id, effectiveDate: d.effectiveDate, ...(d.letterDate ? { letterDate: d.letterDate } : {}) } : undefined;
  };
  // An overcharge CMS may later offset: what it charged above the decisions for periods a backdated reduction covers.
  let toOffset = 0;
  /** The periods CMS charged at the amount a backdated decision has since changed. */
  const backdatedPeriods = new Set<number>();

  const inSchedule = (e: CmsEntry) =>
    first !== undefined &&
    last !== undefined &&
    compareDates(e.date, first.periodStart) >= 0 &&
    compareDates(e.date, last.periodEnd) <= 0 &&
    (end === undefined || compareDates(e.date, end) < 0);

  // Periods for which CMS gave collection fee lines of its own: there a schedule's amount is not read as including one.
  const feeLinePeriods = new Set(books.collectionFees.filter(inSchedule).map((e) => periods.periodOf(e.day)));
  /**
   * What a payment schedule's line for a period states, where it is not simply what accrued in the period: the
   * instalment the payment plan asks for, which also collects a part of initial or backdated arrears (money already
   * owed, not a new charge: C&E Regs 1992 reg 4, Reckoner's plan as given or assumed); and on Collect and Pay, as
   * accrued or as the plan's instalment, what the paying parent pays, the maintenance with the 20% fee added, or what
   * the receiving parent receives, the maintenance with the 4% fee taken off (SI 2014/612 reg 7).
   */
  const scheduleInstalment = (group: readonly CmsEntry[], p: number, got: number, expected: number): 'plan' | 'with_fee' | undefined => {
    if (!group.every((e) => e.fromSchedule)) return undefined;
    if (lines[p]!.service === 'collect_and_pay' && periods.accruedFee[p]! > 0 && !feeLinePeriods.has(p)) {
      const fee = books.side === 'paying' ? 1 : -1;
      if (got === expected + fee * periods.accruedFee[p]! || got === periods.planDueLiability[p]! + fee * periods.planDueFee[p]!)
        return 'with_fee';
    }
    return got === periods.planDueLiability[p]! ? 'plan' : undefined;
  };
  // Whether a schedule's line was read as carrying the fee: CMS's ledger then holds fees as they accrue, as where it gave fee lines.
  let feesInScheduleLines = false;

  for (const type of ['liability', 'collection_fee'] as const) {
    const isFee = type === 'collection_fee';
    const entries = isFee ? books.collectionFees : books.liabilities;
    const want = isFee ? periods.accruedFee : periods.accruedLiability;
    /** A fee line changes the receiving parent's figure only on the net basis, and the other way. */
    const effectOf = (pence: number): Effect =>
      isFee
        ? books.side === 'paying'
          ? { ...NO_EFFECT, fees: pence }
          : netBasis
            ? { ...NO_EFFECT, maintenance: -pence }
            : NO_EFFECT
        : { ...NO_EFFECT, maintenance: pence };
    const kinds = isFee
      ? ({ mismatch: 'collection_fee_mismatch', duplicate: 'duplicate_collection_fee' } as const)
      : ({ mismatch: 'liability_mismatch', duplicate: 'duplicate_liability' } as const);
    const byPeriod = new Map<number, CmsEntry[]>();
    for (const e of entries) {
      if (!inSchedule(e)) {
        findings.push({
          kind: kinds.mismatch,
          date: e.date,
          amount: e.pence,
          effect: effectOf(e.pence),
          cms: [e],
          bank: [],
          evidence: [],
          facts: {
            cms: [fact(e)],
            charged: fromPence(e.pence),
            due: fromPence(0),
            reason: end !== undefined && compareDates(e.date, end) >= 0 ? 'after_case_end' : 'outside_schedule',
          },
        });
        continue;
      }
      const p = periods.periodOf(e.day);
      const list = byPeriod.get(p);
      if (list) list.push(e);
      else byPeriod.set(p, [e]);
    }
    // Her 4% is taken from what CMS collects for her, as it passes it on (SI 2014/612 reg 7: "4% of any payment …
    // which [it] has collected"), not from the instalment: a period whose fee lines are each the 4% on what was
    // collected (collectedFees) is right, whether it collected less than fell due (the rest of the 4% comes off as the
    // rest is collected) or more (a catch-up of earlier months, its 4% rounded on the whole). Those are settled
    // before any line is moved to the period of the payment it follows: none of theirs needs to be.
    const settled = new Set<number>();
    if (isFee && books.side === 'receiving') {
      const pctOn = (day: number) => books.fees.pctOn(day);
      const collected = collectedFees([...byPeriod.values()].flat(), books.payments, books.receipts, (day) => periods.periodOf(day), pctOn);
      const settledGroups = [...byPeriod].filter(([p, group]) => want[p]! > 0 && group.every((e) => collected.has(e)));
      for (const [p] of settledGroups) {
        settled.add(p);
        byPeriod.delete(p);
      }
      // A settled period takes no line from another: to the move it has no fee to lack.
      feesWithLatePassOns(
        byPeriod,
        want.map((w, k) => (settled.has(k) ? 0 : w)),
        books.payments,
        pctOn,
      );
      for (const [p, group] of settledGroups) byPeriod.set(p, group);
    }
    for (const [p, group] of [...byPeriod.entries()].sort((a, b) => a[0] - b[0])) {
      const line = lines[p]!;
      const expected = want[p]!;
      const got = group.reduce((a, e) => a + e.pence, 0);
      if (isFee) cmsFee[p] = got;
      else {
        cmsLiability[p] = got;
        liabilityDifference[p] = got - expected;
      }
      const period = { start: line.periodStart, end: line.periodEnd };
      const agree = (es: readonly CmsEntry[], amount: number) =>
        matches.push({ reason: 'schedule_agrees', amount, days: 0, cms: es, bank: [], evidence: [] });
      if (got === expected) {
        agree(group, got);
        continue;
      }
      // A schedule's fee line for a period whose instalment collects arrears too carries the fee on those as well.
      if (isFee && group.every((e) => e.fromSchedule) && got === periods.planDueFee[p]!) {
        agree(group, got);
        cmsFee[p] = expected;
        continue;
      }
      // Her fee lines, each the 4% on what was collected (above): CMS's figure holds the period's fee as it accrued, as
      // Reckoner's does (rounding on collections against rounding on instalments can leave a penny).
      if (settled.has(p)) {
        agree(group, got);
        cmsFee[p] = expected;
        continue;
      }
      const instalment = isFee ? undefined : scheduleInstalment(group, p, got, expected);
      if (instalment) {
        // The schedule agrees; CMS's ledger holds the period as the maintenance that accrued in it (and its fee).
        agree(group, got);
        cmsLiability[p] = expected;
        liabilityDifference[p] = 0;
        if (instalment === 'with_fee') {
          cmsFee[p] = periods.accruedFee[p]!;
          feesInScheduleLines = true;
        }
        continue;
      }
      // One line too many that repeats another exactly: a duplicate, and the rest agree.
      const dupIndex = group.findIndex((e, k) => group.some((f, j) => j < k && f.pence === e.pence) && got - e.pence === expected);
      if (dupIndex >= 0) {
        const dup = group[dupIndex]!;
        const original = group.find((f, j) => j < dupIndex && f.pence === dup.pence)!;
        agree(
          group.filter((e) => e !== dup),
          expected,
        );
        findings.push({
          kind: kinds.duplicate,
          date: dup.date,
          amount: dup.pence,
          effect: effectOf(dup.pence),
          cms: [dup, original],
          bank: [],
          evidence: [],
          facts: { cms: [fact(dup), fact(original)], period, charged: fromPence(got), due: fromPence(expected) },
        });
        continue;
      }
      const diff = got - expected;
      const facts: FindingFacts = {
        cms: group.map(fact),
        period,
        charged: fromPence(got),
        due: fromPence(expected),
        ...(isFee && line.service === 'direct_pay' && expected === 0 ? { reason: 'direct_pay' as const } : {}),
        ...(isFee && expected === 0 && line.service === 'collect_and_pay' ? { reason: 'before_fees' as const } : {}),
      };
      if (!isFee && diff > 0 && ongoing.get(p) === got) {
        // CMS charged what was due before a backdated decision changed it: the decision has not been applied here.
        const decision = backdatedAfter(p);
        if (decision) {
          toOffset += diff;
          backdatedPeriods.add(p);
          findings.push({
            kind: 'liability_mismatch',
            date: group[0]!.date,
            amount: diff,
            effect: effectOf(diff),
            cms: group,
            bank: [],
            evidence: [],
            facts: { ...facts, reason: 'backdated_decision', decision },
          });
          continue;
        }
      }
      if (!isFee && diff < 0) {
        // Lower than due while there is an overpayment to set against it: an offset, up to what there is to offset.
        const credit = toOffset + Math.max(0, -trueBalanceOn(periods.dueDays[p]! - 1));
        const offset = Math.min(-diff, credit);
        if (offset > 0) {
          toOffset = Math.max(0, toOffset - offset);
          findings.push({
            kind: 'overpayment_offset',
            date: group[0]!.date,
            amount: offset,
            effect: effectOf(-offset),
            cms: offset === -diff ? group : [],
            bank: [],
            evidence: [],
            facts: { ...facts },
          });
          if (offset === -diff) continue;
          findings.push({
            kind: 'liability_mismatch',
            date: group[0]!.date,
            amount: -diff - offset,
            effect: effectOf(diff + offset),
            cms: group,
            bank: [],
            evidence: [],
            facts,
          });
          continue;
        }
      }
      findings.push({
        kind: kinds.mismatch,
        date: group[0]!.date,
        amount: Math.abs(diff),
        effect: effectOf(diff),
        cms: group,
        bank: [],
        evidence: [],
        facts,
      });
    }
  }

  // Enforcement charges: allowed on the day, not repeated, and with arrears to enforce where the action needs them,
  // counting the arrears carried over from the CSA with those built up since.
  const allowedCharges: { day: number; pence: number }[] = [];
  const arrearsOn = (day: number): number => trueBalanceOn(day) + carriedOn(day);
  /** Whether the records show a payment missed or late on or before `day`: the balance owing at the end of a day something fell due. */
  const behindBy = (day: number): boolean =>
    books.schedule.plan.events.some((ev) => ev.day <= day && ev.day <= books.asOfDay && arrearsOn(ev.day) > 0);
  /** Charges of an allowed amount already seen, for spotting the same action charged twice. */
  const seen: { day: number; action: string }[] = [];
  for (const e of books.enforcementCharges) {
    const table = valueOn(chargeTable, e.date < TABLE_FROM ? TABLE_FROM : e.date).value;
    const values = [...new Set(Object.values(table))].map((v) => Math.round(Number(v) * 100));
    const allowedFor = e.chargeType ? table[e.chargeType] : undefined;
    const allowed = (allowedFor !== undefined ? [Math.round(Number(allowedFor) * 100)] : values).map(fromPence);
    const base: FindingFacts = { cms: [fact(e)], ...(e.chargeType ? { action: e.chargeType } : {}), allowed };
    const draft = (kind: FindingDraft['kind'], amount: number, facts: FindingFacts): FindingDraft => ({
      kind,
      date: e.date,
      amount: Math.abs(amount),
      effect: { ...NO_EFFECT, charges: amount },
      cms: [e],
      bank: [],
      evidence: [],
      facts,
    });
    if (values.length === 0) {
      findings.push(draft('enforcement_charge_not_allowed', e.pence, { ...base, reason: 'before_charges' }));
      continue;
    }
    if (books.fees.serviceOn(e.day) === 'direct_pay') {
      findings.push(draft('enforcement_charge_not_allowed', e.pence, { ...base, reason: 'direct_pay' }));
      continue;
    }
    if (allowedFor === undefined && !values.includes(e.pence)) {
      findings.push(draft('enforcement_charge_not_allowed', e.pence, { ...base, reason: 'not_an_allowed_amount' }));
      continue;
    }
    // What the rules allow for it; a repeat, or a charge for an action that needed arrears there were not, is not owed.
    const lawful = allowedFor !== undefined ? Math.round(Number(allowedFor) * 100) : e.pence;
    const action = e.chargeType ?? `amount ${e.pence}`;
    const twin = seen.find((c) => c.action === action && e.day - c.day <= DUPLICATE_CHARGE_DAYS);
    seen.push({ day: e.day, action });
    if (twin) {
      findings.push(draft('duplicate_enforcement_charge', e.pence, base));
      continue;
    }
    // No arrears on the day: the charge stands if an action it can be for may be taken without them (enforcement.ts).
    const arrears = arrearsOn(e.day);
    let standsBy: EnforcementAction | undefined;
    if (arrears <= 0) {
      const actions = e.chargeType
        ? [e.chargeType]
        : ENFORCEMENT_ACTIONS.filter((a) => table[a] !== undefined && Math.round(Number(table[a]) * 100) === e.pence);
      standsBy =
        actions.find((a) => ENFORCEMENT_POWERS[a].needs === 'none') ??
        actions.find((a) => ENFORCEMENT_POWERS[a].needs === 'failure' && behindBy(e.day));
      if (standsBy === undefined) {
        findings.push(
          draft('enforcement_without_arrears', e.pence, {
            ...base,
            arrearsThen: fromPence(arrears),
            actions,
            law: [...new Set(actions.map((a) => ENFORCEMENT_POWERS[a].law))],
            ...(actions.every((a) => ENFORCEMENT_POWERS[a].needs === 'failure') ? { reason: 'never_behind' as const } : {}),
          }),
        );
        continue;
      }
      // A paying parent may have chosen the deductions: whether the charge applies then is a point to raise, not an error.
      if (books.side === 'paying' && ENFORCEMENT_POWERS[standsBy].needs === 'none' && lawful > 0) {
        books.warnings.push(chargeWithoutArrearsWarning({ date: e.date, charged: e.pence, lawful, action: e.chargeType, standsBy }));
      }
    }
    if (lawful > 0) allowedCharges.push({ day: e.day, pence: lawful });
    if (lawful !== e.pence)
      findings.push(draft('enforcement_charge_not_allowed', e.pence - lawful, { ...base, reason: 'wrong_amount_for_action' }));
    else if (standsBy !== undefined)
      matches.push({ reason: 'charge_without_arrears', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [], note: standsBy });
    else matches.push({ reason: 'charge_agrees', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
  }

  // Adjustments and write-offs are taken as recorded. An offset of an overpayment the records show moves that credit
  // onto what was due: counted again beside the payments that made the overpayment, it would count twice, so it is
  // left out of CMS's entries as the transfer it is (cms-accounts.md §3: "an adjustment on the account, not a
  // liability error"). One larger than any overpayment the records show lowers CMS's figure only: a finding.
  const adjustments: { day: number; pence: number; writeOff: boolean }[] = [];
  const offsets: { day: number; pence: number }[] = [];
  const applying = books.side === 'paying' ? revisionAdjustments(books.adjustments, findings, backdatedPeriods, periods) : undefined;
  const revisions: { day: number; maintenance: number; fees: number }[] = [];
  if (applying) {
    // CMS applied the backdated decision by adjustment: its lines at the old amount and the adjustment together are
    // what the decisions make due, so neither is an error, and the adjustment is not taken again beside the decisions.
    const overcharges = new Set(applying.overcharges);
    findings.splice(0, findings.length, ...findings.filter((f) => !overcharges.has(f)));
    for (const f of applying.overcharges)
      matches.push({ reason: 'schedule_agrees', amount: f.amount, days: 0, cms: f.cms, bank: [], evidence: [] });
    toOffset = Math.max(0, toOffset - applying.overcharges.reduce((a, f) => a + f.amount, 0));
    // In CMS's entries the adjustment takes off the parts it was charged above the decisions, on its day.
    const sum = (kind: FindingDraft['kind']) => applying.overcharges.reduce((a, f) => a + (f.kind === kind ? f.amount : 0), 0);
    revisions.push({ day: applying.entries.at(-1)!.day, maintenance: -sum('liability_mismatch'), fees: -sum('collection_fee_mismatch') });
  }
  for (const e of books.adjustments) {
    if (applying?.entries.includes(e)) {
      matches.push({ reason: 'backdated_decision_applied', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
      continue;
    }
    if (e.type === 'offset') {
      // What there was to set off: the overpayment before the instalment it is set against (the one due on or before
      // the offset's day; the balance at the day's end has that instalment in it already), or on the day before.
      const dueBefore = periods.dueDays.filter((d) => d <= e.day).at(-1);
      const before = Math.min(trueBalanceOn(e.day - 1), dueBefore === undefined ? 0 : trueBalanceOn(dueBefore - 1));
      const had = toOffset + Math.max(0, -before);
      toOffset = Math.max(0, toOffset - e.pence);
      if (had >= e.pence) {
        matches.push({ reason: 'overpayment_set_off', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
        continue;
      }
      offsets.push({ day: e.day, pence: e.pence });
      findings.push({
        kind: 'overpayment_offset',
        date: e.date,
        amount: e.pence,
        effect: { ...NO_EFFECT, maintenance: -e.pence },
        cms: [e],
        bank: [],
        evidence: [],
        facts: { cms: [fact(e)], reason: 'nothing_to_offset' },
      });
      continue;
    }
    const signed = e.type === 'write_off' ? -e.pence : e.pence;
    adjustments.push({ day: e.day, pence: signed, writeOff: e.type === 'write_off' });
    matches.push({ reason: 'accepted_as_recorded', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
  }
  return {
    findings,
    matches,
    cmsLiability,
    cmsFee,
    liabilityDifference,
    feesInScheduleLines,
    allowedCharges,
    adjustments,
    offsets,
    revisions,
  };
}

/**
 * CMS's usual way of applying a backdated reduction (cms-accounts.md §3): the periods it charged at the amount known
 * then stay as they were, and one adjustment (or several, on or after the decision's letter) takes the difference off.
 * Where CMS's negative adjustments dated after the overcharged periods add up, to the penny, to what those periods
 * were charged above the decisions (maintenance and, in the same periods, collection fees), they are that decision
 * applied: the overcharge findings and those adjustments are returned. Undefined where they do not add up to it; the
 * periods are then findings, and the adjustments are taken as recorded, as before.
 */
/**
 * Receiving side: the 4% is taken from a payment as CMS passes it on (SI 2014/612 reg 7), and CMS may date the fee
 * line on the day it passes the payment on. A payment passed on late then puts its fee in a later period than the
 * one it was due for: that period shows more fees than accrued in it, an earlier one less. A fee line dated on a day
 * CMS passed money on, in a period whose fees are more than accrued, goes to the earliest period before it whose fees
 * are short by at least as much (what is passed on goes to the earliest payment not yet passed on), as long as its
 * own period keeps what accrued in it, and each fee line on its day has a pass-on of its own (a fee line repeated on
 * the day of one pass-on stays a duplicate). Moves the lines between the groups (Reckoner's rule: the fee follows its
 * payment).
 */
function feesWithLatePassOns(
  byPeriod: Map<number, CmsEntry[]>,
  accrued: readonly number[],
  paid: readonly CmsEntry[],
  /** Her collection fee's percentage on a day (SI 2014/612 reg 7: 4). */
  pctOn: (day: number) => number,
): void {
  // A fee line follows a pass-on only where each fee line on that day has a pass-on of its own: two fee lines on the
  // day of one pass-on are one too many, wherever they are put.
  const passOns = countByDay(paid.filter((e) => e.type === 'payment_passed_on'));
  if (passOns.size === 0) return;
  const feeLines = countByDay([...byPeriod.values()].flat());
  const passedOnByDay = new Map<number, number>();
  for (const e of paid) if (e.type === 'payment_passed_on') passedOnByDay.set(e.day, (passedOnByDay.get(e.day) ?? 0) + e.pence);
  const follows = (e: CmsEntry) => (passOns.get(e.day) ?? 0) >= feeLines.get(e.day)!;
  // What each period's fee lines lack of what accrued in it (negative: more than accrued), kept as lines move; and
  // the periods lacking some, in order: only they can take a line.
  const lacking = accrued.map((a, k) => a - (byPeriod.get(k) ?? []).reduce((sum, e) => sum + e.pence, 0));
  let short = lacking.flatMap((l, k) => (accrued[k]! > 0 && l > 0 ? [k] : []));
  const give = (k: number, e: CmsEntry) => {
    const to = byPeriod.get(k);
    if (to) to.push(e);
    else byPeriod.set(k, [e]);
    lacking[k]! -= e.pence;
    if (lacking[k]! <= 0) short = short.filter((x) => x !== k);
  };
  for (const p of [...byPeriod.keys()].sort((a, b) => a - b)) {
    const group = byPeriod.get(p)!;
    // The earliest lines first: what was passed on first went to the earliest payment not yet passed on.
    for (const e of [...group].sort((a, b) => a.day - b.day)) {
      // Only a period with more fees than accrued has a line to give, and only to a period before it.
      if (lacking[p]! >= 0 || !follows(e) || short.length === 0 || short[0]! >= p) continue;
      const excess = -lacking[p]!;
      const q = e.pence <= excess ? short.find((k) => k < p && lacking[k]! >= e.pence) : undefined;
      if (q !== undefined) {
        group.splice(group.indexOf(e), 1);
        lacking[p]! += e.pence;
        give(q, e);
        continue;
      }
      // One fee line for payments of several periods passed on together (£41.60 on the day August's and September's
      // were passed on as one): the part its own period does not need goes to the earlier periods short of it, each
      // taking all it lacks, oldest first, the line then cited in each (a meaning probe, 6 December 2026).
      // Only a line that is the fee on what was passed on that day (what reached her is the rest: 4% of £1,040.00 is
      // £41.60 beside £998.40), not one of twice the fee beside one month's payment.
      const pct = pctOn(e.day);
      const onDay = passedOnByDay.get(e.day) ?? 0;
      if (pct <= 0 || pct >= 100 || Math.abs(e.pence - Math.round((onDay * pct) / (100 - pct))) > 2) continue;
      let spare = Math.min(e.pence, excess);
      const parts: { q: number; pence: number }[] = [];
      for (const k of short) {
        if (k >= p || spare <= 0) break;
        if (lacking[k]! <= spare) {
          parts.push({ q: k, pence: lacking[k]! });
          spare -= lacking[k]!;
        }
      }
      if (parts.length === 0) continue;
      const moved = parts.reduce((a, x) => a + x.pence, 0);
      group[group.indexOf(e)] = { ...e, pence: e.pence - moved };
      lacking[p]! += moved;
      for (const { q: k, pence } of parts) give(k, { ...e, pence });
    }
  }
  for (const [p, group] of byPeriod) if (group.length === 0) byPeriod.delete(p);
}

/**
 * Her fee lines that are each the 4% on what CMS collected for her (SI 2014/612 reg 7), half a penny up.
 * - A line dated on a day CMS passed money on is read with the other fee lines of that day: what reached her and the
 *   fee together are what was collected (£4.00 beside £96.00 passed on: 4% of £100.00).
 * - A line dated on a day CMS records money received for her (and passed none on) is read against what it received
 *   that day (£4.00 on £100.00 received; passed on later, perhaps the month after).
 * - The lines of a period dated on neither (CMS may date her fee on the due date) are read together against what was
 *   passed on in that period on days with no fee line; failing that, against what CMS received for her in that
 *   period on such days; failing that, against one day's payment passed on in the next period on such a day, not
 *   taken by an earlier period (a part collection passed on late: £4.00 dated 1 July beside £96.00 passed on on 2
 *   August). Periods are read oldest first, each from the pass-ons the ones before it left.
 * Within a penny for each payment after the first, each payment's 4% being rounded on its own.
 */
function collectedFees(
  lines: readonly CmsEntry[],
  payments: readonly CmsEntry[],
  /** What CMS records receiving for her (from the paying parent, his employer, a benefit). */
  receipts: readonly CmsEntry[],
  periodOf: (day: number) => number,
  pctOn: (day: number) => number,
): Set<CmsEntry> {
  const right = new Set<CmsEntry>();
  const byDayOf = (entries: readonly CmsEntry[]) => {
    const days = new Map<number, { pence: number; count: number }>();
    for (const e of entries) {
      if (e.pence <= 0) continue;
      const x = days.get(e.day) ?? { pence: 0, count: 0 };
      days.set(e.day, { pence: x.pence + e.pence, count: x.count + 1 });
    }
    return days;
  };
  const passedOn = byDayOf(payments.filter((e) => e.type === 'payment_passed_on'));
  const received = byDayOf(receipts);
  /** Whether `fee` is the 4% on `gross` collected in `count` payments. */
  const isFeeOn = (fee: number, gross: number, count: number, pct: number): boolean =>
    pct > 0 && fee > 0 && Math.abs(fee - feeOf(gross, pct)) <= count - 1;
  const sum = (es: readonly CmsEntry[]) => es.reduce((a, e) => a + e.pence, 0);
  // On the day of a payment passed on, or of money received; the rest by period.
  const onDay = groupBy(
    lines.filter((e) => passedOn.has(e.day) || received.has(e.day)),
    (e) => e.day,
  );
  const byPeriod = groupBy(
    lines.filter((e) => !onDay.has(e.day)),
    (e) => periodOf(e.day),
  );
  for (const [day, es] of onDay) {
    const fee = sum(es);
    const out = passedOn.get(day);
    const got = received.get(day)!;
    const pct = pctOn(day);
    if (out ? isFeeOn(fee, out.pence + fee, out.count, pct) : isFeeOn(fee, got.pence, got.count, pct)) for (const e of es) right.add(e);
  }
  // What was passed on, and what was received, in each period on days with no fee line, day by day: for the lines of
  // a period dated on no such day.
  const feeDays = new Set(lines.map((e) => e.day));
  const byPeriodOf = (days: Map<number, { pence: number; count: number }>) =>
    groupBy(
      [...days].filter(([day]) => !feeDays.has(day)),
      ([day]) => periodOf(day),
    );
  const passedOnIn = byPeriodOf(passedOn);
  const receivedIn = byPeriodOf(received);
  const total = (days: readonly [number, { pence: number; count: number }][]) =>
    days.reduce((a, [, x]) => ({ pence: a.pence + x.pence, count: a.count + x.count }), { pence: 0, count: 0 });
  for (const p of [...byPeriod.keys()].sort((a, b) => a - b)) {
    const es = byPeriod.get(p)!;
    const fee = sum(es);
    const pct = pctOn(es[0]!.day);
    const own = passedOnIn.get(p) ?? [];
    const out = total(own);
    const got = total(receivedIn.get(p) ?? []);
    if (own.length > 0 && isFeeOn(fee, out.pence + fee, out.count, pct)) passedOnIn.delete(p);
    else if (got.count === 0 || !isFeeOn(fee, got.pence, got.count, pct)) {
      // A part collection passed on late: one day's pass-on of the next period, which then no longer counts in it.
      const next = passedOnIn.get(p + 1) ?? [];
      const late = next.findIndex(([, x]) => isFeeOn(fee, x.pence + fee, x.count, pct));
      if (late < 0) continue;
      next.splice(late, 1);
    }
    for (const e of es) right.add(e);
  }
  return right;
}

/** Items by a key, each list in the order given. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function countByDay(entries: readonly CmsEntry[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of entries) counts.set(e.day, (counts.get(e.day) ?? 0) + 1);
  return counts;
}

function revisionAdjustments(
  adjustments: readonly CmsEntry[],
  findings: readonly FindingDraft[],
  backdated: ReadonlySet<number>,
  periods: Periods,
): { entries: CmsEntry[]; overcharges: FindingDraft[] } | undefined {
  if (backdated.size === 0) return undefined;
  const overcharges = findings.filter(
    (f) =>
      (f.kind === 'liability_mismatch' || f.kind === 'collection_fee_mismatch') &&
      f.effect.maintenance + f.effect.fees > 0 &&
      f.cms.length > 0 &&
      backdated.has(periods.periodOf(f.cms[0]!.day)),
  );
  const total = overcharges.reduce((a, f) => a + f.amount, 0);
  const lastDay = Math.max(...overcharges.map((f) => f.cms[0]!.day));
  const candidates = adjustments.filter((e) => e.type === 'adjustment' && e.pence < 0 && e.day >= lastDay);
  const one = candidates.find((e) => -e.pence === total);
  if (one) return { entries: [one], overcharges };
  return candidates.length > 1 && -candidates.reduce((a, e) => a + e.pence, 0) === total ? { entries: candidates, overcharges } : undefined;
}
