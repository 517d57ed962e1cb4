/**
 * `build_liability_schedule`: what was due, period by period, from a history of CMS decisions, with part
 * periods where an amount changes, Collect and Pay fees and a running total.
 * @module
 */
import * as z from 'zod';
import { formatMoney, formatPence, pounds, Dec, type Dec as Decimal, groupedCount } from '../calc/money.ts';
import {
  buildSchedule,
  MAX_PERIODS,
  PAYMENT_FREQUENCIES,
  type ResolvedDecision,
  type Schedule,
  type ScheduleInput,
  type ScheduleLine,
  WRITE_OFF_REASONS,
} from '../calc/schedule/build.ts';
import { CREDITORS } from '../calc/ledger/entries.ts';
import type { Side } from '../calc/reconcile/reconcile.ts';
import { COLLECTION_SERVICES, RATES } from '../calc/scheme-2012/calculate.ts';
import { calculateMaintenanceInput } from './calculate-maintenance.ts';
import { describePage, inputHash, pageInput, pageOutput, paginate } from './paging.ts';
import { civilDate, leanOutput, moneyIn, moneyOut, nonNegativeMoneyIn, sameAs, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';
import { capped, plural, traceSection } from './words.ts';

/** Most decisions in one schedule: decades of reviews and changes, few enough to keep the summary short. */
export const MAX_DECISIONS = 100;
/** Most catch-up lines a payment plan may give: ten years of weekly payments. */
const MAX_PLAN_LINES = 520;

export const decisionCalculationInput = calculateMaintenanceInput.extend({
  date: civilDate.optional().describe("The day the calculation is for; defaults to the decision's effective date"),
});
const decisionCalculationShown = sameAs(
  decisionCalculationInput,
  'Instead of weeklyAmount: circumstances as calculate_maintenance takes them (date: effectiveDate)',
);

const id = (what: string) => z.string().min(1, `${what} must not be empty`).max(100, `${what} must be at most 100 characters`);

export const decisionInput = strictObject({
  id: id('id').optional().describe('Default decision_1 …'),
  effectiveDate: civilDate.describe('As on the letter'),
  letterDate: civilDate.optional().describe('A later letter backdates the change'),
  weeklyAmount: nonNegativeMoneyIn.optional().describe('The weekly amount the decision states, or give calculation'),
  calculation: decisionCalculationShown.optional(),
  receivingParentId: id('receivingParentId').optional().describe('Whom weeklyAmount is for, if several'),
  service: z.enum(COLLECTION_SERVICES).optional().describe('From this decision on'),
});

/** The fields of a schedule, shared with `reconcile_ledger` (whose schedule has no page and a different asOf). */
export const scheduleShape = {
  decisions: z
    .array(decisionInput)
    .min(1, 'give at least one decision, each with an effective date and a weekly amount or a calculation')
    .max(MAX_DECISIONS, `at most ${MAX_DECISIONS} decisions in one schedule`)
    .describe('The CMS decisions, in any order'),
  frequency: z.enum(PAYMENT_FREQUENCIES).optional().describe('Default monthly'),
  firstDueDate: civilDate.optional().describe('Default the first effective date'),
  caseEndDate: civilDate.optional().describe('Day after the last day of liability'),
  service: z.enum(COLLECTION_SERVICES).optional().describe('Default direct_pay'),
  paymentPlan: strictObject({
    catchUpInstalments: z
      .int('paymentPlan.catchUpInstalments must be a whole number')
      .min(1, 'paymentPlan.catchUpInstalments must be at least 1 (1 means due at once)')
      .max(520, 'paymentPlan.catchUpInstalments must be at most 520')
      .optional()
      .describe('Default a year’s worth'),
    catchUp: z
      .array(
        strictObject({
          dueDate: civilDate.describe('A payment day'),
          amount: nonNegativeMoneyIn.describe('Its catch-up part'),
        }),
      )
      .min(1, 'paymentPlan.catchUp needs at least one { dueDate, amount }; leave it out otherwise')
      .max(MAX_PLAN_LINES, `paymentPlan.catchUp may have at most ${MAX_PLAN_LINES} lines`)
      .optional()
      .describe('Or as CMS’s schedule sets it'),
  })
    .optional()
    .describe('How early or backdated arrears are spread'),
  openingBalance: strictObject({
    date: civilDate.describe('CSA closure'),
    amount: moneyIn.describe('Carried over'),
    secretaryOfState: moneyIn.optional().describe('Part owed to SoS'),
  })
    .optional()
    .describe('Arrears carried over'),
  writeOffs: z
    .array(
      strictObject({
        // Amounts, lengths and how many are checked by calc/schedule, which names the field.
        date: civilDate.describe('Day'),
        amount: moneyIn.describe('Written off'),
        reason: z.enum(WRITE_OFF_REASONS).optional().describe('Default s41e'),
        creditor: z.enum(CREDITORS).optional().describe('Whose arrears'),
      }),
    )
    .optional()
    .describe('Arrears written off'),
};

export const buildLiabilityScheduleInput = strictObject({
  ...scheduleShape,
  asOf: civilDate.optional().describe('Periods starting by this day; default today'),
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

export const historicOutput = z
  .object({
    openingBalance: z.object({ date: z.string(), amount: moneyOut, secretaryOfState: moneyOut, source: z.string().optional() }).optional(),
    writeOffs: z.array(
      z.object({
        id: z.string(),
        date: z.string(),
        amount: moneyOut,
        reason: z.enum(WRITE_OFF_REASONS),
        creditor: z.enum(CREDITORS),
        source: z.string().optional(),
      }),
    ),
    writtenOff: moneyOut,
    secretaryOfState: moneyOut.describe('Arrears owed to the Secretary of State'),
    owed: moneyOut.describe('Opening balance + total due − written off'),
  })
  .describe('Arrears carried over and written off, each on its own');

export function historicToJson(h: NonNullable<Schedule['historic']>): z.infer<typeof historicOutput> {
  const o = h.openingBalance;
  return {
    ...(o
      ? {
          openingBalance: {
            date: o.date,
            amount: m(o.amount),
            secretaryOfState: m(o.secretaryOfState),
            ...(o.source ? { source: o.source } : {}),
          },
        }
      : {}),
    writeOffs: h.writeOffs.map((x) => ({ ...x, amount: m(x.amount) })),
    writtenOff: m(h.writtenOff),
    secretaryOfState: m(h.secretaryOfState),
    owed: m(h.owed),
  };
}

export const buildLiabilityScheduleOutput = z.object({
  frequency: z.enum(PAYMENT_FREQUENCIES),
  asOf: z.string(),
  liabilityStart: z.string(),
  liabilityEnd: z.string().optional(),
  decisions: z.array(decisionOutput).describe('Every decision, in effective-date order'),
  totals: scheduleTotalsOutput.describe('Totals over every line, not just this page'),
  plan: planOutput,
  historic: historicOutput.optional(),
  counts: z.object({ lines: z.int().describe('Lines in the whole schedule') }),
  page: pageOutput,
  lines: z.array(scheduleLineOutput).describe('This page: one line per payment period'),
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
    ...(schedule.historic ? { historic: historicToJson(schedule.historic) } : {}),
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
    'What was due, period by period, from CMS decisions: part periods pro rata, Collect and Pay fees, the payment ' +
    `plan and a running total, traced to the law (a page at a time, up to ${groupedCount(MAX_PERIODS)} periods).`,
  inputSchema: buildLiabilityScheduleInput,
  // Lean: totals, lines, page and trace by name; the text carries the working, structuredContent every line.
  outputSchema: leanOutput(buildLiabilityScheduleOutput, ['totals', 'page', 'lines', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    const { page, ...rest } = input;
    const scheduleInput: ScheduleInput = { ...rest, asOf: input.asOf ?? context.today };
    return toJson(buildSchedule(scheduleInput), inputHash(scheduleInput), page);
  },
  summarize: (out) => summarizeSchedule(out),
});

/**
 * "Backdated change by decision_2 (letter 2024-05-01): £120.00 collected over 12 instalments; £30.00 credited." Where
 * CMS's payment schedule sets the timetable (rule cms_schedule), an amount has no count of its own (0): it is collected
 * on CMS's dates, as the schedule's trace says ("over 0 instalments" beside "collects it in 6 later instalments" before).
 */
function planAmountWords(
  a: BuildLiabilityScheduleOutput['plan']['amounts'][number],
  rule: BuildLiabilityScheduleOutput['plan']['rule'],
): string {
  const over = rule === 'cms_schedule' ? 'on the dates of CMS’s payment schedule' : `over ${plural(a.instalments, 'instalment')}`;
  if (a.reason === 'initial') return `Initial amount ${p(a.increase)} from ${a.arises}, collected ${over}.`;
  const parts = [
    ...(a.increase !== '0.00' ? [`${p(a.increase)} collected ${over}`] : []),
    ...(a.credit !== '0.00' ? [`${p(new Dec(a.credit).abs().toFixed(2))} credited`] : []),
  ];
  return `Backdated change by ${a.decisionId ?? 'a decision'} (letter ${a.arises}): ${parts.join('; ')}.`;
}

/** " (liable 2024-01-15 to 2024-01-31)" for a part period: the days the amount is for, where they are not the whole period. */
function liableWords(l: BuildLiabilityScheduleOutput['lines'][number]): string {
  const from = l.segments[0]?.from;
  const to = l.segments.at(-1)?.to;
  if (from === undefined || to === undefined || (from === l.periodStart && to === l.periodEnd)) return '';
  return ` (liable ${from} to ${to})`;
}

/** "£249.60 (maintenance £260.00 less CMS's collection fee £10.40)": what reaches a receiving parent, from calc's net. */
function netWords(r: { maintenance: string; fee: string; net: string }): string {
  return r.fee === '0.00' ? p(r.net) : `${p(r.net)} (maintenance ${p(r.maintenance)} less CMS’s collection fee ${p(r.fee)})`;
}

/**
 * The schedule in words: the total due, the payment plan, the decisions, the trace, then this page's lines. From the
 * receiving side (a stored case's side, build_case_schedule) what is due to her is the maintenance less the fee CMS
 * takes from it on Collect and Pay (4% from 11 August 2014: Fees Regulations 2014 reg 7; calc's `net`), not the paying
 * parent's total with his 20% fee (a journey probe: "£3,432.00 (… Collect and Pay fees £572.00)", and £312.00 "due" a
 * month, to her).
 */
export function summarizeSchedule(out: BuildLiabilityScheduleOutput, side: Side = 'paying'): string {
  const t = out.totals;
  const receiving = side === 'receiving';
  const span = `from ${out.liabilityStart} to ${out.liabilityEnd ?? out.asOf} (${plural(out.counts.lines, `${FREQUENCY_WORDS[out.frequency]} period`)} starting on or before ${out.asOf})`;
  const toHer = (r: (typeof t.receivingParents)[number]) => (t.receivingParents.length > 1 ? `${r.id} ${netWords(r)}` : netWords(r));
  // Liability that starts after asOf: nothing is due yet, and the answer says so rather than a span that runs backwards.
  const head = [
    out.liabilityStart > out.asOf
      ? `Nothing is due by ${out.asOf}: liability starts on ${out.liabilityStart}, after that day (give a later asOf to see what falls due).`
      : receiving
        ? `Due to the receiving parent ${span}: ${t.receivingParents.map(toHer).join('; ')}.` +
          (t.collectionFees === '0.00'
            ? ''
            : ` The paying parent owes ${p(t.totalDue)}, including a 20% collection fee of ${p(t.collectionFees)}, which goes to CMS.`)
        : `Due ${span}: ${p(t.totalDue)}` +
          (t.collectionFees === '0.00' ? '.' : ` (maintenance ${p(t.maintenance)} + Collect and Pay fees ${p(t.collectionFees)}).`),
  ];
  if (out.plan.notYetDue !== '0.00' || out.plan.amounts.length > 0) {
    head.push(
      `Under the payment plan ${p(out.plan.dueByAsOf)}${receiving && t.collectionFees !== '0.00' ? ' (the paying parent’s, with his fee)' : ''} was due by ${out.asOf}; ${p(out.plan.notYetDue)} has accrued but is collected by later instalments. ` +
        out.plan.amounts.map((a) => planAmountWords(a, out.plan.rule)).join(' '),
    );
  }
  const h = out.historic;
  if (h) {
    head.push(
      (h.openingBalance ? `Arrears carried over on ${h.openingBalance.date}: ${p(h.openingBalance.amount)}. ` : '') +
        (h.writeOffs.length ? `Written off: ${h.writeOffs.map((x) => `${p(x.amount)} on ${x.date}`).join(', ')}. ` : '') +
        (h.secretaryOfState !== '0.00' ? `Owed to the Secretary of State: ${p(h.secretaryOfState)}. ` : '') +
        `Owed before payments: ${p(h.owed)}.`,
    );
  }
  if (t.receivingParents.length > 1 && !receiving) {
    head.push(`By receiving parent: ${t.receivingParents.map((r) => `${r.id} ${p(r.maintenance)}`).join(', ')}.`);
  }
  const live = out.decisions.filter((d) => !d.superseded);
  const shown = live.slice(0, 10).map((d) => `${d.id} ${p(d.weeklyAmount)} a week from ${d.effectiveDate}`);
  head.push(`Decisions: ${shown.join('; ')}${live.length > shown.length ? `; and ${live.length - shown.length} more` : ''}.`);
  return capped(head, [
    traceSection(out.trace),
    {
      title: `Lines (${describePage(out.page)}):`,
      lines: out.lines.map((l) =>
        receiving
          ? `${l.periodStart} to ${l.periodEnd}${liableWords(l)}, due ${l.dueDate}: to the receiving parent ${l.receivingParents.map(toHer).join('; ')}`
          : `${l.periodStart} to ${l.periodEnd}${liableWords(l)}, due ${l.dueDate}: ${p(l.totalDue)} (running total ${p(l.runningTotal)})`,
      ),
      rest: (left) => `… ${plural(left, 'more line')} on this page in structuredContent.lines`,
    },
  ]);
}
