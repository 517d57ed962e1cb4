/**
 * Reconciliation: what was due (the schedule and its payment plan), what the evidence shows was paid (bank
 * statements, payslips, benefit statements, payments the parent declares), and what CMS recorded; every entry CMS
 * got wrong, as CMS's own rules would call it, with its effect on the balance and in whose favour; the balances by
 * component; and the bridge from CMS's figure to the recomputed one, line by line, to the penny.
 *
 * A short pipeline of stages, each in its own module:
 * 1. read and classify (read.ts);
 * 2. payments against the bank and declared payments (payments.ts, with match.ts), and deductions against
 *    payslips and benefit statements (deductions.ts);
 * 3. charges: maintenance and fee lines against the schedule, enforcement charges against the Fees Regulations,
 *    offsets and adjustments (charges.ts);
 * 4. Direct Pay: missed-payment reports against the evidence (direct-pay.ts);
 * 5. balances, recomputed and CMS's, by component and period (balances.ts);
 * 6. the bridge (bridge.ts); every sentence from explain.ts.
 * @module
 */
import type { BankTransaction, Evidence } from '../ledger/entries.ts';
import { formatMoney, fromPence, pounds, poundsOfPence, wholePenceOf, type Dec } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { amountsOf } from '../schedule/amounts.ts';
import { LAW } from '../scheme-2012/law.ts';
import { Trace } from '../trace.ts';
import { balancesOf, paidAhead, type Balances } from './balances.ts';
import { buildBridge } from './bridge.ts';
import { BROUGHT_FORWARD_RULE, broughtForwardMatches, foldedBefore } from './brought-forward.ts';
import { reconcileCharges } from './charges.ts';
import { evidenceEndsWarning } from './coverage.ts';
import { creditOf, feeRules, type Credit } from './credits.ts';
import { reconcileDeductions } from './deductions.ts';
import { directPayMarkWarnings, scheduleMarkWarning } from './schedule-marks.ts';
import { paidAheadOnDirectPayWarning, reconcileDirectPay, withoutPaidAhead, type DirectPayResult } from './direct-pay.ts';
import { unpaidInstalments } from './shortfalls.ts';
import { heldByCms } from './held.ts';
import { historicOf, type HistoricFigures } from './historic.ts';
import { splitRounding, withSplit } from './split-rounding.ts';
import {
  MOVED_ARREARS_RULE,
  MOVED_ARREARS_STEP,
  movedArrearsOf,
  movedArrearsStep,
  movedArrearsWords,
  withMovedArrearsFee,
} from './moved-arrears.ts';
import { effectTotal, type Effect, type FindingDraft, type MatchDraft } from './draft.ts';
import {
  cmsEntriesWords,
  COMPONENT_WORDS,
  countOf,
  explainFinding,
  explainMatch,
  paidAheadWords,
  planBasisWords,
  uncheckedChargesWarning,
} from './explain.ts';
import { reconcilePayments } from './payments.ts';
import { claimAsParts, leftOutOf } from './claim-parts.ts';
import { owedOn, periodsOf, type Periods } from './periods.ts';
import { readBooks, type Books, type PaidItem } from './read.ts';
import {
  FINDING_KINDS,
  type Balance,
  type Citation,
  type ComponentBalance,
  type Favours,
  type Finding,
  type FindingKind,
  type Match,
  type PeriodRow,
  type ReconcileInput,
  type Reconciliation,
  type SetAside,
  type Side,
} from './types.ts';

export * from './types.ts';
export { explainBalance, explainFinding, whatPaidAheadPays, type Voice } from './explain.ts';
export { shortfallsOf, SHORTFALL_STEP, type ShortInstalment, type Shortfalls } from './shortfalls.ts';

/** The ids of the steps reconciliation adds to the schedule's trace (calc/schedule SCHEDULE_STEP names those). */
export const RECONCILE_STEP = {
  directPay: 'direct_pay',
  matching: 'matching',
  balance: 'balance',
  broughtForward: 'brought_forward',
  bridge: 'bridge',
} as const;

const MATCHING_RULE: Reference = {
  title: 'Reckoner matching rule: exact amounts in pence, one to one, strongest evidence first (no legal rule governs this)',
};
const BRIDGE_RULE: Reference = {
  title: 'Reckoner reconciliation statement: CMS’s figure, less each finding’s effect, is the recomputed balance (every line shown)',
};
const DIRECT_PAY: Reference = {
  title: 'GOV.UK, Child maintenance: how to pay (on Direct Pay CMS records no payments; arrears arise from reported missed payments)',
  href: 'https://www.gov.uk/child-maintenance-service/how-to-pay',
};

/**
 * Reconciles CMS's record against the evidence and the schedule of what was due.
 *
 * @throws {InputError} for bad input, naming the field.
 */
