/**
 * Tenses and figures in the decision letters. The change of circumstances letter quotes the maintenance after the change with its monthly figure beside it, and
 * the income beside the income: an audit read "£45.00 a week, on gross weekly income of £373.97 (£195.00 a month)",
 * where £195.00 is the maintenance a month, not the income. The fixture's change (test/letters/fixture.ts): £78.86 a
 * week; a month is 78.86 × 52 ÷ 12 = 341.7267, £341.73.
 */
import { expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

test('the weekly and monthly maintenance together, then the income', () => {
  const text = squash(draftLetter(CASES['change_of_circumstances']!.input as DraftInput).text);
  expect(text).toContain(
    'the maintenance worked out under the 2012 scheme is £78.86 a week (£341.73 a month), on gross weekly income of £575.34.',
  );
});

test('a reconsideration of a decision that takes effect after the letter says "takes effect", not "took effect"', () => {
  // The fixture's annual review: letter 2 March 2026, effective 9 March 2026. Asked on 4 March, it is still to come.
  const base = CASES['mandatory_reconsideration']!.input as DraftInput;
  expect(squash(draftLetter({ ...base, sentOn: '2026-03-04' }).text)).toContain('which takes effect from 9 March 2026');
  expect(squash(draftLetter(base).text)).toContain('which took effect from 9 March 2026');
});
