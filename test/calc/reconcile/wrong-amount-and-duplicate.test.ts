/**
 * CMS keyed one payment with the wrong amount and recorded another, weeks away and of the amount actually paid,
 * twice (audit 2, finding 2). The bank shows every payment once, each on the day CMS has a record for it. The true
 * story is a wrong amount and a duplicate. The matcher used to pair the copy with the payment keyed wrongly (the same
 * amount, within its 62 days), so that the record on that day became a payment the bank "does not show" and a
 * correct record became a misdated one; the net was the same, both sentences false. Cases and their arithmetic:
 * ./wrong-amount-and-duplicate.ts. Every figure is computed.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { bridge, findings, found } from './helpers.ts';
import { februaryTwice, juneAndJuly } from './wrong-amount-and-duplicate.ts';

/** Each finding's kind, effect, effect by part, and sentence, in date order. */
const told = (input: ReconcileInput) =>
  reconcile(input).findings.map((f) => ({
    kind: f.kind,
    effect: f.effect.toFixed(2),
    maintenance: f.effects.maintenance.toFixed(2),
    fees: f.effects.collectionFees.toFixed(2),
    explanation: f.explanation,
  }));

describe('a wrong amount on 9 June and a duplicate on 10 July, the bank showing £572.00 on each day', () => {
  const r = reconcile(juneAndJuly());

  it('finds a wrong amount on 9 June and a duplicate on 10 July, nothing else', () => {
    expect(findings(r)).toEqual(
      found([
        // Recorded £752.00, paid £572.00: 752.00 − 572.00 = £180.00 too much credited, so CMS's figure is £180.00 lower.
        { kind: 'amount_mismatch', amount: '180.00', effect: '-180.00', cms: ['cms-pay-2023-06-09'], bank: ['bank-2023-06-09'] },
        // Recorded twice, paid once: £572.00 credited too much.
        {
          kind: 'duplicate_payment_record',
          amount: '572.00',
          effect: '-572.00',
          cms: ['cms-pay-2023-07-10-again', 'cms-pay-2023-07-10'],
          bank: [],
        },
      ]),
    );
  });

  it('says so in sentences CMS can check against the bank statement', () => {
    expect(told(juneAndJuly())).toEqual([
      // £180.00 of a £572.00 payment (£476.67 + 20% fee £95.33) splits as 180 ÷ 1.2 = £150.00 maintenance, £30.00 fee.
      {
        kind: 'amount_mismatch',
        effect: '-180.00',
        maintenance: '-150.00',
        fees: '-30.00',
        explanation:
          'CMS recorded a payment received of £752.00 on 9 June 2023, but £572.00 left your account on 9 June 2023 ("CMS PAYMENT"): CMS shows £180.00 more than was paid.',
      },
      {
        kind: 'duplicate_payment_record',
        effect: '-572.00',
        maintenance: '-476.67',
        fees: '-95.33',
        explanation:
          'CMS recorded a payment received of £572.00 on 10 July 2023 that repeats its record of 10 July 2023; only one such payment left your account.',
      },
    ]);
    const words = r.findings.map((f) => f.explanation).join(' ');
    expect(words).not.toContain('no such payment');
    expect(words).not.toContain('days earlier');
  });

  it('bridges CMS’s −£752.00 to £0.00 with the same net as before: −180.00 − 572.00 = −752.00', () => {
    expect(bridge(r)).toEqual({
      from: '-752.00',
      to: '0.00',
      lines: ['amount_mismatch -180.00', 'duplicate_payment_record -572.00'],
      addsUp: true,
    });
  });
});

