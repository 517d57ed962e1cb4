/**
 * A letter on a case that has ended (a journey probe, story 6: a Collect and Pay case whose last day of liability was
 * 31 January 2026) must not promise to "keep paying the amount you have told me to pay": nothing more falls due. The
 * case end is calc's `caseEndDate`, the first day with nothing due: 1 February 2026.
 *
 * Invented account. £50 a week: £50 × 52 ÷ 12 = £216.67 a month and its 20% fee £43.33, £260.00 due on the 1st, June
 * 2025 to January 2026 (8 × £260.00 = £2,080.00). Paid June to October (5 × £260.00 = £1,300.00); CMS wrote off
 * £400.00 on 10 March 2026 and also charged February (£216.67 + £43.33), after the case ended; it says £640.00 on
 * 31 March. Worked out: £2,080.00 − £1,300.00 − £400.00 = £380.00; CMS's figure is £640.00 − £380.00 = £260.00 too high.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { PAYING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const DUE = ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
const PAID = DUE.slice(0, 5);
const reconciliation = (caseEndDate: string) => ({
  schedule: { decisions: [{ effectiveDate: '2025-06-01', weeklyAmount: 50 }], service: 'collect_and_pay' as const, caseEndDate },
  side: 'paying' as const,
  cmsEntries: [
    ...DUE.flatMap((m) => [
      { date: `${m}-01`, type: 'liability' as const, amount: '216.67' },
      { date: `${m}-01`, type: 'collection_fee' as const, amount: '43.33' },
    ]),
    ...PAID.map((m) => ({ date: `${m}-03`, type: 'payment_received' as const, amount: '260.00' })),
    { date: '2026-03-10', type: 'write_off' as const, amount: '400.00' },
  ],
  bankTransactions: PAID.map((m) => ({ date: `${m}-02`, amount: '260.00', direction: 'out' as const, description: 'CMS CHILD MAINT' })),
  cmsClaim: { date: '2026-03-31', balance: '640.00' },
});
const facts = { sender: PAYING_PARENT, caseReference: '121500000666', senderRole: 'paying' };
const KEEP_PAYING =
  'While you look at this I will keep paying the amount you have told me to pay, so that nothing I write here is mistaken for a refusal to pay.';

describe('a letter on a case that has ended', () => {
  test('the payment dispute says the case has ended and nothing is due from 1 February 2026, not that the parent keeps paying', () => {
    const text = squash(
      draftLetter({ type: 'payment_dispute', sentOn: '2026-05-20', facts, reconciliation: reconciliation('2026-02-01') }).text,
    );
    // Before: "While you look at this I will keep paying the amount you have told me to pay, …".
    expect(text).toContain(
      'My case has ended: nothing is due on it from 1 February 2026, so there is no ongoing amount for me to keep paying. Nothing I write here is a refusal to pay what is owed.',
    );
    expect(text).not.toContain('keep paying the amount');
    // £2,080.00 − £1,300.00 − £400.00 = £380.00; February's £216.67 and £43.33 are charges after the end. Of it, the
    // collection fees (3 × £43.33 = £129.99) are owed to the Secretary of State and are not arrears; the write-off is set
    // against maintenance (3 × £216.67 − £400.00 = £250.01): £250.01 + £129.99 = £380.00.
    expect(text).toContain(
      'the account shows £380.00 owed (maintenance arrears of £250.01, and collection fees of £129.99, which are owed to the Secretary of State and are not arrears) on that date. Your figure is £260.00 too high.',
    );
    expect(text).toContain('CMS charged £216.67 maintenance on 1 February 2026, after the case ended, when nothing was due.');
  });

  test('a case that ends after the letter’s date still has the promise to keep paying', () => {
    // Ending on 1 June 2026, February is due: CMS's record agrees entry by entry, so the breakdown request is the letter.
    const ongoing = reconciliation('2026-06-01');
    const letter = (r: ReturnType<typeof reconciliation>) =>
      squash(
        draftLetter({ type: 'account_breakdown_request', sentOn: '2026-05-20', facts: { ...facts, statedIn: 'letter' }, reconciliation: r })
          .text,
      );
    expect(letter(ongoing)).toContain(KEEP_PAYING);
    expect(letter(ongoing)).not.toContain('My case has ended');
    // The same letter on the case that ended on 1 February: no promise.
    expect(letter(reconciliation('2026-02-01'))).toContain('My case has ended: nothing is due on it from 1 February 2026');
    expect(letter(reconciliation('2026-02-01'))).not.toContain(KEEP_PAYING);
  });

  test('the request to hold enforcement offers to pay the £380.00 accepted, and promises no ongoing maintenance', () => {
    const { senderRole: _role, ...pauseFacts } = {
      ...facts,
      action: 'liability_order_application',
      actionDate: '2026-05-01',
      pendingDisputes: [{ date: '2026-05-18', kind: 'payment_dispute' }],
    };
    const text = squash(
      draftLetter({
        type: 'enforcement_pause_request',
        sentOn: '2026-05-20',
        facts: pauseFacts,
        reconciliation: reconciliation('2026-02-01'),
      }).text,
    );
    // Before: "I will keep paying my ongoing maintenance with the collection fee, through the Child Maintenance Service, and …".
    expect(text).toContain('I will pay the £380.00 I accept I owe; I am willing to agree a plan for it.');
    expect(text).not.toContain('I will keep paying');
  });

  test('the arrears plan does not promise ongoing maintenance beside its instalments', () => {
    const { senderRole: _role, ...planFacts } = { ...facts, frequency: 'monthly', instalments: 4, firstPaymentOn: '2026-06-01' };
    const text = squash(
      draftLetter({ type: 'arrears_payment_plan', sentOn: '2026-05-20', facts: planFacts, reconciliation: reconciliation('2026-02-01') })
        .text,
    );
    // £380.00 in 4 monthly instalments: £95.00 each (calc/arrears-plan.ts).
    expect(text).toContain('I offer to pay £95.00 every month, 4 payments starting on 1 June 2026.');
    // Before: "As well as these instalments I will keep paying my ongoing maintenance with the collection fee, …".
    expect(text).not.toContain('As well as these instalments');
  });
});
