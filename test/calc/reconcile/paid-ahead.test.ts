/**
 * Voluntary payments before the first due date (1991 Act s.28J), and money paid ahead of the payment plan generally:
 * they pay the amount that has accrued but that the plan has not yet made due (cms-accounts.md §3), not an
 * overpayment. Before (a meaning probe of 5 December 2026), such a parent was told "the account shows an overpayment
 * of £433.34 … Your figure is £433.34 too high, in my favour", and overpayment_refund asked for it back.
 *
 * £50 a week on Direct Pay from Friday 1 March 2024, monthly on the 15th from 15 May: £50 × 52 ÷ 12 = £216.67 an
 * instalment. Accrued before the first due date: 1–14 March, 14 of the 29 days of 15 February–14 March 2024,
 * £216.67 × 14 ÷ 29 = £104.60 (half a penny up), then 15 March–14 April and 15 April–14 May, £216.67 each: £537.94.
 * Reckoner's plan (with no timetable of CMS's given) collects it after the ongoing instalments; here every instalment
 * 15 May–15 October (6 × £216.67 = £1,300.02) was paid, and CMS recorded two voluntary payments of £216.67, on 15 March
 * and 15 April, which the bank shows too.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const MONTHS = ['05', '06', '07', '08', '09', '10'];
const VOLUNTARY = ['2024-03-15', '2024-04-15'];

function story(voluntary: readonly string[] = VOLUNTARY, claim = '0.00'): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-03-01', weeklyAmount: '50.00' }],
      frequency: 'monthly',
      firstDueDate: '2024-05-15',
      service: 'direct_pay',
      asOf: '2024-10-31',
    },
    side: 'paying',
    cmsEntries: voluntary.map((date, i): CmsEntryInput => ({ id: `voluntary-${i}`, date, type: 'voluntary_payment', amount: '216.67' })),
    bankTransactions: [...voluntary, ...MONTHS.map((m) => `2024-${m}-15`)].map((date) => ({
      id: `bank-${date}`,
      date,
      amount: '216.67',
      direction: 'out' as const,
      description: 'SO J SMITH MAINT',
    })),
    bankFilter: { descriptionContains: ['MAINT'] },
    cmsClaim: { date: '2024-10-31', balance: claim },
  };
}

describe('money paid ahead of the payment plan', () => {
  it('pays what has accrued but is not yet due: nothing owed, no overpayment, and CMS’s nil agrees', () => {
    const r = reconcile(story());
    // Due 1,300.02 + paid ahead 433.34 − paid 1,733.36 = 0.00; not yet due 537.94 − 433.34 = 104.60.
    expect(formatMoney(r.balance.due)).toBe('1300.02');
    expect(formatMoney(r.balance.accrued)).toBe('1837.96');
    expect(r.balance.paidAhead && formatMoney(r.balance.paidAhead)).toBe('433.34');
    expect(formatMoney(r.balance.notYetDue)).toBe('104.60');
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
    expect(r.balance.position).toBe('settled');
    expect(r.bridge.lines).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.trace.find((s) => s.step === 'balance')?.description).toContain(
      'Due under the payment plan £1,300.02 + paid ahead of it £433.34 (towards what has accrued but is not yet due) − paid £1,733.36 = nothing owed on 2024-10-31; a further £104.60 has accrued but is not yet due',
    );
    // The period table ends where the balance does.
    expect(formatMoney(r.periods.at(-1)!.runningBalance)).toBe('0.00');
  });

  it('an overpayment is only what goes beyond all that has accrued', () => {
    // A third voluntary payment, 1 May: paid 1,950.03 against 1,837.96 accrued: 112.07 overpaid, nothing left not yet due.
    const r = reconcile(story([...VOLUNTARY, '2024-05-01'], '-112.07'));
    expect(r.balance.paidAhead && formatMoney(r.balance.paidAhead)).toBe('537.94');
    expect(formatMoney(r.balance.notYetDue)).toBe('0.00');
    expect(formatMoney(r.balance.recomputed)).toBe('-112.07');
    expect(r.balance.position).toBe('overpaid');
    expect(r.bridge.lines).toEqual([]);
  });

  it('nothing paid ahead: no paidAhead, and the initial amount stays not yet due', () => {
    const r = reconcile(story([]));
    expect(r.balance.paidAhead).toBeUndefined();
    expect(formatMoney(r.balance.notYetDue)).toBe('537.94');
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
  });
});
