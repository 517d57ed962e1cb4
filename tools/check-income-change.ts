/**
 * `check_income_change`: the paying parent's current income against the historic income a CMS decision used — the
 * 25% test (SI 2012/2677 reg 34(2)), the route and the date a new decision takes effect, the next annual review,
 * the new weekly amount beside the current one, and the letter to send (L15) with its deadline. Every figure and date
 * is calc's (calc/scheme-2012/income-change.ts); with a caseId, CMS's circumstances and the decision's dates come
 * from the case's latest decision (cases/income-change.ts).
 * @module
 */
import * as z from 'zod';
import { NATIONS, type Deadline } from '../calc/deadlines/index.ts';
import { InputError, ReckonerError } from '../calc/errors.ts';
import { formatMoney } from '../calc/money.ts';
import type { MaintenanceInput } from '../calc/scheme-2012/calculate.ts';
import { checkIncomeChange, INCOME_CHANGE_ROUTES, type IncomeChangeResult } from '../calc/scheme-2012/income-change.ts';
import { incomeChangeDecision, type IncomeChangeDecision } from '../cases/income-change.ts';
import { findLetter } from '../letters/index.ts';
import { caseId, deadlineOutput, storeOf } from './case-common.ts';
import { calculateMaintenanceInput } from './calculate-maintenance.ts';
import { civilDate, leanOutput, moneyOut, sameAs, strictObject, trace } from './schemas.ts';
import { defineTool, parseInput } from './tool.ts';
import { capped, traceSection } from './words.ts';

export const checkIncomeChangeInput = strictObject({
  caseId: caseId.optional().describe('Its latest decision gives the rest'),
  cmsCalculation: sameAs(calculateMaintenanceInput, 'What CMS used, as calculate_maintenance takes it').optional(),
  currentIncome: sameAs(
    calculateMaintenanceInput.shape.payingParent.pick({ grossWeeklyIncome: true, income: true }),
    'Gross: {grossWeeklyIncome} or {income: {amount, period}}',
  ),
  decisionDate: civilDate.optional().describe('On the decision letter'),
  effectiveDate: civilDate.optional().describe("The decision's"),
  firstEffectiveDate: civilDate.optional().describe("The case's"),
  reportedOn: civilDate.optional().describe('Default today'),
  changedOn: civilDate.optional(),
  nation: z.enum(NATIONS).optional(),
});

export const checkIncomeChangeOutput = z.object({
  currentIncomeUsed: z.boolean(),
  historicWeeklyIncome: moneyOut,
  currentWeeklyIncome: moneyOut,
  percent: z.string().nullable().describe('The difference as % of historic, rounded down to 0.1'),
  thresholdPercent: z.string(),
  direction: z.enum(['higher', 'lower', 'same']),
  route: z.enum(INCOME_CHANGE_ROUTES),
  effectiveDate: z.string(),
  nextReviewDate: z.string(),
  weeklyAmount: z.object({ now: moneyOut, new: moneyOut, difference: moneyOut }),
  letter: z.object({ id: z.string(), type: z.string(), deadline: deadlineOutput.nullable() }),
  warnings: z.array(z.string()),
  fromCase: z.array(z.string()).optional().describe('With caseId: what was taken from the case'),
  trace,
});

export type CheckIncomeChangeOutput = z.infer<typeof checkIncomeChangeOutput>;

const LETTER = findLetter('L15');

/** The result as JSON. */
export function toJson(r: IncomeChangeResult, fromCase?: readonly string[]): CheckIncomeChangeOutput {
  const deadline: Deadline | null = r.deadline;
  return {
    currentIncomeUsed: r.currentIncomeUsed,
    historicWeeklyIncome: formatMoney(r.historicWeeklyIncome),
    currentWeeklyIncome: formatMoney(r.currentWeeklyIncome),
    percent: r.percent === null ? null : r.percent.toFixed(1),
    thresholdPercent: r.thresholdPercent.toString(),
    direction: r.direction,
    route: r.route,
    effectiveDate: r.effectiveDate,
    nextReviewDate: r.nextReviewDate,
    weeklyAmount: { now: formatMoney(r.weeklyAmountNow), new: formatMoney(r.weeklyAmountNew), difference: formatMoney(r.weeklyDifference) },
    letter: { id: LETTER.id, type: LETTER.type, deadline: deadline ? { ...deadline } : null },
    warnings: [...r.warnings],
    ...(fromCase ? { fromCase: [...fromCase] } : {}),
    trace: r.trace.map((s) => ({ ...s })),
  };
}

type Input = z.infer<typeof checkIncomeChangeInput>;

