/**
 * An enforcement charge on a day the records show no arrears (MCP audit 2, finding 3). Reckoner called a £50 charge
 * for a deduction from earnings order "nothing to enforce", with no law cited, took it out of the balance, and the
 * letter asked CMS to remove it. But a deduction from earnings order may secure "amounts of child support maintenance
 * which will become due" (Child Support Act 1991 s.31(1), (3)(b)): it needs no arrears, and the Fees Regulations charge
 * for making one (SI 2014/612 reg 10; reg 12's waivers do not include "no arrears"). So such a charge stands, owed to
 * the Secretary of State; the paying parent is told why, and that whether it applies to deductions they chose is not
 * settled. Actions that do need arrears stay findings, now with their law: a liability order (s.33(1)(a), (3)), a
 * lump sum deduction order (s.32E(1), (4)(c)); a regular deduction order needs a payment missed (s.32A(1)(a)).
 *
 * The account: £60 a week on Collect and Pay from 1 January 2024, due monthly on the 1st: 60 × 52 ÷ 12 = £260.00
 * maintenance + 20% fee £52.00 = £312.00. Paid £312.00 on 1 January, 1 February and 1 March (the bank and CMS agree),
 * so at the end of each day from 1 January to 31 March nothing is overdue.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { LAW } from '../../../calc/scheme-2012/law.ts';
import { balance, bridge, components, findings, found, matches, paired } from './helpers.ts';

const MONTHS = ['01', '02', '03'];

/**
 * The account, with one enforcement charge; CMS's figure is its entries: 3 × 312.00 due − 3 × 312.00 paid + the
 * charge. `feb`: the day February's payment was made (the bank and CMS agree on it).
 */
function account(charge: CmsEntryInput, claim: string, feb = '2024-02-01'): ReconcileInput {
  const paidOn = (m: string) => (m === '02' ? feb : `2024-${m}-01`);
  const bank: BankTransactionInput[] = MONTHS.map((m) => ({
    id: `bank-${m}`,
    date: paidOn(m),
    amount: '312.00',
    direction: 'out',
    description: 'CMS',
  }));
  return {
    schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }], service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: [
      ...MONTHS.map((m): CmsEntryInput => ({ id: `rec-${m}`, date: paidOn(m), type: 'payment_received', amount: '312.00' })),
      charge,
    ],
    bankTransactions: bank,
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2024-03-31', balance: claim },
  };
}

const PAYMENTS = MONTHS.map((m) => ({ reason: 'exact_amount', cms: [`rec-${m}`], bank: [`bank-${m}`] }));

