/**
 * `reconcile_ledger`: the CMS record against the evidence (bank statements, payslips, benefit statements, payments
 * the parent declares) and the schedule of what was due; every entry CMS got wrong, the balances by component, and
 * the bridge from CMS's figure to the recomputed one.
 * @module
 */
import * as z from 'zod';
import { CMS_ENTRY_TYPES, CREDITORS, DIRECTIONS, EVIDENCE_TYPES, MAX_ROWS } from '../calc/ledger/entries.ts';
import { Dec, formatMoney, pounds, type Dec as Decimal, groupedCount } from '../calc/money.ts';
import { countOf, whatPaidAheadPays } from '../calc/reconcile/explain.ts';
import {
  BASES,
  BRIDGE_LINE_KINDS,
  COMPONENTS,
  describeBalance,
  FINDING_KINDS,
  IGNORE_REASONS,
  MATCH_REASONS,
  reconcile,
  SIDES,
  type ByComponent,
  type FindingKind,
  type ReconcileInput,
  type Reconciliation,
} from '../calc/reconcile/reconcile.ts';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/build.ts';
import { ENFORCEMENT_ACTIONS } from '../calc/scheme-2012/parameters.ts';
import { planOutput, planToJson, scheduleShape, scheduleTotalsOutput, totalsToJson } from './build-liability-schedule.ts';
import { describePage, inputHash, pageInput, pageOutput, paginate } from './paging.ts';
import { civilDate, leanOutput, moneyIn, moneyOut, sameAs, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';
import { capped, COMPONENT_WORDS, plural, traceSection } from './words.ts';
import { checkCancelled, stage } from './progress.ts';
import { placeWords } from '../letters/bundle/words.ts';

const text = (field: string, max: number) => z.string().max(max, `${field} must be at most ${max} characters`).optional();

/*
 * Rows come in their thousands (a bank statement of 20,000 lines), so their schemas check the type of each field and
 * the kinds only, and pass the row on whole; calc/ledger reads each row — the dates, the money, the lengths of its
 * text, any field it cannot have — and refuses a bad one with the row and field named (bankTransactions[3].date …).
 * The schemas still say what each field holds.
 */
// The longest text a row may hold is checked by calc/ledger, and named in its refusal.
const rowText = (what: string, _max: number) => z.string().optional().describe(what);
const rowId = (what: string) => z.string().optional().describe(what);
const rowDate = z.string().describe('YYYY-MM-DD');
const rowMoney = z.union([z.number(), z.string()], {
  error: 'must be an amount of money: a number such as 1234.56 or a string such as "1234.56"',
});
// Where a row is printed: words, or the { page, line } parse_statement gives (written as words for calc).
const source = z
  .union([z.string(), z.strictObject({ page: z.int().min(1).optional().describe('From 1'), line: z.int().min(1).describe('From 1') })])
  .optional()
  .describe('e.g. "page 3, line 14", or parse_statement’s { page, line }');
// What parse_statement gives with a row that the reconciliation has no use for: accepted, so its rows go in as they are.
const fromParse = {
  fingerprint: rowText('From parse_statement; not used here', 200),
};
const repeats = rowText('The id of a row this one repeats (another statement’s copy): counted once', 100);
const row = z.looseObject;

export const cmsEntryInput = row({
  id: rowId('Default cms_1 …'),
  date: rowDate,
  type: z.enum(CMS_ENTRY_TYPES).describe('The kind of line'),
  amount: rowMoney.describe('Positive; only an adjustment may be negative'),
  reference: rowText('Payment reference', 200),
  description: rowText('Wording', 500),
  caseReference: rowText('The CMS case it is on, if several', 40),
  chargeType: z.enum(ENFORCEMENT_ACTIONS).optional().describe('For a charge'),
  creditor: z.enum(CREDITORS).optional().describe('Whom it is owed to'),
  source,
  fromSchedule: z.boolean().optional().describe('A CMS payment schedule line, not the statement'),
  repeats,
  ...fromParse,
  outsidePeriod: z.literal(true).optional().describe('From parse_statement; not used here'),
  status: z.string().optional().describe('A payment schedule’s mark (paid, part_paid, missed, due), as parse_statement gives it'),
});

export const bankTransactionInput = row({
  id: rowId('Default bank_1 …'),
  date: rowDate,
  amount: rowMoney.describe('Positive'),
  direction: z.enum(DIRECTIONS).describe('out of or into the account'),
  description: rowText('As on the statement', 500),
  reference: rowText('Payment reference', 200),
  balance: rowMoney.optional().describe('Running balance'),
  fingerprint: rowText('From parse_statement', 200),
  source,
  repeats,
});

export const evidenceInput = row({
  id: rowId('Default evidence_1 …'),
  type: z.enum(EVIDENCE_TYPES).describe('declared_payment: any other payment you can show'),
  date: rowDate,
  amount: rowMoney.describe('Positive'),
  from: rowText('Employer, benefit or payer', 200),
  description: rowText('Wording', 500),
  reference: rowText('Reference', 200),
  source: rowText('Where it is shown, e.g. "payslip March 2024"', 300),
});

const rows = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .max(MAX_ROWS, `at most ${groupedCount(MAX_ROWS)} ${what} can be reconciled at once; split them by date and reconcile each part`);

export const cmsClaimInput = strictObject({
  date: civilDate.describe('The day CMS’s figure is for'),
  balance: moneyIn.optional().describe('All together: positive arrears, negative overpaid'),
  maintenance: moneyIn.optional().describe('Or by part'),
  collectionFees: moneyIn.optional().describe('Part'),
  enforcementCharges: moneyIn.optional().describe('Part'),
  basis: z.enum(BASES).optional().describe('Receiving parent on Collect and Pay: net if after CMS’s 4% fee'),
}).describe('What CMS says is owed: one figure, or its parts');

export const reconcileLedgerInput = strictObject({
  schedule: sameAs(
    strictObject({
      ...scheduleShape,
      asOf: civilDate.optional().describe('Reconcile up to and including this day; defaults to cmsClaim.date'),
    }),
    'Decisions and payment plan as build_liability_schedule takes them (asOf default cmsClaim.date)',
  ),
  side: z.enum(SIDES).describe('Whose evidence this is'),
  receivingParentId: z.string().min(1).max(100).optional().describe('Receiving side, several receiving parents: whose account'),
  caseReference: text('caseReference', 40).describe('This case’s CMS reference, if lines of another case are given'),
  cmsEntries: rows(cmsEntryInput, 'CMS entries').optional().describe('The lines of a CMS statement or letter, any order'),
  bankTransactions: rows(bankTransactionInput, 'bank transactions').optional().describe('Bank statement lines, any order'),
  evidence: rows(evidenceInput, 'pieces of evidence').optional().describe('Payslip and benefit deductions, other payments'),
  bankFilter: strictObject({
    descriptionContains: z
      .array(z.string().min(1, 'a filter word must not be empty').max(100))
      .max(50, 'at most 50 filter words')
      .optional()
      .describe('e.g. ["CMS", "CHILD MAINT"]'),
    includeAll: z.boolean().optional().describe('Every one is'),
  })
    .optional()
    .describe('Which bank transactions are maintenance; default those matching a CMS record or instalment'),
  cmsClaim: cmsClaimInput.optional(),
  windowDays: z
    .int('windowDays must be a whole number of days')
    .min(0, 'windowDays must be 0 or more')
    .max(31, 'windowDays must be at most 31')
    .optional()
    .describe('Days apart still the same payment (default 5)'),
  maxDateDifferenceDays: z
    .int('maxDateDifferenceDays must be a whole number of days')
    .min(0, 'maxDateDifferenceDays must be 0 or more')
    .max(366, 'maxDateDifferenceDays must be at most 366')
    .optional()
    .describe('Days apart a same amount is a wrong date (default 62)'),
  page: pageInput,
});

const ids = z.array(z.string());
const byComponentOutput = z.object({ maintenance: moneyOut, collectionFees: moneyOut, enforcementCharges: moneyOut });

const citationOutput = z.object({
  kind: z.enum(['bank', ...EVIDENCE_TYPES]),
  id: z.string(),
  date: z.string(),
  amount: moneyOut,
  direction: z.enum(DIRECTIONS).optional(),
  description: z.string(),
  from: z.string().optional(),
  source: z.string().optional(),
});

const findingOutput = z.object({
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  date: z.string(),
  amount: moneyOut.describe('The money at stake'),
  effect: moneyOut.describe('Its line in the bridge: how much higher CMS’s figure is because of it (negative: lower)'),
  effects: byComponentOutput,
  favours: z.enum(['paying_parent', 'receiving_parent', 'neither']).describe('Whom putting it right helps'),
  cmsEntryIds: ids,
  bankTransactionIds: ids,
  evidenceIds: ids,
  citations: z.array(citationOutput).describe('The evidence it rests on'),
  reason: z
    .string()
    .optional()
    .describe(
      'Why, in a word, where a kind has several reasons; no_cms_record_given: no line of CMS’s account was given to check the payment against',
    ),
  explanation: z.string().describe('One line for you'),
});

const matchOutput = z.object({
  id: z.string(),
  reason: z.enum(MATCH_REASONS),
  cmsEntryIds: ids,
  bankTransactionIds: ids,
  evidenceIds: ids,
  amount: moneyOut,
  dayDifference: z.int(),
  explanation: z.string(),
});

const ignoredOutput = z.object({
  cmsEntryId: z.string().optional(),
  bankTransactionId: z.string().optional(),
  evidenceId: z.string().optional(),
  reason: z.enum(IGNORE_REASONS),
});

const periodOutput = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  accrued: moneyOut,
  due: moneyOut.describe('Due under the payment plan in the period'),
  paid: moneyOut.describe('Paid, as the evidence shows'),
  recordedByCms: moneyOut,
  adjustments: moneyOut,
  charges: moneyOut.describe('Enforcement charges the rules allow'),
  shortfall: moneyOut.describe('What of the period’s instalment is unpaid, each payment set against the instalment it was for'),
  runningBalance: moneyOut,
  runningBalancePerCms: moneyOut.optional().describe('The running balance on CMS’s record of payments; absent where cmsUnknown'),
  cmsUnknown: z
    .literal(true)
    .optional()
    .describe(
      'The period ends before the day CMS brings a balance forward from: CMS’s balance then is not known (not nil), so none is given',
    ),
});

