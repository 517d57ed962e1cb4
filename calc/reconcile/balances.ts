/**
 * Stage 5 of reconciliation: the balances. The recomputed one, from the decisions (as the payment plan makes them
 * due) and the evidence; and CMS's, from its own entries. Each is kept by component — maintenance, collection fees,
 * enforcement charges — as a CMS statement keeps them, and period by period for the table. Payments go to
 * maintenance and its fee; enforcement charges are collected only once maintenance and arrears are paid (DWP,
 * docs/legal-notes.md), so no payment is set against them here.
 * @module
 */
import type { CmsEntry } from '../ledger/entries.ts';
import type { Credit } from './credits.ts';
import type { ChargesResult } from './charges.ts';
import type { DirectPayResult } from './direct-pay.ts';
import type { CivilDate } from '../dates.ts';
import { isZero } from '../schedule/amounts.ts';
import type { Effect, FindingDraft } from './draft.ts';
import type { HistoricFigures } from './historic.ts';
import type { Periods } from './periods.ts';
import type { Books } from './read.ts';

/** Whole pence by component. */
export type Parts = Effect;

export interface PeriodFigures {
  readonly accrued: number;
  readonly due: number;
  readonly paid: number;
  readonly recordedByCms: number;
  readonly adjustments: number;
  readonly charges: number;
  readonly runningBalance: number;
  readonly runningBalancePerCms: number;
  /** The period ends before a balance CMS brings forward from inside the history: CMS's balance then is not known. */
  readonly cmsUnknown: boolean;
}

export interface Balances {
  readonly accrued: Parts;
  readonly due: Parts;
  readonly paid: Parts;
  readonly recordedByCms: Parts;
  readonly adjustments: number;
  readonly writtenOff: number;
  /** Arrears carried in, and owed to the Secretary of State: recomputed, and as CMS's entries have them. */
  readonly opening: number;
  readonly secretaryOfState: number;
  readonly cms: { readonly opening: number; readonly writtenOff: number; readonly secretaryOfState: number };
  /**
   * Paid beyond what the plan made due, set against what has accrued but is not yet due: the recomputed balance counts
   * it as paid towards that, not as an overpayment, and what is not yet due is less by it. On the receiving side, what
   * reached her beyond what was due.
   */
  readonly paidAhead: Parts;
  /**
   * Of `paidAhead`, what pays the instalments the plan makes due just after the date (periods.ts dueSoon), paid in the
   * days before they fall due: the rest pays what has accrued but is not yet due.
   */
  readonly aheadOfNext: Parts;
  /** The due dates of the instalments `aheadOfNext` pays. */
  readonly dueSoonDates: readonly string[];
  /**
   * Of `paidAhead`, the maintenance paid directly on Direct Pay that CMS, recording no payments there, does not hold:
   * the payments left over beyond the instalments (direct-pay.ts) are this, not payments CMS failed to credit.
   */
  readonly aheadOnDirectPay: number;
  /**
   * What CMS's record of payment pays ahead of the plan less what the evidence does, where its ledger is filled in: the
   * part of the payments in question that pays what is not yet due rather than the balance now (a line of the bridge).
   */
  readonly aheadDiffers: Parts;
  /** What CMS's record of payment pays ahead of the plan, by its own ledger (for the line's words). */
  readonly cmsRecordAhead: Parts;
  /**
   * What CMS's figure on the payment plan's basis differs by where CMS keeps what was paid ahead as a credit rather than
   * setting it against what is not yet due, as the recomputed balance does (bridge.ts: a `paid_ahead` line).
   */
  readonly cmsAhead: Parts;
  /** The recomputed balance (overdue now) and CMS's from its entries, by component. */
  readonly recomputed: Parts;
  readonly cmsEntries: Parts;
  /**
   * Of CMS's ledger, what Reckoner put in for periods CMS's entries show no charge for (what accrued, or what the plan
   * made due): CMS's entries alone do not add up to cmsEntries where this is not zero.
   */
  readonly cmsFilledIn: number;
  /**
   * Accrued but not yet due, where CMS's ledger charges it already, by component, as its entries hold it: the fee in it
   * as they charge it, period by period (less `feeOnCollections` than what is not yet due where that is not zero).
   */
  readonly notYetDueInCms: Parts;
  /**
   * Where CMS's ledger charges the paying parent's fee period by period: what the plan's fee, worked on each
   * collection, comes to beyond that (periods.ts feeOnCollections; pence). What is not yet due counts it; CMS's
   * entries do not (two lines of the bridge, bridge.ts: what is not yet due, and this rounding).
   */
  readonly feeOnCollectionsInCms: number;
  /** CMS's records of payment that Reckoner split between maintenance and the collection fee (split-rounding.ts). */
  readonly splitPayments: number;
  /**
   * A balance CMS brings forward from inside the case's history (read.ts broughtForwardOf): CMS's figure, what the
   * records make owed at the end of the day before on CMS's ledger's terms (`owed`), and the line of the bridge it
   * makes, CMS's less that (all maintenance: how CMS's one figure splits into parts nobody can know).
   */
  readonly broughtForward?: { readonly date: CivilDate; readonly cms: number; readonly owed: number; readonly effect: Parts };
  readonly periods: readonly PeriodFigures[];
}

