/**
 * What reconciliation takes and gives: the account as CMS records it and the evidence of what was paid in; the
 * findings, each with its effect on the balance and in whose favour, the balances by component, and the bridge
 * from CMS's figure to the recomputed one.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import type { BankTransactionInput, CmsEntryInput, EvidenceInput, EvidenceType } from '../ledger/entries.ts';
import type { Dec, MoneyInput } from '../money.ts';
import type { Reference } from '../parameters.ts';
import type { Schedule, ScheduleInput } from '../schedule/build.ts';
import type { TraceStep } from '../trace.ts';
import type { MissedPaymentReportInput } from './parent-reports.ts';

export const SIDES = ['paying', 'receiving'] as const;
export type Side = (typeof SIDES)[number];

/**
 * The basis of a receiving parent's figure: `gross`, the maintenance the paying parent owes for them; `net`, what
 * they are still owed in cash once CMS's 4% is taken on Collect and Pay. The paying side is always gross.
 */
export const BASES = ['gross', 'net'] as const;
export type Basis = (typeof BASES)[number];

/** The separate balances a CMS statement keeps (GOV.UK statement guide): each is compared on its own. */
export const COMPONENTS = ['maintenance', 'collection_fees', 'enforcement_charges'] as const;
export type Component = (typeof COMPONENTS)[number];

