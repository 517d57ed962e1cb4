/**
 * A request for a breakdown where the evidence shows CMS's figure right: it asks to check the figure, and neither
 * says "I do not accept that figure" nor asks CMS to hold enforcement on a part "I dispute" (a meaning probe of
 * 5 December 2026 found both beside "Your figure agrees with it").
 *
 * The account is test/calc/reconcile/collect-and-pay-from-may.ts: £312.00 due and paid on each of 1 May, 1 June and
 * 1 July 2024, each recorded by CMS the next day; CMS's figure on 31 July 2024 is nothing owed, as worked out.
 */
import { expect, it } from 'vitest';
import type { CmsEntryInput } from '../../calc/ledger/entries.ts';
import { draftLetter } from '../../letters/index.ts';
import { collectAndPayFromMay, DUE } from '../calc/reconcile/collect-and-pay-from-may.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

const recorded = DUE.map((date): CmsEntryInput => ({ id: `received-${date}`, date, type: 'payment_received', amount: '312.00' }));
const draft = (balance: string) =>
  draftLetter({
    ...CASES['account_breakdown_request']!.input,
    sentOn: '2024-08-05',
    reconciliation: { ...collectAndPayFromMay(recorded), cmsClaim: { date: '2024-07-31', balance } },
  });

it('a figure the evidence agrees with is asked about, not disputed', () => {
  const letter = draft('0.00');
  const text = squash(letter.text);
  expect(text).toContain('Your figure agrees with it.');
  expect(text).toContain('I want to check how you arrived at it, and I cannot do that without a full breakdown.');
  expect(text).not.toContain('I do not accept that figure');
  expect(text).not.toContain('I dispute');
  expect(text).not.toContain('enforcement action');
});

it('a figure the evidence does not agree with is still disputed', () => {
  // CMS's £312.00 against nothing owed worked out.
  const text = squash(draft('312.00').text);
  expect(text).toContain('I do not accept that figure');
  expect(text).toContain('Your figure is £312.00 too high.');
});