const componentOutput = z.object({
  component: z.enum(COMPONENTS),
  creditor: z.enum(['receiving_parent', 'secretary_of_state']),
  accrued: moneyOut,
  due: moneyOut,
  notYetDue: moneyOut,
  paid: moneyOut,
  adjustments: moneyOut,
  writtenOff: moneyOut,
  openingBalance: moneyOut,
  recomputed: moneyOut,
  cmsEntriesTotal: moneyOut,
  cmsClaimed: moneyOut.optional(),
  difference: moneyOut.optional(),
});

const kindCount = z.object({ count: z.int(), amount: moneyOut, effect: moneyOut });

export const reconcileLedgerOutput = z.object({
  side: z.enum(SIDES),
  receivingParentId: z.string().optional(),
  asOf: z.string(),
  windowDays: z.int(),
  balance: z
    .object({
      asOf: z.string(),
      basis: z.enum(BASES).describe('gross, or (receiving parent on Collect and Pay) net of CMS’s 4%'),
      accrued: moneyOut.describe('Everything that accrued to the date'),
      due: moneyOut.describe('What the payment plan had made due by the date'),
      paidAhead: moneyOut
        .optional()
        .describe('Paying side: paid beyond what was due, towards what had accrued but was not yet due: not an overpayment'),
      paidAheadOfNext: z
        .object({ amount: moneyOut, dueDates: z.array(z.string()) })
        .optional()
        .describe('Of paidAhead, paid in the days before the instalments due just after the date'),
      notYetDue: moneyOut.describe('Accrued, but collected by later instalments (less what was paid ahead): not overdue'),
      paid: moneyOut.describe('Paid, as the evidence shows, net of refunds'),
      recordedByCms: moneyOut,
      adjustments: moneyOut.describe('CMS adjustments, taken as recorded'),
      writtenOff: moneyOut,
      openingBalance: moneyOut.describe('Arrears carried in (e.g. from the CSA)'),
      secretaryOfState: moneyOut.describe('Arrears owed to the Secretary of State (receiving side: left out)'),
      enforcementCharges: moneyOut.describe('Enforcement charges the rules allow'),
      recomputed: moneyOut.describe('Overdue now: due − paid + adjustments − written off + enforcement charges'),
      cmsEntriesTotal: moneyOut.describe('What CMS’s entries add up to, with cmsEntriesFilledIn for the periods they show no charge for'),
      cmsEntriesFilledIn: moneyOut.describe(
        'Of cmsEntriesTotal, what the decisions make due for the periods CMS’s entries show no charge for (0.00: all CMS’s own)',
      ),
      cmsClaimed: moneyOut.optional(),
      difference: moneyOut.optional().describe('cmsClaimed − recomputed'),
      position: z.enum(['arrears', 'overpaid', 'settled']),
      components: z.array(componentOutput).describe('Maintenance, collection fees and enforcement charges, each on its own'),
      bothBases: z
        .object({ gross: moneyOut, net: moneyOut })
        .optional()
        .describe('Receiving side: the balance gross and net of the 4%; absent where no 4% applies (Direct Pay throughout)'),
    })
    .describe('The true balance, from the decisions and evidence'),
  bridge: z
    .object({
      from: moneyOut.describe('CMS’s figure: its claim, or what its entries add up to'),
      fromLabel: z.enum(['cms_claim', 'cms_entries']),
      to: moneyOut.describe('The recomputed balance'),
      difference: moneyOut,
      subtotals: z.array(z.object({ kind: z.enum(BRIDGE_LINE_KINDS), count: z.int(), amount: moneyOut })),
      components: z.array(z.object({ component: z.enum(COMPONENTS), from: moneyOut.optional(), to: moneyOut, amount: moneyOut })),
      historic: z
        .object({ openingBalance: moneyOut, writtenOff: moneyOut, secretaryOfState: moneyOut })
        .optional()
        .describe('Of CMS’s figure: arrears carried in, written off, owed to the Secretary of State'),
      inPayingParentsFavour: z.object({ count: z.int(), amount: moneyOut }),
      inReceivingParentsFavour: z.object({ count: z.int(), amount: moneyOut }),
      inTransit: z
        .object({ count: z.int(), amount: moneyOut, differenceOnceArrived: moneyOut })
        .optional()
        .describe(
          'Deductions from pay still in time to reach CMS: counted as paid, not an error of CMS’s; the difference once they arrive',
        ),
      notChecked: z
        .object({ count: z.int(), amount: moneyOut })
        .optional()
        .describe(
          'Of the payments CMS has no record of: those checked against no line of its account (none given, or none after the date)',
        ),
      tooRecent: z
        .object({ count: z.int(), amount: moneyOut })
        .optional()
        .describe('Of those, the ones made just before the date: they may be on their way, so in neither favour'),
      notPassedOn: z
        .object({
          amount: moneyOut,
          receipts: z.array(z.object({ cmsEntryId: z.string(), date: z.string(), amount: moneyOut, notPassedOn: moneyOut })),
        })
        .optional()
        .describe('Receiving side: received by CMS from the paying parent, not passed on by the date: held, not arrears'),
      otherLines: z
        .array(z.object({ kind: z.enum(BRIDGE_LINE_KINDS), amount: moneyOut, effects: byComponentOutput, description: z.string() }))
        .describe('Lines that are not findings: accrued but not yet due, and any difference CMS’s entries do not explain'),
    })
    .describe('From CMS’s figure to the recomputed one: every finding is a line (its effect), with these other lines; they add up exactly'),
  counts: z
    .object({
      cmsEntries: z.int(),
      bankTransactions: z.int(),
      evidence: z.int(),
      findings: z.int(),
      periods: z.int(),
      matches: z.int(),
      ignored: z.int(),
      byKind: z.object(Object.fromEntries(FINDING_KINDS.map((k) => [k, kindCount])) as Record<FindingKind, typeof kindCount>),
    })
    .describe('Counts over the whole result, not just this page'),
  schedule: z
    .object({
      frequency: z.enum(PAYMENT_FREQUENCIES),
      liabilityStart: z.string(),
      liabilityEnd: z.string().optional(),
      lines: z.int(),
      totals: scheduleTotalsOutput,
      plan: planOutput,
    })
    .describe('The schedule of what was due (its lines: build_liability_schedule)'),
  warnings: z.array(z.string()),
  page: pageOutput.describe('The detail is one stream, in order: findings, then periods, then matches, then ignored'),
  findings: z.array(findingOutput).describe('This page’s findings, each with its effect'),
  periods: z.array(periodOutput).describe('This page’s period rows'),
  matches: z.array(matchOutput).describe('This page’s matches: entries the evidence agrees with'),
  ignored: z.array(ignoredOutput).describe('This page’s entries set aside, with the reason'),
  trace,
});

