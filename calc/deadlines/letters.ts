/**
 * The clock each letter of the catalogue starts (dispute-process.md §2.1 "Clock it starts"). Most letters
 * start the deadlines of the event they record (an SAR is `sar_sent`); a letter whose own deadline runs from
 * an earlier trigger (a reconsideration from the decision letter, an appeal from the reconsideration notice,
 * an ICE referral from the final response) is given that trigger's date instead of the sending date.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { checkDate, deadlinesForEvent, type Deadline, type EventFacts, type EventType } from './events.ts';
import { DEADLINE, type DeadlineId } from './ids.ts';
import { checkNation, type Nation } from './holidays.ts';

export const LETTER_IDS = [
  'L01',
  'L02',
  'L03',
  'L04',
  'L05',
  'L06',
  'L07',
  'L08',
  'L09',
  'L10',
  'L11',
  'L12',
  'L13',
  'L14',
  'L15',
  'L16',
  'L17',
  'L18',
  'L19',
  'L20',
  'L21',
  'L22',
  'L23',
  'L24',
] as const;
export type LetterId = (typeof LETTER_IDS)[number];

export interface LetterClock {
  /** Short name of the letter. */
  readonly name: string;
  /** The event whose deadlines the letter starts; absent when the letter starts no deadline. */
  readonly event?: EventType;
  /** Only these of the event's deadlines (all when absent). */
  readonly only?: readonly DeadlineId[];
  /** What the date given with the letter means. */
  readonly date: string;
  /** The reply the letter asks its recipient for ("Please reply by …"), among the deadlines it starts. */
  readonly replyBy?: DeadlineId;
  /** The law counts from the day the recipient receives the letter, not the day it is sent (UK GDPR Art 12(3)). */
  readonly countsFromReceipt?: boolean;
}

const SENT = 'the day the letter is sent';

export const LETTER_CLOCKS: Record<LetterId, LetterClock> = {
  L01: {
    name: 'Subject access request',
    event: 'sar_sent',
    replyBy: DEADLINE.sarReplyDue,
    countsFromReceipt: true,
    date: 'the day DWP receives the request (for post, the delivery day)',
  },
  L02: { name: 'Request for a full account breakdown', event: 'breakdown_requested', replyBy: DEADLINE.breakdownReplyDue, date: SENT },
  L03: {
    name: 'Mandatory reconsideration',
    event: 'decision_letter_received',
    only: [DEADLINE.mrLastDay],
    date: 'the date printed on the decision letter being challenged, not the day it came',
  },
  L04: { name: 'Dispute of specific recorded payments', event: 'payments_disputed', replyBy: DEADLINE.disputeReplyDue, date: SENT },
  L05: { name: 'Complaint (stage 1)', event: 'complaint_sent', replyBy: DEADLINE.complaintResponseDue, date: SENT },
  L06: { name: 'Complaint escalation', event: 'complaint_escalated', replyBy: DEADLINE.escalationResponseDue, date: SENT },
  L07: {
    name: 'Referral to the Independent Case Examiner',
    event: 'ice_eligible',
    date: 'the date printed on the final response letter, not the day it came',
  },
  L08: { name: 'Letter to your MP', date: SENT },
  L09: { name: 'Ombudsman complaint through your MP', event: 'grievance_noticed', date: 'the day you first knew of the problem' },
  L10: { name: 'Variation application', date: SENT },
  L11: {
    name: 'Request to pause enforcement',
    event: 'enforcement_pause_requested',
    replyBy: DEADLINE.enforcementPauseReplyDue,
    date: SENT,
  },
  L12: { name: 'Switch from Direct Pay to Collect and Pay', date: SENT },
  L13: {
    name: 'Change of circumstances',
    event: 'address_changed',
    date: 'the day the change happened (the 7-day limit is for a paying parent’s new address)',
  },
  L14: { name: 'Request for a deduction from earnings order', date: SENT },
  L15: { name: 'Income figure challenge', date: SENT },
  L16: { name: 'Arrears payment-plan proposal', date: SENT },
  L17: {
    name: 'Appeal to the First-tier Tribunal',
    event: 'mr_notice_received',
    date: 'the date printed on the mandatory reconsideration notice (the day it was sent), not the day it came',
  },
  L18: {
    name: 'Late mandatory reconsideration',
    event: 'decision_letter_received',
    only: [DEADLINE.lateMrOuterLimit],
    date: 'the date printed on the decision letter being challenged, not the day it came',
  },
  L19: { name: 'Overpayment adjustment or refund request', event: 'refund_requested', replyBy: DEADLINE.refundReplyDue, date: SENT },
  L20: { name: 'Special payment (compensation) claim', date: SENT },
  L21: {
    name: 'Rectification request',
    event: 'rectification_requested',
    replyBy: DEADLINE.rectificationReplyDue,
    countsFromReceipt: true,
    date: 'the day DWP receives the request',
  },
  L22: {
    name: 'Deduction from earnings order appeal',
    event: 'deo_served',
    date: 'the day the matter arose: for the order itself, the date printed on it, not the day your copy came',
  },
  L23: { name: 'Lump sum deduction order representations', event: 'lsdo_served', date: 'the day the interim order was served' },
  L24: { name: 'SAR chase and ICO complaint', event: 'sar_chased', date: 'the day you chased DWP (your last contact about the request)' },
};

export function checkLetterId(letter: string, field = 'letter'): asserts letter is LetterId {
  if (!(LETTER_IDS as readonly string[]).includes(letter)) {
    throw new InputError(field, `"${letter}" is not a letter in the catalogue; use one of L01–L24`);
  }
}

/**
 * The deadlines a letter starts, in date order. `date` is the day the letter is sent, or for a letter whose
 * clock runs from an earlier trigger, that trigger's date (see {@link LETTER_CLOCKS}). A letter with no clock
 * (a letter to an MP, a variation application …) starts none.
 */
export function deadlinesForLetter(letter: LetterId, date: CivilDate, nation: Nation, facts: EventFacts = {}): Deadline[] {
  checkLetterId(letter);
  checkNation(nation);
  checkDate(date);
  const clock = LETTER_CLOCKS[letter];
  if (!clock.event) return [];
  // A letter whose time runs from receipt is given with the day it is received (LETTER_CLOCKS `date`), unless the
  // caller says when it was received or how it went (then `date` is the day it was sent, as for the event).
  const received = clock.countsFromReceipt && facts.receivedOn === undefined && facts.method === undefined;
  const all = deadlinesForEvent(clock.event, date, nation, received ? { ...facts, receivedOn: date } : facts);
  return clock.only ? all.filter((d) => (clock.only as readonly string[]).includes(d.id)) : all;
}

/** The reply a letter asks for, among the deadlines it started; undefined when it asks for none. */
export function replyDueFor(letter: LetterId, deadlines: readonly Deadline[]): Deadline | undefined {
  const id = LETTER_CLOCKS[letter].replyBy;
  return id === undefined ? undefined : deadlines.find((d) => d.id === id);
}
