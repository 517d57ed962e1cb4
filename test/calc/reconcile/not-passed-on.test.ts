/**
 * Money CMS received from the paying parent and had not passed on: its own line, in nobody's favour, where CMS's figure
 * is his arrears (the story and its arithmetic: ./not-passed-on.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { notPassedOn } from './not-passed-on.ts';

const story = notPassedOn;

const lines = (r: ReturnType<typeof reconcile>) => r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`);

describe('money CMS received from the paying parent and has not passed on', () => {
  it('is its own line, in nobody’s favour, where CMS’s figure is his arrears', () => {
    const r = reconcile(story());
    // Owed to her: 3 × 499.20 − 2 × 499.20 = 499.20. CMS's figure, £0.00, is lower by exactly what it holds.
    expect(formatMoney(r.balance.recomputed)).toBe('499.20');
    expect(lines(r)).toEqual(['received_not_passed_on -499.20']);
    expect(r.bridge.inReceivingParentsFavour.count).toBe(0);
    expect(r.bridge.inPayingParentsFavour.count).toBe(0);
    expect(r.findings).toEqual([]);
    expect(r.bridge.notPassedOn && formatMoney(r.bridge.notPassedOn.amount)).toBe('499.20');
    expect(
      r.bridge.notPassedOn?.receipts.map((x) => `${x.cmsEntryId} ${x.date} ${formatMoney(x.amount)} ${formatMoney(x.notPassedOn)}`),
    ).toEqual(['received-09 2023-09-05 520.00 499.20']);
    expect(r.bridge.lines[0]!.description).toBe(
      "CMS's figure counts as paid what it received from the paying parent, but £499.20 of it, after the 4% collection fee, had not been passed on to you by 30 September 2023: " +
        '£520.00 received on 5 September 2023. That is money the paying parent paid and CMS holds, not arrears: ask CMS to pass it on, or to say where it is.',
    );
  });

  it('reads a receipt written with the paying parent’s 20% fee in it', () => {
    // £624.00 = £520.00 + 20%: the maintenance in it is £520.00, of which £499.20 would reach her.
    const r = reconcile(story({ received: '624.00' }));
    expect(lines(r)).toEqual(['received_not_passed_on -499.20']);
  });

  it('on her gross basis: the maintenance before the 4%', () => {
    // Owed gross: 3 × 520.00 − 2 × 520.00 (each £499.20 passed on grossed up) = 520.00.
    const r = reconcile(story({ basis: 'gross' }));
    expect(formatMoney(r.balance.recomputed)).toBe('520.00');
    expect(lines(r)).toEqual(['received_not_passed_on -520.00']);
  });

  it('names each receipt held, the earliest in part, when a payment was passed on short', () => {
    // August passed on £249.60 of £499.20: held 3 × 499.20 − (499.20 + 249.60) = 748.80, of August's £249.60.
    const r = reconcile(story({ passedOn: ['499.20', '249.60'] }));
    expect(lines(r)).toEqual(['received_not_passed_on -748.80']);
    expect(r.bridge.notPassedOn?.receipts.map((x) => `${x.date} ${formatMoney(x.notPassedOn)}`)).toEqual([
      '2023-08-05 249.60',
      '2023-09-05 499.20',
    ]);
    expect(r.bridge.lines[0]!.description).toContain(
      '£520.00 received on 5 August 2023 (£249.60 of it), £520.00 received on 5 September 2023.',
    );
  });

  it('says a receipt of a few days ago may still be on its way', () => {
    // To 8 September: the receipt of the 5th is 3 days old.
    const r = reconcile(story({ asOf: '2023-09-08' }));
    expect(lines(r)).toEqual(['received_not_passed_on -499.20']);
    expect(r.bridge.lines[0]!.description).toMatch(/The latest was received 3 days before, so it may still be on its way\.$/);
  });

  it('is no line where CMS’s figure counts what reached her (its entries as they stand)', () => {
    const r = reconcile(story({ claim: '499.20' }));
    expect(r.bridge.lines).toEqual([]);
    expect(r.bridge.notPassedOn).toBeUndefined();
  });

  it('is no line where CMS’s figure is lower by another amount: that stays unexplained', () => {
    const r = reconcile(story({ claim: '100.00' }));
    expect(lines(r)).toEqual(['unexplained -399.20']);
    expect(r.bridge.notPassedOn).toBeUndefined();
  });

  it('is no line where her bank shows the money reached her, though CMS did not record passing it on (a probe)', () => {
    // September's £499.20 in her bank on 10 September, no passed-on entry: nothing is held, a record is missing.
    const base = story();
    const r = reconcile({
      ...base,
      bankTransactions: [
        ...base.bankTransactions!,
        { id: 'bank-09', date: '2023-09-10', amount: '499.20', direction: 'in', description: 'CMS' },
      ],
    });
    expect(r.bridge.notPassedOn).toBeUndefined();
    expect(r.findings.map((f) => f.kind)).toEqual(['payment_missing_from_cms']);
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
  });

  it('is found on a case that moved from Direct Pay, counting only what reached her while CMS collected (a second probe)', () => {
    // Direct Pay from 1 May 2023 (£520.00 paid to her on 1 May and 1 June), Collect and Pay from 1 July: September's
    // £499.20 is still held. Due 2 × 520.00 + 3 × 499.20 = 2,537.60; reached 1,040.00 + 998.40 = 2,038.40.
    const b = story();
    const r = reconcile({
      ...b,
      schedule: {
        ...b.schedule,
        decisions: [
          { effectiveDate: '2023-05-01', weeklyAmount: 120, service: 'direct_pay' },
          { effectiveDate: '2023-07-01', weeklyAmount: 120, service: 'collect_and_pay' },
        ],
        service: 'direct_pay',
      },
      bankTransactions: [
        { id: 'dp-05', date: '2023-05-01', amount: '520.00', direction: 'in', description: 'CMS' },
        { id: 'dp-06', date: '2023-06-01', amount: '520.00', direction: 'in', description: 'CMS' },
        ...b.bankTransactions!,
      ],
    });
    expect(lines(r)).toEqual(['received_not_passed_on -499.20']);
  });
});
