/**
 * Issue 16, item 1: a CSA case transferred to CMS, reconciled end to end through calc — the arrears carried over
 * (with the Secretary of State's part), a write-off, and CMS's figure against the recomputed one, each as its own
 * line of the balance and the bridge. Every expected figure is computed here, with its arithmetic.
 *
 * The case (test/calc/schedule/historic.test.ts `TRANSFER`): the CSA case closed on 30 June 2018 with £3,000.00 of
 * arrears carried to CMS, £500.00 of them owed to the Secretary of State; CMS: £30.00 a week from 1 July 2018,
 * Collect and Pay, monthly (instalment 30 × 52 ÷ 12 = £130.00, paying parent's fee 20% = £26.00, receiving parent's
 * 4% = £5.20); £1,000.00 of the receiving parent's arrears written off (s.41E) on 21 February 2019; every instalment
 * paid on its due date, 1 July 2018 to 1 March 2019 (9 of them); reconciled to 31 March 2019.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney, type Dec } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { TRANSFER } from '../schedule/transfer.ts';

const m = (d: Dec): string => formatMoney(d);
const DUE = ['2018-07-01', '2018-08-01', '2018-09-01', '2018-10-01', '2018-11-01', '2018-12-01', '2019-01-01', '2019-02-01', '2019-03-01'];
const AS_OF = '2019-03-31';

/** CMS's opening lines: the receiving parent's part and the Secretary of State's. */
const opening = (rp: string, sos = '500.00'): CmsEntryInput[] => [
  { id: 'open_rp', date: '2018-06-30', type: 'opening_balance', amount: rp, creditor: 'receiving_parent', source: 'CMS statement, page 1' },
  {
    id: 'open_sos',
    date: '2018-06-30',
    type: 'opening_balance',
    amount: sos,
    creditor: 'secretary_of_state',
    source: 'CMS statement, page 1',
  },
];

function paying(extra: { cms?: CmsEntryInput[]; claim: string; schedule?: Partial<ReconcileInput['schedule']> }): ReconcileInput {
  return {
    schedule: { ...TRANSFER, ...extra.schedule },
    side: 'paying',
    // £156.00 = £130.00 maintenance + £26.00 fee, paid and recorded each month.
    cmsEntries: [
      ...DUE.map((d, i) => ({ id: `pay_${i}`, date: d, type: 'payment_received' as const, amount: '156.00' })),
      ...(extra.cms ?? []),
    ],
    bankTransactions: DUE.map((d, i) => ({
      id: `bank_${i}`,
      date: d,
      amount: '156.00',
      direction: 'out' as const,
      description: 'CMS PAYMENT',
    })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: AS_OF, balance: extra.claim },
  };
}

describe('paying side: CMS carried the arrears over as stated but never applied the write-off', () => {
  // CMS: 3,000.00 carried over + 1,404.00 due − 1,404.00 paid = £3,000.00 (no write-off).
  // Recomputed: 3,000.00 + 1,404.00 − 1,404.00 − 1,000.00 written off = £2,000.00, of which £500.00 is the Secretary of State's.
  const r = reconcile(paying({ cms: opening('2500.00'), claim: '3000.00' }));

  it('the balance shows each part on its own line', () => {
    const b = r.balance;
    expect([m(b.openingBalance), m(b.due), m(b.paid), m(b.writtenOff), m(b.secretaryOfState), m(b.recomputed)]).toEqual([
      '3000.00',
      '1404.00',
      '1404.00',
      '1000.00',
      '500.00',
      '2000.00',
    ]);
    // The write-off is not a payment: paid stays what the bank shows, and it is matched to no payment.
    expect(r.matches.flatMap((x) => x.bankTransactionIds)).toHaveLength(9);
    // Maintenance: 3,000.00 + 1,170.00 − 1,170.00 − 1,000.00 = 2,000.00; fees: 234.00 − 234.00 = 0.00.
    const [maintenance, fees] = b.components;
    expect([m(maintenance!.openingBalance), m(maintenance!.writtenOff), m(maintenance!.recomputed)]).toEqual([
      '3000.00',
      '1000.00',
      '2000.00',
    ]);
    expect(m(fees!.recomputed)).toBe('0.00');
    expect(r.trace.find((t) => t.step === 'balance')!.description).toBe(
      'Opening balance £3,000.00 + due under the payment plan £1,404.00 − paid £1,404.00 − written off £1,000.00 = £2,000.00 owed by the paying parent on 2019-03-31; of which £500.00 is owed to the Secretary of State; CMS says £3,000.00 owed by the paying parent',
    );
  });

  it('the bridge: 3,000.00 − 2,000.00 = £1,000.00, the write-off CMS has not applied; and what CMS’s figure comprises', () => {
    expect([m(r.bridge.from), m(r.bridge.to), m(r.bridge.difference)]).toEqual(['3000.00', '2000.00', '1000.00']);
    expect(r.bridge.lines.map((l) => [l.kind, m(l.amount)])).toEqual([['write_off_not_applied', '1000.00']]);
    expect(r.findings[0]!.explanation).toMatch(
      /£1,000.00 of arrears was written off \(Child Support Act 1991 s.41E\) on 21 February 2019, but CMS's account does not show the write-off/,
    );
    expect(r.findings[0]!.favours).toBe('paying_parent');
    const h = r.bridge.historic!;
    expect([m(h.openingBalance), m(h.writtenOff), m(h.secretaryOfState)]).toEqual(['3000.00', '0.00', '500.00']);
    // The opening lines agree with the figure stated.
    expect([...r.matches.find((x) => x.reason === 'balance_agrees')!.cmsEntryIds].sort()).toEqual(['open_rp', 'open_sos']);
  });

  it('the period rows start from the arrears carried over and take the write-off off in February: 3,000.00 − 1,000.00 = £2,000.00', () => {
    expect(m(r.periods[0]!.runningBalance)).toBe('3000.00');
    expect(m(r.periods[7]!.adjustments)).toBe('-1000.00');
    expect(m(r.periods[7]!.runningBalance)).toBe('2000.00');
    expect(m(r.periods[8]!.runningBalancePerCms)).toBe('3000.00');
  });
});

