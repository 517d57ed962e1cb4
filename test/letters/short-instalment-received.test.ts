/**
 * L12 lists each instalment left short with what was received for it. Before, its "Received for it" was what the
 * reconciliation set against the instalment, money paid ahead for an earlier one included: February read "£116.67"
 * where £16.67 arrived (a receiving parent telling CMS she had £100.00 more for February than she had).
 *
 * Invented account (test/calc/reconcile/short-instalment-received.test.ts): Direct Pay, £50 a week from 1 January
 * 2024, monthly on the 1st: £50 × 52 ÷ 12 = £216.67 due. £316.67 arrived on 1 January (£100.00 ahead), £16.67 on
 * 1 February, £216.67 on 1 March and 1 April. February: £16.67 received + £100.00 carried = £116.67, short
 * £216.67 − £116.67 = £100.00.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { RECEIVING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const letter = draftLetter({
  type: 'direct_pay_to_collect_and_pay',
  sentOn: '2024-05-10',
  facts: { sender: RECEIVING_PARENT, caseReference: '121000777003' },
  reconciliation: {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 50 }],
      service: 'direct_pay',
      frequency: 'monthly',
      firstDueDate: '2024-01-01',
      asOf: '2024-04-30',
    },
    side: 'receiving',
    bankTransactions: [
      ['2024-01-01', '316.67'],
      ['2024-02-01', '16.67'],
      ['2024-03-01', '216.67'],
      ['2024-04-01', '216.67'],
    ].map(([date, amount]) => ({ date: date!, amount: amount!, direction: 'in' as const, description: 'A PARENT MAINTENANCE' })),
    bankFilter: { descriptionContains: ['A PARENT'] },
  },
});

describe('L12: what was received for a short instalment, and what payments made ahead carried to it', () => {
  it('February: £16.67 received for it, and £100.00 carried from payments made ahead; £100.00 short', () => {
    expect(letter.markdown).toContain(
      [
        '| Instalment due on | Amount | Received for it | Short by |',
        '| --- | --- | --- | --- |',
        '| 1 February 2024 | £216.67 | £16.67, and £100.00 carried from payments made ahead | £100.00 |',
      ].join('\n'),
    );
    expect(letter.markdown).not.toContain('£116.67');
    expect(squash(letter.text)).toContain('In all, £100.00 of the instalments above has not been paid.');
  });
});
