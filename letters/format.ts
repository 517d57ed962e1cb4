/**
 * How letters write dates, lists and balances ("arrears of £410.08"). Findings are never rewritten here: calc
 * writes each one in the voice asked for (calc/reconcile/explain.ts, `explainFinding(f, side, 'i')`).
 * @module
 */
import { dateInWords, type CivilDate } from '../calc/dates.ts';
import type { Dec } from '../calc/money.ts';

/** "2026-03-04" → "4 March 2026". */
export function longDate(date: CivilDate): string {
  return dateInWords(date);
}

/** Every ISO date in a sentence written as a letter writes it. */
export function longDatesIn(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => longDate(iso));
}

/**
 * A trace step's description (written for the parent, with ISO dates) in the parent's own voice and with letter
 * dates. Only for trace steps, which calc does not yet write in the first person; never for findings.
 */
export function inFirstPerson(sentence: string): string {
  return longDatesIn(sentence)
    .replace(/\bto you\b/g, 'to me')
    .replace(/\bYour\b/g, 'My')
    .replace(/\byour\b/g, 'my');
}

/** Where a balance stands: owed by the paying parent, overpaid, or nothing owed. */
export type Position = 'arrears' | 'overpaid' | 'settled';

/** A balance's position from its sign (positive: the paying parent owes). */
export function positionOf(balance: Dec): Position {
  return balance.gt(0) ? 'arrears' : balance.lt(0) ? 'overpaid' : 'settled';
}

/** "arrears of £410.08", "an overpayment of £12.00", "nothing owed (£0.00)": a balance quoted without its sign. */
export function balanceWords(value: string, position: Position): string {
  return position === 'arrears'
    ? `arrears of ${value}`
    : position === 'overpaid'
      ? `an overpayment of ${value}`
      : `nothing owed (${value})`;
}

/** "a, b and c": calc's, which the reconciliation's own words use too. */
export { joinAnd } from '../calc/reconcile/explain.ts';

/** A sentence from a fact the parent wrote: trimmed, first letter kept, a full stop added when missing. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?)"”’]$/.test(t) ? t : `${t}.`;
}

/** A fact the parent wrote, to follow a colon mid-sentence: its first letter lower-cased unless it starts a name or acronym. */
export function afterColon(text: string): string {
  const t = sentence(text);
  return /^[A-Z][a-z]/.test(t) && !/^I\b/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "one entry", "two entries", "13 entries". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${WORDS[n] ?? String(n)} ${n === 1 ? one : many}`;
}

/** "One entry is", "Two entries are": a count that starts a sentence, with its verb. */
export function countIs(n: number, one: string, many = `${one}s`): string {
  const c = count(n, one, many);
  return `${c[0]!.toUpperCase()}${c.slice(1)} ${n === 1 ? 'is' : 'are'}`;
}

/** The two collection services by name, as letters and bundles write them. */
export const SERVICE_NAMES = { direct_pay: 'Direct Pay', collect_and_pay: 'Collect and Pay' } as const;
