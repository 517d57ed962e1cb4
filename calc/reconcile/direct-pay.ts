/**
 * Stage 3 of reconciliation: Direct Pay as CMS runs it. The parents pay each other and CMS records no payments; it
 * learns of a problem only when a missed or short payment is reported, and its arrears arise from those reports
 * (GOV.UK "Child maintenance: how to pay"; cms-accounts.md §1). So a payment the evidence shows with no CMS record
 * is normal here, and what is checked is each report against the evidence:
 *
 * - each instalment is set against the payments made for it (from `windowDays` before its due date to just before
 *   the next one's), with any earlier surplus carried forward (a payment in advance);
 * - an instalment paid in full that was reported missed, or a report larger than the shortfall, is
 *   `reported_missed_but_paid`;
 * - a shortfall nobody reported is `missed_payment_not_reported`, unless a later surplus makes it good (a late
 *   payment: CMS's figure and the evidence then agree); one the parent reported that CMS did not record (her own
 *   reports, parent-reports.ts) is `missed_payment_report_not_recorded`, CMS's error;
 * - a surplus makes up shortfalls nobody reported (a late payment), then carries forward; but where it would make
 *   good a later instalment that a report says was short while an earlier report still stands, it is a catch-up of
 *   that earlier report's arrears (`extra_payment_not_credited`: CMS's figure still counts that report); a surplus
 *   left at the end — money paid beyond the instalments, such as a catch-up after a reported missed payment — is
 *   `extra_payment_not_credited` too.
 *
 * Where CMS does list Direct Pay payments (an arrears breakdown with "Direct Pay payment" lines and no reports), it
 * is taken to keep a full record, and those lines are checked like any other record of payment (stage 2).
 * The findings add up to the reports plus the payments less the instalments, exactly (see the tests).
 * @module
 */
import { dateInWords } from '../dates.ts';
import type { CmsEntry } from '../ledger/entries.ts';
import { fromPence, poundsOfPence } from '../money.ts';
import type { Credit } from './credits.ts';
import { instalmentsDue } from './explain.ts';
import { accountsOf, NO_EFFECT, type FindingDraft, type MatchDraft } from './draft.ts';
import { search, type Periods } from './periods.ts';
import type { ParentReport } from './parent-reports.ts';
import type { Books, PaidItem } from './read.ts';
import { takeOldestFirst } from './oldest-first.ts';

export interface DirectPayResult {
  readonly findings: FindingDraft[];
  readonly matches: MatchDraft[];
  /** Per period: reports-mode Direct Pay, the reports in it, and what CMS took as due (its instalment as it charges it). */
  readonly reportsMode: readonly boolean[];
  readonly reported: readonly number[];
  readonly cmsDue: readonly number[];
  /** Per period in reports mode: whether the payments made for it (with any paid in advance) covered what was due. */
  readonly paidInFull: readonly boolean[];
  /** Reports outside Direct Pay time, taken as recorded. */
  readonly acceptedReports: readonly CmsEntry[];
  /**
   * Per period in reports mode: what of its instalment is still unpaid at the date, once every payment is set against
   * the instalments as the findings are (a payment up to `windowDays` early counts for its instalment, a payment in
   * advance carries forward, a later surplus makes good a shortfall), of the instalment the decisions make due. Their
   * total less any surplus left over is what was due less what was paid in those periods: the arrears, instalment by
   * instalment.
   */
  readonly unpaid: readonly number[];
  /**
   * Per period in reports mode left short: the payment in advance (surplus carried from earlier periods) set against its
   * instalment before it was found short, all of it (shortfalls.ts ShortInstalment.fromPaidAhead). Pence.
   */
  readonly fromAhead: readonly number[];
}

/** The reports of a period as a finding's facts give CMS's entries (their dates say whether a payment came after). */
const reportFacts = (reports: readonly CmsEntry[]) => reports.map((e) => ({ type: e.type, date: e.date, amount: fromPence(e.pence) }));