describe('paying side: CMS carried over £250.00 too much, and applied the write-off four days late', () => {
  // CMS: (2,750.00 + 500.00) + 1,404.00 − 1,404.00 − 1,000.00 = £2,250.00; recomputed £2,000.00; bridge £250.00.
  const r = reconcile(
    paying({
      cms: [...opening('2750.00'), { id: 'wo', date: '2019-02-25', type: 'write_off', amount: '1000.00' }],
      claim: '2250.00',
    }),
  );
  it('one line: the opening balance not as stated, +£250.00', () => {
    expect(m(r.balance.recomputed)).toBe('2000.00');
    expect(r.bridge.lines.map((l) => [l.kind, m(l.amount)])).toEqual([['opening_balance_mismatch', '250.00']]);
    expect(r.findings[0]!.explanation).toBe(
      "CMS's account opens on 30 June 2018 with £3,250.00 of arrears carried over, but the figure stated for them is £3,000.00: £250.00 too much.",
    );
    expect(r.matches.find((x) => x.cmsEntryIds.includes('wo'))).toMatchObject({ reason: 'balance_agrees', dayDifference: 4 });
    const h = r.bridge.historic!;
    expect([m(h.openingBalance), m(h.writtenOff), m(h.secretaryOfState)]).toEqual(['3250.00', '1000.00', '500.00']);
  });
});

describe('receiving side: the Secretary of State’s arrears are not owed to the receiving parent', () => {
  // Net of CMS's 4%: 130.00 − 5.20 = £124.80 a month passed on, 9 × 124.80 = £1,123.20.
  // Recomputed: (3,000.00 − 500.00) + 1,123.20 − 1,123.20 − 1,000.00 = £1,500.00.
  // CMS (no write-off): 2,500.00 + 1,123.20 − 1,123.20 = £2,500.00; bridge 2,500.00 − 1,500.00 = £1,000.00.
  const r = reconcile({
    schedule: TRANSFER,
    side: 'receiving',
    cmsEntries: [
      ...opening('2500.00'),
      ...DUE.map((d, i) => ({ id: `on_${i}`, date: d, type: 'payment_passed_on' as const, amount: '124.80' })),
    ],
    bankTransactions: DUE.map((d, i) => ({ id: `in_${i}`, date: d, amount: '124.80', direction: 'in' as const, description: 'CMS' })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: AS_OF, balance: '2500.00', basis: 'net' },
  });
  it('the receiving parent’s figure leaves out the £500.00 owed to the Secretary of State', () => {
    const b = r.balance;
    expect([m(b.openingBalance), m(b.due), m(b.paid), m(b.writtenOff), m(b.recomputed), m(b.secretaryOfState)]).toEqual([
      '2500.00',
      '1123.20',
      '1123.20',
      '1000.00',
      '1500.00',
      '500.00',
    ]);
    expect(r.ignored).toContainEqual({ cmsEntryId: 'open_sos', reason: 'owed_to_secretary_of_state' });
    expect(r.bridge.lines.map((l) => [l.kind, m(l.amount)])).toEqual([['write_off_not_applied', '1000.00']]);
    expect(r.trace.find((t) => t.step === 'balance')!.description).toMatch(
      /a further £500.00 is owed to the Secretary of State, not to the receiving parent, and is left out/,
    );
  });
});

