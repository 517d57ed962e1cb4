/** Money CMS holds beside a payment on its way (the story and its arithmetic: ./held-beside-in-transit.ts). */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { heldBesideInTransit } from './held-beside-in-transit.ts';

describe('September received and never passed on; December passed on on 10 December, in her bank on 13 December', () => {
  const r = reconcile(heldBesideInTransit());

  it('is money held and a payment on its way, not a difference nobody explains', () => {
    // Due 6 × £499.20 = £2,995.20; reached her by 11 December 4 × £499.20 = £1,996.80: £998.40 owed to her, of which
    // £499.20 is September's receipt CMS holds and £499.20 December's pass-on, on its way.
    expect(r.balance.recomputed.toFixed(2)).toBe('998.40');
    expect(r.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([
      ['payment_in_transit', '-499.20'],
      ['received_not_passed_on', '-499.20'],
    ]);
  });

  it('names September’s receipt as the one not passed on: each other receipt was followed by a pass-on of £499.20', () => {
    expect(r.bridge.notPassedOn?.receipts.map((x) => [x.cmsEntryId, x.date, x.notPassedOn.toFixed(2)])).toEqual([
      ['received-09', '2023-09-05', '499.20'],
    ]);
  });
});

describe('the same, with December’s in her bank on 10 December and the reconciliation on 31 December', () => {
  const story = heldBesideInTransit();
  const input: ReconcileInput = {
    ...story,
    schedule: { ...story.schedule, asOf: '2023-12-31' },
    bankTransactions: (story.bankTransactions ?? []).map((t) => (t.id === 'bank-12' ? { ...t, date: '2023-12-10' } : t)),
    cmsClaim: { date: '2023-12-31', balance: '0.00', basis: 'net' },
  };

  it('the money held is September’s receipt, not December’s, which was passed on on 10 December', () => {
    // Before, the latest receipts were taken first: "£520.00 received on 5 December 2023" not passed on.
    const r = reconcile(input);
    expect(r.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['received_not_passed_on', '-499.20']]);
    expect(r.bridge.notPassedOn?.receipts.map((x) => x.cmsEntryId)).toEqual(['received-09']);
  });
});
