/**
 * The receiving parent's request to move from Direct Pay to Collect and Pay (L12), where an instalment was paid a day
 * before it fell due (the story and its arithmetic: test/calc/reconcile/direct-pay-early.ts; a journey probe, story 2).
 * Before, the table grouped money by calendar period: "15 February 2025 to 14 March 2025 | £398.67 | £0.00 | £398.67"
 * and "In all, £1,793.35 has not been paid", beside arrears of £1,394.68: it told CMS a paid instalment was missed.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { directPayEarly } from '../calc/reconcile/direct-pay-early.ts';
import { CASE_REFERENCE, RECEIVING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const letter = draftLetter({
  type: 'direct_pay_to_collect_and_pay',
  sentOn: '2025-09-08',
  facts: { sender: RECEIVING_PARENT, caseReference: CASE_REFERENCE },
  reconciliation: directPayEarly,
});
const text = squash(letter.text);

describe('L12 lists the instalments the reconciliation found unpaid', () => {
  it('one row per instalment left unpaid, the 15 February one (paid on 14 February) not among them', () => {
    expect(letter.markdown).toContain(
      [
        '| Instalment due on | Amount | Received for it | Short by |',
        '| --- | --- | --- | --- |',
        '| 15 March 2025 | £398.67 | £0.00 | £398.67 |',
        '| 15 April 2025 | £398.67 | £0.00 | £398.67 |',
        // £200.00 on 15 May: £398.67 − £200.00 = £198.67.
        '| 15 May 2025 | £398.67 | £200.00 | £198.67 |',
        '| 15 June 2025 | £398.67 | £0.00 | £398.67 |',
      ].join('\n'),
    );
    expect(text).not.toContain('15 February 2025');
  });

  it('the total is the arrears: £398.67 × 3 + £198.67 = £1,394.68, both ways', () => {
    expect(text).toContain('In all, £1,394.68 of the instalments above has not been paid.');
    expect(text).toContain(
      'Worked out from the decisions on my case and my bank statements, the account shows arrears of £1,394.68 on that date.',
    );
    expect(text).not.toContain('£1,793.35');
    const total = letter.figures.find((f) => f.id === 'shortfall_total')!;
    expect(total.value).toBe('£1,394.68');
  });
});
