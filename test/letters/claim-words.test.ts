/**
 * What a letter calls CMS's figure. A paying parent's total on Collect and Pay, given with no parts, may hold collection
 * fees and enforcement charges (a liability order's £300), which are not arrears of maintenance (cms-accounts.md §4):
 * it is "a balance of £X owed". It is "arrears" where CMS gave it as maintenance alone, on Direct Pay (no fees, no
 * enforcement), and for a receiving parent (owed maintenance only: test/letters/receiving-parent.test.ts).
 *
 * The account is test/calc/reconcile/collect-and-pay-from-may.ts (£60.00 a week on Collect and Pay from 1 May 2024,
 * £312.00 paid on each of 1 May, 1 June and 1 July) with CMS's figure of £350.00 on 31 July 2024.
 */
import { describe, expect, it } from 'vitest';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { collectAndPayFromMay } from '../calc/reconcile/collect-and-pay-from-may.ts';
import { CASES } from './fixture.ts';
import { squash } from './helpers.ts';

const account = (cmsClaim: ReconcileInput['cmsClaim'], service: 'collect_and_pay' | 'direct_pay' = 'collect_and_pay'): ReconcileInput => {
  const base = collectAndPayFromMay([]);
  return { ...base, schedule: { ...base.schedule, service }, cmsClaim };
};
const letterOf = (reconciliation: ReconcileInput) =>
  draftLetter({ ...CASES['account_breakdown_request']!.input, sentOn: '2024-08-05', reconciliation });

describe('CMS’s figure in a paying parent’s letter', () => {
  it('a total on Collect and Pay with no parts is a balance owed, not arrears', () => {
    const letter = letterOf(account({ date: '2024-07-31', balance: '350.00' }));
    const text = squash(letter.text);
    // Before: "the account shows arrears of £350.00", and Schedule 2 "Arrears CMS says are owed".
    expect(text).toContain('You say that on 31 July 2024 the account shows a balance of £350.00 owed.');
    expect(text).toContain('CMS’s figure: a balance of £350.00 owed');
    expect(letter.figures.find((f) => f.id === 'cms_claimed_balance')?.label).toBe('Balance CMS says is owed');
    expect(text).not.toContain('arrears of £350.00');
  });

  it('given as maintenance alone, it is arrears', () => {
    const letter = letterOf(account({ date: '2024-07-31', balance: '350.00', maintenance: '350.00' }));
    expect(squash(letter.text)).toContain('You say that on 31 July 2024 the account shows arrears of £350.00.');
    expect(letter.figures.find((f) => f.id === 'cms_claimed_balance')?.label).toBe('Arrears CMS says are owed');
  });

  it('with parts that include charges, it is a balance owed', () => {
    const text = squash(
      letterOf(account({ date: '2024-07-31', balance: '350.00', maintenance: '50.00', enforcementCharges: '300.00' })).text,
    );
    expect(text).toContain('You say that on 31 July 2024 the account shows a balance of £350.00 owed.');
  });

  it('on Direct Pay, where there are neither fees nor enforcement, it is arrears', () => {
    const text = squash(letterOf(account({ date: '2024-07-31', balance: '350.00' }, 'direct_pay')).text);
    expect(text).toContain('You say that on 31 July 2024 the account shows arrears of £350.00.');
  });
});
