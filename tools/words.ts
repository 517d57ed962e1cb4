/**
 * The working in words: what every tool's text content is made of, so a client that passes only the text to the model
 * still has the answer, the figures, the numbered trace with its citations and the findings (issue 13, item 2).
 * - `plural` and the word maps write counts and enum values as English ("1 step", "Collect and Pay"), never by
 *   rewriting identifiers with a regular expression.
 * - `traceLines` numbers the trace steps, each with its citation: "1. Gross weekly income: £500.00 (SI 2012/2677 reg 34)".
 * - `capped` puts the sections together up to a readable length, and says where the rest is.
 * @module
 */
import type { EventType } from '../calc/deadlines/index.ts';
import type { BundlePurpose } from '../letters/bundle/types.ts';
import type { LetterMethod, PartyRole } from '../store/types.ts';
import { groupedCount } from '../calc/money.ts';

/** The longest text content a tool returns by default: a few screens, about 1,500 tokens. */
export const TEXT_CAP = 6000;

/** "1 step", "2 steps"; `many` for irregular plurals ("1 piece of evidence", "2 pieces of evidence"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${groupedCount(count)} ${count === 1 ? one : many}`;
}

/** "was" or "were", for a count. */
export const wasWere = (count: number): string => (count === 1 ? 'was' : 'were');

/** A list in prose: "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How the money moves, as the CMS writes it. */
export const COLLECTION_WORDS = {
  direct_pay: 'Direct Pay',
  collect_and_pay: 'Collect and Pay',
} as const satisfies Record<string, string>;

/** The parts of a CMS balance (calc's list). */
export { COMPONENT_WORDS } from '../calc/reconcile/explain.ts';

/** Who a parent is. */
/** A party's role, as a line of text begins with it. */
export const PARTY_ROLE_WORDS = {
  paying_parent: 'Paying parent',
  receiving_parent: 'Receiving parent',
  representative: 'Representative',
  other: 'Other',
} as const satisfies Record<PartyRole, string>;

export const SIDE_WORDS = {
  paying: 'the paying parent',
  receiving: 'the receiving parent',
  either: 'either parent',
} as const satisfies Record<string, string>;

/** The word for an enum value from its map; a value the map lacks (a newer enum) is shown as it is, never guessed at. */
export function wordFor(map: Readonly<Record<string, string>>, value: string): string {
  return map[value] ?? value;
}

/** One step of a trace, as every result carries it. */
export interface TraceStepText {
  readonly step?: string;
  readonly description: string;
  readonly value: string;
  readonly citation: string;
}

/** The trace as numbered lines, each with its value and its legal source. */
export function traceLines(trace: readonly TraceStepText[]): string[] {
  return trace.map((s, i) => `${i + 1}. ${s.description}: ${s.value}${s.citation ? ` (${s.citation})` : ''}`);
}

/** A list of lines in a text, with what to say about the ones that do not fit. */
export interface Section {
  /** The heading line, shown only when the section has lines. */
  readonly title?: string;
  readonly lines: readonly string[];
  /** Where the rest is, given how many lines were left out, e.g. "page with page.cursor". */
  readonly rest: (left: number) => string;
}

/**
 * The head (the answer and its figures, always whole) and then each section line by line while the text stays within
 * `max` characters; a section that does not fit ends with its pointer to the rest, and the sections after it give only
 * theirs. A cut text is never longer than `max` plus its pointers.
 */
export function capped(head: readonly string[], sections: readonly Section[], max = TEXT_CAP): string {
  const out = [...head];
  let length = out.join('\n').length;
  let full = false;
  for (const section of sections) {
    if (!section.lines.length) continue;
    if (full) {
      out.push(section.rest(section.lines.length));
      continue;
    }
    if (section.title) {
      out.push(section.title);
      length += section.title.length + 1;
    }
    let shown = 0;
    for (const line of section.lines) {
      if (length + line.length + 1 > max) break;
      out.push(line);
      length += line.length + 1;
      shown++;
    }
    if (shown < section.lines.length) {
      out.push(section.rest(section.lines.length - shown));
      full = true;
    }
  }
  return out.join('\n');
}

/** The usual section of trace steps: "… 12 more steps of the trace in structuredContent.trace". */
export function traceSection(trace: readonly TraceStepText[], where = 'structuredContent.trace'): Section {
  return {
    title: `How it was worked out (${plural(trace.length, 'step')}):`,
    lines: traceLines(trace),
    rest: (left) => `… ${plural(left, 'more step')} of the trace in ${where}`,
  };
}

/** Each event a case records, as a sentence names it ("Recorded the decision letter on 2 December"). */
export const EVENT_WORDS = {
  decision_letter_received: 'the CMS decision letter',
  mr_sent: 'your request for a mandatory reconsideration',
  mr_notice_received: 'the mandatory reconsideration notice',
  breakdown_requested: 'your request for an account breakdown',
  payments_disputed: 'your payment dispute',
  complaint_sent: 'your complaint',
  complaint_escalated: 'your complaint escalated',
  ice_eligible: 'the complaint becoming eligible for the ICE',
  grievance_noticed: 'a grievance noticed',
  sar_sent: 'your subject access request',
  sar_chased: 'your subject access request chased',
  rectification_requested: 'your request for rectification',
  enforcement_pause_requested: 'your request to pause enforcement',
  refund_requested: 'your refund request',
  deo_served: 'the deduction from earnings order served',
  lsdo_served: 'the lump sum deduction order served',
  magistrates_decision: "the magistrates' decision",
  address_changed: 'a change of address',
  appeal_lodged: 'the appeal lodged',
  breakdown_received: 'the account breakdown received',
  dispute_reply_received: "CMS's reply to the dispute",
  complaint_reply_received: "CMS's reply to the complaint",
  ice_referred: 'the referral to the ICE',
  phso_referred: 'the referral to the Ombudsman',
  sar_reply_received: 'the reply to the subject access request',
  ico_complaint_sent: 'the complaint to the ICO',
  rectification_reply_received: 'the reply to the rectification request',
  enforcement_pause_reply_received: 'the reply to the request to pause enforcement',
  refund_reply_received: 'the reply to the refund request',
  deo_appeal_lodged: 'the appeal against the deduction from earnings order',
  lsdo_representations_sent: 'the representations against the lump sum deduction order',
  magistrates_appeal_lodged: "the appeal against the magistrates' decision",
  address_change_reported: 'the change of address reported',
  letter_sent: 'a letter sent',
  letter_received: 'a letter received',
  call: 'a call',
  note: 'a note',
  payment: 'a payment',
  enforcement: 'enforcement action',
  other: 'an event',
} as const satisfies Record<EventType, string>;

/** How a letter went. */
export const METHOD_WORDS = {
  post: 'post',
  recorded_delivery: 'recorded delivery',
  email: 'email',
  online_account: 'the online account',
  online_form: 'an online form',
  hand: 'hand',
  phone_then_post: 'phone, then post',
} as const satisfies Record<LetterMethod, string>;

/** Whom an evidence bundle is for. */
export const PURPOSE_WORDS = {
  mandatory_reconsideration: 'a mandatory reconsideration',
  complaint: 'a complaint',
  ice: 'the Independent Case Examiner',
  mp: 'your MP',
  tribunal: 'a tribunal',
} as const satisfies Record<BundlePurpose, string>;