export function reconcileDirectPay(
  books: Books,
  periods: Periods,
  unrecorded: readonly PaidItem[],
  creditOf: ReadonlyMap<PaidItem, Credit>,
  liabilityDifference: readonly number[],
  cmsFee: readonly (number | undefined)[],
  keepsFullRecord: boolean,
  /** How many days after the evidence CMS dates its records, as a rule (match.ts recordingLag). */
  lag = 0,
): DirectPayResult {
  const findings: FindingDraft[] = [];
  const matches: MatchDraft[] = [];
  const lines = books.schedule.lines;
  const n = periods.count;
  const reportsMode = lines.map((l) => !keepsFullRecord && l.service === 'direct_pay');
  const slotItems: PaidItem[][] = Array.from({ length: n }, () => []);
  const slotReports: CmsEntry[][] = Array.from({ length: n }, () => []);
  const acceptedReports: CmsEntry[] = [];
  const credit = (i: PaidItem) => {
    const c = creditOf.get(i)!;
    return c.maintenance + c.fees;
  };

  // Without any line of CMS's account, a payment with no CMS record is one nobody has checked, not one CMS lacks.
  const unchecked: PaidItem[] = [];
  const recent: PaidItem[] = [];
  // A payment made just before the date that CMS recorded after it (the same amount, within the matching window of
  // where CMS's lag puts its record) is on its way: CMS's figure at the date does not include it yet, and is not wrong
  // about it. A record that a payment made after the date, and no later than the record, is as near to may be that
  // one's: not taken. (A payment made after the record cannot be what it records.)
  const laterRecords = [...books.recordedAfter];
  const from = (e: CmsEntry, day: number) => Math.abs(e.day - lag - day);
  const recordedLater = (item: PaidItem): CmsEntry | undefined => {
    const i = laterRecords.findIndex(
      (e) =>
        e.pence === item.row.pence &&
        e.day >= item.row.day &&
        from(e, item.row.day) <= books.windowDays &&
        !books.paidAfter.some((t) => t.pence === e.pence && t.day <= e.day && from(e, t.day) <= from(e, item.row.day)),
    );
    return i < 0 ? undefined : laterRecords.splice(i, 1)[0];
  };
  for (const item of unrecorded) {
    const p = periods.slotOf(item.row.day);
    // A payment made once the case is on Collect and Pay (in a period that began on Direct Pay) is a payment to CMS,
    // counted with its fee as such (credits.ts), not a direct payment of the Direct Pay instalment.
    if (n > 0 && reportsMode[p] && books.fees.serviceOn(item.row.day) === 'direct_pay') slotItems[p]!.push(item);
    else {
      const c = creditOf.get(item)!;
      const refund = item.source === 'bank' && books.side === 'paying' && item.row.direction === 'in';
      const later = books.cmsAccountGiven && !refund ? recordedLater(item) : undefined;
      // Paid to CMS in the matching window before the date, with none of CMS's records after the date given: CMS may not
      // have recorded it by then, and nothing given shows whether it has since. Not checked, rather than missing. (On the
      // receiving side CMS records passing a payment on before it reaches her: one that has arrived is not too recent.)
      const tooRecent =
        books.side === 'paying' &&
        books.cmsAccountGiven &&
        !refund &&
        !later &&
        books.recordedAfter.length === 0 &&
        item.row.day > books.asOfDay - books.windowDays;
      if (!books.cmsAccountGiven) unchecked.push(item);
      if (tooRecent) recent.push(item);
      findings.push({
        kind: later ? 'payment_in_transit' : 'payment_missing_from_cms',
        date: item.row.date,
        amount: item.row.pence,
        effect: { ...NO_EFFECT, maintenance: c.maintenance, fees: c.fees },
        cms: [],
        ...accountsOf([item]),
        facts: later
          ? { cms: [{ type: later.type, date: later.date, amount: fromPence(later.pence) }] }
          : !books.cmsAccountGiven
            ? { reason: 'no_cms_record_given' }
            : tooRecent
              ? { reason: 'too_recent_to_check' }
              : refund
                ? { reason: 'refund' }
                : {},
      });
    }
  }
  if (unchecked.length > 0) {
    const total = unchecked.reduce((a, i) => a + i.row.pence, 0);
    const record = books.side === 'paying' ? 'the payments it received' : 'the payments it passed on';
    books.warnings.push(
      `No line of CMS’s statement of account (its record of ${record}) was given, so the ${unchecked.length === 1 ? 'payment' : `${unchecked.length} payments`} the evidence shows (${poundsOfPence(total)}) cannot be checked against it: ${unchecked.length === 1 ? 'it is' : 'they are'} listed as payments CMS has no record of in what was given, not as payments CMS failed to record. ` +
        'Give CMS’s statement of account (parse_statement or import_document reads it) to check them; a letter drafted before then asks CMS to confirm them.',
    );
  }
  if (recent.length > 0) {
    const total = recent.reduce((a, i) => a + i.row.pence, 0);
    const n = recent.length;
    books.warnings.push(
      `${n === 1 ? 'A payment' : `${n} payments`} the evidence shows (${poundsOfPence(total)}) ${n === 1 ? 'was' : 'were'} made in the ${books.windowDays} days before the date of CMS’s figure, ${dateInWords(books.asOf)}, and CMS’s statement given records no payment after that date: CMS may not have recorded ${n === 1 ? 'it' : 'them'} by then, so ${n === 1 ? 'it is' : 'they are'} listed as not checked, not as missing from CMS’s record. ` +
        'Give CMS’s entries after that date to check, or reconcile to an earlier date (asOf).',
    );
  }
  for (const r of books.reports) {
    // A missed payment is reported once it was due: the report is of the latest instalment due by its date (a weekly
    // report made three days after a missed Friday is not of the next Friday's, still to come; a probe).
    const p = reportedPeriod(periods, r.day);
    if (n > 0 && reportsMode[p]) slotReports[p]!.push(r);
    else {
      acceptedReports.push(r);
      matches.push({ reason: 'accepted_as_recorded', amount: r.pence, days: 0, cms: [r], bank: [], evidence: [] });
    }
  }
  if (acceptedReports.length > 0) {
    books.warnings.push(
      `${acceptedReports.length} missed-payment ${acceptedReports.length === 1 ? 'report is' : 'reports are'} dated when the case was not on Direct Pay; ${acceptedReports.length === 1 ? 'it is' : 'they are'} taken as CMS recorded ${acceptedReports.length === 1 ? 'it' : 'them'}.`,
    );
  }

  if (reportsMode.some(Boolean) && books.counts.bank === 0 && books.counts.evidence === 0) {
    books.warnings.push(
      'No evidence of payment was given, so on Direct Pay every instalment counts as unpaid. Give the bank statement (bankTransactions) or other evidence of what was paid.',
    );
  }
  const reported = slotReports.map((rs) => rs.reduce((a, r) => a + r.pence, 0));
  // What CMS takes as paid on Direct Pay unless a missed payment is reported: the maintenance. A period the case moved
  // to Collect and Pay in has fees for its days on Collect and Pay too, but those CMS charges on its own account, and a
  // payment made directly to the other parent never pays them.
  // On a receiving parent's net basis, a period's due is net of the 4% on its Collect and Pay days. Where CMS gave a
  // 4% line of its own for such a period, its figure takes that line off, and the fee's finding (charges.ts) is the
  // difference between its 4% and ours: the shortfall is then counted before any 4%, or ours would count twice.
  const netBasis = books.side === 'receiving' && books.basis === 'net';
  const cmsDue = lines.map(
    (_, p) =>
      periods.planDue[p]!.maintenance + liabilityDifference[p]! + (netBasis && cmsFee[p] !== undefined ? periods.planDueFee[p]! : 0),
  );
  // Surplus carried forward, and shortfalls nobody reported, each with the period it came from (oldest first).
  // (`origin`: the period the money beyond the instalments was first paid in, kept as a later period's own payment takes
  // its place in the payment in advance.)
  const surplus: { p: number; pence: number; origin: number }[] = [];
  const paidInFull: boolean[] = Array.from({ length: n }, () => false);
  const fromAhead: number[] = Array.from({ length: n }, () => 0);
  const unreported: { p: number; pence: number }[] = [];
  /** Shortfalls a report told CMS of, not yet made up by a later payment (oldest first). */
  const reportedOpen: { p: number; pence: number }[] = [];
  /**
   * Shortfalls a larger report told CMS of (its excess is a finding of its own): still unpaid, though no finding follows
   * them; only the reading of what is unpaid (`unpaid`) sets what is left over at the end against them.
   */
  const overReported: { p: number; pence: number }[] = [];
  /** Takes up to `pence` from the payment in advance, oldest first; how much it took. */
  const takeFromSurplus = (pence: number): number => takeOldestFirst(surplus, pence);
  const due = (p: number) => ({ start: lines[p]!.periodStart, end: lines[p]!.periodEnd });
  /** Sets the payment in advance, oldest first, against the shortfalls reports told CMS of, oldest first: catch-ups. */
  const catchUpReported = (): void => {
    while (surplus.length && reportedOpen.length) {
      const s = surplus[0]!;
      const o = reportedOpen[0]!;
      const take = Math.min(s.pence, o.pence);
      s.pence -= take;
      o.pence -= take;
      if (s.pence === 0) surplus.shift();
      if (o.pence === 0) reportedOpen.shift();
      findings.push(draft('extra_payment_not_credited', s.origin, take, [], { reason: 'catch_up', catchUpFor: lines[o.p]!.dueDate }));
    }
  };
  const draft = (
    kind: FindingDraft['kind'],
    p: number,
    amount: number,
    cms: readonly CmsEntry[],
    extra: FindingDraft['facts'] = {},
  ): FindingDraft => ({
    kind,
    date: lines[p]!.dueDate,
    amount: Math.abs(amount),
    effect: { ...NO_EFFECT, maintenance: amount },
    cms,
    bank: [],
    evidence: [],
    cites: slotItems[p],
    facts: { period: due(p), due: fromPence(cmsDue[p]!), paid: fromPence(slotItems[p]!.reduce((a, i) => a + credit(i), 0)), ...extra },
  });

  for (let p = 0; p < n; p++) {
    if (!reportsMode[p]) continue;
    const items = slotItems[p]!;
    const paid = items.reduce((a, i) => a + credit(i), 0);
    const r = reported[p]!;
    const reports = slotReports[p]!;
    if (items.length > 0) {
      matches.push({
        reason: 'direct_pay_payments',
        amount: items.reduce((a, i) => a + i.row.pence, 0),
        days: 0,
        cms: [],
        ...accountsOf(items),
        note: lines[p]!.dueDate,
      });
    }
    // A payment in advance would make this period's shortfall good, though a report says it was short, while a report
    // before it still stands: the money is a catch-up of that earlier report's arrears, which CMS, recording no
    // Direct Pay payments, has not set against them; not a payment of this period (a meaning probe, 6 December 2026:
    // £240.00 paid on 12 April after 29 March was missed and reported made the £20.00 reported short on 10 May "paid").
    if (r > 0 && paid < cmsDue[p]!) catchUpReported();
    const carried = surplus.reduce((a, s) => a + s.pence, 0);
    const available = paid + carried;
    const owed = cmsDue[p]!;
    paidInFull[p] = available >= owed;
    if (available >= owed) {
      // Paid in full (with any payment in advance): a report of a missed payment here was wrong.
      if (r > 0) findings.push(draft('reported_missed_but_paid', p, r, reports, { reported: fromPence(r), cms: reportFacts(reports) }));
      // The payment in advance counts first, oldest first; what this period paid beyond the rest is surplus (a credit
      // from a backdated reduction, a negative instalment, adds to it).
      const origin = surplus[0]?.origin ?? p;
      const need = Math.max(0, owed) - takeFromSurplus(Math.max(0, owed));
      let extra = paid - need - Math.min(0, owed);
      const rolled = need < Math.max(0, owed);
      // Money back in the period (a refund counted as paid) comes off the payment in advance as well: the surplus
      // covers it, since what was available covered what was owed.
      if (extra < 0) extra += takeFromSurplus(-extra);
      // A surplus first makes good shortfalls nobody reported (a late payment), then carries forward.
      extra -= takeOldestFirst(unreported, extra);
      if (extra > 0) surplus.push({ p, pence: extra, origin: rolled ? origin : p });
    } else {
      // The whole payment in advance goes to this instalment, and it is still short.
      fromAhead[p] = carried;
      surplus.length = 0;
      const short = owed - available;
      if (r > short) {
        findings.push(
          draft('reported_missed_but_paid', p, r - short, reports, {
            reported: fromPence(r),
            reason: 'short_payment',
            cms: reportFacts(reports),
          }),
        );
        overReported.push({ p, pence: short });
      } else {
        if (r > 0) {
          matches.push({ reason: 'report_agrees', amount: r, days: 0, cms: reports, bank: [], evidence: [] });
          reportedOpen.push({ p, pence: r });
        }
        if (r < short) unreported.push({ p, pence: short - r });
      }
    }
  }
  // A shortfall the parent reported (parent-reports.ts) that CMS's reports do not hold is CMS's error: the part her
  // report covers (what she reported beyond what CMS recorded, or all of it where she gave no amount).
  const parentReportsOf = parentReportsByPeriod(books, periods, reportsMode);
  for (const u of unreported) {
    const theirs = parentReportsOf.get(u.p) ?? [];
    const told =
      theirs.length === 0
        ? 0
        : theirs.some((r) => r.pence === undefined)
          ? u.pence
          : Math.max(0, Math.min(u.pence, theirs.reduce((a, r) => a + r.pence!, 0) - reported[u.p]!));
    const first = theirs[0];
    const parentReport = first && { date: first.date, ...(first.reference ? { reference: first.reference } : {}) };
    // With none of CMS's entries given, nothing shows whether CMS recorded her report: a shortfall as before, with it.
    if (told > 0 && books.counts.cms === 0) {
      findings.push(
        draft('missed_payment_not_reported', u.p, -u.pence, [], { reported: fromPence(0), reason: 'no_cms_entries_given', parentReport }),
      );
      continue;
    }
    if (told > 0) {
      findings.push(draft('missed_payment_report_not_recorded', u.p, -told, [], { reported: fromPence(reported[u.p]!), parentReport }));
    }
    if (u.pence > told)
      findings.push(
        draft('missed_payment_not_reported', u.p, -(u.pence - told), [], {
          reported: fromPence(reported[u.p]! + told),
          // With no CMS entry at all, nothing given says whether it was reported (explain.ts words it so).
          ...(books.counts.cms === 0 ? { reason: 'no_cms_entries_given' } : {}),
        }),
      );
  }
  // What is left over makes up any shortfall a report told CMS of (a catch-up, named as such and dated when it was paid),
  // and the rest is money paid beyond the instalments.
  catchUpReported();
  for (const s of surplus) findings.push(draft('extra_payment_not_credited', s.p, s.pence, []));
  const unpaid: number[] = Array.from({ length: n }, () => 0);
  for (const o of [...unreported, ...reportedOpen]) unpaid[o.p]! += o.pence;
  let left = surplus.reduce((a, s) => a + s.pence, 0);
  for (const o of overReported) {
    const take = Math.min(left, o.pence);
    left -= take;
    unpaid[o.p]! += o.pence - take;
  }
  // Measured above against the instalment as CMS charges it; a liability CMS charged wrong is a finding of its own
  // (charges.ts), and what is unpaid of the instalment is of the one the decisions make due.
  for (let p = 0; p < n; p++) if (reportsMode[p]) unpaid[p] = Math.max(0, unpaid[p]! - liabilityDifference[p]!);
  // What was paid beyond CMS's instalments makes good, oldest first, what the decisions' larger instalment leaves
  // unpaid (before, CMS charging £1.00 where £30.33 was due and paid left £29.33 "unpaid" beside nothing owed).
  for (let p = 0; p < n && left > 0; p++) {
    if (!reportsMode[p]) continue;
    const take = Math.min(left, unpaid[p]!);
    unpaid[p]! -= take;
    left -= take;
  }
  return { findings, matches, reportsMode, reported, cmsDue, paidInFull, acceptedReports, unpaid, fromAhead };
}