export type ReconcileLedgerOutput = z.infer<typeof reconcileLedgerOutput>;

const m = (d: Decimal): string => formatMoney(d);
const components = (e: ByComponent<Decimal>) => ({
  maintenance: m(e.maintenance),
  collectionFees: m(e.collectionFees),
  enforcementCharges: m(e.enforcementCharges),
});

type Detail =
  | { readonly list: 'findings'; readonly item: ReconcileLedgerOutput['findings'][number] }
  | { readonly list: 'periods'; readonly item: ReconcileLedgerOutput['periods'][number] }
  | { readonly list: 'matches'; readonly item: ReconcileLedgerOutput['matches'][number] }
  | { readonly list: 'ignored'; readonly item: ReconcileLedgerOutput['ignored'][number] };

export function findingToJson(f: Reconciliation['findings'][number]): ReconcileLedgerOutput['findings'][number] {
  return {
    id: f.id,
    kind: f.kind,
    date: f.date,
    amount: m(f.amount),
    effect: m(f.effect),
    effects: components(f.effects),
    favours: f.favours,
    cmsEntryIds: [...f.cmsEntryIds],
    bankTransactionIds: [...f.bankTransactionIds],
    evidenceIds: [...f.evidenceIds],
    citations: f.citations.map((c) => ({
      kind: c.kind,
      id: c.id,
      date: c.date,
      amount: m(c.amount),
      ...(c.direction ? { direction: c.direction } : {}),
      description: c.description,
      ...(c.from ? { from: c.from } : {}),
      ...(c.source ? { source: c.source } : {}),
    })),
    ...(f.facts.reason ? { reason: f.facts.reason } : {}),
    explanation: f.explanation,
  };
}

