/**
 * Where a letter's figures come from: the letter engine runs the calculator and the reconciliation itself on
 * the inputs it is given, and every figure it quotes is built here from those results, with the trace step or
 * the reconciliation finding behind it. No figure is ever taken from what a parent typed.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { readBankTransactions, readCmsEntries, type BankTransaction, type CmsEntry } from '../calc/ledger/entries.ts';
import { Dec, formatMoney, pounds, roundPenny, type Dec as Decimal } from '../calc/money.ts';
import { reconcile, type Discrepancy, type ReconcileInput, type Reconciliation } from '../calc/reconcile/reconcile.ts';
import { calculateMaintenance, type MaintenanceInput, type MaintenanceResult } from '../calc/scheme-2012/calculate.ts';
import { LAW } from '../calc/scheme-2012/law.ts';
import { enforcementCharges as enforcementChargesParameter } from '../calc/scheme-2012/parameters.ts';
import type { TraceStep } from '../calc/trace.ts';
import { inFirstPerson, longDate } from './format.ts';
import type { Block, Figure } from './types.ts';

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
  readonly cmsEntries: ReadonlyMap<string, CmsEntry>;
  readonly bankTransactions: ReadonlyMap<string, BankTransaction>;
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
    if (e instanceof InputError) throw new InputError(`${prefix}.${e.field}`, e.message.slice(e.field.length + 2));
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
    // The same canonical ids reconcile gives, to show each disputed entry as CMS and the bank have it.
    const cms = readCmsEntries(input.cmsEntries);
    const bank = readBankTransactions(input.bankTransactions);
    reconciliation = {
      input,
      result,
      cmsEntries: new Map(cms.map((e) => [e.id, e])),
      bankTransactions: new Map(bank.map((t) => [t.id, t])),
    };
  }
  return {
    ...(inputs.calculation ? { calculation: calc('calculation', inputs.calculation) } : {}),
    ...(inputs.cmsCalculation ? { cmsCalculation: calc('cmsCalculation', inputs.cmsCalculation) } : {}),
    ...(reconciliation ? { reconciliation } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Calculation figures

const INCOME_STEPS = new Set([
  'income_annual',
  'income_weekly',
  'pension_contributions',
  'current_income_test',
  'variation_additional_income',
  'variation_special_expenses',
  'income_cap',
]);
const NOT_RATE_STEPS = new Set([
  'qualifying_children',
  'weekly_amount',
  'instalments',
  'collection_fee_paying_parent',
  'collection_fee_receiving_parent',
]);

const citations = (steps: readonly TraceStep[]): string => [...new Set(steps.map((s) => s.citation))].join('; ');

/** Reckoner's internal ids ("receiving_parent_1", "child_2") in the words a letter uses. */
export function plainIds(text: string): string {
  const several = /receiving_parent_2/.test(text);
  return text
    .replace(/\breceiving_parent_(\d+)\b/g, (_m, n: string) => (several ? `receiving parent ${n}` : 'the receiving parent'))
    .replace(/\bchild_(\d+)\b/g, 'child $1')
    .replace(/(^|[.;] )the receiving parent/g, (_m, p: string) => `${p}The receiving parent`);
}

/** Trace steps as sentences: each ends with a full stop. */
const describe = (steps: readonly TraceStep[]): string =>
  plainIds(steps.map((s) => s.description.trim().replace(/[.;]?$/, '.')).join(' ')).replace(/\.$/, '');
const m = (d: Decimal): string => formatMoney(d);

export type Which = 'calculation' | 'cmsCalculation';

const WHOSE: Record<Which, { id: string; label: string }> = {
  calculation: { id: '', label: '' },
  cmsCalculation: { id: 'cms_', label: 'CMS’s ' },
};

function money(id: string, label: string, value: Decimal, source: string, citation: string, href?: string): Figure {
  return { id, label, value: pounds(value), amount: m(value), source, citation, ...(href ? { href } : {}) };
}

/** The weekly maintenance the calculation gives, with the steps from the rate to the amount. */
export function weeklyAmount(c: ComputedCalculation, which: Which = 'calculation'): Figure {
  const steps = c.result.trace.filter((s) => !INCOME_STEPS.has(s.step) && !NOT_RATE_STEPS.has(s.step));
  const weekly = c.result.trace.find((s) => s.step === 'weekly_amount');
  const all = steps.length ? steps : weekly ? [weekly] : [];
  return money(
    `${WHOSE[which].id}weekly_amount`,
    which === 'calculation'
      ? 'Weekly child maintenance, worked out under the 2012 scheme'
      : 'Weekly child maintenance on the circumstances CMS used',
    c.result.weeklyAmount,
    `${describe(all)} (2012 scheme, as at ${longDate(c.result.date)})`,
    citations(all),
    all[0]?.href,
  );
}

