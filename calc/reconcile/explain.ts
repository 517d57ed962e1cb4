/**
 * Every sentence reconciliation writes, from the findings as data. Results speak to the parent ("your bank
 * shows …"); a letter the parent signs speaks for them ("my bank shows …"): the same facts, the voice chosen here,
 * never one rewritten into the other.
 * @module
 */
import { addDays, dateInWords, daysBetween, type CivilDate } from '../dates.ts';
import type { CmsEntryType, EvidenceType } from '../ledger/entries.ts';
import { Dec, pounds, poundsOfPence } from '../money.ts';
import { LAW } from '../scheme-2012/law.ts';
import type { EnforcementAction } from '../scheme-2012/parameters.ts';
import { ENFORCEMENT_POWERS } from './enforcement.ts';
import { payOverDate } from './pay-over.ts';
import type {
  Balance,
  Basis,
  BridgeLineKind,
  ByComponent,
  Citation,
  Component,
  FindingFacts,
  FindingKind,
  MatchReason,
  Side,
} from './types.ts';

/** Who speaks: Reckoner to the parent, or the parent in a letter. */
export type Voice = 'you' | 'i';

interface Words {
  readonly your: string;
  readonly you: string;
  readonly You: string;
}
const WORDS: Record<Voice, Words> = {
  you: { your: 'your', you: 'you', You: 'You' },
  i: { your: 'my', you: 'me', You: 'I' },
};

const d = (date: CivilDate): string => dateInWords(date);

/** What CMS says a record is, as a noun phrase. */
function recordWords(type: string, w: Words): string {
  const words: Partial<Record<CmsEntryType, string>> = {
    payment_received: 'a payment received',
    deo_receipt: `money from ${w.your} employer under a deduction from earnings order`,
    benefit_deduction_receipt: `a deduction from ${w.your} benefit`,
    direct_payment: 'a Direct Pay payment',
    voluntary_payment: 'a voluntary payment',
    payment_passed_on: `a payment passed on to ${w.you}`,
    refund: `a refund to ${w.you}`,
    missed_payment_reported: 'a missed payment report',
  };
  return words[type as CmsEntryType] ?? type.replace(/_/g, ' ');
}

/** Where the evidence for a record would be. */
function evidenceWords(type: string, side: Side, w: Words): { none: string; moved: string } {
  if (type === 'deo_receipt') return { none: `no payslip shows such a deduction`, moved: 'was deducted from pay' };
  if (type === 'benefit_deduction_receipt')
    return { none: `no benefit statement shows such a deduction`, moved: 'was deducted from benefit' };
  if (type === 'refund') return { none: `${w.your} bank shows no such money coming back`, moved: `came back into ${w.your} account` };
  return side === 'paying'
    ? { none: `${w.your} bank shows no such payment`, moved: `left ${w.your} account` }
    : { none: `${w.your} bank shows no such payment arriving`, moved: `reached ${w.your} account` };
}

const ACTION_WORDS: Record<string, string> = {
  deduction_from_earnings_order: 'a deduction from earnings order',
  deduction_from_earnings_request: 'a deduction from earnings request',
  regular_deduction_order: 'a regular deduction order',
  lump_sum_deduction_order: 'a lump sum deduction order',
  liability_order: 'a liability order',
};

function list(values: readonly Dec[]): string {
  const ps = values.map(pounds);
  return ps.length <= 1 ? (ps[0] ?? '') : `${ps.slice(0, -1).join(', ')} or ${ps[ps.length - 1]}`;
}

function citationWords(c: Citation, side: Side, w: Words): string {
  const what: Record<'bank' | EvidenceType, string> = {
    bank:
      c.direction === 'in'
        ? side === 'paying'
          ? `came back into ${w.your} account`
          : `reached ${w.your} account`
        : `left ${w.your} account`,
    payslip_deduction: `was deducted from ${w.your} pay`,
    benefit_deduction: `was deducted from ${w.your} benefit`,
    declared_payment: side === 'paying' ? `was paid` : `was received`,
  };
  const about = c.description ? ` ("${c.description}")` : c.from ? ` (${c.from})` : '';
  return `${pounds(c.amount)} ${what[c.kind]} on ${d(c.date)}${about}`;
}

export interface Explainable {
  readonly kind: FindingKind;
  readonly date: CivilDate;
  readonly amount: Dec;
  readonly facts: FindingFacts;
  readonly citations: readonly Citation[];
}

/**
 * ", of which £312.00 reaches CMS (the employer keeps £1.00 for its costs)" where less reaches CMS than was deducted.
 * What reaches CMS is not all maintenance: on Collect and Pay it holds the 20% collection fee too.
 */
function lessCharge(reaching: Dec, deducted: Dec): string {
  return reaching.equals(deducted)
    ? ''
    : `, of which ${pounds(reaching)} reaches CMS (the employer keeps ${pounds(deducted.minus(reaching))} for its costs, as CMS's other receipts show)`;
}

/**
 * Whether a finding's reason says its payment was checked against no line of CMS's account: none was given, or none
 * after the date for a payment made just before it. Such a payment is not shown to be an error of CMS's.
 */
export function uncheckedReason(reason: string | undefined): boolean {
  return reason === 'no_cms_record_given' || reason === 'too_recent_to_check';
}

