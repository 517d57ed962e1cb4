/**
 * Reconciliation: what was due (the schedule), what the bank shows was paid, and what CMS recorded;
 * every entry CMS got wrong, and the true balance.
 * @module
 */
import { compareDates, fromDayNumber, isCivilDate, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { wholeNumber } from '../input.ts';
import {
  normaliseReference,
  readBankTransactions,
  readCmsEntries,
  type BankTransaction,
  type BankTransactionInput,
  type CmsEntry,
  type CmsEntryInput,
} from '../ledger/entries.ts';
import { Dec, formatMoney, money, pounds, roundPenny, type Dec as Decimal, type MoneyInput } from '../money.ts';
import { valueOn, type Reference } from '../parameters.ts';
import { buildSchedule, type Schedule, type ScheduleInput, type ScheduleLine } from '../schedule/build.ts';
import { LAW } from '../scheme-2012/law.ts';
import { collectionFeePayingPercent, collectionFeeReceivingPercent, enforcementCharges } from '../scheme-2012/parameters.ts';
import { Trace, type TraceStep } from '../trace.ts';
import { matchPayments, type Item, type MatchReason } from './match.ts';

export const SIDES = ['paying', 'receiving'] as const;
export type Side = (typeof SIDES)[number];

export const DISCREPANCY_KINDS = [
  'cms_payment_without_bank_evidence',
  'bank_payment_missing_from_cms',
  'duplicate_cms_entry',
  'amount_mismatch',
  'date_outside_window',
  'liability_mismatch',
  'charge_mismatch',
  'balance_mismatch',
] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export const MATCH_REASONS = [
  'reference',
  'exact_amount',
  'collection_charge',
  'combined',
  'split',
  'schedule_agrees',
  'charge_agrees',
  'accepted_as_recorded',
] as const;
export type ReconcileMatchReason = (typeof MATCH_REASONS)[number];

export const IGNORE_REASONS = ['not_a_maintenance_payment', 'after_as_of', 'not_visible_from_this_side'] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

export interface ReconcileInput {
  /** The decisions to build the schedule of what was due (its `asOf` defaults to the claim date). */
  readonly schedule: Omit<ScheduleInput, 'asOf'> & { readonly asOf?: CivilDate };
  /** Whose bank statement this is. */
  readonly side: Side;
  /** Receiving side with several receiving parents: which one's account this is. */
  readonly receivingParentId?: string;
  readonly cmsEntries?: readonly CmsEntryInput[];
  readonly bankTransactions?: readonly BankTransactionInput[];
  /**
   * Which bank transactions are maintenance payments: those whose description or reference contains one of
   * `descriptionContains`, or (`includeAll`) every one given. Without a filter a whole bank statement may have
   * been given, so only transactions that match a CMS record are counted; the rest are set aside, and payments
   * CMS never recorded cannot be found.
   */
  readonly bankFilter?: { readonly descriptionContains?: readonly string[]; readonly includeAll?: boolean };
  /** What CMS says the balance is on a date: positive, the paying parent owes arrears; negative, they have overpaid. */
  readonly cmsClaim?: { readonly date: CivilDate; readonly balance: MoneyInput };
  /** Dates this many days apart or less count as the same payment (default 5). */
  readonly windowDays?: number;
  /** The same amount up to this many days apart is a wrong date rather than a different payment (default 62). */
  readonly maxDateDifferenceDays?: number;
}

export interface Match {
  readonly id: string;
  readonly reason: ReconcileMatchReason;
  readonly cmsEntryIds: readonly string[];
  readonly bankTransactionIds: readonly string[];
  readonly amount: Decimal;
  readonly dayDifference: number;
  readonly explanation: string;
}

export interface Discrepancy {
  readonly id: string;
  readonly kind: DiscrepancyKind;
  readonly date: CivilDate;
  readonly cmsEntryIds: readonly string[];
  readonly bankTransactionIds: readonly string[];
  /** The money at stake. */
  readonly amount: Decimal;
  /** One line a parent can put in a letter. */
  readonly explanation: string;
}

export interface Ignored {
  readonly cmsEntryId?: string;
  readonly bankTransactionId?: string;
  readonly reason: IgnoreReason;
}

export interface PeriodRow {
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  readonly due: Decimal;
  readonly paidPerBank: Decimal;
  readonly recordedByCms: Decimal;
  /** CMS adjustments dated in the period, taken as recorded. */
  readonly adjustments: Decimal;
  readonly runningBalancePerBank: Decimal;
  readonly runningBalancePerCms: Decimal;
}

export interface Balance {
  readonly asOf: CivilDate;
  /** Total due to the date: on the paying side maintenance plus collection fees; on the receiving side, the maintenance. */
  readonly due: Decimal;
  /** Payments the bank shows, net of refunds (receiving side on Collect and Pay: grossed up for the 4% fee). */
  readonly paidPerBank: Decimal;
  readonly recordedByCms: Decimal;
  /** CMS adjustments, taken as recorded. */
  readonly adjustments: Decimal;
  /** Enforcement charges CMS recorded (not part of the recomputed balance). */
  readonly enforcementCharges: Decimal;
  /** due − paid + adjustments: positive, arrears the paying parent owes; negative, an overpayment. */
  readonly recomputed: Decimal;
  readonly cmsClaimed?: Decimal;
  /** cmsClaimed − recomputed. */
  readonly difference?: Decimal;
  readonly position: 'arrears' | 'overpaid' | 'settled';
}

export interface Reconciliation {
  readonly side: Side;
  readonly receivingParentId?: string;
  readonly asOf: CivilDate;
  readonly windowDays: number;
  readonly balance: Balance;
  readonly counts: {
    readonly cmsEntries: number;
    readonly bankTransactions: number;
    readonly matches: number;
    readonly discrepancies: number;
    readonly ignored: number;
    readonly byKind: Readonly<Record<DiscrepancyKind, { count: number; amount: Decimal }>>;
  };
  readonly matches: readonly Match[];
  readonly discrepancies: readonly Discrepancy[];
  readonly ignored: readonly Ignored[];
  readonly periods: readonly PeriodRow[];
  readonly schedule: Schedule;
  /** Things the user should know that do not stop the reconciliation. */
  readonly warnings: readonly string[];
  readonly trace: readonly TraceStep[];
}

const MATCHING_RULE: Reference = {
  title: 'Reckoner matching rule: exact amounts in pence, one to one, strongest evidence first (no legal rule governs this)',
};

const PAYMENT_TYPES: Record<Side, readonly string[]> = {
  paying: ['payment_received', 'direct_payment', 'refund'],
  receiving: ['payment_passed_on', 'direct_payment'],
};

/** Whole-pence half-up percentage of a whole-pence amount. */
const pctOf = (pence: number, pct: number): number => Math.floor((pence * pct + 50) / 100);
const fromPence = (p: number): Decimal => new Dec(p).dividedBy(100);
const sumOf = (xs: readonly Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), new Dec(0));

