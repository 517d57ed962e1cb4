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
import { decimalText, poundsOfPence } from '../money.ts';
import { nonNegativePence } from '../input.ts';
import type { TraceStep } from '../trace.ts';
import type { MaintenanceInput, NilRateReason, Rate } from './calculate.ts';
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
  const last = items.length - 1;
  if (last <= 0) return last === 0 ? items[0]! : '';
  let out = items[0]!;
  for (let i = 1; i < last; i++) out += `, ${items[i]}`;
  return `${out} and ${items[last]}`;
}

/** The parents and children as calculateMaintenance named them ("the receiving parent", "child 2"). */
interface Named {
  readonly name: string;
  readonly children: readonly { readonly name: string; readonly nightsPerYear: number; readonly nightsPerWeek: number | null }[];
}

/** The figures the calculation worked out that the read-out quotes, in pence. */
export interface ReadOutFigures {
  readonly rate: Rate;
  readonly grossWeeklyIncome: number | null;
  readonly weeklyAmount: number;
  readonly monthly: number;
  /** Each receiving parent's weekly share. */
  readonly shares: readonly number[];
  readonly trace: readonly TraceStep[];
  /** Collect and Pay: percentages in hundredths, instalments with their fees. */
  readonly fees?: {
    readonly payingPercent: number;
    readonly receivingPercent: number;
    readonly payingWeekly: { readonly maintenance: number; readonly fee: number };
    readonly payingMonthly: { readonly maintenance: number; readonly fee: number };
    readonly receivingWeekly: readonly { readonly maintenance: number; readonly fee: number }[];
  };
}

/** The amount as given, in pounds for people ("£32,000.00"). */
const givenPounds = (field: string, value: Parameters<typeof nonNegativePence>[1]): string => poundsOfPence(nonNegativePence(field, value));

/** How the paying parent's circumstances open the sentence: the income as given, or why none was needed. */
function opening(input: MaintenanceInput, result: ReadOutFigures, capped: boolean): string {
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
      ? `On gross income of ${givenPounds('payingParent.income.amount', payer.income.amount)} ${PERIOD_WORDS[payer.income.period]}`
      : payer.grossWeeklyIncome !== undefined
        ? `On gross weekly income of ${givenPounds('payingParent.grossWeeklyIncome', payer.grossWeeklyIncome)}`
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
    ? `capped at ${poundsOfPence(weekly)} a week`
    : `${poundsOfPence(weekly)} a week${pension ? ' after pension contributions' : ''}${varied ? ' with the variations' : ''}`;
  return `${given} (${note})`;
}

/** "with two children, child 2 staying two nights a week (104 nights a year) with the paying parent". */
function childrenWords(parents: readonly Named[]): string {
  let count = 0;
  for (const p of parents) count += p.children.length;
  const head =
    parents.length > 1
      ? `with ${counted(count, 'child', 'children')} and ${counted(parents.length, 'receiving parent', 'receiving parents')}`
      : `with ${counted(count, 'child', 'children')}`;
  const staying: string[] = [];
  for (const p of parents) {
    for (const c of p.children) {
      if (c.nightsPerYear <= 0) continue;
      const name = count === 1 && c.name === 'child 1' ? 'the child' : c.name;
      staying.push(
        c.nightsPerWeek !== null
          ? `${name} staying ${counted(c.nightsPerWeek, 'night', 'nights')} a week (${c.nightsPerYear} nights a year)`
          : `${name} staying ${c.nightsPerYear} ${c.nightsPerYear === 1 ? 'night' : 'nights'} a year`,
      );
    }
  }
  return staying.length === 0 ? `${head} and no shared care` : `${head}, ${listed(staying)} with the paying parent`;
}

/** The read-out for a result's figures; `parents` are the names the calculation used. */
export function readOut(input: MaintenanceInput, result: ReadOutFigures, parents: readonly Named[]): string {
  const capped = result.trace.some((s) => s.step === STEP.incomeCap);
  const pay = `the paying parent should pay ${poundsOfPence(result.weeklyAmount)} a week, which is ${poundsOfPence(result.monthly)} a month (${RATE_WORDS[result.rate]})`;
  let sentences = `${opening(input, result, capped)}, ${childrenWords(parents)}, ${pay}.`;
  if (parents.length > 1) {
    const shares = result.shares.map((share, i) => `${parents[i]!.name} gets ${poundsOfPence(share)} a week`);
    sentences += ` Of that, ${listed(shares)}.`;
  }
  const fees = result.fees;
  if (fees) {
    const paid = fees.payingWeekly;
    const received = fees.receivingWeekly.length === 1 ? fees.receivingWeekly[0]! : undefined;
    sentences +=
      ` With Collect and Pay, the paying parent pays ${poundsOfPence(paid.maintenance + paid.fee)} a week (${poundsOfPence(fees.payingMonthly.maintenance + fees.payingMonthly.fee)} a month) ` +
      `including the ${decimalText(fees.payingPercent, 2)}% fee` +
      (received
        ? `, and the receiving parent gets ${poundsOfPence(received.maintenance - received.fee)} a week after the ${decimalText(fees.receivingPercent, 2)}% fee`
        : '') +
      '.';
  }
  return sentences;
}
