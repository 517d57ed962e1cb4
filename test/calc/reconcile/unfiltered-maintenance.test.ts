/**
 * Without a bankFilter, a whole bank statement is given: maintenance payments no single amount gives away must still
 * count, and rent, savings and wages must not (journey probe F1, .scratch/journey/FINDINGS.md, stories S9 and S1).
 * cms-accounts.md §1: on Direct Pay "a bank payment with no CMS record is normal"; DESIGN principle 6: Reckoner never
 * invents a transaction, nor a non-payment.
 *
 * Schedule (both stories): £60.00 a week, Direct Pay, monthly on the 1st. Instalment £60 × 52 ÷ 12 = £260.00
 * (SI 1992/1989 reg 4: equal instalments of the 52-week amount).
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { addDays } from '../../../calc/dates.ts';
import { balance, findings, ignored } from './helpers.ts';

type Row = { id: string; date: string; amount: string; direction: 'in' | 'out'; description: string };

/** Every Friday from `first` to `last` (inclusive), as one bank row each. */
function fridays(first: string, last: string, amount: string, description: string, prefix: string, direction: 'in' | 'out' = 'out'): Row[] {
  const out: Row[] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) out.push({ id: `${prefix}-${d}`, date: d, amount, direction, description });
  return out;
}
/** The 1st (or `day`) of each month `from`–`to` of 2024, one bank row each. */
function monthly(
  months: readonly number[],
  amount: string,
  description: string,
  prefix: string,
  direction: 'in' | 'out',
  day = '01',
): Row[] {
  return months.map((m) => {
    const date = `2024-${String(m).padStart(2, '0')}-${day}`;
    return { id: `${prefix}-${date}`, date, amount, direction, description };
  });
}

// S9: £60 every Friday, 5 April – 27 September 2024 (26 Fridays: 26 × £60 = £1,560.00 = 6 instalments × £260.00).
const WEEKLY = fridays('2024-04-05', '2024-09-27', '60.00', 'C PROBE CM', 'cm');
const WAGES = monthly([4, 5, 6, 7, 8, 9], '1850.00', 'ACME LTD WAGES', 'wages', 'in', '25');

function s9(rows: readonly Row[], more: Partial<ReconcileInput> = {}): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-04-01', weeklyAmount: 60 }],
      service: 'direct_pay',
      frequency: 'monthly',
      firstDueDate: '2024-04-01',
    },
    side: 'paying',
    // The receiving parent reported June missed; CMS says £260.00 owed.
    cmsEntries: [{ id: 'report-jun', date: '2024-06-01', type: 'missed_payment_reported', amount: '260.00' }],
    bankTransactions: rows,
    cmsClaim: { date: '2024-09-30', balance: '260.00' },
    ...more,
  };
}

