/**
 * The working of the balance (explainBalance, quoted as "How it was worked out" in letter schedules) where collection
 * fees or enforcement charges are owed beside maintenance arrears. They are owed to the Secretary of State and are not
 * arrears of maintenance (cms-accounts.md §4). Before, the working ended "= arrears of £312.00" where £52.00 of it was
 * collection fees, and beside an enforcement charge "= arrears of £312.00 and enforcement charges of £50.00 (£362.00 in
 * all)", £52.00 of the "arrears" fees again. Each part is now named from calc's own per-component figures, with the sum.
 */
import { describe, expect, it } from 'vitest';
import { explainBalance, reconcile } from '../../../calc/reconcile/reconcile.ts';
import { chargesPaidLast } from './charges-paid-last.ts';
import { feesBesideArrears } from './fees-beside-arrears.ts';

describe('explainBalance names maintenance arrears, collection fees and enforcement charges apart', () => {
  it('arrears and collection fees: £260.00 + £52.00 = £312.00, not "arrears of £312.00"', () => {
    const r = reconcile(feesBesideArrears);
    const text = explainBalance(r.balance, 'i', r.side);
    expect(text).toBe(
      'Due under the payment plan £1,248.00 − paid £936.00 (as my evidence of payment shows) = £312.00 owed on 30 April 2024, made of ' +
        'maintenance arrears of £260.00 and collection fees of £52.00 (£260.00 + £52.00 = £312.00); the collection fees are owed to the ' +
        'Secretary of State and are not arrears',
    );
    expect(text).not.toContain('arrears of £312.00');
  });

  it('arrears, collection fees and an enforcement charge: £260.00 + £52.00 + £50.00 = £362.00', () => {
    // test/calc/reconcile/charges-paid-last.ts, March unpaid: due 3 × £312.00 = £936.00, paid 2 × £312.00 = £624.00;
    // maintenance 3 × £260.00 − 2 × £260.00 = £260.00, fees 3 × £52.00 − 2 × £52.00 = £52.00, the DEO's charge £50.00:
    // £936.00 − £624.00 + £50.00 = £362.00.
    const r = reconcile(chargesPaidLast({ marchUnpaid: true, claim: { balance: '362.00' } }));
    const text = explainBalance(r.balance, 'i', r.side);
    expect(text).toContain(
      '= £362.00 owed on 31 March 2024, made of maintenance arrears of £260.00, collection fees of £52.00 and enforcement charges of £50.00 ' +
        '(£260.00 + £52.00 + £50.00 = £362.00); the collection fees and enforcement charges are owed to the Secretary of State and are not arrears',
    );
    expect(text).not.toContain('arrears of £312.00');
  });
});
