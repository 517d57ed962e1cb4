/**
 * What sending a letter records on the case, and which recorded event answers which deadline.
 *
 * Sending a letter is an event of its own (a reconsideration request sent, an appeal lodged): it meets the
 * deadlines the letter was written to meet and may start new ones. This is a different thing from the clock a
 * letter is drafted against (letters.ts `LETTER_CLOCKS`, e.g. a reconsideration counts from the decision letter):
 * `eventForLetter` is what the case service records when the parent marks the letter sent.
 * @module
 */
import type { Deadline, EventType } from './events.ts';
import { MET_BY } from './events.ts';
import type { DeadlineId } from './ids.ts';
import { checkLetterId, LETTER_CLOCKS, type LetterId } from './letters.ts';

/** What a letter's own facts say about which event its sending is, for the two letters that turn on them. */
export interface LetterSendFacts {
  /** L13: the change reported is a new address (only then does sending it meet the 7-day address limit). */
  readonly addressChange?: boolean;
  /** L24: the letter is the complaint to the Information Commissioner, not the chase to DWP. */
  readonly icoComplaint?: boolean;
}

/**
 * The event each letter's sending records. Letters whose sending neither meets nor starts a deadline record
 * `letter_sent`, so that the case's history is whole.
 */
export const LETTER_EVENTS: Readonly<Record<LetterId, EventType>> = {
  L01: 'sar_sent',
  L02: 'breakdown_requested',
  L03: 'mr_sent',
  L04: 'payments_disputed',
  L05: 'complaint_sent',
  L06: 'complaint_escalated',
  L07: 'ice_referred',
  L08: 'letter_sent',
  L09: 'phso_referred',
  L10: 'letter_sent',
  L11: 'enforcement_pause_requested',
  L12: 'letter_sent',
  L13: 'address_change_reported',
  L14: 'letter_sent',
  L15: 'letter_sent',
  L16: 'letter_sent',
  L17: 'appeal_lodged',
  L18: 'mr_sent',
  L19: 'refund_requested',
  L20: 'letter_sent',
  L21: 'rectification_requested',
  L22: 'deo_appeal_lodged',
  L23: 'lsdo_representations_sent',
  L24: 'sar_chased',
};

/**
 * True when sending the letter is itself what starts its clock (the event its sending records is the one its clock
 * counts from: a breakdown request, a complaint, a subject access request): a date counted from the day it is sent
 * is then the real one. False for a letter whose clock counts from an earlier day (a reconsideration from the decision
 * letter, an appeal from the reconsideration notice, an ICE referral from the final response), and for one that
 * starts none: a date counted from the day of sending would be a false date.
 */
export function clockStartsOnSending(letter: LetterId): boolean {
  checkLetterId(letter);
  const event = LETTER_CLOCKS[letter].event;
  return event !== undefined && event === LETTER_EVENTS[letter];
}

/** The event to record when `letter` is sent (see {@link LETTER_EVENTS}; L13 and L24 turn on `facts`). */
export function eventForLetter(letter: LetterId, facts: LetterSendFacts = {}): EventType {
  checkLetterId(letter);
  if (letter === 'L13' && facts.addressChange === false) return 'letter_sent';
  if (letter === 'L24' && facts.icoComplaint) return 'ico_complaint_sent';
  return LETTER_EVENTS[letter];
}

/** The events that, recorded later, meet this deadline (a reply arrived, the parent acted, the next stage began). */
export function eventsThatMeet(deadline: DeadlineId | Deadline): readonly EventType[] {
  const id = typeof deadline === 'string' ? deadline : deadline.id;
  return MET_BY[id] ?? [];
}

/**
 * The event to record when the reply a letter asks for arrives (`breakdown_received` for L02): the first event
 * that meets the letter's reply-by deadline. Undefined for a letter that asks for no reply by a date.
 */
export function replyEventFor(letter: LetterId): EventType | undefined {
  checkLetterId(letter);
  const replyBy = LETTER_CLOCKS[letter].replyBy;
  return replyBy === undefined ? undefined : eventsThatMeet(replyBy)[0];
}
