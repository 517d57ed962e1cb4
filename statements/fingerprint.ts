/**
 * Fingerprints: one id per transaction that stays the same when the same statement is imported again (in
 * another file format, with other line ends or spacing), and differs between two genuinely identical
 * payments on one day.
 *
 * The fingerprint is the SHA-256 of the normalised row (date, amount, direction or entry type, description
 * in upper case with runs of space made one, running balance), the account (masked, as in the metadata),
 * and the row's occurrence among identical rows on the same date, counted in statement order. Hashing the
 * raw line (as ledger-cli does) would break on a re-formatted export; counting occurrences keeps two £5.00
 * coffees on one day apart.
 * @module
 */
import { hash } from 'node:crypto';

/** What the fingerprint of a bank transaction is made from. */
export interface FingerprintRow {
  readonly date: string;
  /** Two decimals, positive. */
  readonly amount: string;
  /** `in`/`out` for a bank transaction, the entry type for a CMS entry. */
  readonly direction: string;
  readonly description: string;
  readonly balance?: string;
}

/** Version of the recipe; changing the recipe changes every fingerprint, so it is part of the hash. */
const VERSION = 'reckoner-fp-1';

/** The description as compared: upper case, runs of white space made one space, trimmed. */
export function normaliseDescription(description: string): string {
  return description.replace(/\s+/g, ' ').trim().toUpperCase();
}

/**
 * Fingerprints for rows in statement order (oldest first).
 *
 * @param account identifies the account, e.g. `"**-**-56 ****1234"`; empty when the document does not say
 */
export function fingerprintRows(rows: readonly FingerprintRow[], account: string): string[] {
  const fingerprints = new Fingerprinter(account);
  return rows.map((row) => fingerprints.next(row));
}

/** Fingerprints one row after another, in statement order (oldest first), counting identical rows. */
export class Fingerprinter {
  private readonly seen = new Map<string, number>();
  constructor(private readonly account: string) {}

  next(row: FingerprintRow): string {
    const key = JSON.stringify([
      VERSION,
      this.account,
      row.date,
      row.amount,
      row.direction,
      normaliseDescription(row.description),
      row.balance ?? '',
    ]);
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return hash('sha256', `${key}#${occurrence}`, 'hex');
  }
}

/** The account part of a fingerprint, from the masked sort code and account number. */
export function accountKey(metadata: {
  readonly sortCodeMasked?: string;
  readonly accountNumberMasked?: string;
  readonly caseReference?: string;
}): string {
  return [metadata.sortCodeMasked ?? '', metadata.accountNumberMasked ?? '', metadata.caseReference ?? ''].join(' ').trim();
}
