/**
 * Direct Pay, paying side, £60 a week paid fortnightly from Friday 5 January 2024: £60 × 2 = £120.00 due on 10 Fridays
 * to 10 May (£1,200.00). Paid £120.00 on each but: 16 February paid on 20 February; 29 March missed; 12 April £240.00
 * (that instalment and a catch-up of 29 March's); 10 May £100.00 (£20.00 short). The receiving parent reported 16
 * February missed (on 19 February, before it was paid), 29 March missed and 10 May £20.00 short. CMS's figure is the
 * reports: 120.00 + 120.00 + 20.00 = £260.00; the truth 1,200.00 − (7 × 120.00 + 240.00 + 100.00 = 1,180.00) = £20.00.
 * A meaning probe of 6 December 2026: the catch-up was carried forward as a payment in advance and paid 10 May's
 * shortfall, so the right 10 May report was "paid: £100.00 left your account", and "£100.00 more than the instalment
 * (£120.00) was paid for the one due on 10 May". Now the £120.00 is the catch-up of 29 March's reported arrears.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../calc/dates.ts';
import type { BankTransactionInput } from '../../../calc/ledger/entries.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';

const PAID: Record<string, [string, string] | undefined> = {
  '2024-02-16': ['2024-02-20', '120.00'],
  '2024-03-29': undefined,
  '2024-04-12': ['2024-04-12', '240.00'],
  '2024-05-10': ['2024-05-10', '100.00'],
};
/** A bank line of the stories below, its id from its date. */
const bankLine = (date: string, amount: string, direction: 'in' | 'out', description: string): BankTransactionInput => ({
  id: `bank-${date}`,
  date,
  amount,
  direction,
  description,
});

const bankTransactions: BankTransactionInput[] = [];
for (let k = 0; k < 10; k++) {
  const due = addDays('2024-01-05', 14 * k);
  const paid: readonly [string, string] | undefined = due in PAID ? PAID[due] : [due, '120.00'];
  if (paid) bankTransactions.push({ ...bankLine(paid[0], paid[1], 'out', 'SO K JONES CHILD MAINT'), id: `bank-${due}` });
}

describe('a catch-up after a reported missed payment, and a later short payment reported rightly', () => {
  const r = reconcile({
    schedule: {
      decisions: [{ effectiveDate: '2024-01-05', weeklyAmount: 60 }],
      service: 'direct_pay',
      frequency: 'fortnightly',
      asOf: '2024-05-20',
    },
    side: 'paying',
    cmsEntries: [
      { id: 'report-feb', date: '2024-02-19', type: 'missed_payment_reported', amount: '120.00' },
      { id: 'report-mar', date: '2024-04-01', type: 'missed_payment_reported', amount: '120.00' },
      { id: 'report-may', date: '2024-05-13', type: 'missed_payment_reported', amount: '20.00' },
    ],
    bankTransactions,
    bankFilter: { descriptionContains: ['CHILD MAINT'] },
    cmsClaim: { date: '2024-05-20', balance: '260.00' },
  });

  it('the 16 February report (paid late) and the uncredited catch-up of 12 April: £260.00 − £240.00 = £20.00', () => {
    expect(r.findings.map((f) => [f.kind, f.date, f.effect.toFixed(2)])).toEqual([
      ['reported_missed_but_paid', '2024-02-16', '120.00'],
      ['extra_payment_not_credited', '2024-04-12', '120.00'],
    ]);
    expect(r.findings[1]!.explanation).toBe(
      '£120.00 more than the instalment (£120.00) was paid for the one due on 12 April 2024, making up the instalment due on 29 March 2024 that was reported missed; on Direct Pay CMS records no payments, so it has not set this against the arrears that report made.',
    );
    expect(r.balance.recomputed.toFixed(2)).toBe('20.00');
  });

  it('the 29 March and 10 May reports agree with the evidence', () => {
    expect(r.matches.filter((m) => m.reason === 'report_agrees').map((m) => m.cmsEntryIds)).toEqual([['report-mar'], ['report-may']]);
  });
});