/** One line about a finding, in the voice asked for. */
export function explainFinding(f: Explainable, side: Side, voice: Voice = 'you'): string {
  const w = WORDS[voice];
  const x = f.facts;
  const cms = x.cms?.[0];
  const shown = f.citations.map((c) => citationWords(c, side, w));
  const period = x.period ? `${d(x.period.start)} to ${d(x.period.end)}` : '';
  const first = shown[0] ?? '';
  switch (f.kind) {
    case 'cms_payment_without_evidence': {
      const e = evidenceWords(cms!.type, side, w);
      return `CMS recorded ${recordWords(cms!.type, w)} of ${pounds(cms!.amount)} on ${d(cms!.date)}, but ${e.none}.`;
    }
    case 'payment_missing_from_cms':
      if (x.reason === 'no_cms_record_given') {
        return voice === 'i'
          ? `${capital(first)}; I have been given no statement of account of yours that shows it: please confirm that you have recorded it.`
          : `${capital(first)}; no line of CMS's statement of account was given, so whether CMS recorded it is not checked.`;
      }
      if (x.reason === 'too_recent_to_check') {
        return voice === 'i'
          ? `${capital(first)}, shortly before the date of your figure; I have been given no entry of yours after that date that shows it: please confirm that you have recorded it.`
          : `${capital(first)}, shortly before the date of CMS's figure: CMS may not have recorded it by then, and none of its entries after that date was given, so whether CMS recorded it is not checked.`;
      }
      return `${capital(first)}, but CMS has no record of it.`;
    case 'deduction_not_credited': {
      const c = f.citations[0]!;
      return `${capital(w.your)} ${c.kind === 'payslip_deduction' ? 'payslip' : 'benefit statement'} of ${d(c.date)} shows ${pounds(c.amount)} deducted for child maintenance${c.from ? ` by ${c.from}` : ''}${lessCharge(f.amount, c.amount)}, but CMS has not recorded receiving it: money taken and not credited.`;
    }
    case 'payment_in_transit':
      if (x.arrivedOn) {
        return `CMS recorded ${recordWords(cms!.type, w)} of ${pounds(cms!.amount)} on ${d(cms!.date)}; it reached ${w.your} account on ${d(x.arrivedOn)}, after the date of CMS's figure, so the balance worked out to that date does not count it yet and CMS is not wrong about it.`;
      }
      return `${capital(first)}; CMS recorded it on ${d(cms!.date)}, after the date of its figure, so its figure does not include it yet and is not wrong about it.`;
    case 'deduction_in_transit': {
      const c = f.citations[0]!;
      const by = x.reachBy ?? payOverDate(c.date);
      return c.kind === 'payslip_deduction'
        ? `${capital(w.your)} payslip of ${d(c.date)} shows ${pounds(c.amount)} deducted for child maintenance${lessCharge(f.amount, c.amount)}; it has until ${d(by)} to reach CMS, so CMS's figure does not include it yet.`
        : `${capital(w.your)} benefit statement of ${d(c.date)} shows ${pounds(c.amount)} deducted for child maintenance, a few days before the date of CMS's figure: it may not have reached CMS by then (allow until ${d(by)}), so CMS's figure does not include it yet.`;
    }
    case 'duplicate_payment_record': {
      const twin = x.cms![1]!;
      return `CMS recorded ${recordWords(cms!.type, w)} of ${pounds(cms!.amount)} on ${d(cms!.date)} that repeats its record of ${d(twin.date)}; only one such payment ${evidenceWords(cms!.type, side, w).moved}.`;
    }
    case 'amount_mismatch': {
      const total = f.citations.reduce((a, c) => a.plus(c.amount), cms!.amount.minus(cms!.amount));
      const recorded = (x.cms ?? []).reduce((a, c) => a.plus(c.amount), cms!.amount.minus(cms!.amount));
      const diff = recorded.minus(total);
      const said = `CMS recorded ${recordWords(cms!.type, w)} of ${pounds(recorded)} on ${d(cms!.date)}, but ${shown.join(' and ')}`;
      // A payslip that shows the employer's £1 within the deduction: what should have reached CMS is £1 less (reg 12(6)).
      const kept = diff.abs().minus(f.amount);
      if (diff.lt(0) && kept.gt(0)) {
        return `${said}, of which the employer keeps ${pounds(kept)} for its costs: CMS shows ${pounds(f.amount)} less than should have reached it.`;
      }
      return `${said}: CMS shows ${pounds(diff.abs())} ${diff.gt(0) ? 'more' : 'less'} than was paid.`;
    }
    case 'date_mismatch': {
      const c = f.citations[0]!;
      const later = c.date > cms!.date;
      return `CMS recorded ${recordWords(cms!.type, w)} of ${pounds(cms!.amount)} on ${d(cms!.date)}, but it ${evidenceWords(cms!.type, side, w).moved} on ${d(c.date)}, ${x.days} days ${later ? 'later' : 'earlier'}.`;
    }
    case 'payment_on_wrong_case':
      return `${capital(first)} for this case, but CMS recorded it on another case (reference ${x.otherCase}).`;
    case 'payment_from_other_case':
      return `CMS credited this case with ${recordWords(cms!.type, w)} of ${pounds(cms!.amount)} on ${d(cms!.date)}, but it was paid for another case (reference ${x.otherCase}).`;
    case 'reported_missed_but_paid':
      return x.reason === 'short_payment'
        ? // What was missing is what was reported less the finding, the same figures the finding rests on; a payment in
          // advance that made part of it good is named (a journey probe, F3: "only £69.34 was missing, £0.03 less than
          // reported" about a report of £69.34, where due − paid left out 3p paid ahead).
          `A missed payment of ${pounds(x.reported!)} was reported to CMS for the instalment of ${pounds(x.due!)} due on ${d(f.date)}, but ${pounds(x.paid!)} was paid for it${x.due!.minus(x.paid!).gt(x.reported!.minus(f.amount)) ? ` and ${pounds(x.due!.minus(x.paid!).minus(x.reported!.minus(f.amount)))} paid ahead before it` : ''}: only ${pounds(x.reported!.minus(f.amount))} was missing, ${pounds(f.amount)} less than reported.`
        : lateAfterReport(f, cms)
          ? `A missed payment of ${pounds(x.reported!)} was reported to CMS for the instalment due on ${d(f.date)}, and it was paid late, after the report: ${shown.join('; ')}. The report was right when it was made, but the instalment has since been paid, so it is not owed.`
          : restAfterReport(f, cms)
            ? `A missed payment of ${pounds(x.reported!)} was reported to CMS for the instalment due on ${d(f.date)}, and the rest of it was paid after the report: ${shown.join('; ')}. The report was right when it was made, but the instalment has since been paid in full, so it is not owed.`
            : `A missed payment of ${pounds(x.reported!)} was reported to CMS for the instalment due on ${d(f.date)}, but it was paid${shown.length ? `: ${shown.join('; ')}` : ' (by a payment made in advance)'}.`;
    case 'missed_payment_not_reported':
      // None of CMS's entries given: whether anyone reported it, nothing given says.
      if (x.reason === 'no_cms_entries_given') {
        const r = x.parentReport;
        const whether = r
          ? `It was reported on ${d(r.date)}${r.reference ? ` (${r.reference})` : ''}; none of CMS's entries was given, so whether CMS recorded the report is not known`
          : `None of CMS's entries was given, so whether it was reported is not known`;
        return `The instalment of ${pounds(x.due!)} due on ${d(f.date)} was not paid in full (${paidForIt(x)}, ${pounds(f.amount)} short). ${whether}: on Direct Pay CMS's figure includes a shortfall only once it is reported.${setAsideWords(x, side, w)}`;
      }
      // With a report for part of it, the finding is the part nobody reported (the whole shortfall may be larger).
      return x.reported && x.reported.gt(0)
        ? `The instalment of ${pounds(x.due!)} due on ${d(f.date)} was not paid in full (${paidForIt(x)}). A missed payment of ${pounds(x.reported)} was reported to CMS for it, but ${pounds(f.amount)} more was not paid and CMS was not told: on Direct Pay it records no payments, so its figure does not include this.${setAsideWords(x, side, w)}`
        : `The instalment of ${pounds(x.due!)} due on ${d(f.date)} was not paid in full (${paidForIt(x)}, ${pounds(f.amount)} short), and CMS was not told: on Direct Pay it records no payments, so its figure does not include this.${setAsideWords(x, side, w)}`;
    case 'missed_payment_report_not_recorded': {
      // The parent told CMS (parent-reports.ts): its record leaving the report out is its error, not news to it.
      const r = x.parentReport!;
      const when = `on ${d(r.date)}${r.reference ? ` (${r.reference})` : ''}, not recorded by CMS`;
      const told =
        x.reported && x.reported.gt(0)
          ? `CMS recorded a missed payment of ${pounds(x.reported)} for it; the ${pounds(f.amount)} more was reported ${when}`
          : `It was reported ${when}`;
      return `The instalment of ${pounds(x.due!)} due on ${d(f.date)} was not paid in full (${paidForIt(x)}${x.reported && x.reported.gt(0) ? '' : `, ${pounds(f.amount)} short`}). ${told}: on Direct Pay CMS's arrears arise from the missed payments reported, so its figure should include this.${setAsideWords(x, side, w)}`;
    }
    case 'extra_payment_not_credited':
      if (x.reason === 'catch_up' && x.catchUpFor) {
        return `${pounds(f.amount)} more than the instalment (${pounds(x.due!)}) was paid for the one due on ${d(f.date)}, making up the instalment due on ${d(x.catchUpFor)} that was reported missed; on Direct Pay CMS records no payments, so it has not set this against the arrears that report made.`;
      }
      return `${pounds(f.amount)} more than the instalment (${pounds(x.due!)}) was paid for the one due on ${d(f.date)}; on Direct Pay CMS records no payments, so it has not set this against the arrears it records.`;
    case 'liability_mismatch':
      if (x.reason === 'outside_schedule' || x.reason === 'after_case_end') {
        return `CMS charged ${pounds(cms!.amount)} maintenance on ${d(cms!.date)}, ${x.reason === 'after_case_end' ? 'after the case ended, when nothing was due' : 'outside any period in which the decisions made anything due'}.`;
      }
      if (x.reason === 'backdated_decision' && x.decision) {
        return `CMS charged ${pounds(x.charged!)} for ${period}, the amount before the decision ${x.decision.id}${x.decision.letterDate ? ` of ${d(x.decision.letterDate)}` : ''} (effective ${d(x.decision.effectiveDate)}) changed it to ${pounds(x.due!)}: the decision has not been applied to this period, ${pounds(f.amount)} too much.`;
      }
      return `CMS charged ${pounds(x.charged!)} maintenance for ${period}, but the decisions make ${pounds(x.due!)} due: ${pounds(f.amount)} too ${x.charged!.gt(x.due!) ? 'much' : 'little'}.`;
    case 'duplicate_liability':
      return `CMS charged ${pounds(f.amount)} maintenance twice for ${period}; it was due once.`;
    case 'collection_fee_mismatch':
      if (x.reason === 'outside_schedule' || x.reason === 'after_case_end') {
        return `CMS charged a collection fee of ${pounds(cms!.amount)} on ${d(cms!.date)}, outside any period in which maintenance was due.`;
      }
      if (x.reason === 'direct_pay') {
        return `CMS charged ${pounds(x.charged!)} in collection fees for ${period}, but the case was on Direct Pay, which has no collection fees.`;
      }
      if (x.reason === 'before_fees') {
        return `CMS charged ${pounds(x.charged!)} in collection fees for ${period}, before collection fees began (11 August 2014).`;
      }
      return `CMS charged ${pounds(x.charged!)} in collection fees for ${period}, but the rules make ${pounds(x.due!)} due: ${pounds(f.amount)} too ${x.charged!.gt(x.due!) ? 'much' : 'little'}.`;
    case 'duplicate_collection_fee':
      return `CMS charged the collection fee of ${pounds(f.amount)} twice for ${period}.`;
    case 'enforcement_charge_not_allowed': {
      const action = x.action ? ACTION_WORDS[x.action] : undefined;
      switch (x.reason) {
        case 'before_charges':
          return `CMS recorded an enforcement charge of ${pounds(cms!.amount)} on ${d(cms!.date)}, before enforcement charges began on 30 June 2014.`;
        case 'direct_pay':
          return `CMS recorded an enforcement charge of ${pounds(cms!.amount)} on ${d(cms!.date)} while the case was on Direct Pay, where CMS takes no enforcement action.`;
        case 'wrong_amount_for_action':
          return `CMS charged ${pounds(cms!.amount)} for ${action ?? 'enforcement'} on ${d(cms!.date)}; the Fees Regulations set ${list(x.allowed ?? [])} for it then, ${pounds(f.amount)} ${cms!.amount.gt(x.allowed![0]!) ? 'more' : 'less'}.`;
        default:
          return `CMS recorded an enforcement charge of ${pounds(cms!.amount)} on ${d(cms!.date)}; the Fees Regulations allow only ${list(x.allowed ?? [])}.`;
      }
    }
    case 'duplicate_enforcement_charge':
      return `CMS charged ${pounds(cms!.amount)} for ${x.action ? ACTION_WORDS[x.action] : 'the same enforcement action'} on ${d(cms!.date)}, within 31 days of the same charge: one action charged twice.`;
    case 'enforcement_without_arrears':
      return withoutArrearsWords(cms!, x);
    case 'overpayment_offset':
      if (cms?.type === 'offset') {
        return `CMS set ${pounds(f.amount)} of an overpayment against what was due on ${d(cms.date)}${x.reason === 'nothing_to_offset' ? '; the records show no overpayment that large to set off' : ''}. That is an adjustment, not a payment.`;
      }
      return `CMS charged ${pounds(x.charged!)} for ${period} instead of ${pounds(x.due!)}: it set ${pounds(f.amount)} of an overpayment against it. That is an adjustment on the account, not an error in the amount due.`;
    case 'opening_balance_mismatch':
      return `CMS's account opens on ${d(cms!.date)} with ${pounds(x.charged!)} of arrears carried over, but the figure stated for them is ${pounds(x.due!)}: ${pounds(f.amount)} too ${x.charged!.gt(x.due!) ? 'much' : 'little'}.`;
    case 'write_off_not_applied':
      return `${pounds(f.amount)} of arrears ${x.reason === 'write_off_exercise' ? 'was written off in the CSA arrears write-off exercise' : 'was written off (Child Support Act 1991 s.41E)'} on ${d(f.date)}${x.source ? ` (${x.source})` : ''}, but CMS's account does not show the write-off: CMS's figure still includes it.`;
  }
}