/** The gross payment G whose 4% fee leaves `net`: G − round(G × 4%) = net. */
function grossFromNet(net: number, pct: number): number {
  const guess = Math.round((net * 100) / (100 - pct));
  for (const g of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) if (g - pctOf(g, pct) === net) return g;
  return guess;
}

/**
 * Reconciles the CMS record against the parent's bank statement and the schedule of what was due.
 *
 * @throws {InputError} for bad input, naming the field.
 */
export function reconcile(input: ReconcileInput): Reconciliation {
  const trace = new Trace();
  if (!SIDES.includes(input.side)) throw new InputError('side', 'must be "paying" (a paying parent\'s bank statement) or "receiving"');
  const claimDate = input.cmsClaim?.date;
  if (claimDate !== undefined && (typeof claimDate !== 'string' || !isCivilDate(claimDate))) {
    throw new InputError('cmsClaim.date', `must be a real date written YYYY-MM-DD (got ${JSON.stringify(claimDate)})`);
  }
  if (claimDate !== undefined && input.schedule?.asOf !== undefined && input.schedule.asOf !== claimDate) {
    throw new InputError(
      'cmsClaim.date',
      `is ${claimDate} but schedule.asOf is ${input.schedule.asOf}; the balances are compared on one day, so leave schedule.asOf out (the claim date is used) or make them the same`,
    );
  }
  const asOf = input.schedule?.asOf ?? claimDate;
  if (asOf === undefined)
    throw new InputError('schedule.asOf', 'give the date to reconcile up to (schedule.asOf), or the date of the CMS claim (cmsClaim.date)');
  let claimed: Decimal | undefined;
  if (input.cmsClaim) {
    try {
      claimed = money(input.cmsClaim.balance);
    } catch (e) {
      throw new InputError('cmsClaim.balance', (e as Error).message);
    }
  }
  const windowDays = input.windowDays === undefined ? 5 : wholeNumber('windowDays', input.windowDays, 31);
  const maxDays = input.maxDateDifferenceDays === undefined ? 62 : wholeNumber('maxDateDifferenceDays', input.maxDateDifferenceDays, 366);
  if (maxDays < windowDays) throw new InputError('maxDateDifferenceDays', `must be at least windowDays (${windowDays})`);

  let schedule: Schedule;
  try {
    schedule = buildSchedule({ ...input.schedule, asOf });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`schedule.${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
  for (const step of schedule.trace)
    trace.add(step.step, step.description, step.value, { title: step.citation, ...(step.href ? { href: step.href } : {}) });

  const side = input.side;
  const rpIds = schedule.totals.receivingParents.map((r) => r.id);
  const rpId = side === 'receiving' ? (input.receivingParentId ?? rpIds[0]!) : undefined;
  if (rpId !== undefined && !rpIds.includes(rpId)) {
    throw new InputError('receivingParentId', `"${rpId}" is not a receiving parent in the decisions (${rpIds.join(', ')})`);
  }
  const cms = readCmsEntries(input.cmsEntries);
  const bank = readBankTransactions(input.bankTransactions);
  const asOfDay = toDayNumber(asOf);
  const filters = (input.bankFilter?.descriptionContains ?? []).map((f) => f.toLowerCase()).filter(Boolean);
  const includeAll = input.bankFilter?.includeAll === true;
  if (includeAll && filters.length > 0) throw new InputError('bankFilter', 'give descriptionContains or includeAll, not both');
  // Without a filter the bank side may be a whole statement: only what matches a CMS record is a maintenance payment.
  const filtered = includeAll || filters.length > 0;
  const warnings: string[] = [];
  if (!filtered && bank.length > 0) {
    warnings.push(
      'No bankFilter was given, so only bank transactions that match a CMS record, or look like one (the same reference; the same amount within the window; or the same amount within maxDateDifferenceDays and the same description as a payment that matched), were counted as maintenance payments. ' +
        'To be sure of finding payments CMS never recorded, give bankFilter.descriptionContains (e.g. the payee name or "CMS"), or bankFilter.includeAll if every transaction given is a maintenance payment.',
    );
  }

  const ignored: Ignored[] = [];
  const matches: Match[] = [];
  const discrepancies: Discrepancy[] = [];
  const addMatch = (m: Omit<Match, 'id'>) => matches.push({ id: `match_${matches.length + 1}`, ...m });
  const addDiscrepancy = (d: Omit<Discrepancy, 'id'>) => discrepancies.push({ id: `discrepancy_${discrepancies.length + 1}`, ...d });

  // Which period a day falls in (payments before the first period count in the first, after the last in the last).
  const lines = schedule.lines;
  const starts = lines.map((l) => toDayNumber(l.periodStart));
  const periodOf = (day: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const serviceOn = (day: number) => (lines.length ? lines[periodOf(day)]!.service : 'direct_pay');
  // The fee a record bears depends on its own date: Collect and Pay on that day, and the rate then in force.
  const feeCache = new Map<number, number>();
  const feeOn = (day: number): number => {
    let pct = feeCache.get(day);
    if (pct === undefined) {
      const parameter = side === 'paying' ? collectionFeePayingPercent : collectionFeeReceivingPercent;
      pct = lines.length && serviceOn(day) === 'collect_and_pay' ? Number(valueOn(parameter, fromDayNumber(day)).value) : 0;
      feeCache.set(day, pct);
    }
    return pct;
  };

  // Sort each side into what the bank can speak to, and what it cannot.
  const cmsPayments: { entry: CmsEntry; item: Item }[] = [];
  const cmsOther: CmsEntry[] = [];
  for (const e of cms) {
    if (e.day > asOfDay) ignored.push({ cmsEntryId: e.id, reason: 'after_as_of' });
    else if (PAYMENT_TYPES[side].includes(e.type)) {
      cmsPayments.push({
        entry: e,
        item: {
          index: cmsPayments.length,
          day: e.day,
          pence: e.pence,
          kind: e.type === 'refund' ? 'refund' : 'payment',
          reference: normaliseReference(e.reference),
        },
      });
    } else if (e.type === 'payment_received' || e.type === 'payment_passed_on' || e.type === 'refund') {
      ignored.push({ cmsEntryId: e.id, reason: 'not_visible_from_this_side' });
    } else cmsOther.push(e);
  }
  const bankPayments: { txn: BankTransaction; item: Item }[] = [];
  for (const t of bank) {
    const relevantDirection = side === 'paying' || t.direction === 'in';
    const text = `${t.description} ${t.reference}`.toLowerCase();
    if (t.day > asOfDay) ignored.push({ bankTransactionId: t.id, reason: 'after_as_of' });
    else if (!relevantDirection || (filters.length > 0 && !filters.some((f) => text.includes(f)))) {
      ignored.push({ bankTransactionId: t.id, reason: 'not_a_maintenance_payment' });
    } else {
      const kind = side === 'paying' && t.direction === 'in' ? 'refund' : 'payment';
      bankPayments.push({
        txn: t,
        item: { index: bankPayments.length, day: t.day, pence: t.pence, kind, reference: normaliseReference(t.reference) },
      });
    }
  }

  const anyFee = lines.some((l) => l.collectionFee.gt(0) || l.receivingParents.some((r) => r.fee.gt(0)));
  const chargeAdjusted = anyFee
    ? (c: Item): number | undefined => {
        const pct = feeOn(c.day);
        if (pct === 0) return undefined;
        return side === 'paying' ? c.pence + pctOf(c.pence, pct) : c.pence - pctOf(c.pence, pct);
      }
    : undefined;
  const result = matchPayments(
    cmsPayments.map((x) => x.item),
    bankPayments.map((x) => x.item),
    { windowDays, maxDays, amountMismatches: filtered, ...(chargeAdjusted ? { chargeAdjusted } : {}) },
  );

  const words =
    side === 'paying'
      ? { bank: 'left your account', missing: 'your bank shows no such payment' }
      : { bank: 'reached your account', missing: 'your bank shows no such payment arriving' };
  const cmsWord = (e: CmsEntry) =>
    ({
      payment_received: 'a payment received',
      payment_passed_on: 'a payment passed on to you',
      direct_payment: 'a Direct Pay payment',
      refund: 'a refund',
    })[e.type as 'payment_received'] ?? e.type;
  for (const p of result.pairings) {
    const c = p.cms.map((i) => cmsPayments[i]!.entry);
    const b = p.bank.map((i) => bankPayments[i]!.txn);
    const cmsTotal = sumOf(c.map((x) => x.amount));
    const bankTotal = sumOf(b.map((x) => x.amount));
    const ids = { cmsEntryIds: c.map((x) => x.id), bankTransactionIds: b.map((x) => x.id) };
    if (p.reason === 'date_outside_window') {
      addDiscrepancy({
        kind: 'date_outside_window',
        date: c[0]!.date,
        ...ids,
        amount: cmsTotal,
        explanation: `CMS recorded ${cmsWord(c[0]!)} of ${pounds(cmsTotal)} on ${c[0]!.date}, but it ${words.bank} on ${b[0]!.date}, ${p.days} days ${b[0]!.day < c[0]!.day ? 'earlier' : 'later'}.`,
      });
    } else if (p.reason === 'amount_mismatch') {
      const diff = cmsTotal.minus(bankTotal);
      addDiscrepancy({
        kind: 'amount_mismatch',
        date: c[0]!.date,
        ...ids,
        amount: diff.abs(),
        explanation: `CMS recorded ${cmsWord(c[0]!)} of ${pounds(cmsTotal)} on ${c[0]!.date}, but ${pounds(bankTotal)} ${words.bank} on ${b[0]!.date}: CMS shows ${pounds(diff.abs())} ${diff.gt(0) ? 'more' : 'less'} than was paid.`,
      });
    } else {
      const reason: MatchReason = p.reason;
      const explanation = {
        reference: `The same reference and amount: CMS ${c[0]!.date}, bank ${b[0]!.date}.`,
        exact_amount: `The same amount, ${pounds(cmsTotal)}, ${p.days === 0 ? 'on the same day' : `${p.days} day${p.days === 1 ? '' : 's'} apart`}.`,
        collection_charge:
          side === 'paying'
            ? `${pounds(bankTotal)} paid is CMS's ${pounds(cmsTotal)} plus the ${feeOn(c[0]!.day)}% collection fee.`
            : `${pounds(bankTotal)} received is CMS's ${pounds(cmsTotal)} less the ${feeOn(c[0]!.day)}% collection fee.`,
        combined: `One bank payment of ${pounds(bankTotal)} equals ${c.length} CMS records (${c.map((x) => pounds(x.amount)).join(' + ')}).`,
        split: `${b.length} bank payments (${b.map((x) => pounds(x.amount)).join(' + ')}) make up CMS's one record of ${pounds(cmsTotal)}.`,
      }[reason];
      addMatch({ reason, ...ids, amount: bankTotal, dayDifference: p.days, explanation });
    }
  }
  // What is left on the CMS side: duplicates of another record, or payments with no evidence at all.
  const unmatchedCms = new Set(result.unmatchedCms);
  const byTypeAndAmount = new Map<string, { entry: CmsEntry; item: Item }[]>();
  for (const x of cmsPayments) {
    const k = `${x.entry.type}|${x.entry.pence}`;
    byTypeAndAmount.set(k, [...(byTypeAndAmount.get(k) ?? []), x]);
  }
  for (const i of result.unmatchedCms) {
    const e = cmsPayments[i]!.entry;
    // The twin is another record of the same type and amount within three days: one the bank confirms, or,
    // when neither is confirmed, the one first in canonical order.
    const near = (byTypeAndAmount.get(`${e.type}|${e.pence}`) ?? []).filter(
      (x) => x.item.index !== i && Math.abs(x.entry.day - e.day) <= 3,
    );
    const twin = near.find((x) => !unmatchedCms.has(x.item.index)) ?? near.find((x) => x.item.index < i);
    if (twin) {
      addDiscrepancy({
        kind: 'duplicate_cms_entry',
        date: e.date,
        cmsEntryIds: [e.id, twin.entry.id],
        bankTransactionIds: [],
        amount: e.amount,
        explanation: `CMS recorded ${cmsWord(e)} of ${pounds(e.amount)} on ${e.date} that repeats its record of ${twin.entry.date}; only one such payment ${words.bank}.`,
      });
    } else {
      addDiscrepancy({
        kind: 'cms_payment_without_bank_evidence',
        date: e.date,
        cmsEntryIds: [e.id],
        bankTransactionIds: [],
        amount: e.amount,
        explanation: `CMS recorded ${cmsWord(e)} of ${pounds(e.amount)} on ${e.date}, but ${words.missing} within ${maxDays} days.`,
      });
    }
  }
  // Without a filter, an unmatched transaction still counts when it looks like a maintenance payment: the same
  // reference as a CMS record; the same amount (or the amount with the fee) as one within the window; or the
  // same amount as one as far off as the matcher pairs them (maxDays) and the same description as a payment
  // that matched (the same standing order or payee). The last keeps a payment counting when a newly added
  // payment takes the CMS record it was paired with, while a shop of the same amount a month away stays out.
  const cmsByAmount = new Map<number, number[]>();
  const cmsReferences = new Set<string>();
  for (const { item } of cmsPayments) {
    const values = [item.pence, chargeAdjusted?.(item)].filter((v): v is number => v !== undefined);
    for (const v of values) cmsByAmount.set(v, [...(cmsByAmount.get(v) ?? []), item.day]);
    if (item.reference) cmsReferences.add(`${item.kind}|${item.reference}`);
  }
  const payee = (i: number): string => {
    const { txn, item } = bankPayments[i]!;
    const description = txn.description.trim().toLowerCase();
    return description === '' ? '' : `${item.kind}|${description}`;
  };
  const unmatched = new Set(result.unmatchedBank);
  const matchedPayees = new Set(bankPayments.map((_, i) => (unmatched.has(i) ? '' : payee(i))).filter(Boolean));
  const amountWithin = (b: Item, days: number): boolean => (cmsByAmount.get(b.pence) ?? []).some((day) => Math.abs(day - b.day) <= days);
  const looksLikeMaintenance = (i: number): boolean => {
    const b = bankPayments[i]!.item;
    return (
      (b.reference !== '' && cmsReferences.has(`${b.kind}|${b.reference}`)) ||
      amountWithin(b, windowDays) ||
      (matchedPayees.has(payee(i)) && amountWithin(b, maxDays))
    );
  };
  const counted = new Uint8Array(bankPayments.length).fill(1);
  for (const i of result.unmatchedBank) {
    const t = bankPayments[i]!.txn;
    if (!filtered && !looksLikeMaintenance(i)) {
      counted[i] = 0;
      ignored.push({ bankTransactionId: t.id, reason: 'not_a_maintenance_payment' });
      continue;
    }
    addDiscrepancy({
      kind: 'bank_payment_missing_from_cms',
      date: t.date,
      cmsEntryIds: [],
      bankTransactionIds: [t.id],
      amount: t.amount,
      explanation:
        t.direction === 'in' && side === 'paying'
          ? `${pounds(t.amount)} came back into your account on ${t.date} but CMS records no refund.`
          : `${pounds(t.amount)} ${words.bank} on ${t.date}${t.description ? ` ("${t.description}")` : ''}, but CMS has no record of it.`,
    });
  }

  // Charges, liabilities and adjustments: checked against the schedule and the fee rules, not the bank.
  checkAgainstSchedule(cmsOther, schedule, side, rpId, periodOf, serviceOn, addMatch, addDiscrepancy);

  // The balance, and the period table.
  const bankSigned = (t: BankTransaction): Decimal => {
    if (side === 'paying') return t.direction === 'out' ? t.amount : t.amount.negated();
    // Receiving on Collect and Pay: what arrived is net of the 4% fee; count the maintenance it stands for.
    const pct = feeOn(t.day);
    return pct > 0 ? fromPence(grossFromNet(t.pence, pct)) : t.amount;
  };
  const cmsSigned = (e: CmsEntry): Decimal => (e.type === 'refund' ? e.amount.negated() : e.amount);
  const dueOf = (l: ScheduleLine): Decimal => (side === 'paying' ? l.totalDue : l.receivingParents.find((r) => r.id === rpId)!.maintenance);
  const periodDue = lines.map(dueOf);
  const periodBank = lines.map(() => new Dec(0));
  const periodCms = lines.map(() => new Dec(0));
  const countedBank = bankPayments.filter((_, i) => counted[i]);
  for (const { txn } of countedBank) {
    if (lines.length) periodBank[periodOf(txn.day)] = periodBank[periodOf(txn.day)]!.plus(bankSigned(txn));
  }
  for (const { entry } of cmsPayments)
    if (lines.length) periodCms[periodOf(entry.day)] = periodCms[periodOf(entry.day)]!.plus(cmsSigned(entry));
  const periodAdjustments = lines.map(() => new Dec(0));
  for (const e of cmsOther) {
    if (e.type === 'adjustment' && lines.length) periodAdjustments[periodOf(e.day)] = periodAdjustments[periodOf(e.day)]!.plus(e.amount);
  }
  let runBank = new Dec(0);
  let runCms = new Dec(0);
  const periods: PeriodRow[] = lines.map((l, i) => {
    runBank = runBank.plus(periodDue[i]!).minus(periodBank[i]!).plus(periodAdjustments[i]!);
    runCms = runCms.plus(periodDue[i]!).minus(periodCms[i]!).plus(periodAdjustments[i]!);
    return {
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      due: periodDue[i]!,
      paidPerBank: periodBank[i]!,
      recordedByCms: periodCms[i]!,
      adjustments: periodAdjustments[i]!,
      runningBalancePerBank: runBank,
      runningBalancePerCms: runCms,
    };
  });
  const due = sumOf(periodDue);
  const paidPerBank = sumOf(countedBank.map((x) => bankSigned(x.txn)));
  const recordedByCms = sumOf(cmsPayments.map((x) => cmsSigned(x.entry)));
  const adjustments = sumOf(cmsOther.filter((e) => e.type === 'adjustment').map((e) => e.amount));
  const charges = sumOf(cmsOther.filter((e) => e.type === 'enforcement_charge').map((e) => e.amount));
  const recomputed = roundPenny(due.minus(paidPerBank).plus(adjustments));
  const difference = claimed === undefined ? undefined : claimed.minus(recomputed);
  const position = recomputed.gt(0) ? 'arrears' : recomputed.lt(0) ? 'overpaid' : 'settled';
  if (difference !== undefined && !difference.isZero()) {
    const chargesNote =
      charges.gt(0) && difference.equals(charges)
        ? ` The difference equals the enforcement charges CMS recorded (${pounds(charges)}).`
        : '';
    addDiscrepancy({
      kind: 'balance_mismatch',
      date: asOf,
      cmsEntryIds: [],
      bankTransactionIds: [],
      amount: difference.abs(),
      explanation:
        `CMS says the balance on ${asOf} is ${describeBalance(claimed!)}; worked out from the decisions and the bank statement it is ${describeBalance(recomputed)}. ` +
        `CMS's figure is ${pounds(difference.abs())} too ${difference.gt(0) ? 'high' : 'low'}.` +
        chargesNote,
    });
  }

  trace.add(
    'matching',
    `${matches.length} entries matched and ${discrepancies.length} discrepancies found, matching exact amounts within ${windowDays} days (date errors up to ${maxDays} days)`,
    String(discrepancies.length),
    MATCHING_RULE,
  );
  trace.add(
    'balance',
    `${side === 'paying' ? 'Due (maintenance and collection fees)' : 'Maintenance due to you'} ${pounds(due)} − paid per bank ${pounds(paidPerBank)}` +
      (adjustments.isZero() ? '' : ` + CMS adjustments ${pounds(adjustments)}`) +
      ` = ${describeBalance(recomputed)} on ${asOf}` +
      (claimed === undefined ? '' : `; CMS says ${describeBalance(claimed)}`),
    formatMoney(recomputed),
    LAW.instalments,
  );

  const byKind = Object.fromEntries(DISCREPANCY_KINDS.map((k) => [k, { count: 0, amount: new Dec(0) }])) as Record<
    DiscrepancyKind,
    { count: number; amount: Decimal }
  >;
  for (const d of discrepancies) {
    byKind[d.kind].count++;
    byKind[d.kind].amount = byKind[d.kind].amount.plus(d.amount);
  }
  return {
    side,
    ...(rpId === undefined ? {} : { receivingParentId: rpId }),
    asOf,
    windowDays,
    balance: {
      asOf,
      due,
      paidPerBank,
      recordedByCms,
      adjustments,
      enforcementCharges: charges,
      recomputed,
      ...(claimed === undefined ? {} : { cmsClaimed: claimed, difference: difference! }),
      position,
    },
    counts: {
      cmsEntries: cms.length,
      bankTransactions: bank.length,
      matches: matches.length,
      discrepancies: discrepancies.length,
      ignored: ignored.length,
      byKind,
    },
    matches,
    discrepancies,
    ignored,
    periods,
    schedule,
    warnings,
    trace: trace.steps,
  };
}

