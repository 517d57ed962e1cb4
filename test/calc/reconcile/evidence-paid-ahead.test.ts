/**
 * The note on where the evidence of payment ends counts as the balance does (MCP audit 2, finding 6): an instalment
 * due after the evidence ends, already paid by evidence dated before its due date, is not unpaid. The figures and
 * their arithmetic are in ./between-instalments.ts: five payslip deductions of £615.06 (28 March to 26 July 2024) pay
 * the five instalments due 28 March to 28 July (416.00 + 199.06 each); the next, 28 August, is 416.00 + 199.03.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { betweenInstalments, cmsEntries, payslips } from './between-instalments.ts';

describe('the note on where the evidence ends counts as the balance does (finding 6)', () => {
  const notes = (r: ReturnType<typeof reconcile>) => r.warnings.filter((w) => w.startsWith('The evidence of payment given ends'));

  it('an instalment paid ahead by a payslip before its due date is not unpaid: no note', () => {
    // The last payslip, 26 July, paid the instalment due on 28 July; no payday fell between it and 20 August. Before:
    // "1 instalment fell due after it (£615.06 in all) and count as unpaid", beside a balance of nothing owed.
    const r = reconcile(betweenInstalments());
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
    expect(notes(r)).toEqual([]);
  });

  it('one instalment unpaid after the evidence ends: "counts", in the singular', () => {
    // Without the 26 July payslip the evidence ends on 28 June; the 28 July instalment, £615.06, is unpaid, and the
    // balance is £615.06.
    const r = reconcile({ ...betweenInstalments(), evidence: payslips.slice(0, 4) });
    expect(formatMoney(r.balance.recomputed)).toBe('615.06');
    expect(notes(r)).toEqual([
      'The evidence of payment given ends on 2024-06-28, but the balance is worked out to 2024-08-20: 1 instalment fell due after it ' +
        '(£615.06) and counts as unpaid, as nothing given shows it paid. Give the statements up to 2024-08-20, or reconcile as of 2024-06-28 (asOf).',
    ]);
  });

  it('part paid ahead, part unpaid: the note names both, and the unpaid part is the balance', () => {
    // To 30 September: after 26 July fall 28 July (416.00 + 199.06 = 615.06), 28 August (416.00 + 199.03 = 615.03) and
    // 28 September (416.00): 1,646.09. The 26 July payslip paid the first ahead; 615.03 + 416.00 = £1,031.03 is unpaid,
    // which is the balance: due 3,075.30 + 615.03 + 416.00 = 4,106.33, less 3,075.30 paid.
    const { cmsClaim: _c, ...input } = betweenInstalments();
    const r = reconcile({ ...input, cmsEntries, schedule: { ...input.schedule, asOf: '2024-09-30' } });
    expect(formatMoney(r.balance.recomputed)).toBe('1031.03');
    expect(notes(r)).toEqual([
      'The evidence of payment given ends on 2024-07-26, but the balance is worked out to 2024-09-30: 3 instalments fell due after it ' +
        '(£1,646.09 in all). £615.06 of them is paid ahead of time, by what the evidence shows paid up to 2024-07-26; the rest, ' +
        '£1,031.03, counts as unpaid, as nothing given shows it paid. Give the statements up to 2024-09-30, or reconcile as of 2024-07-26 (asOf).',
    ]);
  });
});
