/**
 * A column that says which way each amount went, beside an amount column printed unsigned: "DR"/"CR", "Debit"/
 * "Credit", "D"/"C", "Out"/"In" (some banks' exports and most accounting tools). Read only where the caller names it
 * (csvMapping.direction) or, for the layout refusal's example, where its header and every cell say so.
 * @module
 */

// DBIT and CRDT are ISO 20022's debit/credit codes, which some card exports print (Barclaycard's "Debit or Credit").
const OUT = new Set(['dr', 'db', 'd', 'debit', 'dbit', 'out', 'paid out', 'money out', 'withdrawal', 'payment', '-']);
const IN = new Set(['cr', 'c', 'credit', 'crdt', 'in', 'paid in', 'money in', 'deposit', 'receipt', 'lodgement', '+']);

/** Which way a direction cell says, or undefined when it says neither. */
export function directionOf(cell: string): 'out' | 'in' | undefined {
  const word = cell.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
  return OUT.has(word) ? 'out' : IN.has(word) ? 'in' : undefined;
}

/** The words a direction cell may hold, for an error. */
export const DIRECTION_WORDS = 'DR or CR (or Debit or Credit, D or C, Out or In)';

/** A header that names such a column ("DR/CR", "Debit/Credit", "Type", "Direction" …). */
export const DIRECTION_HEADER =
  /^(dr ?\/ ?cr|cr ?\/ ?dr|debit ?\/ ?credit|credit ?\/ ?debit|d ?\/ ?c|c ?\/ ?d|in ?\/ ?out|out ?\/ ?in|debit or credit|credit or debit|type|transaction type|direction)$/i;