export interface BalanceInputs {
  readonly books: Books;
  readonly periods: Periods;
  /** Counted payments and deductions, each with its day and what it counts for. */
  readonly paid: readonly { readonly day: number; readonly credit: Credit }[];
  /** CMS's records of payment, with what each counts for in its ledger. */
  readonly recorded: readonly { readonly entry: CmsEntry; readonly credit: Credit }[];
  readonly charges: ChargesResult;
  readonly directPay: DirectPayResult;
  readonly historic: HistoricFigures;
  /**
   * A balance CMS brings forward on `day` (`pence`), and the findings about the time before it that it stands for
   * (reconcile.ts broughtFoldable): they are in that one figure, compared in its line, not CMS's errors entry by entry.
   */
  readonly broughtForward?: {
    readonly day: number;
    readonly date: CivilDate;
    readonly pence: number;
    readonly folded: ReadonlySet<FindingDraft>;
  };
}

const parts = (maintenance: number, fees: number, charges: number): Parts => ({ maintenance, fees, charges });
const plus = (a: Parts, b: Parts): Parts => parts(a.maintenance + b.maintenance, a.fees + b.fees, a.charges + b.charges);
const minus = (a: Parts, b: Parts): Parts => parts(a.maintenance - b.maintenance, a.fees - b.fees, a.charges - b.charges);

/** Of a balance in credit (by component), what pays liability accrued but not yet due (`notYetDue`), up to all of it. */
export function paidAhead(balance: Parts, notYetDue: Parts, beyondDue: Parts): Parts {
  // Only what payments went beyond what was due: a credit CMS made by adjustment is not paid ahead.
  const part = (b: number, left: number, beyond: number) => (b < 0 && left > 0 && beyond > 0 ? Math.min(-b, left, beyond) : 0);
  let m = part(balance.maintenance, notYetDue.maintenance, beyondDue.maintenance);
  let f = part(balance.fees, notYetDue.fees, beyondDue.fees);
  // Only what the balance as a whole is in credit by: a penny of maintenance in credit beside a penny of fees owed is
  // a split of one payment, not a payment ahead.
  let excess = m + f - Math.max(0, -(balance.maintenance + balance.fees));
  const cut = (x: number) => {
    const c = Math.min(x, Math.max(0, excess));
    excess -= c;
    return x - c;
  };
  f = cut(f);
  m = cut(m);
  return parts(m, f, 0);
}

/**
 * What was paid, by component, on or after the first day a payment counts for the instalments due just after the date
 * (periods.ts dueSoon), up to those instalments: what of it the balance is in credit by was paid ahead of them.
 */
