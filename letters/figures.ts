/**
 * Where a letter's figures come from: the letter engine runs the calculator and the reconciliation itself on
 * the inputs it is given, and every figure it quotes is built here from those results, with the trace step or
 * the reconciliation finding behind it. No figure is ever taken from what a parent typed.
 * @module
 */
import { arrearsPlan, ARREARS_PLAN_STEP, type ArrearsPlan } from '../calc/arrears-plan.ts';
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { valueOn } from '../calc/parameters.ts';
import {
  readBankTransactions,
  readCmsEntries,
  readEvidence,
  type BankTransaction,
  type CmsEntry,
  type CmsEntryType,
  type Evidence,
} from '../calc/ledger/entries.ts';
import { formatMoney, fromPence, money as parseMoney, pounds, type Dec as Decimal } from '../calc/money.ts';
import {
  arrearsBesideCharges,
  cmsEntriesWords,
  COMPONENT_WORDS,
  countOf,
  entriesBesidePlan,
  owedOnlyIn,
  SPLIT_MATTERS,
  splitWords,
  uncheckedReason,
  whatPaidAheadPays,
} from '../calc/reconcile/explain.ts';
import { MOVED_ARREARS_STEP } from '../calc/reconcile/moved-arrears.ts';
import { payOverDate } from '../calc/reconcile/pay-over.ts';
import {
  explainBalance,
  explainFinding,
  reconcile,
  RECONCILE_STEP,
  SHORTFALL_STEP,
  shortfallsOf,
  type BridgeLine,
  type ByComponent,
  type Citation,
  type Component,
  type Finding,
  type ReconcileInput,
  type Reconciliation,
} from '../calc/reconcile/reconcile.ts';
import { SCHEDULE_STEP } from '../calc/schedule/build.ts';
import { calculateMaintenance, type MaintenanceInput, type MaintenanceResult } from '../calc/scheme-2012/calculate.ts';
import { compareCalculations, compareIncome, type CalculationComparison, type IncomeComparison } from '../calc/scheme-2012/compare.ts';
import { LAW } from '../calc/scheme-2012/law.ts';
import { collectionFeeReceivingPercent, enforcementCharges as enforcementChargesParameter } from '../calc/scheme-2012/parameters.ts';
import { INCOME_STEPS, RATE_STEPS, STEP, stepOf, stepsOf } from '../calc/scheme-2012/steps.ts';
import { citationsOf, sentencesOf, type TraceStep } from '../calc/trace.ts';
import { balanceWords, count, joinAnd, longDate, positionOf, type Position } from './format.ts';
import type { Block, Figure, SenderRole, StatementSummary } from './types.ts';

export type { CalculationComparison, IncomeComparison };

/** A calculate_maintenance input, whose date defaults to the day the letter is sent. */
export type CalculationInput = Omit<MaintenanceInput, 'date'> & { readonly date?: CivilDate };

export interface ComputationInputs {
  readonly calculation?: CalculationInput;
  readonly cmsCalculation?: CalculationInput;
  readonly reconciliation?: ReconcileInput;
}

export interface ComputedCalculation {
  readonly input: MaintenanceInput;
  readonly result: MaintenanceResult;
}

export interface ComputedReconciliation {
  readonly input: ReconcileInput;
  readonly result: Reconciliation;
  /** CMS's entries, bank rows and other evidence by the canonical ids the reconciliation gives them. */
  readonly cmsEntries: ReadonlyMap<string, CmsEntry>;
  readonly bankTransactions: ReadonlyMap<string, BankTransaction>;
  readonly evidence: ReadonlyMap<string, Evidence>;
  /**
   * The deductions from pay or benefit the reconciliation found still in time to reach CMS at its date whose time had
   * run out by the letter's date (set by `overdueBy`): CMS's statement to that date could not show them yet, and
   * whether they have reached it since, nothing given shows. The letter asks CMS to confirm each has been credited,
   * where it would otherwise say the employer "still has time". Empty (or left out) when none has.
   */
  readonly overdue?: readonly Finding[];
}

export interface Computed {
  readonly calculation?: ComputedCalculation;
  readonly cmsCalculation?: ComputedCalculation;
  readonly reconciliation?: ComputedReconciliation;
}

/** Re-throws a core input error with the field named as in the draft input (`calculation.payingParent…`). */
function within<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof InputError) throw e.within(prefix);
    throw e;
  }
}

/** Runs every computation the draft was given. */
export function compute(inputs: ComputationInputs, defaultDate: CivilDate): Computed {
  const calc = (prefix: string, c: CalculationInput): ComputedCalculation => {
    const input: MaintenanceInput = { ...c, date: c.date ?? defaultDate };
    return { input, result: within(prefix, () => calculateMaintenance(input)) };
  };
  let reconciliation: ComputedReconciliation | undefined;
  if (inputs.reconciliation) {
    const input = inputs.reconciliation;
    const result = within('reconciliation', () => reconcile(input));
    // The same canonical ids reconcile gives, to show each entry of the statement as CMS and the evidence have it.
    const cms = readCmsEntries(input.cmsEntries);
    const bank = readBankTransactions(input.bankTransactions);
    const evidence = readEvidence(input.evidence);
    reconciliation = {
      input,
      result,
      cmsEntries: new Map(cms.map((e) => [e.id, e])),
      bankTransactions: new Map(bank.map((t) => [t.id, t])),
      evidence: new Map(evidence.map((v) => [v.id, v])),
    };
  }
  return {
    ...(inputs.calculation ? { calculation: calc('calculation', inputs.calculation) } : {}),
    ...(inputs.cmsCalculation ? { cmsCalculation: calc('cmsCalculation', inputs.cmsCalculation) } : {}),
    ...(reconciliation ? { reconciliation } : {}),
  };
}

/** The last day a deduction on its way to CMS had to reach it: calc's, else the pay-over day (SI 1992/1989 reg 14(1)). */
export function reachByOf(f: Finding): CivilDate {
  return f.facts.reachBy ?? payOverDate(f.date);
}

/**
 * The computations with the reconciliation's `overdue` deductions marked: those still in time to reach CMS at its
 * date whose last day (`reachByOf`) is before `on`, the day the letter is dated.
 */
export function overdueBy(computed: Computed, on: CivilDate): Computed {
  const r = computed.reconciliation;
  if (!r) return computed;
  const overdue = r.result.findings.filter((f) => f.kind === 'deduction_in_transit' && reachByOf(f) < on);
  return overdue.length === 0 ? computed : { ...computed, reconciliation: { ...r, overdue } };
}

/**
 * Whether every deduction on its way to CMS at the reconciliation's date had run out of time by the letter's (and
 * there is one, and no payment recorded after the date is on its way beside them): the letters then say CMS's
 * statement could not yet show them and ask it to confirm them credited.
 */
export function allOverdue(r: ComputedReconciliation): boolean {
  const { deductions, payments } = inTransitCounts(r);
  return (r.overdue?.length ?? 0) > 0 && r.overdue!.length === deductions && payments === 0;
}

/**
 * The overdue deductions, each with its date, amount and last day: "£390.00 deducted from my pay on 24 April 2026,
 * which had until 19 May 2026 to reach you". `you` names CMS as the sentence does.
 */
export function overdueList(r: ComputedReconciliation, you: string): string {
  return joinAnd(
    (r.overdue ?? []).map((f) => {
      const c = f.citations[0]!;
      return `${pounds(c.amount)} deducted from my ${c.kind === 'payslip_deduction' ? 'pay' : 'benefit'} on ${longDate(c.date)}, which had until ${longDate(reachByOf(f))} to reach ${you}`;
    }),
  );
}

/**
 * The statement's "why" for an overdue deduction: what the payslip (or benefit statement) shows, the day it had until,
 * and that CMS's statement to its date could not show it yet; not an error of CMS's, and not arrears.
 */
