/**
 * A letter sent on a later day than its own date: the reply date it asks for was counted from its date, while the
 * case counts the recipient's time from the day it went (the clock a letter starts runs from its sending, and a
 * limit the law sets runs from receipt). The two then differ, and the parent should know which the case tracks.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import { longDate } from './calendar.ts';
import type { Deadline } from './events.ts';
import { replyDueFor, type LetterId } from './letters.ts';

/** The day the case counts from, in words: the day it went, or the day it is taken to arrive (said how, or not). */
const COUNTED_FROM_WORDS = {
  sending: 'went',
  arrival: 'is taken to arrive',
  assumed_arrival: 'is taken to arrive (how it went was not given, so as a posted letter: the second working day after, CPR r.6.26)',
} as const;

/**
 * The warning for a letter of type `letter`, dated `dated` and sent on `sentOn`, whose reply date as the letter asks
 * it (`asked`, counted from its date) is not the one the case tracks (`tracked`, counted from the sending); none
 * when it went on its date or the two agree.
 */
export function sentLaterWarning(
  letter: LetterId,
  asked: readonly Deadline[],
  tracked: readonly Deadline[],
  dated: CivilDate,
  sentOn: CivilDate,
  countedFrom: 'sending' | 'arrival' | 'assumed_arrival' = 'sending',
): string | undefined {
  if (sentOn <= dated) return undefined;
  const reply = replyDueFor(letter, asked);
  const kept = reply && tracked.find((d) => d.id === reply.id);
  if (!reply || !kept || kept.date === reply.date) return undefined;
  return (
    `The letter asks for a reply by ${longDate(reply.date)}, counted from its own date (${longDate(dated)}). ` +
    `Sent on ${longDate(sentOn)}, the case counts from the day it ${COUNTED_FROM_WORDS[countedFrom]}: “${kept.label}” is tracked to ${longDate(kept.date)}. ` +
    `If it has not gone yet, draft it again dated the day it goes, so that the date it asks for and the case agree; if it has, chase from ${longDate(kept.date)}.`
  );
}
