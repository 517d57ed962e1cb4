/**
 * `build_liability_schedule`: what was due, period by period, from a history of CMS decisions, with part
 * periods where an amount changes, Collect and Pay fees and a running total.
 * @module
 */
import * as z from 'zod';
import { formatMoney, formatPence, pounds, Dec, type Dec as Decimal } from '../calc/money.ts';
import {
  buildSchedule,
  MAX_PERIODS,
  PAYMENT_FREQUENCIES,
  type ResolvedDecision,
  type Schedule,
  type ScheduleInput,
  type ScheduleLine,
} from '../calc/schedule/build.ts';
import { COLLECTION_SERVICES, RATES } from '../calc/scheme-2012/calculate.ts';
import { calculateMaintenanceInput } from './calculate-maintenance.ts';
import { describePage, inputHash, pageInput, pageOutput, paginate } from './paging.ts';
import { civilDate, moneyOut, nonNegativeMoneyIn, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';

/** Most decisions in one schedule: decades of reviews and changes, few enough to keep the summary short. */
export const MAX_DECISIONS = 100;
/** Most catch-up lines a payment plan may give: ten years of weekly payments. */
const MAX_PLAN_LINES = 520;

export const decisionCalculationInput = calculateMaintenanceInput.extend({
  date: civilDate.optional().describe("The day the calculation is for; defaults to the decision's effective date"),
});

const id = (what: string) => z.string().min(1, `${what} must not be empty`).max(100, `${what} must be at most 100 characters`);

export const decisionInput = strictObject({
  id: id('id')
    .optional()
    .describe('A name for the decision, e.g. "annual review 2024"; defaults to decision_1, decision_2 … in the order given'),
  effectiveDate: civilDate.describe(
    'The day the decision takes effect (the "effective date" on the CMS decision letter), not the date of the letter',
  ),
  letterDate: civilDate
    .optional()
    .describe(
      'The date of the decision letter. A decision whose letter came after periods it changes is backdated: the change is collected through later instalments (a reduction is credited on that date). Of two decisions with the same effective date, the later letter stands',
    ),
  weeklyAmount: nonNegativeMoneyIn
    .optional()
    .describe('The weekly amount of maintenance the decision states. Give this or calculation, not both'),
  calculation: decisionCalculationInput
    .optional()
    .describe(
      'Instead of weeklyAmount: the circumstances, exactly as for calculate_maintenance, to work the weekly amount out (several receiving parents are shared out as the law says)',
    ),
  receivingParentId: id('receivingParentId')
    .optional()
    .describe(
      'Which receiving parent a stated weeklyAmount is for (default receiving_parent_1); with several receiving parents give a calculation',
    ),
  service: z
    .enum(COLLECTION_SERVICES)
    .optional()
    .describe('direct_pay or collect_and_pay from this decision on; defaults to the schedule’s service'),
});

/** The fields of a schedule, shared with `reconcile_ledger` (whose schedule has no page and a different asOf). */
export const scheduleShape = {
  decisions: z
    .array(decisionInput)
    .min(1, 'give at least one decision, each with an effective date and a weekly amount or a calculation')
    .max(MAX_DECISIONS, `at most ${MAX_DECISIONS} decisions in one schedule`)
    .describe('The CMS decisions, in any order: each takes effect from its effective date until the next one'),
  frequency: z
    .enum(PAYMENT_FREQUENCIES)
    .optional()
    .describe('How often payments fall due: weekly, fortnightly, four_weekly or monthly (default monthly)'),
  firstDueDate: civilDate
    .optional()
    .describe(
      'The first payment day on the CMS payment schedule; later ones follow at the frequency. Defaults to the first effective date',
    ),
  caseEndDate: civilDate.optional().describe('The day liability stopped, if the case has ended: nothing is due for that day or after it'),
  service: z
    .enum(COLLECTION_SERVICES)
    .optional()
    .describe('direct_pay (default) or collect_and_pay (adds the paying parent’s 20% fee, takes 4% from the receiving parent)'),
  paymentPlan: strictObject({
    catchUpInstalments: z
      .int('paymentPlan.catchUpInstalments must be a whole number')
      .min(1, 'paymentPlan.catchUpInstalments must be at least 1 (1 means due at once)')
      .max(520, 'paymentPlan.catchUpInstalments must be at most 520')
      .optional()
      .describe('How many instalments CMS spreads it over (default: a year of instalments, e.g. 12 monthly); 1 means due at once'),
    catchUp: z
      .array(
        strictObject({
          dueDate: civilDate.describe('A payment date on CMS’s payment schedule'),
          amount: nonNegativeMoneyIn.describe('The arrears (catch-up) part of that payment'),
        }),
      )
      .min(1, 'paymentPlan.catchUp needs at least one { dueDate, amount }; leave it out otherwise')
      .max(MAX_PLAN_LINES, `paymentPlan.catchUp may have at most ${MAX_PLAN_LINES} lines`)
      .optional()
      .describe('Or the catch-up part of each payment exactly as CMS’s payment schedule letter sets it out (parse_statement returns it)'),
  })
    .optional()
    .describe(
      'How the money that built up before your first payment date (or from a backdated decision) is collected: CMS spreads it over your payment plan, so it is not overdue at once. Leave out for a year of instalments',
    ),
};

export const buildLiabilityScheduleInput = strictObject({
  ...scheduleShape,
  asOf: civilDate.optional().describe('Include every period that starts on or before this day; defaults to today'),
  page: pageInput,
});

const receivingParentTotals = z.object({
  id: z.string(),
  maintenance: moneyOut,
  fee: moneyOut.describe('Collect and Pay: the 4% taken from the receiving parent'),
  net: moneyOut.describe('What reaches the receiving parent'),
});

export const decisionOutput = z.object({
  id: z.string(),
  effectiveDate: z.string(),
  letterDate: z.string().optional(),
  service: z.enum(COLLECTION_SERVICES),
  weeklyAmount: moneyOut,
  rate: z.enum(RATES).optional().describe('The rate, when the amount was calculated'),
  shares: z.array(z.object({ receivingParentId: z.string(), weeklyAmount: moneyOut })),
  superseded: z.boolean().describe('True when a later letter with the same effective date replaced this decision'),
});

export const scheduleTotalsOutput = z.object({
  maintenance: moneyOut,
  collectionFees: moneyOut.describe("Collect and Pay: the paying parent's 20% fees"),
  totalDue: moneyOut.describe('What the paying parent owed: maintenance + collection fees'),
  receivingParents: z.array(receivingParentTotals),
});

const scheduleLineOutput = z.object({
  periodStart: z.string(),
  periodEnd: z.string().describe('Last day of the period, inclusive'),
  dueDate: z.string(),
  service: z.enum(COLLECTION_SERVICES),
  segments: z
    .array(
      z.object({
        from: z.string(),
        to: z.string().describe('Last day, inclusive'),
        days: z.int(),
        decisionId: z.string(),
        weeklyAmount: moneyOut,
        amount: moneyOut,
      }),
    )
    .describe('The parts of the period, one per decision in force; a part period is due pro rata by days'),
  maintenance: moneyOut,
  collectionFee: moneyOut,
  totalDue: moneyOut,
  runningTotal: moneyOut,
  receivingParents: z.array(receivingParentTotals),
});

export const planOutput = z
  .object({
    rule: z.enum(['none', 'instalments', 'cms_schedule']).describe('none: nothing built up before it could be asked for'),
    dueByAsOf: moneyOut.describe('What the payment plan had made due by asOf (paying parent: with fees)'),
    notYetDue: moneyOut.describe('Accrued but collected by later instalments: not overdue'),
    amounts: z
      .array(
        z.object({
          reason: z.enum(['initial', 'backdated']),
          arises: z.string().describe('The first payment date (initial amount) or the date of the decision letter'),
          decisionId: z.string().optional(),
          increase: moneyOut.describe('Spread over the instalments'),
          credit: moneyOut.describe('A reduction, credited on the day it arose (an overpayment)'),
          instalments: z.int(),
          firstDueDate: z.string().optional(),
          lastDueDate: z.string().optional(),
        }),
      )
      .describe('Each initial or backdated amount and how the plan collects it'),
  })
  .describe('The payment plan: when what accrued falls due');

export function planToJson(schedule: Schedule): z.infer<typeof planOutput> {
  const total = (a: { maintenance: number; fee: number }) => formatPence(a.maintenance + a.fee);
  return {
    rule: schedule.plan.rule,
    dueByAsOf: m(schedule.due.byAsOf),
    notYetDue: m(schedule.due.notYetDue),
    amounts: schedule.plan.pools.map((p) => ({
      reason: p.reason,
      arises: p.arises,
      ...(p.decisionId ? { decisionId: p.decisionId } : {}),
      increase: total(p.amounts),
      credit: total(p.credit),
      instalments: p.instalments,
      ...(p.firstDueDate ? { firstDueDate: p.firstDueDate } : {}),
      ...(p.lastDueDate ? { lastDueDate: p.lastDueDate } : {}),
    })),
  };
}

export const buildLiabilityScheduleOutput = z.object({
  frequency: z.enum(PAYMENT_FREQUENCIES),
  asOf: z.string(),
  liabilityStart: z.string(),
  liabilityEnd: z.string().optional(),
  decisions: z.array(decisionOutput).describe('Every decision, in effective-date order'),
  totals: scheduleTotalsOutput.describe('Totals over every line of the schedule, not just this page'),
  plan: planOutput,
  counts: z.object({ lines: z.int().describe('Lines in the whole schedule') }),
  page: pageOutput,
  lines: z.array(scheduleLineOutput).describe('This page of the schedule, one line per payment period'),
  trace,
});

export type BuildLiabilityScheduleOutput = z.infer<typeof buildLiabilityScheduleOutput>;
type LineOut = BuildLiabilityScheduleOutput['lines'][number];

const m = (d: Decimal): string => formatMoney(d);

export function decisionToJson(d: ResolvedDecision): z.infer<typeof decisionOutput> {
  return {
    id: d.id,
    effectiveDate: d.effectiveDate,
    ...(d.letterDate === undefined ? {} : { letterDate: d.letterDate }),
    service: d.service,
    weeklyAmount: m(d.weeklyAmount),
    ...(d.rate === undefined ? {} : { rate: d.rate }),
    shares: d.shares.map((s) => ({ receivingParentId: s.receivingParentId, weeklyAmount: m(s.weekly) })),
    superseded: d.superseded,
  };
}

export function totalsToJson(totals: Schedule['totals']): z.infer<typeof scheduleTotalsOutput> {
  return {
    maintenance: m(totals.maintenance),
    collectionFees: m(totals.collectionFees),
    totalDue: m(totals.totalDue),
    receivingParents: totals.receivingParents.map((r) => ({ id: r.id, maintenance: m(r.maintenance), fee: m(r.fee), net: m(r.net) })),
  };
}

function lineToJson(l: ScheduleLine): LineOut {
  return {
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    dueDate: l.dueDate,
    service: l.service,
    segments: l.segments.map((s) => ({
      from: s.from,
      to: s.to,
      days: s.days,
      decisionId: s.decisionId,
      weeklyAmount: m(s.weeklyAmount),
      amount: m(s.amount),
    })),
    maintenance: m(l.maintenance),
    collectionFee: m(l.collectionFee),
    totalDue: m(l.totalDue),
    runningTotal: m(l.runningTotal),
    receivingParents: l.receivingParents.map((r) => ({ id: r.id, maintenance: m(r.maintenance), fee: m(r.fee), net: m(r.net) })),
  };
}

/** The JSON form of a schedule, with one page of its lines. */
export function toJson(schedule: Schedule, hash: string, page: z.infer<typeof pageInput>): BuildLiabilityScheduleOutput {
  const summary = {
    frequency: schedule.frequency,
    asOf: schedule.asOf,
    liabilityStart: schedule.liabilityStart,
    ...(schedule.liabilityEnd === undefined ? {} : { liabilityEnd: schedule.liabilityEnd }),
    decisions: schedule.decisions.map(decisionToJson),
    totals: totalsToJson(schedule.totals),
    plan: planToJson(schedule),
    counts: { lines: schedule.lines.length },
  };
  const traceOut = schedule.trace.map((s) => ({ ...s }));
  const paged = paginate(schedule.lines.map(lineToJson), {
    kind: 'schedule',
    hash,
    page,
    summaryChars: JSON.stringify({ ...summary, trace: traceOut }).length,
  });
  return { ...summary, page: paged.page, lines: [...paged.items], trace: traceOut };
}

const FREQUENCY_WORDS: Record<(typeof PAYMENT_FREQUENCIES)[number], string> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  four_weekly: 'four-weekly',
  monthly: 'monthly',
};

