/**
 * A paying parent's balance made of maintenance arrears and collection fees, with no enforcement charge. Collection fees
 * are owed to the Secretary of State and are not arrears of maintenance (cms-accounts.md §4); before, the balance named
 * its parts only beside an enforcement charge, and with fees alone every letter said "the account shows arrears of
 * £312.00", £52.00 of it fees (so did the refusals: "the balance worked out … is arrears of £312.00").
 *
 * Invented account. £60 a week on Collect and Pay from 1 January 2024, due monthly on the 1st: £60 × 52 ÷ 12 = £260.00
 * maintenance + 20% collection fee £52.00 (SI 2014/612 reg 7) = £312.00 a month. January to April due: 4 × £312.00 =
 * £1,248.00. The bank shows £312.00 paid on 1 January, 1 February and 1 March (£936.00); CMS recorded January and
 * February only and says £624.00 is owed on 30 April. Worked out: £1,248.00 − £936.00 = £312.00, of which maintenance
 * 4 × £260.00 − 3 × £260.00 = £260.00 and collection fees 4 × £52.00 − 3 × £52.00 = £52.00: £260.00 + £52.00 = £312.00.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { feesBesideArrears } from '../calc/reconcile/fees-beside-arrears.ts';
import { PAYING_PARENT } from './fixture.ts';
import { expectNoPlaceholder, refusal, squash } from './helpers.ts';

const reconciliation = feesBesideArrears;
const facts = { sender: PAYING_PARENT, caseReference: '121000777001' };
const draft = (type: string, more: Record<string, unknown>): DraftInput =>
  ({ type, sentOn: '2024-05-10', facts: { ...facts, ...more }, reconciliation }) as DraftInput;
/** The letter up to its schedules (the schedule of figures quotes calc's own working as well). */
const body = (text: string): string => squash(text).split('SCHEDULE 1')[0]!;
const PARTS =
  '£312.00 owed (maintenance arrears of £260.00, and collection fees of £52.00, which are owed to the Secretary of State and are not arrears)';

describe('a balance of maintenance arrears and collection fees, with no enforcement charge', () => {
  it('account_breakdown_request names the two parts, £260.00 + £52.00 = £312.00, and never calls the whole arrears', () => {
    const text = squash(
      draftLetter(draft('account_breakdown_request', { senderRole: 'paying', statedIn: 'letter', statedOn: '2024-05-02' })).text,
    );
    expectNoPlaceholder(text, 'letter');
    expect(text).toContain(`Worked out from the decisions on my case and my bank statements, the account shows ${PARTS} on that date.`);
    // The reconciliation statement's last row says the same.
    expect(text).toContain(`The correct balance: ${PARTS}`);
    // The figure's label says what it is made of.
    expect(text).toContain(
      'Figure: Owed in arrears and collection fees, worked out from the decisions and my evidence of payment Amount: £312.00',
    );
    expect(body(text)).not.toContain('arrears of £312.00');
  });

  it('enforcement_pause_request says what of the £312.00 is arrears and what is fees, and limits collection to both by name', () => {
    const text = squash(
      draftLetter(
        draft('enforcement_pause_request', {
          action: 'deduction_from_earnings_order',
          actionDate: '2024-05-03',
          pendingDisputes: [{ date: '2024-05-04', kind: 'payment_dispute' }],
        }),
      ).text,
    );
    expectNoPlaceholder(text, 'letter');
    expect(text).toContain(
      'I owed £312.00. Of that, £260.00 is maintenance arrears, owed to the receiving parent, and £52.00 in collection fees is owed to the Secretary of State. I dispute the other £312.00 of your figure.',
    );
    expect(text).toContain('Limit any collection to the £312.00 I accept (arrears and collection fees), by agreement with me.');
    expect(text).not.toContain('Limit any collection of arrears to the £312.00');
    expect(text).toContain('Figure: What I accept is owed in arrears and collection fees');
  });

  it('arrears_payment_plan calls the fees part of what is owed, not of the arrears', () => {
    const text = squash(
      draftLetter(draft('arrears_payment_plan', { frequency: 'monthly', instalments: 3, firstPaymentOn: '2024-06-01' })).text,
    );
    expect(text).toContain('Figure: Of what I accept I owe, the collection fees Amount: £52.00');
    expect(text).toContain('Figure: Of what I accept I owe, the maintenance Amount: £260.00');
    expect(text).not.toContain('Of the arrears I accept, the collection fees');
  });

  it('a refund refused on this balance names the parts too', () => {
    const problem = refusal(draft('overpayment_refund', { preference: 'either' })).problems.find((p) => p.field === 'reconciliation');
    expect(problem?.message).toBe(
      'shows no overpayment (the balance worked out on 2024-04-30 is £312.00 owed: maintenance arrears of £260.00, and collection fees of £52.00, which are owed to the Secretary of State and are not arrears), so there is nothing to ask to have repaid. For arrears you accept, arrears_payment_plan offers a plan',
    );
  });
});
