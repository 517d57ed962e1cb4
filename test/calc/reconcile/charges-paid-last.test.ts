/**
 * Money paid beyond the arrears pays the enforcement charges (the story and its arithmetic: ./charges-paid-last.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { chargesPaidLast } from './charges-paid-last.ts';

const m = formatMoney;
const parts = (r: ReturnType<typeof reconcile>) => r.balance.components.map((c) => [c.component, m(c.recomputed), m(c.paid)]);

describe('money paid beyond the arrears pays the enforcement charges', () => {
  it('£120.00 beyond them pays the £50.00 charge, and £70.00 is overpaid maintenance: CMS’s split agrees', () => {
    // The £120.00 counts as £100.00 maintenance and its £20.00 fee (120 × 5/6, 120 × 1/6): 3 × 312.00 due − 1,056.00 paid
    // + 50.00 charge = −70.00. The fees' £20.00 credit and £30.00 of maintenance's pay the charge: maintenance −70.00.
    const r = reconcile(
      chargesPaidLast({
        extra: '120.00',
        claim: { balance: '-70.00', maintenance: '-70.00', collectionFees: '0.00', enforcementCharges: '0.00' },
      }),
    );
    expect(parts(r)).toEqual([
      ['maintenance', '-70.00', '850.00'], // 3 × 260.00 + 100.00 − 30.00 to the charge; 780.00 − 850.00 = −70.00
      ['collection_fees', '0.00', '156.00'], // 3 × 52.00 + 20.00 − 20.00 to the charge
      ['enforcement_charges', '0.00', '50.00'],
    ]);
    expect([m(r.balance.recomputed), m(r.balance.paid), m(r.balance.enforcementCharges)]).toEqual(['-70.00', '1056.00', '50.00']);
    expect(r.bridge.lines).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.trace.find((s) => s.step === 'balance')?.description).toContain(
      'Due under the payment plan £936.00 − paid £1,056.00 + enforcement charges £50.00 = £70.00 overpaid on 2024-03-31',
    );
  });

  it('£30.00 beyond them pays £30.00 of the charge: £20.00 owed, all of it the charge', () => {
    // £25.00 maintenance and £5.00 fee: 936.00 − 966.00 + 50.00 = 20.00, the charge less the £30.00 credit.
    const r = reconcile(
      chargesPaidLast({
        extra: '30.00',
        claim: { balance: '20.00', maintenance: '0.00', collectionFees: '0.00', enforcementCharges: '20.00' },
      }),
    );
    expect(parts(r)).toEqual([
      ['maintenance', '0.00', '780.00'],
      ['collection_fees', '0.00', '156.00'],
      ['enforcement_charges', '20.00', '30.00'],
    ]);
    expect(r.bridge.lines).toEqual([]);
    expect(r.balance.components.find((c) => c.component === 'enforcement_charges')?.working).toBe(
      'Enforcement charges: charges the rules allow £50.00 − paid £30.00 = £20.00',
    );
  });

  it('with arrears owed, no payment goes to the charge: March’s £312.00 owed and the £50.00 charge', () => {
    const r = reconcile(chargesPaidLast({ marchUnpaid: true, claim: { balance: '362.00' } }));
    expect(parts(r)).toEqual([
      ['maintenance', '260.00', '520.00'],
      ['collection_fees', '52.00', '104.00'],
      ['enforcement_charges', '50.00', '0.00'],
    ]);
    expect(r.trace.find((s) => s.step === 'balance')?.description).toContain('= £362.00 owed by the paying parent on 2024-03-31');
    expect(r.balance.components.map((c) => c.working)).toEqual([
      'Maintenance: due under the payment plan £780.00 − paid £520.00 = £260.00',
      'Collection fees: due under the payment plan £156.00 − paid £104.00 = £52.00',
      'Enforcement charges: charges the rules allow £50.00 = £50.00',
    ]);
  });
});
