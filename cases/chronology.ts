/**
 * What happened on a case, in date order, as a complaint's `chronology` takes it: one plain sentence for each letter
 * the case has sent and each event it has recorded, saying nothing the case does not hold. A letter's sending and
 * its event are one entry (the letter's). Where the case's own timeline (calc's, {@link caseTimeline}) has the reply
 * a sending asked for overdue, the entry says so, with the date calc gave; a reply recorded meets it and the entry
 * says nothing more. Notes, payments and "other" events are left out: the case holds nothing about them that can be
 * said in a sentence of its own (their words are the parent's, and may hold amounts). A call carries its summary, as
 * the parent's note of it; a call or letter that reported a missed Direct Pay payment says so.
 * @module
 */
import { dateInWords, type CivilDate } from '../calc/dates.ts';
import { LETTER_CLOCKS, type EventType, type LetterId } from '../calc/deadlines/index.ts';
import { narrativeProblem } from '../letters/facts.ts';
import { LETTERS } from '../letters/index.ts';
import type { CaseRecords, EventRecord, LetterRecord } from '../store/types.ts';
import { caseTimeline, missedPaymentReportOf, type CaseDeadline } from './events.ts';

/** A dated event as `chronology` takes it. */
export interface ChronologyEntry {
  readonly date: CivilDate;
  readonly what: string;
}

/** The most entries `chronology` takes (letters/facts.ts): the latest are kept. */
const MOST = 40;

/** Each letter, sent, in the sender's words to CMS. */
const LETTER_WORDS: Record<LetterId, string> = {
  L01: 'I sent DWP a subject access request for my case file',
  L02: 'I asked you for a full breakdown of my account',
  L03: 'I asked you for a mandatory reconsideration of your decision',
  L04: 'I wrote to you disputing entries on my account',
  L05: 'I made a complaint to you',
  L06: 'I asked you to escalate my complaint for a final response',
  L07: 'I referred my complaint to the Independent Case Examiner',
  L08: 'I wrote to my MP about my case',
  L09: 'I asked my MP to refer my complaint to the Parliamentary and Health Service Ombudsman',
  L10: 'I applied to you for a variation',
  L11: 'I asked you to hold enforcement while my dispute is considered',
  L12: 'I asked you to move my case from Direct Pay to Collect and Pay',
  L13: 'I told you of a change in my circumstances',
  L14: 'I asked you for a deduction from earnings order',
  L15: 'I challenged the income figure in your calculation',
  L16: 'I proposed a plan to pay the arrears',
  L17: 'I appealed to the First-tier Tribunal',
  L18: 'I asked you for a late mandatory reconsideration',
  L19: 'I asked you to repay, or adjust for, an overpayment',
  L20: 'I claimed a special payment for maladministration',
  L21: 'I asked DWP to correct inaccurate records',
  L22: 'I appealed against the deduction from earnings order',
  L23: 'I wrote to you about the deduction order on my bank account',
  L24: 'I chased DWP about my subject access request',
};

/**
 * Each event recorded on its own (not a letter's sending), in the sender's words to CMS; undefined for those left
 * out. The date is the one the event type asks for (calc/deadlines EVENT_DESCRIPTIONS).
 */
const EVENT_WORDS: Record<EventType, string | undefined> = {
  decision_letter_received: 'You wrote to me with a decision on my case',
  mr_sent: 'I asked you for a mandatory reconsideration of your decision',
  mr_notice_received: 'You sent me your mandatory reconsideration notice',
  breakdown_requested: LETTER_WORDS.L02,
  payments_disputed: LETTER_WORDS.L04,
  complaint_sent: LETTER_WORDS.L05,
  complaint_escalated: LETTER_WORDS.L06,
  ice_eligible: 'You sent me your final response to my complaint',
  grievance_noticed: 'I first became aware of the problem',
  sar_sent: LETTER_WORDS.L01,
  sar_chased: LETTER_WORDS.L24,
  rectification_requested: LETTER_WORDS.L21,
  enforcement_pause_requested: LETTER_WORDS.L11,
  refund_requested: LETTER_WORDS.L19,
  deo_served: 'A deduction from earnings order was made',
  lsdo_served: 'An interim lump sum deduction order was served',
  magistrates_decision: 'The magistrates’ court made its decision',
  address_changed: 'I moved home',
  appeal_lodged: 'The tribunal received my appeal',
  breakdown_received: 'I received your breakdown of my account',
  dispute_reply_received: 'I received your reply to my payment dispute',
  complaint_reply_received: 'I received your reply to my complaint',
  ice_referred: LETTER_WORDS.L07,
  phso_referred: 'My complaint was put to the Parliamentary and Health Service Ombudsman through my MP',
  sar_reply_received: 'I received DWP’s reply to my subject access request',
  ico_complaint_sent: 'I complained to the Information Commissioner’s Office about my subject access request',
  rectification_reply_received: 'I received DWP’s reply to my request to correct my records',
  enforcement_pause_reply_received: 'I received your reply to my request to hold enforcement',
  refund_reply_received: 'I received your reply to my refund request',
  deo_appeal_lodged: LETTER_WORDS.L22,
  lsdo_representations_sent: 'I made representations on the lump sum deduction order',
  magistrates_appeal_lodged: 'I appealed against the magistrates’ court’s decision',
  address_change_reported: 'I told you my new address',
  letter_sent: 'I sent a letter about my case',
  letter_received: 'I received a letter about my case',
  call: 'I had a phone call about my case',
  enforcement: 'You took an enforcement step on my case',
  note: undefined,
  payment: undefined,
  other: undefined,
};