/** CMS's circumstances and the decision's dates: the caller's, else the case's latest decision's. */
function decisionOf(input: Input, stored: IncomeChangeDecision | undefined) {
  const fromCase: string[] = [];
  let cms = input.cmsCalculation as MaintenanceInput | undefined;
  if (!cms && stored) {
    try {
      cms = parseInput(calculateMaintenanceInput, stored.calculation) as MaintenanceInput;
    } catch (error) {
      throw error instanceof ReckonerError ? error.within(`decision "${stored.label}".calculation`) : error;
    }
    fromCase.push(`cmsCalculation (decision "${stored.label}")`);
  }
  if (!cms) {
    throw new InputError(
      'cmsCalculation',
      'give the circumstances CMS used, as calculate_maintenance takes them, or a caseId whose decision holds them',
    );
  }
  const letterDate = input.decisionDate ?? stored?.letterDate;
  if (!letterDate) {
    throw new InputError('decisionDate', 'give the date on the decision letter (the 30-day reconsideration limit counts from it)');
  }
  if (!input.decisionDate) fromCase.push('decisionDate');
  const effectiveDate = input.effectiveDate ?? stored?.effectiveDate ?? letterDate;
  if (!input.effectiveDate && stored) fromCase.push('effectiveDate');
  const initial = input.firstEffectiveDate ?? stored?.firstEffectiveDate;
  if (!input.firstEffectiveDate && stored) fromCase.push('firstEffectiveDate');
  return { cms: { ...cms, date: cms.date ?? effectiveDate }, letterDate, effectiveDate, initial, fromCase };
}

const signed = (amount: string): string =>
  amount.startsWith('-') ? `−£${amount.slice(1)}` : amount === '0.00' ? 'no change' : `+£${amount}`;

const ROUTE_WORDS: Record<(typeof INCOME_CHANGE_ROUTES)[number], string> = {
  mandatory_reconsideration: 'a mandatory reconsideration',
  supersession: 'a supersession',
};

/** The answer in words: the test, the amounts, the date, the review and the letter, then the trace. */
export function summarizeIncomeChange(out: CheckIncomeChangeOutput): string {
  const d = out.letter.deadline;
  const head = [
    `Current income £${out.currentWeeklyIncome} a week against historic £${out.historicWeeklyIncome}` +
      (out.percent === null ? '' : `: ${out.percent}% ${out.direction}`) +
      ` — ${out.currentIncomeUsed ? 'current' : 'historic'} income is used (${out.thresholdPercent}% test, SI 2012/2677 reg 34(2)).`,
    `Weekly amount: £${out.weeklyAmount.new} against £${out.weeklyAmount.now} now (${signed(out.weeklyAmount.difference)}${out.weeklyAmount.difference === '0.00' ? '' : ' a week'}), from ${out.effectiveDate} (${ROUTE_WORDS[out.route]}).`,
    `Next annual review: ${out.nextReviewDate}.`,
    `Letter: ${out.letter.id} ${out.letter.type}` +
      (d
        ? ` — CMS must receive it by ${d.date}.`
        : ' — no time limit, but a supersession runs only from the date of the request: send it now.'),
    ...out.warnings.map((w) => `Note: ${w}`),
    ...(out.fromCase ? [`From the case: ${out.fromCase.join(', ')}.`] : []),
  ];
  return capped(head, [traceSection(out.trace)]);
}

export const checkIncomeChangeTool = defineTool({
  name: 'check_income_change',
  title: 'Check a change of income',
  description:
    'Current vs historic income (the 25% test): the new weekly amount and from when, the next review, letter L15 and its deadline.',
  inputSchema: checkIncomeChangeInput,
  outputSchema: leanOutput(checkIncomeChangeOutput, ['currentIncomeUsed', 'weeklyAmount', 'effectiveDate', 'letter', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const stored = input.caseId
      ? await incomeChangeDecision(await storeOf(context), input.caseId, input.cmsCalculation !== undefined)
      : undefined;
    const d = decisionOf(input, stored);
    const result = checkIncomeChange({
      cms: d.cms,
      currentIncome: input.currentIncome as MaintenanceInput['payingParent'],
      decisionDate: d.letterDate,
      effectiveDate: d.effectiveDate,
      ...(d.initial ? { firstEffectiveDate: d.initial } : {}),
      reportedOn: input.reportedOn ?? context.today,
      ...(input.changedOn ? { changedOn: input.changedOn } : {}),
      nation: input.nation ?? 'england_and_wales',
    });
    return toJson(result, stored ? d.fromCase : undefined);
  },
  summarize: summarizeIncomeChange,
});
