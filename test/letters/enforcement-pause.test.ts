/**
 * The request to hold enforcement (L11) is for a balance the parent disputes, whatever the reconciliation makes of
 * it: arrears smaller than CMS's, nothing owed at all, or money overpaid. It is refused only when there is nothing in
 * CMS's figure to dispute; so are representations against a deduction order (L23) on the ground that it takes what
 * was already paid, or an official error in its amount. Figures from the shared case (fixture.ts: £410.08 a month due on Collect and Pay, twelve
 * instalments to 9 March 2026, £4,920.96 in all).
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import type { ReconcileInput } from '../../calc/reconcile/types.ts';
import { refusal, squash } from './helpers.ts';
import { CASES, overpaidReconciliation, twoWayReconciliation } from './fixture.ts';

const base = CASES['enforcement_pause_request']!.input as DraftInput;
const withReconciliation = (reconciliation: ReconcileInput): DraftInput => ({ ...base, reconciliation });

/** The overpaid case's bank payments, with CMS's record of the payments on `missed` left out and its claim. */
function cmsMissed(bankDates: readonly string[], missed: readonly string[], claim: string): ReconcileInput {
  const bank = overpaidReconciliation.bankTransactions!.filter((t) => bankDates.includes(t.date));
  const entries = overpaidReconciliation.cmsEntries!.filter((e) => bankDates.includes(e.date) && !missed.includes(e.date));
  return { ...overpaidReconciliation, bankTransactions: bank, cmsEntries: entries, cmsClaim: { date: '2026-03-09', balance: claim } };
}

const ALL_THIRTEEN = overpaidReconciliation.bankTransactions!.map((t) => t.date);
const TWELVE = ALL_THIRTEEN.filter((d) => d !== '2026-01-20');

describe('L11 when the parent owes nothing that CMS enforces', () => {
  // Paid: 12 × £410.08 = £4,920.96, exactly what was due: nothing owed. CMS recorded 10 of the 12 (not 9 June or
  // 7 October 2025): 4,920.96 − 10 × 410.08 = £820.16 claimed, all of it disputed (2 × £410.08).
  const nothingOwed = withReconciliation(cmsMissed(TWELVE, ['2025-06-09', '2025-10-07'], '820.16'));

  test('it is drafted, disputes the whole figure and accepts nothing', () => {
    const letter = draftLetter(nothingOwed);
    const text = squash(letter.text);
    expect(text).toContain(
      'You say I owed £820.16 on 9 March 2026. Worked out from the decisions on my case and my bank statements, I owed nothing. I dispute the whole of your figure.',
    );
    expect(text).toContain(
      'I will keep paying my ongoing maintenance with the collection fee, £410.08 a month, through the Child Maintenance Service.',
    );
    // Nothing accepted, anywhere: not in the letter, not as a figure of £0.00 in its schedule of figures.
    expect(text).not.toContain('I accept');
    expect(text).toContain('1. Hold the deduction from earnings order until my dispute has been answered.');
    expect(text).not.toContain('Limit any collection of arrears');
  });

  test('overpaid: it says by how much, and still disputes the whole figure', () => {
    // Paid 13 × £410.08 = £5,331.04 against £4,920.96 due: £410.08 overpaid. CMS recorded 10 of the 13 (not 9 June,
    // 7 October 2025 or 20 January 2026): £820.16 claimed, £820.16 − (−£410.08) = £1,230.24 = 3 × £410.08 too high.
    const text = squash(
      draftLetter(withReconciliation(cmsMissed(ALL_THIRTEEN, ['2025-06-09', '2025-10-07', '2026-01-20'], '820.16'))).text,
    );
    expect(text).toContain(
      'You say I owed £820.16 on 9 March 2026. Worked out from the decisions on my case and my bank statements, I owed nothing: I had paid £410.08 more than was due. I dispute the whole of your figure.',
    );
    expect(text).not.toContain('I accept');
  });

  test('arrears smaller than CMS says: the part accepted is still offered (unchanged)', () => {
    // fixture.ts: CMS £452.86, the correct balance £410.08, £42.78 disputed.
    const text = squash(draftLetter(withReconciliation(twoWayReconciliation)).text);
    // Of it, £341.73 maintenance + £68.35 collection fees = £410.08, each named (cms-accounts.md §4).
    expect(text).toContain(
      'I owed £410.08. Of that, £341.73 is maintenance arrears, owed to the receiving parent, and £68.35 in collection fees is owed to the Secretary of State. I dispute the other £42.78 of your figure.',
    );
    expect(text).toContain('and I will pay the £410.08 I accept I owe; I am willing to agree a plan for it.');
    expect(text).toContain(
      '1. Hold the deduction from earnings order on the disputed part of the balance until my dispute has been answered.',
    );
  });
});

