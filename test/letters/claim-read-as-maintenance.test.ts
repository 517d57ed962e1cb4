/**
 * CMS's figure given as one balance that is, to the penny, the maintenance part of CMS's own entries: the reconciliation
 * reads it as that part (calc's bridge.claimReadAsParts, claim-parts.ts) and starts the bridge from the whole, the fees
 * and charges its entries hold added as they have them. Before, the letters quoted that whole as the balance CMS gave:
 * "In your letter … you gave the balance on my account as £674.00", "You say … the account shows a balance of £674.00
 * owed", "You say I owed £674.00" — a figure CMS never gave; it gave £520.00, its maintenance arrears.
 *
 * Invented account. £60 a week on Collect and Pay from 1 January 2024, due monthly on the 1st: £60 × 52 ÷ 12 = £260.00
 * maintenance + 20% fee £52.00 = £312.00. CMS's entries, January to April: liability 4 × £260.00 = £1,040.00, fees
 * 4 × £52.00 = £208.00, payments received on 1 January and 1 February (2 × £312.00, of which 2 × £260.00 = £520.00
 * maintenance and 2 × £52.00 = £104.00 fees), and a £50.00 deduction from earnings order charge on 10 February. So its
 * maintenance part is £1,040.00 − £520.00 = £520.00, its fees £208.00 − £104.00 = £104.00, its charges £50.00:
 * £520.00 + £104.00 + £50.00 = £674.00 in all. CMS gives "£520.00" on 30 April. The bank shows 1 March paid too.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { cmsEntriesWithFeesAndCharge } from '../calc/reconcile/fees-beside-arrears.ts';
import { PAYING_PARENT } from './fixture.ts';
import { expectNoPlaceholder, squash } from './helpers.ts';

const reconciliation: ReconcileInput = {
  schedule: {
    decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }],
    service: 'collect_and_pay',
    frequency: 'monthly',
    firstDueDate: '2024-01-01',
  },
  side: 'paying',
  cmsEntries: cmsEntriesWithFeesAndCharge(),
  bankTransactions: ['01', '02', '03'].map((m) => ({
    date: `2024-${m}-01`,
    amount: '312.00',
    direction: 'out' as const,
    description: 'CMS PAYMENT',
  })),
  bankFilter: { descriptionContains: ['CMS PAYMENT'] },
  cmsClaim: { date: '2024-04-30', balance: '520.00' },
};
const facts = { sender: PAYING_PARENT, caseReference: '121000777002' };
const letter = (type: string, more: Record<string, unknown>): string =>
  squash(draftLetter({ type, sentOn: '2024-05-10', facts: { ...facts, ...more }, reconciliation } as DraftInput).text);
const STATEMENT =
  'the maintenance arrears of £520.00 on your statement (your own entries also hold collection fees of £104.00 and enforcement charges of £50.00, owed to the Secretary of State, which that figure leaves out: £674.00 in all)';

describe('CMS’s maintenance arrears given as its figure', () => {
  it('account_breakdown_request says CMS gave its maintenance arrears, not a balance of £674.00', () => {
    // calc reads £520.00 as the maintenance part, £104.00 and £50.00 left out: £520.00 + £104.00 + £50.00 = £674.00.
    const r = reconcile(reconciliation);
    const read = r.bridge.claimReadAsParts!;
    expect([read.given.toFixed(2), read.parts, read.leftOut.collectionFees.toFixed(2), read.leftOut.enforcementCharges.toFixed(2)]).toEqual(
      ['520.00', ['maintenance'], '104.00', '50.00'],
    );
    expect(r.bridge.from.toFixed(2)).toBe('674.00');
    const text = letter('account_breakdown_request', { senderRole: 'paying', statedIn: 'letter', statedOn: '2024-05-02' });
    expectNoPlaceholder(text, 'letter');
    expect(text).toContain(
      'In your letter of 2 May 2024 you gave the maintenance arrears on my account as £520.00 on 30 April 2024; your own entries also hold collection fees of £104.00 and enforcement charges of £50.00, owed to the Secretary of State, which that figure leaves out: £674.00 in all.',
    );
    expect(text).toContain(`You say that on 30 April 2024 the account shows ${STATEMENT}.`);
    // £674.00 − £362.00 = £312.00: the whole compared with the whole, and said so.
    expect(text).toContain('Your balance in all is £312.00 too high.');
    expect(text).not.toContain('you gave the balance on my account as £674.00');
    expect(text).not.toContain('a balance of £674.00 owed');
    // The statement starts from the same words, and its schedule of figures says where £674.00 comes from.
    expect(text).toContain(
      'CMS’s figure: the maintenance arrears of £520.00 on CMS’s statement (CMS’s own entries also hold collection fees of £104.00 and enforcement charges of £50.00, owed to the Secretary of State, which that figure leaves out: £674.00 in all)',
    );
    expect(text).toContain(
      'Figure: CMS’s balance in all: the maintenance arrears it gave, with what else its own entries hold Amount: £674.00',
    );
    expect(text).not.toContain('The balance CMS gave for 30 April 2024');
  });

  it('payment_dispute, arrears_payment_plan and enforcement_pause_request say the same', () => {
    expect(letter('payment_dispute', { senderRole: 'paying' })).toContain(`You say that on 30 April 2024 the account shows ${STATEMENT}.`);
    expect(letter('arrears_payment_plan', { frequency: 'monthly', instalments: 3, firstPaymentOn: '2024-06-01' })).toContain(
      `You say the account shows ${STATEMENT}.`,
    );
    const pause = letter('enforcement_pause_request', {
      action: 'deduction_from_earnings_order',
      actionDate: '2024-05-03',
      pendingDisputes: [{ date: '2024-05-04', kind: 'payment_dispute' }],
    });
    expect(pause).toContain(`You say I owed ${STATEMENT} on 30 April 2024.`);
    expect(pause).not.toContain('You say I owed £674.00');
  });
});
