/**
 * A difference nothing in CMS's entries explains has no parts: CMS gave a total only, so how much of it is
 * maintenance and how much fees nobody can say. The letter splits by part only what the entries explain.
 * Figures from test/letters/fixture.ts twoWayReconciliation: CMS's entries add up to £452.86, the correct balance is
 * £410.08; by part the entries' errors make the maintenance £58.55 too high and the fees £15.77 too low.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { squash } from './helpers.ts';
import { CASES, twoWayReconciliation } from './fixture.ts';

// CMS claims £552.86: £100.00 more than its own entries add up to, which nothing given explains.
const input: DraftInput = {
  ...(CASES['payment_dispute']!.input as DraftInput),
  reconciliation: { ...twoWayReconciliation, cmsClaim: { date: '2026-03-09', balance: '552.86' } },
};

describe('the parts of the balance, with a difference nothing explains', () => {
  test('only the lines explained are split; the £100.00 is not put in maintenance', () => {
    const text = squash(draftLetter(input).text);
    expect(text).toContain(
      'By part of the balance, in the lines the entries explain, the maintenance is £58.55 too high and the collection fees are £15.77 too low; the £100.00 nothing explains is not split by part.',
    );
    expect(text).not.toContain('£158.55');
  });

  test('without such a difference the sentence is as before', () => {
    const text = squash(draftLetter({ ...input, reconciliation: twoWayReconciliation }).text);
    expect(text).toContain('By part of the balance, the maintenance is £58.55 too high and the collection fees are £15.77 too low.');
  });
});
