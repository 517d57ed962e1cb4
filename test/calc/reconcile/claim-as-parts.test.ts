/**
 * CMS's maintenance-arrears line given as "the balance" (journey probe F5, .scratch/journey/FINDINGS.md, story S4). A
 * CMS statement's summary keeps maintenance arrears, collection fees and enforcement charges apart (cms-accounts.md §4);
 * fees and charges are owed to the Secretary of State, not the other parent. Compared with the whole of CMS's entries,
 * the maintenance line alone read "£57.50 too low … -£642.50 in the other parent's favour".
 *
 * S4: £90 a week, Collect and Pay, monthly from 1 January 2023: £90 × 52 ÷ 12 = £390.00 + 20% fee £78.00 (SI 2014/612
 * reg 7) = £468.00 a month, 13 months to 1 January 2024 = £6,084.00. Paid by bank January, February, June (3 × £468.00
 * = £1,404.00); payslips July–December deduct £585.00 each (6 × £585.00 = £3,510.00); CMS recorded five of them, not
 * 28 October's. Liability order £300.00, DEO £50.00. Recomputed (computed): £6,084.00 − £4,914.00 = £1,170.00 (maintenance
 * £975.00 = £1,170.00 × 390 ÷ 468, fees £195.00) + charges £350.00 = £1,520.00. CMS's summary: maintenance arrears
 * £1,462.50, collection fees £292.50, enforcement charges £350.00 (£2,105.00; the missing £585.00 is £487.50 + £97.50).
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { bridge } from './helpers.ts';

const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const cmsEntries: NonNullable<ReconcileInput['cmsEntries']>[number][] = [
  ...months.flatMap((m) => [
    { date: `2023-${m}-01`, type: 'liability' as const, amount: '390.00' },
    { date: `2023-${m}-01`, type: 'collection_fee' as const, amount: '78.00' },
  ]),
  { date: '2024-01-01', type: 'liability', amount: '390.00' },
  { date: '2024-01-01', type: 'collection_fee', amount: '78.00' },
  ...['2023-01-01', '2023-02-01', '2023-06-01'].map((date) => ({ date, type: 'payment_received' as const, amount: '468.00' })),
  { date: '2023-06-20', type: 'enforcement_charge', amount: '300.00', chargeType: 'liability_order' },
  { date: '2023-07-05', type: 'enforcement_charge', amount: '50.00', chargeType: 'deduction_from_earnings_order' },
  ...['2023-08-10', '2023-09-10', '2023-10-10', '2023-12-10', '2024-01-10'].map((date) => ({
    date,
    type: 'deo_receipt' as const,
    amount: '585.00',
  })),
];
const s4 = (cmsClaim: ReconcileInput['cmsClaim']): ReconcileInput => ({
  schedule: {
    decisions: [{ effectiveDate: '2023-01-01', weeklyAmount: 90 }],
    service: 'collect_and_pay',
    frequency: 'monthly',
    firstDueDate: '2023-01-01',
  },
  side: 'paying',
  cmsEntries,
  bankTransactions: ['2023-01-01', '2023-02-01', '2023-06-01'].map((date) => ({
    date,
    amount: '468.00',
    direction: 'out' as const,
    description: 'CMS PAYMENT 121000000404',
  })),
  evidence: ['2023-07-28', '2023-08-28', '2023-09-28', '2023-10-28', '2023-11-28', '2023-12-28'].map((date) => ({
    type: 'payslip_deduction' as const,
    date,
    amount: '585.00',
    from: 'ACME LTD',
  })),
  bankFilter: { descriptionContains: ['CMS PAYMENT'] },
  cmsClaim,
});
const parts = (r: ReturnType<typeof reconcile>) =>
  r.bridge.components.map((c) => `${c.component} ${c.from?.toFixed(2) ?? '-'} → ${c.to.toFixed(2)}: ${c.amount.toFixed(2)}`);

describe('CMS’s maintenance arrears given as the balance (S4)', () => {
  const byParts = reconcile(s4({ date: '2024-01-15', maintenance: '1462.50', collectionFees: '292.50', enforcementCharges: '350.00' }));
  const maintenanceLine = reconcile(s4({ date: '2024-01-15', balance: '1462.50' }));

  it('is read as the maintenance part: maintenance compared with maintenance, as with the parts given', () => {
    // Maintenance: CMS £1,462.50 against £975.00, £487.50 too high; fees £292.50 (its entries) against £195.00, £97.50;
    // charges £350.00 against £350.00. Together the one payslip deduction CMS did not credit, £585.00.
    expect(parts(maintenanceLine)).toEqual([
      'maintenance 1462.50 → 975.00: 487.50',
      'collection_fees - → 195.00: 97.50',
      'enforcement_charges - → 350.00: 0.00',
    ]);
    expect(maintenanceLine.bridge.lines.map((l) => `${l.kind} ${l.amount.toFixed(2)}`)).toEqual(['deduction_not_credited 585.00']);
    expect(maintenanceLine.bridge.lines.some((l) => l.kind === 'unexplained')).toBe(false);
    expect(maintenanceLine.bridge.inReceivingParentsFavour.count).toBe(0);
    // The same bridge as with every part given.
    expect(bridge(maintenanceLine)).toEqual(bridge(byParts));
    expect(maintenanceLine.balance.components[0]!.cmsClaimed?.toFixed(2)).toBe('1462.50');
  });

  it('says the fees and charges were not in the figure, and asks for the parts', () => {
    expect(
      maintenanceLine.bridge.claimReadAsParts && {
        given: maintenanceLine.bridge.claimReadAsParts.given.toFixed(2),
        parts: maintenanceLine.bridge.claimReadAsParts.parts,
        fees: maintenanceLine.bridge.claimReadAsParts.leftOut.collectionFees.toFixed(2),
        charges: maintenanceLine.bridge.claimReadAsParts.leftOut.enforcementCharges.toFixed(2),
      },
    ).toEqual({ given: '1462.50', parts: ['maintenance'], fees: '292.50', charges: '350.00' });
    expect(maintenanceLine.warnings.join('\n')).toContain(
      'CMS’s figure as given, £1,462.50, is to the penny the maintenance part of CMS’s own entries (its maintenance arrears), not its whole balance: its entries also hold £292.50 in collection fees and £350.00 in enforcement charges, owed to the Secretary of State',
    );
    expect(maintenanceLine.warnings.join('\n')).toContain(
      'give them as cmsClaim.maintenance, cmsClaim.collectionFees and cmsClaim.enforcementCharges',
    );
    expect(byParts.bridge.claimReadAsParts).toBeUndefined();
  });

  it('reads maintenance and fees together the same way (£1,462.50 + £292.50 = £1,755.00)', () => {
    const r = reconcile(s4({ date: '2024-01-15', balance: '1755.00' }));
    expect(r.bridge.claimReadAsParts?.parts).toEqual(['maintenance', 'collection_fees']);
    expect(bridge(r)).toEqual(bridge(byParts));
  });

  it('leaves the whole balance (£2,105.00), and a figure that is no part, as given', () => {
    const whole = reconcile(s4({ date: '2024-01-15', balance: '2105.00' }));
    expect(whole.bridge.claimReadAsParts).toBeUndefined();
    expect(bridge(whole)).toEqual(bridge(byParts));
    // £1,500.00 is no part of CMS's entries: compared as a whole, its remainder a line the entries do not explain
    // (£1,500.00 − £2,105.00 = −£605.00).
    const other = reconcile(s4({ date: '2024-01-15', balance: '1500.00' }));
    expect(other.bridge.claimReadAsParts).toBeUndefined();
    expect(other.bridge.lines.find((l) => l.kind === 'unexplained')?.amount.toFixed(2)).toBe('-605.00');
  });
});