export const FINDING_KINDS = [
  /** CMS recorded a payment (or a refund, a deduction received) that no evidence shows. */
  'cms_payment_without_evidence',
  /** The evidence shows a payment CMS has no record of. */
  'payment_missing_from_cms',
  /** A payslip or benefit statement shows maintenance deducted that CMS never recorded as received. */
  'deduction_not_credited',
  /** A deduction made so recently that the employer (or DWP) still has time to pay it over: not yet in CMS's figure. */
  'deduction_in_transit',
  /** A payment made just before the date of CMS's figure that CMS recorded after it: not yet in that figure. */
  'payment_in_transit',
  /** CMS recorded one payment twice. */
  'duplicate_payment_record',
  /** CMS recorded a payment with another amount than was paid. */
  'amount_mismatch',
  /** CMS recorded a payment on another date than it was paid (no effect on the balance at the reconciliation date). */
  'date_mismatch',
  /** A payment for this case that CMS put on another of the parent's cases. */
  'payment_on_wrong_case',
  /** A payment for another case that CMS put on this one. */
  'payment_from_other_case',
  /** Direct Pay: a payment reported missed that the evidence shows was made. */
  'reported_missed_but_paid',
  /** Direct Pay: an instalment the evidence shows unpaid that nobody reported to CMS. */
  'missed_payment_not_reported',
  /** Direct Pay: an instalment the evidence shows unpaid that the parent reported to CMS, and CMS did not record. */
  'missed_payment_report_not_recorded',
  /** Direct Pay: money paid beyond the instalments (a catch-up) that CMS has not set against reported arrears. */
  'extra_payment_not_credited',
  /** Maintenance charged for a period that the decisions do not make due. */
  'liability_mismatch',
  /** Maintenance for a period charged twice. */
  'duplicate_liability',
  /** A collection fee the rules do not allow, or of the wrong amount. */
  'collection_fee_mismatch',
  /** A collection fee charged twice. */
  'duplicate_collection_fee',
  /** An enforcement charge the Fees Regulations do not allow on its date, or of the wrong amount. */
  'enforcement_charge_not_allowed',
  /** The same enforcement charge twice. */
  'duplicate_enforcement_charge',
  /** An enforcement charge for action taken when the records show no arrears. */
  'enforcement_without_arrears',
  /** An overpayment set against what was due: an adjustment on the account, not a liability error. */
  'overpayment_offset',
  /** CMS's opening balance (arrears carried from the CSA) is not the figure stated for it. */
  'opening_balance_mismatch',
  /** A write-off stated (CMS's write-off letter) that CMS's entries do not show. */
  'write_off_not_applied',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const MATCH_REASONS = [
  'reference',
  'exact_amount',
  'collection_charge',
  'combined',
  'split',
  'payslip',
  'payslip_with_admin_charge',
  /** A payslip's deduction that reached CMS after the 19th of the month after it (SI 1992/1989 reg 14(1)). */
  'payslip_paid_over_late',
  /** Several payslips' deductions, made in one month, paid over to CMS in one payment (with or without £1 each kept). */
  'payslips_paid_over_together',
  'benefit_statement',
  'schedule_agrees',
  'charge_agrees',
  /**
   * An enforcement charge the Fees Regulations allow for an action that may be taken with no arrears on its day (a
   * deduction from earnings order or request; a regular deduction order after a payment missed): it stands.
   */
  'charge_without_arrears',
  'report_agrees',
  'direct_pay_payments',
  'accepted_as_recorded',
  'not_checked',
  'balance_agrees',
  /** CMS set an overpayment the records show against what was due: it moves the credit, the balance is the same. */
  'overpayment_set_off',
  /**
   * CMS applied a backdated reduction by adjustment: with its lines at the amount known before, it makes what the
   * decisions make due (charges.ts, revisionAdjustments).
   */
  'backdated_decision_applied',
  /**
   * A payment before the day CMS brings a balance forward from, that no entry of CMS's from that day on records: it is
   * in that one figure, compared with what the records make owed then (the `balance_brought_forward` line).
   */
  'in_balance_brought_forward',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export const IGNORE_REASONS = [
  'not_a_maintenance_payment',
  'after_as_of',
  'not_visible_from_this_side',
  'another_case',
  /** Receiving side: arrears owed to the Secretary of State are not owed to the receiving parent. */
  'owed_to_secretary_of_state',
  /** A payment schedule's line for a period the statement of account already charges: the same charge, not a second. */
  'schedule_line_already_charged',
  /** A payment schedule's line repeating another schedule's for the same period and amount: one instalment listed twice. */
  'schedule_line_listed_twice',
  /** The same line as another document of the same account or case shows it (`repeats`): counted once. */
  'shown_in_another_document',
  /**
   * Receiving side: a collection fee line that is the paying parent's fee for its period (20%, SI 2014/612 reg 7), as
   * a ledger typed from a subject access request shows it: not part of what is owed to the receiving parent.
   */
  'paying_parents_fee',
  /**
   * A line of CMS's dated before the day it brings a balance forward from, where the decisions start earlier: that
   * balance is its whole account before the day, in one figure, so the line is in it already.
   */
  'in_balance_brought_forward',
] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

/** What CMS says is owed on a day: one figure, or by component, or both. */
export interface CmsClaimInput {
  readonly date: CivilDate;
  /** Everything together: positive, the paying parent owes; negative, they have overpaid. */
  readonly balance?: MoneyInput;
  readonly maintenance?: MoneyInput;
  readonly collectionFees?: MoneyInput;
  readonly enforcementCharges?: MoneyInput;
  /** Receiving side on Collect and Pay: whether CMS's figure is before (`gross`) or after (`net`) its 4%. */
  readonly basis?: Basis;
}

export interface ReconcileInput {
  /** The decisions to build the schedule of what was due (its `asOf` defaults to the claim date). */
  readonly schedule: Omit<ScheduleInput, 'asOf'> & { readonly asOf?: CivilDate };
  /** Whose evidence this is. */
  readonly side: Side;
  /** Receiving side with several receiving parents: which one's account this is. */
  readonly receivingParentId?: string;
  /** This case's CMS reference, when CMS entries from another of the parent's cases are given too. */
  readonly caseReference?: string;
  /**
   * CMS's lines. An `opening_balance` dated after the decisions start (and not the day of a stated
   * `schedule.openingBalance`) is a balance CMS brings forward: its whole account before that day in one figure, as a
   * statement that starts inside the case's history prints it. It is compared, as one line of the bridge, with what
   * the decisions and the evidence make owed the day before; CMS's lines dated before it are in it (set aside), and
   * nothing before it is taken as CMS's error entry by entry. An `opening_balance` on or before the day the decisions
   * start is arrears carried in from before them.
   */
  readonly cmsEntries?: readonly CmsEntryInput[];
  readonly bankTransactions?: readonly BankTransactionInput[];
  /** Payslip and benefit deductions, and other payments the parent can show. */
  readonly evidence?: readonly EvidenceInput[];
  /**
   * Which bank transactions are maintenance payments: those whose description or reference contains one of
   * `descriptionContains`, or (`includeAll`) every one given. Without a filter a whole bank statement may have
   * been given, so only transactions that match a CMS record or an instalment, or look like one, are counted.
   */
  readonly bankFilter?: { readonly descriptionContains?: readonly string[]; readonly includeAll?: boolean };
  /**
   * The other parent's names as the case holds them (the receiving parent's, on the paying side; the paying parent's on
   * the receiving side). Without a bankFilter, a payment whose description names them (first name and surname, or an
   * initial and the surname) is taken as a maintenance payment, with a warning that says so.
   */
  readonly otherParentNames?: readonly string[];
  readonly cmsClaim?: CmsClaimInput;
  /**
   * Direct Pay: the parent's own reports to CMS of missed or short payments (calls, letters), as the case records them.
   * A shortfall reported here that CMS's `missed_payment_reported` entries do not hold is CMS's error.
   */
  readonly missedPaymentReports?: readonly MissedPaymentReportInput[];
  /** Dates this many days apart or less count as the same payment (default 5). */
  readonly windowDays?: number;
  /** The same amount up to this many days apart is a wrong date rather than a different payment (default 62). */
  readonly maxDateDifferenceDays?: number;
}

/** A piece of evidence a match or finding rests on, as a letter cites it. */
export interface Citation {
  readonly kind: 'bank' | EvidenceType;
  readonly id: string;
  readonly date: CivilDate;
  readonly amount: Dec;
  readonly direction?: 'in' | 'out';
  readonly description: string;
  readonly from?: string;
  readonly source?: string;
}

/** An amount by component: maintenance, collection fees, enforcement charges. */
export interface ByComponent<T> {
  readonly maintenance: T;
  readonly collectionFees: T;
  readonly enforcementCharges: T;
}

export type Favours = 'paying_parent' | 'receiving_parent' | 'neither';

/** Facts a sentence is written from; which are present depends on the kind. */
export interface FindingFacts {
  /** The CMS entries concerned, as CMS has them. */
  readonly cms?: readonly { readonly type: string; readonly date: CivilDate; readonly amount: Dec; readonly description?: string }[];
  /** For a period: its dates, what CMS charged and what the decisions make due. */
  readonly period?: { readonly start: CivilDate; readonly end: CivilDate };
  readonly charged?: Dec;
  readonly due?: Dec;
  /** For a payment: how many days apart CMS's date and the evidence are. */
  readonly days?: number;
  /** A payment CMS recorded passing on before the date that reached the receiving parent's bank after it (in transit). */
  readonly arrivedOn?: CivilDate;
  /** Why, in a word, where the kind has several reasons. */
  readonly reason?:
    | 'direct_pay'
    | 'before_fees'
    | 'before_charges'
    | 'not_an_allowed_amount'
    | 'wrong_amount_for_action'
    | 'outside_schedule'
    | 'after_case_end'
    | 'backdated_decision'
    | 'refund'
    | 'no_cms_record_given'
    | 'too_recent_to_check'
    | 'no_cms_entries_given'
    | 'short_payment'
    | 'voluntary'
    | 'nothing_to_offset'
    | 's41e'
    | 'write_off_exercise'
    | 'never_behind'
    | 'catch_up';
  /** Direct Pay: the instalment reported missed that a later payment (a catch-up) made up. */
  readonly catchUpFor?: CivilDate;
  /**
   * A deduction still in time to reach CMS: the last day it may (from pay, the employer's pay-over day, SI 1992/1989
   * reg 14(1); from benefit, which has no such day, Reckoner's matching window after the deduction).
   */
  readonly reachBy?: CivilDate;
  /** Where a stated figure comes from (a write-off letter). */
  readonly source?: string;
  /** A decision the finding turns on: its id, letter date and effective date. */
  readonly decision?: { readonly id: string; readonly letterDate?: CivilDate; readonly effectiveDate: CivilDate };
  /** An enforcement charge's action, and what the Fees Regulations allow for it then. */
  readonly action?: string;
  readonly allowed?: readonly Dec[];
  /** Direct Pay: the parent's own report of the shortfall, which CMS did not record (parent-reports.ts). */
  readonly parentReport?: { readonly date: CivilDate; readonly reference?: string };
  /**
   * Direct Pay, without a bankFilter: the regular payments whose amounts fit the schedule that were set aside as not
   * maintenance (payments.ts setAsidePayees), up to the date. What the finding says was paid leaves them out, so it
   * does not state that nothing was paid as a fact of the evidence.
   */
  readonly setAside?: SetAside;
  /** Direct Pay: the instalment due, what was reported missed, and what the evidence shows paid for it. */
  readonly reported?: Dec;
  readonly paid?: Dec;
  /** Payments put on another case: that case's reference. */
  readonly otherCase?: string;
  /** The overdue maintenance the records show on the day of an enforcement charge. */
  readonly arrearsThen?: Dec;
  /**
   * An enforcement charge with no arrears to enforce: the actions it can be for (the one CMS named, or those the Fees
   * Regulations charge its amount for), and the law that says each needs arrears (or a payment missed).
   */
  readonly actions?: readonly string[];
  readonly law?: readonly Reference[];
}

export interface Finding {
  readonly id: string;
  readonly kind: FindingKind;
  readonly date: CivilDate;
  /** The money at stake, never negative. */
  readonly amount: Dec;
  /** How much higher CMS's figure is because of this (negative: lower), by component and in all. */
  readonly effect: Dec;
  readonly effects: ByComponent<Dec>;
  /** Whom correcting it helps. */
  readonly favours: Favours;
  /** The entries this finding accounts for. */
  readonly cmsEntryIds: readonly string[];
  readonly bankTransactionIds: readonly string[];
  readonly evidenceIds: readonly string[];
  /** The evidence it rests on. */
  readonly citations: readonly Citation[];
  readonly facts: FindingFacts;
  /** One line for the parent (second person); `explain` gives it in the first person for a letter. */
  readonly explanation: string;
}

export interface Match {
  readonly id: string;
  readonly reason: MatchReason;
  readonly cmsEntryIds: readonly string[];
  readonly bankTransactionIds: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly amount: Dec;
  readonly dayDifference: number;
  readonly explanation: string;
}

export interface Ignored {
  readonly cmsEntryId?: string;
  readonly bankTransactionId?: string;
  readonly evidenceId?: string;
  readonly reason: IgnoreReason;
}

export interface PeriodRow {
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  /** What accrued for the period. */
  readonly accrued: Dec;
  /** What the payment plan made due in the period (ongoing instalment, catch-up parts, credits). */
  readonly due: Dec;
  /** What the evidence shows paid in the period. */
  readonly paid: Dec;
  /** What CMS credited as paid in the period (on Direct Pay: the instalment less what was reported missed). */
  readonly recordedByCms: Dec;
  /** CMS adjustments and write-offs in the period, taken as recorded. */
  readonly adjustments: Dec;
  /** Enforcement charges the rules allow, in the period. */
  readonly charges: Dec;
  /**
   * What of the period's instalment is still unpaid on the evidence, each payment set against the instalment it was for
   * (from `windowDays` before its due date), a surplus paying ahead or making good an earlier one (shortfalls.ts); not
   * due − paid, which counts a payment a day early in the period before.
   */
  readonly shortfall: Dec;
  /**
   * Of what was set against the period's instalment where it is left short, what came from the payment in advance (what
   * earlier instalments were paid beyond what they needed, carried forward), not from payments made for it: present only
   * where some did (shortfalls.ts `unpaidInstalments`, direct-pay.ts). What was received for it is the rest.
   */
  readonly fromPaidAhead?: Dec;
  /** The balance worked out from the decisions and the evidence, at the end of the period. */
  readonly runningBalance: Dec;
  /**
   * The same with CMS's record of payments instead of the evidence. Not known where `cmsUnknown` is set: it is 0 there,
   * and is not CMS's balance.
   */
  readonly runningBalancePerCms: Dec;
  /**
   * Set (true) on a period that ends before the day of a balance CMS brings forward from inside the case's history
   * (bridge.broughtForward): CMS's account before that day is that one figure, so its balance at the end of this
   * period is not known, and a table or chart shows none (not nil). The period the day falls in ends with the balance
   * brought forward in it.
   */
  readonly cmsUnknown?: true;
}

export interface ComponentBalance {
  readonly component: Component;
  /** Who it is owed to: maintenance to the receiving parent; fees and charges to the Secretary of State. */
  readonly creditor: 'receiving_parent' | 'secretary_of_state';
  readonly accrued: Dec;
  readonly due: Dec;
  readonly notYetDue: Dec;
  readonly paid: Dec;
  readonly adjustments: Dec;
  readonly writtenOff: Dec;
  /** Arrears carried in (maintenance only). */
  readonly openingBalance: Dec;
  /** Overdue: opening balance + due − paid + adjustments − written off (charges: the allowed charges). */
  readonly recomputed: Dec;
  /**
   * How `recomputed` was reached, in words ("Maintenance: due under the payment plan £2,600.04 − paid £2,455.57 =
   * £144.47"); absent where its terms do not add up to it alone (the receiving side's other terms, say).
   */
  readonly working?: string;
  /** What CMS's own entries add up to for this component. */
  readonly cmsEntriesTotal: Dec;
  readonly cmsClaimed?: Dec;
  /** cmsClaimed − recomputed. */
  readonly difference?: Dec;
}

export interface Balance {
  readonly asOf: CivilDate;
  readonly basis: Basis;
  /** Everything accrued to the date (paying side: maintenance and collection fees). */
  readonly accrued: Dec;
  /** What the payment plan had made due by the date. */
  readonly due: Dec;
  /**
   * Paid beyond what the plan made due (receiving side: what reached her beyond it), towards what has accrued but is
   * not yet due (an initial or backdated amount, voluntary payments before the first due date among them): not an
   * overpayment while that lasts.
   * Absent when none. The recomputed balance is due + paidAhead − paid (and the rest of its terms).
   */
  readonly paidAhead?: Dec;
  /**
   * Of `paidAhead`, what pays the instalments the plan makes due in the matching window after the date, paid in the days
   * before they fell due (a standing order a few days early): not an overpayment either. Absent when none.
   */
  readonly paidAheadOfNext?: { readonly amount: Dec; readonly dueDates: readonly CivilDate[] };
  /** Accrued but collected by later instalments of the payment plan, less what was paid ahead: not overdue. */
  readonly notYetDue: Dec;
  /** Payments the evidence shows, net of refunds (receiving side: on the basis). */
  readonly paid: Dec;
  /** Payments CMS recorded. */
  readonly recordedByCms: Dec;
  /** CMS adjustments, taken as recorded. */
  readonly adjustments: Dec;
  /** Arrears written off (stated, and those CMS's entries show). */
  readonly writtenOff: Dec;
  /** Arrears carried in (from the CSA), on this side: receiving side, without the Secretary of State's part. */
  readonly openingBalance: Dec;
  /**
   * Arrears owed to the Secretary of State (the opening balance's part less what of it was written off): in the
   * paying parent's figure; left out of the receiving parent's.
   */
  readonly secretaryOfState: Dec;
  /** Enforcement charges the rules allow. */
  readonly enforcementCharges: Dec;
  /** Overdue now: opening balance + due − paid + adjustments − written off + allowed enforcement charges. Positive, the paying parent owes. */
  readonly recomputed: Dec;
  /** What CMS's entries add up to, on the same basis (with cmsEntriesFilledIn, where it is not zero). */
  readonly cmsEntriesTotal: Dec;
  /**
   * Of cmsEntriesTotal, what Reckoner filled in from the decisions for the periods CMS's entries show no charge for
   * (what accrued, or what the payment plan made due): zero when CMS's entries charge every period.
   */
  readonly cmsEntriesFilledIn: Dec;
  readonly cmsClaimed?: Dec;
  /** cmsClaimed − recomputed. */
  readonly difference?: Dec;
  readonly position: 'arrears' | 'overpaid' | 'settled';
  readonly components: readonly ComponentBalance[];
  /**
   * Receiving side: the balance both ways (the paying parent's gross arrears, and the net still owed in cash). Absent
   * where her 4% collection fee touches nothing due or paid (Direct Pay throughout): then there is one basis only.
   */
  readonly bothBases?: { readonly gross: Dec; readonly net: Dec };
  /**
   * Receiving side, on a case moved from Direct Pay to Collect and Pay: the arrears from Direct Pay still owed (in
   * the balance without the 4%), the 4% of them, and what would reach her if CMS collects them and takes it. The
   * balance is not lowered by it: whether the 4% applies to them is not settled (calc/reconcile/moved-arrears.ts).
   */
  readonly directPayArrears?: { readonly movedOn: CivilDate; readonly owed: Dec; readonly fee: Dec; readonly wouldReach: Dec };
}

export const BRIDGE_LINE_KINDS = [
  ...FINDING_KINDS,
  'accrued_not_yet_due',
  /**
   * Beside an `accrued_not_yet_due` line: what the paying parent's fee, worked on each collection of CMS's payment plan,
   * comes to beyond the fee CMS's entries charge period by period (negated: CMS's figure is lower by it). The line
   * above counts it, as what is not yet due does (balance.notYetDue); CMS's figure, from its entries, does not.
   */
  'plan_fee_rounding',
  'paid_ahead',
  'paid_ahead_differs',
  'received_not_passed_on',
  /**
   * CMS's balance brought forward (its account before the day, in one figure) against what the decisions and the
   * evidence make owed at the end of the day before: where it arose, only CMS's earlier statements show.
   */
  'balance_brought_forward',
  'unexplained',
] as const;
export type BridgeLineKind = (typeof BRIDGE_LINE_KINDS)[number];

export interface BridgeLine {
  readonly kind: BridgeLineKind;
  /** The finding it comes from. */
  readonly findingId?: string;
  readonly date?: CivilDate;
  /** The part of CMS's figure minus the recomputed one this line explains (positive: CMS's figure is higher). */
  readonly amount: Dec;
  readonly effects: ByComponent<Dec>;
  readonly description: string;
}

/**
 * A reconciliation statement, as an accountant writes one: from CMS's figure, line by line, to the recomputed one.
 * The lines always add up to `from − to`, an unexplained remainder being its own line.
 */
export interface Bridge {
  /** CMS's figure: its claim, or what its entries add up to when no claim was given. */
  readonly from: Dec;
  readonly fromLabel: 'cms_claim' | 'cms_entries';
  /**
   * Where CMS's entries hold liability accrued but not yet due under the payment plan and CMS's figure leaves it out,
   * as it should (its figure is the arrears due under the plan, cms-accounts.md §3): that amount, and what its entries
   * make due without it, which CMS's figure is compared with. No line of the bridge is needed for it. Absent where its
   * figure counts it (then it is an `accrued_not_yet_due` line) or its entries hold none. Negative where the plan has
   * made due more than its entries hold (instalments of liability that accrued outside them): words for it are
   * explain.ts entriesBesidePlan and planBasisWords, never "of which -£… has accrued but is not yet due".
   */
  readonly notYetDueLeftOut?: { readonly amount: Dec; readonly entriesDue: Dec };
  /**
   * A balance given alone that is, to the penny, only some parts of CMS's own entries (its maintenance arrears, say, the
   * line a statement summary prints first): it was read as those parts, and the parts it left out (collection fees,
   * enforcement charges, owed to the Secretary of State) were taken as CMS's entries have them, so that each part is
   * compared with the same part (claim-parts.ts). The figure given, the parts it was read as, and what was left out.
   */
  readonly claimReadAsParts?: {
    readonly given: Dec;
    readonly parts: readonly Component[];
    readonly leftOut: { readonly collectionFees: Dec; readonly enforcementCharges: Dec };
  };
  /**
   * Receiving side: where CMS's figure is the paying parent's arrears, it counts as paid what CMS received from him,
   * some of which had not reached her by the date (a `received_not_passed_on` line): that money, and the receipts it
   * is in (the latest; what was passed on went to the earlier ones first). Held by CMS: not arrears (held.ts).
   */
  readonly notPassedOn?: {
    readonly amount: Dec;
    readonly receipts: readonly {
      readonly cmsEntryId: string;
      readonly date: CivilDate;
      readonly amount: Dec;
      readonly notPassedOn: Dec;
    }[];
  };
  readonly to: Dec;
  /** from − to: what the lines add up to. */
  readonly difference: Dec;
  readonly lines: readonly BridgeLine[];
  readonly subtotals: readonly { readonly kind: BridgeLineKind; readonly count: number; readonly amount: Dec }[];
  /** Σ of the lines by component, and CMS's claimed figure for each where it was given. */
  readonly components: readonly {
    readonly component: Component;
    readonly from?: Dec;
    readonly to: Dec;
    readonly amount: Dec;
    /**
     * Σ of the lines other than the unexplained one: where CMS gave a total only, the part of it beyond its entries
     * has no parts anyone can know, and calc puts it in the first part CMS did not give.
     */
    readonly explained: Dec;
    /**
     * Σ of the lines other than `accrued_not_yet_due` and `plan_fee_rounding`, and the lines of what is on its way
     * (`deduction_in_transit`, `payment_in_transit`): how far this part is out beside what is owed later and on its way.
     */
    readonly besideNotYetDue: Dec;
  }[];
  /**
   * Where CMS's entries start with a balance brought forward from inside the case's history: its day, CMS's figure,
   * what the decisions and the evidence make owed at the end of the day before (as the lines from that day on leave
   * it), and CMS's less that (the `balance_brought_forward` line; no line where it is nil).
   */
  readonly broughtForward?: { readonly date: CivilDate; readonly cms: Dec; readonly owed: Dec; readonly difference: Dec };
  /** What CMS's figure comprises besides maintenance, fees and charges: the arrears carried in, write-offs, the Secretary of State's part. */
  readonly historic?: { readonly openingBalance: Dec; readonly writtenOff: Dec; readonly secretaryOfState: Dec };
  /**
   * The lines in the paying parent's favour (CMS's figure too high) and in the receiving parent's: how many, which
   * (indexes into `lines`) and their total. With none of CMS's entries given, the unexplained line is in neither.
   */
  readonly inPayingParentsFavour: FavourTally;
  readonly inReceivingParentsFavour: FavourTally;
  /**
   * What is on its way to CMS at the date: the deductions from pay or benefit still in time to reach it (the
   * `deduction_in_transit` lines: the employer pays over by the 19th of the month after, SI 1992/1989 reg 14(1)), and
   * payments made before the date that CMS recorded after it (`payment_in_transit`). `to` counts them as paid; CMS's
   * figure does not include them yet, and is not wrong about them.
   */
  readonly inTransit: { readonly count: number; readonly amount: Dec };
  /**
   * Of the `payment_missing_from_cms` lines, those whose payment was checked against no line of CMS's account: none
   * was given, or none after the date for a payment made just before it (explain.ts uncheckedReason). How many and
   * their total; absent where there are none. CMS's record may hold them: they are not shown to be errors of its record.
   */
  readonly notChecked?: { readonly count: number; readonly amount: Dec };
  /**
   * Of those, the ones made just before the date with none of CMS's entries after it given (`too_recent_to_check`):
   * they may be on their way, as a payment CMS records after the date is, so they are in neither favour's tally.
   * `differenceBeside`: from − to less their total, how far CMS's figure is out beside them. (Paid long before, with
   * none of CMS's account given, a payment still makes its figure too high: it was paid, whatever CMS recorded.)
   */
  readonly tooRecent?: { readonly count: number; readonly amount: Dec; readonly differenceBeside: Dec };
  /**
   * from − to less inTransit.amount, and less the lines of what has accrued and is not yet due where there are any
   * (`differenceBesideNotYetDue`): how far CMS's figure is out once what is on its way has reached it.
   */
  readonly differenceOnceArrived: Dec;
  /**
   * Where CMS's figure counts liability that has accrued and is not yet due (an `accrued_not_yet_due` line, and a
   * `plan_fee_rounding` line beside it): from − to less those lines and less inTransit.amount, how far CMS's figure is
   * out beside what is owed later and what is on its way. Absent without such a line.
   */
  readonly differenceBesideNotYetDue?: Dec;
  /** Σ of those lines (signed as the bridge's lines): what CMS's figure counts that is owed later. Absent without one. */
  readonly owedLater?: Dec;
}

export interface FavourTally {
  readonly count: number;
  readonly lines: readonly number[];
  readonly amount: Dec;
}

/** Regular payments set aside as not maintenance though their amounts fit the schedule: how many, to whom, how much. */
export interface SetAside {
  readonly count: number;
  readonly total: Dec;
  /** Each payee as the bank describes it, with its payments' count and total. */
  readonly payees: readonly { readonly description: string; readonly count: number; readonly total: Dec }[];
}

export interface Reconciliation {
  readonly side: Side;
  readonly receivingParentId?: string;
  readonly asOf: CivilDate;
  readonly windowDays: number;
  readonly balance: Balance;
  readonly bridge: Bridge;
  readonly counts: {
    readonly cmsEntries: number;
    readonly bankTransactions: number;
    readonly evidence: number;
    readonly matches: number;
    readonly findings: number;
    readonly ignored: number;
    readonly byKind: Readonly<Record<FindingKind, { count: number; amount: Dec; effect: Dec }>>;
  };
  readonly findings: readonly Finding[];
  readonly matches: readonly Match[];
  readonly ignored: readonly Ignored[];
  readonly periods: readonly PeriodRow[];
  readonly schedule: Schedule;
  /**
   * Without a bankFilter: regular payments whose amounts fit the schedule that were set aside as not maintenance.
   * Present only when there are some; a letter that states what was paid must not state it as all the evidence shows.
   */
  readonly setAside?: SetAside;
  /** Things the user should know that do not stop the reconciliation. */
  readonly warnings: readonly string[];
  readonly trace: readonly TraceStep[];
}