function paidEarly(periods: Periods, paid: BalanceInputs['paid']): Parts {
  const soon = periods.dueSoon;
  if (!soon) return parts(0, 0, 0);
  let m = 0;
  let f = 0;
  for (const p of paid) {
    if (p.day < soon.from) continue;
    m += p.credit.maintenance;
    f += p.credit.fees;
  }
  return parts(Math.max(0, Math.min(m, soon.owed.maintenance)), Math.max(0, Math.min(f, soon.owed.fees)), 0);
}

/**
 * What of two balances' credit on maintenance and fees pays the enforcement charges they hold, the same on both: added
 * to either balance, it lowers the credit (fees' first) and the charges by as much.
 */
function paidToCharges(a: Parts, b: Parts): Parts {
  const move = (x: Parts) => {
    let left = Math.min(Math.max(0, -(x.maintenance + x.fees)), Math.max(0, x.charges));
    const f = Math.min(left, Math.max(0, -x.fees));
    left -= f;
    return { f, m: Math.min(left, Math.max(0, -x.maintenance)) };
  };
  const [ma, mb] = [move(a), move(b)];
  const m = Math.min(ma.m, mb.m);
  const f = Math.min(ma.f, mb.f);
  return parts(m, f, -(m + f));
}

export function balancesOf({ books, periods, paid, recorded, charges, directPay, historic, broughtForward: bf }: BalanceInputs): Balances {
  const n = periods.count;
  const at = (day: number) => periods.periodOf(day);
  const perPeriod = () => Array.from({ length: n }, () => 0);
  const paidBy = perPeriod();
  const recordedBy = perPeriod();
  const adjustBy = perPeriod();
  const chargesBy = perPeriod();
  const cmsChargesBy = perPeriod();
  let paidM = 0;
  let paidF = 0;
  for (const p of paid) {
    paidM += p.credit.maintenance;
    paidF += p.credit.fees;
    if (n) paidBy[at(p.day)]! += p.credit.maintenance + p.credit.fees;
  }
  let recM = 0;
  let recF = 0;
  let splitPayments = 0;
  for (const r of recorded) {
    recM += r.credit.maintenance;
    recF += r.credit.fees;
    if (r.credit.maintenance !== 0 && r.credit.fees !== 0) splitPayments++;
    if (n) recordedBy[at(r.entry.day)]! += r.credit.maintenance + r.credit.fees;
  }
  let adjustments = 0;
  let writtenOff = 0;
  for (const a of charges.adjustments) {
    if (a.writeOff) writtenOff -= a.pence;
    else adjustments += a.pence;
    if (n) adjustBy[at(a.day)]! += a.pence;
  }
  // Arrears carried in and written off: their own lines, on each side as it has them.
  const histBy = perPeriod();
  const cmsHistBy = perPeriod();
  const cmsWrittenOff = writtenOff + historic.cmsWrittenOff;
  writtenOff += historic.writtenOff;
  if (n) {
    if (historic.openingDay !== undefined) histBy[at(historic.openingDay)]! += historic.opening;
    for (const x of historic.writeOffs) histBy[at(x.day)]! -= x.pence;
    // Before a balance brought forward, CMS's own lines are in it: it counts where it is brought forward.
    for (const x of historic.cmsOpenings) if (!bf || x.day >= bf.day) cmsHistBy[at(x.day)]! += x.pence;
    for (const x of historic.cmsWriteOffs) if (!bf || x.day >= bf.day) cmsHistBy[at(x.day)]! -= x.pence;
    if (bf) cmsHistBy[at(bf.day)]! += bf.pence;
  }
  for (const r of directPay.acceptedReports) {
    adjustments += r.pence;
    if (n) adjustBy[at(r.day)]! += r.pence;
  }
  let allowed = 0;
  for (const c of charges.allowedCharges) {
    allowed += c.pence;
    if (n) chargesBy[at(c.day)]! += c.pence;
  }
  let cmsCharges = 0;
  for (const e of books.enforcementCharges) {
    cmsCharges += e.pence;
    if (n) cmsChargesBy[at(e.day)]! += e.pence;
  }
  let offsets = 0;
  const offsetBy = perPeriod();
  for (const o of charges.offsets) {
    offsets += o.pence;
    if (n) offsetBy[at(o.day)]! += o.pence;
  }
  // A backdated reduction CMS applied by adjustment: on its side only (the decisions make the reduced amount due).
  let revisionM = 0;
  let revisionF = 0;
  const revisionBy = perPeriod();
  for (const r of charges.revisions) {
    revisionM += r.maintenance;
    revisionF += r.fees;
    if (n) revisionBy[at(r.day)]! += r.maintenance + r.fees;
  }

  // A balance brought forward on day D is CMS's account before D in one figure: the instalments the plan made due
  // before D are in it, so they are not filled in for CMS's ledger (on its gross terms, as the fill-ins are).
  const preLiability = perPeriod();
  const preFee = perPeriod();
  if (bf && n) {
    for (const e of books.schedule.plan.events) {
      if (e.day >= bf.day || e.day > books.asOfDay || isZero(e.amounts)) continue;
      const p = at(e.day);
      preLiability[p]! += books.side === 'paying' ? e.amounts.maintenance : e.amounts.parents[books.rpIndex]!.maintenance;
      preFee[p]! += books.side === 'paying' ? e.amounts.fee : e.amounts.parents[books.rpIndex]!.fee;
    }
  }
  let beforeM = 0;
  let beforeF = 0;

  // CMS's ledger: its own maintenance and fee lines where it gave them; where it gave none, what it would charge
  // (what accrued, if it charges accruals elsewhere, or else what the plan made due). On Direct Pay it records no
  // payments: its arrears are the missed payments reported.
  const chargesLiability = books.liabilities.length > 0;
  const chargesFees = books.collectionFees.length > 0 || charges.feesInScheduleLines;
  const netBasis = books.side === 'receiving' && books.basis === 'net';
  let cmsM = 0;
  let cmsF = 0;
  let structuralM = 0;
  let structuralF = 0;
  const cmsChargedBy = perPeriod();
  let cmsFilledIn = 0;
  for (let p = 0; p < n; p++) {
    // Filled in from D on only, where a balance is brought forward on D (what the plan made due before it is in it).
    const beforeL = !directPay.reportsMode[p] && charges.cmsLiability[p] === undefined ? preLiability[p]! : 0;
    const beforeFee = charges.cmsFee[p] === undefined ? preFee[p]! : 0;
    const liability = directPay.reportsMode[p]
      ? undefined
      : (charges.cmsLiability[p] ?? (chargesLiability ? periods.accruedLiability[p]! : periods.planDueLiability[p]!) - beforeL);
    const fee = charges.cmsFee[p] ?? (chargesFees ? periods.accruedFee[p]! : periods.planDueFee[p]!) - beforeFee;
    beforeM += beforeL - (netBasis && !directPay.reportsMode[p] ? beforeFee : 0);
    if (books.side === 'paying') beforeF += beforeFee;
    if (liability !== undefined && charges.cmsLiability[p] === undefined) cmsFilledIn += liability;
    if (charges.cmsFee[p] === undefined && (books.side === 'paying' || netBasis)) cmsFilledIn += books.side === 'paying' ? fee : -fee;
    if (!directPay.reportsMode[p] && chargesLiability) structuralM += periods.accruedLiability[p]! - periods.planDueLiability[p]!;
    if (!directPay.reportsMode[p] && chargesFees) {
      if (books.side === 'paying') structuralF += periods.accruedFee[p]! - periods.planDueFee[p]!;
      else if (netBasis) structuralM -= periods.accruedFee[p]! - periods.planDueFee[p]!;
    }
    // On the receiving parent's net basis, CMS's 4% fee lines lower what it says they are owed.
    const netFee = netBasis ? fee : 0;
    const chargedM = (liability === undefined ? directPay.cmsDue[p]! : liability) - netFee;
    const chargedF = books.side === 'paying' ? fee : 0;
    // On Direct Pay, CMS's record of a period is the missed payments reported, less only a 4% fee line it gave itself:
    // the fee a period a move to Collect and Pay splits accrues for its later days is not taken from nothing.
    cmsM += liability === undefined ? directPay.reported[p]! - (netBasis ? (charges.cmsFee[p] ?? 0) : 0) : chargedM;
    cmsF += chargedF;
    cmsChargedBy[p] = chargedM + chargedF;
    if (liability === undefined) recordedBy[p]! += directPay.cmsDue[p]! - directPay.reported[p]!;
  }
  // Lines outside every period are in CMS's ledger too.
  const findingsOutside = charges.findings.filter(
    (f) =>
      (f.kind === 'liability_mismatch' || f.kind === 'collection_fee_mismatch') &&
      (f.facts.reason === 'outside_schedule' || f.facts.reason === 'after_case_end'),
  );
  for (const f of findingsOutside) {
    cmsM += f.effect.maintenance;
    cmsF += f.effect.fees;
    if (n) cmsChargedBy[f.date < books.schedule.lines[0]!.periodStart ? 0 : n - 1]! += f.effect.maintenance + f.effect.fees;
  }

  const accrued = parts(
    periods.accrued.reduce((a, o) => a + o.maintenance, 0),
    periods.accrued.reduce((a, o) => a + o.fees, 0) + periods.feeOnCollections,
    0,
  );
  const due = parts(
    periods.planDue.reduce((a, o) => a + o.maintenance, 0),
    periods.planDue.reduce((a, o) => a + o.fees, 0),
    allowed,
  );
  const overdue = parts(historic.opening + due.maintenance - paidM + adjustments - writtenOff, due.fees - paidF, allowed);
  // The balance brought forward stands for CMS's whole account before D: its arrears carried in and written off
  // before D with the rest. What the records make owed at the end of D − 1, on CMS's ledger's terms (`owed`): what the
  // plan made due before D and was not filled in above, with the arrears carried in less written off before D, less
  // what the findings about the time before D (the payments no entry of CMS's from D on records, the Direct Pay
  // shortfalls and payments before D) take off. Its parts are those; CMS's one figure is split the same way but for
  // maintenance, which takes the rest: the difference is then the one line of the bridge, all maintenance.
  const openBefore = bf ? historic.cmsOpenings.reduce((a, x) => a + (x.day < bf.day ? x.pence : 0), 0) : 0;
  const writtenOffBefore = bf ? historic.cmsWriteOffs.reduce((a, x) => a + (x.day < bf.day ? x.pence : 0), 0) : 0;
  const foldedEffect = [...(bf?.folded ?? [])].reduce((a, f) => plus(a, f.effect), parts(0, 0, 0));
  const owedBefore = parts(
    beforeM + openBefore - writtenOffBefore - foldedEffect.maintenance,
    beforeF - foldedEffect.fees,
    -foldedEffect.charges,
  );
  const carried = bf
    ? parts(bf.pence - owedBefore.fees - owedBefore.charges - openBefore + writtenOffBefore, owedBefore.fees, owedBefore.charges)
    : parts(0, 0, 0);
  const entriesAsGiven = parts(
    historic.cmsOpening + carried.maintenance + cmsM - recM + adjustments - cmsWrittenOff - offsets + revisionM,
    cmsF + carried.fees - recF + revisionF,
    cmsCharges + carried.charges,
  );
  // Paid ahead of the plan: where what was paid goes beyond what the plan made due while liability has accrued that
  // it has not yet made due (an initial or backdated amount), the rest pays that first (cms-accounts.md §3; voluntary
  // payments count against it, 1991 Act s.28J; an overpayment is set against future liability, SI 2009/3151 regs
  // 8–9): it is not an overpayment while that lasts. The same on CMS's ledger, on its own record of payment: where it
  // charges what accrued, its entries hold that already, and what is not yet due shrinks by what was paid ahead.
  // Paid beyond what was due, a credit carried in counting as paid (an overpayment carried in, set against what is
  // payable as one made now would be: SI 2009/3151 regs 8–9).
  // So is money paid in the days before an instalment due just after the date, up to that instalment: paid ahead of
  // it, not an overpayment (a standing order that pays on the 12th for the 15th, with the date the 13th; a meaning
  // probe of 6 December 2026 found it "an overpayment", and on Direct Pay CMS's nil "too high").
  const early = paidEarly(periods, paid);
  const aheadRoom = plus(minus(accrued, due), early);
  const ahead = paidAhead(overdue, aheadRoom, parts(paidM - due.maintenance - historic.opening, paidF - due.fees, 0));
  const aheadOfNext = parts(Math.min(ahead.maintenance, early.maintenance), Math.min(ahead.fees, early.fees), 0);
  const cmsAhead = paidAhead(
    minus(entriesAsGiven, parts(structuralM, structuralF, 0)),
    aheadRoom,
    // Beyond what CMS's own ledger charged (on Direct Pay with reports, the missed payments reported).
    parts(recM - cmsM - historic.cmsOpening - carried.maintenance, recF - cmsF - carried.fees, 0),
  );
  const filledAhead = parts(chargesLiability ? 0 : cmsAhead.maintenance, chargesFees ? 0 : cmsAhead.fees, 0);
  // A Collect and Pay payment is split as maintenance and the 20% fee on it (credits.ts); but money pays only fees that
  // are owed. Where the split leaves fees in credit while maintenance is owed, on both balances alike, the money paid
  // maintenance that carries no fee (arrears built up on Direct Pay, say: a £433.33 payment clearing them was
  // "maintenance £72.22 owed, collection fees −£72.22"). Moved the same on both, so every finding still explains them.
  const feeCredit = (x: Parts) => (x.fees < 0 && x.maintenance > 0 ? Math.min(-x.fees, x.maintenance) : 0);
  const overpaidFees = Math.min(feeCredit(plus(overdue, ahead)), feeCredit(plus(entriesAsGiven, filledAhead)));
  const toMaintenance = parts(-overpaidFees, overpaidFees, 0);
  // Enforcement charges are collected once maintenance and arrears are paid (cms-rules.md §9.3): money paid beyond all
  // the maintenance and fees owed pays them, the fees' credit first (a fee's share of money paid beyond what was owed
  // is no fee), then maintenance's. Before (a meaning probe, 6 December 2026), £700 paid beyond £173.31 of arrears
  // left the £350.00 of charges owed beside maintenance in credit, and CMS's right split "£350.00 less in enforcement
  // charges". Moved the same on both balances, as the fees are above, so every finding still explains them.
  const toCharges = paidToCharges(plus(plus(overdue, ahead), toMaintenance), plus(plus(entriesAsGiven, filledAhead), toMaintenance));
  const recomputed = plus(plus(plus(overdue, ahead), toMaintenance), toCharges);
  const cmsEntries = plus(plus(plus(entriesAsGiven, filledAhead), toMaintenance), toCharges);
  cmsFilledIn += filledAhead.maintenance + filledAhead.fees;
  // On Direct Pay CMS records no payments, so what was paid directly beyond the instalments is in none of its entries:
  // the payments left over (direct-pay.ts) are, up to what was paid ahead, that. CMS's figure is not wrong about them;
  // its plan will still ask for what they paid (reconcile.ts warns).
  const leftOver = directPay.findings.reduce(
    (a, f) => a + (f.kind === 'extra_payment_not_credited' && !bf?.folded.has(f) ? f.effect.maintenance : 0),
    0,
  );
  const aheadOnDirectPay = Math.max(0, Math.min(leftOver, ahead.maintenance - filledAhead.maintenance));
  // Where CMS's ledger is filled in (no charge lines of its own), what its record of payment pays ahead differs from
  // what the evidence pays ahead only by payments in question (findings): that part of them pays what is not yet due,
  // not the balance now. Its own line (bridge.ts), not "accrued but not yet due", which would say CMS's figure counts
  // liability it does not (a probe: "£157.79 … not yet due, in the other parent's favour" beside a payment that
  // never arrived). Where CMS charges what accrued, its entries hold the not yet due, less what was paid ahead.
  const aheadM = filledAhead.maintenance - ahead.maintenance + aheadOnDirectPay;
  const aheadF = filledAhead.fees - ahead.fees;
  const aheadDiffers = parts(chargesLiability ? 0 : aheadM, chargesFees ? 0 : aheadF, 0);
  structuralM += aheadM - aheadDiffers.maintenance;
  structuralF += aheadF - aheadDiffers.fees;

  let run = 0;
  let runCms = 0;
  const rows: PeriodFigures[] = [];
  for (let p = 0; p < n; p++) {
    const d = periods.planDue[p]!;
    const a = periods.accrued[p]!;
    // What was paid ahead is set against what is not yet due as at the date: in the last period.
    const last = p === n - 1;
    const aheadHere = last ? ahead.maintenance + ahead.fees : 0;
    run += d.maintenance + d.fees + aheadHere - paidBy[p]! + adjustBy[p]! + histBy[p]! + chargesBy[p]!;
    runCms +=
      cmsChargedBy[p]! +
      (last ? filledAhead.maintenance + filledAhead.fees : 0) -
      recordedBy[p]! +
      adjustBy[p]! +
      cmsHistBy[p]! -
      offsetBy[p]! +
      revisionBy[p]! +
      cmsChargesBy[p]!;
    rows.push({
      // The fee worked on each collection of the plan beyond what the periods accrued: in the last period, as at the date.
      accrued: a.maintenance + a.fees + (last ? periods.feeOnCollections : 0),
      due: d.maintenance + d.fees,
      paid: paidBy[p]!,
      recordedByCms: recordedBy[p]!,
      adjustments: adjustBy[p]! + histBy[p]!,
      charges: chargesBy[p]!,
      runningBalance: run,
      runningBalancePerCms: runCms,
      // Before the balance brought forward, CMS's account is that one figure: nothing shows what it was period by period.
      cmsUnknown: bf !== undefined && books.schedule.lines[p]!.periodEnd < bf.date,
    });
  }
  return {
    accrued,
    due,
    paid: parts(paidM + overpaidFees - toCharges.maintenance, paidF - overpaidFees - toCharges.fees, -toCharges.charges),
    recordedByCms: parts(recM + overpaidFees - toCharges.maintenance, recF - overpaidFees - toCharges.fees, -toCharges.charges),
    adjustments,
    writtenOff,
    opening: historic.opening,
    secretaryOfState: historic.secretaryOfState,
    cms: { opening: historic.cmsOpening, writtenOff: cmsWrittenOff, secretaryOfState: historic.cmsSecretaryOfState },
    paidAhead: ahead,
    aheadOfNext,
    dueSoonDates: periods.dueSoon?.dates ?? [],
    aheadOnDirectPay,
    aheadDiffers,
    cmsRecordAhead: filledAhead,
    cmsAhead: parts(chargesLiability ? ahead.maintenance : filledAhead.maintenance, chargesFees ? ahead.fees : filledAhead.fees, 0),
    recomputed,
    cmsEntries,
    cmsFilledIn,
    notYetDueInCms: parts(structuralM, structuralF, 0),
    feeOnCollectionsInCms: chargesFees && books.side === 'paying' ? periods.feeOnCollections : 0,
    splitPayments,
    periods: rows,
    ...(bf
      ? {
          broughtForward: {
            date: bf.date,
            cms: bf.pence,
            owed: owedBefore.maintenance + owedBefore.fees + owedBefore.charges,
            effect: minus(carried, parts(owedBefore.maintenance - openBefore + writtenOffBefore, owedBefore.fees, owedBefore.charges)),
          },
        }
      : {}),
  };
}
