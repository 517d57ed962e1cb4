/**
 * The periods left short and their total (letter L12), on the Direct Pay case worked by hand in
 * test/letters/fixture.ts: £341.73 due each month; £200.00 arrived in June, £150.00 in August, nothing in October.
 */
import { describe, expect, test } from 'vitest';
import { reconcile, SHORTFALL_STEP, shortfallsOf } from '../../../calc/reconcile/reconcile.ts';
import { directPayReconciliation } from '../../letters/fixture.ts';

describe('shortfallsOf', () => {
  test('June, August and October 2025: £141.73 + £191.73 + £341.73 = £675.19', () => {
    const s = shortfallsOf(reconcile(directPayReconciliation));
    expect(s.periods.map((p) => [p.periodStart, p.shortfall.toFixed(2)])).toEqual([
      ['2025-06-07', '141.73'],
      ['2025-08-07', '191.73'],
      ['2025-10-07', '341.73'],
    ]);
    expect(s.total.toFixed(2)).toBe('675.19');
    expect(s.trace[0]!.step).toBe(SHORTFALL_STEP.total);
    expect(s.trace[0]!.description).toContain('= £675.19');
  });
});
