/**
 * `reconcile_ledger`: the CMS record against the parent's bank statement and the schedule of what was due;
 * every entry CMS got wrong, and the true balance.
 * @module
 */
import * as z from 'zod';
import { CMS_ENTRY_TYPES, DIRECTIONS, MAX_ROWS } from '../calc/ledger/entries.ts';
import { Dec, formatMoney, pounds, type Dec as Decimal } from '../calc/money.ts';
import {
  DISCREPANCY_KINDS,
  IGNORE_REASONS,
  MATCH_REASONS,
  reconcile,
  SIDES,
  type DiscrepancyKind,
  type ReconcileInput,
  type Reconciliation,
} from '../calc/reconcile/reconcile.ts';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/build.ts';
import { scheduleShape, scheduleTotalsOutput, totalsToJson } from './build-liability-schedule.ts';
import { describePage, inputHash, pageInput, pageOutput, paginate } from './paging.ts';
import { civilDate, moneyIn, moneyOut, nonNegativeMoneyIn, strictObject, trace } from './schemas.ts';
import { defineTool } from './tool.ts';

const text = (field: string, max: number) => z.string().max(max, `${field} must be at most ${max} characters`).optional();

const id = z.string().min(1, 'id must not be empty').max(100, 'id must be at most 100 characters');

export const cmsEntryInput = strictObject({
  id: id.optional().describe('Your id for the entry, to find it again in the results; defaults to cms_1, cms_2 … in date order'),
  date: civilDate.describe('The date CMS gives for the entry'),
  type: z
    .enum(CMS_ENTRY_TYPES)
    .describe(
      'liability (maintenance charged for a period), payment_received (CMS says it received a payment from the paying parent), ' +
        'payment_passed_on (CMS says it paid the receiving parent), direct_payment (a Direct Pay payment CMS recorded), ' +
        'collection_fee, enforcement_charge, adjustment (any other change; positive increases what the paying parent owes), or refund',
    ),
  amount: moneyIn.describe(
    'The amount in pounds, positive; only an adjustment may be negative (it reduces what is owed). A number or a string such as "433.33"',
  ),
  reference: text('reference', 200).describe('The payment reference CMS shows, if any'),
  description: text('description', 500).describe('The wording of the entry, if any'),
});

export const bankTransactionInput = strictObject({
  id: id.optional().describe('Your id for the transaction; defaults to bank_1, bank_2 … in date order'),
  date: civilDate.describe('The date on the bank statement'),
  amount: nonNegativeMoneyIn.describe('The amount in pounds, positive; direction says which way it went'),
  direction: z.enum(DIRECTIONS).describe('out: money left the account holder’s account; in: money came into it'),
  description: text('description', 500).describe('The description on the statement, e.g. "CMS DIRECT PAY"'),
  reference: text('reference', 200).describe('The payment reference, if the statement shows one'),
  balance: moneyIn.optional().describe('The running balance the statement shows after it, if any (not used in the reckoning)'),
  fingerprint: text('fingerprint', 200).describe('An id from the statement parser, if any (not used in the reckoning)'),
});

const rows = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .max(
      MAX_ROWS,
      `at most ${MAX_ROWS.toLocaleString('en-GB')} ${what} can be reconciled at once; split them by date and reconcile each part`,
    );