export function reconcile(input: ReconcileInput): Reconciliation {
  let books = readBooks(input);
  const trace = new Trace();
  for (const step of books.schedule.trace)
    trace.add(step.step, step.description, step.value, { title: step.citation, ...(step.href ? { href: step.href } : {}) });
  const periods = periodsOf(books);

  // CMS keeps a full record of Direct Pay payments only where it lists them and no missed payment was reported.
  const keepsFullRecord = books.reports.length === 0 && books.payments.some((e) => e.type === 'direct_payment');
  const payments = reconcilePayments(books, keepsFullRecord ? new Map() : instalmentAmounts(books));
  const deductions = reconcileDeductions(books);
  const credits = new Map<PaidItem, Credit>(payments.paid.map((p) => [p.item, p.credit]));
  const paid = [...payments.paid.map((p) => ({ day: p.item.row.day, credit: p.credit })), ...deductions.paid];
  const historic = historicOf(books);
  const charges = reconcileCharges(books, periods, balanceByDay(periods, paid), carriedByDay(historic));
  const directPay = reconcileDirectPay(
    books,
    periods,
    payments.unrecorded,
    credits,
    charges.liabilityDifference,
    charges.cmsFee,
    keepsFullRecord,
    payments.lag,
  );
  if (Math.abs(payments.lag) > 1) books.warnings.push(lagWarning(books.side, payments.lag, books.windowDays));
  const marked = scheduleMarkWarning(books.scheduleMarks, periods, directPay.findings);
  if (marked) books.warnings.push(marked);
  books.warnings.push(...directPayMarkWarnings(books.scheduleMarks, periods, directPay));
  books.warnings.push(...historic.warnings);
  const takenAsRecorded = deductions.matches
    .filter((m) => m.reason === 'not_checked')
    .flatMap((m) => m.cms.map((e) => ({ day: e.day, pence: e.pence })));
  // A balance CMS brings forward from inside the case's history: the findings about the time before it are in it
  // (brought-forward.ts), and its one line of the bridge stands for them.
  const bf = books.broughtForward;
  const folded = bf
    ? foldedBefore(bf, [...payments.findings, ...deductions.findings, ...directPay.findings, ...historic.findings])
    : new Set<FindingDraft>();
  const counted = balancesOf({
    books,
    periods,
    paid,
    recorded: [...payments.recorded, ...deductions.recorded],
    charges,
    directPay,
    historic,
    ...(bf ? { broughtForward: { day: bf.day, date: bf.date, pence: bf.entries.reduce((a, e) => a + e.pence, 0), folded } } : {}),
  });
  // CMS's figure given alone that is only some parts of its own entries (its maintenance arrears): read as those parts,
  // compared like with like (claim-parts.ts; journey probe F5).
  const asParts = claimAsParts(counted, books.claim, books.side);
  if (asParts) {
    books = { ...books, claim: asParts.claim };
    books.warnings.push(asParts.warning);
  }
  // CMS's split of the same total between maintenance and the fee, where it differs from Reckoner's by rounding only.
  const rounding = splitRounding(counted, books.claim);
  if (rounding) books.warnings.push(rounding.warning);
  const balances = rounding ? withSplit(counted, rounding) : counted;
  // Counted as the balance counts: what it leaves owed of the instalments due after the evidence ends is unpaid.
  const uncovered = evidenceEndsWarning(input, books, periods, takenAsRecorded, balances.recomputed.maintenance + balances.recomputed.fees);
  if (uncovered) books.warnings.push(uncovered);

  // Payments made directly ahead of the plan: no finding, but the parent is told what CMS's plan will still ask for.
  const directPayFindings = withoutPaidAhead(
    directPay.findings.filter((f) => !folded.has(f)),
    balances.aheadOnDirectPay,
  );
  if (balances.aheadOnDirectPay > 0) {
    const notYetDue = balances.accrued.maintenance - balances.due.maintenance;
    // The instalments due just after the date that were paid before they fell due, first (balances.ts aheadOfNext).
    const early = Math.min(balances.aheadOnDirectPay, balances.aheadOfNext.maintenance);
    const towardsAccrued = balances.paidAhead.maintenance - balances.aheadOfNext.maintenance;
    books.warnings.push(
      paidAheadOnDirectPayWarning(
        books.side,
        balances.aheadOnDirectPay - early,
        notYetDue,
        notYetDue - towardsAccrued,
        books.asOf,
        early > 0 ? { pence: early, dueDates: balances.dueSoonDates } : undefined,
      ),
    );
  }
  // Without a filter, regular payments whose amounts fit the schedule that were set aside, beside a shortfall: a
  // shortfall's words say so and name them, rather than state that nothing was paid as a fact of the evidence (journey
  // probe F1: 26 weekly payments set aside, then "£0.00 paid for it" five times).
  const owing = balances.recomputed.maintenance + balances.recomputed.fees > 0;
  const setAside =
    payments.setAside && (owing || directPayFindings.some((f) => SHORTFALL_KINDS.has(f.kind))) ? payments.setAside : undefined;
  if (setAside) books.warnings.push(setAsideWarning(setAside, books.side));
  const drafts = [
    ...payments.findings,
    ...deductions.findings,
    ...charges.findings,
    ...(setAside
      ? directPayFindings.map((f) => (SHORTFALL_KINDS.has(f.kind) ? { ...f, facts: { ...f.facts, setAside } } : f))
      : directPayFindings),
    ...historic.findings,
  ].filter((f) => !folded.has(f));
  const findings = publishFindings(books, drafts);
  const matches = publishMatches(books, [
    ...payments.matches,
    ...deductions.matches,
    ...charges.matches,
    ...directPay.matches,
    ...historic.matches,
    ...(bf ? broughtForwardMatches(bf, folded) : []),
  ]);
  // What the records make owed at the end of the day before a balance brought forward, as due less paid (the line's
  // words): the arrears carried in less written off by then, what the plan made due, and what the evidence shows paid.
  const before = bf ? bf.day - 1 : undefined;
  const owedThen =
    before === undefined
      ? undefined
      : {
          carried: carriedByDay(historic)(before),
          due: periods.planDueBy(before),
          paid: paid.reduce((a, p) => a + (p.day <= before ? p.credit.maintenance + p.credit.fees : 0), 0),
        };
  // On the receiving side, what CMS received from the paying parent less what its entries show it passed on to her
  // (with several receiving parents, how his payment is shared between them no entry of hers shows: not worked out).
  const passedOn = payments.recorded.reduce((a, r) => a + (r.entry.type === 'payment_passed_on' ? r.credit.maintenance : 0), 0);
  // What reached her while CMS collected (not what the paying parent paid her directly on Direct Pay).
  const collected = (day: number) => books.fees.serviceOn(day) === 'collect_and_pay';
  // A payment CMS passed on before the date that reached her after it is on its way, not held: counted as reached here
  // (without it, money held beside it was "a difference the entries do not explain"; a meaning probe, 6 December 2026).
  const onItsWay = payments.findings.reduce(
    (a, f) => a + (f.kind === 'payment_in_transit' && f.cms.length > 0 ? -f.effect.maintenance : 0),
    0,
  );
  const reached = payments.paid.reduce((a, p) => a + (collected(p.item.row.day) ? p.credit.maintenance : 0), 0) + onItsWay;
  const held =
    books.side === 'receiving' && books.claim && books.schedule.totals.receivingParents.length === 1
      ? heldByCms(
          books.receipts,
          passedOn,
          reached,
          feeRules(books.schedule, 'paying'),
          books.fees,
          books.basis,
          books.payments.filter((e) => e.type === 'payment_passed_on'),
        )
      : [];
  const builtAlone = buildBridge(
    balances,
    findings,
    books.claim,
    books.counts.cms > 0,
    {
      readings: held,
      asOf: books.asOf,
      basis: books.basis,
    },
    owedThen,
  );
  const built = asParts
    ? {
        ...builtAlone,
        claimReadAsParts: { given: fromPence(asParts.given), parts: asParts.parts, leftOut: leftOutOf(asParts) },
      }
    : builtAlone;
  // Enforcement charges are known only from CMS's entries (charges.ts checks each on its own): with none given, the
  // recomputed balance counts none, and the charges CMS's figure gives are not checked, not shown to be wrong.
  if (books.counts.cms === 0 && books.claim?.enforcementCharges)
    books.warnings.push(uncheckedChargesWarning(books.claim.enforcementCharges));
  const published = publishBalance(books, balances, periods, paid, credits, built.from);
  // A receiving parent's case moved from Direct Pay to Collect and Pay: the arrears from Direct Pay carry no 4% here,
  // and whether CMS takes it when it collects them is not settled; say so, with what 4% of them would be (MCP audit F6).
  const grossNow =
    books.basis === 'gross' ? balances.recomputed.maintenance : published.bothBases ? wholePenceOf(published.bothBases.gross) : undefined;
  const moved = grossNow === undefined ? undefined : movedArrearsOf(books, balanceByDay(periods, paid), grossNow);
  const balance: Balance = moved
    ? {
        ...published,
        directPayArrears: {
          movedOn: moved.movedOn,
          owed: fromPence(moved.owed),
          fee: fromPence(moved.fee),
          wouldReach: fromPence(moved.wouldReach),
        },
      }
    : published;
  if (moved) books.warnings.push(`${movedArrearsWords(moved)}.`);
  // CMS's figure on her net basis, lower than its entries by exactly 4% of those arrears: that is what the difference
  // its entries do not explain most likely is, and the line says so (MCP audit 2, finding 5).
  const bridge = moved && books.basis === 'net' ? withMovedArrearsFee(built, moved) : built;

  const dpPeriods = directPay.reportsMode.filter(Boolean).length;
  if (dpPeriods > 0) {
    trace.add(
      RECONCILE_STEP.directPay,
      `${dpPeriods} Direct Pay ${dpPeriods === 1 ? 'period' : 'periods'}: CMS records no payments, so each instalment is set against the payments made for it and the ${books.reports.length} missed-payment ${books.reports.length === 1 ? 'report' : 'reports'}`,
      String(dpPeriods),
      DIRECT_PAY,
    );
  }
  trace.add(
    RECONCILE_STEP.matching,
    `${matches.length} ${matches.length === 1 ? 'entry' : 'entries'} agreed and ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}, matching exact amounts within ${books.windowDays} days (date errors up to ${books.maxDays} days)`,
    String(findings.length),
    MATCHING_RULE,
  );
  const b = balance;
  trace.add(
    RECONCILE_STEP.balance,
    (b.openingBalance.isZero() ? 'Due' : `Opening balance ${pounds(b.openingBalance)} + due`) +
      ` under the payment plan ${pounds(b.due)}` +
      paidAheadWords(b, (date) => date) +
      ` − paid ${pounds(b.paid)}` +
      (b.adjustments.isZero() ? '' : ` + CMS adjustments ${pounds(b.adjustments)}`) +
      (b.writtenOff.isZero() ? '' : ` − written off ${pounds(b.writtenOff)}`) +
      (b.enforcementCharges.isZero() ? '' : ` + enforcement charges ${pounds(b.enforcementCharges)}`) +
      ` = ${describeBalance(b.recomputed, books.side)} on ${b.asOf}` +
      (b.notYetDue.isZero() ? '' : `; a further ${pounds(b.notYetDue)} has accrued but is not yet due`) +
      (b.secretaryOfState.isZero()
        ? ''
        : books.side === 'paying'
          ? `; of which ${pounds(b.secretaryOfState)} is owed to the Secretary of State`
          : `; a further ${pounds(b.secretaryOfState)} is owed to the Secretary of State, not to the receiving parent, and is left out`) +
      (b.cmsClaimed === undefined ? '' : `; CMS says ${describeBalance(b.cmsClaimed, books.side)}`),
    formatMoney(b.recomputed),
    LAW.instalments,
  );
  if (moved) {
    trace.add(MOVED_ARREARS_STEP, movedArrearsStep(moved), formatMoney(fromPence(moved.wouldReach)), MOVED_ARREARS_RULE);
  }
  if (bridge.broughtForward) {
    const x = bridge.broughtForward;
    trace.add(
      RECONCILE_STEP.broughtForward,
      `CMS brings forward ${pounds(x.cms)} on ${x.date}, its account before then in one figure; the decisions and the evidence make ${pounds(x.owed)} owed the day before` +
        (owedThen
          ? ` (${owedThen.carried ? `carried over ${poundsOfPence(owedThen.carried)} + ` : ''}due under the payment plan ${poundsOfPence(owedThen.due)} − paid ${poundsOfPence(owedThen.paid)}` +
            laterWords(owedThen.carried + owedThen.due - owedThen.paid - wholePenceOf(x.owed), x.date) +
            ')'
          : '') +
        `: ${pounds(x.difference)} apart, one line of the bridge; nothing before ${x.date} is compared entry by entry`,
      formatMoney(x.difference),
      BROUGHT_FORWARD_RULE,
    );
  }
  const diff = bridge.difference;
  trace.add(
    RECONCILE_STEP.bridge,
    `${bridge.fromLabel === 'cms_claim' ? 'CMS’s figure' : `${cmsEntriesWords('CMS’s', !b.cmsEntriesFilledIn.isZero(), false)} add up to`} ${pounds(bridge.from)} − recomputed ${pounds(bridge.to)} = ${pounds(diff)}: ` +
      (bridge.lines.length === 0
        ? 'nothing to explain'
        : bridge.subtotals.map((s) => `${countOf(s.kind, s.count, books.counts.cms > 0, books.side)} ${pounds(s.amount)}`).join('; ')) +
      (bridge.notYetDueLeftOut
        ? `; ${planBasisWords(bridge.notYetDueLeftOut.amount, b.cmsEntriesTotal, bridge.notYetDueLeftOut.entriesDue)}`
        : ''),
    formatMoney(diff),
    BRIDGE_RULE,
  );

  const byKind = Object.fromEntries(FINDING_KINDS.map((k) => [k, { count: 0, amount: fromPence(0), effect: fromPence(0) }])) as Record<
    FindingKind,
    { count: number; amount: Dec; effect: Dec }
  >;
  for (const f of findings) {
    const k = byKind[f.kind];
    byKind[f.kind] = { count: k.count + 1, amount: k.amount.plus(f.amount), effect: k.effect.plus(f.effect) };
  }
  return {
    side: books.side,
    ...(books.receivingParentId === undefined ? {} : { receivingParentId: books.receivingParentId }),
    asOf: books.asOf,
    windowDays: books.windowDays,
    balance,
    bridge,
    counts: {
      cmsEntries: books.counts.cms,
      bankTransactions: books.counts.bank,
      evidence: books.counts.evidence,
      matches: matches.length,
      findings: findings.length,
      ignored: books.ignored.length,
      byKind,
    },
    findings: findings.map(({ pence: _p, ...f }) => f),
    matches,
    ignored: books.ignored,
    periods: publishPeriods(
      books,
      balances,
      directPay,
      paidFor(periods, paid, directPay.reportsMode),
      returnedOnDirectPay(periods, payments, directPay.reportsMode),
    ),
    schedule: books.schedule,
    ...(setAside ? { setAside } : {}),
    warnings: books.warnings,
    trace: trace.steps,
  };
}

