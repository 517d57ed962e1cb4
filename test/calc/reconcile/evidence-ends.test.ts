/**
 * A balance worked out to a day after the evidence of payment ends counts every instalment due after it as unpaid:
 * nothing given shows it paid. The reconciliation says so, with the count and the sum, so that a parent does not
 * admit (or claim) arrears their papers do not cover. Figures from test/letters/fixture.ts: £410.08 due on the 7th
 * of each month (Collect and Pay, maintenance and fee), the bank rows ending on 9 March 2026.
 */
import { describe, expect, test } from 'vitest';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { twoWayReconciliation } from '../../letters/fixture.ts';

const { cmsClaim: _claim, ...withoutClaim } = twoWayReconciliation;
const to = (asOf: string) => reconcile({ ...withoutClaim, schedule: { ...withoutClaim.schedule, asOf } });

describe('evidence that ends before the day the balance is worked out to', () => {
  test('three instalments after 9 March 2026 to 30 June: named, with their sum (3 × £410.08 = £1,230.24)', () => {
    expect(to('2026-06-30').warnings).toContain(
      'The evidence of payment given ends on 2026-03-09, but the balance is worked out to 2026-06-30: 3 instalments fell due after it ' +
        '(£1,230.24 in all) and count as unpaid, as nothing given shows them paid. Give the statements up to 2026-06-30, or reconcile as of 2026-03-09 (asOf).',
    );
  });

  test('to the day the evidence ends, or with no instalment due after it: no such warning', () => {
    for (const asOf of ['2026-03-09', '2026-04-06']) {
      expect(to(asOf).warnings.some((w) => w.startsWith('The evidence of payment given ends'))).toBe(false);
    }
  });
});