export function periodToJson(p: Reconciliation['periods'][number]): ReconcileLedgerOutput['periods'][number] {
  return {
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    accrued: m(p.accrued),
    due: m(p.due),
    paid: m(p.paid),
    recordedByCms: m(p.recordedByCms),
    adjustments: m(p.adjustments),
    charges: m(p.charges),
    shortfall: m(p.shortfall),
    runningBalance: m(p.runningBalance),
    // Before a balance CMS brings forward, calc keeps 0 as CMS's balance, which is not CMS's: a reader would take 0.00
    // as CMS saying nothing was owed. None is given, and the row says why.
    ...(p.cmsUnknown ? { cmsUnknown: true as const } : { runningBalancePerCms: m(p.runningBalancePerCms) }),
  };
}

/** The summary of a reconciliation: everything but the paged lists. */
export function summaryToJson(
  r: Reconciliation,
): Omit<ReconcileLedgerOutput, 'page' | 'findings' | 'periods' | 'matches' | 'ignored' | 'trace'> {
  const b = r.balance;
  return {
    side: r.side,
    ...(r.receivingParentId === undefined ? {} : { receivingParentId: r.receivingParentId }),
    asOf: r.asOf,
    windowDays: r.windowDays,
    balance: {
      asOf: b.asOf,
      basis: b.basis,
      accrued: m(b.accrued),
      due: m(b.due),
      ...(b.paidAhead ? { paidAhead: m(b.paidAhead) } : {}),
      ...(b.paidAheadOfNext ? { paidAheadOfNext: { amount: m(b.paidAheadOfNext.amount), dueDates: [...b.paidAheadOfNext.dueDates] } } : {}),
      notYetDue: m(b.notYetDue),
      paid: m(b.paid),
      recordedByCms: m(b.recordedByCms),
      adjustments: m(b.adjustments),
      writtenOff: m(b.writtenOff),
      openingBalance: m(b.openingBalance),
      secretaryOfState: m(b.secretaryOfState),
      enforcementCharges: m(b.enforcementCharges),
      recomputed: m(b.recomputed),
      cmsEntriesTotal: m(b.cmsEntriesTotal),
      cmsEntriesFilledIn: m(b.cmsEntriesFilledIn),
      ...(b.cmsClaimed === undefined ? {} : { cmsClaimed: m(b.cmsClaimed), difference: m(b.difference!) }),
      position: b.position,
      components: b.components.map((c) => ({
        component: c.component,
        creditor: c.creditor,
        accrued: m(c.accrued),
        due: m(c.due),
        notYetDue: m(c.notYetDue),
        paid: m(c.paid),
        adjustments: m(c.adjustments),
        writtenOff: m(c.writtenOff),
        openingBalance: m(c.openingBalance),
        recomputed: m(c.recomputed),
        cmsEntriesTotal: m(c.cmsEntriesTotal),
        ...(c.cmsClaimed === undefined ? {} : { cmsClaimed: m(c.cmsClaimed), difference: m(c.difference!) }),
      })),
      ...(b.bothBases ? { bothBases: { gross: m(b.bothBases.gross), net: m(b.bothBases.net) } } : {}),
    },
    bridge: {
      from: m(r.bridge.from),
      fromLabel: r.bridge.fromLabel,
      to: m(r.bridge.to),
      difference: m(r.bridge.difference),
      subtotals: r.bridge.subtotals.map((s) => ({ kind: s.kind, count: s.count, amount: m(s.amount) })),
      components: r.bridge.components.map((c) => ({
        component: c.component,
        ...(c.from === undefined ? {} : { from: m(c.from) }),
        to: m(c.to),
        amount: m(c.amount),
      })),
      ...(r.bridge.historic
        ? {
            historic: {
              openingBalance: m(r.bridge.historic.openingBalance),
              writtenOff: m(r.bridge.historic.writtenOff),
              secretaryOfState: m(r.bridge.historic.secretaryOfState),
            },
          }
        : {}),
      inPayingParentsFavour: { count: r.bridge.inPayingParentsFavour.count, amount: m(r.bridge.inPayingParentsFavour.amount) },
      inReceivingParentsFavour: { count: r.bridge.inReceivingParentsFavour.count, amount: m(r.bridge.inReceivingParentsFavour.amount) },
      ...(r.bridge.inTransit.count > 0
        ? {
            inTransit: {
              count: r.bridge.inTransit.count,
              amount: m(r.bridge.inTransit.amount),
              differenceOnceArrived: m(r.bridge.differenceOnceArrived),
            },
          }
        : {}),
      ...(r.bridge.notChecked ? { notChecked: { count: r.bridge.notChecked.count, amount: m(r.bridge.notChecked.amount) } } : {}),
      ...(r.bridge.tooRecent ? { tooRecent: { count: r.bridge.tooRecent.count, amount: m(r.bridge.tooRecent.amount) } } : {}),
      ...(r.bridge.notPassedOn
        ? {
            notPassedOn: {
              amount: m(r.bridge.notPassedOn.amount),
              receipts: r.bridge.notPassedOn.receipts.map((x) => ({
                cmsEntryId: x.cmsEntryId,
                date: x.date,
                amount: m(x.amount),
                notPassedOn: m(x.notPassedOn),
              })),
            },
          }
        : {}),
      otherLines: r.bridge.lines
        .filter((l) => l.findingId === undefined)
        .map((l) => ({ kind: l.kind, amount: m(l.amount), effects: components(l.effects), description: l.description })),
    },
    counts: {
      cmsEntries: r.counts.cmsEntries,
      bankTransactions: r.counts.bankTransactions,
      evidence: r.counts.evidence,
      findings: r.findings.length,
      periods: r.periods.length,
      matches: r.matches.length,
      ignored: r.ignored.length,
      byKind: Object.fromEntries(
        FINDING_KINDS.map((k) => [
          k,
          { count: r.counts.byKind[k].count, amount: m(r.counts.byKind[k].amount), effect: m(r.counts.byKind[k].effect) },
        ]),
      ) as ReconcileLedgerOutput['counts']['byKind'],
    },
    schedule: {
      frequency: r.schedule.frequency,
      liabilityStart: r.schedule.liabilityStart,
      ...(r.schedule.liabilityEnd === undefined ? {} : { liabilityEnd: r.schedule.liabilityEnd }),
      lines: r.schedule.lines.length,
      totals: totalsToJson(r.schedule.totals),
      plan: planToJson(r.schedule),
    },
    warnings: [...r.warnings],
  };
}