/**
 * The Direct Pay findings less the payments left over that paid ahead of the plan (`ahead` pence, balances.ts
 * aheadOnDirectPay): they pay what has accrued and is not yet due, which CMS's figure rightly leaves out, so they are
 * no finding. The oldest go first (payments ahead pay what is not yet due first); any left over beyond that is money
 * paid beyond everything accrued, and stays a finding.
 */
export function withoutPaidAhead(findings: readonly FindingDraft[], ahead: number): FindingDraft[] {
  let left = ahead;
  // A catch-up of reported arrears pays what was due, not what is still to fall due: the other extra payments go first,
  // and a catch-up only if the money paid ahead is more than they are (so the findings still add up to the balance).
  const trimmed = new Map<FindingDraft, number>();
  for (const catchUp of [false, true]) {
    for (const f of findings) {
      if (f.kind !== 'extra_payment_not_credited' || (f.facts.reason === 'catch_up') !== catchUp || left === 0) continue;
      const take = Math.min(left, f.effect.maintenance);
      left -= take;
      trimmed.set(f, take);
    }
  }
  const kept: FindingDraft[] = [];
  for (const f of findings) {
    const take = trimmed.get(f) ?? 0;
    const rest = f.effect.maintenance - take;
    if (take === 0) kept.push(f);
    else if (rest > 0) kept.push({ ...f, amount: rest, effect: { ...f.effect, maintenance: rest } });
  }
  return kept;
}

