/**
 * The periods left short and their total (letter L12), on the Direct Pay case worked by hand in
 * test/letters/fixture.ts: £341.73 due each month; £200.00 arrived in June, £150.00 in August, nothing in October.
 */
import { describe, expect, test } from 'vitest';
import { reconcile, SHORTFALL_STEP, shortfallsOf } from '../../../calc/reconcile/reconcile.ts';
import { unpaidInstalments } from '../../../calc/reconcile/shortfalls.ts';
import { directPayReconciliation } from '../../letters/fixture.ts';
import { directPayEarly } from './direct-pay-early.ts';

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

describe('shortfallsOf reads instalment by instalment, as the reconciliation sets payments against them', () => {
  // test/calc/reconcile/direct-pay-early.ts: £398.67 a month on the 15th; £398.67 paid on 14 February, a day before
  // February's instalment fell due. Before, by calendar period: February's period "£0.00 paid, £398.67 short" and
  // £1,793.35 in all, £398.67 more than the arrears.
  const r = reconcile(directPayEarly);
  const s = shortfallsOf(r);

  test('February is paid (14 February counts for it); March, April, May (part) and June are not', () => {
    expect(s.periods.map((p) => [p.dueDate, p.due.toFixed(2), p.paid.toFixed(2), p.shortfall.toFixed(2)])).toEqual([
      ['2025-03-15', '398.67', '0.00', '398.67'],
      ['2025-04-15', '398.67', '0.00', '398.67'],
      // £200.00 paid on 15 May: £398.67 − £200.00 = £198.67 short.
      ['2025-05-15', '398.67', '200.00', '198.67'],
      ['2025-06-15', '398.67', '0.00', '398.67'],
    ]);
  });

  test('they add up to the arrears the reconciliation states: 3 × £398.67 + £198.67 = £1,394.68', () => {
    expect(s.total.toFixed(2)).toBe('1394.68');
    expect(r.balance.recomputed.toFixed(2)).toBe('1394.68');
    expect(s.trace[0]!.description).toBe(
      'The instalments due up to 29 August 2025 left unpaid, in full or in part, once each payment is set against the instalment it was for: ' +
        '£398.67 (due 15 March 2025) + £398.67 (due 15 April 2025) + £198.67 (due 15 May 2025) + £398.67 (due 15 June 2025) = £1,394.68',
    );
  });

  test('the period table says the same: only those four periods are left short', () => {
    expect(r.periods.filter((p) => p.shortfall.gt(0)).map((p) => p.periodStart)).toEqual([
      '2025-03-15',
      '2025-04-15',
      '2025-05-15',
      '2025-06-15',
    ]);
  });

  test('a late payment makes good the shortfall it follows, and a payment in advance the instalment it pays', () => {
    // The same case, but April's instalment paid late with May's (£797.34 on 15 May), nothing on 15 July, and £797.34
    // on 10 August, 5 days before August's instalment fell due: July's paid late with August's, in advance.
    const late = reconcile({
      ...directPayEarly,
      bankTransactions: [
        ['2025-01-15', '398.67'],
        ['2025-02-14', '398.67'],
        ['2025-05-15', '797.34'],
        ['2025-08-10', '797.34'],
      ].map(([date, amount], i) => ({
        id: `bank-${i + 1}`,
        date: date!,
        amount: amount!,
        direction: 'in' as const,
        description: 'C FAIRWEATHER',
      })),
    });
    // Due 8 × £398.67 = £3,189.36; paid 398.67 + 398.67 + 797.34 + 797.34 = £2,392.02; arrears £797.34.
    expect(late.balance.recomputed.toFixed(2)).toBe('797.34');
    const t = shortfallsOf(late);
    // 15 May's £797.34 pays May and makes good April (not reported: a late payment); 10 August's pays August and makes
    // good July. March and June, which CMS was told of, stay unpaid: £398.67 + £398.67 = £797.34, the arrears.
    expect(t.periods.map((p) => [p.dueDate, p.shortfall.toFixed(2)])).toEqual([
      ['2025-03-15', '398.67'],
      ['2025-06-15', '398.67'],
    ]);
    expect(t.total.toFixed(2)).toBe('797.34');
  });
});

describe('unpaidInstalments outside Direct Pay: each payment for its own instalment, a surplus carried or making good', () => {
  test('£100.00 due three times, £150.00 paid for the first: the first paid, the second half, the third not', () => {
    // 150.00 − 100.00 = 50.00 carried to the second: 100.00 − 50.00 = 50.00 short; the third 100.00 short:
    // 50.00 + 100.00 = 150.00 = 300.00 − 150.00.
    expect(unpaidInstalments([10000, 10000, 10000], [15000, 0, 0], [false, false, false], [])).toEqual([0, 5000, 10000]);
  });
  test('£300.00 paid for the third makes good the first two (late payments): nothing unpaid', () => {
    expect(unpaidInstalments([10000, 10000, 10000], [0, 0, 30000], [false, false, false], [])).toEqual([0, 0, 0]);
  });
  test('a Direct Pay period takes the reconciliation’s reading', () => {
    expect(unpaidInstalments([10000, 10000], [0, 0], [false, true], [0, 4000])).toEqual([10000, 4000]);
  });
});