/** Gross weekly income the rate was worked out on, or undefined where the rate needed none. */
export function grossWeeklyIncome(c: ComputedCalculation, which: Which = 'calculation'): Figure | undefined {
  if (c.result.grossWeeklyIncome === null) return undefined;
  const steps = c.result.trace.filter((s) => INCOME_STEPS.has(s.step));
  return money(
    `${WHOSE[which].id}gross_weekly_income`,
    which === 'calculation' ? 'Gross weekly income of the paying parent' : 'Gross weekly income CMS used',
    c.result.grossWeeklyIncome,
    describe(steps),
    citations(steps),
    steps[0]?.href,
  );
}

/** The monthly instalment (52-week reference period). */
export function monthlyAmount(c: ComputedCalculation): Figure {
  const step = c.result.trace.find((s) => s.step === 'instalments')!;
  return money(
    'monthly_amount',
    'Monthly instalment of maintenance',
    c.result.perFrequency.monthly,
    step.description,
    step.citation,
    step.href,
  );
}

/** Collect and Pay: what the paying parent pays each week including the 20% fee; undefined on Direct Pay. */
export function weeklyWithFee(c: ComputedCalculation): Figure | undefined {
  const charges = c.result.collectionCharges;
  if (!charges) return undefined;
  const step = c.result.trace.find((s) => s.step === 'collection_fee_paying_parent')!;
  return money(
    'weekly_with_collection_fee',
    'Weekly amount the paying parent pays on Collect and Pay, with the collection fee',
    charges.payingParent.weekly.total,
    step.description,
    step.citation,
    step.href,
  );
}

/** The weekly amount without any variation, worked out again from the same circumstances. */
export function weeklyWithoutVariation(c: ComputedCalculation): Figure {
  const { variations: _v, ...rest } = c.input;
  const plain = calculateMaintenance(rest);
  const steps = plain.trace.filter((s) => !INCOME_STEPS.has(s.step) && !NOT_RATE_STEPS.has(s.step));
  return money(
    'weekly_without_variation',
    'Weekly child maintenance without the variation',
    plain.weeklyAmount,
    `The same circumstances without the variation: ${describe(steps)}`,
    citations(steps),
    steps[0]?.href,
  );
}

/** The weekly variation amount as the calculation applied it; undefined without one. */
export function variationAmount(c: ComputedCalculation): Figure | undefined {
  const step = c.result.trace.find((s) => s.step === 'variation_special_expenses' || s.step === 'variation_additional_income');
  if (!step) return undefined;
  const v = c.input.variations;
  const raw = step.step === 'variation_special_expenses' ? v?.specialExpensesWeekly : v?.additionalIncomeWeekly;
  const value = roundPenny(new Dec(String(raw ?? '0')));
  return money(
    'variation_weekly',
    step.step === 'variation_special_expenses' ? 'Special expenses a week, taken off income' : 'Additional income a week, added to income',
    value,
    step.description,
    step.citation,
    step.href,
  );
}

/** The weekly amount CMS's circumstances give, less the correct one (positive: CMS charges too much). */
export function weeklyDifference(correct: ComputedCalculation, cms: ComputedCalculation): Figure {
  const diff = cms.result.weeklyAmount.minus(correct.result.weeklyAmount);
  return money(
    'weekly_amount_difference',
    'Difference a week between CMS’s figure and the correct one',
    diff.abs(),
    `${pounds(cms.result.weeklyAmount)} on CMS’s circumstances − ${pounds(correct.result.weeklyAmount)} on the correct ones = ${pounds(diff)} a week`,
    'Both worked out under the 2012 scheme (Child Support Act 1991 Sch 1)',
  );
}

/**
 * How far current income differs from the historic income CMS used, as a percentage of the historic figure,
 * to one decimal place (CSMCR 2012 reg 34(2): current income is used where it differs by 25% or more).
 */