describe('a weekly payer against a monthly schedule (S9), without a bankFilter', () => {
  it('counts every weekly payment to a payee that names the other parent: nothing owed, June’s report wrong', () => {
    const r = reconcile(s9([...WEEKLY, ...WAGES], { otherParentNames: ['Cat Probe'] }));
    expect(WEEKLY).toHaveLength(26);
    // Due 6 × £260.00 = £1,560.00; paid 26 × £60.00 = £1,560.00; owed £0.00.
    expect(balance(r)).toMatchObject({ due: '1560.00', paid: '1560.00', recomputed: '0.00', cmsClaimed: '260.00', difference: '260.00' });
    // The same findings as with a bankFilter naming the payee (the reading of weekly payments against monthly
    // instalments is direct-pay.ts's, unchanged): together they take June's £260.00 report off CMS's figure.
    const filtered = reconcile(s9([...WEEKLY, ...WAGES], { bankFilter: { descriptionContains: ['C PROBE'] } }));
    expect(findings(r)).toEqual(findings(filtered));
    expect(r.findings.reduce((a, f) => a.plus(f.effect), r.balance.due.minus(r.balance.due)).toFixed(2)).toBe('260.00');
    expect(r.setAside).toBeUndefined();
    // The wages are money in on the paying side: set aside, as before.
    expect(ignored(r)).toEqual(WAGES.map((w) => `${w.id}: not_a_maintenance_payment`).sort());
    // What was assumed is said.
    expect(r.warnings.join('\n')).toContain(
      'counted as maintenance for whom they went to: 26 payments to “C PROBE CM” (£1,560.00), because the description names the other parent (Cat Probe)',
    );
  });

  it('counts them where the description names child maintenance, without the names', () => {
    const rows = WEEKLY.map((w) => ({ ...w, description: 'CHILD MAINT C PROBE' }));
    const r = reconcile(s9([...rows, ...WAGES]));
    expect(balance(r)).toMatchObject({ paid: '1560.00', recomputed: '0.00' });
  });

  it('with nothing linking them to the other parent, says they were set aside instead of "£0.00 paid"', () => {
    const r = reconcile(s9([...WEEKLY, ...WAGES]));
    // Set aside, the balance is due less nothing: 6 × £260.00 = £1,560.00 (as before: the reading is unchanged).
    expect(balance(r)).toMatchObject({ paid: '0.00', recomputed: '1560.00' });
    expect(r.setAside && { count: r.setAside.count, total: r.setAside.total.toFixed(2) }).toEqual({ count: 26, total: '1560.00' });
    const short = r.findings.filter((f) => f.kind === 'missed_payment_not_reported');
    // April, May, July, August, September (June was reported): five shortfalls of £260.00.
    expect(short.map((f) => f.date)).toEqual(['2024-04-01', '2024-05-01', '2024-07-01', '2024-08-01', '2024-09-01']);
    for (const f of short) {
      expect(f.explanation).not.toContain('(£0.00 paid for it,');
      expect(f.explanation).toContain('£0.00 paid for it among the payments counted as maintenance');
      expect(f.explanation).toContain(
        'But 26 payments to “C PROBE CM” totalling £1,560.00, whose amounts fit the schedule, were set aside as not maintenance payments',
      );
      expect(f.explanation).toContain('give bankFilter.descriptionContains');
    }
    expect(r.warnings.join('\n')).toContain(
      '26 regular payments whose amounts fit the schedule were set aside as not maintenance payments, as nothing given links them to the other parent: 26 to “C PROBE CM” (£1,560.00)',
    );
  });

  it('a receiving parent: weekly money in from a payee naming the paying parent counts', () => {
    const rows = fridays('2024-04-05', '2024-09-27', '60.00', 'B PROBE', 'in', 'in');
    const r = reconcile({ ...s9(rows, { otherParentNames: ['Ben Probe'] }), side: 'receiving' });
    // She received 26 × £60.00 = £1,560.00 of £1,560.00 due: nothing owed to her.
    expect(balance(r)).toMatchObject({ paid: '1560.00', recomputed: '0.00' });
  });
});