/** What an action that needs arrears (or a payment missed) is for, in words. */
const NEEDS_WORDS: Partial<Record<EnforcementAction, string>> = {
  regular_deduction_order: 'can be made only where a payment has not been made',
  lump_sum_deduction_order: 'collects arrears only',
  liability_order: 'is made only for payments that have fallen due and have not been paid',
};

/** A charge for enforcement the records show nothing to enforce for, with the law that needs arrears (or a payment missed). */
function withoutArrearsWords(cms: { readonly amount: Dec; readonly date: CivilDate }, x: FindingFacts): string {
  const actions = (x.actions ?? []) as EnforcementAction[];
  const law = (x.law ?? []).map((r) => r.title).join('; ');
  const what = x.action ? ACTION_WORDS[x.action] : 'enforcement';
  const then =
    x.reason === 'never_behind'
      ? 'the records show no payment missed or late up to that day'
      : `on that day the records show ${x.arrearsThen && x.arrearsThen.lt(0) ? `an overpayment of ${pounds(x.arrearsThen.abs())}` : 'no arrears'}`;
  const start = `CMS charged ${pounds(cms.amount)} for ${what} on ${d(cms.date)}, but ${then}`;
  const only = actions.length === 1 ? actions[0]! : undefined;
  if (!only || !NEEDS_WORDS[only]) return `${start}: there was nothing to enforce${law ? ` (${law})` : ''}.`;
  return x.action
    ? `${start}: ${ACTION_WORDS[only]} ${NEEDS_WORDS[only]} (${law}).`
    : `${start}. ${pounds(cms.amount)} is the charge for ${ACTION_WORDS[only]}, which ${NEEDS_WORDS[only]} (${law}).`;
}

/**
 * The warning for a paying parent whose charge stands with no arrears on its day (charges.ts): not an error, and what
 * can still be asked. Whether CMS charges for a deduction from earnings order the parent chose is not settled
 * (docs/legal-notes.md R6a).
 */
