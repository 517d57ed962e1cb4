/**
 * The deadlines each case event starts (dispute-process.md §2.1 catalogue, §3.2 transition/timer table,
 * §3.3 constants), and the later events that meet them.
 *
 * Conventions:
 * - a deadline the parent must meet (`last_day`) is never moved: when it falls on a weekend or bank holiday
 *   the basis says so and names the working day before, because no extra time is assumed;
 * - a reply CMS or DWP owes in calendar months follows the ICO rule: the corresponding date, else the last
 *   day of the month, then the next working day when that day is not one;
 * - reminders Reckoner sets in calendar units (`chase`, `escalate`, `review`) move to the next working day.
 * @module
 */
import { addDays, daysInMonth, isCivilDate, MONTH_NAMES, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import type { Reference } from '../parameters.ts';
import { requestReceipt, type ReceiptBasis } from './arrival.ts';
import { addCalendarMonths, addWorkingDays, isWorkingDay, longDate, nextWorkingDay, previousWorkingDay } from './calendar.ts';
import { bankHolidayOn, checkCovered, checkNation, NATION_NAMES, type Nation } from './holidays.ts';
import { DEADLINE, type DeadlineId } from './ids.ts';
import { DEADLINE_SOURCES as S } from './sources.ts';

export const DEADLINE_KINDS = ['reply_due', 'chase', 'escalate', 'last_day', 'review'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** One date a letter or event starts, with the rule behind it. */
export interface Deadline {
  /** Stable snake_case name of the rule, e.g. `mr_last_day`: one of ids.ts DEADLINE. */
  id: string;
  /** What is due, in plain words. */
  label: string;
  date: CivilDate;
  /** The rule in plain words with the dates it was counted from, e.g. "30 calendar days after …". */
  basis: string;
  /** The law or guidance, e.g. "Child Support Maintenance Calculation Regulations 2012 reg 14(1)(a)". */
  citation: string;
  href?: string;
  /**
   * `reply_due`: CMS/DWP should have answered; `chase`: follow up; `escalate`: take the next step (complain,
   * go to the ICO); `last_day`: the last day the parent can act; `review`: a reminder to look again.
   */
  kind: DeadlineKind;
}

/** What can happen on a case. Events that start clocks come first, then the events that meet them. */
export const EVENT_TYPES = [
  'decision_letter_received',
  'mr_sent',
  'mr_notice_received',
  'breakdown_requested',
  'payments_disputed',
  'complaint_sent',
  'complaint_escalated',
  'ice_eligible',
  'grievance_noticed',
  'sar_sent',
  'sar_chased',
  'rectification_requested',
  'enforcement_pause_requested',
  'refund_requested',
  'deo_served',
  'lsdo_served',
  'magistrates_decision',
  'address_changed',
  'appeal_lodged',
  'breakdown_received',
  'dispute_reply_received',
  'complaint_reply_received',
  'ice_referred',
  'phso_referred',
  'sar_reply_received',
  'ico_complaint_sent',
  'rectification_reply_received',
  'enforcement_pause_reply_received',
  'refund_reply_received',
  'deo_appeal_lodged',
  'lsdo_representations_sent',
  'magistrates_appeal_lodged',
  'address_change_reported',
  // Events that start no clock: kept on the case so that its history is whole.
  'letter_sent',
  'letter_received',
  'call',
  'note',
  'payment',
  'enforcement',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What each event is and which date to give for it. */
export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  decision_letter_received:
    'A CMS decision (calculation, change, variation, refusal); the date printed on the decision letter, not the day it came: the 30 days run from that date',
  mr_sent: 'You asked for a mandatory reconsideration (L03/L18); the day you sent it',
  mr_notice_received:
    'The mandatory reconsideration notice (MRN); the date printed on it (the day CMS sent it), not the day it came: the month to appeal runs from sending',
  breakdown_requested: 'You asked CMS for a full account breakdown (L02); the day you sent it',
  payments_disputed: 'You disputed specific payments or arrears entries (L04); the day you sent it',
  complaint_sent: 'You made a stage-1 complaint (L05); the day you sent it',
  complaint_escalated: 'You escalated the complaint (L06); the day you sent it',
  ice_eligible:
    'The final response saying you can go to the Independent Case Examiner; the date printed on it, not the day it came: the 6 months run from that date',
  grievance_noticed: 'You first knew of the problem (starts the Ombudsman limit); that day',
  sar_sent:
    'Your subject access request (L01); the day you sent it. By post (assumed unless details.method says otherwise) DWP is taken to have it two working days later; facts.receivedOn: the day it did, if known',
  sar_chased: 'You chased DWP about a late or incomplete subject access request (L24a); that day (your last contact)',
  rectification_requested:
    'You asked DWP to correct inaccurate records (L21); the day you sent it. By post (assumed unless details.method says otherwise) DWP is taken to have it two working days later; facts.receivedOn: the day it did, if known',
  enforcement_pause_requested: 'You asked CMS to pause enforcement while the dispute is considered (L11); the day you sent it',
  refund_requested: 'You asked CMS to refund or adjust for an overpayment (L19); the day you sent it',
  deo_served:
    'A deduction from earnings order (or another matter you appeal against) arose; the date printed on the order (the day it was made), not the day your copy came, or the day the other matter arose',
  lsdo_served: 'An interim lump sum deduction order was served; the day of service (if not known, the date printed on the order)',
  magistrates_decision: "The magistrates' court decided (e.g. a liability order); the day of the decision",
  address_changed: 'You (the paying parent) moved; the day you moved',
  appeal_lodged: 'The tribunal received your appeal (SSCS2); that day',
  breakdown_received: 'CMS sent the account breakdown; the day it arrived',
  dispute_reply_received: 'CMS answered your payment dispute; the day it arrived',
  complaint_reply_received: 'CMS answered your stage-1 complaint; the day it arrived',
  ice_referred: 'You referred the complaint to the Independent Case Examiner (L07); that day',
  phso_referred: 'Your MP referred the complaint to the Ombudsman, or you asked your MP to (L08/L09); that day',
  sar_reply_received: 'DWP answered your subject access request; the day it arrived',
  ico_complaint_sent: 'You complained to the ICO (L24b); that day',
  rectification_reply_received: 'DWP answered your rectification request; the day it arrived',
  enforcement_pause_reply_received: 'CMS answered your request to pause enforcement; the day it arrived',
  refund_reply_received: 'CMS answered your refund request; the day it arrived',
  deo_appeal_lodged: 'You appealed against the deduction from earnings order (L22); that day',
  lsdo_representations_sent: 'You made representations on the lump sum deduction order (L23); that day',
  magistrates_appeal_lodged: "You appealed against the magistrates' decision; that day",
  address_change_reported: 'You told CMS your new address; that day',
  letter_sent:
    'You sent a letter or message that starts no deadline of its own (details.missedPaymentReport {dueDate?, amount?} if it reported a missed Direct Pay payment); the day you sent it',
  letter_received: 'A letter or message arrived that starts no deadline of its own; the day it arrived',
  call: 'A phone call with CMS or DWP (note who you spoke to and what was said; details.missedPaymentReport {dueDate?, amount?} if you reported a missed Direct Pay payment); the day of the call',
  note: 'A note for the case file; the day it is about',
  payment: 'A payment made or received outside the statements (cash, a cheque); the day it was paid',
  enforcement: 'An enforcement step not listed above (a warning letter, a referral to a debt collection agency); the date on it',
  other: 'Anything else worth keeping on the case; the day it happened',
};

/** For each deadline, the later events that meet it (a reply arrived, the parent acted, the next stage began). */
export const MET_BY: Readonly<Record<string, readonly EventType[]>> = {
  mr_last_day: ['mr_sent'],
  mr_online_change_last_day: ['mr_sent'],
  late_mr_outer_limit: ['mr_sent'],
  mr_chase: ['mr_notice_received'],
  mr_complain: ['mr_notice_received'],
  appeal_last_day: ['appeal_lodged'],
  late_appeal_absolute_limit: ['appeal_lodged'],
  breakdown_reply_due: ['breakdown_received', 'complaint_sent'],
  breakdown_escalate: ['breakdown_received', 'complaint_sent'],
  dispute_reply_due: ['dispute_reply_received', 'complaint_sent'],
  dispute_escalate: ['dispute_reply_received', 'complaint_sent'],
  complaint_ack_due: ['complaint_reply_received', 'complaint_escalated'],
  complaint_response_due: ['complaint_reply_received', 'complaint_escalated'],
  complaint_escalate: ['complaint_reply_received', 'complaint_escalated'],
  escalation_ack_due: ['ice_eligible'],
  escalation_response_due: ['ice_eligible'],
  escalation_chase: ['ice_eligible'],
  ice_last_day: ['ice_referred'],
  phso_warning: ['phso_referred'],
  phso_last_day: ['phso_referred'],
  sar_reply_due: ['sar_reply_received'],
  sar_chase: ['sar_reply_received', 'sar_chased'],
  sar_extended_reply_due: ['sar_reply_received'],
  ico_escalate: ['sar_reply_received', 'ico_complaint_sent'],
  ico_last_day: ['sar_reply_received', 'ico_complaint_sent'],
  rectification_reply_due: ['rectification_reply_received'],
  rectification_extended_reply_due: ['rectification_reply_received'],
  enforcement_pause_reply_due: ['enforcement_pause_reply_received'],
  refund_reply_due: ['refund_reply_received', 'complaint_sent'],
  refund_escalate: ['refund_reply_received', 'complaint_sent'],
  deo_appeal_last_day: ['deo_appeal_lodged'],
  lsdo_representations_last_day: ['lsdo_representations_sent'],
  magistrates_appeal_last_day: ['magistrates_appeal_lodged'],
  address_change_last_day: ['address_change_reported'],
} satisfies Record<DeadlineId, readonly EventType[]>;

function make(
  id: DeadlineId | `${string}_${string}`,
  kind: DeadlineKind,
  label: string,
  date: CivilDate,
  basis: string,
  source: Reference,
): Deadline {
  // The basis is printed as it is (a letter's notes, a calendar): always whole sentences.
  const text = basis.trim();
  return {
    id,
    label,
    date,
    basis: /[.!?]$/.test(text) ? text : `${text}.`,
    citation: source.title,
    ...(source.href ? { href: source.href } : {}),
    kind,
  };
}

function notWorkingBecause(date: CivilDate, nation: Nation): string {
  const holiday = bankHolidayOn(date, nation);
  return holiday ? `a bank holiday in ${NATION_NAMES[nation]} (${holiday.name})` : 'a weekend';
}

/** A day the parent must act by: never moved; a weekend or bank holiday is pointed out with the working day before. */
function lastDay(id: DeadlineId, label: string, date: CivilDate, basis: string, source: Reference, nation: Nation): Deadline {
  let text = basis;
  if (!isWorkingDay(date, nation)) {
    text +=
      ` ${longDate(date)} is ${notWorkingBecause(date, nation)}; no extra time is assumed, so if it goes by post or must` +
      ` reach an office, make sure it arrives by ${longDate(previousWorkingDay(date, nation))}.`;
  }
  return make(id, 'last_day', label, date, text, source);
}

/** A reminder counted in calendar units: moved to the next working day, saying so. */
function reminder(id: DeadlineId, kind: DeadlineKind, label: string, date: CivilDate, basis: string, source: Reference, nation: Nation) {
  const on = nextWorkingDay(date, nation);
  const moved = on === date ? '' : ` ${longDate(date)} is ${notWorkingBecause(date, nation)}, so the next working day, ${longDate(on)}.`;
  return make(id, kind, label, on, basis + moved, source);
}

/**
 * A time limit in the Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008: when it
 * ends on a day that is not a working day, the act is done in time on the next working day (r.12(2)); a working
 * day is any day but a Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday (r.1(3)).
 */
function tribunalDay(id: DeadlineId, label: string, date: CivilDate, basis: string, source: Reference, nation: Nation): Deadline {
  const on = nextWorkingDay(date, nation);
  const moved =
    on === date
      ? ''
      : ` ${longDate(date)} is ${notWorkingBecause(date, nation)}, so under rule 12(2) of the Tribunal Procedure Rules it is in` +
        ` time if it arrives on the next working day, ${longDate(on)}.`;
  return make(id, 'last_day', label, on, basis + moved, source);
}

/** `n` working days after `from` (the nation's working days), with the words for the basis. */
function workingDaysAfter(from: CivilDate, what: string, n: number, nation: Nation): { date: CivilDate; words: string } {
  return {
    date: addWorkingDays(from, n, nation),
    words:
      `${n} working day${n === 1 ? '' : 's'} after ${longDate(from)}, ${what} (Monday to Friday, not counting` +
      ` ${NATION_NAMES[nation]} bank holidays)`,
  };
}

/** `months` calendar months after `from` by the corresponding-date rule, with the words for the basis. */
function monthsAfter(from: CivilDate, what: string, months: number): { date: CivilDate; words: string } {
  const date = addCalendarMonths(from, months);
  const exact = Number(from.slice(8, 10)) <= daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return {
    date,
    words:
      `${months} calendar month${months === 1 ? '' : 's'} after ${longDate(from)}, ${what}` +
      (exact ? '' : ` (${longDate(date)}: that month has no corresponding date, so its last day)`),
  };
}

/**
 * A reply owed in calendar months under the ICO rule: the corresponding date `months` on, else the last day
 * of that month; then the next working day when that day is not one.
 */
function monthsThenWorkingDay(from: CivilDate, what: string, months: number, nation: Nation): { date: CivilDate; words: string } {
  const target = addCalendarMonths(from, months);
  const exact = Number(from.slice(8, 10)) <= daysInMonth(Number(target.slice(0, 4)), Number(target.slice(5, 7)));
  const due = nextWorkingDay(target, nation);
  const words =
    `${months} calendar month${months === 1 ? '' : 's'} after ${longDate(from)}, ${what}: ` +
    (exact
      ? `the corresponding date, ${longDate(target)}`
      : `there is no corresponding date, so the last day of that month, ${longDate(target)}`) +
    (due === target ? '.' : `; that is ${notWorkingBecause(target, nation)}, so the next working day, ${longDate(due)}.`);
  return { date: due, words };
}

/**
 * What a rule needs to know beyond the event's date, where the law turns on it. Each is optional: an event
 * recorded without it is counted the usual way.
 */
export interface EventFacts {
  /**
   * `deo_served`: the liable person is not resident in the United Kingdom, so an appeal has 56 days, not 28
   * (Child Support (Collection and Enforcement) Regulations 1992 reg 22(2)(b)–(c)).
   */
  readonly livesOutsideUk?: boolean;
  /**
   * `decision_letter_received`: the kind of decision. A default or interim maintenance decision can be revised
   * at any time (CSMCR 2012 reg 14(3)), so it starts no 30-day limit.
   */
  readonly decision?: 'default_maintenance_decision' | 'interim_maintenance_decision' | 'other';
  /**
   * `sar_sent`, `rectification_requested`: the day DWP received the request, where that is after the event's date
   * (a request sent by post: the second working day after posting, CPR r.6.26). The month runs from receipt (UK GDPR
   * Art 12(3)).
   */
  readonly receivedOn?: CivilDate;
  /**
   * `sar_sent`, `rectification_requested`, when `receivedOn` is not given: how the request was sent (a letter method:
   * `post`, `recorded_delivery`, `email`, `online_account` …). Sent by post, or when this is not given, it is taken to
   * reach DWP on the second working day after posting (CPR r.6.26); sent any other way, the day it went
   * (arrival.ts `requestReceipt`).
   */
  readonly method?: string;
}

/** The events whose date is the day a request was sent while the law's time runs from the day it is received. */
export const COUNTED_FROM_RECEIPT: readonly EventType[] = ['sar_sent', 'rectification_requested'];

/**
 * The events whose clock runs from the date printed on CMS's letter or order — the day it was made or sent — and never
 * from the day it arrived: a decision (CSMCR 2012 reg 14(1)(a): 30 days from the date of notification), the
 * reconsideration notice (Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008
 * r.22(2)(d)(i): one month after the date it was sent), the final response (ICE: 6 months from its date) and a deduction
 * from earnings order (Child Support (Collection and Enforcement) Regulations 1992 reg 22(2): from the day the matter
 * arose, the order being made). Their descriptions, and the tools', ask for that date.
 */
export const DATED_AS_PRINTED: readonly EventType[] = ['decision_letter_received', 'mr_notice_received', 'ice_eligible', 'deo_served'];

/**
 * Which date an event is given with, for a tool's `date` field: the date printed on CMS's letter or order for
 * {@link DATED_AS_PRINTED}; another reply (which starts no clock) the day it came; the parent's own step, the day it was
 * sent. {@link EVENT_DESCRIPTIONS} says it for each type.
 */
export const EVENT_DATE_HINT = `${DATED_AS_PRINTED.join(', ')}: the date printed on it, not the day it came; other replies: the day it came; yours: the day sent`;

/** Decisions that can be revised at any time (CSMCR 2012 reg 14(3)): no 30-day limit, no late application. */
export const REVISABLE_ANY_TIME: readonly NonNullable<EventFacts['decision']>[] = [
  'default_maintenance_decision',
  'interim_maintenance_decision',
];

type Rule = (date: CivilDate, nation: Nation, facts: EventFacts) => Deadline[];

const RULES: Partial<Record<EventType, Rule>> = {
  decision_letter_received: (d, nation, facts) => {
    // A default or interim maintenance decision can be revised at any time (CSMCR 2012 reg 14(3)).
    if (facts.decision && REVISABLE_ANY_TIME.includes(facts.decision)) return [];
    const days = addDays(d, 30);
    const month = addCalendarMonths(d, 1);
    const last = days < month ? days : month;
    const how =
      days === month
        ? `30 calendar days and one calendar month after ${longDate(d)}, the date on the decision letter, are the same day.`
        : `The earlier of 30 calendar days after ${longDate(d)}, the date on the decision letter (${longDate(days)}), and one` +
          ` calendar month after it (${longDate(month)}). The regulation says 30 days and GOV.UK says one month, so the stricter is used.`;
    const late = monthsAfter(d, 'the date on the decision letter', 13);
    return [
      lastDay(
        'mr_last_day',
        'Last day for CMS to receive your request for a mandatory reconsideration',
        last,
        `${how} Counted from the date printed on the letter, not the day it arrived.`,
        S.mrWindow,
        nation,
      ),
      lastDay(
        'mr_online_change_last_day',
        'Last day for a linked change reported in your online account to count as a reconsideration request',
        addDays(d, 32),
        `32 calendar days after ${longDate(d)}, the date on the decision letter. Only a change of circumstances linked to the` +
          ' decision counts; a dispute itself cannot be reported online.',
        S.mrOnlineChange,
        nation,
      ),
      lastDay(
        'late_mr_outer_limit',
        'Outer limit for a late mandatory reconsideration request (unconfirmed)',
        late.date,
        `${late.words}. A late request needs special circumstances. Unconfirmed: the text of reg 15 was not checked and 13 months` +
          ' is the limit in the comparable benefit rules, so do not rely on it; an official error can be corrected at any time.',
        S.lateMr,
        nation,
      ),
    ];
  },

  mr_sent: (d, nation) => {
    const chase = workingDaysAfter(d, 'the day the request was sent', 20, nation);
    const complain = workingDaysAfter(d, 'the day the request was sent', 40, nation);
    return [
      make(
        'mr_chase',
        'chase',
        'Chase CMS if no mandatory reconsideration notice has arrived',
        chase.date,
        `${chase.words}. CMS has no legal time limit for a reconsideration; 20 working days was its published target.`,
        S.mrChase,
      ),
      make(
        'mr_complain',
        'escalate',
        'Complain about the delay if there is still no mandatory reconsideration notice',
        complain.date,
        `${complain.words}: twice CMS's former 20-working-day target. The appeal clock starts only from the notice.`,
        S.mrChase,
      ),
    ];
  },

  mr_notice_received: (d, nation) => {
    const appeal = monthsAfter(d, 'the date the mandatory reconsideration notice was sent', 1);
    // r.22(8): no extension beyond 12 months after the end of the time r.22(2) allows: the month itself. Rule 12(2)
    // lets an act due on a closed day be done on the next working day; it does not move the day the time ended.
    const lodgeBy = nextWorkingDay(appeal.date, nation);
    const absolute = monthsAfter(
      appeal.date,
      lodgeBy === appeal.date
        ? 'the end of the time for appealing'
        : `the end of the time for appealing (rule 12(2) lets the appeal itself arrive on ${longDate(lodgeBy)}, but the time still ended on ${Number(appeal.date.slice(8, 10))} ${MONTH_NAMES[Number(appeal.date.slice(5, 7)) - 1]})`,
      12,
    );
    return [
      tribunalDay(
        DEADLINE.appealLastDay,
        'Last day for the tribunal to receive your appeal (form SSCS2)',
        appeal.date,
        `${appeal.words}. HMCTS (SSCS) must receive the appeal by then; posting it by then is not enough.`,
        S.appeal,
        nation,
      ),
      tribunalDay(
        DEADLINE.lateAppealAbsoluteLimit,
        'Absolute limit for a late appeal',
        absolute.date,
        `${absolute.words}. A late appeal needs the tribunal's permission and cannot be admitted after this date.`,
        S.lateAppeal,
        nation,
      ),
    ];
  },

  breakdown_requested: (d, nation) =>
    accountRequest('breakdown', 'the account breakdown', 'request', 'request for the account breakdown', d, nation),
  payments_disputed: (d, nation) => accountRequest('dispute', 'a reply to your payment dispute', 'dispute', 'payment dispute', d, nation),
  // A refund is at the Secretary of State's discretion (1991 Act s.41B): no time limit for deciding it, so the same target.
  refund_requested: (d, nation) =>
    accountRequest('refund', 'a reply to your refund request', 'request', 'refund request', d, nation, S.refundRequestTarget),

  complaint_sent: (d, nation) => complaint('complaint', 'stage-1 complaint', d, nation),
  complaint_escalated: (d, nation) => complaint('escalation', 'escalated complaint', d, nation),

  ice_eligible: (d, nation) => {
    const ice = monthsAfter(d, 'the date of the final response', 6);
    return [
      lastDay(
        'ice_last_day',
        'Last day to refer the complaint to the Independent Case Examiner',
        ice.date,
        `${ice.words}. Send a copy of the final response with the referral.`,
        S.ice,
        nation,
      ),
    ];
  },

  grievance_noticed: (d, nation) => {
    const warn = monthsAfter(d, 'the day you first knew of the problem', 10);
    const last = monthsAfter(d, 'the day you first knew of the problem', 12);
    return [
      reminder(
        'phso_warning',
        'review',
        'Two months left to take the complaint to the Ombudsman through your MP',
        warn.date,
        `${warn.words}: two months before the Ombudsman's 12-month limit.`,
        S.phsoWarning,
        nation,
      ),
      lastDay(
        'phso_last_day',
        'Last day to ask your MP to refer the complaint to the Parliamentary and Health Service Ombudsman',
        last.date,
        `${last.words}. The complaint must be made to an MP by then; the Ombudsman can accept a later one only in special circumstances.`,
        S.phso,
        nation,
      ),
    ];
  },

  sar_sent: (d, nation, facts) => dataRequest('sar', 'your subject access request', d, nation, S.sar, facts),
  rectification_requested: (d, nation, facts) =>
    dataRequest('rectification', 'your rectification request', d, nation, S.rectification, facts),

  sar_chased: (d, nation) => {
    const ico = monthsAfter(d, 'your last contact with DWP about the request', 3);
    return [
      reminder(
        'ico_escalate',
        'escalate',
        'Complain to the ICO if DWP still has not replied',
        addDays(d, 30),
        `30 calendar days after ${longDate(d)}, the day you chased DWP.`,
        S.icoFollowUp,
        nation,
      ),
      lastDay(
        'ico_last_day',
        'Last day to complain to the Information Commissioner (ICO)',
        ico.date,
        `${ico.words}. The ICO expects a complaint within 3 months of the last meaningful contact.`,
        S.icoComplaint,
        nation,
      ),
    ];
  },

  enforcement_pause_requested: (d, nation) => {
    const due = workingDaysAfter(d, 'the day the request was sent', 5, nation);
    return [
      make(
        'enforcement_pause_reply_due',
        'reply_due',
        'Written reply due to your request to pause enforcement',
        due.date,
        `${due.words}: the reply date the letter asks for, as the matter is urgent. If none comes, use any statutory challenge` +
          ' open to you and complain.',
        S.enforcementPause,
      ),
    ];
  },

  deo_served: (d, nation, facts) => {
    const court = nation === 'scotland' ? 'the sheriff' : "the magistrates' court";
    // Reg 22(2)(b): 28 days where the liable person is resident in the United Kingdom; (c): 56 days where not.
    const days = facts.livesOutsideUk ? 56 : 28;
    return [
      lastDay(
        DEADLINE.deoAppealLastDay,
        `Last day to appeal against the deduction from earnings order to ${court}`,
        addDays(d, days),
        `${days} calendar days after ${longDate(d)}, the day the matter arose` +
          (facts.livesOutsideUk
            ? ', because you do not live in the United Kingdom (28 days for someone who does).'
            : ' (56 days if you do not live in the United Kingdom).') +
          ' Only a defective order, or payments that are not earnings, can be appealed.',
        facts.livesOutsideUk ? S.deoAppealAbroad : S.deoAppeal,
        nation,
      ),
    ];
  },

  lsdo_served: (d, nation) => [
    lastDay(
      'lsdo_representations_last_day',
      'Last day to make representations on the interim lump sum deduction order',
      addDays(d, 13),
      `14 days beginning with ${longDate(d)}, the day the order was served: the day of service is the first of the 14.`,
      S.lsdoRepresentations,
      nation,
    ),
  ],

  magistrates_decision: (d, nation) => [
    lastDay(
      'magistrates_appeal_last_day',
      "Last day to appeal on a point of law against the magistrates' decision",
      addDays(d, 21),
      `21 calendar days after ${longDate(d)}, the day of the decision. The court cannot re-open the calculation itself.`,
      S.magistratesAppeal,
      nation,
    ),
  ],

  address_changed: (d, nation) => [
    lastDay(
      'address_change_last_day',
      'Last day to tell CMS your new address',
      addDays(d, 7),
      `7 calendar days after ${longDate(d)}, the day you moved.`,
      S.addressChange,
      nation,
    ),
  ],
};

/**
 * `letter`: what the escalation names ("your payment dispute"), so that two in one list can be told apart; `target`:
 * the reply target's source (Reckoner's own, saying which request has no legal time limit).
 */
function accountRequest(
  prefix: string,
  what: string,
  sent: string,
  letter: string,
  d: CivilDate,
  nation: Nation,
  target: Reference = S.accountRequestTarget,
): Deadline[] {
  const due = workingDaysAfter(d, `the day the ${sent} was sent`, 15, nation);
  const escalate = workingDaysAfter(d, `the day the ${sent} was sent`, 20, nation);
  return [
    make(
      `${prefix}_reply_due`,
      'reply_due',
      `Target date for ${what}`,
      due.date,
      `${due.words}. There is no legal time limit; Reckoner uses CMS's 15-working-day complaint standard.`,
      target,
    ),
    make(
      `${prefix}_escalate`,
      'escalate',
      `Make a stage-1 complaint if there is still no answer to your ${letter}`,
      escalate.date,
      `${escalate.words}: the 15-working-day target and 5 working days' grace. Complain in writing, citing the unanswered letter.`,
      S.complaintGrace,
    ),
  ];
}

function complaint(prefix: 'complaint' | 'escalation', what: string, d: CivilDate, nation: Nation): Deadline[] {
  const sent = `the day the ${what} was sent`;
  const ack = workingDaysAfter(d, sent, 2, nation);
  const response = workingDaysAfter(d, sent, 15, nation);
  const after = workingDaysAfter(d, sent, 20, nation);
  const post = ' CMS counts from the day it receives it, so allow for post.';
  return [
    make(`${prefix}_ack_due`, 'reply_due', `Acknowledgement of your ${what} due`, ack.date, `${ack.words}.${post}`, S.complaintAck),
    make(
      `${prefix}_response_due`,
      'reply_due',
      prefix === 'complaint' ? 'Response to your complaint due' : 'Final response to your escalated complaint due',
      response.date,
      `${response.words}, unless CMS agreed a different timetable with you.${post}`,
      S.complaintResponse,
    ),
    prefix === 'complaint'
      ? make(
          'complaint_escalate',
          'escalate',
          'Escalate the complaint if there is no reply, or if the reply does not put things right',
          after.date,
          `${after.words}: the 15-working-day target and 5 working days' grace.`,
          S.complaintGrace,
        )
      : make(
          'escalation_chase',
          'chase',
          'Chase, asking for a "final response" letter (the Independent Case Examiner needs one)',
          after.date,
          `${after.words}: the 15-working-day target and 5 working days' grace.`,
          S.complaintGrace,
        ),
  ];
}

/** The day the month runs from, in words, by how it was found (`what`: the request; `d`: the day it was sent). */
const RECEIVED_WORDS: Record<ReceiptBasis, (what: string, d: CivilDate) => string> = {
  given: (what, d) => `the day DWP is taken to have received ${what} (sent on ${longDate(d)})`,
  same_day: (what) => `the day DWP received ${what}`,
  posted: (what, d) =>
    `the day DWP is taken to have received ${what} (posted on ${longDate(d)}; a first-class letter is taken to arrive` +
    ' on the second working day after posting, CPR r.6.26)',
  assumed_posted: (what, d) =>
    `the day DWP is taken to have received ${what} (sent on ${longDate(d)}; how it went was not recorded, so it is taken` +
    ' as posted, the later day, so that no chase says the time has passed before it has: a first-class letter is taken' +
    ' to arrive on the second working day after posting, CPR r.6.26)',
};

function dataRequest(
  prefix: 'sar' | 'rectification',
  what: string,
  d: CivilDate,
  nation: Nation,
  source: Reference,
  facts: EventFacts,
): Deadline[] {
  // The event's date is the day it was sent; the month runs from the day DWP received it (UK GDPR Art 12(3)): by
  // post, or when how it went is not known, the second working day after posting (CPR r.6.26).
  const receipt = requestReceipt(d, facts, nation);
  const from = receipt.date;
  const received = RECEIVED_WORDS[receipt.how](what, d);
  const due = monthsThenWorkingDay(from, received, 1, nation);
  const extended = monthsThenWorkingDay(from, received, 3, nation);
  const assumed =
    receipt.how === 'assumed_posted'
      ? ` If it went by email, online or by hand, DWP had it on ${longDate(d)} and the reply is due sooner.`
      : '';
  return [
    make(
      `${prefix}_reply_due`,
      'reply_due',
      `DWP's reply to ${what} due`,
      due.date,
      `${due.words}${assumed} The clock stops while DWP waits for proof of identity or clarification it asked for; there is no fee.`,
      source,
    ),
    ...(prefix === 'sar'
      ? [
          make(
            'sar_chase',
            'chase',
            'Chase DWP and complain to its data protection officer if there is no reply',
            addWorkingDays(due.date, 1, nation),
            `The first working day after the reply was due (${longDate(due.date)}).`,
            S.sarChase,
          ),
        ]
      : []),
    make(
      `${prefix}_extended_reply_due`,
      'reply_due',
      `Latest reply to ${what} if DWP extends the time`,
      extended.date,
      `Only if DWP told you within the first month that the request is complex: ${extended.words}`,
      source,
    ),
  ];
}

const KIND_ORDER: Record<DeadlineKind, number> = { reply_due: 0, chase: 1, escalate: 2, review: 3, last_day: 4 };

/** Date order; on one day, replies owed before the parent's own steps. */
export function byDate(a: Deadline, b: Deadline): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function checkEventType(type: string, field = 'event'): asserts type is EventType {
  if (!(EVENT_TYPES as readonly string[]).includes(type)) {
    throw new InputError(field, `"${type}" is not an event type Reckoner knows; use one of ${EVENT_TYPES.join(', ')}`);
  }
}

export function checkDate(date: string, field = 'date'): void {
  if (!isCivilDate(date)) throw new InputError(field, `must be a real date written YYYY-MM-DD; got "${date}"`);
  checkCovered(date);
}

/**
 * The deadlines an event starts, in date order. Events that only meet earlier deadlines (a reply arrived, an
 * appeal was lodged) start none. Refuses a date outside the bank holiday tables.
 */
export function deadlinesForEvent(event: EventType, date: CivilDate, nation: Nation, facts: EventFacts = {}): Deadline[] {
  checkEventType(event);
  checkNation(nation);
  checkDate(date);
  const rule = RULES[event];
  return rule ? rule(date, nation, facts).sort(byDate) : [];
}

/** The deadline with this id among `deadlines`; undefined when the rules made none (e.g. a default decision has no 30 days). */
export function deadlineOf(deadlines: readonly Deadline[], id: DeadlineId): Deadline | undefined {
  return deadlines.find((d) => d.id === id);
}

/** Events that start at least one deadline. */
export const TRIGGER_EVENTS: readonly EventType[] = EVENT_TYPES.filter((e) => RULES[e] !== undefined);