/** The JSON form of a reconciliation, with one page of its detail. */
export function toJson(r: Reconciliation, hash: string, page: z.infer<typeof pageInput>): ReconcileLedgerOutput {
  const summary = summaryToJson(r);
  const stream: Detail[] = [
    ...r.findings.map((f): Detail => ({ list: 'findings', item: findingToJson(f) })),
    ...r.periods.map((p): Detail => ({ list: 'periods', item: periodToJson(p) })),
    ...r.matches.map((x): Detail => ({
      list: 'matches',
      item: {
        id: x.id,
        reason: x.reason,
        cmsEntryIds: [...x.cmsEntryIds],
        bankTransactionIds: [...x.bankTransactionIds],
        evidenceIds: [...x.evidenceIds],
        amount: m(x.amount),
        dayDifference: x.dayDifference,
        explanation: x.explanation,
      },
    })),
    ...r.ignored.map((i): Detail => ({ list: 'ignored', item: { ...i } })),
  ];
  const traceOut = r.trace.map((s) => ({ ...s }));
  const paged = paginate(stream, {
    kind: 'reconcile',
    hash,
    page,
    summaryChars: JSON.stringify({ ...summary, trace: traceOut }).length,
    content: (d) => d.item,
  });
  const pick = <L extends Detail['list']>(list: L) =>
    paged.items
      .filter((d): d is Extract<Detail, { list: L }> => d.list === list)
      .map((d) => d.item as Extract<Detail, { list: L }>['item']);
  return {
    ...summary,
    page: paged.page,
    findings: pick('findings'),
    periods: pick('periods'),
    matches: pick('matches'),
    ignored: pick('ignored'),
    trace: traceOut,
  };
}

const p = (money: string): string => pounds(new Dec(money));
/** How many findings the text shows before the trace (the rest after it, as the text's length allows). */
const FINDINGS_BEFORE_TRACE = 3;

/** Bridge lines that are no error of CMS's figure: it is right not to count them yet, or counts them on another basis. */
const NOT_CMS_ERRORS: ReadonlySet<string> = new Set([
  'deduction_in_transit',
  'payment_in_transit',
  'received_not_passed_on',
  'accrued_not_yet_due',
  'paid_ahead',
  'paid_ahead_differs',
  'plan_fee_rounding',
]);

/**
 * The lines of the bridge that are no error of CMS's, each quoted ("£185.71: 1 amount accrued but not yet due"), so
 * that "not all of it an error" says which part is not (a journey probe: the letter's schedule said "£722.10 too
 * high" where £185.71 of it had accrued and was not yet due).
 */