/** The Direct Pay findings that state what was paid for an instalment left short. */
const SHORTFALL_KINDS: ReadonlySet<FindingKind> = new Set(['missed_payment_not_reported', 'missed_payment_report_not_recorded']);

/** What was set aside, and how to count it: said once for the whole reconciliation. */
function setAsideWarning(x: SetAside, side: Side): string {
  const names = x.payees.map((p) => `${p.count} ${side === 'paying' ? 'to' : 'from'} “${p.description}” (${pounds(p.total)})`).join('; ');
  return (
    `No bankFilter was given, and ${x.count} regular payments whose amounts fit the schedule were set aside as not maintenance payments, as nothing given links them to the other parent: ${names}. ` +
    `The balance and the shortfalls leave them out. If they were maintenance payments, give bankFilter.descriptionContains with ${x.payees.length === 1 ? 'the payee' : 'each payee'} (e.g. ${JSON.stringify(x.payees[0]!.description)}) to count them.`
  );
}

/**
 * A balance in words. A receiving parent's evidence shows what reached them, not who holds what did not: money CMS
 * received and has not passed on is not the paying parent's debt, so their balance is what is owed to them.
 */
export function describeBalance(b: Dec, side: Side): string {
  const owed = side === 'paying' ? 'owed by the paying parent' : 'owed to the receiving parent';
  return b.gt(0) ? `${pounds(b)} ${owed}` : b.lt(0) ? `${pounds(b.abs())} overpaid` : 'nothing owed';
}

