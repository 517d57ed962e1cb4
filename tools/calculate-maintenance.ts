/**
 * `calculate_maintenance`: the weekly child maintenance under the 2012 scheme, with every figure
 * traced to the law.
 * @module
 */
import * as z from 'zod';
import {
  calculateMaintenance,
  COLLECTION_SERVICES,
  MAX_NIGHTS_PER_YEAR,
  NIL_RATE_REASONS,
  RATES,
  type MaintenanceResult,
} from '../calc/scheme-2012/calculate.ts';
import { INCOME_PERIODS } from '../calc/scheme-2012/income.ts';
import { FREQUENCIES } from '../calc/frequency.ts';
import { formatFraction, formatMoney, type Dec } from '../calc/money.ts';
import { civilDate, moneyOut, nonNegativeMoneyIn, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';

const periodAmount = strictObject({
  amount: nonNegativeMoneyIn,
  period: z.enum(INCOME_PERIODS).describe('How often the amount is received: year, month, four_weeks or week'),
});

const count = (what: string) =>
  z.int(`${what} must be a whole number`).min(0, `${what} must be 0 or more`).max(50, `${what} must be at most 50`);

export const calculateMaintenanceInput = strictObject({
  scheme: z.literal('2012').optional().describe('Only the 2012 scheme is supported'),
  date: civilDate.optional().describe('The day the calculation is for; defaults to today'),
  payingParent: strictObject({
    grossWeeklyIncome: nonNegativeMoneyIn.optional().describe('Gross weekly income, if already known (e.g. from a CMS letter)'),
    income: periodAmount.optional().describe('Gross income (before tax and National Insurance) over a period; converted as CMS does'),
    pensionContributions: periodAmount.optional().describe('Pension contributions not already deducted by the employer'),
    flatRateBenefit: z
      .boolean()
      .optional()
      .describe(
        "True if the paying parent gets a reg 44 benefit (e.g. State Pension, carer's allowance, contribution-based JSA) or they or their partner get income support, income-based JSA, income-related ESA, pension credit or UC with no earnings",
      ),
    nilRateReason: z
      .enum(NIL_RATE_REASONS)
      .optional()
      .describe(
        'Set if the paying parent is a child, a prisoner, 16–17 on a means-tested benefit, on work-based training, or in a care home or independent hospital',
      ),
    relevantOtherChildren: count('relevantOtherChildren')
      .optional()
      .describe("Other children in the paying parent's household for whom they or their partner get child benefit"),
    otherArrangementChildren: count('otherArrangementChildren')
      .optional()
      .describe("The paying parent's other children covered by a court order or other maintenance arrangement"),
  }).describe('The parent who pays'),
  receivingParents: z
    .array(
      strictObject({
        id: z.string().min(1).max(100).optional(),
        children: z
          .array(
            strictObject({
              id: z.string().min(1).max(100).optional(),
              nightsPerYear: z
                .int('nightsPerYear must be a whole number of nights')
                .min(0, 'nightsPerYear must be 0 or more')
                .max(MAX_NIGHTS_PER_YEAR, `nightsPerYear must be at most ${MAX_NIGHTS_PER_YEAR}: a year has no more nights`)
                .optional()
                .describe('Nights a year the child stays with the paying parent'),
            }),
          )
          .min(1, 'give at least one child for each receiving parent')
          .max(20, 'at most 20 children for one receiving parent'),
      }),
    )
    .min(1, 'give at least one receiving parent')
    .max(10, 'at most 10 receiving parents'),
  variations: strictObject({
    specialExpensesWeekly: nonNegativeMoneyIn
      .optional()
      .describe(
        "The weekly amount of special expenses CMS agreed in a variation (contact costs, prior debts, boarding school, mortgage, a disabled child's costs), as it counts after any threshold",
      ),
    additionalIncomeWeekly: nonNegativeMoneyIn
      .optional()
      .describe('The weekly amount of additional income CMS agreed in a variation (unearned income, assets, diverted income)'),
  }).optional(),
  defaultRate: z.boolean().optional().describe('True for a default maintenance decision (not enough information to calculate)'),
  collection: z.enum(COLLECTION_SERVICES).optional().describe('direct_pay (default) or collect_and_pay (adds 20% / takes 4% in fees)'),
});

const perFrequency = z.object(
  Object.fromEntries(FREQUENCIES.map((f) => [f, moneyOut])) as Record<(typeof FREQUENCIES)[number], typeof moneyOut>,
);
const fractionOut = z
  .string()
  .regex(/^\d+(\/\d+)?$/)
  .describe('An exact fraction such as "2/7", or "0"');

export const calculateMaintenanceOutput = z.object({
  scheme: z.literal('2012'),
  date: z.string(),
  rate: z.enum(RATES),
  grossWeeklyIncome: moneyOut.nullable(),
  weeklyAmount: moneyOut,
  receivingParents: z.array(
    z.object({
      id: z.string(),
      weeklyAmount: moneyOut,
      sharedCareFraction: fractionOut,
      children: z.array(z.object({ id: z.string(), nightsPerYear: z.int(), sharedCareFraction: fractionOut })),
    }),
  ),
  perFrequency,
  collection: z.enum(COLLECTION_SERVICES),
  collectionCharges: z
    .object({
      payingParentPercent: z.string(),
      receivingParentPercent: z.string(),
      payingParent: z.object(
        Object.fromEntries(FREQUENCIES.map((f) => [f, z.object({ maintenance: moneyOut, fee: moneyOut, total: moneyOut })])),
      ),
      receivingParents: z.array(
        z.object({
          id: z.string(),
          perFrequency: z.object(
            Object.fromEntries(FREQUENCIES.map((f) => [f, z.object({ maintenance: moneyOut, fee: moneyOut, net: moneyOut })])),
          ),
        }),
      ),
    })
    .optional(),
  warnings: z.array(z.string()),
  trace,
});

export type CalculateMaintenanceOutput = z.infer<typeof calculateMaintenanceOutput>;

function mapValues<K extends string, V, W>(record: Record<K, V>, fn: (v: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v as V)])) as Record<K, W>;
}

