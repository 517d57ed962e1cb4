/**
 * CMS's figure dated between two instalments of a payment plan (MCP audit 2, finding 1). The figures and their
 * arithmetic are in ./between-instalments.ts: due by 20 August £3,075.30, paid £3,075.30, nothing owed; £199.03
 * accrued but not yet due; CMS's entries £814.09; CMS's figure £615.06 = 814.09 − 199.03.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { betweenInstalments } from './between-instalments.ts';
import { bridge } from './helpers.ts';

const parts = (r: ReturnType<typeof reconcile>) => Object.fromEntries(r.bridge.components.map((c) => [c.component, formatMoney(c.amount)]));

describe('CMS’s figure on the basis of the arrears due under the payment plan (finding 1)', () => {
  const r = reconcile(betweenInstalments());

  it('is not said to count the amount not yet due, and nothing is left unexplained', () => {
    expect([r.balance.due, r.balance.paid, r.balance.recomputed, r.balance.notYetDue].map(formatMoney)).toEqual([
      '3075.30',
      '3075.30',
      '0.00',
      '199.03',
    ]);
    expect(formatMoney(r.balance.cmsEntriesTotal)).toBe('814.09');
    // Before: lines 'accrued_not_yet_due 199.03' (CMS's figure "counts" it) and 'unexplained -199.03' (CMS's figure is
    // £199.03 lower than its entries, "ask CMS for the entries behind it"), neither of them true.
    expect(bridge(r)).toEqual({ from: '615.06', to: '0.00', lines: ['deduction_not_credited 615.06'], addsUp: true });
    expect(r.bridge.notYetDueLeftOut && [r.bridge.notYetDueLeftOut.amount, r.bridge.notYetDueLeftOut.entriesDue].map(formatMoney)).toEqual([
      '199.03',
      '615.06',
    ]);
    expect(r.trace.find((s) => s.step === 'bridge')!.description).toBe(
      'CMS’s figure £615.06 − recomputed £0.00 = £615.06: 1 deduction taken but not credited £615.06; CMS’s figure is on the payment ' +
        'plan’s basis (the arrears due under it): it leaves out, rightly, the £199.03 its entries hold that has accrued but is not yet due (its entries ' +
        'add up to £814.09, £615.06 without it)',
    );
  });

  it('its parts are compared on the same basis, and add up to the difference', () => {
    // The July deduction, £615.06 with the 20% fee in it: 615.06 ÷ 1.2 = £512.55 maintenance, £102.51 fee. Before, the
    // parts were taken against CMS's entries as they stand, with the not-yet-due line's £165.86 + £33.17 in them:
    // maintenance £678.41, fees £135.68, adding up to £814.09, more than CMS's whole figure.
    expect(parts(r)).toEqual({ maintenance: '512.55', collection_fees: '102.51', enforcement_charges: '0.00' });
    const sum = r.bridge.components.reduce((a, c) => a.plus(c.amount), r.bridge.difference.minus(r.bridge.difference));
    expect(formatMoney(sum)).toBe(formatMoney(r.bridge.difference));
    expect(r.bridge.components.every((c) => c.amount.equals(c.explained))).toBe(true);
  });

  it('a figure that counts everything accrued (its entries as they stand) still has the not-yet-due line', () => {
    // CMS's figure £814.09 = its entries: £199.03 of it is not yet due (a line), and the July deduction £615.06.
    const all = reconcile(betweenInstalments({ date: '2024-08-20', balance: '814.09' }));
    expect(bridge(all)).toEqual({
      from: '814.09',
      to: '0.00',
      lines: ['accrued_not_yet_due 199.03', 'deduction_not_credited 615.06'],
      addsUp: true,
    });
    expect(all.bridge.notYetDueLeftOut).toBeUndefined();
    expect(parts(all)).toEqual({ maintenance: '678.41', collection_fees: '135.68', enforcement_charges: '0.00' });
  });

  it('a figure near the plan basis but not on it: only the remainder is unexplained, against the entries due under the plan', () => {
    // CMS's figure £600.00: 15.06 from its entries due under the plan (615.06), 214.09 from its entries as they stand
    // (814.09). The nearer basis is the plan's: one unexplained line of 600.00 − 615.06 = −£15.06, and no line for what
    // is not yet due. Lines: 615.06 − 15.06 = 600.00 = the difference.
    const near = reconcile(betweenInstalments({ date: '2024-08-20', balance: '600.00' }));
    expect(bridge(near)).toEqual({
      from: '600.00',
      to: '0.00',
      lines: ['deduction_not_credited 615.06', 'unexplained -15.06'],
      addsUp: true,
    });
    expect(near.bridge.lines.find((l) => l.kind === 'unexplained')!.description).toBe(
      "CMS's figure (£600.00) is £15.06 lower than its own entries make due under the payment plan (£615.06: they add up to £814.09, of " +
        'which £199.03 has accrued but is not yet due); nothing in the entries given explains it, so ask CMS for the entries behind it.',
    );
    // Nearer its entries as they stand (£800.00: 14.09 from 814.09): CMS counted what is not yet due, and −£14.09 is
    // unexplained against its entries as they stand.
    const far = reconcile(betweenInstalments({ date: '2024-08-20', balance: '800.00' }));
    expect(bridge(far).lines).toEqual(['accrued_not_yet_due 199.03', 'deduction_not_credited 615.06', 'unexplained -14.09']);
  });

  it('CMS’s parts given on the plan basis agree part by part', () => {
    // Its parts due under the plan are its entries' parts less the parts not yet due; each is the recomputed part plus
    // the bridge's difference for it (maintenance and fees together £615.06, enforcement charges nil).
    const given = Object.fromEntries(r.bridge.components.map((c) => [c.component, formatMoney(c.amount.plus(c.to))]));
    const byParts = reconcile(
      betweenInstalments({
        date: '2024-08-20',
        maintenance: given.maintenance!,
        collectionFees: given.collection_fees!,
        enforcementCharges: given.enforcement_charges!,
      }),
    );
    expect(bridge(byParts)).toEqual({ from: '615.06', to: '0.00', lines: ['deduction_not_credited 615.06'], addsUp: true });
  });
});