describe('L11 is refused only when nothing in CMS’s figure is disputed', () => {
  test('CMS’s figure no higher than the balance worked out: refused, naming the claim and the plan letter', () => {
    // CMS recorded all 12 payments of £410.08 and says £0.00, as the bank does.
    const problem = refusal(withReconciliation(cmsMissed(TWELVE, [], '0.00'))).problems.find((p) => p.field === 'reconciliation.cmsClaim');
    expect(problem?.message).toBe(
      'is £0.00 on 2026-03-09, no more than the balance worked out from the decisions and your evidence (nothing owed), so there is no disputed balance to ask CMS to hold enforcement on. If CMS is enforcing arrears you accept, arrears_payment_plan offers a plan for them',
    );
  });

  test('CMS says the parent is in credit: refused, there is nothing for CMS to enforce', () => {
    const problem = refusal(withReconciliation(overpaidReconciliation)).problems.find((p) => p.field === 'reconciliation.cmsClaim');
    expect(problem?.message).toBe('is an overpayment of £410.08 on 2026-03-09, not arrears, so there is no balance for CMS to enforce');
  });
});

describe('L23 on the grounds of amounts already paid or an official error needs CMS’s figure to be too high', () => {
  // The bank shows 10 of the 12 payments (not 9 June or 7 October 2025): 2 × £410.08 = £820.16 owed. CMS recorded
  // 11, June among them though it never left the account: 4,920.96 − 11 × 410.08 = £410.08, which it enforces.
  // CMS's figure is £410.08 too low: the order takes nothing already paid.
  const tooLow = cmsMissed(
    TWELVE.filter((d) => d !== '2025-06-09' && d !== '2025-10-07'),
    [],
    '410.08',
  );
  const withPhantom: ReconcileInput = {
    ...tooLow,
    cmsEntries: [...tooLow.cmsEntries!, overpaidReconciliation.cmsEntries!.find((e) => e.date === '2025-06-09')!],
  };
  const representations = (grounds: string[]): DraftInput => {
    const input = CASES['deduction_order_representations']!.input as DraftInput;
    return { ...input, reconciliation: withPhantom, facts: { ...(input.facts as Record<string, unknown>), grounds } };
  };

  test('amounts_already_paid: refused, naming the claim and what to do instead', () => {
    const problem = refusal(representations(['amounts_already_paid'])).problems.find((p) => p.field === 'reconciliation.cmsClaim');
    // The fees are named apart from the arrears (cms-accounts.md §4): £683.46 + £136.70 = £820.16.
    expect(problem?.message).toBe(
      'is £410.08 on 2026-03-09, no more than the balance worked out from the decisions and your evidence (£820.16 owed: maintenance arrears of £683.46, and collection fees of £136.70, which are owed to the Secretary of State and are not arrears), ' +
        'so the order takes nothing already paid and no official error in your favour: leave out the grounds amounts_already_paid ' +
        'and official_error, and keep those that still apply (hardship, not_my_money, joint_account …)',
    );
  });

  test('with no claim given, CMS’s entries are its figure: £410.08 all the same, refused naming them', () => {
    const { cmsClaim: _claim, ...noClaim } = withPhantom;
    const input = representations(['amounts_already_paid']);
    const reconciliation = { ...noClaim, schedule: { ...noClaim.schedule, asOf: '2026-03-09' } };
    const problem = refusal({ ...input, reconciliation }).problems.find((p) => p.field === 'reconciliation.cmsEntries');
    expect(problem?.message).toMatch(
      /^add up to £410\.08 on 2026-03-09, no more than the balance worked out .* \(£820\.16 owed: maintenance arrears of £683\.46, and collection fees of £136\.70, which are owed to the Secretary of State and are not arrears\), so the order takes nothing/,
    );
  });

  test('hardship alone: drafted, as the balance is not what it disputes', () => {
    expect(draftLetter(representations(['hardship'])).text).toContain('hardship');
  });
});

