/**
 * A paying parent paid weekly, with a deduction from earnings order: £90.00 deducted every Friday (£75 a week on
 * Collect and Pay with its 20% fee: 75 × 1.2 = 90), and the employer paying CMS once a month, on the 15th, the month's
 * deductions together (SI 1992/1989 reg 14(1): by the 19th of the month after). A probe of 6 December 2026: each
 * receipt (£360.00 for four Fridays, £450.00 for five) was paired with one payslip as a wrong amount, and the other
 * payslips were "money taken and not credited": 20 false findings in 26 weeks, and a letter saying 23 entries wrong.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../calc/dates.ts';
import type { CmsEntryInput, EvidenceInput } from '../../../calc/ledger/entries.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const FIRST_FRIDAY = '2024-01-05';

/** 26 Fridays from 5 January to 28 June 2024; each month's deductions paid over on the 15th of the next, to `asOf`. */
function story(o: { keptEach?: number; leaveOut?: string; asOf?: string } = {}): ReconcileInput {
  const asOf = o.asOf ?? '2024-06-30';
  const evidence: EvidenceInput[] = [];
  const byMonth = new Map<string, number>();
  for (let w = 0; w < 26; w++) {
    const friday = addDays(FIRST_FRIDAY, 7 * w);
    evidence.push({ id: `slip-${friday}`, type: 'payslip_deduction', date: friday, amount: '90.00' });
    byMonth.set(friday.slice(0, 7), (byMonth.get(friday.slice(0, 7)) ?? 0) + 1);
  }
  const cmsEntries: CmsEntryInput[] = [];
  for (const [month, count] of byMonth) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const on = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-15`;
    if (on > asOf || month === o.leaveOut) continue;
    const pence = count * (9000 - (o.keptEach ?? 0));
    cmsEntries.push({ id: `deo-${month}`, date: on, type: 'deo_receipt', amount: (pence / 100).toFixed(2) });
  }
  return {
    schedule: {
      decisions: [{ effectiveDate: FIRST_FRIDAY, weeklyAmount: 75, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'weekly',
      asOf,
    },
    side: 'paying',
    cmsEntries,
    evidence,
  };
}

describe('a month of weekly payslip deductions paid over to CMS in one payment', () => {
  it('is those deductions: nothing uncredited, and the four June deductions are still in time', () => {
    const r = reconcile(story());
    // January 4 × £90.00 = £360.00 on 15 February; March 5 × £90.00 = £450.00 on 15 April; ... May's on 15 June.
    expect(
      r.matches
        .filter((m) => m.reason === 'payslips_paid_over_together')
        .map((m) => [m.cmsEntryIds[0], m.evidenceIds.length, m.amount.toFixed(2)]),
    ).toEqual([
      ['deo-2024-01', 4, '360.00'],
      ['deo-2024-02', 4, '360.00'],
      ['deo-2024-03', 5, '450.00'],
      ['deo-2024-04', 4, '360.00'],
      ['deo-2024-05', 5, '450.00'],
    ]);
    // June's Fridays (7, 14, 21, 28) may be paid over until 19 July.
    expect(r.findings.map((f) => [f.kind, f.date])).toEqual([
      ['deduction_in_transit', '2024-06-07'],
      ['deduction_in_transit', '2024-06-14'],
      ['deduction_in_transit', '2024-06-21'],
      ['deduction_in_transit', '2024-06-28'],
    ]);
    expect(r.matches.find((m) => m.cmsEntryIds[0] === 'deo-2024-03')?.explanation).toBe(
      "5 payslips' deductions from one month make up the £450.00 CMS received from the employer in one payment: an employer pays a month's deductions over by the 19th of the month after (SI 1992/1989 reg 14(1)).",
    );
  });

  it('with the employer’s £1 kept from each deduction: the same, and the £1s are not maintenance', () => {
    // March: 5 × (£90.00 − £1.00) = £445.00.
    const r = reconcile(story({ keptEach: 100 }));
    const march = r.matches.find((m) => m.cmsEntryIds[0] === 'deo-2024-03');
    expect([march?.reason, march?.amount.toFixed(2)]).toEqual(['payslips_paid_over_together', '445.00']);
    expect(march?.explanation).toContain('less the £5.00 the employer kept for its costs (£1.00 a deduction)');
    expect(r.findings.map((f) => f.kind)).toEqual([
      'deduction_in_transit',
      'deduction_in_transit',
      'deduction_in_transit',
      'deduction_in_transit',
    ]);
  });

  it('a month CMS never received is still money taken and not credited, deduction by deduction', () => {
    // February's four Fridays (2, 9, 16, 23 February), due by 19 March: none reached CMS.
    const r = reconcile(story({ leaveOut: '2024-02' }));
    const uncredited = r.findings.filter((f) => f.kind === 'deduction_not_credited');
    expect(uncredited.map((f) => [f.date, f.amount.toFixed(2)])).toEqual([
      ['2024-02-02', '90.00'],
      ['2024-02-09', '90.00'],
      ['2024-02-16', '90.00'],
      ['2024-02-23', '90.00'],
    ]);
  });
});
