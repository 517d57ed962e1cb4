/**
 * Thousands of records alike on one date: a security probe of 5 December 2026 sent 7,000 DEO receipts and 7,000
 * payslip deductions of £300.00 dated 3 June 2024 (826 KB, under the 1 MiB body limit), and the server ran out of
 * memory building every pair (49 million) before pairing them; bank payments and CMS's receipts alike did the same.
 * Each record is now weighed against the evidence nearest its date only (calc/reconcile/nearest.ts), the n-th of a
 * date starting from the n-th, so the pairing is the one it was: every record with its own.
 */
import { describe, expect, it } from 'vitest';
import type { BankTransactionInput, CmsEntryInput, EvidenceInput } from '../../../calc/ledger/entries.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';

const N = 7000;
const schedule = {
  decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 25 }],
  service: 'collect_and_pay' as const,
  frequency: 'monthly' as const,
  asOf: '2024-07-01',
};
const many = <T>(make: (i: number) => T): T[] => Array.from({ length: N }, (_, i) => make(i));

describe(`${N} records and ${N} pieces of evidence alike, on one date`, () => {
  it('DEO receipts and payslip deductions: each receipt paired with a payslip, nothing left over', () => {
    const r = reconcile({
      schedule,
      side: 'paying',
      cmsEntries: many((i): CmsEntryInput => ({ id: `receipt-${i}`, date: '2024-06-03', type: 'deo_receipt', amount: '300.00' })),
      evidence: many((i): EvidenceInput => ({ id: `payslip-${i}`, date: '2024-06-03', type: 'payslip_deduction', amount: '300.00' })),
    });
    expect(r.matches.length).toBe(N);
    expect(r.findings).toEqual([]);
  });

  /** CMS's receipts of `received` each and bank payments of £300.00, all dated 3 June 2024. */
  const receiptsAndPayments = (received: string) =>
    reconcile({
      schedule,
      side: 'paying',
      cmsEntries: many((i): CmsEntryInput => ({ id: `received-${i}`, date: '2024-06-03', type: 'payment_received', amount: received })),
      bankTransactions: many((i): BankTransactionInput => ({
        id: `bank-${i}`,
        date: '2024-06-03',
        amount: '300.00',
        direction: 'out',
        description: 'CMS MAINT',
      })),
      bankFilter: { includeAll: true },
    });

  it('CMS’s receipts and bank payments: each paired with its own', () => {
    const r = receiptsAndPayments('300.00');
    expect(r.matches.length).toBe(N);
    expect(r.findings).toEqual([]);
  });

  it('of different amounts: each receipt is one amount mismatch with its own payment', () => {
    const r = receiptsAndPayments('299.00');
    expect(r.findings.length).toBe(N);
    expect(new Set(r.findings.map((f) => f.kind))).toEqual(new Set(['amount_mismatch']));
  });
});
