/**
 * The read-out: a calculation's answer in one to three plain sentences an adviser can say aloud on a call,
 * e.g. "On gross income of £32,000.00 a year (£613.70 a week), with two children, child 2 staying two nights a
 * week (104 nights a year) with the paying parent, the paying parent should pay £84.00 a week, which is £364.00
 * a month (basic rate)."
 *
 * Words only: every figure is one the calculation already worked out (the weekly amount, the monthly
 * instalment, the shares, the fees), quoted as it is. Nothing is added, multiplied or rounded here.
 * @module
 */
import { money, pounds, type Dec } from '../money.ts';
import type { MaintenanceInput, MaintenanceResult, NilRateReason, Rate } from './calculate.ts';
import { PERIOD_WORDS } from './income.ts';
import { STEP } from './steps.ts';

const RATE_WORDS: Record<Rate, string> = {
  nil: 'nil rate',
  flat: 'flat rate',
  reduced: 'reduced rate',
  basic: 'basic rate',
  basic_plus: 'basic plus rate',
  default: 'default rate',
};

/** Why no income was needed, as the start of a sentence ("As the paying parent is a prisoner, …"). */
const NIL_REASON_WORDS: Record<NilRateReason, string> = {
  child: 'As the paying parent is a child',
  prisoner: 'As the paying parent is a prisoner',
  aged_16_or_17_on_benefit: 'As the paying parent is 16 or 17 and they or a partner get a means-tested benefit',
  work_based_training: 'As the paying parent gets an allowance for work-based training',
  care_home_or_hospital: 'As the paying parent lives in a care home or independent hospital',
};

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** 2 → "two"; beyond ten, the digits. */
const numberWords = (n: number): string => SMALL_NUMBERS[n] ?? String(n);
const counted = (n: number, one: string, many: string): string => `${numberWords(n)} ${n === 1 ? one : many}`;

/** "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The parents and children as calculateMaintenance named them ("the receiving parent", "child 2"). */
interface Named {
  readonly name: string;
  readonly children: readonly { readonly name: string; readonly nightsPerYear: number; readonly nightsPerWeek: number | null }[];
}

/** How the paying parent's circumstances open the sentence: the income as given, or why none was needed. */
function opening(input: MaintenanceInput, result: Omit<MaintenanceResult, 'readOut'>, capped: boolean): string {
  const payer = input.payingParent ?? {};
  if (result.rate === 'default') return 'At the default rate (CMS has not enough information to calculate)';
  if (payer.nilRateReason !== undefined && result.rate === 'nil') return NIL_REASON_WORDS[payer.nilRateReason];
  if (payer.flatRateBenefit === 'reg_44_2_couple' && result.rate === 'flat') {
    return 'As the paying parent gets a flat-rate benefit and their partner is also a paying parent';
  }
  if (payer.flatRateBenefit && result.rate === 'flat') return 'As the paying parent gets a flat-rate benefit';
  const weekly = result.grossWeeklyIncome;
  const given =
    payer.income !== undefined
      ? `On gross income of ${pounds(money(payer.income.amount))} ${PERIOD_WORDS[payer.income.period]}`
      : payer.grossWeeklyIncome !== undefined
        ? `On gross weekly income of ${pounds(money(payer.grossWeeklyIncome))}`
        : undefined;
  if (weekly === null || given === undefined) return 'On these circumstances';
  const pension = payer.pensionContributions !== undefined;
  // An agreed amount given says "with the variations" (as it always has); grounds say so only where one counted.
  const varied =
    input.variations?.specialExpensesWeekly !== undefined ||
    input.variations?.additionalIncomeWeekly !== undefined ||
    result.trace.some((s) => s.step === STEP.variationSpecialExpenses || s.step === STEP.variationAdditionalIncome);
  const givenWeekly = payer.income === undefined || payer.income.period === 'week';
  if (givenWeekly && !capped && !pension && !varied) return given;
  const note = capped
    ? `capped at ${pounds(weekly)} a week`
    : `${pounds(weekly)} a week${pension ? ' after pension contributions' : ''}${varied ? ' with the variations' : ''}`;
  return `${given} (${note})`;
}

/** "with two children, child 2 staying two nights a week (104 nights a year) with the paying parent". */
function childrenWords(parents: readonly Named[]): string {
  const children = parents.flatMap((p) => p.children);
  const head =
    parents.length > 1
      ? `with ${counted(children.length, 'child', 'children')} and ${counted(parents.length, 'receiving parent', 'receiving parents')}`
      : `with ${counted(children.length, 'child', 'children')}`;
  const staying = children
    .filter((c) => c.nightsPerYear > 0)
    .map((c) => {
      const name = children.length === 1 && c.name === 'child 1' ? 'the child' : c.name;
      return c.nightsPerWeek !== null
        ? `${name} staying ${counted(c.nightsPerWeek, 'night', 'nights')} a week (${c.nightsPerYear} nights a year)`
        : `${name} staying ${c.nightsPerYear} ${c.nightsPerYear === 1 ? 'night' : 'nights'} a year`;
    });
  return staying.length === 0 ? `${head} and no shared care` : `${head}, ${listed(staying)} with the paying parent`;
}

/** The read-out for a result; `parents` are the names the calculation used. */
export function readOut(input: MaintenanceInput, result: Omit<MaintenanceResult, 'readOut'>, parents: readonly Named[]): string {
  const capped = result.trace.some((s) => s.step === STEP.incomeCap);
  const pay = `the paying parent should pay ${pounds(result.weeklyAmount)} a week, which is ${pounds(result.perFrequency.monthly)} a month (${RATE_WORDS[result.rate]})`;
  const sentences = [`${opening(input, result, capped)}, ${childrenWords(parents)}, ${pay}.`];
  if (parents.length > 1) {
    const shares = result.receivingParents.map((rp, i) => `${parents[i]!.name} gets ${pounds(rp.weeklyAmount)} a week`);
    sentences.push(`Of that, ${listed(shares)}.`);
  }
  const cc = result.collectionCharges;
  if (cc) {
    const paid = cc.payingParent.weekly;
    const received: Dec | undefined = cc.receivingParents.length === 1 ? cc.receivingParents[0]!.perFrequency.weekly.net : undefined;
    sentences.push(
      `With Collect and Pay, the paying parent pays ${pounds(paid.total)} a week (${pounds(cc.payingParent.monthly.total)} a month) ` +
        `including the ${cc.payingParentPercent.toString()}% fee` +
        (received
          ? `, and the receiving parent gets ${pounds(received)} a week after the ${cc.receivingParentPercent.toString()}% fee`
          : '') +
        '.',
    );
  }
  return sentences.join(' ');
}