export const reconcileLedgerInput = strictObject({
  schedule: strictObject({
    ...scheduleShape,
    asOf: civilDate.optional().describe('Reconcile up to and including this day; defaults to cmsClaim.date'),
  }).describe('The decisions, as for build_liability_schedule, from which what was due is worked out'),
  side: z
    .enum(SIDES)
    .describe("Whose bank statement this is: paying (the paying parent's payments out) or receiving (the receiving parent's money in)"),
  receivingParentId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Receiving side with several receiving parents: which one’s account this is (an id from the decisions)'),
  cmsEntries: rows(cmsEntryInput, 'CMS entries')
    .optional()
    .describe('What CMS recorded: the lines of a CMS statement or arrears breakdown, in any order'),
  bankTransactions: rows(bankTransactionInput, 'bank transactions')
    .optional()
    .describe(
      'What the bank statement shows, in any order; other transactions may be included if bankFilter picks out the maintenance payments',
    ),
  bankFilter: strictObject({
    descriptionContains: z
      .array(z.string().min(1, 'a filter word must not be empty').max(100))
      .max(50, 'at most 50 filter words')
      .optional()
      .describe(
        'A bank transaction is a maintenance payment if its description or reference contains one of these (any case), e.g. ["CMS", "CHILD MAINT"]',
      ),
    includeAll: z.boolean().optional().describe('True if every bank transaction given is a maintenance payment'),
  })
    .optional()
    .describe(
      'Which bank transactions are maintenance payments. Without it, only those that match a CMS record count, and payments CMS never recorded cannot be found',
    ),
  cmsClaim: strictObject({
    date: civilDate.describe('The date of the balance CMS states'),
    balance: moneyIn.describe('The balance CMS states: positive, arrears the paying parent owes; negative, an overpayment'),
  })
    .optional()
    .describe('The balance CMS says there is, to compare with the recomputed one'),
  windowDays: z
    .int('windowDays must be a whole number of days')
    .min(0, 'windowDays must be 0 or more')
    .max(31, 'windowDays must be at most 31')
    .optional()
    .describe('Payments this many days apart or less count as the same payment (default 5)'),
  maxDateDifferenceDays: z
    .int('maxDateDifferenceDays must be a whole number of days')
    .min(0, 'maxDateDifferenceDays must be 0 or more')
    .max(366, 'maxDateDifferenceDays must be at most 366')
    .optional()
    .describe('The same amount up to this many days apart is a wrong date rather than a different payment (default 62)'),
  page: pageInput,
});

const ids = z.array(z.string());

const discrepancyOutput = z.object({
  id: z.string(),
  kind: z.enum(DISCREPANCY_KINDS),
  date: z.string(),
  cmsEntryIds: ids,
  bankTransactionIds: ids,
  amount: moneyOut.describe('The money at stake'),
  explanation: z.string().describe('One line a parent can put in a letter'),
});

const matchOutput = z.object({
  id: z.string(),
  reason: z.enum(MATCH_REASONS),
  cmsEntryIds: ids,
  bankTransactionIds: ids,
  amount: moneyOut,
  dayDifference: z.int(),
  explanation: z.string(),
});

const ignoredOutput = z.object({
  cmsEntryId: z.string().optional(),
  bankTransactionId: z.string().optional(),
  reason: z.enum(IGNORE_REASONS),
});

const periodOutput = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  due: moneyOut,
  paidPerBank: moneyOut,
  recordedByCms: moneyOut,
  adjustments: moneyOut,
  runningBalancePerBank: moneyOut,
  runningBalancePerCms: moneyOut,
});

const kindCount = z.object({ count: z.int(), amount: moneyOut });

export const reconcileLedgerOutput = z.object({
  side: z.enum(SIDES),
  receivingParentId: z.string().optional(),
  asOf: z.string(),
  windowDays: z.int(),
  balance: z
    .object({
      asOf: z.string(),
      due: moneyOut.describe('Total due to the date (paying side: maintenance and collection fees; receiving side: the maintenance)'),
      paidPerBank: moneyOut.describe('Payments the bank shows, net of refunds'),
      recordedByCms: moneyOut.describe('Payments CMS recorded'),
      adjustments: moneyOut.describe('CMS adjustments, taken as recorded'),
      enforcementCharges: moneyOut.describe('Enforcement charges CMS recorded (not part of the recomputed balance)'),
      recomputed: moneyOut.describe('due − paidPerBank + adjustments: positive, arrears the paying parent owes; negative, an overpayment'),
      cmsClaimed: moneyOut.optional().describe('The balance CMS states'),
      difference: moneyOut.optional().describe('cmsClaimed − recomputed'),
      position: z.enum(['arrears', 'overpaid', 'settled']),
    })
    .describe('The true balance, worked out from the decisions and the bank statement'),
  counts: z
    .object({
      cmsEntries: z.int(),
      bankTransactions: z.int(),
      discrepancies: z.int(),
      periods: z.int(),
      matches: z.int(),
      ignored: z.int(),
      byKind: z.object(Object.fromEntries(DISCREPANCY_KINDS.map((k) => [k, kindCount])) as Record<DiscrepancyKind, typeof kindCount>),
    })
    .describe('Counts over the whole result, not just this page'),
  schedule: z
    .object({
      frequency: z.enum(PAYMENT_FREQUENCIES),
      liabilityStart: z.string(),
      liabilityEnd: z.string().optional(),
      lines: z.int(),
      totals: scheduleTotalsOutput,
    })
    .describe('The schedule of what was due (its lines: build_liability_schedule)'),
  warnings: z.array(z.string()),
  page: pageOutput.describe('The detail is one stream, in order: discrepancies, then periods, then matches, then ignored'),
  discrepancies: z.array(discrepancyOutput).describe('This page’s discrepancies: every entry CMS got wrong, with the money at stake'),
  periods: z.array(periodOutput).describe('This page’s period rows: due, paid per bank, recorded by CMS, and both running balances'),
  matches: z.array(matchOutput).describe('This page’s matches: entries the evidence agrees with'),
  ignored: z.array(ignoredOutput).describe('This page’s entries set aside, with the reason'),
  trace,
});