function describeBalance(b: Decimal): string {
  return b.gt(0) ? `${pounds(b)} owed by the paying parent` : b.lt(0) ? `${pounds(b.abs())} overpaid` : 'nothing owed';
}

/**
 * Liability lines and fees against the schedule, period by period; enforcement charges against the legal
 * table; adjustments taken as recorded. Every entry ends in a match or a discrepancy.
 */
function checkAgainstSchedule(
  entries: readonly CmsEntry[],
  schedule: Schedule,
  side: Side,
  rpId: string | undefined,
  periodOf: (day: number) => number,
  serviceOn: (day: number) => string,
  addMatch: (m: Omit<Match, 'id'>) => void,
  addDiscrepancy: (d: Omit<Discrepancy, 'id'>) => void,
): void {
  const lines = schedule.lines;
  const first = lines[0];
  const last = lines[lines.length - 1];
  const inSchedule = (e: CmsEntry) =>
    first &&
    last &&
    compareDates(e.date, first.periodStart) >= 0 &&
    compareDates(e.date, last.periodEnd) <= 0 &&
    (!schedule.liabilityEnd || compareDates(e.date, schedule.liabilityEnd) < 0);
  const expected = (l: ScheduleLine, type: 'liability' | 'collection_fee'): Decimal => {
    if (type === 'liability') return side === 'paying' ? l.maintenance : l.receivingParents.find((r) => r.id === rpId)!.maintenance;
    return side === 'paying' ? l.collectionFee : l.receivingParents.find((r) => r.id === rpId)!.fee;
  };

  for (const type of ['liability', 'collection_fee'] as const) {
    const list = entries.filter((e) => e.type === type);
    const byPeriod = new Map<number, CmsEntry[]>();
    for (const e of list) {
      if (!inSchedule(e)) {
        addDiscrepancy({
          kind: type === 'liability' ? 'liability_mismatch' : 'charge_mismatch',
          date: e.date,
          cmsEntryIds: [e.id],
          bankTransactionIds: [],
          amount: e.amount,
          explanation:
            `CMS charged ${pounds(e.amount)} ${type === 'liability' ? 'maintenance' : 'in collection fees'} on ${e.date}, ` +
            (schedule.liabilityEnd && compareDates(e.date, schedule.liabilityEnd) >= 0
              ? `after the case ended on ${schedule.liabilityEnd}, when nothing was due.`
              : `outside any period in which the decisions made anything due.`),
        });
        continue;
      }
      const p = periodOf(e.day);
      byPeriod.set(p, [...(byPeriod.get(p) ?? []), e]);
    }
    for (const [p, group] of [...byPeriod.entries()].sort((a, b) => a[0] - b[0])) {
      const line = lines[p]!;
      const want = expected(line, type);
      const got = sumOf(group.map((e) => e.amount));
      const ids = group.map((e) => e.id);
      if (got.equals(want)) {
        addMatch({
          reason: 'schedule_agrees',
          cmsEntryIds: ids,
          bankTransactionIds: [],
          amount: got,
          dayDifference: 0,
          explanation: `CMS's ${type === 'liability' ? 'charge' : 'fee'} of ${pounds(got)} for ${line.periodStart} to ${line.periodEnd} agrees with the schedule.`,
        });
        continue;
      }
      // One entry too many that repeats another exactly: a duplicate, and the rest agree.
      const dupIndex = group.findIndex((e, k) => group.some((f, j) => j < k && f.pence === e.pence) && got.minus(e.amount).equals(want));
      const dup = dupIndex >= 0 ? group[dupIndex]! : undefined;
      const original = dup ? group.find((f, j) => j < dupIndex && f.pence === dup.pence)! : undefined;
      if (dup) {
        const rest = group.filter((e) => e !== dup);
        addMatch({
          reason: 'schedule_agrees',
          cmsEntryIds: rest.map((e) => e.id),
          bankTransactionIds: [],
          amount: want,
          dayDifference: 0,
          explanation: `CMS's ${type === 'liability' ? 'charge' : 'fee'} of ${pounds(want)} for ${line.periodStart} to ${line.periodEnd} agrees with the schedule.`,
        });
        addDiscrepancy({
          kind: 'duplicate_cms_entry',
          date: dup.date,
          cmsEntryIds: [dup.id, original!.id],
          bankTransactionIds: [],
          amount: dup.amount,
          explanation: `CMS charged ${pounds(dup.amount)} ${type === 'liability' ? 'maintenance' : 'in fees'} twice for ${line.periodStart} to ${line.periodEnd}; it was due once.`,
        });
        continue;
      }
      const diff = got.minus(want);
      const isFee = type === 'collection_fee';
      addDiscrepancy({
        kind: isFee ? 'charge_mismatch' : 'liability_mismatch',
        date: group[0]!.date,
        cmsEntryIds: ids,
        bankTransactionIds: [],
        amount: diff.abs(),
        explanation:
          isFee && line.service === 'direct_pay'
            ? `CMS charged ${pounds(got)} in collection fees for ${line.periodStart} to ${line.periodEnd}, but the case was on Direct Pay, which has no collection fees.`
            : `CMS charged ${pounds(got)} ${isFee ? 'in collection fees' : ''} for ${line.periodStart} to ${line.periodEnd}; the decisions make ${pounds(want)} due, ${pounds(diff.abs())} ${diff.gt(0) ? 'less' : 'more'}.`.replace(
                '  ',
                ' ',
              ),
      });
    }
  }

  for (const e of entries) {
    if (e.type === 'enforcement_charge') {
      const table = valueOn(enforcementCharges, e.date < '2013-11-25' ? '2013-11-25' : e.date).value;
      const legal = Object.values(table).some((v) => new Dec(v).equals(e.amount));
      const onDirectPay = serviceOn(e.day) === 'direct_pay';
      if (legal && !onDirectPay) {
        addMatch({
          reason: 'charge_agrees',
          cmsEntryIds: [e.id],
          bankTransactionIds: [],
          amount: e.amount,
          dayDifference: 0,
          explanation: `An enforcement charge of ${pounds(e.amount)} is one the Fees Regulations allow (whether the action was justified is not checked here).`,
        });
      } else {
        addDiscrepancy({
          kind: 'charge_mismatch',
          date: e.date,
          cmsEntryIds: [e.id],
          bankTransactionIds: [],
          amount: e.amount,
          explanation: onDirectPay
            ? `CMS recorded an enforcement charge of ${pounds(e.amount)} on ${e.date} while the case was on Direct Pay.`
            : Object.keys(table).length === 0
              ? `CMS recorded an enforcement charge of ${pounds(e.amount)} on ${e.date}, before enforcement charges began on 30 June 2014.`
              : `CMS recorded an enforcement charge of ${pounds(e.amount)} on ${e.date}; the Fees Regulations allow only ${[...new Set(Object.values(table))].map((v) => pounds(new Dec(v))).join(', ')}.`,
        });
      }
    } else if (e.type === 'adjustment') {
      addMatch({
        reason: 'accepted_as_recorded',
        cmsEntryIds: [e.id],
        bankTransactionIds: [],
        amount: e.amount,
        dayDifference: 0,
        explanation: `CMS adjustment of ${pounds(e.amount)} on ${e.date} is taken as recorded; a bank statement can neither confirm nor deny it.`,
      });
    }
  }
}
