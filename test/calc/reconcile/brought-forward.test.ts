/**
 * A balance CMS brings forward from inside the case's history: the statement starts on 1 June 2025 with "Balance
 * brought forward £X", CMS's whole account before then in one figure, while the decisions start on 6 January 2025.
 *
 * The account (computed): £50.00 a week from 6 January 2025, monthly on the 6th, Collect and Pay: 50 × 52 ÷ 12 =
 * £216.67 a month and the paying parent's 20% fee £43.33 (SI 2014/612 reg 7), £260.00 a month. Five instalments fall
 * due before 1 June (6 January to 6 May: 5 × 260.00 = £1,300.00) and three from it (6 June, 6 July, 6 August:
 * £780.00), to 31 August 2025. The bank shows £260.00 paid on each due day but 6 March: 4 × 260.00 = £1,040.00 before
 * 1 June, 3 × 260.00 = £780.00 from it. Reckoner's side: 2,080.00 − 1,820.00 = £260.00 owed; at the end of 31 May,
 * 1,300.00 − 1,040.00 = £260.00. CMS's entries from 1 June charge £216.67 and £43.33 each month and record each
 * £260.00 payment.
 *
 * Before (calc read an opening_balance only as arrears carried in from before the decisions): each payment before
 * 1 June was "£260.00 left your account on 6 January 2025 ("CMS"), but CMS has no record of it" (four findings), and
 * the bridge had "CMS's figure (£260.00) is £1,040.00 lower than its entries …; nothing in the entries given explains
 * it"; given the balance brought forward, it warned "the periods before it are counted twice" and left £1,300.00
 * unexplained. On Direct Pay, March's unpaid instalment was "not paid in full …, and CMS was not told", beside an
 * unexplained £216.67.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { BEFORE_JUNE_PAID, collectAndPay, FROM_JUNE, paidOn } from './brought-forward.ts';
import { bridge, findings, ignored, matches, paired } from './helpers.ts';

const money = (d: { toFixed(n: number): string } | undefined) => d?.toFixed(2);

describe('a balance brought forward equal to what the case makes owed by then', () => {
  // CMS brings forward £260.00 (March unpaid): the same as 1,300.00 − 1,040.00. CMS: 260.00 + 780.00 − 780.00 =
  // £260.00; Reckoner: £260.00. Nothing to explain.
  const r = reconcile(collectAndPay('260.00', '260.00'));

  it('has no line and no finding: the payments before 1 June are in the balance brought forward', () => {
    expect([r.balance.recomputed, r.balance.cmsEntriesTotal, r.balance.cmsEntriesFilledIn, r.balance.openingBalance].map(money)).toEqual([
      '260.00',
      '260.00',
      '0.00',
      '0.00',
    ]);
    expect(findings(r)).toEqual([]);
    expect(bridge(r)).toEqual({ from: '260.00', to: '260.00', lines: [], addsUp: true });
    expect([r.bridge.broughtForward?.cms, r.bridge.broughtForward?.owed, r.bridge.broughtForward?.difference].map(money)).toEqual([
      '260.00',
      '260.00',
      '0.00',
    ]);
    // Each payment before 1 June is accounted for as in that one figure; those from it are matched with CMS's records.
    expect(matches(r)).toEqual(
      paired([
        ...BEFORE_JUNE_PAID.map((d) => ({ reason: 'in_balance_brought_forward', cms: [], bank: [`bank-${d}`] })),
        ...FROM_JUNE.map((d) => ({ reason: 'exact_amount', cms: [`received-${d}`], bank: [`bank-${d}`] })),
        ...FROM_JUNE.map((d) => ({ reason: 'schedule_agrees', cms: [`liability-${d}`], bank: [] })),
        ...FROM_JUNE.map((d) => ({ reason: 'schedule_agrees', cms: [`fee-${d}`], bank: [] })),
      ]),
    );
    expect(r.matches.filter((m) => m.reason === 'in_balance_brought_forward').map((m) => m.explanation)[0]).toBe(
      '£260.00 paid before the day CMS brings its balance forward from (1 June 2025), and recorded in none of its entries from then on: it is in that balance, which is compared as one figure with what the records make owed then.',
    );
    expect(r.warnings.join('\n')).not.toMatch(/counted twice/);
  });

  it('leaves CMS’s balance unknown for the periods that end before 1 June, not nil', () => {
    // Periods from the 6th: four end before 1 June (5 January … 5 May), where CMS's account is the one figure brought
    // forward. The fifth (6 May to 5 June) ends with it: £260.00; then each month +£260.00 charged −£260.00 recorded.
    // Before, those four rows said CMS's balance was £0.00, and a chart drew CMS at nil before its day.
    expect(r.periods.map((p) => [p.periodEnd, p.cmsUnknown ? 'not known' : money(p.runningBalancePerCms)])).toEqual([
      ['2025-02-05', 'not known'],
      ['2025-03-05', 'not known'],
      ['2025-04-05', 'not known'],
      ['2025-05-05', 'not known'],
      ['2025-06-05', '260.00'],
      ['2025-07-05', '260.00'],
      ['2025-08-05', '260.00'],
      ['2025-09-05', '260.00'],
    ]);
    // Without a balance brought forward, every period's is known.
    expect(reconcile({ ...collectAndPay('260.00', '260.00'), cmsEntries: [] }).periods.some((p) => p.cmsUnknown)).toBe(false);
  });

  it('sets aside a line of CMS’s dated before 1 June as in the balance brought forward, not as CMS’s error', () => {
    // A record of the 6 May payment typed in from an older statement: it is in the £260.00, not a second credit.
    const withOld = reconcile(
      collectAndPay('260.00', '260.00', [{ id: 'old-received', date: '2025-05-06', type: 'payment_received', amount: '260.00' }]),
    );
    expect(ignored(withOld)).toEqual(['old-received: in_balance_brought_forward']);
    expect(findings(withOld)).toEqual([]);
    expect(bridge(withOld)).toEqual({ from: '260.00', to: '260.00', lines: [], addsUp: true });
  });
});

describe('a balance brought forward higher than the case makes owed by then', () => {
  // CMS brings forward £520.00, £260.00 more than 1,300.00 − 1,040.00 = £260.00. CMS: 520.00 + 780.00 − 780.00 =
  // £520.00; Reckoner £260.00; the one line: 520.00 − 260.00 = £260.00, in the paying parent's favour.
  const r = reconcile(collectAndPay('520.00', '520.00'));

  it('is one line of exactly that amount, saying both figures, and nothing unexplained', () => {
    expect(findings(r)).toEqual([]);
    expect(bridge(r)).toEqual({ from: '520.00', to: '260.00', lines: ['balance_brought_forward 260.00'], addsUp: true });
    const line = r.bridge.lines[0]!;
    expect([line.date, money(line.effects.maintenance), money(line.effects.collectionFees)]).toEqual(['2025-06-01', '260.00', '0.00']);
    expect(line.description).toBe(
      "CMS brings forward £520.00 on 1 June 2025: its account before that day in one figure, with none of its entries for the time before it. The decisions and the evidence make £260.00 owed at the end of 31 May 2025 (£1,300.00 due under the payment plan before 1 June 2025 − £1,040.00 paid before it). CMS's balance brought forward is £260.00 higher than that: the difference arose before 1 June 2025, and CMS's statements for the time before it would show where.",
    );
    expect([r.bridge.inPayingParentsFavour.count, money(r.bridge.inPayingParentsFavour.amount)]).toEqual([1, '260.00']);
    expect(r.bridge.subtotals.map((s) => [s.kind, s.count, money(s.amount)])).toEqual([['balance_brought_forward', 1, '260.00']]);
    expect(r.trace.find((t) => t.step === 'brought_forward')?.value).toBe('260.00');
  });

  it('keeps the lines from 1 June entry by entry: a payment CMS did not record then is still its own finding', () => {
    // CMS's entries without the 6 July payment: its figure 520.00 + 780.00 − 520.00 = £780.00; the lines: the balance
    // brought forward £260.00 and the payment CMS has no record of £260.00, together 780.00 − 260.00 = £520.00.
    const input = collectAndPay('520.00', '780.00');
    const r2 = reconcile({ ...input, cmsEntries: input.cmsEntries!.filter((e) => e.id !== 'received-2025-07-06') });
    expect(findings(r2)).toEqual([
      { kind: 'payment_missing_from_cms', amount: '260.00', effect: '260.00', cms: [], bank: ['bank-2025-07-06'] },
    ]);
    expect(bridge(r2)).toEqual({
      from: '780.00',
      to: '260.00',
      lines: ['balance_brought_forward 260.00', 'payment_missing_from_cms 260.00'],
      addsUp: true,
    });
  });
});

describe('Direct Pay: a balance brought forward is CMS’s reported arrears before its day', () => {
  // £216.67 a month on Direct Pay (no fees). CMS records no payments; it brings forward £216.67 (March reported
  // missed) on 1 June, and from then records one report: July's instalment missed, on 10 July. The bank shows every
  // instalment paid but March's: Reckoner 8 × 216.67 − 7 × 216.67 = £216.67; at the end of 31 May 5 × 216.67 −
  // 4 × 216.67 = £216.67. CMS: 216.67 + 216.67 = £433.34.
  const input: ReconcileInput = {
    schedule: {
      decisions: [{ effectiveDate: '2025-01-06', weeklyAmount: '50.00' }],
      frequency: 'monthly',
      firstDueDate: '2025-01-06',
      service: 'direct_pay',
      asOf: '2025-08-31',
    },
    side: 'paying',
    cmsEntries: [
      { id: 'bf', date: '2025-06-01', type: 'opening_balance', amount: '216.67', description: 'Balance brought forward' },
      { id: 'report-july', date: '2025-07-10', type: 'missed_payment_reported', amount: '216.67' },
    ],
    bankTransactions: paidOn([...BEFORE_JUNE_PAID, ...FROM_JUNE], '216.67'),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2025-08-31', balance: '433.34' },
  };
  const r = reconcile(input);

  it('makes no finding before 1 June, and checks the report from it as Direct Pay is checked', () => {
    expect(findings(r)).toEqual([{ kind: 'reported_missed_but_paid', amount: '216.67', effect: '216.67', cms: ['report-july'], bank: [] }]);
    expect(bridge(r)).toEqual({ from: '433.34', to: '216.67', lines: ['reported_missed_but_paid 216.67'], addsUp: true });
    expect([r.bridge.broughtForward?.owed, r.bridge.broughtForward?.difference].map(money)).toEqual(['216.67', '0.00']);
  });

  it('brought forward as nil, the unpaid March instalment is the line, not "CMS was not told"', () => {
    // CMS brings forward £0.00: 0.00 − 216.67 = −£216.67, CMS's figure lower, in the receiving parent's favour.
    const nil = reconcile({
      ...input,
      cmsEntries: [{ ...input.cmsEntries![0]!, amount: '0.00' }],
      cmsClaim: { date: '2025-08-31', balance: '0.00' },
    });
    expect(findings(nil)).toEqual([]);
    expect(bridge(nil)).toEqual({ from: '0.00', to: '216.67', lines: ['balance_brought_forward -216.67'], addsUp: true });
    expect([nil.bridge.inReceivingParentsFavour.count, formatMoney(nil.bridge.inReceivingParentsFavour.amount)]).toEqual([1, '216.67']);
  });
});