describe('a deduction from earnings order charged with no arrears: the charge stands', () => {
  // CMS: 936.00 − 936.00 + 50.00 = £50.00, all of it the charge.
  const r = reconcile(
    account(
      { id: 'deo', date: '2024-02-10', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
      '50.00',
    ),
  );

  it('is no finding: CMS’s figure is right, and the charge is in the balance, owed to the Secretary of State', () => {
    expect(findings(r)).toEqual([]);
    expect(matches(r)).toEqual(paired([...PAYMENTS, { reason: 'charge_without_arrears', cms: ['deo'], bank: [] }]));
    // Due 3 × 312.00 = 936.00 − paid 936.00 + the charge 50.00 = 50.00.
    expect(balance(r)).toEqual({
      due: '936.00',
      paid: '936.00',
      adjustments: '0.00',
      enforcementCharges: '50.00',
      recomputed: '50.00',
      position: 'arrears',
      cmsClaimed: '50.00',
      difference: '0.00',
    });
    expect(components(r)['enforcement_charges']).toEqual({ recomputed: '50.00', cmsEntries: '50.00' });
    expect(r.balance.components.find((c) => c.component === 'enforcement_charges')!.creditor).toBe('secretary_of_state');
    expect(bridge(r)).toEqual({ from: '50.00', to: '50.00', lines: [], addsUp: true });
  });

  it('says why it stands, with the law', () => {
    expect(r.matches.find((m) => m.cmsEntryIds[0] === 'deo')!.explanation).toBe(
      'An enforcement charge of £50.00 is one the Fees Regulations allow for a deduction from earnings order. There were no arrears on its day, but a deduction from earnings order can collect maintenance that will become due, not only arrears (Child Support Act 1991 s.31(1), (3)(b)), so the charge stands.',
    );
  });

  it('warns the paying parent what can still be asked, and that it is not settled', () => {
    expect(r.warnings).toContain(
      'CMS charged £50.00 for a deduction from earnings order on 10 February 2024, when the records show no arrears. That is not an error: a deduction from earnings order can collect maintenance that will become due, not only arrears (Child Support Act 1991 s.31(1), (3)(b)), and the Fees Regulations set a charge of £50.00 for one (Child Support Fees Regulations 2014 (SI 2014/612) reg 10). It stays in the balance, owed to the Secretary of State, and CMS collects it only after the maintenance and any arrears. If you yourself asked to pay by deductions from your pay, you can ask CMS to confirm that it made the order as enforcement: whether the charge applies to deductions you chose is not settled.',
    );
  });

  it('a £50 charge CMS does not name stands too: £50 is the charge for a deduction from earnings order', () => {
    const unnamed = reconcile(account({ id: 'c50', date: '2024-02-10', type: 'enforcement_charge', amount: '50.00' }, '50.00'));
    expect(findings(unnamed)).toEqual([]);
    expect(balance(unnamed)).toMatchObject({ recomputed: '50.00', enforcementCharges: '50.00', difference: '0.00' });
    expect(unnamed.warnings.join(' ')).toContain(
      'CMS charged £50.00 for enforcement on 10 February 2024, when the records show no arrears. That is not shown to be an error: £50.00 is the charge for a deduction from earnings order,',
    );
    expect(unnamed.warnings.join(' ')).toContain(
      'and which action the charge was for: whether the charge applies to deductions you chose is not settled.',
    );
  });
});

describe('a liability order charged with no arrears: still a finding, now with its law', () => {
  // CMS: 936.00 − 936.00 + 300.00 = £300.00; recomputed 936.00 − 936.00 = £0.00.
  const r = reconcile(
    account({ id: 'lo', date: '2024-02-20', type: 'enforcement_charge', amount: '300.00', chargeType: 'liability_order' }, '300.00'),
  );

  it('the charge is not owed: out of the balance, its line in the bridge, and the Act cited', () => {
    expect(findings(r)).toEqual(
      found([{ kind: 'enforcement_without_arrears', amount: '300.00', effect: '300.00', cms: ['lo'], bank: [] }]),
    );
    expect(balance(r)).toMatchObject({ recomputed: '0.00', position: 'settled', cmsClaimed: '300.00', difference: '300.00' });
    expect(bridge(r)).toEqual({ from: '300.00', to: '0.00', lines: ['enforcement_without_arrears 300.00'], addsUp: true });
    expect(r.warnings.join(' ')).not.toContain('not settled');
    // It cites the Act: a liability order is only for payments due and not paid.
    const f = r.findings[0]!;
    expect(f.explanation).toBe(
      'CMS charged £300.00 for a liability order on 20 February 2024, but on that day the records show no arrears: a liability order is made only for payments that have fallen due and have not been paid (Child Support Act 1991 s.33(1)(a), (3)).',
    );
    expect(f.facts.law).toEqual([LAW.liabilityOrder]);
  });

  it('a £200 charge CMS does not name is for a lump sum deduction order, which collects arrears only', () => {
    const lsdo = reconcile(account({ id: 'c200', date: '2024-02-20', type: 'enforcement_charge', amount: '200.00' }, '200.00'));
    expect(findings(lsdo)).toEqual(
      found([{ kind: 'enforcement_without_arrears', amount: '200.00', effect: '200.00', cms: ['c200'], bank: [] }]),
    );
    expect(lsdo.findings[0]!.explanation).toBe(
      'CMS charged £200.00 for enforcement on 20 February 2024, but on that day the records show no arrears. £200.00 is the charge for a lump sum deduction order, which collects arrears only (Child Support Act 1991 s.32E(1), (4)(c)).',
    );
  });
});

describe('a liability order charged with arrears carried over from the CSA: the charge stands', () => {
  // The same account, but the case came from the CSA on 1 January 2024 with £500.00 of arrears (its closure letter;
  // CMS's opening line says the same). Every instalment since is paid, yet £500.00 is owed on 20 February: arrears a
  // liability order may enforce (s.33(1)(a), (3)). CMS: 500.00 + 936.00 − 936.00 + 300.00 = £800.00, and so is ours.
  const input = account(
    { id: 'lo', date: '2024-02-20', type: 'enforcement_charge', amount: '300.00', chargeType: 'liability_order' },
    '800.00',
  );
  const r = reconcile({
    ...input,
    schedule: { ...input.schedule, openingBalance: { date: '2024-01-01', amount: '500.00' } },
    cmsEntries: [...input.cmsEntries!, { id: 'open', date: '2024-01-01', type: 'opening_balance', amount: '500.00' }],
  });

  it('is no finding: the charge is in the balance with the arrears it enforces', () => {
    expect(findings(r)).toEqual([]);
    expect(balance(r)).toMatchObject({ enforcementCharges: '300.00', recomputed: '800.00', cmsClaimed: '800.00', difference: '0.00' });
    expect(bridge(r)).toEqual({ from: '800.00', to: '800.00', lines: [], addsUp: true });
  });

  it('written off before the charge, the arrears carried over no longer count: a finding again', () => {
    const writtenOff = reconcile({
      ...input,
      schedule: {
        ...input.schedule,
        openingBalance: { date: '2024-01-01', amount: '500.00' },
        writeOffs: [{ date: '2024-02-01', amount: '500.00', reason: 's41e' }],
      },
      cmsEntries: [
        ...input.cmsEntries!,
        { id: 'open', date: '2024-01-01', type: 'opening_balance', amount: '500.00' },
        { id: 'wo', date: '2024-02-01', type: 'write_off', amount: '500.00' },
      ],
      cmsClaim: { date: '2024-03-31', balance: '300.00' },
    });
    expect(findings(writtenOff)).toEqual(
      found([{ kind: 'enforcement_without_arrears', amount: '300.00', effect: '300.00', cms: ['lo'], bank: [] }]),
    );
  });
});

describe('a regular deduction order needs a payment missed, and may then collect future maintenance', () => {
  const rdo: CmsEntryInput = {
    id: 'rdo',
    date: '2024-02-20',
    type: 'enforcement_charge',
    amount: '50.00',
    chargeType: 'regular_deduction_order',
  };

  it('with every payment on time, its charge is a finding (s.32A(1)(a))', () => {
    const r = reconcile(account(rdo, '50.00'));
    expect(findings(r)).toEqual(found([{ kind: 'enforcement_without_arrears', amount: '50.00', effect: '50.00', cms: ['rdo'], bank: [] }]));
    expect(r.findings[0]!.explanation).toBe(
      'CMS charged £50.00 for a regular deduction order on 20 February 2024, but the records show no payment missed or late up to that day: a regular deduction order can be made only where a payment has not been made (Child Support Act 1991 s.32A(1)(a), (2)(b)).',
    );
  });

  it('after a payment made late, it stands though nothing was owed on its day', () => {
    // February's £312.00 paid on 5 February, not the 1st: £312.00 overdue at the end of 1 to 4 February, nothing on
    // the 20th. Recomputed 936.00 − 936.00 + 50.00 = £50.00, CMS's figure.
    const r = reconcile(account(rdo, '50.00', '2024-02-05'));
    expect(findings(r)).toEqual([]);
    expect(balance(r)).toMatchObject({ recomputed: '50.00', enforcementCharges: '50.00', difference: '0.00' });
    expect(r.matches.find((m) => m.cmsEntryIds[0] === 'rdo')!.explanation).toBe(
      'An enforcement charge of £50.00 is one the Fees Regulations allow for a regular deduction order. There were no arrears on its day, but a payment had been missed or paid late before it, and a regular deduction order can then also collect maintenance that will become due (Child Support Act 1991 s.32A(1)(a), (2)(b)), so the charge stands.',
    );
    // Not the deduction from earnings point: a regular deduction order is not a way of paying a parent chooses.
    expect(r.warnings.join(' ')).not.toContain('not settled');
  });
});
