/**
 * A receiving parent's own reports of missed Direct Pay payments that CMS did not record (calc/reconcile/
 * parent-reports.ts; a journey probe, story 2). The story: ./direct-pay-early.ts — £398.67 a month on the 15th;
 * nothing paid for March, April or June, £200.00 of May's; CMS's record holds her reports of March and June only
 * (£797.34). She also reported April by phone on 22 April 2025 (call ref 55120) and May's £198.67 on 20 May.
 * Before, the two shortfalls CMS's record leaves out were "shortfalls nobody reported … and CMS was not told".
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { directPayEarly } from './direct-pay-early.ts';

const REPORTS = [
  { id: 'call-april', date: '2025-04-22', reference: 'call ref 55120' },
  { id: 'call-may', date: '2025-05-20', amount: '198.67', reference: 'by phone' },
];

describe('a shortfall she reported that CMS did not record is CMS’s error', () => {
  const r = reconcile({ ...directPayEarly, missedPaymentReports: REPORTS });

  it('April and May are reports CMS did not record, not shortfalls nobody reported', () => {
    expect(r.findings.map((f) => [f.kind, f.date, f.amount.toFixed(2)])).toEqual([
      ['missed_payment_report_not_recorded', '2025-04-15', '398.67'],
      // £398.67 − £200.00 paid = £198.67, all of it reported.
      ['missed_payment_report_not_recorded', '2025-05-15', '198.67'],
    ]);
    expect(r.findings[0]!.explanation).toBe(
      'The instalment of £398.67 due on 15 April 2025 was not paid in full (£0.00 paid for it, £398.67 short). ' +
        "It was reported on 22 April 2025 (call ref 55120), not recorded by CMS: on Direct Pay CMS's arrears arise from the missed payments reported, so its figure should include this.",
    );
    expect(r.findings.map((f) => f.explanation).join(' ')).not.toContain('CMS was not told');
  });

  it('the statement still goes from CMS’s £797.34 to £1,394.68: £797.34 − £398.67 − £198.67 = −£597.34 … to £1,394.68', () => {
    expect(r.bridge.subtotals.map((s) => [s.kind, s.count, s.amount.toFixed(2)])).toEqual([
      ['missed_payment_report_not_recorded', 2, '-597.34'],
    ]);
    expect(r.balance.recomputed.toFixed(2)).toBe('1394.68');
    expect(r.trace.find((s) => s.step === 'bridge')!.description).toContain('2 shortfalls reported but not recorded -£597.34');
  });

  it('a report of less than the shortfall covers only what it reported; the rest is still nobody’s report', () => {
    // May reported as £100.00 short: £100.00 not recorded, £198.67 − £100.00 = £98.67 nobody reported.
    const part = reconcile({ ...directPayEarly, missedPaymentReports: [{ date: '2025-05-20', amount: '100.00' }] });
    expect(part.findings.map((f) => [f.kind, f.date, f.amount.toFixed(2)])).toEqual([
      ['missed_payment_not_reported', '2025-04-15', '398.67'],
      ['missed_payment_not_reported', '2025-05-15', '98.67'],
      ['missed_payment_report_not_recorded', '2025-05-15', '100.00'],
    ]);
    expect(part.findings[1]!.explanation).toContain('A missed payment of £100.00 was reported to CMS for it, but £98.67 more was not paid');
  });

  it('a report of an instalment CMS did record, or one paid in full, changes nothing', () => {
    // March is on CMS's record; February was paid (on 14 February).
    const same = reconcile({
      ...directPayEarly,
      missedPaymentReports: [
        { date: '2025-03-18', dueDate: '2025-03-15' },
        { date: '2025-02-20', dueDate: '2025-02-15' },
      ],
    });
    expect(same.findings.map((f) => f.kind)).toEqual(['missed_payment_not_reported', 'missed_payment_not_reported']);
  });

  it('with none of CMS’s entries given, whether CMS recorded her report is not known, and the words say so', () => {
    const { cmsEntries: _e, ...bankOnly } = directPayEarly;
    const none = reconcile({ ...bankOnly, missedPaymentReports: REPORTS.slice(0, 1) });
    const april = none.findings.find((f) => f.date === '2025-04-15')!;
    expect(april.kind).toBe('missed_payment_not_reported');
    expect(april.explanation).toContain(
      "It was reported on 22 April 2025 (call ref 55120); none of CMS's entries was given, so whether CMS recorded the report is not known",
    );
  });

  it('refuses a report of an instalment not yet due when it was made, naming the field', () => {
    expect(() => reconcile({ ...directPayEarly, missedPaymentReports: [{ date: '2025-04-10', dueDate: '2025-04-15' }] })).toThrow(
      InputError,
    );
    expect(() => reconcile({ ...directPayEarly, missedPaymentReports: [{ date: '2025-04-10', dueDate: '2025-04-15' }] })).toThrow(
      /missedPaymentReports\[0\]\.dueDate/,
    );
  });
});