describe('L11 says what CMS did in the words for each action', () => {
  // CMS issues deduction orders itself, but applies to a magistrates’ court for a liability order.
  const opening = (action: string) =>
    squash(draftLetter({ ...base, facts: { ...(base.facts as Record<string, unknown>), action, actionReference: undefined } }).text);

  test('a liability order: applied to the court for one, not "issued a application"', () => {
    expect(opening('liability_order_application')).toContain(
      'On 16 March 2026 you applied to the magistrates’ court for a liability order against me.',
    );
  });

  test('enforcement agents, and a deduction order', () => {
    expect(opening('enforcement_agents')).toContain('On 16 March 2026 you referred my case to enforcement agents.');
    expect(squash(draftLetter(base).text)).toContain(
      'On 16 March 2026 you issued a deduction from earnings order against me (reference DEO-7781).',
    );
  });
});

describe('a plan or a refund refused on the wrong balance names the letter that fits it', () => {
  // overpaidReconciliation: 13 × £410.08 paid against 12 due, £410.08 overpaid; twoWayReconciliation: £410.08 owed.
  const withBalance = (type: string, reconciliation: ReconcileInput): DraftInput => ({
    ...(CASES[type]!.input as DraftInput),
    reconciliation,
  });

  test('an arrears plan on an overpaid account points to overpayment_refund', () => {
    const problem = refusal(withBalance('arrears_payment_plan', overpaidReconciliation)).problems.find((p) => p.field === 'reconciliation');
    expect(problem?.message).toBe(
      'shows no arrears (the balance worked out on 2026-03-09 is an overpayment of £410.08), so there are no arrears to offer a plan for. To ask for the overpayment back, use overpayment_refund',
    );
  });

  test('a refund on an account in arrears points to arrears_payment_plan', () => {
    // £341.73 maintenance + £68.35 collection fees = £410.08, the fees named apart (cms-accounts.md §4).
    const problem = refusal(withBalance('overpayment_refund', twoWayReconciliation)).problems.find((p) => p.field === 'reconciliation');
    expect(problem?.message).toBe(
      'shows no overpayment (the balance worked out on 2026-03-09 is £410.08 owed: maintenance arrears of £341.73, and collection fees of £68.35, which are owed to the Secretary of State and are not arrears), so there is nothing to ask to have repaid. For arrears you accept, arrears_payment_plan offers a plan',
    );
  });
});

describe('an arrears plan that accepts more than CMS asks says so to the sender', () => {
  // CMS £410.08 (it recorded a June payment the bank does not show); worked out £820.16 (2 × £410.08 unpaid).
  const tooLow: ReconcileInput = {
    ...cmsMissed(
      TWELVE.filter((d) => d !== '2025-06-09' && d !== '2025-10-07'),
      [],
      '410.08',
    ),
  };
  const plan: DraftInput = {
    ...(CASES['arrears_payment_plan']!.input as DraftInput),
    reconciliation: {
      ...tooLow,
      cmsEntries: [...tooLow.cmsEntries!, overpaidReconciliation.cmsEntries!.find((e) => e.date === '2025-06-09')!],
    },
  };

  test('a warning in the notes, and no ask about a disputed part when nothing is disputed', () => {
    const letter = draftLetter(plan);
    expect(letter.warnings).toContain(
      'CMS says you owe £410.08 on 9 March 2026; this letter accepts £820.16, which is more than CMS asks. ' +
        'Check the reconciliation’s findings (a payment CMS recorded that your bank does not show, for one) before you send it.',
    );
    expect(letter.text).not.toContain('Keep the disputed part');
  });

  test('where part is disputed, the ask to keep it separate stays (twoWayReconciliation: £42.78 disputed)', () => {
    const letter = draftLetter({ ...plan, reconciliation: twoWayReconciliation });
    expect(letter.text).toContain('Keep the disputed part of the balance separate until my dispute has been answered.');
    expect(letter.warnings.some((w) => w.includes('more than CMS asks'))).toBe(false);
  });
});