/** The most a chronology entry holds (letters/facts.ts `what`): a note that would take it past that is left out. */
const MOST_WORDS = 1000;

/**
 * A call's summary, as the parent's own note of it: what the call was about is what a complaint's chronology needs
 * ("I had a phone call about my case" alone said nothing; a journey probe, story 2). Only a call's: a note, payment
 * or "other" event is left out whole (the module doc says why), and a letter's summary is its own words.
 */
function noteOf(event: EventRecord): string {
  const summary = event.summary?.trim();
  if (event.type !== 'call' || !summary) return '';
  const note = `. My note of the call: ${summary}`;
  // A note a letter would refuse (an amount of money, a postcode, a placeholder: letters/facts.ts) is left out, so
  // the chronology never stops the complaint being drafted (its figures come from the reconciliation).
  return note.length + 200 > MOST_WORDS || narrativeProblem(summary) !== undefined ? '' : note;
}

/** A call or letter that told CMS of a missed Direct Pay payment (cases/events.ts missedPaymentReportOf), in words. */
function reportWords(event: EventRecord): string | undefined {
  let report;
  try {
    report = missedPaymentReportOf(event);
  } catch {
    return undefined;
  }
  if (!report) return undefined;
  const which = report.dueDate ? ` due on ${dateInWords(report.dueDate)}` : '';
  return event.type === 'call'
    ? `I told you by phone that the payment${which} was missed or short`
    : event.type === 'letter_sent'
      ? `I wrote to tell you that the payment${which} was missed or short`
      : `I told you that the payment${which} was missed or short`;
}

/** The deadlines that are the reply a letter asks for (each letter's `replyBy`), as calc lists them. */
const REPLY_DEADLINES: ReadonlySet<string> = new Set(
  Object.values(LETTER_CLOCKS).flatMap((c) => (c.replyBy === undefined ? [] : [c.replyBy])),
);

const byDate = <T extends { readonly date: CivilDate }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The case's letters sent by `asOf`, oldest first: what `priorContacts`, `pendingDisputes` and the chronology list. */
export function sentLetters(records: CaseRecords, asOf: CivilDate): (LetterRecord & { readonly sentOn: CivilDate })[] {
  return records.letters
    .filter((l): l is LetterRecord & { sentOn: CivilDate } => l.status === 'sent' && l.sentOn !== undefined && l.sentOn <= asOf)
    .sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0));
}

/**
 * The case's letters and events by `asOf` as `chronology` takes them, oldest first (at most the latest 40), each
 * with the reply it asked for when the case's timeline has that overdue; empty when the case holds none.
 */
export function chronologyFromCase(records: CaseRecords, asOf: CivilDate): ChronologyEntry[] {
  const overdue = caseTimeline(records.events, asOf, records.decisions).overdue.filter((d) => REPLY_DEADLINES.has(d.id));
  const unanswered = (event: EventRecord | undefined): string => {
    const due: CaseDeadline | undefined = event && overdue.find((d) => d.startedBy.eventId === event.id);
    return due ? `; the reply was due by ${dateInWords(due.date)} and none is recorded` : '';
  };
  const entries: ChronologyEntry[] = [];
  const told = new Set<string>();
  for (const letter of sentLetters(records, asOf)) {
    const id = LETTERS.find((l) => l.type === letter.type)?.id;
    if (id === undefined) continue;
    const sending = records.events.find((e) => e.letterId === letter.id);
    if (sending) told.add(sending.id);
    // An L24 at its second stage is a complaint to the ICO: its sending says which.
    const words = sending?.type === 'ico_complaint_sent' ? EVENT_WORDS.ico_complaint_sent! : LETTER_WORDS[id];
    entries.push({ date: letter.sentOn, what: `${words}${unanswered(sending)}` });
  }
  for (const event of records.events) {
    const words = reportWords(event) ?? EVENT_WORDS[event.type];
    if (told.has(event.id) || event.date > asOf || words === undefined) continue;
    entries.push({ date: event.date, what: `${words}${unanswered(event)}${noteOf(event)}` });
  }
  // Sorting is stable: on one day, letters before events, each in the order the case holds them.
  return entries.sort(byDate).slice(-MOST);
}
