/**
 * A payment dispute no longer asks CMS to remove a charge for a deduction from earnings order made when nothing was
 * owed (MCP audit 2, finding 3: the letter said "the enforcement charges are £50.00 too high" and put +£50.00 in the
 * statement, "there was nothing to enforce", where the Act lets such an order collect maintenance that will become due:
 * Child Support Act 1991 s.31(3)(b)). A liability order charged with nothing owed is still disputed, with its law.
 *
 * The account (test/calc/reconcile/enforcement-without-arrears.test.ts works the same one): £60 a week on Collect and
 * Pay from 1 January 2024, £312.00 due on the 1st (£260.00 + 20% fee £52.00), paid on 1 January, 1 February and
 * 1 March. CMS did not record March's payment, so its figure is 3 × £312.00 − 2 × £312.00 + the charge.
 */
import { describe, expect, test } from 'vitest';
import type { CmsEntryInput } from '../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const MONTHS = ['01', '02', '03'];
const facts = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' };

function account(charge: CmsEntryInput, claim: string): ReconcileInput {
  return {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: [
      ...MONTHS.filter((m) => m !== '03').map((m): CmsEntryInput => ({ date: `2024-${m}-01`, type: 'payment_received', amount: '312.00' })),
      charge,
    ],
    bankTransactions: MONTHS.map((m) => ({ date: `2024-${m}-01`, amount: '312.00', direction: 'out' as const, description: 'CMS' })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-03-31', balance: claim },
  };
}

const dispute = (reconciliation: ReconcileInput) => draftLetter({ type: 'payment_dispute', sentOn: '2024-04-10', facts, reconciliation });

describe('payment_dispute and an enforcement charge made when nothing was owed', () => {
  test('a deduction from earnings order’s £50.00 is not disputed: it is in the correct balance, and the sender is told why', () => {
    // CMS: 936.00 − 624.00 + 50.00 = £362.00. Correct: 936.00 − 936.00 + 50.00 = £50.00. One line: March's £312.00.
    const letter = dispute(
      account({ date: '2024-02-10', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' }, '362.00'),
    );
    const text = squash(letter.text);
    expect(text).toContain('Your figure is £312.00 too high.');
    // The £50.00 is the charge alone, owed to the Secretary of State: not "arrears", which are maintenance.
    expect(text).toContain(
      'the account shows £50.00 owed in enforcement charges, to the Secretary of State, and no maintenance arrears on that date.',
    );
    expect(text).not.toContain('nothing to enforce');
    expect(text).not.toContain('Enforcement charge £50.00');
    expect(text).not.toMatch(/enforcement charges are £50\.00 too high/);
    expect(Object.fromEntries(letter.figures.map((f) => [f.id, f.value]))).toMatchObject({
      cms_claimed_balance: '£362.00',
      recomputed_balance: '£50.00',
      balance_difference: '£312.00',
    });
    // The schedules say the same, not "arrears of £50.00" (a user test, 5 December 2026): the statement's last line,
    // the figure's label and the working it cites (936.00 − 936.00 + 50.00).
    expect(text).toContain(
      'The correct balance: £50.00 owed in enforcement charges, to the Secretary of State, and no maintenance arrears',
    );
    const balance = letter.figures.find((f) => f.id === 'recomputed_balance')!;
    expect(balance.label).toBe(
      'Owed in enforcement charges (no maintenance arrears), worked out from the decisions and my evidence of payment',
    );
    expect(balance.source).toContain(
      '+ enforcement charges £50.00 = £50.00 owed in enforcement charges (no maintenance arrears) on 31 March 2024',
    );
    expect(text).not.toMatch(/arrears of £50\.00/);
    expect(letter.figures.map((f) => f.id)).not.toContain('bridge_line_2');
    // Before sending, the sender reads why the charge stands and what can still be asked.
    expect(text).toContain(
      'That is not an error: a deduction from earnings order can collect maintenance that will become due, not only arrears (Child Support Act 1991 s.31(1), (3)(b))',
    );
    expect(text).toContain('whether the charge applies to deductions you chose is not settled.');
  });

  test('a liability order’s £300.00 is still disputed, with the Act it offends', () => {
    // CMS: 936.00 − 624.00 + 300.00 = £612.00. Correct: £0.00. Lines: the charge, then March's £312.00.
    const letter = dispute(
      account({ date: '2024-02-20', type: 'enforcement_charge', amount: '300.00', chargeType: 'liability_order' }, '612.00'),
    );
    const text = squash(letter.text);
    expect(text).toContain('Your figure is £612.00 too high.');
    expect(text).toContain(
      'CMS charged £300.00 for a liability order on 20 February 2024, but on that day the records show no arrears: a liability order is made only for payments that have fallen due and have not been paid (Child Support Act 1991 s.33(1)(a), (3)).',
    );
    expect(text).not.toContain('not settled');
  });
});

describe('arrears_payment_plan for a balance of an enforcement charge alone', () => {
  test('offers to pay the charge, and does not call it arrears', () => {
    // The same account: the correct balance is the DEO's £50.00 alone (936.00 − 936.00 + 50.00), offered in 2 × £25.00.
    const letter = draftLetter({
      type: 'arrears_payment_plan',
      sentOn: '2024-04-10',
      facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, frequency: 'monthly', instalments: 2, firstPaymentOn: '2024-04-25' },
      reconciliation: account(
        { date: '2024-02-10', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
        '362.00',
      ),
    });
    const text = squash(letter.text);
    // Before: "I accept that I owe £50.00 in arrears up to …" and "I cannot pay the arrears in one sum."
    expect(text).toContain(
      'I accept that I owe £50.00 in enforcement charges, owed to the Secretary of State (there are no maintenance arrears), up to 31 March 2024',
    );
    expect(text).toContain('I cannot pay it in one sum. I offer to pay £25.00 every month, 2 payments starting on 25 April 2024.');
    expect(text).not.toContain('in arrears');
    expect(text).not.toContain('the arrears in one sum');
    expect(letter.figures.find((f) => f.id === 'undisputed_arrears')?.label).toBe(
      'What I accept is owed in enforcement charges (no maintenance arrears) (worked out from the decisions and my evidence of payment)',
    );
  });
});
