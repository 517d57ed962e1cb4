/**
 * Rows typed in rather than read from a document (CMS entries from a letter or the online account; payslip and
 * benefit deductions; declared payments): each is one row per case by its content, so adding the same lines
 * again adds nothing.
 *
 * The fingerprint is the SHA-256 of the row's content fields and its occurrence, as a parser's fingerprint is
 * of its row (statements/fingerprint.ts): stored in the clear, like dates and amounts, so that the database
 * can keep each row once. Two identical lines in one call are refused unless told apart by `occurrence` (or a
 * reference): a second identical line is as likely a slip as a second payment, and guessing either way would
 * be wrong half the time.
 * @module
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../calc/errors.ts';
import { wholeNumber } from './check.ts';

/** Most rows typed in at once. */
export const MAX_TYPED = 10_000;

/** The recipe's version is part of the hash: changing the recipe must not make old rows look new by accident. */
export function contentFingerprint(kind: 'cms' | 'evidence', parts: readonly (string | number | null | undefined)[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify(['typed-v1', kind, ...parts.map((p) => p ?? null)]))
    .digest('hex');
  return `typed:${kind}:${hash}`;
}

/** `occurrence`: 1 when not given. */
export function occurrenceOf(field: string, value: unknown): number {
  return value === undefined || value === null ? 1 : wholeNumber(field, value, 1, 1000);
}

/** Refuses a row that repeats an earlier row of the same call, naming both. */
export function refuseRepeats(field: string, fingerprints: readonly string[], what: string, alike: string): void {
  const first = new Map<string, number>();
  fingerprints.forEach((f, i) => {
    const earlier = first.get(f);
    if (earlier !== undefined) {
      throw new InputError(
        `${field}[${i}]`,
        `is the same ${what} as ${field}[${earlier}] (alike in ${alike}); if it really happened twice, give the second "occurrence": 2 ` +
          '(or its own reference), otherwise remove one',
      );
    }
    first.set(f, i);
  });
}