/**
 * Instalments as the bank would show them, with their due days: without a bank filter, the only way to tell a
 * payment from other spending where CMS keeps no record of payments to compare. On Direct Pay: each instalment the
 * plan makes due, and its ongoing part alone (a parent may pay what CMS's schedule asks, not Reckoner's plan for
 * catching up an initial amount). On any service: each line of CMS's own payment schedule, as it states it. (On
 * Collect and Pay CMS's payment records serve, and a plan's amount alone would let a shop of that amount pass.)
 */
/** What pairing allowed for where CMS dates its records days away from the evidence, as a rule (match.ts recordingLag). */
function lagWarning(side: Side, lag: number, windowDays: number): string {
  const days = `${Math.abs(lag)} days ${lag > 0 ? 'after' : 'before'}`;
  const what = side === 'paying' ? 'payments it received' : 'payments it passed on';
  const shown = side === 'paying' ? 'the evidence shows each made' : 'the bank shows each arrive';
  return (
    `CMS dates its records of the ${what} about ${days} ${shown} (the commonest difference between them), so each record was ` +
    `paired with the payment about ${Math.abs(lag)} days ${lag > 0 ? 'before' : 'after'} it, within ${windowDays} days, not with the payment nearest its date.`
  );
}

/**
 * What of the records' figure at the end of the day before a balance brought forward is compared with CMS's entries from
 * that day on instead (`pence` > 0: counted there; < 0: paid before it and counted there), in the trace's words.
 */