export function chargeWithoutArrearsWarning(c: {
  readonly date: CivilDate;
  /** What CMS charged, and what the Fees Regulations set for the action (whole pence). */
  readonly charged: number;
  readonly lawful: number;
  /** The action CMS named, if it named one; and the one that lets the charge stand. */
  readonly action?: EnforcementAction;
  readonly standsBy: EnforcementAction;
}): string {
  const words = ACTION_WORDS[c.standsBy];
  const law = ENFORCEMENT_POWERS[c.standsBy].law.title;
  const first = c.action
    ? `CMS charged ${poundsOfPence(c.charged)} for ${ACTION_WORDS[c.action]} on ${d(c.date)}, when the records show no arrears. That is not an error: ${words} can collect maintenance that will become due, not only arrears (${law})`
    : `CMS charged ${poundsOfPence(c.charged)} for enforcement on ${d(c.date)}, when the records show no arrears. That is not shown to be an error: ${poundsOfPence(c.lawful)} is the charge for ${words}, which can collect maintenance that will become due, not only arrears (${law})`;
  return (
    `${first}, and the Fees Regulations set a charge of ${poundsOfPence(c.lawful)} for one (${LAW.enforcementFee.title}). ` +
    'It stays in the balance, owed to the Secretary of State, and CMS collects it only after the maintenance and any arrears. ' +
    `If you yourself asked to pay by deductions from your pay, you can ask CMS to confirm that it made the order as enforcement${c.action ? '' : ', and which action the charge was for'}: ` +
    'whether the charge applies to deductions you chose is not settled.'
  );
}

/**
 * What was paid for an instalment left short. Where regular payments were set aside as not maintenance (no bankFilter:
 * payees.ts), it is what the payments counted as maintenance paid for it, not a fact of all the evidence (journey probe
 * F1: "£0.00 paid for it" about a parent who paid £60 every Friday).
 */
function paidForIt(x: FindingFacts): string {
  return x.setAside ? `${pounds(x.paid!)} paid for it among the payments counted as maintenance` : `${pounds(x.paid!)} paid for it`;
}

/** The payments set aside beside a shortfall, and how to count them: '' where none were. */
function setAsideWords(x: FindingFacts, side: Side, w: Words): string {
  const s = x.setAside;
  if (!s) return '';
  const to = side === 'paying' ? 'to' : 'from';
  const payees = s.payees.map(
    (p) => `${p.count} ${p.count === 1 ? 'payment' : 'payments'} ${to} “${p.description}” totalling ${pounds(p.total)}`,
  );
  const list = payees.length === 1 ? payees[0]! : `${payees.slice(0, -1).join(', ')} and ${payees.at(-1)!}`;
  return (
    ` But ${list}, whose amounts fit the schedule, were set aside as not maintenance payments, as nothing given linked them to the other parent; if they were maintenance payments, this shortfall may not be one` +
    (w.you === 'you' ? ': give bankFilter.descriptionContains with the payee to count them.' : '.')
  );
}