describe('the write-off exercise on the Secretary of State’s part', () => {
  // Paying side: 3,000.00 + 1,404.00 − 1,404.00 − 1,000.00 − 500.00 = £1,500.00, nothing owed to the Secretary of State.
  const writeOffs = [
    ...TRANSFER.writeOffs!,
    { date: '2019-01-10', amount: '500.00', reason: 'write_off_exercise' as const, creditor: 'secretary_of_state' as const },
  ];
  const cms: CmsEntryInput[] = [
    ...opening('2500.00'),
    { id: 'wo_rp', date: '2019-02-21', type: 'write_off', amount: '1000.00' },
    { id: 'wo_sos', date: '2019-01-10', type: 'write_off', amount: '500.00', creditor: 'secretary_of_state' },
  ];
  it('paying side: £1,500.00, all agreed', () => {
    const r = reconcile(paying({ cms, claim: '1500.00', schedule: { writeOffs } }));
    expect([m(r.balance.recomputed), m(r.balance.writtenOff), m(r.balance.secretaryOfState)]).toEqual(['1500.00', '1500.00', '0.00']);
    expect(r.bridge.lines).toEqual([]);
  });
  it('receiving side: the Secretary of State’s write-off is not in the receiving parent’s figure (2,500.00 − 1,000.00 = £1,500.00)', () => {
    const r = reconcile({
      schedule: { ...TRANSFER, writeOffs },
      side: 'receiving',
      cmsEntries: [...cms, ...DUE.map((d, i) => ({ id: `on_${i}`, date: d, type: 'payment_passed_on' as const, amount: '124.80' }))],
      bankTransactions: DUE.map((d, i) => ({ id: `in_${i}`, date: d, amount: '124.80', direction: 'in' as const, description: 'CMS' })),
      bankFilter: { includeAll: true },
      cmsClaim: { date: AS_OF, balance: '1500.00', basis: 'net' },
    });
    expect([m(r.balance.recomputed), m(r.balance.writtenOff), m(r.balance.secretaryOfState)]).toEqual(['1500.00', '1000.00', '0.00']);
    expect(r.ignored.map((i) => i.cmsEntryId)).toEqual(expect.arrayContaining(['open_sos', 'wo_sos']));
    expect(r.bridge.lines).toEqual([]);
  });
});

describe('nothing stated: CMS’s opening balance and write-off are taken as recorded', () => {
  // 3,000.00 + 1,404.00 − 1,404.00 − 1,000.00 = £2,000.00 both ways.
  const r = reconcile(
    paying({
      cms: [...opening('2500.00'), { id: 'wo', date: '2019-02-21', type: 'write_off', amount: '1000.00' }],
      claim: '2000.00',
      schedule: { openingBalance: undefined, writeOffs: undefined },
    }),
  );
  it('the figures agree, each CMS line accepted as recorded, and a warning says how to check the opening balance', () => {
    expect([m(r.balance.openingBalance), m(r.balance.writtenOff), m(r.balance.secretaryOfState), m(r.balance.recomputed)]).toEqual([
      '3000.00',
      '1000.00',
      '500.00',
      '2000.00',
    ]);
    expect(r.bridge.lines).toEqual([]);
    expect(
      r.matches
        .filter((x) => x.reason === 'accepted_as_recorded')
        .flatMap((x) => x.cmsEntryIds)
        .sort(),
    ).toEqual(['open_rp', 'open_sos', 'wo']);
    expect(r.warnings.join(' ')).toMatch(/taken as recorded; to check it, give schedule.openingBalance/);
  });
});

describe('a CSA history reconciled from stated amounts (no opening balance)', () => {
  // 2003 scheme, £25.00 a week from Monday 3 January 2011, weekly, Collect and Pay, to 30 January 2011:
  // 4 × £25.00 = £100.00 due, no fee (the CSA charged none); 4 × £25.00 paid and recorded → £0.00.
  const due = ['2011-01-03', '2011-01-10', '2011-01-17', '2011-01-24'];
  const r = reconcile({
    schedule: { decisions: [{ effectiveDate: '2011-01-03', weeklyAmount: '25.00' }], frequency: 'weekly', service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: due.map((d) => ({ date: d, type: 'payment_received' as const, amount: '25.00' })),
    bankTransactions: due.map((d) => ({ date: d, amount: '25.00', direction: 'out' as const, description: 'CSA' })),
    bankFilter: { includeAll: true },
    cmsClaim: { date: '2011-01-30', balance: '0.00' },
  });
  it('£100.00 due, £100.00 paid, no fees, nothing owed', () => {
    expect([m(r.balance.due), m(r.balance.paid), m(r.balance.recomputed)]).toEqual(['100.00', '100.00', '0.00']);
    expect(m(r.schedule.totals.collectionFees)).toBe('0.00');
    expect(r.findings).toEqual([]);
  });
});