function notErrorWords(
  br: ReconcileLedgerOutput['bridge'],
  entriesGiven: boolean,
  side: ReconcileLedgerOutput['side'],
  unchecked: ReconcileLedgerOutput['bridge']['notChecked'],
): string {
  return [
    ...br.subtotals
      .filter((x) => NOT_CMS_ERRORS.has(x.kind) && !new Dec(x.amount).isZero())
      .map((x) => `${p(x.amount)}: ${countOf(x.kind, x.count, entriesGiven, side)}`),
    ...(unchecked
      ? [`${p(unchecked.amount)}: ${plural(unchecked.count, 'payment')} not checked against CMS’s record, as the note below says`]
      : []),
  ].join('; ');
}

/**
 * A subtotal of the bridge in words: "1 payment CMS has no record of: £260.00". Payments CMS has no record of that were
 * checked against no line of its account are said to be so, all of them or the part they are (a meaning probe of 6
 * December 2026: a payment made the day before CMS's figure, with none of its records after it, read as one CMS has
 * no record of, under a first line that said it was not checked).
 */
function bridgeLineWords(
  s: ReconcileLedgerOutput['bridge']['subtotals'][number],
  out: ReconcileLedgerOutput,
  unchecked: ReconcileLedgerOutput['bridge']['notChecked'],
): string {
  const notChecked = (n: number) => `${plural(n, 'payment')} not checked against CMS’s record`;
  if (unchecked && unchecked.count === s.count) return `${notChecked(s.count)}, as the note below says: ${p(s.amount)}`;
  const line = `${countOf(s.kind, s.count, out.counts.cmsEntries > 0, out.side)}: ${p(s.amount)}`;
  return unchecked ? `${line}, of which ${p(unchecked.amount)} (${notChecked(unchecked.count)}, as the note below says)` : line;
}

/**
 * How the first line ends where CMS's figure and the one worked out agree: "the same" only where no line differs.
 * Lines that cancel out are still errors (a journey probe of 6 December 2026: a payment CMS had no record of beside a
 * late credit no bank showed read "the same", and a parent would have dropped a dispute that stood).
 */
function sameInTotal(br: ReconcileLedgerOutput['bridge']): string {
  if (!br.subtotals.some((x) => !new Dec(x.amount).isZero())) return ': the same.';
  const high = br.inPayingParentsFavour;
  const low = br.inReceivingParentsFavour;
  if (!high.count || !low.count) return ': the same in total, but not line by line: the lines below differ and cancel out.';
  return (
    `: the same in total, but not line by line: ${plural(high.count, 'line makes', 'lines make')} CMS's figure too high by ${p(high.amount)} ` +
    `and ${low.count} ${low.count === 1 ? 'makes' : 'make'} it too low by ${p(low.amount)}, and they cancel out. Each is still to be put right (below).`
  );
}

/**
 * The summary in words, leading with the bridge (CMS's figure, each kind of difference, the recomputed figure), then the
 * numbered trace and this page's findings, capped (tools/words.ts); `rest` says where the findings the text leaves out are.
 */