function overdueWhy(r: ComputedReconciliation, f: Finding): string {
  const c = f.citations[0]!;
  const doc = c.kind === 'payslip_deduction' ? 'payslip' : 'benefit statement';
  const reaching = f.amount.eq(c.amount) ? '' : `, of which ${pounds(f.amount)} was to reach CMS`;
  return (
    `My ${doc} of ${longDate(c.date)} shows ${pounds(c.amount)} deducted for child maintenance${reaching}. It had until ${longDate(reachByOf(f))} to reach CMS, ` +
    `after the date of CMS’s figure (${longDate(r.result.asOf)}), so CMS’s statement could not yet show it: not an error of CMS’s, and not arrears. I ask CMS to confirm that it has been credited.`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Calculation figures
//
// Each figure is a value calc computed, with the trace steps behind it picked by calc's own step ids and written
// out as calc wrote them (sentencesOf). Comparisons between two calculations are calc's (compareCalculations,
// compareIncome): nothing here adds, takes away or compares money.

/** The steps from the rate to the weekly amount, or the weekly amount alone where the rate took no step. */
function rateSteps(trace: readonly TraceStep[]): TraceStep[] {
  const steps = stepsOf(trace, RATE_STEPS);
  if (steps.length) return steps;
  const weekly = stepOf(trace, STEP.weeklyAmount);
  return weekly ? [weekly] : [];
}

const m = (d: Decimal): string => formatMoney(d);

export type Which = 'calculation' | 'cmsCalculation';

const WHOSE: Record<Which, { id: string; label: string }> = {
  calculation: { id: '', label: '' },
  cmsCalculation: { id: 'cms_', label: 'CMS’s ' },
};

function money(id: string, label: string, value: Decimal, source: string, citation: string, href?: string): Figure {
  return { id, label, value: pounds(value), amount: m(value), source, citation, ...(href ? { href } : {}) };
}

/** A figure whose working is some trace steps: their sentences, their citations, the first one's link. */
function fromSteps(id: string, label: string, value: Decimal, steps: readonly TraceStep[], prefix = ''): Figure {
  return money(id, label, value, `${prefix}${sentencesOf(steps)}`, citationsOf(steps), steps[0]?.href);
}

/** The weekly maintenance the calculation gives, with the steps from the rate to the amount. */
export function weeklyAmount(c: ComputedCalculation, which: Which = 'calculation'): Figure {
  return fromSteps(
    `${WHOSE[which].id}weekly_amount`,
    which === 'calculation'
      ? 'Weekly child maintenance, worked out under the 2012 scheme'
      : 'Weekly child maintenance on the circumstances CMS used',
    c.result.weeklyAmount,
    rateSteps(c.result.trace),
    `Under the 2012 scheme, as at ${longDate(c.result.date)}: `,
  );
}

/** Gross weekly income the rate was worked out on, or undefined where the rate needed none. */
export function grossWeeklyIncome(c: ComputedCalculation, which: Which = 'calculation'): Figure | undefined {
  if (c.result.grossWeeklyIncome === null) return undefined;
  return fromSteps(
    `${WHOSE[which].id}gross_weekly_income`,
    which === 'calculation' ? 'Gross weekly income of the paying parent' : 'Gross weekly income CMS used',
    c.result.grossWeeklyIncome,
    stepsOf(c.result.trace, INCOME_STEPS),
  );
}

/** The monthly instalment of maintenance alone (52-week reference period), labelled as calc's step labels it. */
export function monthlyAmount(c: ComputedCalculation): Figure {
  return fromSteps('monthly_amount', 'Monthly instalment of maintenance', c.result.perFrequency.monthly, [
    stepOf(c.result.trace, STEP.instalments)!,
  ]);
}

/** Collect and Pay: what the paying parent pays each week including the collection fee; undefined on Direct Pay. */
export function weeklyWithFee(c: ComputedCalculation): Figure | undefined {
  const charges = c.result.collectionCharges;
  if (!charges) return undefined;
  return fromSteps(
    'weekly_with_collection_fee',
    'Weekly amount the paying parent pays on Collect and Pay, with the collection fee',
    charges.payingParent.weekly.total,
    [stepOf(c.result.trace, STEP.collectionFeePayingParent)!],
  );
}

/** Collect and Pay: each monthly instalment the paying parent pays, with the collection fee; undefined on Direct Pay. */
export function monthlyWithFee(c: ComputedCalculation): Figure | undefined {
  const charges = c.result.collectionCharges;
  if (!charges) return undefined;
  return fromSteps(
    'monthly_with_collection_fee',
    'Monthly amount the paying parent pays on Collect and Pay: maintenance with the collection fee',
    charges.payingParent.monthly.total,
    [stepOf(c.result.trace, STEP.instalments)!, stepOf(c.result.trace, STEP.collectionFeePayingParentMonthly)!],
  );
}

/** The weekly amount without any variation, worked out again by the calculator from the same circumstances. */
export function weeklyWithoutVariation(c: ComputedCalculation): Figure {
  const { variations: _v, ...rest } = c.input;
  const plain = calculateMaintenance(rest);
  return fromSteps(
    'weekly_without_variation',
    'Weekly child maintenance without the variation',
    plain.weeklyAmount,
    rateSteps(plain.trace),
    'The same circumstances without the variation: ',
  );
}

/** The weekly variation amount as the calculation applied it (the amount given, read as money); undefined without one. */
export function variationAmount(c: ComputedCalculation): Figure | undefined {
  const special = stepOf(c.result.trace, STEP.variationSpecialExpenses);
  const step = special ?? stepOf(c.result.trace, STEP.variationAdditionalIncome);
  if (!step) return undefined;
  const v = c.input.variations;
  const raw = special ? v?.specialExpensesWeekly : v?.additionalIncomeWeekly;
  return money(
    'variation_weekly',
    special ? 'Special expenses a week, taken off income' : 'Additional income a week, added to income',
    parseMoney(raw ?? '0'),
    sentencesOf([step]),
    step.citation,
    step.href,
  );
}

/** CMS's calculation set beside the correct one (calc's comparison: what differs, and by how much a week). */
export function comparisonOf(correct: ComputedCalculation, cms: ComputedCalculation): CalculationComparison {
  return compareCalculations(correct, cms);
}

/** How far apart the two weekly amounts are, as a magnitude (the comparison's `way` says which way). */
export function weeklyDifference(comparison: CalculationComparison): Figure {
  const step = stepOf(comparison.trace, STEP.weeklyDifference)!;
  return money(
    'weekly_amount_difference',
    'Difference a week between CMS’s figure and the correct one',
    comparison.weeklyDifference.abs(),
    sentencesOf([step]),
    step.citation,
    step.href,
  );
}

/**
 * How far current income differs from the historic income CMS used, from calc's reg 34(2) comparison: the
 * percentage of the historic figure (rounded down to one decimal place), and the test's outcome against the
 * parameter's threshold.
 */
export function incomeDifference(
  current: ComputedCalculation,
  historic: ComputedCalculation,
): { figure: Figure; comparison: IncomeComparison; currentIncomeUsed: boolean; threshold: string } {
  const comparison = compareIncome(current.result, historic.result);
  const threshold = `${comparison.thresholdPercent.toString()}%`;
  const steps = [stepOf(comparison.trace, STEP.currentIncomeTest), stepOf(comparison.trace, STEP.incomeDifferencePercent)].filter(
    (s): s is TraceStep => s !== undefined,
  );
  const figure: Figure = {
    id: 'income_difference_percent',
    label: 'Difference between current and historic income, as a share of historic income',
    value: comparison.percent ? `${comparison.percent.toFixed(1)}%` : `more than ${threshold}`,
    source: sentencesOf(steps),
    citation: LAW.currentIncomeTest.title,
    ...(LAW.currentIncomeTest.href ? { href: LAW.currentIncomeTest.href } : {}),
  };
  return { figure, comparison, currentIncomeUsed: comparison.test.use === 'current', threshold };
}

// ---------------------------------------------------------------------------------------------------------
// Reconciliation figures
//
// Every amount below is one the reconciliation computed: the balances, and the bridge from CMS's figure to the
// correct one (calc/reconcile/bridge.ts) with its lines, its totals each way and its parts by component. Nothing
// here adds up or takes away money: where a letter needs a total, the bridge already has it.

type ReconcileStepId = (typeof RECONCILE_STEP)[keyof typeof RECONCILE_STEP] | (typeof SCHEDULE_STEP)[keyof typeof SCHEDULE_STEP];
/** A step of the reconciliation's trace, by calc's id constant. */
const reconStep = (r: Reconciliation, id: ReconcileStepId): TraceStep | undefined => r.trace.find((s) => s.step === id);
/** How the correct balance was reached, in the sender's voice (calc writes it: explainBalance). */
const balanceWorking = (r: Reconciliation): string => explainBalance(r.balance, 'i', r.side, r.bridge.notPassedOn?.amount);

/** Which way CMS's figure is out: too high (the paying parent's favour to correct) or too low. */
export type Way = 'too_high' | 'too_low';
const wayOf = (d: Decimal): Way | undefined => (d.gt(0) ? 'too_high' : d.lt(0) ? 'too_low' : undefined);

/** "+£410.08", "-£94.63", "£0.00": an effect on CMS's figure, signed as the bridge signs it. */
export function signedPounds(d: Decimal): string {
  return d.gt(0) ? `+${pounds(d)}` : d.lt(0) ? pounds(d) : pounds(d.abs());
}

function signedMoney(id: string, label: string, value: Decimal, source: string, citation: string, href?: string): Figure {
  return { id, label, value: signedPounds(value), amount: m(value), source, citation, ...(href ? { href } : {}) };
}

/** Whom correcting an error in this direction helps, in the words of the parent who signs the letter. */
export function favourWords(way: Way, role: SenderRole): string {
  const payingParentGains = way === 'too_high';
  return payingParentGains === (role === 'paying') ? 'my favour' : 'the other parent’s favour';
}

export const componentName = (c: Component): string => COMPONENT_WORDS[c];

/**
 * The correct balance in words, given as `value`: "arrears of £410.08"; but where nothing of it is maintenance, what
 * it is owed in ("£50.00 owed in enforcement charges, to the Secretary of State, and no maintenance arrears").
 */
export function correctBalanceWords(value: string, r: ComputedReconciliation): string {
  const b = r.result.balance;
  // Money CMS received from the paying parent and has not passed on, or passed on and lost, is owed to her, but not
  // as his arrears.
  if (notAllHisArrears(r) && b.position === 'arrears') return `${value} owed to me`;
  const only = owedOnlyIn(b);
  // Each part named, as CMS's statement keeps them (cms-accounts.md §4): collection fees are owed to the Secretary of
  // State as the charges are, so "arrears of" the two together called fees arrears (a journey probe, story 4:
  // "arrears of £1,170.00", £195.00 of it collection fees) — with enforcement charges beside them or without.
  const parts = b.position === 'arrears' ? namedParts(b) : undefined;
  if (parts) return `${value} owed (${parts})`;
  const charges = arrearsBesideCharges(b);
  if (charges) {
    return `${value} owed (arrears of ${pounds(charges.arrears)}, and enforcement charges of ${pounds(charges.charges)}, which are owed to the Secretary of State and are not arrears)`;
  }
  // Nothing overdue, but liability accrued that the plan collects later: owed, though not yet, so not "nothing owed".
  if (b.position === 'settled' && b.notYetDue.gt(0)) return `nothing overdue (${value})`;
  return only === undefined
    ? balanceWords(value, b.position)
    : `${value} owed in ${only}, to the Secretary of State, and no maintenance arrears`;
}
/**
 * A balance owed in maintenance and in collection fees or enforcement charges, part by part as calc has them:
 * "maintenance arrears of £975.00, and collection fees of £195.00 and enforcement charges of £350.00, which are owed to
 * the Secretary of State and are not arrears". Undefined where a part is in credit, or there is no maintenance part.
 */
export function namedParts(b: ComputedReconciliation['result']['balance']): string | undefined {
  return namedPartsOf(b.components.map((c) => ({ component: c.component, amount: c.recomputed })));
}

/** namedParts of any figures by part: the balance worked out's, or what CMS's own entries add up to part by part. */
function namedPartsOf(all: readonly { component: Component; amount: Decimal }[]): string | undefined {
  const parts = all.filter((c) => !c.amount.isZero());
  const maintenance = parts.find((c) => c.component === 'maintenance');
  const others = parts.filter((c) => c.component !== 'maintenance');
  if (!maintenance || others.length === 0 || parts.some((c) => c.amount.lt(0))) return undefined;
  const other = joinAnd(others.map((c) => `${COMPONENT_WORDS[c.component]} of ${pounds(c.amount)}`));
  return `maintenance arrears of ${pounds(maintenance.amount)}, and ${other}, which are owed to the Secretary of State and are not arrears`;
}

/**
 * What CMS's own entries add up to (`value`, quoted), in words, each part named from calc's per-part entry totals
 * (the balance's components' cmsEntriesTotal) where fees or charges are owed beside maintenance: "£312.00 owed
 * (maintenance arrears of £260.00, and collection fees of £52.00, which are owed to the Secretary of State and are not
 * arrears)". Collection fees and enforcement charges are not arrears of maintenance (cms-accounts.md §4): "its entries
 * add up to arrears of £312.00" called £52.00 of fees arrears. Otherwise "arrears of £260.00", "an overpayment of …".
 * `inBrackets`: the words go inside brackets, so the parts follow a colon ("£312.00 owed: maintenance arrears of …").
 */
export function entriesWords(value: string, r: ComputedReconciliation, inBrackets = false): string {
  const b = r.result.balance;
  const position = positionOf(b.cmsEntriesTotal);
  if (position === 'arrears') {
    const byPart = b.components.map((c) => ({ component: c.component, amount: c.cmsEntriesTotal }));
    const parts = namedPartsOf(byPart);
    // Inside brackets already ("add up to (…)"), the parts follow a colon rather than brackets of their own.
    if (parts) return inBrackets ? `${value} owed: ${parts}` : `${value} owed (${parts})`;
    const only = owedOnlyIn({
      recomputed: b.cmsEntriesTotal,
      components: byPart.map((c) => ({ component: c.component, recomputed: c.amount })),
    });
    if (only) return `${value} owed in ${only}, to the Secretary of State, and no maintenance arrears`;
  }
  return balanceWords(value, position);
}

/** Whether CMS's own entries hold fees or charges owed beside (or instead of) maintenance: their total is not all arrears. */
function entriesHoldMoreThanArrears(r: ComputedReconciliation): boolean {
  return r.result.balance.components.some((c) => c.component !== 'maintenance' && c.cmsEntriesTotal.gt(0));
}

/**
 * What a balance owed is made of, where it is more than maintenance arrears (namedParts): "arrears and collection
 * fees", "arrears, collection fees and enforcement charges"; undefined where namedParts is. For labels and asks that
 * would otherwise call the whole "arrears".
 */
export function owedPartsNames(b: ComputedReconciliation['result']['balance']): string | undefined {
  if (b.position !== 'arrears' || namedParts(b) === undefined) return undefined;
  const others = b.components.filter((c) => c.component !== 'maintenance' && !c.recomputed.isZero());
  return joinAnd(['arrears', ...others.map((c) => COMPONENT_WORDS[c.component])]);
}

const componentKey = (c: Component): keyof ByComponent<Decimal> =>
  c === 'maintenance' ? 'maintenance' : c === 'collection_fees' ? 'collectionFees' : 'enforcementCharges';

/** The rule every line of the statement rests on, as the reconciliation's bridge step cites it. */
const bridgeCitation = (r: Reconciliation): string => reconStep(r, RECONCILE_STEP.bridge)?.citation ?? 'Reckoner reconciliation statement';

/**
 * Whether CMS's figure is maintenance arrears alone. A paying parent's total on Collect and Pay may hold collection
 * fees and enforcement charges (a liability order's £300), which are not arrears of maintenance (cms-accounts.md §4),
 * unless CMS gave its maintenance part and that is the whole of it; a receiving parent is owed maintenance only, and
 * on Direct Pay there are neither fees nor enforcement.
 */
function claimIsArrears(r: ComputedReconciliation): boolean {
  if (r.result.side === 'receiving' || directPayOnly(r)) return true;
  const claimed = r.result.balance.cmsClaimed;
  const maintenance = r.result.bridge.components.find((c) => c.component === 'maintenance')?.from;
  return claimed !== undefined && maintenance !== undefined && maintenance.equals(claimed);
}

/**
 * Where CMS's figure as given was, to the penny, only some parts of its own entries (its maintenance arrears, say, the
 * line a statement summary prints first) and the reconciliation read it as those parts (calc's Bridge.claimReadAsParts,
 * claim-parts.ts): the figure as given, what it was read as ("maintenance arrears"), and the parts CMS's entries hold
 * that it left out (collection fees, enforcement charges: owed to the Secretary of State, cms-accounts.md §4), each a
 * figure. CMS's figure the bridge starts from (`claimedBalance`) is then all of them together, as calc has it.
 * Undefined where the figure was taken as given.
 */
export function claimReadAsParts(
  r: ComputedReconciliation,
): { given: Figure; what: string; leftOut: { component: Component; figure: Figure }[] } | undefined {
  const read = r.result.bridge.claimReadAsParts;
  if (!read || !read.given.gt(0)) return undefined;
  const what = joinAnd(read.parts.map((c) => (c === 'maintenance' ? 'maintenance arrears' : COMPONENT_WORDS[c])));
  const asOf = longDate(r.result.asOf);
  const left: [Component, Decimal][] = [
    ['collection_fees', read.leftOut.collectionFees],
    ['enforcement_charges', read.leftOut.enforcementCharges],
  ];
  return {
    given: money(
      'cms_claim_as_given',
      `The figure CMS gave, read as its ${what}`,
      read.given,
      `The figure CMS gave for ${asOf}: to the penny the ${what} its own entries hold, not the whole of them`,
      'CMS’s own statement of the balance',
    ),
    what,
    leftOut: left
      .filter(([, amount]) => !amount.isZero())
      .map(([component, amount]) => ({
        component,
        figure: money(
          `cms_claim_left_out_${component}`,
          `The ${COMPONENT_WORDS[component]} CMS’s entries hold that the figure it gave leaves out`,
          amount,
          `The ${COMPONENT_WORDS[component]} of CMS’s own entries up to ${asOf}, not in the figure CMS gave`,
          'CMS’s own entries',
        ),
      })),
  };
}

/**
 * What CMS's entries hold beside a figure read as some of their parts: "your own entries also hold collection fees of
 * £292.50 and enforcement charges of £350.00, owed to the Secretary of State, which that figure leaves out".
 */
export function leftOutWords(
  read: NonNullable<ReturnType<typeof claimReadAsParts>>,
  quote: (f: Figure) => string = (f) => f.value,
  whose = 'CMS’s',
): string {
  const left = joinAnd(read.leftOut.map((p) => `${COMPONENT_WORDS[p.component]} of ${quote(p.figure)}`));
  return `${whose} own entries also hold ${left}, owed to the Secretary of State, which that figure leaves out`;
}

/**
 * CMS's figure in words: "arrears of £350.00" where it gave it as maintenance alone, else "a balance of £350.00 owed";
 * where the figure it gave was read as its maintenance arrears (claimReadAsParts), that is what it is called, with the
 * parts its entries hold beside it and the whole (`value`): "the maintenance arrears of £1,462.50 on your statement
 * (your own entries also hold collection fees of £292.50 and enforcement charges of £350.00, owed to the Secretary of
 * State, which that figure leaves out: £2,105.00 in all)". `whose` is CMS as the sentence names it ("your", "CMS’s").
 */
export function claimWords(
  value: string,
  r: ComputedReconciliation,
  quote: (f: Figure) => string = (f) => f.value,
  whose = 'CMS’s',
): string {
  const read = claimReadAsParts(r);
  if (read) return `the ${read.what} of ${quote(read.given)} on ${whose} statement (${leftOutWords(read, quote, whose)}: ${value} in all)`;
  const claimed = r.result.balance.cmsClaimed;
  const position = positionOf(claimed ?? r.result.bridge.from);
  return position === 'arrears' && !claimIsArrears(r) ? `a balance of ${value} owed` : balanceWords(value, position);
}

/** The balance CMS claims; undefined when the reconciliation was given no claim. */
export function claimedBalance(r: ComputedReconciliation): Figure | undefined {
  const claimed = r.result.balance.cmsClaimed;
  if (claimed === undefined) return undefined;
  const read = claimReadAsParts(r);
  if (read) {
    // CMS gave only some parts: the whole is those and the parts its entries hold that it left out (calc's sum).
    const { what } = read;
    return money(
      'cms_claimed_balance',
      `CMS’s balance in all: the ${what} it gave, with what else its own entries hold`,
      claimed.abs(),
      `CMS gave ${read.given.value} for ${longDate(r.result.asOf)}, to the penny the ${what} its own entries hold; its entries also hold ` +
        `${joinAnd(read.leftOut.map((p) => `${p.figure.value} in ${COMPONENT_WORDS[p.component]}`))}, which that figure leaves out`,
      'CMS’s own statement of the balance, and its own entries',
    );
  }
  return money(
    'cms_claimed_balance',
    claimed.lt(0) ? 'Overpayment CMS says there is' : claimIsArrears(r) ? 'Arrears CMS says are owed' : 'Balance CMS says is owed',
    claimed.abs(),
    `The balance CMS gave for ${longDate(r.result.asOf)}`,
    'CMS’s own statement of the balance',
  );
}

/**
 * Whether CMS's ledger as reconciled holds, beside its entries, what the decisions make due for periods its entries
 * show no charge for: the letter then never calls the total CMS's own entries.
 */
export const entriesFilledIn = (r: ComputedReconciliation): boolean => !r.result.balance.cmsEntriesFilledIn.isZero();

/** "CMS’s own entries" (or "your", "its"), or what they are with the periods filled in from the decisions. */
export const ownEntries = (r: ComputedReconciliation, possessive: string): string => cmsEntriesWords(possessive, entriesFilledIn(r));

/** What CMS's own entries add up to (its figure, when it gave no balance). */
export function cmsEntriesTotal(r: ComputedReconciliation): Figure {
  const total = r.result.balance.cmsEntriesTotal;
  const filled = entriesFilledIn(r);
  // None given: calc sets CMS's figure against what the decisions make due, with nothing of CMS's to take off.
  if (r.result.counts.cmsEntries === 0) {
    return money(
      'cms_entries_total',
      `${total.lt(0) ? 'Overpayment' : 'Balance'} the decisions make due, with none of CMS’s entries given`,
      total.abs(),
      `What the decisions make due up to ${longDate(r.result.asOf)}, with any collection fees on it: none of CMS’s entries was given, so no payment, charge or adjustment of its is counted`,
      'The decisions on the case',
    );
  }
  return money(
    'cms_entries_total',
    `${total.lt(0) ? 'Overpayment' : 'Balance'} ${ownEntries(r, 'CMS’s')} add up to`,
    total.abs(),
    `CMS’s entries up to ${longDate(r.result.asOf)}: what it charged${filled ? ' (and, for the periods its entries show no charge for, what the decisions make due)' : ''}, less the payments it recorded, with its adjustments`,
    filled ? 'CMS’s record of the account, completed from the decisions' : 'CMS’s own record of the account',
  );
}

/**
 * Where CMS's figure is the arrears due under the payment plan, leaving out what its entries hold that has accrued but
 * is not yet due (calc's bridge.notYetDueLeftOut; cms-accounts.md §3): what its entries make due under the plan, and
 * what of them is not yet due. Undefined where its figure is set against its entries as they stand.
 */
export function cmsEntriesDue(r: ComputedReconciliation): { due: Figure; notYetDue: Figure } | undefined {
  const left = r.result.bridge.notYetDueLeftOut;
  if (!left) return undefined;
  const total = cmsEntriesTotal(r);
  const own = ownEntries(r, 'CMS’s');
  // Negative: the plan has made due more than CMS's entries charge (calc's entriesBesidePlan), not a negative
  // "not yet due" (a journey probe, story 4: "less the -£158.18 of them").
  const beyond = left.amount.lt(0);
  return {
    due: money(
      'cms_entries_due',
      `${left.entriesDue.lt(0) ? 'Overpayment' : 'Balance'} ${own} make due under the payment plan`,
      left.entriesDue.abs(),
      `What ${own} add up to (${entriesWords(total.value, r, true)}), ` +
        (beyond
          ? `and the ${pounds(left.amount.abs())} more than that the payment plan has made due`
          : `less the ${pounds(left.amount)} of them that has accrued but is not yet due under the payment plan`),
      bridgeCitation(r.result),
    ),
    notYetDue: beyond
      ? money(
          'cms_entries_not_yet_due',
          `Made due under the payment plan beyond what ${own} hold`,
          left.amount.abs(),
          'Instalments the payment plan has made due beyond the liability CMS’s entries charge as it accrued: CMS’s figure counts it, as it should',
          bridgeCitation(r.result),
        )
      : money(
          'cms_entries_not_yet_due',
          `Of ${own}, accrued but not yet due under the payment plan`,
          left.amount.abs(),
          'Liability CMS’s entries charge as it accrued, which the payment plan collects in later instalments: CMS’s figure leaves it out, as it should',
          bridgeCitation(r.result),
        ),
  };
}

/**
 * What CMS's figure is set against where its entries do not explain it, after "than" (or "is what"): what its entries
 * add up to, or, where its figure is the arrears due under the payment plan, what they make due under it, with the
 * figures quoted. `amounts` false: the words alone.
 */
export function entriesAgainst(
  r: ComputedReconciliation,
  possessive: string,
  quote: (f: Figure) => string = (f) => f.value,
  amounts = true,
): string {
  const own = ownEntries(r, possessive);
  const plan = cmsEntriesDue(r);
  const total = entriesWords(quote(cmsEntriesTotal(r)), r, !plan);
  if (!plan) return amounts ? `${own} add up to (${total})` : `${own} add up to`;
  if (!amounts) return `${own} make due under the payment plan`;
  // calc gives what the entries make due under the plan as one figure: where they hold fees or charges, it is not all
  // arrears, and is called a balance owed, not "arrears of".
  const duePosition = positionOf(r.result.bridge.notYetDueLeftOut!.entriesDue);
  const due =
    duePosition === 'arrears' && entriesHoldMoreThanArrears(r)
      ? `a balance of ${quote(plan.due)} owed`
      : balanceWords(quote(plan.due), duePosition);
  return `${own} make due under the payment plan (${due}: they add up to ${total}${entriesBesidePlan(r.result.bridge.notYetDueLeftOut!.amount, quote(plan.notYetDue))})`;
}

/** CMS's figure, as the bridge starts from it: its claim, or else what its entries add up to. */
export function cmsFigure(r: ComputedReconciliation): Figure {
  return (r.result.bridge.fromLabel === 'cms_claim' ? claimedBalance(r) : undefined) ?? cmsEntriesTotal(r);
}

/** The balance worked out from the decisions and the evidence. */
export function recomputedBalance(r: ComputedReconciliation): Figure {
  const b = r.result.balance;
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  // A receiving parent's balance where CMS's 4% fee makes the two bases differ: the label says which it is on.
  const bases = feeBases(r);
  return money(
    'recomputed_balance',
    (b.position === 'overpaid'
      ? 'Overpayment, worked out from the decisions and my evidence of payment'
      : r.result.bridge.notPassedOn
        ? 'Owed to me, worked out from the decisions and my evidence of payment'
        : owedOnlyIn(b) !== undefined
          ? `Owed in ${owedOnlyIn(b)} (no maintenance arrears), worked out from the decisions and my evidence of payment`
          : owedPartsNames(b) !== undefined
            ? `Owed in ${owedPartsNames(b)}, worked out from the decisions and my evidence of payment`
            : arrearsBesideCharges(b)
              ? 'Owed in arrears and enforcement charges, worked out from the decisions and my evidence of payment'
              : 'Arrears, worked out from the decisions and my evidence of payment') +
      (bases ? `, ${bases.basis === 'gross' ? 'before' : 'after'} CMS’s ${receivingFeePercent(r)}% collection fee` : ''),
    b.recomputed.abs(),
    balanceWorking(r.result),
    step.citation,
    step.href,
  );
}

/**
 * CMS's figure less the correct one (the bridge's `from − to`), signed: positive, CMS's figure is too high. With a
 * claim it is the balance's `difference`; without one, the value of the bridge's trace step.
 */
function netOf(r: ComputedReconciliation): Decimal | undefined {
  if (r.result.bridge.fromLabel === 'cms_claim') return r.result.balance.difference;
  const step = reconStep(r.result, RECONCILE_STEP.bridge);
  return step ? parseMoney(step.value) : undefined;
}

/**
 * How far CMS's figure is out beside liability it counts that has accrued and is not yet due (calc's
 * differenceBesideNotYetDue), as a magnitude with its way; undefined without such a line or when nothing else is out.
 */
export function differenceBesideNotYetDue(r: ComputedReconciliation): { figure: Figure; way: Way } | undefined {
  const beside = r.result.bridge.differenceBesideNotYetDue;
  const way = beside && wayOf(beside);
  if (!beside || !way) return undefined;
  const step = reconStep(r.result, RECONCILE_STEP.bridge)!;
  return {
    way,
    figure: money(
      'difference_beside_not_yet_due',
      r.result.bridge.inTransit.count > 0
        ? 'Net amount by which CMS’s figure is out, beside what has accrued and is not yet due and what is on its way'
        : 'Net amount by which CMS’s figure is out, beside what has accrued and is not yet due',
      beside.abs(),
      step.description,
      step.citation,
      step.href,
    ),
  };
}

/**
 * The net effect in words: "too high" where all of it is CMS's error; where part of it has accrued and is not yet due,
 * only the part beside that is (a journey probe: "CMS's figure is £722.10 too high" where £185.71 of it was not yet
 * due, beside an answer saying not all of it was an error).
 */
function besideNotYetDueWords(r: ComputedReconciliation, netText: string, way: Way | undefined, quote: (f: Figure) => string): string {
  const beside = differenceBesideNotYetDue(r);
  // All of it has accrued and is not yet due: CMS's figure is right on the basis of everything accrued, and none of it
  // is an error (a journey probe, story 3: "CMS's figure is £371.18 too high" of a figure that was exactly right).
  if (!beside && r.result.bridge.differenceBesideNotYetDue !== undefined) return notYetDueOnlyWords(r, netText, way);
  if (!beside) return `CMS’s figure is ${netText} too ${way === 'too_low' ? 'low' : 'high'}`;
  return (
    `CMS’s figure is ${netText} ${way === 'too_low' ? 'lower' : 'higher'}: ${quote(beside.figure)} too ` +
    `${beside.way === 'too_low' ? 'low' : 'high'} beside what has accrued and is not yet due` +
    (r.result.bridge.inTransit.count > 0 ? ' and what is on its way' : '')
  );
}

/**
 * Where CMS's figure differs from the balance worked out only by what has accrued and is not yet due under the payment
 * plan (calc's differenceBesideNotYetDue nil): it agrees with the account on the basis of everything accrued, and is
 * wrong by nothing; and where nothing is overdue on the evidence, that is said too.
 */
export function notYetDueOnlyWords(r: ComputedReconciliation, netText: string, way: Way | undefined): string {
  const overdue = r.result.balance.position === 'settled' ? ', and nothing is overdue' : '';
  return (
    `CMS’s figure is ${netText} ${way === 'too_low' ? 'lower' : 'higher'} only by what has accrued and is not yet due: it agrees ` +
    `with the account on the basis of everything accrued${overdue}`
  );
}

/** Which way CMS's figure is out, net; undefined when it agrees with the correct one. */
export function netWay(r: ComputedReconciliation): Way | undefined {
  const net = netOf(r);
  return net === undefined ? undefined : wayOf(net);
}

/**
 * The net difference between CMS's figure (its claim, or its entries' total) and the correct balance, as a
 * magnitude (the sentence says which way); undefined when they agree. Never a sum of the lines' sizes: lines the
 * other way count against it.
 */
export function balanceDifference(r: ComputedReconciliation): Figure | undefined {
  const net = netOf(r);
  const way = net && wayOf(net);
  if (!net || !way) return undefined;
  const step = reconStep(r.result, RECONCILE_STEP.bridge)!;
  const whose = r.result.bridge.fromLabel === 'cms_claim' ? 'CMS’s balance is' : `${ownEntries(r, 'CMS’s')} are`;
  return money(
    'balance_difference',
    `Net amount by which ${whose} ${way === 'too_high' ? 'higher' : 'lower'} than the correct balance`,
    net.abs(),
    step.description,
    step.citation,
    step.href,
  );
}

/** Total due to the reconciliation date. */
export function totalDue(r: ComputedReconciliation): Figure {
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  return money('total_due', 'Total due under the decisions', r.result.balance.due, balanceWorking(r.result), step.citation, step.href);
}

/**
 * Everything accrued to the reconciliation date, what the payment plan had made due and what it had not: quoted where
 * a payment went ahead of the plan (calc's `paidAhead`), so that an overpayment is measured against all of it.
 */
export function totalAccrued(r: ComputedReconciliation): Figure {
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  return money(
    'total_accrued',
    'Total accrued under the decisions, due or not yet due',
    r.result.balance.accrued,
    balanceWorking(r.result),
    step.citation,
    step.href,
  );
}

/**
 * Of what was paid ahead of the plan, what paid the instalments due just after the reconciliation date before they fell
 * due (calc's `paidAheadOfNext`); undefined when none did.
 */
export function paidAheadOfNext(r: ComputedReconciliation): Figure | undefined {
  const next = r.result.balance.paidAheadOfNext;
  if (!next) return undefined;
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  return money(
    'paid_ahead_of_next',
    'Paid before they fell due towards the instalments due just after the date',
    next.amount,
    balanceWorking(r.result),
    step.citation,
    step.href,
  );
}

/** What money paid ahead of the payment plan (`amount` of it) pays, in a letter's words (calc's whatPaidAheadPays). */
export function aheadPays(r: ComputedReconciliation, amount: Decimal): string {
  const next = r.result.balance.paidAheadOfNext;
  return whatPaidAheadPays(amount, next && { amount: next.amount.lt(amount) ? next.amount : amount, dueDates: next.dueDates });
}

/** What the evidence shows was paid: the bank statement, and payslips or other evidence where given. */
export function paidPerBank(r: ComputedReconciliation): Figure {
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  const other = r.result.counts.evidence > 0;
  return money(
    'paid_per_bank',
    r.result.side === 'paying'
      ? `Paid, as my bank statement${other ? ' and other evidence' : ''} shows`
      : `Received, as my bank statement${other ? ' and other evidence' : ''} shows`,
    r.result.balance.paid,
    `The maintenance payments on my bank statement${other ? ', payslips and other evidence' : ''} up to ${longDate(r.result.asOf)}`,
    step.citation,
    step.href,
  );
}

/**
 * Both of a receiving parent's balances, with the basis the reconciliation works on (gross: CMS's figures, before its
 * 4% fee; net: what reaches her, after it), when the fee makes them differ; undefined on the paying side, or where
 * calc gives one basis only (no fee: Direct Pay throughout) or the two agree.
 */
function feeBases(
  r: ComputedReconciliation,
): { readonly basis: 'gross' | 'net'; readonly gross: Decimal; readonly net: Decimal } | undefined {
  const b = r.result.balance;
  return r.result.side === 'receiving' && b.bothBases && !b.bothBases.net.eq(b.bothBases.gross)
    ? { basis: b.basis, gross: b.bothBases.gross, net: b.bothBases.net }
    : undefined;
}

/**
 * CMS's collection fee on what reaches a receiving parent, as a percentage ("4"), on the reconciliation date: calc's
 * parameter (SI 2014/612 reg 7), not written into the letters.
 */
export function receivingFeePercent(r: ComputedReconciliation): string {
  return valueOn(collectionFeeReceivingPercent, r.result.asOf).value;
}

/**
 * A receiving parent's balance on Collect and Pay given on the other basis than the one the reconciliation works on:
 * worked on CMS's gross figures (the maintenance before CMS's 4% collection fee, SI 2014/612 reg 8), after the fee
 * too, what would reach her, which is what her bank shows; worked on what reaches her (net), before the fee too, the
 * maintenance as CMS counts it (MCP audit F14: the net figure was given without saying which it was). Undefined on
 * the paying side, or where the fee changes nothing.
 */
function balanceOnOtherBasis(r: ComputedReconciliation, worked: 'gross' | 'net'): Figure | undefined {
  const bases = feeBases(r);
  if (bases?.basis !== worked) return undefined;
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  const pct = receivingFeePercent(r);
  const after = worked === 'gross';
  // Money CMS received and holds is in her balance but not in the paying parent's arrears: the figure before the fee
  // is then not the arrears as CMS counts them.
  const asCms = notAllHisArrears(r) ? '' : ', as CMS counts it';
  return money(
    after ? 'recomputed_balance_after_fee' : 'recomputed_balance_before_fee',
    after
      ? `The correct balance after CMS’s ${pct}% collection fee: what would reach me`
      : `The correct balance before CMS’s ${pct}% collection fee: the maintenance${asCms}`,
    (after ? bases.net : bases.gross).abs(),
    after
      ? `${balanceWorking(r.result)}. The same worked on what reaches the receiving parent, after CMS’s ${pct}% collection fee: ${pounds(bases.net)}.`
      : `${balanceWorking(r.result)}. The same worked on the maintenance before CMS’s ${pct}% collection fee${asCms}: ${pounds(bases.gross)}.`,
    step.citation,
    step.href,
  );
}

/**
 * Whether every line of the statement is money CMS holds or a payment it passed on before the date that reached her
 * after it, and there are both: CMS's figure is then right as the paying parent's arrears, though lower than what
 * she is owed.
 */
export function heldAndOnItsWay(r: ComputedReconciliation): boolean {
  const kinds = new Set(r.result.bridge.lines.map((l) => l.kind));
  return kinds.size === 2 && kinds.has('received_not_passed_on') && kinds.has('payment_in_transit');
}

/** Whether some of a receiving parent's balance is money CMS received from the paying parent and holds (held.ts). */
export function holdsMoney(r: ComputedReconciliation): boolean {
  return r.result.bridge.notPassedOn !== undefined;
}

/** A receiving parent's findings of payments CMS records passing on to her that her bank does not show arriving. */
function passOnsNotArrived(r: ComputedReconciliation): readonly Finding[] {
  if (r.result.side !== 'receiving') return [];
  return r.result.findings.filter(
    (f) => f.kind === 'cms_payment_without_evidence' && f.effect.lt(0) && f.facts.cms?.some((c) => c.type === 'payment_passed_on') === true,
  );
}

/**
 * Whether some of a receiving parent's balance is not the paying parent's arrears: money CMS holds, or a payment CMS
 * records passing on to her that never reached her (he paid it; CMS owes her a trace). Her figure before the fee is
 * then not arrears "as CMS counts them", nor her balance "arrears" (a meaning probe, 6 December 2026).
 */
export function notAllHisArrears(r: ComputedReconciliation): boolean {
  return holdsMoney(r) || passOnsNotArrived(r).length > 0;
}

/** Whether every line of the statement is a payment CMS records passing on to her that did not reach her. */
export function onlyPassOnsNotArrived(r: ComputedReconciliation): boolean {
  const ids = new Set(passOnsNotArrived(r).map((f) => f.id));
  const lines = r.result.bridge.lines;
  return lines.length > 0 && lines.every((l) => l.findingId !== undefined && ids.has(l.findingId));
}

/** Her balance worked on CMS's gross figures, after the fee: what would reach her ({@link balanceOnOtherBasis}). */
export const balanceAfterFee = (r: ComputedReconciliation): Figure | undefined => balanceOnOtherBasis(r, 'gross');

/** Her balance worked on what reaches her, before the fee: the maintenance as CMS counts it ({@link balanceOnOtherBasis}). */
export const balanceBeforeFee = (r: ComputedReconciliation): Figure | undefined => balanceOnOtherBasis(r, 'net');

/** Arrears that built up on Direct Pay, on a receiving parent's case since moved to Collect and Pay, with what 4% of them leaves. */
export interface DirectPayArrearsFigures {
  readonly movedOn: CivilDate;
  readonly owed: Figure;
  readonly fee: Figure;
  readonly wouldReach: Figure;
}

/**
 * A receiving parent's arrears from the Direct Pay months of a case now on Collect and Pay (calc/reconcile/moved-arrears.ts):
 * kept in her balance without CMS's 4%, because whether CMS takes it from them when it collects them is not settled
 * (docs/legal-notes.md). Undefined on any other case. Each figure's working is calc's own step.
 */
export function directPayArrears(r: ComputedReconciliation): DirectPayArrearsFigures | undefined {
  const d = r.result.balance.directPayArrears;
  const step = r.result.trace.find((s) => s.step === MOVED_ARREARS_STEP);
  if (r.result.side !== 'receiving' || !d || !step) return undefined;
  const pct = receivingFeePercent(r);
  const figure = (id: string, label: string, value: Decimal) => money(id, label, value, `${step.description}.`, step.citation, step.href);
  return {
    movedOn: d.movedOn,
    owed: figure('direct_pay_arrears', 'Arrears that built up on Direct Pay, still owed, without a collection fee', d.owed),
    fee: figure('direct_pay_arrears_fee', `CMS’s ${pct}% collection fee on them, if it takes it`, d.fee),
    wouldReach: figure('direct_pay_arrears_after_fee', 'What would reach me of them after that fee', d.wouldReach),
  };
}

/**
 * The case was on Direct Pay for the whole of the reconciliation. CMS enforces only on Collect and Pay: to enforce
 * Direct Pay arrears it first moves the case to Collect and Pay (SI 2009/3151 reg 3A, for 2012-scheme cases by SI
 * 2014/1386 reg 6; cms-rules.md §9.1).
 */
export function directPayOnly(r: ComputedReconciliation): boolean {
  const lines = r.result.schedule.lines;
  return lines.length > 0 && lines.every((l) => l.service === 'direct_pay');
}

/** Enforcement charges CMS recorded; undefined when none. */
export function enforcementCharges(r: ComputedReconciliation): Figure | undefined {
  const c = r.result.balance.components.find((x) => x.component === 'enforcement_charges')?.cmsEntriesTotal;
  if (!c || c.isZero()) return undefined;
  return money(
    'enforcement_charges',
    'Enforcement charges CMS recorded',
    c,
    'The enforcement charges on CMS’s record',
    enforcementChargesParameter.values[enforcementChargesParameter.values.length - 1]!.reference.title,
  );
}

/**
 * The amount the parent disputes and the amount they accept. Disputed: CMS's balance less the true one, when higher,
 * leaving out the deductions from pay still in time to reach CMS (`inTransit`): CMS's figure does not include them yet
 * and is not wrong about them, but the true balance counts them as paid, so they are set out apart, never disputed.
 */
export function disputedAndUndisputed(r: ComputedReconciliation): { disputed?: Figure; undisputed: Figure; inTransit?: Figure } {
  const b = r.result.balance;
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  const undisputed = money(
    'undisputed_arrears',
    `${
      owedOnlyIn(b) !== undefined
        ? `What I accept is owed in ${owedOnlyIn(b)} (no maintenance arrears)`
        : owedPartsNames(b) !== undefined
          ? `What I accept is owed in ${owedPartsNames(b)}`
          : arrearsBesideCharges(b)
            ? 'What I accept is owed in arrears and enforcement charges'
            : 'Arrears I accept are owed'
    } (worked out from the decisions and my evidence of payment)`,
    b.recomputed.gt(0) ? b.recomputed : fromPence(0),
    balanceWorking(r.result),
    step.citation,
    step.href,
  );
  const inTransit = inTransitFigure(r);
  if (b.difference === undefined) return { undisputed, ...(inTransit ? { inTransit } : {}) };
  const bridge = reconStep(r.result, RECONCILE_STEP.bridge)!;
  const once = r.result.bridge.differenceOnceArrived;
  const disputed =
    inTransit === undefined
      ? b.difference.gt(0) &&
        money(
          'disputed_amount',
          'Part of CMS’s balance I dispute (the net difference)',
          b.difference,
          bridge.description,
          bridge.citation,
          bridge.href,
        )
      : once.gt(0) &&
        money(
          'disputed_amount',
          inTransitCounts(r).payments === 0
            ? 'Part of CMS’s balance I dispute (the net difference, less the deductions on their way to CMS)'
            : 'Part of CMS’s balance I dispute (the net difference, less what was on its way to CMS)',
          once,
          `${bridge.description} Of it, ${inTransit.value} is ${inTransitCounts(r).payments === 0 ? `deductions from pay still in time to reach CMS${allOverdue(r) ? ' on that date' : ''}` : 'money on its way to CMS (paid before the date and recorded by CMS after it, or deducted from pay and still in time to reach it)'}${laterWords(r)}, which it is not wrong about: ${pounds(b.difference)} − ${inTransit.value}${laterTerm(r)} = ${pounds(once)}.`,
          bridge.citation,
          bridge.href,
        );
  return { undisputed, ...(disputed ? { disputed } : {}), ...(inTransit ? { inTransit } : {}) };
}

/** Beside what is on its way, what CMS's figure counts that is owed later (calc's bridge.owedLater), in words. */
function laterWords(r: ComputedReconciliation): string {
  const later = r.result.bridge.owedLater;
  return later && !later.isZero() ? `, and ${pounds(later.abs())} has accrued under the decisions and is not yet due` : '';
}

/** The same as a term of the working: " − £194.54" (or " + …" where the lines of what is owed later come to less than nothing). */
function laterTerm(r: ComputedReconciliation): string {
  const later = r.result.bridge.owedLater;
  return later && !later.isZero() ? ` ${later.gt(0) ? '−' : '+'} ${pounds(later.abs())}` : '';
}

/**
 * The deductions from pay (or benefit) the statement sets out that are still in time to reach CMS (SI 1992/1989
 * reg 14(1): by the 19th of the month after the deduction), as one figure; undefined when there are none.
 */
/**
 * Payments made just before the date of CMS's figure with none of its entries after that date given
 * (`too_recent_to_check`): CMS may have recorded them after it, so they are not shown to make its figure wrong (calc
 * leaves them out of both ways' tallies). Their total, and how far CMS's figure is out beside them (calc's
 * bridge.tooRecent); undefined where there are none.
 */
export function tooRecentFigures(
  r: ComputedReconciliation,
): { figure: Figure; count: number; beside?: { figure: Figure; way: Way } } | undefined {
  const b = r.result.bridge;
  const n = b.tooRecent;
  if (!n) return undefined;
  const recent = new Set(r.result.findings.filter((f) => f.facts.reason === 'too_recent_to_check').map((f) => f.id));
  const lines = b.lines.flatMap((l, i) => (l.findingId !== undefined && recent.has(l.findingId) ? [{ l, no: i + 1 }] : []));
  const before = longDate(r.result.asOf);
  const step = reconStep(r.result, RECONCILE_STEP.bridge)!;
  const way = wayOf(n.differenceBeside);
  return {
    count: n.count,
    figure: money(
      'too_recent_to_check_amount',
      `Paid shortly before ${before}, with none of CMS’s entries after that date given`,
      n.amount,
      `Line${lines.length === 1 ? '' : 's'} ${joinAnd(lines.map(({ no }) => String(no)))} of the reconciliation statement: ${lines.map(({ l }) => pounds(l.amount)).join(' + ')}`,
      bridgeCitation(r.result),
    ),
    ...(way
      ? {
          beside: {
            way,
            figure: money(
              'difference_beside_too_recent',
              `Net amount by which CMS’s figure is out, beside what was paid shortly before ${before}`,
              n.differenceBeside.abs(),
              `CMS’s figure less the correct balance, less what was paid shortly before ${before}: ${pounds(b.from)} ${b.to.lt(0) ? `+ ${pounds(b.to.abs())}` : `− ${pounds(b.to)}`} − ${pounds(n.amount)} = ${pounds(n.differenceBeside)}`,
              step.citation,
              step.href,
            ),
          },
        }
      : {}),
  };
}

export function inTransitFigure(r: ComputedReconciliation): Figure | undefined {
  const t = r.result.bridge.inTransit;
  if (t.count === 0) return undefined;
  const lines = r.result.bridge.lines.flatMap((l, i) =>
    l.kind === 'deduction_in_transit' || l.kind === 'payment_in_transit' ? [{ l, no: i + 1 }] : [],
  );
  const { deductions, payments } = inTransitCounts(r);
  const before = longDate(r.result.asOf);
  return money(
    'in_transit_amount',
    payments === 0
      ? `Deducted from my ${inTransitFrom(r)}, and still in time to reach CMS${allOverdue(r) ? ` on ${before}, the date of its figure` : ''}`
      : deductions === 0
        ? r.result.side === 'receiving'
          ? `Passed on by CMS before ${before}, and reaching me after that date`
          : `Paid before ${before}, and recorded by CMS after that date`
        : `Deducted from my ${inTransitFrom(r)} or paid before ${before}, and on its way to CMS then`,
    t.amount,
    `Line${lines.length === 1 ? '' : 's'} ${joinAnd(lines.map(({ no }) => String(no)))} of the reconciliation statement: ${lines.map(({ l }) => pounds(l.amount)).join(' + ')}`,
    deductions === 0 ? bridgeCitation(r.result) : LAW.payOver.title,
    deductions === 0 ? undefined : LAW.payOver.href,
  );
}

const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** How many of what is on its way to CMS are deductions still in time to be paid over, and payments recorded after the date. */
export function inTransitCounts(r: ComputedReconciliation): { deductions: number; payments: number } {
  const kinds = r.result.findings.map((f) => f.kind);
  return {
    deductions: kinds.filter((k) => k === 'deduction_in_transit').length,
    payments: kinds.filter((k) => k === 'payment_in_transit').length,
  };
}

/**
 * What is on its way to CMS, as a sentence's subject with its verb, where payments recorded after the date are among
 * it: "A payment I made before 31 August 2024 was recorded by you after that date", "2 payments … and a deduction from
 * my pay are on their way to you". Undefined where all of it is deductions (each letter words those itself).
 */
export function inTransitPaymentsWords(r: ComputedReconciliation, you: string): string | undefined {
  const { deductions, payments } = inTransitCounts(r);
  if (payments === 0) return undefined;
  // A receiving parent's: passed on by CMS before the date, reaching her after it.
  if (r.result.side === 'receiving') {
    const passed = `${payments === 1 ? 'a payment' : count(payments, 'payment')} ${you} passed on before ${longDate(r.result.asOf)}`;
    return `${capital(passed)} reached me after that date`;
  }
  const paid = `${payments === 1 ? 'a payment' : count(payments, 'payment')} I made before ${longDate(r.result.asOf)}`;
  // (count writes "two payments"; capital makes the sentence's start.)
  return deductions === 0
    ? `${capital(paid)} ${payments === 1 ? 'was' : 'were'} recorded by ${you} after that date`
    : `${capital(paid)}, recorded by ${you} after that date, and ${deductions === 1 ? 'a deduction' : count(deductions, 'deduction')} from my ${inTransitFrom(r)} still in time to reach ${you}, are on their way to ${you}`;
}

/**
 * Whether every line of the statement is of one kind that is no error of CMS's (money it holds, a payment on its way,
 * a credit kept for what was paid ahead): the sentences then say what the difference is, not that CMS is wrong.
 */
export function onlyLinesOf(r: ComputedReconciliation, kind: BridgeLine['kind']): boolean {
  const lines = r.result.bridge.lines;
  return lines.length > 0 && lines.every((l) => l.kind === kind);
}

/**
 * What CMS received from the paying parent and had not passed on to the receiving parent by the date (the bridge's
 * `received_not_passed_on` line, calc/reconcile/held.ts); undefined when there is none.
 */
export function notPassedOnFigure(r: ComputedReconciliation): Figure | undefined {
  const held = r.result.bridge.notPassedOn;
  if (!held) return undefined;
  const no = r.result.bridge.lines.findIndex((l) => l.kind === 'received_not_passed_on') + 1;
  return money(
    'not_passed_on',
    `Received by CMS from the paying parent and not passed on to me by ${longDate(r.result.asOf)}`,
    held.amount,
    `Line ${no} of the reconciliation statement: ${receiptsWords(r)}`,
    bridgeCitation(r.result),
  );
}

/**
 * "£520.00 received on 5 September 2023, of which £499.20 had not reached me": CMS's receipts that make up what it
 * holds (what had not reached her is on her basis: after CMS's 4% on the net one).
 */
export function receiptsWords(r: ComputedReconciliation): string {
  const held = r.result.bridge.notPassedOn;
  if (!held) return '';
  return joinAnd(
    held.receipts.map(
      (x) =>
        `${pounds(x.amount)} received on ${longDate(x.date)}${x.notPassedOn.eq(x.amount) ? '' : `, of which ${pounds(x.notPassedOn)} had not reached me`}`,
    ),
  );
}

/** "£520.00 on 5 September 2023": what CMS received that its figure counts as paid and holds some of. */
export function receiptsList(r: ComputedReconciliation): string {
  return joinAnd((r.result.bridge.notPassedOn?.receipts ?? []).map((x) => `${pounds(x.amount)} on ${longDate(x.date)}`));
}

/** The line for money CMS holds, in the letter's voice. */
function notPassedOnWhy(r: ComputedReconciliation): string {
  const held = r.result.bridge.notPassedOn!;
  const afterFee =
    r.result.balance.basis === 'net' && r.result.balance.bothBases ? `, after its ${receivingFeePercent(r)}% collection fee,` : '';
  return (
    `CMS’s figure counts as paid what it received from the paying parent (${receiptsList(r)}). By ${longDate(r.result.asOf)}, ${pounds(held.amount)} of it${afterFee} had not reached me. ` +
    'That is money CMS holds for me, not arrears: I ask it to pass it on or to say where it is.'
  );
}

/** What the deductions still in time to reach CMS were taken from: "pay", "benefit", or "pay and benefit". */
export function inTransitFrom(r: ComputedReconciliation): string {
  const kinds = new Set(
    r.result.findings
      .filter((f) => f.kind === 'deduction_in_transit')
      .map((f) => (f.citations[0]?.kind === 'payslip_deduction' ? 'pay' : 'benefit')),
  );
  return kinds.size === 2 ? 'pay and benefit' : kinds.has('benefit') ? 'benefit' : 'pay';
}

/** The entries and evidence behind a finding, as the statement prints them. */
export const CMS_ENTRY_WORDS: Readonly<Record<CmsEntryType, string>> = {
  liability: 'Maintenance charged',
  collection_fee: 'Collection fee',
  enforcement_charge: 'Enforcement charge',
  payment_received: 'Payment received',
  deo_receipt: 'Received from employer (deduction from earnings)',
  benefit_deduction_receipt: 'Received by deduction from benefit',
  direct_payment: 'Direct Pay payment',
  voluntary_payment: 'Voluntary payment',
  payment_passed_on: 'Payment passed on',
  refund: 'Refund',
  missed_payment_reported: 'Missed payment reported',
  adjustment: 'Adjustment',
  offset: 'Overpayment set off',
  write_off: 'Written off',
  opening_balance: 'Arrears carried over',
};

/** What CMS recorded for a finding's entries, as the statement prints it ("Nothing recorded" when none). */
export function cmsCell(r: ComputedReconciliation, f: Finding): string {
  const entries = f.cmsEntryIds.map((id) => r.cmsEntries.get(id)).filter((e): e is CmsEntry => e !== undefined);
  // Recorded after the date of CMS's figure: its record is right, and later.
  const later = f.kind === 'payment_in_transit' && !f.facts.arrivedOn ? f.facts.cms?.[0] : undefined;
  if (later) return `Recorded on ${longDate(later.date)}, after the date of CMS’s figure`;
  if (entries.length === 0 && f.kind === 'missed_payment_report_not_recorded' && f.facts.parentReport) {
    // Reported by the parent, and not on CMS's record (calc's missed_payment_report_not_recorded): what she told it.
    const r = f.facts.parentReport;
    return `Nothing recorded, though I reported it on ${longDate(r.date)}${r.reference ? ` (${r.reference})` : ''}`;
  }
  if (entries.length === 0)
    return f.facts.reason === 'no_cms_record_given'
      ? 'Your record not given to me'
      : f.facts.reason === 'too_recent_to_check'
        ? 'Your record after that date not given to me'
        : 'Nothing recorded';
  return entries
    .map((e) => {
      const notes = [e.reference ? `ref ${e.reference}` : '', e.source ?? ''].filter(Boolean);
      return `${CMS_ENTRY_WORDS[e.type]} ${pounds(fromPence(e.pence))} on ${longDate(e.date)}${notes.length ? ` (${notes.join('; ')})` : ''}`;
    })
    .map((text, i) => (i === 0 ? text : `${text[0]!.toLowerCase()}${text.slice(1)}`))
    .join('; ');
}

function citationCell(c: Citation): string {
  const what: Record<Citation['kind'], string> = {
    bank: c.direction === 'in' ? 'paid in' : 'paid out',
    payslip_deduction: 'deducted from my pay',
    benefit_deduction: 'deducted from my benefit',
    declared_payment: 'paid',
  };
  const notes = [c.description ? `“${c.description}”` : '', c.from && c.from !== c.description ? c.from : '', c.source ?? ''].filter(
    Boolean,
  );
  return `${pounds(c.amount)} ${what[c.kind]} on ${longDate(c.date)}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** The sender's evidence of payment the reconciliation was given, in words: "bank statements", "payslips", … */
export function evidenceSourceWords(r: ComputedReconciliation): string {
  const sources = evidenceSources(r).map((s) => s.words);
  return sources.length === 0 ? 'bank statements' : joinAnd(sources);
}

/** What to enclose of that evidence for the entries in the statement (a bank statement where none was given, else each kind given). */
export function evidenceEnclosures(r: ComputedReconciliation): string[] {
  const sources = evidenceSources(r);
  return (sources.length === 0 ? EVIDENCE_SOURCES.slice(0, 1) : sources).map((s) => s.enclosure);
}

const EVIDENCE_SOURCES = [
  {
    words: 'bank statements',
    enclosure: 'Bank statement extracts for each entry in the schedule, with the payments highlighted and other transactions blacked out',
  },
  { words: 'payslips', enclosure: 'My payslips that show the deductions for child maintenance in the schedule' },
  { words: 'benefit statements', enclosure: 'My benefit statements that show the deductions for child maintenance in the schedule' },
  { words: 'other evidence of payment', enclosure: 'The receipts or other evidence of the payments in the schedule' },
] as const;

function evidenceSources(r: ComputedReconciliation): (typeof EVIDENCE_SOURCES)[number][] {
  const types = new Set([...r.evidence.values()].map((e) => e.type));
  const given = [
    r.bankTransactions.size > 0,
    types.has('payslip_deduction'),
    types.has('benefit_deduction'),
    types.has('declared_payment'),
  ];
  return EVIDENCE_SOURCES.filter((_, i) => given[i]);
}

/** What the evidence shows for a finding, in the parent's voice, as the statement prints it. */
export function evidenceCell(f: Finding): string {
  if (f.citations.length > 0) return f.citations.map(citationCell).join('; ');
  const x = f.facts;
  const period = x.period ? ` for ${longDate(x.period.start)} to ${longDate(x.period.end)}` : '';
  if (f.kind === 'payment_in_transit' && x.arrivedOn)
    return `Reached my account on ${longDate(x.arrivedOn)}, after the date of CMS’s figure`;
  switch (f.kind) {
    case 'cms_payment_without_evidence': {
      const type = x.cms?.[0]?.type;
      return type === 'deo_receipt'
        ? 'No payslip shows such a deduction'
        : type === 'benefit_deduction_receipt'
          ? 'No benefit statement shows such a deduction'
          : 'No such payment';
    }
    case 'duplicate_payment_record':
      return 'One payment only';
    case 'liability_mismatch':
    case 'duplicate_liability':
      return x.due ? `The decisions make ${pounds(x.due)} due${period}` : 'Not a payment: checked against the decisions';
    case 'collection_fee_mismatch':
    case 'duplicate_collection_fee':
      return x.due ? `The fee rules make ${pounds(x.due)} due${period}` : 'Not a payment: checked against the fee rules';
    case 'enforcement_charge_not_allowed':
    case 'duplicate_enforcement_charge':
    case 'enforcement_without_arrears':
      return 'Not a payment: checked against the Fees Regulations';
    case 'overpayment_offset':
      return 'An adjustment, not a payment';
    case 'missed_payment_not_reported':
    case 'missed_payment_report_not_recorded':
      return 'No payment, or too little, for this instalment';
    case 'opening_balance_mismatch':
      return x.due ? `The arrears carried over were stated as ${pounds(x.due)}` : 'Not a payment: checked against the arrears carried over';
    case 'write_off_not_applied':
      return `Written off${x.source ? ` (${x.source})` : ''}: no longer owed, and not a payment`;
    default:
      return 'No such payment';
  }
}

/**
 * The line of the bridge that CMS's entries do not explain, where it is exactly the 4% on a receiving parent's arrears
 * from Direct Pay (CMS's net figure lower than its entries by that much: calc words the line so, withMovedArrearsFee);
 * undefined otherwise. The one test the letters' sentences about it share.
 */
export function directPayFeeLine(r: ComputedReconciliation): BridgeLine | undefined {
  const d = r.result.side === 'receiving' ? r.result.balance.directPayArrears : undefined;
  const line = r.result.bridge.lines.find((l) => l.kind === 'unexplained');
  return d && line && line.amount.lt(0) && line.amount.abs().eq(d.fee) ? line : undefined;
}

/** Who paid ahead of the plan, in the letter's voice: the paying parent writes "I paid", the receiving parent does not. */
export function paidAheadBy(r: ComputedReconciliation): string {
  return r.result.side === 'paying' ? 'I paid' : 'paid to me';
}

/** The structural lines' sentences, in the letter's voice (calc's are written to the parent). */
function structuralWhy(r: ComputedReconciliation, line: BridgeLine): string {
  if (line.kind === 'unexplained' && line.amount.isZero()) {
    return `CMS’s figure is what ${entriesAgainst(r, 'its', undefined, false)}, but it puts ${splitWords(line.effects)} than they do. ${SPLIT_MATTERS}, so I ask you to correct the parts of the balance.`;
  }
  // None of CMS's entries given: "its entries add up to nothing owed" would tell CMS something nobody has seen.
  if (line.kind === 'unexplained' && r.result.counts.cmsEntries === 0) {
    return 'I have been given none of your entries, so nothing shows how you arrive at your figure: I ask for the entries behind it (your statement of account, or on Direct Pay the missed-payment reports the arrears come from).';
  }
  if (line.kind === 'received_not_passed_on') return notPassedOnWhy(r);
  const bf = r.result.bridge.broughtForward;
  if (line.kind === 'balance_brought_forward' && bf) {
    // calc's own figures (bridge.broughtForward), none worked here; the day before is named as such, not counted.
    const rest = line.amount.eq(bf.difference) ? '' : ` This line is ${pounds(line.amount.abs())} of that difference: ${line.description}`;
    return (
      `CMS brings its balance forward on ${longDate(bf.date)} as ${pounds(bf.cms)}, its account before that day in one figure; the decisions and the payments make ${pounds(bf.owed)} owed at the end of the day before. ` +
      `CMS’s figure brought forward is ${pounds(bf.difference.abs())} ${bf.difference.gt(0) ? 'higher' : 'lower'} than that: the difference arose before ${longDate(bf.date)}, which CMS’s entries from that day on cannot show, so I ask for CMS’s statements of the account for the time before ${longDate(bf.date)}.${rest}`
    );
  }
  if (line.kind === 'paid_ahead') {
    return `CMS’s figure keeps ${pounds(line.amount.abs())} ${paidAheadBy(r)} ahead of the payment plan as a credit; worked out, it pays ${aheadPays(r, line.amount.abs())}, so it is not an overpayment. The two figures agree once that is counted.`;
  }
  const directPay = r.result.balance.directPayArrears;
  if (directPay && line === directPayFeeLine(r)) {
    return `CMS’s figure is ${pounds(line.amount.abs())} lower than ${entriesAgainst(r, 'its')}: that is its ${receivingFeePercent(r)}% collection fee on the ${pounds(directPay.owed)} of arrears that built up on Direct Pay, taken from them; whether it may take it from them is not settled, so I ask under which regulation it does.`;
  }
  if (line.kind === 'unexplained') {
    return `CMS’s figure is ${pounds(line.amount.abs())} ${line.amount.gt(0) ? 'higher' : 'lower'} than ${entriesAgainst(r, 'its')}; nothing in the entries I have been given explains it, so I ask for the entries behind it.`;
  }
  return line.description;
}

function lineCells(
  r: ComputedReconciliation,
  line: BridgeLine,
  finding: Finding | undefined,
): { cms: string; evidence: string; why: string } {
  if (finding) {
    const why = r.overdue?.includes(finding) ? overdueWhy(r, finding) : explainFinding(finding, r.result.side, 'i');
    return { cms: cmsCell(r, finding), evidence: evidenceCell(finding), why };
  }
  if (line.kind === 'accrued_not_yet_due') {
    return { cms: 'Counted in CMS’s figure already', evidence: 'Not yet due under the payment plan', why: structuralWhy(r, line) };
  }
  if (line.kind === 'plan_fee_rounding') {
    // Beside the not-yet-due line: the 20% fee rounded on each collection of the plan, against the fee as it accrued.
    return { cms: 'The fee rounded on each collection', evidence: 'The fee as it accrued', why: structuralWhy(r, line) };
  }
  if (line.kind === 'paid_ahead') {
    return { cms: 'A credit, in CMS’s figure', evidence: 'Paid ahead of the payment plan', why: structuralWhy(r, line) };
  }
  if (line.kind === 'paid_ahead_differs') {
    return {
      cms: 'Part of the payments above, set against what is not yet due',
      evidence: 'Not the balance now: what is still to fall due',
      why: structuralWhy(r, line),
    };
  }
  if (line.kind === 'received_not_passed_on') {
    return {
      cms: 'Counted as paid in CMS’s figure: received from the paying parent',
      evidence: `Not passed on to me by ${longDate(r.result.asOf)}`,
      why: structuralWhy(r, line),
    };
  }
  const bf = r.result.bridge.broughtForward;
  if (line.kind === 'balance_brought_forward' && bf) {
    return {
      cms: `CMS’s balance brought forward on ${longDate(bf.date)}: ${pounds(bf.cms)}`,
      evidence: `Owed at the end of the day before, from the decisions and the payments: ${pounds(bf.owed)}`,
      why: structuralWhy(r, line),
    };
  }
  if (line.amount.isZero()) {
    return { cms: 'CMS’s figure, split into its parts', evidence: 'Its own entries, part by part', why: structuralWhy(r, line) };
  }
  if (r.result.counts.cmsEntries === 0) {
    return {
      cms: 'CMS’s figure: its entries not given to me',
      evidence: 'Nothing shows how it is arrived at',
      why: structuralWhy(r, line),
    };
  }
  return { cms: 'CMS’s figure, against its own entries', evidence: 'No entry explains it', why: structuralWhy(r, line) };
}

/**
 * What a finding's line is to CMS: an entry on its record it got wrong; a Direct Pay shortfall nobody reported (on
 * Direct Pay CMS records no payments, so it is news to CMS, not an entry: cms-accounts.md §1); a deduction from pay
 * not yet due to reach CMS; or a payment the evidence shows that was checked against no line of CMS's account (its
 * statement of account was not given).
 */
export function lineKind(f: Finding | undefined): 'entry' | 'unreported' | 'in_transit' | 'unchecked' | undefined {
  if (!f) return undefined;
  if (f.kind === 'missed_payment_not_reported') return 'unreported';
  // Deducted from pay, with time left for the employer to pay it over (SI 1992/1989 reg 14(1)), or paid before the date
  // and recorded by CMS after it: CMS's record is right.
  if (f.kind === 'deduction_in_transit' || f.kind === 'payment_in_transit') return 'in_transit';
  return uncheckedReason(f.facts.reason) ? 'unchecked' : 'entry';
}

/**
 * The lines that make CMS's figure too high, or too low: how many, how many of them entries CMS got wrong, how many
 * Direct Pay shortfalls nobody reported, and their total.
 */
export interface EachWay {
  readonly count: number;
  readonly entries: number;
  readonly unreported: number;
  readonly figure: Figure;
}

function eachWay(r: ComputedReconciliation, way: Way, role: SenderRole, findings: ReadonlyMap<string, Finding>): EachWay | undefined {
  const bridge = r.result.bridge;
  const side = way === 'too_high' ? bridge.inPayingParentsFavour : bridge.inReceivingParentsFavour;
  if (side.count === 0) return undefined;
  const numbered = side.lines.map((i) => ({ l: bridge.lines[i]!, no: i + 1 }));
  const high = way === 'too_high';
  const kindOf = (l: BridgeLine) => (l.findingId === undefined ? undefined : lineKind(findings.get(l.findingId)));
  return {
    count: side.count,
    entries: numbered.filter(({ l }) => kindOf(l) === 'entry').length,
    unreported: numbered.filter(({ l }) => kindOf(l) === 'unreported').length,
    figure: money(
      high ? 'bridge_too_high_total' : 'bridge_too_low_total',
      `Lines that make CMS’s figure too ${high ? 'high' : 'low'} (${side.count}), in ${favourWords(way, role)}`,
      side.amount,
      `Line${numbered.length === 1 ? '' : 's'} ${joinAnd(numbered.map(({ no }) => String(no)))} of the reconciliation statement: ${numbered.map(({ l }) => pounds(l.amount.abs())).join(' + ')}`,
      bridgeCitation(r.result),
    ),
  };
}

/** A part of the balance (maintenance, collection fees, enforcement charges) on which CMS's figure is out. */
export interface ComponentDifference {
  readonly component: Component;
  readonly way: Way;
  /** How far out, as a magnitude. */
  readonly figure: Figure;
  /** CMS's own figure for this part, where it gave one, as a magnitude; `cmsPosition` says which way it is. */
  readonly cms?: Figure;
  readonly cmsPosition?: Position;
  /** The part worked out, as a magnitude; `correctPosition` says which way it is (a part can be overpaid). */
  readonly correct: Figure;
  readonly correctPosition: Position;
}

/** CMS's own figure for a part of the balance, as a magnitude; undefined where it gave none. */
export function claimedComponent(r: ComputedReconciliation, component: Component): Figure | undefined {
  const from = r.result.bridge.components.find((c) => c.component === component)?.from;
  if (from === undefined) return undefined;
  const name = COMPONENT_WORDS[component];
  return money(
    `cms_claimed_${component}`,
    `CMS’s figure for ${name}${from.lt(0) ? ' overpaid' : ''}`,
    from.abs(),
    `The ${name} CMS gave for ${longDate(r.result.asOf)}`,
    'CMS’s own statement of the balance',
  );
}

/** The parts of the balance on which CMS's figure is out, from the bridge's components. */
export function componentDifferences(
  r: ComputedReconciliation,
  options: { explainedOnly?: boolean; besideNotYetDue?: boolean } = {},
): ComponentDifference[] {
  const bridge = r.result.bridge;
  const cite = bridgeCitation(r.result);
  const out: ComponentDifference[] = [];
  // The lines the entries explain, leaving out what CMS's total has beyond its entries (whose parts nobody knows).
  const counted = (kind: string) =>
    (!options.explainedOnly || kind !== 'unexplained') &&
    // Beside what is owed later, calc leaves out what is on its way too (bridge components' besideNotYetDue).
    (!options.besideNotYetDue ||
      (kind !== 'accrued_not_yet_due' && kind !== 'plan_fee_rounding' && kind !== 'deduction_in_transit' && kind !== 'payment_in_transit'));
  for (const c of bridge.components) {
    const key = componentKey(c.component);
    const amount = options.explainedOnly ? c.explained : options.besideNotYetDue ? c.besideNotYetDue : c.amount;
    const way = wayOf(amount);
    if (!way) continue;
    const name = COMPONENT_WORDS[c.component];
    const parts = bridge.lines
      .map((l, i) => ({ e: l.effects[key], no: i + 1, kind: l.kind }))
      .filter(({ e, kind }) => !e.isZero() && counted(kind))
      .map(({ e, no }) => `line ${no} ${signedPounds(e)}`);
    out.push({
      component: c.component,
      way,
      figure: money(
        `bridge_component_${c.component}${options.explainedOnly ? '_explained' : ''}`,
        `How far CMS’s ${name} ${c.component === 'maintenance' ? 'is' : 'are'} out (too ${way === 'too_high' ? 'high' : 'low'})${options.explainedOnly ? ', in the lines its entries explain' : ''}`,
        amount.abs(),
        `The ${name} part of each line of the reconciliation statement: ${parts.join(', ')}`,
        cite,
      ),
      ...(c.from !== undefined ? { cms: claimedComponent(r, c.component)!, cmsPosition: positionOf(c.from) } : {}),
      correctPosition: positionOf(c.to),
      correct: money(
        `recomputed_${c.component}`,
        `${name[0]!.toUpperCase()}${name.slice(1)}${c.to.lt(0) ? ' overpaid' : ''}, worked out from the decisions and my evidence of payment`,
        c.to.abs(),
        r.result.balance.components.find((x) => x.component === c.component)?.working ?? balanceWorking(r.result),
        cite,
      ),
    });
  }
  return out;
}

/**
 * The balance worked out, part by part, where it is made of more than one part (maintenance, owed to the receiving
 * parent; collection fees and enforcement charges, owed to the Secretary of State: cms-accounts.md §4), every part
 * owed (`owed`) or every part overpaid (`overpaid`, each figure without its sign); undefined otherwise. A letter that
 * accepts the balance, or asks for an overpayment back, says what it is made of.
 */
export function balanceParts(r: ComputedReconciliation, way: 'owed' | 'overpaid'): { component: Component; figure: Figure }[] | undefined {
  const b = r.result.balance;
  const parts = b.components.filter((c) => !c.recomputed.isZero());
  if (parts.length < 2 || parts.some((c) => (way === 'owed' ? c.recomputed.lt(0) : c.recomputed.gt(0)))) return undefined;
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  return parts.map((c) => ({
    component: c.component,
    figure: money(
      `${way === 'owed' ? 'accepted' : 'overpaid'}_${c.component}`,
      // Fees and charges are not arrears (cms-accounts.md §4): "of the arrears I accept, the collection fees" called them so.
      `${way === 'owed' ? 'Of what I accept I owe' : 'Of what I overpaid'}, the ${COMPONENT_WORDS[c.component]}`,
      c.recomputed.abs(),
      // An overpayment's part is not "of the arrears" (an overpayment is none).
      `The ${COMPONENT_WORDS[c.component]} part of the ${way === 'owed' ? 'balance owed' : 'overpayment'} worked out (due under the payment plan ${pounds(c.due)}; paid ${pounds(c.paid)})`,
      step.citation,
      step.href,
    ),
  }));
}

/** A line of the bridge that is not an entry: what has accrued but is not yet due, or what the entries do not explain. */
export function structuralLine(
  r: ComputedReconciliation,
  kind: 'accrued_not_yet_due' | 'unexplained',
): { way: Way; figure: Figure } | undefined {
  const line = r.result.bridge.lines.find((l) => l.kind === kind);
  const way = line && wayOf(line.amount);
  if (!line || !way) return undefined;
  return {
    way,
    figure: money(
      kind === 'unexplained' ? 'bridge_unexplained' : 'bridge_not_yet_due',
      kind === 'accrued_not_yet_due'
        ? 'Accrued but not yet due under the payment plan'
        : r.result.counts.cmsEntries === 0
          ? 'Part of CMS’s figure nothing given explains (none of its entries was given)'
          : 'Part of CMS’s figure its own entries do not explain',
      line.amount.abs(),
      structuralWhy(r, line),
      bridgeCitation(r.result),
    ),
  };
}

/** The figures every letter that prints the reconciliation statement quotes (besides CMS's and the correct balance). */
export const STATEMENT_FIGURES = ['balance_difference', 'bridge_too_high_total', 'bridge_too_low_total'] as const;

/**
 * The reconciliation statement a letter prints as a schedule: from CMS's figure, each line of the bridge (the
 * entry as CMS recorded it, what the evidence shows, its signed effect on CMS's figure and why, in the sender's
 * own words), subtotals where a kind has several lines, the totals each way, the net effect, and the correct
 * balance it ends at. Every amount is quoted (registered with its source) as it is written; undefined when the
 * bridge has no line.
 */
export function reconciliationStatement(
  r: ComputedReconciliation,
  quote: (f: Figure) => string,
  role: SenderRole,
): { table: Block; summary: StatementSummary } | undefined {
  const result = r.result;
  const bridge = result.bridge;
  if (bridge.lines.length === 0) return undefined;
  const cite = bridgeCitation(result);
  const findings = new Map(result.findings.map((f) => [f.id, f]));
  const asOf = longDate(result.asOf);
  const from = cmsFigure(r);
  const fromWords =
    // Without a claim, what CMS's entries add up to, part by part where they hold fees or charges (not arrears).
    bridge.fromLabel === 'cms_claim' ? claimWords(quote(from), r, quote) : entriesWords(quote(from), r);
  const readAs = claimReadAsParts(r);
  // The figures the sentences inside the statement quote.
  if (bridge.lines.some((l) => l.kind === 'unexplained')) entriesAgainst(r, 'its', quote);
  const notYetDue = structuralLine(r, 'accrued_not_yet_due');
  if (notYetDue) quote(notYetDue.figure);
  const rows: string[][] = [
    [
      '',
      asOf,
      bridge.fromLabel === 'cms_claim'
        ? `CMS’s figure: ${fromWords}`
        : `${cmsEntriesWords('CMS’s', entriesFilledIn(r), false)} add up to ${fromWords}`,
      '',
      '',
      bridge.fromLabel === 'cms_claim'
        ? readAs
          ? `The ${readAs.what} CMS gave for ${asOf}, with what else its own entries hold`
          : `The balance CMS gave for ${asOf}`
        : `CMS gave no balance, so the statement starts from its own entries`,
    ],
  ];
  bridge.lines.forEach((line, i) => {
    const finding = line.findingId ? findings.get(line.findingId) : undefined;
    const cells = lineCells(r, line, finding);
    const effect = quote(
      signedMoney(
        `bridge_line_${i + 1}`,
        `Line ${i + 1} of the reconciliation statement (${line.date ? longDate(line.date) : asOf})`,
        line.amount,
        cells.why,
        finding?.citations.some((c) => c.source)
          ? [...new Set(finding.citations.flatMap((c) => (c.source ? [c.source] : [])))].join('; ')
          : cite,
      ),
    );
    rows.push([String(i + 1), line.date ? longDate(line.date) : asOf, cells.cms, cells.evidence, effect, cells.why]);
  });
  // Subtotals by kind, where there are several kinds and one of them has several lines: then every kind has one, a
  // kind of a single line too, so that the subtotals add up to the net effect (a probe's letter showed three
  // subtotals of £37,140.00 above a net effect of £37,712.00, the £572.00 of a single line left out).
  if (bridge.subtotals.length > 1 && bridge.subtotals.some((s) => s.count > 1)) {
    for (const s of bridge.subtotals) {
      const value = quote(
        signedMoney(
          `bridge_subtotal_${s.kind}`,
          `Subtotal: ${countOf(s.kind, s.count, r.result.counts.cmsEntries > 0, r.result.side)}`,
          s.amount,
          `Lines ${joinAnd(bridge.lines.flatMap((l, i) => (l.kind === s.kind ? [String(i + 1)] : [])))} of the reconciliation statement`,
          cite,
        ),
      );
      rows.push(['', '', `Subtotal: ${countOf(s.kind, s.count, true, r.result.side)}`, '', value, '']);
    }
  }
  const high = eachWay(r, 'too_high', role, findings);
  const low = eachWay(r, 'too_low', role, findings);
  const summaryOf = (e: EachWay | undefined) =>
    e && { count: e.count, entries: e.entries, unreported: e.unreported, total: quote(e.figure) };
  const tooHigh = summaryOf(high);
  const tooLow = summaryOf(low);
  if (high && low && tooHigh && tooLow) {
    rows.push([
      '',
      '',
      `Lines that make CMS’s figure too high (${high.count}), in ${favourWords('too_high', role)}`,
      '',
      `+${tooHigh.total}`,
      '',
    ]);
    rows.push([
      '',
      '',
      `Lines that make CMS’s figure too low (${low.count}), in ${favourWords('too_low', role)}`,
      '',
      `-${tooLow.total}`,
      '',
    ]);
  }
  const net = balanceDifference(r);
  const way = netWay(r);
  const netText = net ? quote(net) : undefined;
  // Paid just before the date, beside nothing else owed later or on its way: said as what it is.
  const tooRecent = bridge.owedLater === undefined && bridge.inTransit.count === 0 ? tooRecentFigures(r) : undefined;
  rows.push([
    '',
    '',
    'Net effect of the lines above',
    '',
    netText ? `${way === 'too_low' ? '-' : '+'}${netText}` : pounds(fromPence(0)),
    netText
      ? onlyLinesOf(r, 'received_not_passed_on')
        ? `CMS’s figure is ${netText} lower than what I am owed: money it holds, not arrears`
        : heldAndOnItsWay(r)
          ? `CMS’s figure is ${netText} lower than what I am owed: money it holds and what reached me after that date, not arrears`
          : onlyPassOnsNotArrived(r) && way === 'too_low'
            ? `CMS’s figure is ${netText} lower than what I am owed: what it records passing on to me that never reached me, not arrears`
            : onlyLinesOf(r, 'payment_in_transit')
              ? r.result.side === 'receiving'
                ? `CMS’s figure is ${netText} lower only by what reached me after that date`
                : `CMS’s figure is ${netText} higher only by what it recorded after that date`
              : onlyLinesOf(r, 'paid_ahead')
                ? `CMS’s figure is ${netText} lower only by the credit it keeps for what ${r.result.side === 'paying' ? 'I paid' : 'was paid to me'} ahead: the two agree`
                : tooRecent
                  ? tooRecent.beside
                    ? `CMS’s figure is ${netText} higher; beside what I paid shortly before that date, which it may have recorded after it, it is ${quote(tooRecent.beside.figure)} too ${tooRecent.beside.way === 'too_low' ? 'low' : 'high'}`
                    : `CMS’s figure is ${netText} higher only by what I paid shortly before that date, which it may have recorded after it`
                  : besideNotYetDueWords(r, netText, way, quote)
      : bridge.lines.every((l) => l.amount.isZero())
        ? 'CMS’s figure is right in total, though its parts are not'
        : 'The lines cancel out: CMS’s figure is right, though the entries are not',
  ]);
  const to = recomputedBalance(r);
  const afterFee = balanceAfterFee(r);
  const beforeFee = balanceBeforeFee(r);
  const feePct = afterFee || beforeFee ? receivingFeePercent(r) : '';
  rows.push([
    '',
    asOf,
    `The correct balance: ${correctBalanceWords(quote(to), r)}` +
      // A receiving parent's gross figures: what reaches her after CMS's 4% is what her bank shows.
      (afterFee ? ` before CMS’s ${feePct}% collection fee (${quote(afterFee)} after it)` : '') +
      // Her net figures: what reaches her, with the maintenance before the 4% as CMS counts arrears.
      (beforeFee ? ` after CMS’s ${feePct}% collection fee (${quote(beforeFee)} before it)` : '') +
      // What has accrued but is not yet due is not in that balance; the last line says it is still to come.
      (notYetDue ? `; a further ${quote(notYetDue.figure)} has accrued and is not yet due` : ''),
    '',
    '',
    netText ? `CMS’s figure less the net effect of the lines above` : 'CMS’s figure',
  ]);
  // Each line's number, by what it is to CMS: an entry it got wrong, or a shortfall nobody reported to it.
  const numbered = (kind: 'entry' | 'unreported' | 'in_transit') =>
    bridge.lines.flatMap((l, i) => (l.findingId !== undefined && lineKind(findings.get(l.findingId)) === kind ? [i + 1] : []));
  const entryLines = numbered('entry');
  // Of those, payments CMS records passing on to the receiving parent that did not reach them in full.
  const passedOnLines = entryLines.filter((no) => {
    const f = findings.get(bridge.lines[no - 1]!.findingId!);
    return (
      result.side === 'receiving' &&
      (f?.kind === 'cms_payment_without_evidence' || f?.kind === 'amount_mismatch') &&
      f.facts.cms?.some((c) => c.type === 'payment_passed_on') === true &&
      bridge.lines[no - 1]!.amount.lt(0)
    );
  });
  const unreportedLines = numbered('unreported');
  const inTransitLines = numbered('in_transit');
  const inTransitPaymentLines = inTransitLines.filter(
    (no) => findings.get(bridge.lines[no - 1]!.findingId!)?.kind === 'payment_in_transit',
  );
  return {
    table: {
      kind: 'table',
      caption:
        'Reconciliation statement: from CMS’s figure to the correct balance (+ makes CMS’s figure higher than it should be, - lower)',
      columns: ['No.', 'Date', 'What CMS recorded', 'What my evidence shows', 'Effect on CMS’s figure', 'Why'],
      widths: [0.6, 1.6, 2.3, 2.3, 1.2, 3.0],
      rows,
    },
    summary: {
      count: entryLines.length,
      entryLines,
      passedOnLines,
      unreportedLines,
      inTransitLines,
      inTransitPaymentLines,
      lines: bridge.lines.length,
      unchanged: bridge.lines.filter((l) => l.findingId !== undefined && l.amount.isZero()).length,
      way: way ?? 'agrees',
      ...(netText ? { net: netText } : {}),
      ...(tooHigh ? { tooHigh } : {}),
      ...(tooLow ? { tooLow } : {}),
    },
  };
}

/**
 * The instalments left unpaid (receiving side): the missed and short payments, one row each, as the reconciliation
 * set the payments against the instalments (an early payment pays its own instalment; what was received for one is
 * kept apart from what payments made ahead carried to it), and their total as a figure
 * (calc's shortfallsOf adds them up; with no arrears beside them, they are the arrears).
 */
export function shortPeriods(r: ComputedReconciliation): { rows: string[][]; total: Figure } {
  const s = shortfallsOf(r.result);
  const step = stepById(s.trace, SHORTFALL_STEP.total);
  return {
    // What was received for each, as calc has it apart from what was carried to it from payments made ahead.
    rows: s.periods.map((p) => [
      longDate(p.dueDate),
      pounds(p.due),
      p.fromPaidAhead.isZero()
        ? pounds(p.received)
        : `${pounds(p.received)}, and ${pounds(p.fromPaidAhead)} carried from payments made ahead`,
      pounds(p.shortfall),
    ]),
    total: money('shortfall_total', 'Missed and short payments in all', s.total, sentencesOf([step]), step.citation, step.href),
  };
}

/** The overpayment the reconciliation shows; undefined unless the balance is an overpayment. */
export function overpaid(r: ComputedReconciliation): Figure | undefined {
  const b = r.result.balance;
  if (b.position !== 'overpaid') return undefined;
  const step = reconStep(r.result, RECONCILE_STEP.balance)!;
  return money('overpaid_amount', 'Amount overpaid', b.recomputed.abs(), balanceWorking(r.result), step.citation, step.href);
}

/**
 * The arrears the parent accepts, offered in `n` instalments (calc's arrearsPlan: equal instalments rounded up to
 * the penny, the last the remainder), as figures; the plan says how many instalments it needs.
 */
export function instalmentFigures(undisputed: ComputedReconciliation, n: number): { plan: ArrearsPlan; each: Figure; last: Figure } {
  const plan = arrearsPlan(undisputed.result.balance.recomputed, n);
  const step = stepById(plan.trace, ARREARS_PLAN_STEP.instalments);
  const working = sentencesOf([step]);
  return {
    plan,
    each: money('instalment_amount', 'Each instalment', plan.each, working, step.citation, step.href),
    last: money('last_instalment_amount', 'The last instalment', plan.last, working, step.citation, step.href),
  };
}

/** A step of a calc trace that is always written (calc writes it unconditionally), by its id constant. */
function stepById(trace: readonly TraceStep[], id: string): TraceStep {
  const step = trace.find((s) => s.step === id);
  if (!step) throw new Error(`calc wrote no ${id} step`);
  return step;
}
