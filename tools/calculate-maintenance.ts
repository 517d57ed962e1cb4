/**
 * `calculate_maintenance`: the weekly child maintenance under the 2012 scheme, or under the 2003 scheme with
 * `scheme: "2003"` (calc/scheme-2003, from net weekly income), with every figure traced to the law.
 * @module
 */
import * as z from 'zod';
import {
  calculateMaintenance,
  COLLECTION_SERVICES,
  moneyTextsOf,
  FLAT_RATE_BENEFITS,
  MAX_NIGHTS_PER_YEAR,
  NIGHTS_PERIODS,
  NIL_RATE_REASONS,
  RATES,
  type MaintenanceInput,
  type MaintenanceResult,
} from '../calc/scheme-2012/calculate.ts';
import { INCOME_PERIODS } from '../calc/scheme-2012/income.ts';
import { VARIATION_GROUNDS } from '../calc/scheme-2012/variations.ts';
import { calculateMaintenance2003, NIL_RATE_REASONS_2003, type Maintenance2003Result } from '../calc/scheme-2003/calculate.ts';
import { InputError } from '../calc/errors.ts';
import { FREQUENCIES } from '../calc/frequency.ts';
import { formatFraction, formatMoney, money, pounds, type Dec } from '../calc/money.ts';
import { civilDate, leanOutput, moneyOut, nonNegativeMoneyIn, strictObject, trace } from './schemas.ts';
import { calculationText } from './calculation-text.ts';
import { defineTool, type ToolContext } from './tool.ts';
import { capped, COLLECTION_WORDS, traceSection } from './words.ts';

const periodAmount = strictObject({
  amount: nonNegativeMoneyIn,
  period: z.enum(INCOME_PERIODS),
});

const count = (what: string) =>
  z.int(`${what} must be a whole number`).min(0, `${what} must be 0 or more`).max(50, `${what} must be at most 50`);

export const calculateMaintenanceInput = strictObject({
  scheme: z.literal('2012').optional(),
  date: civilDate.optional().describe('Defaults to today'),
  payingParent: strictObject({
    grossWeeklyIncome: nonNegativeMoneyIn.optional(),
    income: periodAmount.optional().describe('Or over a period'),
    pensionContributions: periodAmount.optional().describe('If not deducted at source'),
    flatRateBenefit: z
      .union([z.boolean(), z.enum(FLAT_RATE_BENEFITS)])
      .optional()
      .describe('reg_44_2: means-tested or UC, no earnings; _couple: partner pays too'),
    nilRateReason: z.enum(NIL_RATE_REASONS).optional().describe('If the nil rate applies, why'),
    relevantOtherChildren: count('relevantOtherChildren').optional().describe('In the household'),
    otherArrangementChildren: count('otherArrangementChildren').optional().describe('Under a court order etc.'),
  }),
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
                .describe('With the paying parent'),
              nights: strictObject({
                count: z
                  .int('nights.count must be a whole number')
                  .min(0, 'nights.count must be 0 or more')
                  .max(MAX_NIGHTS_PER_YEAR, `nights.count must be at most ${MAX_NIGHTS_PER_YEAR}: a year has no more nights`),
                period: z.enum(NIGHTS_PERIODS),
              })
                .optional()
                .describe('Or over a period; 1 a week = 52 a year'),
            }),
          )
          .min(1, 'give at least one child for each receiving parent')
          .max(20, 'at most 20 children for one receiving parent'),
      }),
    )
    .min(1, 'give at least one receiving parent')
    .max(10, 'at most 10 receiving parents'),
  variations: strictObject({
    specialExpensesWeekly: nonNegativeMoneyIn.optional().describe('Agreed, after thresholds'),
    additionalIncomeWeekly: nonNegativeMoneyIn.optional().describe('As agreed'),
    // Each ground is tested against its own threshold (calc/scheme-2012/variations.ts); the names carry the period.
    grounds: z.partialRecord(z.enum(VARIATION_GROUNDS), nonNegativeMoneyIn).optional().describe('Or by ground'),
  }).optional(),
  defaultRate: z.boolean().optional().describe('A default decision'),
  collection: z.enum(COLLECTION_SERVICES).optional().describe('Default direct_pay'),
});

/**
 * What calculate_maintenance itself takes: the 2012 input (which other tools nest as it is) plus the 2003 scheme's
 * own pieces: `scheme: "2003"`, net weekly income, and the 2003-only nil-rate reason "student".
 */
export const calculateMaintenanceToolInput = calculateMaintenanceInput.extend({
  // The 1993 scheme is never calculated (issue 16): its decisions are checked from the weekly amounts they state.
  scheme: z
    .enum(['2012', '2003'], {
      error:
        'must be "2012" or "2003": Reckoner does not calculate the 1993 scheme; for a 1993-scheme (CSA) case give the weekly amount each decision letter states, as decisions[].weeklyAmount to build_liability_schedule or add_decision',
    })
    .optional(),
  date: civilDate.optional().describe('Today if absent; needed for 2003'),
  payingParent: calculateMaintenanceInput.shape.payingParent.extend({
    netWeeklyIncome: nonNegativeMoneyIn.optional().describe('2003 only, required: net of tax, NI, pension'),
    nilRateReason: z.enum(NIL_RATE_REASONS_2003).optional().describe('If the nil rate applies, why'),
  }),
});