const p = (money: string): string => pounds(new Dec(money));

export const buildLiabilityScheduleTool = defineTool({
  name: 'build_liability_schedule',
  title: 'Build the liability schedule',
  description:
    'Works out what was due, period by period, from a history of Child Maintenance Service decisions (each with its ' +
    'effective date and weekly amount, or the circumstances to calculate it): instalments as the Collection and ' +
    'Enforcement Regulations set them, part periods pro rata by days where an amount changes or liability starts or ' +
    'stops, Collect and Pay fees, and a running total. Decisions may be given in any order. The totals are always ' +
    `complete; the lines come a page at a time (at most ${MAX_PERIODS} periods in all). Use these figures; do not compute your own.`,
  inputSchema: buildLiabilityScheduleInput,
  outputSchema: buildLiabilityScheduleOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    const { page, ...rest } = input;
    const scheduleInput: ScheduleInput = { ...rest, asOf: input.asOf ?? context.today };
    return toJson(buildSchedule(scheduleInput), inputHash(scheduleInput as unknown as Record<string, unknown>), page);
  },
  summarize: (out) => {
    const t = out.totals;
    const lines = [
      `Due from ${out.liabilityStart} to ${out.liabilityEnd ?? out.asOf} (${out.counts.lines} ${FREQUENCY_WORDS[out.frequency]} period${out.counts.lines === 1 ? '' : 's'} starting on or before ${out.asOf}): ` +
        `${p(t.totalDue)}` +
        (t.collectionFees === '0.00' ? '.' : ` (maintenance ${p(t.maintenance)} + Collect and Pay fees ${p(t.collectionFees)}).`),
    ];
    if (out.plan.notYetDue !== '0.00' || out.plan.amounts.length > 0) {
      lines.push(
        `Under the payment plan ${p(out.plan.dueByAsOf)} was due by ${out.asOf}; ${p(out.plan.notYetDue)} has accrued but is collected by later instalments. ` +
          out.plan.amounts
            .map((a) =>
              a.reason === 'initial'
                ? `Initial amount ${p(a.increase)} from ${a.arises}, over ${a.instalments} instalments.`
                : `Backdated change by ${a.decisionId ?? 'a decision'} (letter ${a.arises}): ${a.increase !== '0.00' ? `${p(a.increase)} collected over ${a.instalments} instalments` : ''}${a.increase !== '0.00' && a.credit !== '0.00' ? '; ' : ''}${a.credit !== '0.00' ? `${p(a.credit.replace('-', ''))} credited` : ''}.`,
            )
            .join(' '),
      );
    }
    if (t.receivingParents.length > 1) {
      lines.push(`By receiving parent: ${t.receivingParents.map((r) => `${r.id} ${p(r.maintenance)}`).join(', ')}.`);
    }
    const live = out.decisions.filter((d) => !d.superseded);
    const shown = live.slice(0, 10).map((d) => `${d.id} ${p(d.weeklyAmount)} a week from ${d.effectiveDate}`);
    lines.push(`Decisions: ${shown.join('; ')}${live.length > shown.length ? `; and ${live.length - shown.length} more` : ''}.`);
    lines.push(`Lines: ${describePage(out.page)}.`);
    lines.push(`The trace has ${out.trace.length} steps, each citing its source.`);
    return lines.join('\n');
  },
});