describe('a catch-up with no later report: two reported missed, one catch-up, nothing reported after it', () => {
  // £40 a week paid fortnightly from Friday 5 January 2024: £80.00 due on 5 January … 15 March (6 × £80.00 = £480.00).
  // 2 and 16 February missed and reported; £80.00 on 5 and 19 January, 1 March, 8 March (a catch-up) and 15 March:
  // £400.00 paid, £80.00 owed; CMS's reports make £160.00. A meaning probe of 6 December 2026: the catch-up was
  // "£80.00 more than the instalment was paid for the one due on 15 March", citing 15 March's ordinary payment.
  const out = (date: string) => bankLine(date, '80.00', 'out', 'CHILD MAINT');
  const r = reconcile({
    schedule: {
      decisions: [{ effectiveDate: '2024-01-05', weeklyAmount: 40 }],
      service: 'direct_pay',
      frequency: 'fortnightly',
      asOf: '2024-03-20',
    },
    side: 'paying',
    cmsEntries: [
      { id: 'report-feb-02', date: '2024-02-05', type: 'missed_payment_reported', amount: '80.00' },
      { id: 'report-feb-16', date: '2024-02-19', type: 'missed_payment_reported', amount: '80.00' },
    ],
    bankTransactions: ['2024-01-05', '2024-01-19', '2024-03-01', '2024-03-08', '2024-03-15'].map(out),
    bankFilter: { descriptionContains: ['CHILD MAINT'] },
    cmsClaim: { date: '2024-03-20', balance: '160.00' },
  });

  it('is the catch-up of the oldest reported instalment, paid in the period of 1 March: £160.00 − £80.00 = £80.00', () => {
    expect(r.findings.map((f) => [f.kind, f.date, f.effect.toFixed(2), f.facts.catchUpFor])).toEqual([
      ['extra_payment_not_credited', '2024-03-01', '80.00', '2024-02-02'],
    ]);
    expect(r.findings[0]!.citations.map((c) => c.id)).toEqual(['bank-2024-03-01', 'bank-2024-03-08']);
    expect(r.balance.recomputed.toFixed(2)).toBe('80.00');
  });
});

describe('a short payment reported, then topped up after the report (receiving side)', () => {
  // £60 a week monthly from 1 January 2024: £60 × 52 ÷ 12 = £260.00 a month. March: £150.00 reached her on 1 March,
  // she reported £110.00 short on 4 March, and £110.00 reached her on 20 March. Before: "… but it was paid", as if the
  // report had been wrong (a Direct Pay meaning probe, 6 December 2026).
  const into = (date: string, amount: string) => bankLine(date, amount, 'in', 'FROM CHILD MAINT');
  const r = reconcile({
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }],
      service: 'direct_pay',
      frequency: 'monthly',
      asOf: '2024-03-31',
    },
    side: 'receiving',
    cmsEntries: [{ id: 'report-mar', date: '2024-03-04', type: 'missed_payment_reported', amount: '110.00' }],
    bankTransactions: [
      into('2024-01-01', '260.00'),
      into('2024-02-01', '260.00'),
      into('2024-03-01', '150.00'),
      into('2024-03-20', '110.00'),
    ],
    bankFilter: { descriptionContains: ['CHILD MAINT'] },
    cmsClaim: { date: '2024-03-31', balance: '110.00' },
  });

  it('says the report was right when made and the rest was paid after it', () => {
    expect(r.findings.map((f) => [f.kind, f.date, f.effect.toFixed(2)])).toEqual([['reported_missed_but_paid', '2024-03-01', '110.00']]);
    expect(r.findings[0]!.explanation).toBe(
      'A missed payment of £110.00 was reported to CMS for the instalment due on 1 March 2024, and the rest of it was paid after the report: ' +
        '£150.00 reached your account on 1 March 2024 ("FROM CHILD MAINT"); £110.00 reached your account on 20 March 2024 ("FROM CHILD MAINT"). ' +
        'The report was right when it was made, but the instalment has since been paid in full, so it is not owed.',
    );
  });
});
