/**
 * Stage 1 of reconciliation: read the input and sort every entry into what reconciliation does with it. CMS's
 * lines by class (charges, payments, deductions, reports, adjustments), this case's or another's; the evidence by
 * what it can speak to; and what is set aside (after the date, not visible from this side, not a maintenance
 * payment), each with its reason.
 * @module
 */
import { readParentReports, type ParentReport } from './parent-reports.ts';
import { addDays, isCivilDate, toDayNumber, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { wholeNumber } from '../input.ts';
import {
  normaliseReference,
  readBankTransactions,
  readCmsEntries,
  readEvidence,
  type BankTransaction,
  type CmsEntry,
  type CmsEntryType,
  type Evidence,
} from '../ledger/entries.ts';
import { parsePence, poundsOfPence } from '../money.ts';
import type { PlanEvent } from '../schedule/plan.ts';
import { buildSchedule, type Schedule } from '../schedule/build.ts';
import { catchUpAfterPayments, catchUpAfterSchedule, catchUpRestWarning } from './cms-plan.ts';
import { feeRules, type FeeRules } from './credits.ts';
import { RECEIPT_TYPES } from './held.ts';
import { search } from './periods.ts';
import { BASES, SIDES, type Basis, type Ignored, type ReconcileInput, type Side } from './types.ts';

/** A claim's figures in whole pence. */
export interface Claim {
  readonly date: CivilDate;
  readonly total?: number;
  readonly maintenance?: number;
  readonly collectionFees?: number;
  readonly enforcementCharges?: number;
}

/** A payment on the evidence side: a bank transaction or a declared payment. */
export type PaidItem = { readonly source: 'bank'; readonly row: BankTransaction } | { readonly source: 'declared'; readonly row: Evidence };

export interface Books {
  readonly side: Side;
  readonly basis: Basis;
  readonly receivingParentId?: string;
  /** Index of that receiving parent in the schedule (paying side: -1). */
  readonly rpIndex: number;
  readonly asOf: CivilDate;
  readonly asOfDay: number;
  readonly windowDays: number;
  readonly maxDays: number;
  readonly schedule: Schedule;
  readonly fees: FeeRules;
  readonly claim?: Claim;
  /** True when the user said which bank transactions are maintenance (a filter, or all of them). */
  readonly filtered: boolean;
  /** The other parent's names (input.otherParentNames): a payment naming them is maintenance without a filter. */
  readonly otherParentNames: readonly string[];
  /** This case's CMS reference, as normaliseReference writes it ('' when none was given). */
  readonly thisCase: string;
  readonly counts: { readonly cms: number; readonly bank: number; readonly evidence: number };
  /**
   * Whether any line of CMS's own account was given (its statement of account, or lines typed from it): a payment
   * schedule says what falls due, not what CMS received, so without its account nothing shows what CMS recorded.
   */
  readonly cmsAccountGiven: boolean;

  /** This case's CMS entries, to the date, that this side can speak to, by class. */
  readonly payments: readonly CmsEntry[];
  readonly deductions: readonly CmsEntry[];
  readonly liabilities: readonly CmsEntry[];
  readonly collectionFees: readonly CmsEntry[];
  readonly enforcementCharges: readonly CmsEntry[];
  readonly reports: readonly CmsEntry[];
  /** The parent's own reports of missed Direct Pay payments, to the date (parent-reports.ts). */
  readonly parentReports: readonly ParentReport[];
  readonly adjustments: readonly CmsEntry[];
  /** Arrears brought forward (opening_balance) and written off (write_off), as CMS recorded them. */
  readonly openings: readonly CmsEntry[];
  /**
   * A balance CMS brings forward from inside the case's history (broughtForwardOf): its day, and its lines (one, or a
   * part for each creditor). Its lines are not in `openings`; CMS's lines before its day are set aside as in it.
   */
  readonly broughtForward?: BroughtForwardLines;
  readonly writeOffs: readonly CmsEntry[];
  /** Payments CMS recorded on another of the parent's cases: where a missing payment may have gone. */
  readonly otherCase: readonly CmsEntry[];
  /**
   * Receiving side: what CMS recorded receiving from the paying parent on this case (set aside as not hers to match,
   * but what CMS's figure may count as paid before it reaches her: held.ts).
   */
  readonly receipts: readonly CmsEntry[];
  /**
   * This case's records of payment dated after the reconciliation date (set aside as after it): where a payment made
   * just before the date went (direct-pay.ts: recorded after it, so on its way, not missing).
   */
  readonly recordedAfter: readonly CmsEntry[];
  /** Bank payments dated after the reconciliation date (set aside as after it), the way a maintenance payment goes. */
  readonly paidAfter: readonly BankTransaction[];
  /** This case's payment schedule lines that carry a status (paid, missed …), to the date, set aside or not. */
  readonly scheduleMarks: readonly CmsEntry[];
  /**
   * What the payment plan makes due in the `windowDays` after the date: a payment made before the date within the
   * window of one of these is paid ahead of it (balances.ts), not an overpayment.
   */
  readonly dueSoonAfter: readonly PlanEvent[];

  /** Bank transactions that may be maintenance payments (the filter passed, the right direction), and declared payments. */
  readonly paid: readonly PaidItem[];
  /** Payments whose reference names another of the parent's cases. */
  readonly paidForOtherCase: readonly PaidItem[];
  /** Payslip and benefit deductions. */
  readonly deductionEvidence: readonly Evidence[];

  readonly ignored: Ignored[];
  readonly warnings: string[];
  /** Of those, what the reading says about the schedule's payment plan (a catch-up deferred or left over). */
  readonly planWarnings: readonly string[];
}

/** A balance CMS brings forward on `day`: its account before that day in one figure. */
export interface BroughtForwardLines {
  readonly day: number;
  readonly date: CivilDate;
  readonly entries: readonly CmsEntry[];
}

/**
 * The balance CMS brings forward from inside the case's history: this case's `opening_balance` lines (on this side,
 * to the date) dated after the decisions start, unless on the day of a stated opening balance (then they are CMS's
 * record of that, compared with it: historic.ts). A statement that starts after the decisions do prints one as its
 * first line, "Balance brought forward": CMS's whole account before its first day. An opening balance on or before
 * the first decision's day is arrears carried in from before them (historic.ts), as before.
 */
function broughtForwardOf(
  cms: readonly CmsEntry[],
  schedule: Schedule,
  side: Side,
  asOfDay: number,
  onThisCase: (e: CmsEntry) => boolean,
): BroughtForwardLines | undefined {
  const start = toDayNumber(schedule.liabilityStart);
  const stated = schedule.historic?.openingBalance?.date;
  const lines = cms.filter(
    (e) =>
      e.type === 'opening_balance' &&
      e.repeats === undefined &&
      e.day > start &&
      e.day <= asOfDay &&
      e.date !== stated &&
      onThisCase(e) &&
      !(side === 'receiving' && e.creditor === 'secretary_of_state'),
  );
  if (lines.length === 0) return undefined;
  const days = [...new Set(lines.map((e) => e.date))].sort();
  // Two statements' balances brought forward: the later is the earlier one's closing balance, whose lines the earlier
  // statement holds; both counted, the periods between them would be counted twice.
  if (days.length > 1) {
    throw new InputError(
      'cmsEntries',
      `give one balance brought forward: opening_balance lines on ${days.join(' and ')} are both after the decisions start (${schedule.liabilityStart}); keep the earliest statement's, with the lines after it`,
    );
  }
  return { day: lines[0]!.day, date: lines[0]!.date, entries: lines };
}

/** Which CMS entries each side can speak to: the paying parent's own payments; what reached the receiving parent. */
const VISIBLE: Record<Side, ReadonlySet<CmsEntryType>> = {
  paying: new Set(['payment_received', 'deo_receipt', 'benefit_deduction_receipt', 'direct_payment', 'voluntary_payment', 'refund']),
  receiving: new Set(['payment_passed_on', 'direct_payment']),
};

function claimPence(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parsePence(value as string);
  } catch (e) {
    throw new InputError(field, (e as Error).message);
  }
}

