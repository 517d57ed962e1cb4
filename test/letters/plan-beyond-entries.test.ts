/**
 * A paying parent's payment_dispute where CMS's entries hold less than the payment plan has made due (the story:
 * test/calc/reconcile/plan-beyond-entries.ts; a journey probe, story 4). Before, the prose dropped the minus sign
 * ("they add up to arrears of £346.67, of which £158.18 has accrued but is not yet due") while Schedule 2 kept it
 * ("less the -£158.18"), and the figure said CMS's figure "leaves it out": each false of an amount the plan made due.
 */
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../letters/index.ts';
import { planBeyondEntries } from '../calc/reconcile/plan-beyond-entries.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { squash } from './helpers.ts';

const letter = draftLetter({
  type: 'payment_dispute',
  sentOn: '2025-05-12',
  facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' },
  reconciliation: planBeyondEntries,
});
const text = squash(letter.markdown);

describe('the plan made due £240.00 more than CMS’s entries hold (£586.67 = £346.67 + 4 × £60.00)', () => {
  it('the prose says so, and never that it has accrued but is not yet due', () => {
    expect(text).toContain(
      // The entries hold fees and a charge, which are not arrears (cms-accounts.md §4): £283.34 + £13.33 + £50.00 = £346.67.
      'your figure is £178.90 higher than your own entries make due under the payment plan (a balance of £586.67 owed: they add up to £346.67 owed (maintenance arrears of £283.34, and collection fees of £13.33 and enforcement charges of £50.00, which are owed to the Secretary of State and are not arrears), and the payment plan has made £240.00 more than that due)',
    );
    expect(28334 + 1333 + 5000).toBe(34667);
    expect(text).not.toContain('of which £240.00 has accrued');
    expect(text).not.toContain('-£240.00');
  });

  it('Schedule 2 adds it to the entries, and names it for what it is', () => {
    expect(text).toContain(
      '| Balance CMS’s own entries make due under the payment plan | £586.67 | What CMS’s own entries add up to (£346.67 owed: maintenance arrears of £283.34, and collection fees of £13.33 and enforcement charges of £50.00, which are owed to the Secretary of State and are not arrears), and the £240.00 more than that the payment plan has made due |',
    );
    expect(text).toContain(
      '| Made due under the payment plan beyond what CMS’s own entries hold | £240.00 | Instalments the payment plan has made due beyond the liability CMS’s entries charge as it accrued: CMS’s figure counts it, as it should |',
    );
    expect(text).not.toContain('less the -£');
  });
});