const m = (d: Dec): string => formatMoney(d);

/** The JSON form of a core result. */
export function toJson(result: MaintenanceResult): CalculateMaintenanceOutput {
  return {
    scheme: result.scheme,
    date: result.date,
    rate: result.rate,
    grossWeeklyIncome: result.grossWeeklyIncome === null ? null : m(result.grossWeeklyIncome),
    weeklyAmount: m(result.weeklyAmount),
    receivingParents: result.receivingParents.map((rp) => ({
      id: rp.id,
      weeklyAmount: m(rp.weeklyAmount),
      sharedCareFraction: formatFraction(rp.sharedCareFraction),
      children: rp.children.map((c) => ({
        id: c.id,
        nightsPerYear: c.nightsPerYear,
        sharedCareFraction: formatFraction(c.sharedCareFraction),
      })),
    })),
    perFrequency: mapValues(result.perFrequency, m),
    collection: result.collection,
    ...(result.collectionCharges
      ? {
          collectionCharges: {
            payingParentPercent: result.collectionCharges.payingParentPercent.toString(),
            receivingParentPercent: result.collectionCharges.receivingParentPercent.toString(),
            payingParent: mapValues(result.collectionCharges.payingParent, (x) => ({
              maintenance: m(x.maintenance),
              fee: m(x.fee),
              total: m(x.total),
            })),
            receivingParents: result.collectionCharges.receivingParents.map((rp) => ({
              id: rp.id,
              perFrequency: mapValues(rp.perFrequency, (x) => ({ maintenance: m(x.maintenance), fee: m(x.fee), net: m(x.net) })),
            })),
          },
        }
      : {}),
    warnings: [...result.warnings],
    trace: result.trace.map((s) => ({ ...s })),
  };
}

const RATE_WORDS: Record<(typeof RATES)[number], string> = {
  nil: 'nil rate',
  flat: 'flat rate',
  reduced: 'reduced rate',
  basic: 'basic rate',
  basic_plus: 'basic rate (with the "basic plus" part above £800)',
  default: 'default rate',
};

export const calculateMaintenanceTool = defineTool({
  name: 'calculate_maintenance',
  title: 'Calculate child maintenance (2012 scheme)',
  description:
    'Works out the weekly child maintenance the Child Maintenance Service should charge under the 2012 scheme ' +
    '(Great Britain): nil, flat, reduced, basic and basic-plus rates, relevant other children, shared care, several ' +
    'receiving parents, other maintenance arrangements, variations, the default rate and Collect and Pay fees. ' +
    'Every figure comes with a trace citing the Act or regulation it comes from. Use these figures; do not compute your own.',
  inputSchema: calculateMaintenanceInput,
  outputSchema: calculateMaintenanceOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => toJson(calculateMaintenance({ ...input, date: input.date ?? context.today })),
  summarize: (out) => {
    const lines = [
      `Weekly child maintenance: £${out.weeklyAmount} (${RATE_WORDS[out.rate]}${out.grossWeeklyIncome ? `, on gross weekly income of £${out.grossWeeklyIncome}` : ''}), as at ${out.date}.`,
      `Monthly: £${out.perFrequency.monthly}; four-weekly: £${out.perFrequency.four_weekly}; yearly: £${out.perFrequency.yearly}.`,
    ];
    if (out.receivingParents.length > 1) {
      lines.push(`Shares: ${out.receivingParents.map((rp) => `${rp.id} £${rp.weeklyAmount}`).join(', ')}.`);
    }
    const cc = out.collectionCharges;
    if (cc) {
      const paid = cc.payingParent['weekly'] as { total: string } | undefined;
      lines.push(`Collect and Pay: the paying parent pays £${paid?.total ?? ''} a week including the ${cc.payingParentPercent}% fee.`);
    }
    for (const w of out.warnings) lines.push(`Note: ${w}`);
    lines.push(`The trace has ${out.trace.length} steps, each citing its legal source.`);
    return lines.join('\n');
  },
});