export function summarizeReconciliation(
  out: ReconcileLedgerOutput,
  rest = 'page through them with page.cursor (structuredContent.findings holds this page)',
): string {
  const b = out.balance;
  const br = out.bridge;
  const head: string[] = [];
  // With none of CMS's entries and no balance it claims, there is no CMS figure: the bridge starts from what the
  // decisions make due, and "CMS's entries add up to … too high" would be false (a user test, 5 December 2026).
  const noCmsFigure = br.fromLabel !== 'cms_claim' && out.counts.cmsEntries === 0;
  const cmsWords =
    br.fromLabel === 'cms_claim'
      ? `CMS says ${describeBalance(new Dec(br.from), out.side)}`
      : `CMS's entries add up to ${describeBalance(new Dec(br.from), out.side)}`;
  const gap = new Dec(br.difference);
  // The whole difference money CMS holds: its figure is right as the paying parent's arrears (calc/reconcile/held.ts).
  const onlyHeld = br.notPassedOn !== undefined && gap.isNegative() && gap.abs().equals(br.notPassedOn.amount);
  // Lines that are no error of CMS's (on its way, held, owed later, paid ahead): "too high" would call it all one.
  // Payments made just before the date, with none of CMS's entries after it (calc's figure): they may be on their way,
  // so not shown to be errors of CMS's. (Paid long before, with none of its account given, one makes its figure too
  // high all the same, as the letters say: it was paid, whatever CMS recorded.)
  const unchecked = br.tooRecent;
  const missing = br.subtotals.find((x) => x.kind === 'payment_missing_from_cms');
  const allUnchecked = unchecked !== undefined && missing !== undefined && unchecked.count === missing.count;
  const notAllErrors = br.subtotals.some((x) => NOT_CMS_ERRORS.has(x.kind)) || unchecked !== undefined;
  // With no payment evidence at all, the balance is everything due: said so, not "from the evidence" (a journey probe:
  // "worked out from the decisions and the evidence … £3,432.00 owed" with no bank payment or payslip given).
  const noEvidence = out.counts.bankTransactions === 0 && out.counts.evidence === 0;
  const workedFrom = noEvidence
    ? 'worked out from the decisions alone (no evidence of payment was given: no bank transactions, payslips or other evidence, so nothing counts as paid)'
    : 'worked out from the decisions and the evidence';
  head.push(
    noCmsFigure
      ? `No entry of CMS's and no balance it claims was given, so there is no figure of CMS's to check; ${workedFrom}, on ${b.asOf} it is ${describeBalance(new Dec(b.recomputed), out.side)}.`
      : `${cmsWords} on ${b.asOf}; ${workedFrom} it is ${describeBalance(new Dec(b.recomputed), out.side)}` +
          (gap.isZero()
            ? sameInTotal(br)
            : onlyHeld
              ? `: CMS's figure is ${pounds(gap.abs())} lower, all of it money CMS received from the paying parent and had not passed on (his arrears count it as paid; it is not arrears).`
              : notAllErrors
                ? // None of it an error where every line that moves it is of those (a journey probe, story 3: "not all of it
                  // an error of CMS's" of £371.18 all accrued and not yet due).
                  br.subtotals.every((x) => NOT_CMS_ERRORS.has(x.kind) || new Dec(x.amount).isZero() || (allUnchecked && x === missing))
                  ? `: CMS's figure is ${pounds(gap.abs())} ${gap.isNegative() ? 'lower' : 'higher'}, none of it ${unchecked ? 'shown to be ' : ''}an error of CMS's (${notErrorWords(br, out.counts.cmsEntries > 0, out.side, unchecked)}).`
                  : `: CMS's figure is ${pounds(gap.abs())} ${gap.isNegative() ? 'lower' : 'higher'}, not all of it ${unchecked ? 'shown to be ' : ''}an error of CMS's (${notErrorWords(br, out.counts.cmsEntries > 0, out.side, unchecked)}; the lines below say which part is an error).`
                : `: CMS's figure is ${pounds(gap.abs())} too ${gap.isNegative() ? 'low' : 'high'}.`),
  );
  if (br.subtotals.length && !noCmsFigure) {
    head.push('The difference, line by line (positive: CMS’s figure too high; negative: too low):');
    for (const s of br.subtotals) head.push(`- ${bridgeLineWords(s, out, s === missing ? br.notChecked : undefined)}`);
    // A figure below nothing is taken away as its size added ("£1,200.00 + £640.00", not "£1,200.00 − -£640.00").
    head.push(`= ${p(br.difference)} (${p(br.from)} ${br.to.startsWith('-') ? `+ ${p(br.to.slice(1))}` : `− ${p(br.to)}`}).`);
    // Where the totals agree, the first line has said this already.
    if (br.inPayingParentsFavour.count && br.inReceivingParentsFavour.count && !gap.isZero()) {
      const high = br.inPayingParentsFavour.count;
      const low = br.inReceivingParentsFavour.count;
      head.push(
        `${plural(high, 'line makes', 'lines make')} CMS's figure too high by ${p(br.inPayingParentsFavour.amount)} and ${low} ${low === 1 ? 'makes' : 'make'} it too low by ${p(br.inReceivingParentsFavour.amount)}: the net effect is what counts, not the two added together.`,
      );
    }
  }
  if (br.inTransit && !noCmsFigure) {
    const once = new Dec(br.inTransit.differenceOnceArrived);
    // Payments made before the date and recorded by CMS after it are on their way too.
    const recordedAfter = out.counts.byKind.payment_in_transit.count;
    const deductions = br.inTransit.count - recordedAfter;
    const what = [
      ...(deductions > 0 ? [`${deductions === 1 ? 'a deduction' : `${deductions} deductions`} from pay still in time to reach CMS`] : []),
      ...(recordedAfter > 0
        ? [
            out.side === 'receiving'
              ? `${recordedAfter === 1 ? 'a payment' : `${recordedAfter} payments`} CMS passed on before the date that reached you after it`
              : `${recordedAfter === 1 ? 'a payment' : `${recordedAfter} payments`} made before the date that CMS recorded after it`,
          ]
        : []),
    ].join(' and ');
    head.push(
      `Of that, ${p(br.inTransit.amount)} is ${what}: not an error of CMS's, and not to be disputed. ` +
        `Once ${br.inTransit.count === 1 ? 'it arrives' : 'they arrive'}, CMS's figure is ${once.isZero() ? 'right' : `${pounds(once.abs())} too ${once.isNegative() ? 'low' : 'high'}`}` +
        // calc leaves out what has accrued and is not yet due too: no error either.
        `${br.subtotals.some((x) => x.kind === 'accrued_not_yet_due') ? ' beside what has accrued and is not yet due' : ''}.`,
    );
  }
  for (const l of br.otherLines) head.push(l.description);
  const parts = b.components.filter(
    (c) => c.recomputed !== '0.00' || (!noCmsFigure && (c.cmsEntriesTotal !== '0.00' || c.cmsClaimed !== undefined)),
  );
  if (out.side === 'paying' && parts.length > 1) {
    head.push(
      noCmsFigure
        ? `By part, worked out: ${parts.map((c) => `${COMPONENT_WORDS[c.component]} ${p(c.recomputed)}`).join('; ')}.`
        : `By part, worked out (and CMS's ${parts.some((c) => c.cmsClaimed !== undefined) ? 'figure' : 'entries'}): ` +
            `${parts.map((c) => `${COMPONENT_WORDS[c.component]} ${p(c.recomputed)} (${p(c.cmsClaimed ?? c.cmsEntriesTotal)})`).join('; ')}.`,
    );
  }
  if (b.bothBases) {
    // Money CMS holds, or passed on and lost, is owed to her but is not the paying parent's arrears as CMS counts them.
    const notHisArrears = br.notPassedOn !== undefined || out.counts.byKind.cms_payment_without_evidence.effect.startsWith('-');
    // Below nothing, the receiving parent has been passed more than was due: nothing is owed to them.
    const over = b.bothBases.net.startsWith('-');
    const unsigned = (x: string) => p(over ? x.slice(1) : x);
    head.push(
      over
        ? `Both ways: you received ${unsigned(b.bothBases.net)} more than was due in cash, ${unsigned(b.bothBases.gross)} as CMS counts it (the maintenance before its 4% fee).`
        : `Both ways: gross ${p(b.bothBases.gross)} (the maintenance${notHisArrears ? '' : ', as CMS counts arrears,'} before its 4% fee), net ${p(b.bothBases.net)} (still owed to you in cash).`,
    );
  }
  if (b.paidAhead) {
    head.push(
      `${p(b.paidAhead)} was paid ahead of the payment plan: it pays ${
        b.paidAheadOfNext
          ? whatPaidAheadPays(new Dec(b.paidAhead), { amount: new Dec(b.paidAheadOfNext.amount), dueDates: b.paidAheadOfNext.dueDates })
          : 'what had accrued but was not yet due (an initial or backdated amount)'
      }, so it is not an overpayment.`,
    );
  }
  // Said once: where the bridge has its line, the first line already names it (a journey probe read £185.66 there and
  // "a further £185.71" here, before the two were made one figure).
  const bridgeSaysNotYetDue = br.subtotals.some((x) => x.kind === 'accrued_not_yet_due');
  if (b.notYetDue !== '0.00' && !bridgeSaysNotYetDue) {
    head.push(`A further ${p(b.notYetDue)} has accrued but is not yet due under the payment plan.`);
  }
  const h = br.historic;
  if (h) {
    head.push(
      `CMS's figure includes ${p(h.openingBalance)} of arrears carried over, less ${p(h.writtenOff)} written off; worked out: ${p(b.openingBalance)} carried over, ${p(b.writtenOff)} written off.` +
        (b.secretaryOfState !== '0.00'
          ? ` ${p(b.secretaryOfState)} is owed to the Secretary of State, not the receiving parent${out.side === 'receiving' ? ' (left out of your figure)' : ''}.`
          : ''),
    );
  }
  const c = out.counts;
  head.push(
    `Agreed: ${c.matches}; set aside: ${c.ignored}; ${plural(c.periods, 'period')} ` +
      `(from ${plural(c.cmsEntries, 'CMS entry', 'CMS entries')}, ${plural(c.bankTransactions, 'bank transaction')} and ` +
      `${plural(c.evidence, 'other piece of evidence', 'other pieces of evidence')}).`,
  );
  for (const w of out.warnings) head.push(`Note: ${w}`);
  const notOnPage = c.findings - out.findings.length;
  // The first findings before the trace, the rest after it: what is wrong is what the user came for (a meaning probe
  // of 6 December 2026: the trace's steps filled the text, which showed "Findings:" and then "… 1 more finding", its
  // only one), and the working stays in the text however many findings there are.
  const lines = out.findings.map((f) => `${f.id}. ${f.explanation} [${p(f.effect)}]`);
  const first = lines.slice(0, FINDINGS_BEFORE_TRACE);
  const later = lines.slice(FINDINGS_BEFORE_TRACE);
  const title = `Findings${notOnPage > 0 ? ` (this page: ${out.findings.length} of ${c.findings})` : ''}:`;
  return capped(head, [
    { title, lines: first, rest: (left) => `… ${plural(left, 'more finding')} on this page: ${rest}.` },
    traceSection(out.trace),
    {
      ...(first.length > 0 ? { title: 'More findings:' } : {}),
      lines: later,
      rest: (left) => `… ${plural(left, 'more finding')} on this page: ${rest}.`,
    },
    {
      lines: notOnPage > 0 ? [`… ${plural(notOnPage, 'more finding')} on later pages: ${rest}.`] : [],
      rest: () => `… ${plural(notOnPage, 'more finding')} on later pages: ${rest}.`,
    },
    { lines: [`Detail: ${describePage(out.page)}.`], rest: () => `Detail: ${describePage(out.page)}.` },
  ]);
}