/**
 * What a parent is told of payments made directly ahead of the plan, which CMS's record of Direct Pay does not hold:
 * `ahead` pence towards what has accrued and is not yet due, and `next`, the instalments due just after the date that
 * were paid before they fell due (balances.ts aheadOfNext).
 */
export function paidAheadOnDirectPayWarning(
  side: Books['side'],
  ahead: number,
  notYetDue: number,
  stillToFallDue: number,
  asOf: string,
  next?: { readonly pence: number; readonly dueDates: readonly string[] },
): string {
  const reached = side === 'paying' ? 'paid' : 'received';
  const said: string[] = [];
  if (next) {
    const many = next.dueDates.length > 1;
    const instalments = instalmentsDue(next.dueDates);
    said.push(
      `${poundsOfPence(next.pence)} ${reached} on Direct Pay by ${dateInWords(asOf)} pays ${instalments}, before ${many ? 'they' : 'it'} fell due: it is not an overpayment. ` +
        (side === 'paying'
          ? `CMS records no payments on Direct Pay: if the other parent reports ${many ? 'them' : 'it'} missed, show CMS this payment.`
          : `CMS records no payments on Direct Pay: ${many ? 'they are' : 'it is'} paid, not missed.`),
    );
  }
  if (ahead > 0) {
    const beyond = `${reached} on Direct Pay beyond the instalments the payment plan made due by ${asOf}`;
    const accrued = `${poundsOfPence(notYetDue)} that has accrued and that the plan collects in later instalments`;
    // All of it paid ahead: nothing is still to fall due, and anything paid beyond it is an overpayment (its own finding).
    const paysAhead =
      stillToFallDue > 0
        ? `${poundsOfPence(ahead)} ${beyond} pays ahead part of the ${accrued}, so ${poundsOfPence(stillToFallDue)} of it is still to fall due: it is not an overpayment, and not arrears`
        : `Of what was ${beyond}, ${poundsOfPence(ahead)} pays ahead all of the ${accrued}: that much is not an overpayment, and not arrears`;
    said.push(
      `${paysAhead}. ` +
        'CMS records no payments on Direct Pay, so its payment schedule will still include all of it' +
        (side === 'paying'
          ? ': when it does, show CMS these payments.'
          : `, though ${poundsOfPence(ahead)} of it has reached you already.`),
    );
  }
  return said.join(' ');
}

/**
 * The parent's own reports by the Direct Pay period they are of: the instalment due on the `dueDate` given, else the
 * latest due on or before the report, as CMS's reports are read.
 */
function parentReportsByPeriod(books: Books, periods: Periods, reportsMode: readonly boolean[]): Map<number, ParentReport[]> {
  const by = new Map<number, ParentReport[]>();
  if (periods.count === 0) return by;
  for (const r of books.parentReports) {
    const p = reportedPeriod(periods, r.dueDay ?? r.day);
    if (!reportsMode[p]) continue;
    by.set(p, [...(by.get(p) ?? []), r]);
  }
  return by;
}

/** The period of the latest instalment due on or before `day` (the first, before any). */
function reportedPeriod(periods: Periods, day: number): number {
  if (periods.count === 0) return 0;
  return search(periods.dueDays, day);
}