function laterWords(pence: number, date: string): string {
  if (pence === 0) return '';
  return pence > 0
    ? `, less ${poundsOfPence(pence)} of that compared with CMS's entries from ${date} on`
    : `, with ${poundsOfPence(-pence)} paid before it compared with CMS's entries from ${date} on instead`;
}

function instalmentAmounts(books: Books): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (pence: number, day: number) => {
    const list = out.get(pence);
    if (!list) out.set(pence, [day]);
    else if (!list.includes(day)) list.push(day);
  };
  const byDay = new Map<number, number>();
  for (const e of books.schedule.plan.events) {
    if (e.kind === 'credit' || books.fees.serviceOn(e.day) !== 'direct_pay') continue;
    const o = owedOn({ side: books.side, rpIndex: books.rpIndex, basis: books.side === 'paying' ? 'gross' : 'net' }, e.amounts);
    byDay.set(e.day, (byDay.get(e.day) ?? 0) + o.maintenance + o.fees);
    if (e.kind === 'ongoing') add(o.maintenance + o.fees, e.day);
  }
  for (const [day, pence] of byDay) add(pence, day);
  for (const e of books.liabilities) if (e.fromSchedule) add(e.pence, e.day);
  return out;
}

/** The overdue balance the evidence shows at the end of each day (plan due less paid), for charges and offsets. */
function balanceByDay(periods: Periods, paid: readonly { day: number; credit: Credit }[]): (day: number) => number {
  const sorted = [...paid].sort((a, b) => a.day - b.day);
  const days = sorted.map((p) => p.day);
  const cumulative: number[] = [];
  let run = 0;
  for (const p of sorted) cumulative.push((run += p.credit.maintenance + p.credit.fees));
  return (day) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return periods.planDueBy(day) - (lo === 0 ? 0 : cumulative[lo - 1]!);
  };
}

/** The arrears carried in (from the CSA) less those written off, as they stood at the end of a day (whole pence). */
function carriedByDay(h: HistoricFigures): (day: number) => number {
  return (day) =>
    (h.openingDay === undefined || h.openingDay <= day ? h.opening : 0) - h.writeOffs.reduce((a, w) => a + (w.day <= day ? w.pence : 0), 0);
}