describe('a part payment to the payee of the other maintenance payments (S1), without a bankFilter', () => {
  // £260.00 due on the 1st of each month of 2024: 12 × £260.00 = £3,120.00. Paid £260.00 on the 1st of each month but
  // July (nothing), September (£160.00) and November (3 November): 10 × £260.00 + £160.00 = £2,760.00. Owed £360.00
  // (July £260.00 + September £100.00). Reported: March £260 (paid), July £260, September £100, November £260 (paid):
  // CMS £880.00, £520.00 too high.
  const paidMonths = [1, 2, 3, 4, 5, 6, 8, 10, 12];
  const rows: Row[] = [
    ...monthly(paidMonths, '260.00', 'E PROBE', 'cm', 'out'),
    { id: 'cm-2024-11-03', date: '2024-11-03', amount: '260.00', direction: 'out', description: 'E PROBE' },
    { id: 'cm-2024-09-01', date: '2024-09-01', amount: '160.00', direction: 'out', description: 'E PROBE' },
    ...monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], '650.00', 'HOMELET RENT', 'rent', 'out', '02'),
    ...monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], '2100.00', 'ACME LTD WAGES', 'wages', 'in', '25'),
  ];
  const input: ReconcileInput = {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 60 }],
      service: 'direct_pay',
      frequency: 'monthly',
      firstDueDate: '2024-01-01',
    },
    side: 'paying',
    cmsEntries: [
      { id: 'r-mar', date: '2024-03-01', type: 'missed_payment_reported', amount: '260.00' },
      { id: 'r-jul', date: '2024-07-01', type: 'missed_payment_reported', amount: '260.00' },
      { id: 'r-sep', date: '2024-09-01', type: 'missed_payment_reported', amount: '100.00' },
      { id: 'r-nov', date: '2024-11-01', type: 'missed_payment_reported', amount: '260.00' },
    ],
    bankTransactions: rows,
    cmsClaim: { date: '2024-12-31', balance: '880.00' },
  };

  it('counts the £160.00: £360.00 owed, CMS £520.00 too high, no shortfall nobody reported', () => {
    const r = reconcile(input);
    expect(balance(r)).toMatchObject({ due: '3120.00', paid: '2760.00', recomputed: '360.00', cmsClaimed: '880.00', difference: '520.00' });
    expect(findings(r).map((f) => `${f.kind} ${f.effect}`)).toEqual(['reported_missed_but_paid 260.00', 'reported_missed_but_paid 260.00']);
    // Rent and wages stay out.
    expect(ignored(r)).toEqual(
      rows
        .filter((x) => x.id.startsWith('rent') || x.id.startsWith('wages'))
        .map((x) => `${x.id}: not_a_maintenance_payment`)
        .sort(),
    );
    expect(r.warnings.join('\n')).toContain(
      'One payment to “E PROBE” (£160.00), because 10 other payments to the same payee are maintenance payments by their amounts',
    );
  });
});

describe('regular transfers that are not maintenance stay out (negative case)', () => {
  // The maintenance: £260.00 to "C PROBE" on the 1st, April – September. Beside it, £60.00 every Friday to his own
  // savings ("B PROBE SAVINGS": his initial, not hers) and £60.00 every Friday to a landlord: regular, the weekly
  // amount each time, and together no more than was due — but nothing links them to the other parent.
  const maintenance = monthly([4, 5, 6, 7, 8, 9], '260.00', 'C PROBE', 'cm', 'out');
  const savings = fridays('2024-04-05', '2024-09-27', '60.00', 'B PROBE SAVINGS', 'sav');
  const landlord = fridays('2024-04-05', '2024-09-27', '60.00', 'J SMITH ROOM RENT', 'room');

  it('counts the £260.00 payments and nothing else: nothing owed, no set-aside warning', () => {
    const r = reconcile(s9([...maintenance, ...savings, ...landlord, ...WAGES], { otherParentNames: ['Cat Probe'] }));
    expect(balance(r)).toMatchObject({ paid: '1560.00', recomputed: '0.00' });
    expect(ignored(r)).toEqual([...savings, ...landlord, ...WAGES].map((x) => `${x.id}: not_a_maintenance_payment`).sort());
    expect(r.setAside).toBeUndefined();
  });

  it('with a real shortfall, keeps them out of the balance but names them beside it', () => {
    // July not paid: 5 × £260.00 = £1,300.00 paid of £1,560.00; £260.00 owed (June’s report is wrong: it was paid).
    const r = reconcile(
      s9([...maintenance.filter((x) => x.date !== '2024-07-01'), ...savings, ...landlord, ...WAGES], { otherParentNames: ['Cat Probe'] }),
    );
    expect(balance(r)).toMatchObject({ paid: '1300.00', recomputed: '260.00' });
    expect(findings(r).map((f) => `${f.kind} ${f.effect}`)).toEqual([
      'missed_payment_not_reported -260.00',
      'reported_missed_but_paid 260.00',
    ]);
    expect(r.setAside?.payees.map((p) => `${p.count} ${p.description} ${p.total.toFixed(2)}`)).toEqual([
      '26 B PROBE SAVINGS 1560.00',
      '26 J SMITH ROOM RENT 1560.00',
    ]);
    const july = r.findings.find((f) => f.kind === 'missed_payment_not_reported')!;
    expect(july.explanation).toContain('£0.00 paid for it among the payments counted as maintenance, £260.00 short');
  });
});