type SourceGiven = string | Parameters<typeof placeWords>[0] | undefined;

/**
 * The input as calc takes it: each row's place in words, and what parse_statement gives with a CMS entry that the
 * reconciliation does not use (its fingerprint and outside-period mark) left out, so that the rows
 * parse_statement returns go in as they are. A field calc does not know is still refused, naming it.
 */
export function asCalcInput(input: Omit<z.infer<typeof reconcileLedgerInput>, 'page'>): ReconcileInput {
  const placed = <R extends { source?: SourceGiven }>(row: R) =>
    row.source === undefined || typeof row.source === 'string' ? row : { ...row, source: placeWords(row.source) };
  return {
    ...input,
    ...(input.cmsEntries ? { cmsEntries: input.cmsEntries.map(({ fingerprint: _f, outsidePeriod: _o, ...e }) => placed(e)) } : {}),
    ...(input.bankTransactions ? { bankTransactions: input.bankTransactions.map(placed) } : {}),
  } as ReconcileInput;
}

export const reconcileLedgerTool = defineTool({
  name: 'reconcile_ledger',
  title: 'Reconcile the CMS record against the evidence',
  description:
    'Checks CMS’s record against the bank statements, payslips and other evidence and what was due: the true balance, ' +
    'every entry CMS got wrong, and the bridge from CMS’s figure to it, line by line.',
  inputSchema: reconcileLedgerInput,
  // Lean: the balance, bridge, findings, page and trace by name; the text carries them in words, structuredContent in full.
  outputSchema: leanOutput(reconcileLedgerOutput, ['balance', 'bridge', 'findings', 'page', 'trace']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input, context) => {
    const { page, ...rest } = input;
    const reconcileInput = asCalcInput(rest);
    // One synchronous computation (calc/reconcile): progress before and after it, nothing to stop in between.
    checkCancelled(context);
    stage(
      context,
      1,
      2,
      `Reconciling ${plural(rest.cmsEntries?.length ?? 0, 'CMS entry', 'CMS entries')} with ${plural(rest.bankTransactions?.length ?? 0, 'bank transaction')}`,
    );
    const result = reconcile(reconcileInput);
    stage(context, 2, 2, `Reconciled: ${plural(result.findings.length, 'finding')}`);
    return toJson(result, inputHash(rest), page);
  },
  summarize: summarizeReconciliation,
});