const favours = (pence: number): Favours => (pence > 0 ? 'paying_parent' : pence < 0 ? 'receiving_parent' : 'neither');

function citeBank(t: BankTransaction): Citation {
  return {
    kind: 'bank',
    id: t.id,
    date: t.date,
    amount: fromPence(t.pence),
    direction: t.direction,
    description: t.description,
    ...(t.source ? { source: t.source } : {}),
  };
}

function citeEvidence(v: Evidence): Citation {
  return {
    kind: v.type,
    id: v.id,
    date: v.date,
    amount: fromPence(v.pence),
    description: v.description,
    ...(v.from ? { from: v.from } : {}),
    ...(v.source ? { source: v.source } : {}),
  };
}

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k, i]));

/** Findings in a canonical order (date, kind, first id), numbered, with their evidence and their sentence. */
function publishFindings(books: Books, drafts: readonly FindingDraft[]): (Finding & { readonly pence: Effect })[] {
  const firstId = (f: FindingDraft) => f.cms[0]?.id ?? f.bank[0]?.id ?? f.evidence[0]?.id ?? '';
  const sorted = [...drafts].sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      (firstId(a) < firstId(b) ? -1 : firstId(a) > firstId(b) ? 1 : 0) ||
      a.amount - b.amount,
  );
  return sorted.map((f, i) => {
    const citations: Citation[] = [...f.bank.map(citeBank), ...f.evidence.map(citeEvidence)];
    for (const c of f.cites ?? []) {
      const cite = c.source === 'bank' ? citeBank(c.row) : citeEvidence(c.row);
      if (!citations.some((x) => x.id === cite.id && x.kind === cite.kind)) citations.push(cite);
    }
    const total = effectTotal(f.effect);
    const base = {
      id: `finding_${i + 1}`,
      kind: f.kind,
      date: f.date,
      amount: fromPence(f.amount),
      effect: fromPence(total),
      effects: {
        maintenance: fromPence(f.effect.maintenance),
        collectionFees: fromPence(f.effect.fees),
        enforcementCharges: fromPence(f.effect.charges),
      },
      favours: favours(total),
      cmsEntryIds: f.cms.map((e) => e.id),
      bankTransactionIds: f.bank.map((t) => t.id),
      evidenceIds: f.evidence.map((v) => v.id),
      citations,
      facts: f.facts,
    };
    return { ...base, explanation: explainFinding(base, books.side, 'you'), pence: f.effect };
  });
}

function publishMatches(books: Books, drafts: readonly MatchDraft[]): Match[] {
  const firstId = (m: MatchDraft) => m.cms[0]?.id ?? m.bank[0]?.id ?? m.evidence[0]?.id ?? '';
  const day = (m: MatchDraft) => m.cms[0]?.day ?? m.bank[0]?.day ?? m.evidence[0]?.day ?? 0;
  const sorted = [...drafts].sort((a, b) => day(a) - day(b) || (firstId(a) < firstId(b) ? -1 : firstId(a) > firstId(b) ? 1 : 0));
  return sorted.map((m, i) => ({
    id: `match_${i + 1}`,
    reason: m.reason,
    cmsEntryIds: m.cms.map((e) => e.id),
    bankTransactionIds: m.bank.map((t) => t.id),
    evidenceIds: m.evidence.map((v) => v.id),
    amount: fromPence(m.amount),
    dayDifference: m.days,
    explanation: explainMatch(
      {
        reason: m.reason,
        pence: m.amount,
        days: m.days,
        ...(m.note ? { note: m.note } : {}),
        count: m.reason === 'combined' ? m.cms.length : m.bank.length + m.evidence.length,
      },
      books.side,
    ),
  }));
}

/**
 * What was paid for each period's instalment outside Direct Pay's reports (direct-pay.ts reads those): each payment for
 * the instalment due next after it, from `windowDays` before its due date (periods.ts slotOf), not the calendar period
 * it fell in.
 */
function paidFor(periods: Periods, paid: readonly { day: number; credit: Credit }[], reportsMode: readonly boolean[]): number[] {
  const by = Array.from({ length: periods.count }, () => 0);
  for (const x of paid) {
    const p = periods.slotOf(x.day);
    if (periods.count && !reportsMode[p]) by[p]! += x.credit.maintenance + x.credit.fees;
  }
  return by;
}

/**
 * Money returned to the payer in each Direct Pay period that CMS recorded too (a refund it agrees with): Direct Pay's
 * reading (direct-pay.ts) sets only the payments CMS has no record of against the instalments, so such a refund is in
 * the balance and not in that reading.
 */
function returnedOnDirectPay(
  periods: Periods,
  payments: { paid: readonly { item: PaidItem; credit: Credit }[]; unrecorded: readonly PaidItem[] },
  reportsMode: readonly boolean[],
): number[] {
  const by = Array.from({ length: periods.count }, () => 0);
  const unrecorded = new Set(payments.unrecorded);
  for (const { item, credit } of payments.paid) {
    const pence = credit.maintenance + credit.fees;
    if (pence >= 0 || unrecorded.has(item) || periods.count === 0) continue;
    const p = periods.slotOf(item.row.day);
    if (reportsMode[p]) by[p]! -= pence;
  }
  return by;
}