describe('the same pattern the other way round: a duplicate on 1 February, 20 days before a payment keyed as less', () => {
  const r = reconcile(februaryTwice());

  it('finds the duplicate and the wrong amount, dated the day after the payment', () => {
    expect(findings(r)).toEqual(
      found([
        {
          kind: 'duplicate_payment_record',
          amount: '234.00',
          effect: '-234.00',
          cms: ['cms-pay-2024-02-01-again', 'cms-pay-2024-02-01'],
          bank: [],
        },
        // Recorded £204.00, paid £234.00: 234.00 − 204.00 = £30.00 not credited, so CMS's figure is £30.00 higher.
        { kind: 'amount_mismatch', amount: '30.00', effect: '30.00', cms: ['cms-pay-2024-02-22'], bank: ['bank-2024-02-21'] },
      ]),
    );
    expect(told(februaryTwice())).toEqual([
      {
        kind: 'duplicate_payment_record',
        effect: '-234.00',
        // £234.00 = £195.00 + 20% fee £39.00.
        maintenance: '-195.00',
        fees: '-39.00',
        explanation:
          'CMS recorded a payment received of £234.00 on 1 February 2024 that repeats its record of 1 February 2024; only one such payment left your account.',
      },
      {
        kind: 'amount_mismatch',
        effect: '30.00',
        // 30 ÷ 1.2 = £25.00 maintenance, £5.00 fee.
        maintenance: '25.00',
        fees: '5.00',
        explanation:
          'CMS recorded a payment received of £204.00 on 22 February 2024, but £234.00 left your account on 21 February 2024 ("CMS PAYMENT"): CMS shows £30.00 less than was paid.',
      },
    ]);
  });

  it('bridges CMS’s −£204.00 to £0.00: −234.00 + 30.00 = −204.00', () => {
    expect(bridge(r)).toEqual({
      from: '-204.00',
      to: '0.00',
      lines: ['amount_mismatch 30.00', 'duplicate_payment_record -234.00'],
      addsUp: true,
    });
  });
});

describe('with the case reference on every payment, both sides (the reference pass)', () => {
  // A case reference on every line pairs nothing by itself: the amounts and dates decide, as without one.
  const withReference = (input: ReconcileInput): ReconcileInput => ({
    ...input,
    cmsEntries: input.cmsEntries!.map((e) => (e.type === 'payment_received' ? { ...e, reference: '1210 0000 0033' } : e)),
    bankTransactions: input.bankTransactions!.map((b) => ({ ...b, reference: '121000000033' })),
  });

  it('finds the same two mistakes, with the same effects, in both cases', () => {
    expect(findings(reconcile(withReference(juneAndJuly())))).toEqual(findings(reconcile(juneAndJuly())));
    expect(bridge(reconcile(withReference(juneAndJuly())))).toEqual({
      from: '-752.00',
      to: '0.00',
      lines: ['amount_mismatch -180.00', 'duplicate_payment_record -572.00'],
      addsUp: true,
    });
    expect(findings(reconcile(withReference(februaryTwice())))).toEqual(findings(reconcile(februaryTwice())));
    expect(bridge(reconcile(withReference(februaryTwice())))).toEqual({
      from: '-204.00',
      to: '0.00',
      lines: ['amount_mismatch 30.00', 'duplicate_payment_record -234.00'],
      addsUp: true,
    });
  });
});

// Controls: these held before the change and must still hold.
describe('each mistake alone, and a copy with no record near the payment it could be (controls)', () => {
  it('the wrong amount alone is a wrong amount: −£180.00', () => {
    expect(findings(reconcile(juneAndJuly('wrong_amount')))).toEqual(
      found([{ kind: 'amount_mismatch', amount: '180.00', effect: '-180.00', cms: ['cms-pay-2023-06-09'], bank: ['bank-2023-06-09'] }]),
    );
  });

  it('the duplicate alone is a duplicate: −£572.00', () => {
    expect(findings(reconcile(juneAndJuly('duplicate')))).toEqual(
      found([
        {
          kind: 'duplicate_payment_record',
          amount: '572.00',
          effect: '-572.00',
          cms: ['cms-pay-2023-07-10-again', 'cms-pay-2023-07-10'],
          bank: [],
        },
      ]),
    );
  });

  it('with no CMS record near 9 June, the second 10 July record is still the June payment misdated', () => {
    // CMS has nothing for the £572.00 paid on 9 June and £572.00 twice on 10 July: one payment put on the wrong date
    // explains both, so nothing changes the balance (2,288.00 due − 2,288.00 credited = £0.00).
    const input = juneAndJuly('duplicate');
    const misdated: ReconcileInput = {
      ...input,
      cmsEntries: input.cmsEntries!.filter((e) => e.id !== 'cms-pay-2023-06-09'),
      cmsClaim: { date: '2023-07-31', balance: '0.00' },
    };
    expect(findings(reconcile(misdated))).toEqual(
      found([{ kind: 'date_mismatch', amount: '572.00', effect: '0.00', cms: ['cms-pay-2023-07-10-again'], bank: ['bank-2023-06-09'] }]),
    );
  });
});
