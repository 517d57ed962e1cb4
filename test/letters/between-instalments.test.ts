/**
 * A payment dispute about CMS's figure dated between two instalments of the payment plan (MCP audit 2, finding 1).
 * The reconciliation is test/calc/reconcile/between-instalments.ts, whose comment works out every figure: CMS's figure
 * £615.06 is its entries (£814.09) less the £199.03 not yet due under its plan, so it is the arrears due under the plan,
 * as it should be; the only error is the July deduction (£615.06 = £512.55 maintenance + £102.51 fee), taken from pay
 * and not credited.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { betweenInstalments } from '../calc/reconcile/between-instalments.ts';
import { squash } from './helpers.ts';
import { CASES } from './fixture.ts';

const input = (reconciliation = betweenInstalments()): DraftInput => ({
  ...(CASES['payment_dispute']!.input as DraftInput),
  sentOn: '2024-08-21',
  reconciliation,
});

describe('a payment dispute about a figure given on the payment plan’s basis', () => {
  const letter = draftLetter(input());
  const text = squash(letter.text);
  const figure = (id: string) => letter.figures.find((f) => f.id === id)?.value;

  test('does not tell CMS that its figure counts money not yet due, nor that its entries do not explain it', () => {
    // Before: Schedule 1 line 3 "Counted in CMS’s figure already | Not yet due under the payment plan | +£199.03" and
    // line 4 "CMS’s figure, against its own entries | No entry explains it | -£199.03", and the body "one item makes it
    // too low, by £199.03, in the other parent’s favour".
    for (const said of [
      'Counted in CMS’s figure already',
      'Not yet due under the payment plan',
      'No entry explains it',
      'nothing in the entries I have been given explains it',
      'in the other parent’s favour',
      'has accrued under the decisions but is not yet due: the payment plan collects it in later instalments',
    ]) {
      expect(text).not.toContain(said);
    }
    expect(figure('bridge_unexplained')).toBeUndefined();
    expect(figure('bridge_not_yet_due')).toBeUndefined();
    expect(text).toContain('You say that on 20 August 2024 the account shows a balance of £615.06 owed.');
    expect(text).toContain('Your figure is £615.06 too high.');
    // The £199.03 not yet due is named only where the working says CMS's figure is right to leave it out.
    expect(text.match(/£199\.03/g)).toHaveLength(2);
    expect(text).toContain(
      'CMS’s figure is on the payment plan’s basis (the arrears due under it): it leaves out, rightly, the £199.03 its entries hold that has accrued but is not yet due',
    );
    expect(text).toContain('= nothing owed on 20 August 2024; a further £199.03 has accrued but is not yet due');
  });

  test('the parts of the balance add up to the difference, not to more than CMS’s whole figure', () => {
    // Before (with the entries' basis): the maintenance £678.41 too high and the fees £135.68, £814.09 in all.
    expect(text).toContain('By part of the balance, the maintenance is £512.55 too high and the collection fees are £102.51 too high.');
    expect([figure('bridge_component_maintenance'), figure('bridge_component_collection_fees'), figure('balance_difference')]).toEqual([
      '£512.55',
      '£102.51',
      '£615.06',
    ]);
    // 512.55 + 102.51 = 615.06.
    expect(51255 + 10251).toBe(61506);
  });

  test('a figure near the plan basis but not on it: the part nothing explains is set against what the entries make due', () => {
    // CMS's figure £600.00: 615.06 − 600.00 = £15.06 lower than its entries make due under the plan, not "lower than its
    // own entries add up to (£814.09)", which is £214.09 away. The net: 615.06 − 15.06 = £600.00.
    const near = squash(draftLetter(input(betweenInstalments({ date: '2024-08-20', balance: '600.00' }))).text);
    // The entries hold collection fees, which are not arrears (cms-accounts.md §4): their £814.09 is maintenance
    // £678.43 + fees £135.66, each part named, and what they make due under the plan is a balance owed, not "arrears".
    expect(near).toContain(
      'One of these items is not an entry: your figure is £15.06 lower than your own entries make due under the payment plan ' +
        '(a balance of £615.06 owed: they add up to £814.09 owed (maintenance arrears of £678.43, and collection fees of £135.66, which ' +
        'are owed to the Secretary of State and are not arrears), of which £199.03 has accrued but is not yet due), and nothing in the ' +
        'entries I have been given explains it.',
    );
    expect(67843 + 13566).toBe(81409);
    expect(near).toContain('Taken together, your figure is £600.00 too high, net.');
    expect(near).not.toContain('Counted in CMS’s figure already');
  });
});