function capital(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A report of a missed payment whose instalment was paid, every payment for it after the day of the report. */
function lateAfterReport(f: Explainable, report: { readonly date: CivilDate } | undefined): boolean {
  return report !== undefined && f.citations.length > 0 && f.citations.every((c) => c.date > report.date);
}

/**
 * Whether part of the instalment was paid before the report and what was reported short was paid after it: the report
 * of a short payment was right when made, and topped up since (a Direct Pay probe, 6 December 2026: £150.00 paid, £110.00
 * reported short, £110.00 paid after, read "it was paid").
 */
function restAfterReport(f: Explainable, report: { readonly date: CivilDate } | undefined): boolean {
  if (report === undefined || !f.citations.some((c) => c.date <= report.date)) return false;
  const after = f.citations.filter((c) => c.date > report.date).reduce((a, c) => a.plus(c.amount), new Dec(0));
  return after.gte(f.amount);
}

/** One line about a match. */
export function explainMatch(
  m: { readonly reason: MatchReason; readonly pence: number; readonly days: number; readonly note?: string; readonly count: number },
  side: Side,
): string {
  const apart = m.days === 0 ? 'on the same day' : `${m.days} ${m.days === 1 ? 'day' : 'days'} apart`;
  switch (m.reason) {
    case 'reference':
      return `The same reference and amount, ${poundsOfPence(m.pence)}, ${apart}.`;
    case 'exact_amount':
      return `The same amount, ${poundsOfPence(m.pence)}, ${apart}.`;
    case 'collection_charge':
      return side === 'paying'
        ? `${poundsOfPence(m.pence)} paid is CMS's record of the maintenance plus the ${m.note ?? ''} collection fee.`
        : `${poundsOfPence(m.pence)} received is CMS's record of the maintenance less the ${m.note ?? ''} collection fee.`;
    case 'combined':
      return `One payment of ${poundsOfPence(m.pence)} is ${m.count} CMS records together.`;
    case 'split':
      return `${m.count} payments make up CMS's one record of ${poundsOfPence(m.pence)}.`;
    case 'payslip':
      return `The payslip shows the ${poundsOfPence(m.pence)} CMS received from the employer.`;
    case 'payslips_paid_over_together':
      return (
        `${m.count} payslips' deductions from one month make up the ${poundsOfPence(m.pence)} CMS received from the employer in one payment` +
        `${m.note ? `, less the ${m.note} the employer kept for its costs (£1.00 a deduction)` : ''}: an employer pays a month's deductions over ` +
        'by the 19th of the month after (SI 1992/1989 reg 14(1)).'
      );
    case 'payslip_with_admin_charge':
      return `The payslip shows ${poundsOfPence(m.pence)} deducted for maintenance and £1.00 the employer kept for its costs; CMS received the ${poundsOfPence(m.pence)}.`;
    case 'payslip_paid_over_late':
      return `The payslip shows the deduction CMS received from the employer as ${poundsOfPence(m.pence)}, ${apart}: after ${m.note ? dateInWords(m.note) : 'the 19th of the month after the deduction'}, the last day to pay it over (SI 1992/1989 reg 14(1)). It was paid over late, but CMS has it.`;
    case 'benefit_statement':
      return `The benefit statement shows the ${poundsOfPence(m.pence)} CMS received by deduction from benefit.`;
    case 'schedule_agrees':
      return `CMS's ${poundsOfPence(m.pence)} agrees with what the decisions make due for the period.`;
    case 'charge_agrees':
      return `An enforcement charge of ${poundsOfPence(m.pence)} is one the Fees Regulations allow, and there were arrears to enforce (whether the action was justified is not checked here).`;
    case 'charge_without_arrears': {
      const action = (m.note ?? 'deduction_from_earnings_order') as EnforcementAction;
      const power = ENFORCEMENT_POWERS[action];
      const can =
        power.needs === 'failure'
          ? `a payment had been missed or paid late before it, and ${ACTION_WORDS[action]} can then also collect maintenance that will become due`
          : `${ACTION_WORDS[action]} can collect maintenance that will become due, not only arrears`;
      return `An enforcement charge of ${poundsOfPence(m.pence)} is one the Fees Regulations allow for ${ACTION_WORDS[action]}. There were no arrears on its day, but ${can} (${power.law.title}), so the charge stands.`;
    }
    case 'report_agrees':
      return `The missed payment of ${poundsOfPence(m.pence)} reported to CMS agrees with the evidence.`;
    case 'direct_pay_payments':
      return `${poundsOfPence(m.pence)} paid on Direct Pay for the instalment due on ${m.note ? dateInWords(m.note) : 'its date'}; CMS records no Direct Pay payments.`;
    case 'accepted_as_recorded':
      return `CMS's entry of ${poundsOfPence(m.pence)} is taken as recorded; the evidence can neither confirm nor deny it.`;
    case 'not_checked':
      return `CMS's record of ${poundsOfPence(m.pence)} received by deduction is taken as recorded: no payslip or benefit statement covers its date.`;
    case 'balance_agrees':
      return `CMS's ${poundsOfPence(m.pence)} agrees with the figure stated for it (arrears carried over, or written off)${m.days ? `, ${apart}` : ''}.`;
    case 'backdated_decision_applied':
      return `CMS's adjustment of ${poundsOfPence(m.pence)} applies a backdated decision to the periods it charged at the amount known before: together they make what the decisions make due, so neither is an error.`;
    case 'in_balance_brought_forward':
      return `${poundsOfPence(m.pence)} paid before the day CMS brings its balance forward from${m.note ? ` (${dateInWords(m.note)})` : ''}, and recorded in none of its entries from then on: it is in that balance, which is compared as one figure with what the records make owed then.`;
    case 'overpayment_set_off':
      return `CMS set ${poundsOfPence(m.pence)} of the overpayment against what was due (SI 2009/3151 regs 8–9): that uses the overpayment the payments already show, so it does not change the balance.`;
  }
}

/** Singular and plural names of each kind of bridge line, for summaries and subtotals. */
export const KIND_NAMES: Readonly<Record<BridgeLineKind, readonly [string, string]>> = {
  cms_payment_without_evidence: ['payment CMS recorded that no evidence shows', 'payments CMS recorded that no evidence shows'],
  payment_missing_from_cms: ['payment CMS has no record of', 'payments CMS has no record of'],
  deduction_not_credited: ['deduction taken but not credited', 'deductions taken but not credited'],
  deduction_in_transit: ['deduction not yet paid over to CMS', 'deductions not yet paid over to CMS'],
  payment_in_transit: ['payment CMS recorded after the date', 'payments CMS recorded after the date'],
  duplicate_payment_record: ['payment recorded twice', 'payments recorded twice'],
  amount_mismatch: ['payment recorded with the wrong amount', 'payments recorded with the wrong amount'],
  date_mismatch: ['payment recorded on the wrong date', 'payments recorded on the wrong date'],
  payment_on_wrong_case: ['payment put on another case', 'payments put on another case'],
  payment_from_other_case: ["another case's payment put on this case", "other cases' payments put on this case"],
  reported_missed_but_paid: ['payment reported missed that was paid', 'payments reported missed that were paid'],
  missed_payment_not_reported: ['shortfall nobody reported', 'shortfalls nobody reported'],
  missed_payment_report_not_recorded: ['shortfall reported but not recorded', 'shortfalls reported but not recorded'],
  extra_payment_not_credited: ['extra payment CMS has not credited', 'extra payments CMS has not credited'],
  liability_mismatch: ['period charged the wrong amount', 'periods charged the wrong amount'],
  duplicate_liability: ['period charged twice', 'periods charged twice'],
  collection_fee_mismatch: ['wrong collection fee', 'wrong collection fees'],
  duplicate_collection_fee: ['collection fee charged twice', 'collection fees charged twice'],
  enforcement_charge_not_allowed: ['enforcement charge the rules do not allow', 'enforcement charges the rules do not allow'],
  duplicate_enforcement_charge: ['enforcement charge made twice', 'enforcement charges made twice'],
  enforcement_without_arrears: ['enforcement charge with no arrears to enforce', 'enforcement charges with no arrears to enforce'],
  overpayment_offset: ['overpayment set off', 'overpayments set off'],
  opening_balance_mismatch: ['opening balance not as stated', 'opening balances not as stated'],
  write_off_not_applied: ['write-off not applied', 'write-offs not applied'],
  accrued_not_yet_due: ['amount accrued but not yet due', 'amounts accrued but not yet due'],
  plan_fee_rounding: [
    'difference of rounding in the fee on the payment plan’s collections',
    'differences of rounding in the fee on the payment plan’s collections',
  ],
  paid_ahead: ['credit kept where it pays what is not yet due', 'credits kept where they pay what is not yet due'],
  paid_ahead_differs: ['part of the payments in question paid ahead', 'parts of the payments in question paid ahead'],
  received_not_passed_on: ['payment CMS received and has not passed on', 'payments CMS received and have not been passed on'],
  balance_brought_forward: [
    'balance brought forward that differs from what the records make owed then',
    'balances brought forward that differ from what the records make owed then',
  ],
  unexplained: ['difference the entries do not explain', 'differences the entries do not explain'],
};

/**
 * The same where none of CMS's entries was given: nothing then shows whether a shortfall was reported, or what the
 * entries are that do not explain CMS's figure.
 */
const KIND_NAMES_WITHOUT_ENTRIES: Partial<Record<BridgeLineKind, readonly [string, string]>> = {
  missed_payment_not_reported: ['instalment not paid in full', 'instalments not paid in full'],
  unexplained: ['figure not traced to any entry', 'figures not traced to any entry'],
};

/** "3 payments CMS has no record of", "1 period charged twice"; `entriesGiven` false when none of CMS's was given. */
/** On the receiving side, a payment on its way at the date is one CMS passed on before it that reached her after it. */
const RECEIVING_KIND_NAMES: Partial<Record<BridgeLineKind, readonly [string, string]>> = {
  payment_in_transit: [
    'payment CMS passed on before the date that arrived after it',
    'payments CMS passed on before the date that arrived after it',
  ],
};

export function countOf(kind: BridgeLineKind, count: number, entriesGiven = true, side: Side = 'paying'): string {
  const [one, many] =
    (side === 'receiving' && RECEIVING_KIND_NAMES[kind]) || (!entriesGiven && KIND_NAMES_WITHOUT_ENTRIES[kind]) || KIND_NAMES[kind];
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The line for a balance CMS brings forward on `date` from inside the case's history: CMS's account before that day
 * in one figure (`cms`), against what the decisions and the evidence make owed at the end of the day before
 * (`owed`), `cms − owed` apart. `working`, where the figure is due less paid, says so (`due`, `paid`); `laterPart` is
 * what of that is compared with CMS's entries from the day on instead (a payment made before it that CMS recorded on or
 * after it, say), so that the lines from then on and this one add up.
 */
export function explainBroughtForward(b: {
  readonly date: CivilDate;
  readonly cms: Dec;
  readonly owed: Dec;
  readonly due?: Dec;
  /** Of `due`, the arrears carried in (less written off) by then. */
  readonly carried?: Dec;
  readonly paid?: Dec;
  readonly laterPart?: Dec;
}): string {
  const difference = b.cms.minus(b.owed);
  const before = d(addDays(b.date, -1));
  const later = b.laterPart ?? new Dec(0);
  const due =
    b.due === undefined
      ? ''
      : b.carried === undefined
        ? `${pounds(b.due)} due under the payment plan before ${d(b.date)}`
        : `${pounds(b.carried)} carried over + ${pounds(b.due.minus(b.carried))} due under the payment plan before ${d(b.date)}`;
  const working =
    b.due !== undefined && b.paid !== undefined
      ? later.isZero()
        ? ` (${due} − ${pounds(b.paid)} paid before it)`
        : ` (${due} − ${pounds(b.paid)} paid before it = ${pounds(b.owed.plus(later))}; ` +
          `${pounds(later.abs())} ${later.gt(0) ? 'of that' : 'paid before it'} is compared with CMS's entries from ${d(b.date)} on instead)`
      : '';
  return (
    `CMS brings forward ${pounds(b.cms)} on ${d(b.date)}: its account before that day in one figure, with none of its entries for the time before it. ` +
    `The decisions and the evidence make ${pounds(b.owed)} owed at the end of ${before}${working}. ` +
    `CMS's balance brought forward is ${pounds(difference.abs())} ${difference.gt(0) ? 'higher' : 'lower'} than that: the difference arose before ${d(b.date)}, ` +
    `and CMS's statements for the time before it would show where.`
  );
}

/** The structural lines of the bridge, in the voice asked for. */
export function explainNotYetDue(amount: Dec): string {
  return `${pounds(amount.abs())} has accrued under the decisions but the payment plan collects it in later instalments: it is not yet due, so it is not arrears.`;
}

/**
 * The line beside the one for what is not yet due where CMS's payment plan works the paying parent's 20% on each
 * collection (schedule/plan.ts feeOnCollections) and CMS's entries charge it period by period: `amount` signed as the
 * line's (negative: CMS's figure is lower by it).
 */
export function explainPlanFeeRounding(amount: Dec): string {
  return (
    `CMS's entries charge the 20% collection fee period by period; its payment plan adds 20% to each collection and rounds it there, which comes to ${pounds(amount.abs())} ${amount.lt(0) ? 'more' : 'less'} in all. ` +
    `What has accrued and is not yet due counts the fee as the plan collects it; CMS's figure, from its entries, ${amount.lt(0) ? 'is lower' : 'is higher'} by that: a difference of rounding, not an error of CMS's.`
  );
}

/**
 * The line for money CMS received from the paying parent and had not passed on by the date: its figure, the paying
 * parent's arrears, counts it as paid; what the receiving parent is owed does not, until it reaches her (held.ts).
 */
/**
 * The line for what was paid ahead of the payment plan, where CMS's figure keeps it as a credit and the recomputed
 * balance sets it against what has accrued but is not yet due (balances.ts paidAhead): a difference of basis.
 */
export function explainPaidAhead(amount: Dec, pays = `${ACCRUED_NOT_DUE} (an initial or backdated amount)`): string {
  return (
    `CMS's figure keeps ${pounds(amount)} paid ahead of the payment plan as a credit; worked out, it pays ${pays}, ` +
    'so it is not an overpayment. The two figures agree once that is counted: the difference is one of basis, not an error.'
  );
}

const ACCRUED_NOT_DUE = 'what had accrued but was not yet due';

/**
 * What money paid ahead of the payment plan (`ahead`) pays: what had accrued but was not yet due, the instalments due
 * just after the date that it was paid before (`next`), or both, the instalments first.
 */
export function whatPaidAheadPays(ahead: Dec, next?: Balance['paidAheadOfNext'], date: (d: CivilDate) => string = d): string {
  const accrued = ACCRUED_NOT_DUE;
  if (!next) return accrued;
  const early = `${instalmentsDue(next.dueDates, date)}, before ${next.dueDates.length === 1 ? 'it' : 'they'} fell due`;
  return ahead.lte(next.amount) ? early : `${early} (${pounds(next.amount)}), and ${accrued} (${pounds(ahead.minus(next.amount))})`;
}

/**
 * The line for the part of the payments in question (the findings above it) that pays what has accrued and is not yet
 * due rather than the balance now: on CMS's record of payment, `onRecord` is paid ahead of the payment plan; worked
 * out from the evidence, `worked`. `amount` is the line's effect on CMS's figure.
 */
export function explainPaidAheadDiffers(amount: Dec, onRecord: Dec, worked: Dec): string {
  const more = amount.gt(0) ? "CMS's record" : 'the evidence';
  return (
    `Of the payments in question above, ${pounds(amount.abs())} more is paid ahead of the payment plan on ${more} ` +
    `(towards what has accrued and is not yet due: ${pounds(onRecord)} on CMS's record, ${pounds(worked)} worked out from the evidence). ` +
    `That part lowers what is still to fall due, not the balance now, so CMS's figure is ${amount.gt(0) ? 'higher' : 'lower'} by that much than those lines alone make it: ` +
    "it is not an error of its own, in nobody's favour."
  );
}

/** Days within which a payment CMS received may still be clearing before it is passed on: Reckoner's rule, stated. */
const CLEARING_DAYS = 10;

export function explainNotPassedOn(
  held: Dec,
  receipts: readonly { readonly date: CivilDate; readonly amount: Dec; readonly notPassedOn: Dec; readonly part: boolean }[],
  asOf: CivilDate,
  basis: Basis,
): string {
  const which = receipts
    .map((x) => `${pounds(x.amount)} received on ${d(x.date)}${x.part ? ` (${pounds(x.notPassedOn)} of it)` : ''}`)
    .join(', ');
  const after = basis === 'net' ? ', after the 4% collection fee,' : '';
  // DWP holds a payment no longer than it takes to clear (written answer 25684, 11 March 2020): one received days
  // before the date may still be on its way.
  const days = daysBetween(receipts.at(-1)!.date, asOf);
  const recent =
    days < CLEARING_DAYS
      ? ` The latest was received ${days === 1 ? 'the day' : `${days} days`} before, so it may still be on its way.`
      : '';
  return (
    `CMS's figure counts as paid what it received from the paying parent, but ${pounds(held)} of it${after} had not been passed on to you by ${d(asOf)}: ` +
    `${which}. That is money the paying parent paid and CMS holds, not arrears: ask CMS to pass it on, or to say where it is.${recent}`
  );
}

/** What CMS's ledger holds beside its entries where they show no charge for a period (balances.ts cmsFilledIn). */
const FILLED_IN = 'with what the decisions make due for the periods they show no charge for';

/**
 * "its own entries" (or "its entries", `own` false), or, where Reckoner filled in periods CMS's entries show no
 * charge for, what they are with that.
 */
export function cmsEntriesWords(possessive: string, filledIn: boolean, own = true): string {
  return filledIn ? `${possessive} entries, ${FILLED_IN},` : `${possessive}${own ? ' own' : ''} entries`;
}

/**
 * What CMS's entries hold beside what the payment plan has made due, after "they add up to £X" (`amount` quoted
 * without its sign; `notYetDue` signed, bridge.notYetDueLeftOut). Positive: liability they charge as it accrued that
 * the plan collects later, so not yet due. Negative: the plan has made due more than they charge (it collects in
 * instalments liability that accrued outside them, an initial amount say), which "of which -£158.18 has accrued but is
 * not yet due" said as a false negative, and letters as a false positive (a journey probe, story 4).
 */
export function entriesBesidePlan(notYetDue: Dec, amount: string): string {
  return notYetDue.lt(0)
    ? `, and the payment plan has made ${amount} more than that due`
    : `, of which ${amount} has accrued but is not yet due`;
}

/**
 * CMS's figure on the payment plan's basis beside its entries, for the reconciliation statement's working: what it
 * leaves out of them, or, where the plan has made due more than they charge, what it counts beyond them.
 */
export function planBasisWords(notYetDue: Dec, entriesTotal: Dec, entriesDue: Dec): string {
  const basis = 'CMS’s figure is on the payment plan’s basis (the arrears due under it)';
  return notYetDue.lt(0)
    ? `${basis}: it counts, rightly, the ${pounds(notYetDue.abs())} the plan has made due beyond what its entries hold (its entries add up to ${pounds(entriesTotal)}, ${pounds(entriesDue)} with it)`
    : `${basis}: it leaves out, rightly, the ${pounds(notYetDue)} its entries hold that has accrued but is not yet due (its entries add up to ${pounds(entriesTotal)}, ${pounds(entriesDue)} without it)`;
}

/**
 * The line CMS's entries do not explain. `plan`, where CMS's figure is the arrears due under the payment plan (it
 * leaves out what its entries hold that is not yet due, bridge.ts): its figure is then compared with its entries
 * less that amount, and the sentence says so.
 */
export function explainUnexplained(
  amount: Dec,
  entriesTotal: Dec,
  claimed: Dec,
  filledIn: boolean,
  effects: ByComponent<Dec>,
  entriesGiven = true,
  plan?: { readonly notYetDue: Dec; readonly entriesDue: Dec },
): string {
  // With none of CMS's entries given, nothing says what they add up to: "its entries add up to £0.00" would be false.
  if (!entriesGiven) return `CMS's figure (${pounds(claimed)}) cannot be traced to its entries: none was given. ${NO_ENTRIES_ASK}`;
  const entries = cmsEntriesWords('its', filledIn);
  const planDue = plan
    ? `${entries} make due under the payment plan (${pounds(plan.entriesDue)}: they add up to ${pounds(entriesTotal)}${entriesBesidePlan(plan.notYetDue, pounds(plan.notYetDue.abs()))})`
    : undefined;
  if (amount.isZero()) {
    return `CMS's figure (${pounds(claimed)}) is what ${planDue ?? `${entries} add up to`}, but it puts ${splitWords(effects)} than they do. ${SPLIT_MATTERS}; ask CMS to put its figure right part by part.`;
  }
  const split = partsDiffer(effects) ? ` By part, it puts ${splitWords(effects)} than they do.` : '';
  return `CMS's figure (${pounds(claimed)}) is ${pounds(amount.abs())} ${amount.gt(0) ? 'higher' : 'lower'} than ${planDue ?? `${entries} add up to (${pounds(entriesTotal)})`}; nothing in the entries given explains it, so ask CMS for the entries behind it.${split}`;
}

/**
 * What to ask for when none of CMS's entries was given: its statement of account, or on Direct Pay, where CMS records
 * no payments, the missed-payment reports its arrears come from (cms-accounts.md §1).
 */
export const NO_ENTRIES_ASK =
  'Ask CMS for the entries behind it: its statement of account, or on Direct Pay the missed-payment reports its arrears come from';

/** Why a figure's split between its parts matters, though its total is right (cms-accounts.md §4; SI 2014/612). */
export const SPLIT_MATTERS =
  'Collection fees and enforcement charges are owed to the Secretary of State and kept apart from maintenance arrears, which are owed to the receiving parent';

/** Whether more than one part of a difference is not zero (a claim split otherwise than its entries). */
export function partsDiffer(effects: ByComponent<Dec>): boolean {
  return [effects.maintenance, effects.collectionFees, effects.enforcementCharges].filter((d) => !d.isZero()).length > 1;
}

/** "£352.00 more in maintenance, £52.00 less in collection fees and £300.00 less in enforcement charges": each part that differs. */
export function splitWords(effects: ByComponent<Dec>): string {
  const parts = (
    [
      ['maintenance', effects.maintenance],
      ['collection fees', effects.collectionFees],
      ['enforcement charges', effects.enforcementCharges],
    ] as const
  )
    .filter(([, d]) => !d.isZero())
    .map(([name, d]) => `${pounds(d.abs())} ${d.gt(0) ? 'more' : 'less'} in ${name}`);
  return joinAnd(parts);
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The parts of a CMS balance in words: the one list calc, the letters and the tools all say them with. */
export const COMPONENT_WORDS: Readonly<Record<Component, string>> = {
  maintenance: 'maintenance',
  collection_fees: 'collection fees',
  enforcement_charges: 'enforcement charges',
};

/**
 * Where a balance owed is owed in fees or charges and nothing of it in maintenance: what it is owed in
 * ("enforcement charges", "collection fees and enforcement charges"); undefined otherwise. Fees and charges are owed
 * to the Secretary of State and are not arrears of maintenance (cms-accounts.md §4; a user test found a schedule
 * saying "arrears of £50.00" for a deduction order's charge alone, under a letter that said "no maintenance arrears").
 */
export function owedOnlyIn(b: {
  readonly recomputed: Dec;
  readonly components?: readonly { readonly component: Component; readonly recomputed: Dec }[];
}): string | undefined {
  if (!b.recomputed.gt(0) || b.components === undefined) return undefined;
  const owed = b.components.filter((c) => !c.recomputed.isZero());
  if (owed.length === 0 || !owed.every((c) => c.component !== 'maintenance' && c.recomputed.gt(0))) return undefined;
  return joinAnd(owed.map((c) => COMPONENT_WORDS[c.component]));
}

/**
 * Of a balance owed in arrears and in enforcement charges both, the two parts: enforcement charges are not arrears
 * (cms-accounts.md §4; a meaning probe of 6 December 2026 found £350.00 of them in "arrears of £523.31"). Undefined
 * when the balance holds no charges, or nothing but fees and charges (owedOnlyIn words that).
 */
export function arrearsBesideCharges(b: {
  readonly recomputed: Dec;
  readonly components?: readonly { readonly component: Component; readonly recomputed: Dec }[];
}): { readonly arrears: Dec; readonly charges: Dec } | undefined {
  if (!b.recomputed.gt(0) || b.components === undefined || owedOnlyIn(b) !== undefined) return undefined;
  const charges = b.components.find((c) => c.component === 'enforcement_charges')?.recomputed;
  if (charges === undefined || !charges.gt(0) || !b.recomputed.gt(charges)) return undefined;
  return { arrears: b.recomputed.minus(charges), charges };
}

/** A balance as a letter words it: "arrears of £410.08", "an overpayment of £12.00", "nothing owed". */
function positionWords(b: Dec, owedIn: string | undefined): string {
  if (owedIn !== undefined) return `${pounds(b)} owed in ${owedIn} (no maintenance arrears)`;
  return b.gt(0) ? `arrears of ${pounds(b)}` : b.lt(0) ? `an overpayment of ${pounds(b.abs())}` : 'nothing owed';
}

/** A part of a balance as calc has it: its name and figure, owed or in credit. */
function partWords(component: Component, amount: Dec): string {
  const name = component === 'maintenance' ? 'maintenance arrears' : COMPONENT_WORDS[component];
  if (amount.lt(0)) return `${COMPONENT_WORDS[component]} overpaid by ${pounds(amount.abs())}`;
  return `${name} of ${pounds(amount)}`;
}

/**
 * A balance of more than one part, each from calc's own per-component figures, and their sum: "£312.00 owed on 30
 * April 2024, made of maintenance arrears of £260.00 and collection fees of £52.00 (£260.00 + £52.00 = £312.00);
 * the collection fees are owed to the Secretary of State and are not arrears". Collection fees and enforcement charges
 * are owed to the Secretary of State and are not arrears of maintenance (cms-accounts.md §4): "= arrears of £312.00"
 * counted £52.00 of fees as arrears, and "arrears of £312.00 and enforcement charges of £50.00" did too. Undefined
 * where the balance has one part or none (maintenance alone, or owed in one part only: positionWords says it), or
 * where no fee or charge is owed.
 */
function partsWords(
  total: Dec,
  on: string,
  components: readonly { readonly component: Component; readonly recomputed: Dec }[] | undefined,
): string | undefined {
  const parts = (components ?? []).filter((c) => !c.recomputed.isZero());
  // Only where fees or charges are owed beside another part: an overpayment of them all is no one's arrears.
  if (parts.length < 2 || !parts.some((c) => c.component !== 'maintenance' && c.recomputed.gt(0))) return undefined;
  const owedIn = owedOnlyIn({ recomputed: total, components });
  const head =
    owedIn !== undefined
      ? `${pounds(total)} owed in ${owedIn} (no maintenance arrears)`
      : total.gt(0)
        ? `${pounds(total)} owed`
        : total.lt(0)
          ? `an overpayment of ${pounds(total.abs())}`
          : `nothing owed (${pounds(total)})`;
  const sum = parts.map((c, i) =>
    i > 0 && c.recomputed.lt(0) ? `− ${pounds(c.recomputed.abs())}` : `${i > 0 ? '+ ' : ''}${pounds(c.recomputed)}`,
  );
  const state = parts.filter((c) => c.component !== 'maintenance' && c.recomputed.gt(0)).map((c) => COMPONENT_WORDS[c.component]);
  return (
    `${head} on ${on}, made of ${joinAnd(parts.map((c) => partWords(c.component, c.recomputed)))} (${sum.join(' ')} = ${pounds(total)})` +
    (state.length && owedIn === undefined ? `; the ${joinAnd(state)} are owed to the Secretary of State and are not arrears` : '')
  );
}

/** "the instalment due on 15 October 2024", or "the instalments due on 4 October 2024 and 11 October 2024". */
export function instalmentsDue(dates: readonly CivilDate[], date: (d: CivilDate) => string = d): string {
  const on = dates.map(date);
  return dates.length === 1 ? `the instalment due on ${on[0]}` : `the instalments due on ${on.slice(0, -1).join(', ')} and ${on.at(-1)}`;
}

/**
 * The term of the balance for what was paid ahead of the payment plan, and what it pays: the instalments due just
 * after the date (paid before they fell due), what has accrued but is not yet due, or both. '' when nothing was.
 */
export function paidAheadWords(
  b: { readonly paidAhead?: Dec; readonly paidAheadOfNext?: Balance['paidAheadOfNext'] },
  date: (d: CivilDate) => string,
): string {
  if (!b.paidAhead) return '';
  const next = b.paidAheadOfNext;
  const accrued = 'towards what has accrued but is not yet due';
  if (!next) return ` + paid ahead of it ${pounds(b.paidAhead)} (${accrued})`;
  const early = `towards ${instalmentsDue(next.dueDates, date)}, paid before ${next.dueDates.length === 1 ? 'it' : 'they'} fell due`;
  const rest = b.paidAhead.minus(next.amount);
  return rest.isZero()
    ? ` + paid ahead of it ${pounds(b.paidAhead)} (${early})`
    : ` + paid ahead of it ${pounds(b.paidAhead)} (${pounds(next.amount)} ${early}, and ${pounds(rest)} ${accrued})`;
}

/**
 * How the balance worked out from the decisions and the evidence was reached, in the voice asked for, with dates
 * as a letter writes them: what the payment plan made due, less what the evidence shows paid, with CMS's
 * adjustments, write-offs and the enforcement charges the rules allow, and what has accrued but is not yet due.
 */
export function explainBalance(
  b: {
    readonly asOf: CivilDate;
    readonly due: Dec;
    readonly paidAhead?: Dec;
    readonly paidAheadOfNext?: Balance['paidAheadOfNext'];
    readonly paid: Dec;
    readonly adjustments: Dec;
    readonly writtenOff: Dec;
    readonly enforcementCharges: Dec;
    readonly recomputed: Dec;
    readonly notYetDue: Dec;
    readonly openingBalance?: Dec;
    readonly secretaryOfState?: Dec;
    readonly components?: readonly { readonly component: Component; readonly recomputed: Dec }[];
  },
  voice: Voice = 'you',
  side: Side = 'paying',
  /** Receiving side: what CMS received from the paying parent and had not passed on (held.ts): owed, but not arrears. */
  held?: Dec,
): string {
  const w = WORDS[voice];
  const sos = b.secretaryOfState && !b.secretaryOfState.isZero() ? b.secretaryOfState : undefined;
  const owedHeld = side === 'receiving' && held !== undefined && b.recomputed.gt(0);
  const parts = owedHeld ? undefined : partsWords(b.recomputed, d(b.asOf), b.components);
  return (
    (b.openingBalance && !b.openingBalance.isZero() ? `Arrears carried over ${pounds(b.openingBalance)} + ` : '') +
    `Due under the payment plan ${pounds(b.due)}` +
    paidAheadWords(b, d) +
    ` − paid ${pounds(b.paid)} (as ${w.your} evidence of payment shows)` +
    (b.adjustments.isZero() ? '' : ` + CMS adjustments ${pounds(b.adjustments)}`) +
    (b.writtenOff.isZero() ? '' : ` − written off ${pounds(b.writtenOff)}`) +
    (b.enforcementCharges.isZero() ? '' : ` + enforcement charges ${pounds(b.enforcementCharges)}`) +
    (owedHeld
      ? ` = ${pounds(b.recomputed)} owed to ${w.you} on ${d(b.asOf)}, of which ${pounds(held)} is money CMS received from the paying parent and had not passed on (not arrears)`
      : ` = ${parts ?? `${positionWords(b.recomputed, owedOnlyIn(b))} on ${d(b.asOf)}`}`) +
    (b.notYetDue.isZero() ? '' : `; a further ${pounds(b.notYetDue)} has accrued but is not yet due`) +
    (sos === undefined
      ? ''
      : side === 'paying'
        ? `; of ${parts ? 'the maintenance arrears' : 'this'}, ${pounds(sos)} is owed to the Secretary of State, not to the receiving parent`
        : `; ${pounds(sos)} more is owed to the Secretary of State, not to the receiving parent, and is not in this figure`)
  );
}

/** CMS's figure gives enforcement charges, and none of its entries was given to check them against. */
export function uncheckedChargesWarning(pence: number): string {
  return (
    `CMS’s figure gives ${poundsOfPence(pence)} of enforcement charges, and none of its entries was given, so they are not checked: ` +
    'the recomputed balance counts no enforcement charge (each is known only from its entry: the action, its day and the arrears then), ' +
    'and that part of the difference is not shown to be wrong. Give CMS’s statement of account to check them, or ask CMS which action each is for.'
  );
}