export type ReconcileLedgerOutput = z.infer<typeof reconcileLedgerOutput>;

const m = (d: Decimal): string => formatMoney(d);

type Detail =
  | { readonly list: 'discrepancies'; readonly item: ReconcileLedgerOutput['discrepancies'][number] }
  | { readonly list: 'periods'; readonly item: ReconcileLedgerOutput['periods'][number] }
  | { readonly list: 'matches'; readonly item: ReconcileLedgerOutput['matches'][number] }
  | { readonly list: 'ignored'; readonly item: ReconcileLedgerOutput['ignored'][number] };

/** The JSON form of a reconciliation, with one page of its detail. */
export function toJson(r: Reconciliation, hash: string, page: z.infer<typeof pageInput>): ReconcileLedgerOutput {
  const b = r.balance;
  const summary = {
    side: r.side,
    ...(r.receivingParentId === undefined ? {} : { receivingParentId: r.receivingParentId }),
    asOf: r.asOf,
    windowDays: r.windowDays,
    balance: {
      asOf: b.asOf,
      due: m(b.due),
      paidPerBank: m(b.paidPerBank),
      recordedByCms: m(b.recordedByCms),
      adjustments: m(b.adjustments),
      enforcementCharges: m(b.enforcementCharges),
      recomputed: m(b.recomputed),
      ...(b.cmsClaimed === undefined ? {} : { cmsClaimed: m(b.cmsClaimed) }),
      ...(b.difference === undefined ? {} : { difference: m(b.difference) }),
      position: b.position,
    },
    counts: {
      cmsEntries: r.counts.cmsEntries,
      bankTransactions: r.counts.bankTransactions,
      discrepancies: r.discrepancies.length,
      periods: r.periods.length,
      matches: r.matches.length,
      ignored: r.ignored.length,
      byKind: Object.fromEntries(
        DISCREPANCY_KINDS.map((k) => [k, { count: r.counts.byKind[k].count, amount: m(r.counts.byKind[k].amount) }]),
      ) as ReconcileLedgerOutput['counts']['byKind'],
    },
    schedule: {
      frequency: r.schedule.frequency,
      liabilityStart: r.schedule.liabilityStart,
      ...(r.schedule.liabilityEnd === undefined ? {} : { liabilityEnd: r.schedule.liabilityEnd }),
      lines: r.schedule.lines.length,
      totals: totalsToJson(r.schedule.totals),
    },
    warnings: [...r.warnings],
  };
  const stream: Detail[] = [
    ...r.discrepancies.map((d): Detail => ({
      list: 'discrepancies',
      item: {
        id: d.id,
        kind: d.kind,
        date: d.date,
        cmsEntryIds: [...d.cmsEntryIds],
        bankTransactionIds: [...d.bankTransactionIds],
        amount: m(d.amount),
        explanation: d.explanation,
      },
    })),
    ...r.periods.map((p): Detail => ({
      list: 'periods',
      item: {
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        due: m(p.due),
        paidPerBank: m(p.paidPerBank),
        recordedByCms: m(p.recordedByCms),
        adjustments: m(p.adjustments),
        runningBalancePerBank: m(p.runningBalancePerBank),
        runningBalancePerCms: m(p.runningBalancePerCms),
      },
    })),
    ...r.matches.map((x): Detail => ({
      list: 'matches',
      item: {
        id: x.id,
        reason: x.reason,
        cmsEntryIds: [...x.cmsEntryIds],
        bankTransactionIds: [...x.bankTransactionIds],
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
    discrepancies: pick('discrepancies'),
    periods: pick('periods'),
    matches: pick('matches'),
    ignored: pick('ignored'),
    trace: traceOut,
  };
}

const KIND_WORDS: Record<DiscrepancyKind, string> = {
  cms_payment_without_bank_evidence: 'CMS payment without bank evidence',
  bank_payment_missing_from_cms: 'bank payment missing from CMS',
  duplicate_cms_entry: 'duplicate CMS entry',
  amount_mismatch: 'amount mismatch',
  date_outside_window: 'date outside the window',
  liability_mismatch: 'liability mismatch',
  charge_mismatch: 'charge mismatch',
  balance_mismatch: 'balance mismatch',
};

const p = (money: string): string => pounds(new Dec(money));

function describeBalance(money: string): string {
  const d = new Dec(money);
  return d.gt(0) ? `${pounds(d)} owed by the paying parent` : d.lt(0) ? `${pounds(d.abs())} overpaid` : 'nothing owed';
}

export const reconcileLedgerTool = defineTool({
  name: 'reconcile_ledger',
  title: 'Reconcile the CMS record against a bank statement',
  description:
    'Compares what the Child Maintenance Service recorded (payments, charges, fees, adjustments) with the parent’s bank ' +
    'statement and with the schedule of what was due from the decisions; finds every payment CMS missed, recorded without ' +
    'evidence, duplicated, or recorded with the wrong amount or date, and every charge that disagrees with the schedule or ' +
    'the fee rules; and recomputes the true balance, to set against the one CMS claims. The summary (balance, counts per ' +
    'kind) is always complete; the detail (discrepancies, then period rows, then matches, then entries set aside) comes a ' +
    'page at a time. Use these figures; do not compute your own.',
  inputSchema: reconcileLedgerInput,
  outputSchema: reconcileLedgerOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: (input) => {
    const { page, ...rest } = input;
    const reconcileInput: ReconcileInput = rest;
    return toJson(reconcile(reconcileInput), inputHash(rest), page);
  },
  summarize: (out) => {
    const b = out.balance;
    const lines = [
      `Balance on ${b.asOf}, worked out from the decisions and the bank statement: ${describeBalance(b.recomputed)} ` +
        `(due ${p(b.due)} − paid per bank ${p(b.paidPerBank)}${b.adjustments === '0.00' ? '' : ` + CMS adjustments ${p(b.adjustments)}`}).`,
    ];
    if (b.cmsClaimed !== undefined && b.difference !== undefined) {
      const diff = new Dec(b.difference);
      lines.push(
        `CMS says ${describeBalance(b.cmsClaimed)}: ` +
          (diff.isZero() ? 'the same.' : `CMS's figure is ${pounds(diff.abs())} too ${diff.gt(0) ? 'high' : 'low'}.`),
      );
    }
    const kinds = DISCREPANCY_KINDS.filter((k) => out.counts.byKind[k].count > 0).map(
      (k) => `${out.counts.byKind[k].count} ${KIND_WORDS[k]} (${p(out.counts.byKind[k].amount)})`,
    );
    lines.push(`Discrepancies: ${out.counts.discrepancies}${kinds.length ? ` — ${kinds.join('; ')}` : ''}.`);
    lines.push(
      `Matched: ${out.counts.matches}; set aside: ${out.counts.ignored}; periods: ${out.counts.periods} ` +
        `(from ${out.counts.cmsEntries} CMS entries and ${out.counts.bankTransactions} bank transactions).`,
    );
    for (const w of out.warnings) lines.push(`Note: ${w}`);
    lines.push(`Detail: ${describePage(out.page)}.`);
    return lines.join('\n');
  },
});
