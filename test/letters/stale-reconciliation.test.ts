/**
 * A letter drafted on a reconciliation as at a day long before its own (a journey test of 5 December 2026: a case
 * reconciled as at 30 November 2025, a letter dated 5 December 2026) says so: the balance it states leaves out a
 * year of liability and payments. More than 62 days apart (about two months) is old; the deduction case is refused
 * outright (test/letters/no-cms-account.test.ts).
 */
import { expect, test } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../calc/dates.ts';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASES } from './fixture.ts';

const input = CASES['account_breakdown_request']!.input;
const asOf = reconcile(input.reconciliation as ReconcileInput).asOf;
const letterOn = (days: number) => draftLetter({ ...input, sentOn: fromDayNumber(toDayNumber(asOf) + days) });
const stale = (warnings: readonly string[]) => warnings.filter((w) => w.includes('more than two months before its date'));

test('63 days after the reconciliation’s date, the letter warns that its balance is old, naming both dates', () => {
  const letter = letterOn(63);
  expect(stale(letter.warnings)).toHaveLength(1);
  expect(stale(letter.warnings)[0]).toMatch(
    /^The balance and entries this letter states are as at \d{1,2} \w+ \d{4}, more than two months before its date \(\d{1,2} \w+ \d{4}\): what fell due and what was paid since are not in them\. To state the account as it is now, reconcile it again as of a later date\.$/,
  );
});

test('62 days after, no such warning', () => {
  expect(stale(letterOn(62).warnings)).toEqual([]);
});