function publishPeriods(
  books: Books,
  balances: Balances,
  directPay: DirectPayResult,
  paidByInstalment: readonly number[],
  returned: readonly number[],
): PeriodRow[] {
  const rows = balances.periods;
  // What of the payment in advance each short instalment took (Direct Pay's reading, or the other periods' own).
  const fromAhead = directPay.reportsMode.map((m, p) => (m ? (directPay.fromAhead[p] ?? 0) : 0));
  const unpaid = unpaidInstalments(
    rows.map((r) => r.due),
    paidByInstalment,
    directPay.reportsMode,
    directPay.unpaid,
    fromAhead,
  );
  // An instalment is never more than wholly unpaid: money returned beyond what was paid for it is owed, but is no
  // instalment's (Direct Pay's reading counts a refund it has no record of against the period it fell in).
  let beyond = 0;
  rows.forEach((r, p) => {
    const whole = Math.max(0, r.due);
    if (unpaid[p]! > whole) {
      beyond += unpaid[p]! - whole;
      unpaid[p] = whole;
    }
  });
  // A refund CMS recorded un-pays what was paid, the latest instalment first, as far as what is owed in all is not yet
  // listed (before, a £1.00 refund beside a balance of £1.00 owed left every instalment "paid", and a letter's unpaid
  // instalments short of the arrears).
  const owed = Math.max(
    0,
    rows.reduce((a, r) => a + r.due - r.paid, 0),
  );
  let missing = Math.min(returned.reduce((a, x) => a + x, 0) + beyond, owed - unpaid.reduce((a, u) => a + u, 0));
  for (let p = rows.length - 1; p >= 0 && missing > 0; p--) {
    const take = Math.min(missing, Math.max(0, rows[p]!.due) - unpaid[p]!);
    if (take > 0) {
      unpaid[p]! += take;
      missing -= take;
    }
  }
  return books.schedule.lines.map((l, p) => {
    const r = rows[p]!;
    // Never more than what is counted paid of a short instalment (its due less what is unpaid).
    const ahead = unpaid[p]! > 0 ? Math.min(fromAhead[p] ?? 0, Math.max(0, Math.max(0, r.due) - unpaid[p]!)) : 0;
    return {
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      accrued: fromPence(r.accrued),
      due: fromPence(r.due),
      paid: fromPence(r.paid),
      recordedByCms: fromPence(r.recordedByCms),
      adjustments: fromPence(r.adjustments),
      charges: fromPence(r.charges),
      shortfall: fromPence(unpaid[p]!),
      ...(ahead > 0 ? { fromPaidAhead: fromPence(ahead) } : {}),
      runningBalance: fromPence(r.runningBalance),
      runningBalancePerCms: fromPence(r.runningBalancePerCms),
      ...(r.cmsUnknown ? { cmsUnknown: true as const } : {}),
    };
  });
}

/**
 * How a component of the balance was reached, where its own terms add up to it: carried over + due (+ paid ahead) −
 * paid + adjustments − written off. The words are the terms, so the sum is checked rather than trusted.
 */
function componentWorking(c: ComponentBalance['component'], k: 'maintenance' | 'fees' | 'charges', b: Balances): { working?: string } {
  const opening = k === 'maintenance' ? b.opening : 0;
  const adjustments = k === 'maintenance' ? b.adjustments : 0;
  const writtenOff = k === 'maintenance' ? b.writtenOff : 0;
  const ahead = b.paidAhead[k];
  if (opening + b.due[k] + ahead - b.paid[k] + adjustments - writtenOff !== b.recomputed[k]) return {};
  const name = COMPONENT_WORDS[c];
  const terms =
    (opening ? `carried over ${poundsOfPence(opening)} + ` : '') +
    (k === 'charges' ? `charges the rules allow ${poundsOfPence(b.due[k])}` : `due under the payment plan ${poundsOfPence(b.due[k])}`) +
    (ahead ? ` + paid ahead of it ${poundsOfPence(ahead)}` : '') +
    (b.paid[k] || k !== 'charges' ? ` − paid ${poundsOfPence(b.paid[k])}` : '') +
    (adjustments ? ` + CMS adjustments ${poundsOfPence(adjustments)}` : '') +
    (writtenOff ? ` − written off ${poundsOfPence(writtenOff)}` : '');
  return { working: `${name[0]!.toUpperCase()}${name.slice(1)}: ${terms} = ${poundsOfPence(b.recomputed[k])}` };
}

