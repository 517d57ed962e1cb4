/**
 * Money paid ahead of the payment plan pays what has accrued but is not yet due before it is an overpayment (the story
 * and its arithmetic: ./paid-ahead.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { paidAhead, paidAheadUnrecorded, receivedAheadOnCollectAndPay, VOLUNTARY } from './paid-ahead.ts';

const story = paidAhead;

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

  it('a figure of CMS’s that keeps what was paid ahead as a credit differs only in basis: a line in nobody’s favour (a probe)', () => {
    // CMS gives −£433.34 (its entries: due 1,300.02 − paid 1,733.36), with £537.94 not yet due; worked out, £0.00 with
    // £104.60 not yet due: −433.34 + 537.94 = 0.00 + 104.60.
    const r = reconcile(story(VOLUNTARY, '-433.34'));
    expect(r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`)).toEqual(['paid_ahead -433.34']);
    expect([r.bridge.inPayingParentsFavour.count, r.bridge.inReceivingParentsFavour.count]).toEqual([0, 0]);
  });

  it('a credit CMS made by adjustment, with no payment beyond what was due, is not paid ahead (a probe)', () => {
    // Every instalment paid (1,300.02), nothing voluntary; CMS's adjustment of −£216.67: an overpayment of £216.67.
    const base = story([]);
    const r = reconcile({
      ...base,
      cmsEntries: [{ id: 'adjustment', date: '2024-10-01', type: 'adjustment', amount: '-216.67' }],
      cmsClaim: { date: '2024-10-31', balance: '-216.67' },
    });
    expect(r.balance.paidAhead).toBeUndefined();
    expect(formatMoney(r.balance.recomputed)).toBe('-216.67');
    expect(r.bridge.lines).toEqual([]);
  });

  it('a credit carried in pays what is not yet due as payments ahead do (a second probe)', () => {
    // A credit of £100.00 carried in: −100.00 + 1,300.02 due − 1,733.36 paid = −533.34, all of it against the £537.94
    // not yet due: nothing owed, £4.60 still to fall due. Before, "an overpayment of £100.00" and a refund letter.
    const b = story(VOLUNTARY, '-533.34');
    const r = reconcile({
      ...b,
      schedule: { ...b.schedule, openingBalance: { date: '2024-03-01', amount: '-100.00' } },
      cmsEntries: [{ id: 'opening', date: '2024-03-01', type: 'opening_balance', amount: '-100.00' }, ...b.cmsEntries!],
    });
    expect([
      formatMoney(r.balance.recomputed),
      r.balance.paidAhead && formatMoney(r.balance.paidAhead),
      formatMoney(r.balance.notYetDue),
    ]).toEqual(['0.00', '533.34', '4.60']);
    expect(r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`)).toEqual(['paid_ahead -533.34']);
  });
});

describe('money paid ahead, on the receiving side and on Direct Pay with no record of CMS’s (a third probe)', () => {
  const lines = (r: ReturnType<typeof reconcile>) => r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`);

  it.each(['paying', 'receiving'] as const)(
    'on Direct Pay with none of CMS’s entries (%s side): paid ahead, no finding, and a warning of what CMS’s schedule still holds',
    (side) => {
      // Before: "£216.67 paid for the instalment due on 15 September 2024 was more than the instalment" (and 15 October),
      // against an accrued_not_yet_due line of −£433.34; on the receiving side, an overpayment of £433.34 as well.
      const r = reconcile(paidAheadUnrecorded(side));
      expect([
        formatMoney(r.balance.recomputed),
        r.balance.paidAhead && formatMoney(r.balance.paidAhead),
        formatMoney(r.balance.notYetDue),
      ]).toEqual(['0.00', '433.34', '104.60']);
      expect(r.balance.position).toBe('settled');
      expect(r.findings).toEqual([]);
      expect(lines(r)).toEqual([]);
      // Not yet due before the payments ahead: 1,837.96 accrued − 1,300.02 due = 537.94; after: 537.94 − 433.34 = 104.60.
      const warning = r.warnings.find((w) => w.includes('beyond the instalments'));
      expect(warning).toContain(
        `£433.34 ${side === 'paying' ? 'paid' : 'received'} on Direct Pay beyond the instalments the payment plan made due by 2024-10-31 pays ahead part of the £537.94`,
      );
      expect(warning).toContain('so £104.60 of it is still to fall due');
      expect(warning).toContain(side === 'paying' ? 'show CMS these payments' : '£433.34 of it has reached you already');
    },
  );

  it('on Direct Pay, money beyond everything accrued is still an extra payment, for the payment that went beyond', () => {
    // A third payment, 1 May: paid 1,950.03 against 1,837.96 accrued. 537.94 pays what was not yet due; the rest,
    // 1,950.03 − 1,300.02 − 537.94 = 112.07, is paid beyond everything, and it is the latest payment's (15 October).
    const r = reconcile(paidAheadUnrecorded('paying', [...VOLUNTARY, '2024-05-01'], '0.00'));
    expect(r.balance.paidAhead && formatMoney(r.balance.paidAhead)).toBe('537.94');
    expect(formatMoney(r.balance.recomputed)).toBe('-112.07');
    expect(r.findings.map((f) => `${f.kind} ${f.date} ${formatMoney(f.effect)}`)).toEqual(['extra_payment_not_credited 2024-10-15 112.07']);
    expect(r.findings[0]!.explanation).toContain('£112.07 more than the instalment (£216.67) was paid for the one due on 15 October 2024');
    // All of what was not yet due is paid: the warning says so, not "part of … £0.00 of it is still to fall due".
    expect(r.warnings).toContainEqual(
      expect.stringContaining(
        'Of what was paid on Direct Pay beyond the instalments the payment plan made due by 2024-10-31, £537.94 pays ahead all of the £537.94',
      ),
    );
  });

  it('on Collect and Pay, what reached her beyond what was due pays what is not yet due, not an overpayment', () => {
    // Gross basis: each £208.00 passed on is £216.67 before the 4%, so paid 8 × 216.67 = 1,733.36. With no timetable
    // of CMS's, the plan spreads the £537.94 over 12 equal instalments from 15 May (537.94 ÷ 12 = 44.83, the last
    // 44.81): due by 31 October 6 × 216.67 + 6 × 44.83 = 1,569.00. Paid ahead 1,733.36 − 1,569.00 = 164.36; still not
    // yet due 537.94 − 268.98 − 164.36 = 104.60. Before: "overpaid", and a line making CMS's nil "too high" by as much.
    const r = reconcile(receivedAheadOnCollectAndPay('gross'));
    expect([
      formatMoney(r.balance.due),
      formatMoney(r.balance.paid),
      r.balance.paidAhead && formatMoney(r.balance.paidAhead),
      formatMoney(r.balance.notYetDue),
      formatMoney(r.balance.recomputed),
    ]).toEqual(['1569.00', '1733.36', '164.36', '104.60', '0.00']);
    expect(r.findings).toEqual([]);
    expect(lines(r)).toEqual([]);
    // On her net basis the same: nothing owed and nothing overpaid, CMS's nil agreed.
    const net = reconcile(receivedAheadOnCollectAndPay('net'));
    expect([formatMoney(net.balance.recomputed), net.balance.position, lines(net)]).toEqual(['0.00', 'settled', []]);
  });

  it('a pay-out CMS records that never arrived, where its record pays ahead: the part set against what is not yet due is its own line, in nobody’s favour', () => {
    // Net basis: due by the plan 6 × 208.00 + 6 × (44.83 − 1.79) = 1,506.24 (the 4% on the 537.94, 21.52, spread as
    // 1.79 a part); her bank shows 7 × 208.00 = 1,456.00 (15 September's never came): £50.24 owed. CMS's record has all
    // 8, 1,664.00: 157.76 beyond what was due, which pays what is not yet due, so its figure is nil. −208.00 (the
    // pay-out) + 157.76 (of it, ahead of the plan on its record) = 0.00 − 50.24. Before: an accrued_not_yet_due line,
    // "in the other parent's favour", saying CMS's figure counted liability not yet due (a third probe).
    const base = receivedAheadOnCollectAndPay('net');
    const r = reconcile({ ...base, bankTransactions: base.bankTransactions!.filter((t) => t.date !== '2024-09-15') });
    expect(formatMoney(r.balance.recomputed)).toBe('50.24');
    expect(lines(r)).toEqual(['cms_payment_without_evidence -208.00', 'paid_ahead_differs 157.76']);
    expect(formatMoney(r.bridge.inReceivingParentsFavour.amount)).toBe('208.00');
    expect(r.bridge.inPayingParentsFavour.count).toBe(0);
    expect(r.bridge.lines[1]!.description).toContain("£157.76 on CMS's record, £0.00 worked out from the evidence");
  });
});