export function incomeDifference(current: ComputedCalculation, historic: ComputedCalculation): { figure: Figure; atLeastQuarter: boolean } {
  const now = current.result.grossWeeklyIncome ?? new Dec(0);
  const then = historic.result.grossWeeklyIncome ?? new Dec(0);
  if (then.isZero()) {
    return {
      figure: {
        id: 'income_difference_percent',
        label: 'Difference between current and historic income',
        value: 'more than 25%',
        source: `Historic income is nil and current income is ${pounds(now)} a week; any current income counts as a difference of 25% or more`,
        citation: LAW.currentIncomeTest.title,
        href: LAW.currentIncomeTest.href,
      },
      atLeastQuarter: now.gt(0),
    };
  }
  const gap = now.minus(then).abs();
  const pct = gap.dividedBy(then).times(100);
  const shown = pct.toDecimalPlaces(1, Dec.ROUND_DOWN).toFixed(1);
  return {
    figure: {
      id: 'income_difference_percent',
      label: 'Difference between current and historic income, as a share of historic income',
      value: `${shown}%`,
      source: `Current ${pounds(now)} against historic ${pounds(then)} a week: the difference, ${pounds(gap)}, ÷ ${pounds(then)} × 100 = ${shown}% of the historic figure (rounded down to one decimal place)`,
      citation: LAW.currentIncomeTest.title,
      href: LAW.currentIncomeTest.href,
    },
    atLeastQuarter: pct.gte(25),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reconciliation figures

const stepOf = (r: Reconciliation, step: string): TraceStep | undefined => r.trace.find((s) => s.step === step);

/** The balance CMS claims; undefined when the reconciliation was given no claim. */
export function claimedBalance(r: ComputedReconciliation): Figure | undefined {
  const claimed = r.result.balance.cmsClaimed;
  if (claimed === undefined) return undefined;
  return money(
    'cms_claimed_balance',
    claimed.lt(0) ? 'Overpayment CMS says there is' : 'Arrears CMS says are owed',
    claimed.abs(),
    `The balance CMS gave for ${longDate(r.result.asOf)}`,
    'CMS’s own statement of the balance',
  );
}

/** The balance worked out from the decisions and the bank statement. */
export function recomputedBalance(r: ComputedReconciliation): Figure {
  const b = r.result.balance;
  const step = stepOf(r.result, 'balance')!;
  return money(
    'recomputed_balance',
    b.position === 'overpaid'
      ? 'Overpayment, worked out from the decisions and the bank statement'
      : 'Arrears, worked out from the decisions and the bank statement',
    b.recomputed.abs(),
    inFirstPerson(step.description),
    step.citation,
    step.href,
  );
}

/** How far CMS's balance is from the true one; undefined without a claim or when they agree. */
export function balanceDifference(r: ComputedReconciliation): Figure | undefined {
  const d = r.result.discrepancies.find((x) => x.kind === 'balance_mismatch');
  if (!d) return undefined;
  return money(
    'balance_difference',
    'Amount by which CMS’s balance differs from the true balance',
    d.amount,
    inFirstPerson(d.explanation),
    'Reckoner reconciliation of the CMS record against my bank statement and the decisions',
  );
}

/** Total due to the reconciliation date. */
export function totalDue(r: ComputedReconciliation): Figure {
  const step = stepOf(r.result, 'total_due') ?? stepOf(r.result, 'balance')!;
  return money(
    'total_due',
    'Total due under the decisions',
    r.result.balance.due,
    inFirstPerson(step.description),
    step.citation,
    step.href,
  );
}

/** What the bank statement shows was paid. */
export function paidPerBank(r: ComputedReconciliation): Figure {
  const step = stepOf(r.result, 'balance')!;
  return money(
    'paid_per_bank',
    r.result.side === 'paying' ? 'Paid, as my bank statement shows' : 'Received, as my bank statement shows',
    r.result.balance.paidPerBank,
    `The maintenance payments on my bank statement up to ${longDate(r.result.asOf)}`,
    step.citation,
    step.href,
  );
}

/** Enforcement charges CMS recorded; undefined when none. */
export function enforcementCharges(r: ComputedReconciliation): Figure | undefined {
  const c = r.result.balance.enforcementCharges;
  if (c.isZero()) return undefined;
  return money(
    'enforcement_charges',
    'Enforcement charges CMS recorded',
    c,
    'The enforcement charges on CMS’s record',
    enforcementChargesParameter.values[enforcementChargesParameter.values.length - 1]!.reference.title,
  );
}

/** The disputed entries: every discrepancy other than the balance itself. */
export function disputedEntries(r: ComputedReconciliation): readonly Discrepancy[] {
  return r.result.discrepancies.filter((d) => d.kind !== 'balance_mismatch');
}

/** The amount the parent disputes (CMS's balance less the true one) and the amount they accept. */
export function disputedAndUndisputed(r: ComputedReconciliation): { disputed?: Figure; undisputed: Figure } {
  const b = r.result.balance;
  const step = stepOf(r.result, 'balance')!;
  const undisputed = money(
    'undisputed_arrears',
    'Arrears I accept are owed (worked out from the decisions and my bank statement)',
    b.recomputed.gt(0) ? b.recomputed : new Dec(0),
    inFirstPerson(step.description),
    step.citation,
    step.href,
  );
  if (b.difference === undefined || !b.difference.gt(0)) return { undisputed };
  const d = r.result.discrepancies.find((x) => x.kind === 'balance_mismatch')!;
  return {
    undisputed,
    disputed: money(
      'disputed_amount',
      'Part of CMS’s balance I dispute',
      b.difference,
      inFirstPerson(d.explanation),
      'Reckoner reconciliation of the CMS record against my bank statement and the decisions',
    ),
  };
}

const ENTRY_WORDS: Record<string, string> = {
  liability: 'Maintenance charged',
  payment_received: 'Payment received',
  payment_passed_on: 'Payment passed on',
  direct_payment: 'Direct Pay payment',
  collection_fee: 'Collection fee',
  enforcement_charge: 'Enforcement charge',
  adjustment: 'Adjustment',
  refund: 'Refund',
};

function cmsCell(r: ComputedReconciliation, d: Discrepancy): string {
  if (d.cmsEntryIds.length === 0) return 'Nothing recorded';
  return d.cmsEntryIds
    .map((id) => r.cmsEntries.get(id))
    .filter((e): e is CmsEntry => e !== undefined)
    .map((e) => `${ENTRY_WORDS[e.type] ?? e.type} ${pounds(e.amount)} on ${longDate(e.date)}${e.reference ? ` (ref ${e.reference})` : ''}`)
    .join('; ');
}

function bankCell(r: ComputedReconciliation, d: Discrepancy): string {
  if (d.bankTransactionIds.length > 0) {
    return d.bankTransactionIds
      .map((id) => r.bankTransactions.get(id))
      .filter((t): t is BankTransaction => t !== undefined)
      .map(
        (t) =>
          `${pounds(t.amount)} ${t.direction === 'out' ? 'paid out' : 'paid in'} on ${longDate(t.date)}${t.description ? ` ("${t.description}")` : ''}`,
      )
      .join('; ');
  }
  if (d.kind === 'liability_mismatch' || d.kind === 'charge_mismatch') return 'Not a payment: checked against the decisions';
  if (d.kind === 'duplicate_cms_entry') return 'One payment or charge only';
  return 'No such payment';
}

/**
 * Each disputed entry as a figure (its amount, with the finding as the evidence), and the table a letter
 * prints: date, what CMS recorded, what the bank shows, amount, why.
 */
export function disputedEntryTable(
  r: ComputedReconciliation,
  quote: (f: Figure) => string,
): { table: Block; total: Figure; count: number } | undefined {
  const entries = disputedEntries(r);
  if (entries.length === 0) return undefined;
  const rows = entries.map((d, i) => {
    const why = inFirstPerson(d.explanation);
    const value = quote(
      money(
        `disputed_entry_${i + 1}`,
        `Disputed entry ${i + 1} (${longDate(d.date)})`,
        d.amount,
        why,
        'Reckoner reconciliation of the CMS record against my bank statement',
      ),
    );
    return [String(i + 1), longDate(d.date), cmsCell(r, d), bankCell(r, d), value, why];
  });
  const sum = entries.reduce((a, d) => a.plus(d.amount), new Dec(0));
  const total = money(
    'disputed_entries_total',
    'Total of the disputed entries',
    sum,
    entries.map((d) => pounds(d.amount)).join(' + ') + ` = ${pounds(sum)}`,
    'Sum of the amounts in the schedule of disputed entries',
  );
  return {
    table: {
      kind: 'table',
      caption: 'Schedule of disputed entries',
      columns: ['No.', 'Date', 'What CMS recorded', 'What my bank shows', 'Amount', 'Why it is wrong'],
      widths: [0.6, 1.75, 2.2, 2.2, 1.15, 3.0],
      rows,
    },
    total,
    count: entries.length,
  };
}

/** Periods in which less arrived than was due (receiving side): the missed and short payments. */
export function shortPeriods(r: ComputedReconciliation): { rows: string[][]; total: Decimal } {
  const rows: string[][] = [];
  let total = new Dec(0);
  for (const p of r.result.periods) {
    if (p.paidPerBank.gte(p.due)) continue;
    const short = p.due.minus(p.paidPerBank);
    total = total.plus(short);
    rows.push([`${longDate(p.periodStart)} to ${longDate(p.periodEnd)}`, pounds(p.due), pounds(p.paidPerBank), pounds(short)]);
  }
  return { rows, total };
}

/** The overpayment the reconciliation shows; undefined unless the balance is an overpayment. */
export function overpaid(r: ComputedReconciliation): Figure | undefined {
  const b = r.result.balance;
  if (b.position !== 'overpaid') return undefined;
  const step = stepOf(r.result, 'balance')!;
  return money('overpaid_amount', 'Amount overpaid', b.recomputed.abs(), inFirstPerson(step.description), step.citation, step.href);
}

/** Equal instalments that clear `amount` in `n` payments: each rounded up to the penny, the last the remainder. */
export function instalmentPlan(amount: Decimal, n: number): { each: Decimal; last: Decimal } {
  const each = amount.dividedBy(n).toDecimalPlaces(2, Dec.ROUND_UP);
  const last = roundPenny(amount.minus(each.times(n - 1)));
  return { each, last };
}