function publishBalance(
  books: Books,
  b: Balances,
  periods: Periods,
  paid: readonly { day: number; credit: Credit }[],
  credits: ReadonlyMap<PaidItem, Credit>,
  from: Dec,
): Balance {
  const claim = books.claim;
  const recomputed = effectTotal(b.recomputed);
  const m = (x: number) => fromPence(x);
  const claimed = claim ? from : undefined;
  const component = (
    c: ComponentBalance['component'],
    k: 'maintenance' | 'fees' | 'charges',
    given: number | undefined,
  ): ComponentBalance => ({
    ...componentWorking(c, k, b),
    component: c,
    creditor: c === 'maintenance' ? 'receiving_parent' : 'secretary_of_state',
    accrued: m(k === 'charges' ? b.due.charges : b.accrued[k]),
    due: m(b.due[k]),
    notYetDue: m(k === 'charges' ? 0 : b.accrued[k] - b.due[k] - b.paidAhead[k] + b.aheadOfNext[k]),
    paid: m(b.paid[k]),
    adjustments: m(k === 'maintenance' ? b.adjustments : 0),
    openingBalance: m(k === 'maintenance' ? b.opening : 0),
    writtenOff: m(k === 'maintenance' ? b.writtenOff : 0),
    recomputed: m(b.recomputed[k]),
    cmsEntriesTotal: m(b.cmsEntries[k]),
    ...(given !== undefined ? { cmsClaimed: m(given), difference: m(given - b.recomputed[k]) } : {}),
  });
  const components =
    books.side === 'paying'
      ? [
          component('maintenance', 'maintenance', claim?.maintenance),
          component('collection_fees', 'fees', claim?.collectionFees),
          component('enforcement_charges', 'charges', claim?.enforcementCharges),
        ]
      : [component('maintenance', 'maintenance', claim?.maintenance ?? claim?.total)];
  const accrued = b.accrued.maintenance + b.accrued.fees;
  const due = b.due.maintenance + b.due.fees;
  const ahead = b.paidAhead.maintenance + b.paidAhead.fees;
  const aheadOfNext = b.aheadOfNext.maintenance + b.aheadOfNext.fees;
  return {
    asOf: books.asOf,
    basis: books.basis,
    accrued: m(accrued),
    due: m(due),
    ...(ahead === 0 ? {} : { paidAhead: m(ahead) }),
    ...(aheadOfNext === 0 ? {} : { paidAheadOfNext: { amount: m(aheadOfNext), dueDates: periods.dueSoon!.dates } }),
    notYetDue: m(accrued - due - ahead + aheadOfNext),
    paid: m(b.paid.maintenance + b.paid.fees + b.paid.charges),
    recordedByCms: m(b.recordedByCms.maintenance + b.recordedByCms.fees + b.recordedByCms.charges),
    adjustments: m(b.adjustments),
    writtenOff: m(b.writtenOff),
    openingBalance: m(b.opening),
    secretaryOfState: m(b.secretaryOfState),
    enforcementCharges: m(b.due.charges),
    recomputed: m(recomputed),
    cmsEntriesTotal: m(effectTotal(b.cmsEntries)),
    cmsEntriesFilledIn: m(b.cmsFilledIn),
    ...(claimed !== undefined ? { cmsClaimed: claimed, difference: claimed.minus(m(recomputed)) } : {}),
    position: recomputed > 0 ? 'arrears' : recomputed < 0 ? 'overpaid' : 'settled',
    components,
    ...(books.side === 'receiving' ? bothBases(books, b, periods, credits) : {}),
  };
  void paid;
}

/**
 * The receiving parent's balance on both bases: the same evidence and plan, counted gross and net of the 4%. None
 * where her 4% touches nothing that was due or paid (Direct Pay throughout, or before the fees began): there is one
 * basis only, and no fee to be before or after (MCP audit F14).
 */
function bothBases(
  books: Books,
  b: Balances,
  periods: Periods,
  credits: ReadonlyMap<PaidItem, Credit>,
): { bothBases?: { gross: Dec; net: Dec } } {
  const other = books.basis === 'gross' ? 'net' : 'gross';
  let fee = false;
  let due = 0;
  for (const e of books.schedule.plan.events) {
    if (e.day > books.asOfDay) break;
    if (e.amounts.parents[books.rpIndex]?.fee) fee = true;
    due += owedOn({ side: books.side, rpIndex: books.rpIndex, basis: other }, e.amounts).maintenance;
  }
  let paid = 0;
  for (const item of credits.keys()) {
    if (books.fees.pctOn(item.row.day) > 0) fee = true;
    paid += creditOf(item.row.pence, item.row.day, 'as_paid', books.fees, other).maintenance;
  }
  if (!fee) return {};
  const overdue = b.opening + due - paid + b.adjustments - b.writtenOff;
  // Paid beyond what was due pays what has accrued and is not yet due first, on this basis as on the other (balances.ts).
  const accrued = books.schedule.lines.reduce((a, l) => a + owedOn({ ...books, basis: other }, amountsOf(l)).maintenance, 0);
  const only = (maintenance: number) => ({ maintenance, fees: 0, charges: 0 });
  const ahead = paidAhead(only(overdue), only(accrued - due), only(paid - due - b.opening)).maintenance;
  const otherBalance = overdue + ahead;
  const thisBalance = effectTotal(b.recomputed);
  void periods;
  return {
    bothBases:
      books.basis === 'gross'
        ? { gross: fromPence(thisBalance), net: fromPence(otherBalance) }
        : { gross: fromPence(otherBalance), net: fromPence(thisBalance) },
  };
}
