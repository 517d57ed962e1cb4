/**
 * The deadlines a letter starts, and the time limits its facts are checked against, all from the core's deadline
 * rules (calc/deadlines): the one place letters/ reaches them. Nothing here counts a day: each date is a calc
 * deadline, picked by its id constant.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import {
  DEADLINE,
  deadlineOf,
  deadlinesForEvent,
  deadlinesForLetter,
  LETTER_CLOCKS,
  LETTER_IDS,
  NATIONS,
  postedArrival,
  replyDueFor,
  REVISABLE_ANY_TIME,
  type Deadline,
  type EventFacts,
  type LetterId,
  type Nation,
} from '../calc/deadlines/index.ts';
import type { DecisionType } from './facts.ts';

export { LETTER_CLOCKS, LETTER_IDS, NATIONS, postedArrival };
export type { Deadline, EventFacts, LetterId, Nation };

/** Every deadline a letter starts, counted from `from` (see calc/deadlines LETTER_CLOCKS for what the date means), in date order. */
export function deadlinesFor(id: LetterId, from: CivilDate, nation: Nation, facts: EventFacts = {}): Deadline[] {
  return [...deadlinesForLetter(id, from, nation, facts)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The deadline a letter asks its recipient to reply by (calc's `replyBy` for the letter), unless it has already
 * passed on the day the letter is sent. None when the letter starts no reply clock.
 */
export function replyDeadline(id: LetterId, deadlines: readonly Deadline[], notBefore: CivilDate): Deadline | undefined {
  const reply = replyDueFor(id, deadlines);
  return reply && reply.date >= notBefore ? reply : undefined;
}

/** A decision as the deadline rules know it: default and interim decisions can be revised at any time. */
export function decisionKind(type: DecisionType): NonNullable<EventFacts['decision']> {
  return (REVISABLE_ANY_TIME as readonly string[]).includes(type) ? (type as NonNullable<EventFacts['decision']>) : 'other';
}

/** True for a decision that can be revised at any time (a default or interim maintenance decision). */
export function revisableAnyTime(type: DecisionType): boolean {
  return decisionKind(type) !== 'other';
}

/** The time limits a decision letter starts (none for a default or interim decision). */
function decisionLimits(d: { readonly type: DecisionType; readonly letterDate: CivilDate }, nation: Nation): Deadline[] {
  return deadlinesForEvent('decision_letter_received', d.letterDate, nation, { decision: decisionKind(d.type) });
}

/** The last day for a mandatory reconsideration of a decision; undefined when it can be revised at any time. */
export function mrLastDay(d: { readonly type: DecisionType; readonly letterDate: CivilDate }, nation: Nation): Deadline | undefined {
  return deadlineOf(decisionLimits(d, nation), DEADLINE.mrLastDay);
}

/** The outer limit for a late reconsideration of a decision; undefined when it can be revised at any time. */
export function lateMrOuterLimit(d: { readonly type: DecisionType; readonly letterDate: CivilDate }, nation: Nation): Deadline | undefined {
  return deadlineOf(decisionLimits(d, nation), DEADLINE.lateMrOuterLimit);
}

/** The appeal's last day and the absolute limit for a late appeal, from the date the reconsideration notice was sent. */
export function appealLimits(mrnDate: CivilDate, nation: Nation): { lastDay: Deadline; absoluteLimit: Deadline } {
  const list = deadlinesForEvent('mr_notice_received', mrnDate, nation);
  return { lastDay: deadlineOf(list, DEADLINE.appealLastDay)!, absoluteLimit: deadlineOf(list, DEADLINE.lateAppealAbsoluteLimit)! };
}

/** The last day to appeal against a deduction from earnings order (28 days; 56 for someone living outside the UK). */
export function deoAppealLastDay(from: CivilDate, nation: Nation, livesOutsideUk: boolean): Deadline {
  return deadlineOf(deadlinesForEvent('deo_served', from, nation, { livesOutsideUk }), DEADLINE.deoAppealLastDay)!;
}

/** The last day for representations on an interim lump sum deduction order, from the day it was served. */
export function lsdoRepresentationsLastDay(servedOn: CivilDate, nation: Nation): Deadline {
  return deadlineOf(deadlinesForEvent('lsdo_served', servedOn, nation), DEADLINE.lsdoRepresentationsLastDay)!;
}

/** The last day to refer a complaint to the Independent Case Examiner, from the date of CMS's final response. */
export function iceLastDay(finalResponseDate: CivilDate, nation: Nation): Deadline {
  return deadlineOf(deadlinesForEvent('ice_eligible', finalResponseDate, nation), DEADLINE.iceLastDay)!;
}

/**
 * DWP's reply to a subject access request sent on `sentOn` and received on `receivedOn` (when not known, as a posted
 * letter is taken to arrive: the second working day after posting, CPR r.6.26, so that a chase never says the time
 * has passed before it has), and the first day a chase may say so.
 */
export function sarReplyDue(sentOn: CivilDate, receivedOn: CivilDate | undefined, nation: Nation): { due: Deadline; chase: Deadline } {
  const all = deadlinesForEvent('sar_sent', sentOn, nation, { receivedOn: receivedOn ?? postedArrival(sentOn, nation) });
  return { due: deadlineOf(all, DEADLINE.sarReplyDue)!, chase: deadlineOf(all, DEADLINE.sarChase)! };
}

/** CMS's reply to a stage-1 complaint made on `complaintDate`, and the day to escalate when none came. */
export function complaintReplyDue(complaintDate: CivilDate, nation: Nation): { due: Deadline; escalate: Deadline } {
  const all = deadlinesForEvent('complaint_sent', complaintDate, nation);
  return { due: deadlineOf(all, DEADLINE.complaintResponseDue)!, escalate: deadlineOf(all, DEADLINE.complaintEscalate)! };
}

/** The last day for a paying parent to report a new address. */
export function addressChangeLastDay(changedOn: CivilDate, nation: Nation): Deadline {
  return deadlineOf(deadlinesForEvent('address_changed', changedOn, nation), DEADLINE.addressChangeLastDay)!;
}
