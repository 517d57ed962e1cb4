/**
 * The deadlines a letter starts, from the core's deadline tables (calc/deadlines): the one place letters/
 * reaches them, and the choice of the deadline a letter asks its recipient to meet ("Please reply by …").
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import {
  deadlinesForLetter,
  LETTER_CLOCKS,
  LETTER_IDS,
  NATIONS,
  type Deadline,
  type LetterId,
  type Nation,
} from '../calc/deadlines/index.ts';

export { LETTER_CLOCKS, LETTER_IDS, NATIONS };
export type { Deadline, LetterId, Nation };

/** Every deadline a letter starts, counted from `from` (see calc/deadlines LETTER_CLOCKS for what the date means), in date order. */
export function deadlinesFor(id: LetterId, from: CivilDate, nation: Nation): Deadline[] {
  return [...deadlinesForLetter(id, from, nation)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The deadline a letter asks its recipient to reply by: the first reply the recipient owes that is neither a
 * mere acknowledgement nor the latest date allowed after an extension. None when the letter starts no reply
 * clock (a reconsideration, whose clock is the sender's own last day; a letter to an MP).
 */
export function replyDeadline(deadlines: readonly Deadline[], notBefore: CivilDate): Deadline | undefined {
  return deadlines.find((d) => d.kind === 'reply_due' && !/_ack_due$|extended/.test(d.id) && d.date >= notBefore);
}