const perFrequency = z.object(
  Object.fromEntries(FREQUENCIES.map((f) => [f, moneyOut])) as Record<(typeof FREQUENCIES)[number], typeof moneyOut>,
);
const fractionOut = z
  .string()
  .regex(/^\d+(\/\d+)?$/)
  .describe('An exact fraction such as "2/7", or "0"');

export const calculateMaintenanceOutput = z.object({
  scheme: z.enum(['2012', '2003']),
  date: z.string(),
  rate: z.enum(RATES),
  grossWeeklyIncome: moneyOut.nullable(),
  netWeeklyIncome: moneyOut.nullable().optional().describe('2003 scheme only'),
  weeklyAmount: moneyOut.describe('Weekly child maintenance'),
  receivingParents: z.array(
    z.object({
      id: z.string(),
      weeklyAmount: moneyOut,
      sharedCareFraction: fractionOut,
      children: z.array(
        z.object({
          id: z.string(),
          nightsPerYear: z.int(),
          nightsPerWeek: z.int().nullable().describe('As given, when given a week'),
          band: z.object({ fromNights: z.int(), toNights: z.int().nullable() }).describe('The shared-care band the nights fall in'),
          sharedCareFraction: fractionOut,
        }),
      ),
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
  readOut: z.string().describe('The answer in plain words, to say aloud'),
  trace,
});

export type CalculateMaintenanceOutput = z.infer<typeof calculateMaintenanceOutput>;

function mapValues<K extends string, V, W>(record: Record<K, V>, fn: (v: V) => W): Record<K, W> {
  // A plain loop over the own keys, in their order (what Object.entries gives), without the arrays of pairs.
  const out = {} as Record<K, W>;
  for (const k in record) if (Object.hasOwn(record, k)) out[k] = fn(record[k]);
  return out;
}

const m = (d: Dec): string => formatMoney(d);

/** Each receiving parent's share and children, as JSON: the same for both schemes' results. */
function receivingParentsJson(
  parents: MaintenanceResult['receivingParents'] | Maintenance2003Result['receivingParents'],
  shares?: readonly string[],
) {
  return parents.map((rp, i) => ({
    id: rp.id,
    weeklyAmount: shares ? shares[i]! : m(rp.weeklyAmount),
    sharedCareFraction: formatFraction(rp.sharedCareFraction),
    children: rp.children.map((c) => ({
      id: c.id,
      nightsPerYear: c.nightsPerYear,
      nightsPerWeek: c.nightsPerWeek,
      band: { ...c.band },
      sharedCareFraction: formatFraction(c.sharedCareFraction),
    })),
  }));
}

/** The JSON form of a core result: its money written from the pence it was worked in (moneyTextsOf). */
export function toJson(result: MaintenanceResult): CalculateMaintenanceOutput {
  const money = moneyTextsOf(result);
  return {
    scheme: result.scheme,
    date: result.date,
    rate: result.rate,
    grossWeeklyIncome: money.grossWeeklyIncome,
    weeklyAmount: money.weeklyAmount,
    receivingParents: receivingParentsJson(result.receivingParents, money.shares),
    perFrequency: money.perFrequency,
    collection: result.collection,
    ...(money.collectionCharges ? { collectionCharges: money.collectionCharges } : {}),
    // The lists copied, their steps not: a trace step is plain data, never changed once made.
    warnings: [...result.warnings],
    readOut: result.readOut,
    trace: [...result.trace],
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
  title: 'Calculate child maintenance',
  description:
    'What the CMS should charge a week: 2012 scheme (rates, shared care, variations, fees) or 2003 (net income), traced to the law.',
  inputSchema: calculateMaintenanceToolInput,
  // Lean: the amount and the trace by name; the text carries the working, structuredContent every figure.
  outputSchema: leanOutput(calculateMaintenanceOutput, ['weeklyAmount', 'perFrequency', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    const calculation = calculated(input, context);
    return calculation.scheme === '2003' ? toJson2003(calculation.result) : toJson(calculation.result);
  },
  summarize: (out) => summarizeCalculation(out),
  // The JSON API's answer: the same bytes as JSON.stringify of the handler's, the 2012 scheme's written directly.
  handlerText: (input, context) => {
    const calculation = calculated(input, context);
    return calculation.scheme === '2003' ? JSON.stringify(toJson2003(calculation.result)) : calculationText(calculation.result);
  },
});

type CalculateMaintenanceInput = z.infer<typeof calculateMaintenanceToolInput>;

/** The calculation the input asks for: the 2003 scheme's, or the 2012 scheme's, on the date given or today. */
function calculated(
  input: CalculateMaintenanceInput,
  context: ToolContext,
): { readonly scheme: '2003'; readonly result: Maintenance2003Result } | { readonly scheme: '2012'; readonly result: MaintenanceResult } {
  return input.scheme === '2003'
    ? { scheme: '2003', result: calculate2003(input) }
    : {
        scheme: '2012',
        result: calculateMaintenance(input.date === undefined ? { ...as2012(input), date: context.today } : as2012(input)),
      };
}

/** The input as the 2012 scheme takes it: the 2003 scheme's own fields are refused, saying which scheme they belong to. */
function as2012(input: CalculateMaintenanceInput): MaintenanceInput {
  if (input.payingParent.netWeeklyIncome !== undefined) {
    throw new InputError(
      'payingParent.netWeeklyIncome',
      'net weekly income is for the 2003 scheme (give scheme "2003" and a date from 2003-03-03); the 2012 scheme works from gross income: give grossWeeklyIncome or income',
    );
  }
  if (input.payingParent.nilRateReason === 'student') {
    throw new InputError(
      'payingParent.nilRateReason',
      'a student pays the nil rate only under the 2003 scheme (SI 2001/155 reg 5(a)); under the 2012 scheme give their income',
    );
  }
  return input as MaintenanceInput;
}

/** The 2003 scheme: net income, and a date it covers (the scheme is closed, so today is never one). */
function calculate2003(input: CalculateMaintenanceInput): Maintenance2003Result {
  if (input.date === undefined) {
    throw new InputError(
      'date',
      'give the date the 2003-scheme calculation is for (2003-03-03 to 2018-12-31); the scheme is closed, so it cannot default to today',
    );
  }
  if (typeof input.payingParent.flatRateBenefit === 'string') {
    throw new InputError(
      'payingParent.flatRateBenefit',
      `"${input.payingParent.flatRateBenefit}" names a list of the 2012 scheme's regulations; for the 2003 scheme give true or false`,
    );
  }
  return calculateMaintenance2003({
    ...input,
    payingParent: { ...input.payingParent, flatRateBenefit: input.payingParent.flatRateBenefit },
    date: input.date,
  });
}

/** The JSON form of a 2003-scheme result: the 2012 shape, with netWeeklyIncome. */
export function toJson2003(result: Maintenance2003Result): CalculateMaintenanceOutput {
  return {
    scheme: result.scheme,
    date: result.date,
    rate: result.rate,
    grossWeeklyIncome: null,
    netWeeklyIncome: result.netWeeklyIncome === null ? null : m(result.netWeeklyIncome),
    weeklyAmount: m(result.weeklyAmount),
    receivingParents: receivingParentsJson(result.receivingParents),
    perFrequency: mapValues(result.perFrequency, m),
    collection: result.collection,
    warnings: [...result.warnings],
    readOut: result.readOut,
    trace: result.trace.map((s) => ({ ...s })),
  };
}

/** A money string of the output ("3120.00") as people read it: "£3,120.00", grouped as the readOut and letters write it. */
const gbp = (amount: string): string => pounds(money(amount));

/** The calculation in words: the amount, its rate and income, the shares and fees, then the numbered trace. */
export function summarizeCalculation(out: CalculateMaintenanceOutput): string {
  const head = [
    `Weekly child maintenance: ${gbp(out.weeklyAmount)} (${RATE_WORDS[out.rate]}${out.grossWeeklyIncome ? `, on gross weekly income of ${gbp(out.grossWeeklyIncome)}` : ''}${out.netWeeklyIncome ? `, 2003 scheme, on net weekly income of ${gbp(out.netWeeklyIncome)}` : out.scheme === '2003' ? ', 2003 scheme' : ''}), as at ${out.date}.`,
    `Monthly: ${gbp(out.perFrequency.monthly)}; four-weekly: ${gbp(out.perFrequency.four_weekly)}; yearly: ${gbp(out.perFrequency.yearly)}.`,
  ];
  if (out.receivingParents.length > 1) {
    head.push(`Shares: ${out.receivingParents.map((rp) => `${rp.id} ${gbp(rp.weeklyAmount)}`).join(', ')}.`);
  }
  const cc = out.collectionCharges;
  if (cc) {
    const paid = cc.payingParent['weekly'] as { total: string } | undefined;
    head.push(
      `${COLLECTION_WORDS[out.collection]}: the paying parent pays ${paid ? gbp(paid.total) : ''} a week including the ${cc.payingParentPercent}% fee; ` +
        `the receiving parent's ${cc.receivingParentPercent}% fee is taken from what they receive.`,
    );
  }
  for (const w of out.warnings) head.push(`Note: ${w}`);
  head.push(`To say aloud: ${out.readOut}`);
  return capped(head, [traceSection(out.trace)]);
}