/**
 * A balance given with a part that does not make it up, where nothing can: the bridge puts the rest of a total to a
 * part CMS did not give, and with no collection fees on the case (Direct Pay throughout) or on the receiving side
 * (owed maintenance only) that part would be invented (an MCP audit: "£50.00 more in collection fees" on Direct Pay).
 */
function checkClaimParts(claim: Claim | undefined, side: Side, schedule: Schedule): void {
  if (claim?.total === undefined || claim.maintenance === undefined || claim.total === claim.maintenance) return;
  if (claim.collectionFees !== undefined || claim.enforcementCharges !== undefined) return;
  const words = `is ${poundsOfPence(claim.maintenance)} but cmsClaim.balance is ${poundsOfPence(claim.total)}`;
  if (side === 'receiving') {
    throw new InputError(
      'cmsClaim.maintenance',
      `${words}: a receiving parent is owed maintenance only, so the two are one figure; give one of them`,
    );
  }
  if (!schedule.lines.some((l) => l.collectionFee.gt(0))) {
    throw new InputError(
      'cmsClaim.maintenance',
      `${words}: the case is on Direct Pay throughout, with no collection fees to make up the rest; give the balance alone, or each part as CMS states it (enforcementCharges, if it charged any)`,
    );
  }
}

function readClaim(input: ReconcileInput, side: Side): Claim | undefined {
  const c = input.cmsClaim;
  if (c === undefined) return undefined;
  if (typeof c.date !== 'string' || !isCivilDate(c.date)) {
    throw new InputError('cmsClaim.date', `must be a real date written YYYY-MM-DD (got ${JSON.stringify(c.date)})`);
  }
  const claim: Claim = {
    date: c.date,
    ...optional('total', claimPence('cmsClaim.balance', c.balance)),
    ...optional('maintenance', claimPence('cmsClaim.maintenance', c.maintenance)),
    ...optional('collectionFees', claimPence('cmsClaim.collectionFees', c.collectionFees)),
    ...optional('enforcementCharges', claimPence('cmsClaim.enforcementCharges', c.enforcementCharges)),
  };
  if (
    claim.total === undefined &&
    claim.maintenance === undefined &&
    claim.collectionFees === undefined &&
    claim.enforcementCharges === undefined
  ) {
    throw new InputError(
      'cmsClaim',
      'give the balance CMS states (balance), or its parts (maintenance, collectionFees, enforcementCharges)',
    );
  }
  if (side === 'receiving' && (claim.collectionFees !== undefined || claim.enforcementCharges !== undefined)) {
    throw new InputError(
      'cmsClaim',
      'a receiving parent is owed maintenance only (collection fees and enforcement charges are owed to the Secretary of State); give balance or maintenance',
    );
  }
  const parts = [claim.maintenance, claim.collectionFees, claim.enforcementCharges];
  if (claim.total === undefined && parts.every((p) => p !== undefined)) {
    return { ...claim, total: parts.reduce((a, b) => a! + b!, 0) };
  }
  if (claim.total !== undefined && parts.every((p) => p !== undefined) && parts.reduce((a, b) => a! + b!, 0) !== claim.total) {
    throw new InputError(
      'cmsClaim.balance',
      'is not the sum of maintenance, collectionFees and enforcementCharges; give the figures as CMS prints them',
    );
  }
  if (side === 'receiving' && claim.total === undefined) return { ...claim, total: claim.maintenance! };
  return claim;
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

/**
 * Reads and checks the whole input, builds the schedule, and sorts every entry.
 *
 * @throws {InputError} for bad input, naming the field.
 */
export function readBooks(input: ReconcileInput): Books {
  if (input === null || typeof input !== 'object') throw new InputError('input', 'must be an object with schedule and side');
  if (!SIDES.includes(input.side)) throw new InputError('side', 'must be "paying" (a paying parent\'s evidence) or "receiving"');
  const side = input.side;
  const claim = readClaim(input, side);
  if (claim !== undefined && input.schedule?.asOf !== undefined && input.schedule.asOf !== claim.date) {
    throw new InputError(
      'cmsClaim.date',
      `is ${claim.date} but schedule.asOf is ${input.schedule.asOf}; the balances are compared on one day, so leave schedule.asOf out (the claim date is used) or make them the same`,
    );
  }
  const asOf = input.schedule?.asOf ?? claim?.date;
  if (asOf === undefined)
    throw new InputError('schedule.asOf', 'give the date to reconcile up to (schedule.asOf), or the date of the CMS claim (cmsClaim.date)');
  const windowDays = input.windowDays === undefined ? 5 : wholeNumber('windowDays', input.windowDays, 31);
  const maxDays = input.maxDateDifferenceDays === undefined ? 62 : wholeNumber('maxDateDifferenceDays', input.maxDateDifferenceDays, 366);
  if (maxDays < windowDays) throw new InputError('maxDateDifferenceDays', `must be at least windowDays (${windowDays})`);
  if (input.schedule === null || typeof input.schedule !== 'object') {
    throw new InputError(
      'schedule.decisions',
      'give at least one decision, each with an effective date and a weekly amount or a calculation',
    );
  }

  let schedule: Schedule;
  try {
    schedule = buildSchedule({ ...input.schedule, asOf });
  } catch (e) {
    if (e instanceof InputError) throw e.within('schedule');
    throw e;
  }

  const rpIds = schedule.totals.receivingParents.map((r) => r.id);
  // Each receiving parent is owed their own share: with several, whose evidence this is cannot be guessed.
  if (side === 'receiving' && input.receivingParentId === undefined && rpIds.length > 1) {
    throw new InputError(
      'receivingParentId',
      `give the id of the receiving parent whose evidence this is (${rpIds.join(' or ')}): the decisions share the maintenance between ${rpIds.length} receiving parents, and each is owed only their own share`,
    );
  }
  const rpId = side === 'receiving' ? (input.receivingParentId ?? rpIds[0]!) : undefined;
  if (rpId !== undefined && !rpIds.includes(rpId)) {
    throw new InputError('receivingParentId', `"${rpId}" is not a receiving parent in the decisions (${rpIds.join(', ')})`);
  }
  const fees = feeRules(schedule, side);
  const feesApply = schedule.lines.some((l) => l.receivingParents.some((r) => r.fee.gt(0)));
  checkClaimParts(claim, side, schedule);
  if (input.cmsClaim?.basis !== undefined && !BASES.includes(input.cmsClaim.basis)) {
    throw new InputError('cmsClaim.basis', `must be one of ${BASES.join(', ')}`);
  }
  if (side === 'paying' && input.cmsClaim?.basis === 'net') {
    throw new InputError(
      'cmsClaim.basis',
      'is for a receiving parent’s figure; a paying parent’s arrears are always gross (leave basis out)',
    );
  }
  if (side === 'receiving' && claim !== undefined && feesApply && input.cmsClaim?.basis === undefined) {
    throw new InputError(
      'cmsClaim.basis',
      'say whether CMS’s figure is gross (the maintenance the paying parent owes you, before CMS’s 4% collection fee) or net (what you are still owed in cash after the 4%); on Collect and Pay the two differ',
    );
  }
  const basis: Basis = side === 'paying' ? 'gross' : (input.cmsClaim?.basis ?? (feesApply ? 'net' : 'gross'));

  const cms = readCmsEntries(input.cmsEntries);
  const bank = readBankTransactions(input.bankTransactions);
  const evidence = readEvidence(input.evidence);
  const asOfDay = toDayNumber(asOf);
  const filters = (input.bankFilter?.descriptionContains ?? []).map((f) => f.toLowerCase()).filter(Boolean);
  const includeAll = input.bankFilter?.includeAll === true;
  if (includeAll && filters.length > 0) throw new InputError('bankFilter', 'give descriptionContains or includeAll, not both');
  const filtered = includeAll || filters.length > 0;
  const warnings: string[] = [];
  const ignored: Ignored[] = [];

  // This case's reference, and those of the parent's other cases that CMS entries name.
  const thisCase = normaliseReference(input.caseReference ?? '');
  const onThisCase = (e: CmsEntry) => thisCase === '' || e.caseReference === '' || e.caseReference === thisCase;
  const otherRefs = thisCase === '' ? [] : [...new Set(cms.map((e) => e.caseReference).filter((r) => r !== '' && r !== thisCase))];
  const namesOtherCase = (reference: string): boolean => {
    const r = normaliseReference(reference);
    return r !== '' && !r.includes(thisCase) && otherRefs.some((o) => r.includes(o) || o.includes(r));
  };

  const broughtForward = broughtForwardOf(cms, schedule, side, asOfDay, onThisCase);
  const feesTaken =
    side === 'receiving' ? feesTakenFromHer(cms, schedule, rpId === undefined ? -1 : rpIds.indexOf(rpId), onThisCase) : new Set<CmsEntry>();
  const inBroughtForward = new Set(broughtForward?.entries ?? []);

  const books = {
    payments: [] as CmsEntry[],
    deductions: [] as CmsEntry[],
    liabilities: [] as CmsEntry[],
    collectionFees: [] as CmsEntry[],
    enforcementCharges: [] as CmsEntry[],
    reports: [] as CmsEntry[],
    adjustments: [] as CmsEntry[],
    openings: [] as CmsEntry[],
    writeOffs: [] as CmsEntry[],
    otherCase: [] as CmsEntry[],
    receipts: [] as CmsEntry[],
    recordedAfter: [] as CmsEntry[],
    paidAfter: [] as BankTransaction[],
    scheduleMarks: [] as CmsEntry[],
    paid: [] as PaidItem[],
    paidForOtherCase: [] as PaidItem[],
    deductionEvidence: [] as Evidence[],
  };
  for (const e of cms) {
    if (e.repeats !== undefined) {
      ignored.push({ cmsEntryId: e.id, reason: 'shown_in_another_document' });
      continue;
    }
    const payment = e.class === 'payment' || e.class === 'deduction' || e.class === 'refund';
    if (e.day > asOfDay) {
      ignored.push({ cmsEntryId: e.id, reason: 'after_as_of' });
      if (payment && e.type !== 'refund' && VISIBLE[side].has(e.type) && onThisCase(e)) books.recordedAfter.push(e);
      continue;
    }
    if (!onThisCase(e)) {
      if (payment && VISIBLE[side].has(e.type)) books.otherCase.push(e);
      else ignored.push({ cmsEntryId: e.id, reason: 'another_case' });
      continue;
    }
    if (inBroughtForward.has(e)) continue;
    // Before the balance brought forward, CMS's account is that one figure: its lines are in it already.
    if (broughtForward && e.day < broughtForward.day) {
      ignored.push({ cmsEntryId: e.id, reason: 'in_balance_brought_forward' });
      continue;
    }
    if (payment && !VISIBLE[side].has(e.type)) {
      if (side === 'receiving' && RECEIPT_TYPES.has(e.type)) books.receipts.push(e);
      ignored.push({ cmsEntryId: e.id, reason: 'not_visible_from_this_side' });
      continue;
    }
    if ((e.type === 'opening_balance' || e.type === 'write_off') && side === 'receiving' && e.creditor === 'secretary_of_state') {
      ignored.push({ cmsEntryId: e.id, reason: 'owed_to_secretary_of_state' });
      continue;
    }
    if (e.type === 'opening_balance') books.openings.push(e);
    else if (e.type === 'write_off') books.writeOffs.push(e);
    else if (e.class === 'deduction') books.deductions.push(e);
    else if (payment) books.payments.push(e);
    else if (e.class === 'report') books.reports.push(e);
    else if (e.class === 'adjustment') books.adjustments.push(e);
    else if (e.type === 'liability') {
      books.liabilities.push(e);
      if (e.fromSchedule && e.status !== undefined) books.scheduleMarks.push(e);
    } else if (e.type === 'collection_fee') {
      if (side === 'receiving' && isPayingParentsFee(e, schedule) && !feesTaken.has(e))
        ignored.push({ cmsEntryId: e.id, reason: 'paying_parents_fee' });
      else books.collectionFees.push(e);
    } else books.enforcementCharges.push(e);
  }

  setAsideScheduleLines(books.liabilities, schedule, ignored);
  setAsideScheduleLines(books.collectionFees, schedule, ignored);
  // Without CMS's timetable, a schedule whose instalments collect none of an initial or backdated amount defers it.
  const rpIndex = rpId === undefined ? -1 : rpIds.indexOf(rpId);
  let catchUpFrom: CivilDate | undefined;
  const deferred = input.schedule.paymentPlan ? undefined : catchUpAfterSchedule(schedule, books.liabilities, side, rpIndex);
  const planWarnings: string[] = [];
  if (deferred) {
    catchUpFrom = deferred.from;
    schedule = buildSchedule({ ...input.schedule, asOf }, { catchUpFrom });
    planWarnings.push(deferred.warning);
  }
  const rest = catchUpRestWarning(schedule);
  if (rest) planWarnings.push(rest);
  warnings.push(...planWarnings);

  for (const t of bank) {
    const relevantDirection = side === 'paying' || t.direction === 'in';
    if (t.repeats !== undefined) ignored.push({ bankTransactionId: t.id, reason: 'shown_in_another_document' });
    else if (t.day > asOfDay) {
      ignored.push({ bankTransactionId: t.id, reason: 'after_as_of' });
      // A payment after the date that a record after it may be for (direct-pay.ts: then not one on its way).
      if (relevantDirection && (side === 'paying' ? t.direction === 'out' : true)) books.paidAfter.push(t);
    } else if (!relevantDirection) ignored.push({ bankTransactionId: t.id, reason: 'not_a_maintenance_payment' });
    else if (filters.length > 0 && !filters.some((f) => t.description.toLowerCase().includes(f) || t.reference.toLowerCase().includes(f))) {
      ignored.push({ bankTransactionId: t.id, reason: 'not_a_maintenance_payment' });
    } else if (otherRefs.length > 0 && namesOtherCase(t.reference || t.description)) {
      books.paidForOtherCase.push({ source: 'bank', row: t });
    } else books.paid.push({ source: 'bank', row: t });
  }
  for (const v of evidence) {
    if (v.type !== 'declared_payment' && side === 'receiving') {
      throw new InputError(
        `evidence[${evidence.indexOf(v)}].type`,
        `${v.type} is evidence of what the paying parent paid; a receiving parent’s evidence is what reached them (bank transactions, or declared_payment)`,
      );
    }
    if (v.day > asOfDay) ignored.push({ evidenceId: v.id, reason: 'after_as_of' });
    else if (v.type !== 'declared_payment') books.deductionEvidence.push(v);
    else if (otherRefs.length > 0 && namesOtherCase(v.reference)) books.paidForOtherCase.push({ source: 'declared', row: v });
    else books.paid.push({ source: 'declared', row: v });
  }
  // On Direct Pay, without CMS's timetable, payments of the ongoing instalment alone defer it the same way.
  if (!input.schedule.paymentPlan && !deferred) {
    const paidRows = books.paid.filter((i) => !(i.source === 'bank' && side === 'paying' && i.row.direction === 'in'));
    const fromPayments = catchUpAfterPayments(
      schedule,
      paidRows.map((i) => i.row),
      books.reports,
      side,
      rpIndex,
      windowDays,
      asOfDay,
    );
    if (fromPayments) {
      catchUpFrom = fromPayments.from;
      schedule = buildSchedule({ ...input.schedule, asOf }, { catchUpFrom });
      planWarnings.push(fromPayments.warning);
      warnings.push(fromPayments.warning);
    }
  }
  if (!filtered && bank.length > 0) {
    warnings.push(
      'No bankFilter was given, so only bank transactions that match a CMS record, or look like a maintenance payment, were counted: the same reference as a CMS record; the amount of a CMS record or of an instalment near its date; a description that names the other parent or child maintenance; a payee that at least two such payments, and at least half of its payments, went to (all its payments then count); or, with the same description as a payment that matched, the amount of a CMS record, or near its date the sum of two or three CMS records, or a CMS record’s amount together with one or two other payments. ' +
        'To be sure of finding every payment, give bankFilter.descriptionContains (e.g. the payee name or "CMS"), or bankFilter.includeAll if every transaction given is a maintenance payment.',
    );
  }

  // Only where a payment was made near enough the date to be one made ahead of an instalment due after it.
  const dueSoonAfter = [...books.paid, ...books.deductionEvidence.map((v) => ({ row: v }))].some((i) => i.row.day > asOfDay - windowDays)
    ? planDueWithin(input.schedule, asOf, windowDays, catchUpFrom)
    : [];

  return {
    side,
    basis,
    ...(rpId === undefined ? {} : { receivingParentId: rpId }),
    dueSoonAfter,
    rpIndex,
    asOf,
    asOfDay,
    windowDays,
    maxDays,
    schedule,
    fees,
    ...(claim ? { claim } : {}),
    filtered,
    otherParentNames: (input.otherParentNames ?? []).filter((n) => typeof n === 'string' && n.trim() !== ''),
    thisCase,
    counts: { cms: cms.length, bank: bank.length, evidence: evidence.length },
    ...(broughtForward ? { broughtForward } : {}),
    cmsAccountGiven: cms.some((e) => !e.fromSchedule),
    parentReports: readParentReports(input.missedPaymentReports, asOfDay),
    ...books,
    ignored,
    warnings,
    planWarnings,
  };
}

/**
 * The instalments the payment plan makes due in the `days` after `asOf` for periods that begin after it, as the
 * schedule built to then has it (the same decisions, and the same start of any catch-up). None where that schedule
 * cannot be built.
 */
function planDueWithin(input: ReconcileInput['schedule'], asOf: CivilDate, days: number, catchUpFrom: CivilDate | undefined): PlanEvent[] {
  if (days === 0) return [];
  const asOfDay = toDayNumber(asOf);
  try {
    const later = buildSchedule({ ...input, asOf: addDays(asOf, days) }, catchUpFrom === undefined ? {} : { catchUpFrom });
    // Only instalments for periods that begin after the date: what a period already begun makes due has accrued, and
    // is counted as such; a catch-up instalment collects what has accrued too.
    return later.plan.events.filter((e) => e.day > asOfDay && e.kind === 'ongoing' && later.lines[e.line!]!.periodStart > asOf);
  } catch {
    return [];
  }
}

/**
 * Whether a collection fee line is the paying parent's fee for the period its date falls in (the schedule's 20% on the
 * maintenance) rather than the receiving parent's 4%: a ledger typed from a subject access request holds both, and
 * judged as the receiving parent's, the paying parent's would read as an overcharge of her (an MCP audit: seven
 * "wrong collection fees" of £83.20, each a correct £104.00 on £520.00). Not where it was taken from her
 * ({@link feesTakenFromHer}): that is her fee at the wrong amount.
 */
function isPayingParentsFee(e: CmsEntry, schedule: Schedule): boolean {
  const line = schedule.lines.find((l) => l.periodStart <= e.date && e.date <= l.periodEnd);
  if (!line || line.collectionFee.isZero()) return false;
  const payers = Math.round(line.collectionFee.toNumber() * 100);
  const receivers = line.receivingParents.map((rp) => Math.round(rp.fee.toNumber() * 100));
  return e.pence === payers && !receivers.includes(e.pence);
}

/**
 * The receiving parent's fee lines that were taken from her whatever their amount: those beside which CMS passed on, in
 * the same period, the maintenance less that fee (what CMS charged for the period, or what the decisions make hers).
 * A fee line the size of the paying parent's 20% is then hers, charged at the wrong rate, not his shown for
 * information (isPayingParentsFee): before (journey probe, story 1b), a £52.00 fee with £208.00 passed on of £260.00
 * was set aside as his, and the bridge said "1 difference the entries do not explain: -£41.60".
 */
function feesTakenFromHer(
  cms: readonly CmsEntry[],
  schedule: Schedule,
  rpIndex: number,
  onThisCase: (e: CmsEntry) => boolean,
): ReadonlySet<CmsEntry> {
  const lines = schedule.lines;
  const periodOf = (date: CivilDate) => lines.findIndex((l) => l.periodStart <= date && date <= l.periodEnd);
  const counted = cms.filter((e) => e.repeats === undefined && onThisCase(e));
  const charged = new Map<number, number>();
  const passedOn = new Map<number, number[]>();
  for (const e of counted) {
    const p = periodOf(e.date);
    if (p < 0) continue;
    if (e.type === 'liability' && !e.fromSchedule) charged.set(p, (charged.get(p) ?? 0) + e.pence);
    if (e.type === 'payment_passed_on') passedOn.set(p, [...(passedOn.get(p) ?? []), e.pence]);
  }
  const taken = new Set<CmsEntry>();
  for (const e of counted) {
    if (e.type !== 'collection_fee') continue;
    const p = periodOf(e.date);
    if (p < 0) continue;
    const hers = lines[p]!.receivingParents[Math.max(rpIndex, 0)];
    const maintenance = [charged.get(p), hers ? Math.round(hers.maintenance.toNumber() * 100) : undefined];
    if ((passedOn.get(p) ?? []).some((x) => maintenance.includes(x + e.pence))) taken.add(e);
  }
  return taken;
}

/**
 * A payment schedule says what falls due; the statement of account what CMS charged. Where the account has lines of
 * a kind, it is CMS's record of what it charged from the schedule period of its first such line to that of its last:
 * a payment schedule's line dated in that span is the same charge again (the account may date a charge a few days
 * from the schedule's due date, so the span is whole periods). A schedule line repeating one already kept (the same
 * period and amount) is one instalment listed by two schedules. Both are set aside with their reason, so neither
 * reads as CMS charging twice; schedule lines outside the account's span are CMS's charges there. `entries` are of
 * one kind (liabilities, or collection fees), in canonical order, and are filtered in place.
 */
function setAsideScheduleLines(entries: CmsEntry[], schedule: Schedule, ignored: Ignored[]): void {
  if (!entries.some((e) => e.fromSchedule)) return;
  const starts = schedule.lines.map((l) => toDayNumber(l.periodStart));
  const ends = schedule.lines.map((l) => toDayNumber(l.periodEnd));
  // The schedule period a day falls in (the periods follow each other), or the day alone outside the schedule.
  const periodOf = (day: number): { start: number; end: number } => {
    if (starts.length === 0 || day < starts[0]! || day > ends.at(-1)!) return { start: day, end: day };
    const p = search(starts, day);
    return { start: starts[p]!, end: ends[p]! };
  };
  const account = entries.filter((e) => !e.fromSchedule);
  const span = account.length > 0 ? { from: periodOf(account[0]!.day).start, to: periodOf(account.at(-1)!.day).end } : undefined;
  const listed = new Set<string>();
  const kept = entries.filter((e) => {
    if (!e.fromSchedule) return true;
    if (span && span.from <= e.day && e.day <= span.to) {
      ignored.push({ cmsEntryId: e.id, reason: 'schedule_line_already_charged' });
      return false;
    }
    const key = `${periodOf(e.day).start}:${e.pence}`;
    if (listed.has(key)) {
      ignored.push({ cmsEntryId: e.id, reason: 'schedule_line_listed_twice' });
      return false;
    }
    listed.add(key);
    return true;
  });
  entries.splice(0, entries.length, ...kept);
}
