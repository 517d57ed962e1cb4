/**
 * Direct Pay without CMS's payment schedule: what Reckoner's own spread of an initial amount would add to each
 * instalment is not a shortfall the parent must own up to when the payments show CMS asked for the ongoing instalment
 * alone (cms-accounts.md §3: a parent who pays every instalment the plan asks for is not in arrears). Found by an MCP
 * audit: a father who paid £281.67 every month was to tell CMS of seven "shortfalls nobody reported" of £24.99.
 *
 * £65 a week from Monday 3 June 2024, monthly on the 5th from 5 July 2024: the ongoing instalment is
 * £65 × 52 ÷ 12 = £281.67 (281.666…; C&E Regs 1992 reg 4). The initial amount is what accrued before the first
 * payment date: 3–4 June, 2 of the 31 days of the period 5 May – 4 June, £281.67 × 2 ÷ 31 = £18.17 (18.172…), and
 * 5 June – 4 July, £281.67: £299.84. Reckoner's rule spreads it over 12 equal instalments: £299.84 ÷ 12 = £24.99
 * (24.986…), the last £299.84 − 11 × £24.99 = £24.95.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../../letters/index.ts';
import { CASE_REFERENCE, PAYING_PARENT } from '../../letters/fixture.ts';

const DUE = ['2024-07-05', '2024-08-05', '2024-09-05', '2024-10-05', '2024-11-05', '2024-12-05', '2025-01-05', '2025-02-05'];

function account(
  payments: readonly (readonly [string, string])[],
  reports: readonly (readonly [string, string])[],
  plan?: object,
): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-06-03', weeklyAmount: 65 }],
      service: 'direct_pay',
      frequency: 'monthly',
      firstDueDate: '2024-07-05',
      ...(plan ? { paymentPlan: plan } : {}),
    },
    side: 'paying',
    cmsEntries: reports.map(([date, amount]) => ({ date, type: 'missed_payment_reported' as const, amount })),
    bankTransactions: payments.map(([date, amount]) => ({
      date,
      amount,
      direction: 'out' as const,
      description: 'FP TO K JONES CHILD MAINT',
    })),
    bankFilter: { descriptionContains: ['CHILD MAINT'] },
    cmsClaim: { date: '2025-02-28', balance: reports.reduce((a, [, x]) => a + Number(x), 0).toFixed(2) },
  };
}
const findings = (input: ReconcileInput) => reconcile(input).findings.map((f) => `${f.kind} ${f.date} ${f.effects.maintenance.toFixed(2)}`);

describe('Direct Pay payments of the ongoing instalment alone, without CMS’s schedule', () => {
  // £281.67 paid on each due day but December's £150.00, for which £131.67 (£281.67 − £150.00) was reported missed;
  // September was reported missed though paid.
  const payments = DUE.map((date) => [date, date === '2024-12-05' ? '150.00' : '281.67'] as const);
  const reports = [
    ['2024-09-05', '281.67'],
    ['2024-12-05', '131.67'],
  ] as const;

  it('counts the initial amount as not yet due: the only error is the report of a payment that was made', () => {
    const r = reconcile(account(payments, reports));
    // Due under the plan: 8 × £281.67 = £2,253.36; paid 7 × £281.67 + £150.00 = £2,121.69; owed £131.67, December's
    // reported shortfall. CMS's £413.34 (its two reports) is £281.67 too high: September's report.
    expect(r.balance.recomputed.toFixed(2)).toBe('131.67');
    expect(r.balance.notYetDue.toFixed(2)).toBe('299.84');
    expect(findings(account(payments, reports))).toEqual(['reported_missed_but_paid 2024-09-05 281.67']);
    expect(r.warnings.join('\n')).toContain(
      'On Direct Pay, what was paid for each instalment up to 2025-02-05 (with any missed payment reported for it) is the ongoing instalment alone, not that with part of the £299.84 that accrued before it could be asked for',
    );
  });

  it('keeps Reckoner’s spread where a payment shows the catch-up was asked for', () => {
    // July paid £306.66 = £281.67 + the first catch-up part £24.99: the schedule asked for it, so August's £281.67 is
    // £24.99 short (the second part, equal to the first), and nobody reported it.
    const asked = payments.map(([date, amount]) => [date, date === '2024-07-05' ? '306.66' : amount] as const);
    expect(findings(account(asked, reports))).toContain('missed_payment_not_reported 2024-08-05 -24.99');
    expect(reconcile(account(asked, reports)).warnings.join('\n')).not.toContain('ongoing instalment alone');
  });

  it('a parent who paid the equal instalment each month is exactly up to date: nothing paid ahead, nothing short', () => {
    // £306.66 = £281.67 + £24.99 on each of the 8 due days to 5 February 2025: 8 × £306.66 = £2,453.28, and due by then
    // 8 × £281.67 + 8 × £24.99 = £2,253.36 + £199.92 = £2,453.28. Spread cumulatively (£24.99, £24.98, £24.99, …, by
    // 8 instalments £299.84 × 8 ÷ 12 = £199.89), the same payments read as £0.03 paid ahead of the plan.
    const r = reconcile(
      account(
        DUE.map((date) => [date, '306.66'] as const),
        [],
      ),
    );
    expect([r.balance.due.toFixed(2), r.balance.paid.toFixed(2), r.balance.recomputed.toFixed(2)]).toEqual(['2453.28', '2453.28', '0.00']);
    expect(r.balance.paidAhead).toBeUndefined();
    expect(r.balance.notYetDue.toFixed(2)).toBe('99.92');
    expect(r.findings).toEqual([]);
    expect(r.warnings.join('\n')).not.toContain('beyond the instalments');
  });

  it('keeps it where the parent gives the plan (catchUpInstalments): that is what CMS’s schedule says', () => {
    expect(findings(account(payments, reports, { catchUpInstalments: 12 }))).toContain('missed_payment_not_reported 2024-07-05 -24.99');
  });
});

describe('a shortfall partly reported', () => {
  it('says what was reported and what more was not, never a shortfall smaller than the report', () => {
    // £65 a week from 5 July 2024, no initial amount: £281.67 due on 5 July and 5 August. August: £100.00 paid,
    // £131.67 reported missed; £281.67 − £100.00 = £181.67 short, of which £181.67 − £131.67 = £50.00 nobody reported.
    const input: ReconcileInput = {
      schedule: { decisions: [{ effectiveDate: '2024-07-05', weeklyAmount: 65 }], service: 'direct_pay', frequency: 'monthly' },
      side: 'paying',
      cmsEntries: [{ date: '2024-08-05', type: 'missed_payment_reported', amount: '131.67' }],
      bankTransactions: [
        { date: '2024-07-05', amount: '281.67', direction: 'out', description: 'CHILD MAINT' },
        { date: '2024-08-05', amount: '100.00', direction: 'out', description: 'CHILD MAINT' },
      ],
      bankFilter: { descriptionContains: ['CHILD MAINT'] },
      cmsClaim: { date: '2024-08-31', balance: '131.67' },
    };
    const r = reconcile(input);
    expect(r.balance.recomputed.toFixed(2)).toBe('181.67');
    expect(r.findings.map((f) => f.explanation)).toEqual([
      'The instalment of £281.67 due on 5 August 2024 was not paid in full (£100.00 paid for it). A missed payment of £131.67 was reported to CMS for it, but £50.00 more was not paid and CMS was not told: on Direct Pay it records no payments, so its figure does not include this.',
    ]);
  });
});

describe('none of CMS’s entries given, only its figure', () => {
  // The same payments, and CMS's arrears notice: £563.34 (two instalments' worth, 2 × £281.67), with none of its
  // entries. December's £150.00 leaves £131.67 of the £281.67 unpaid; whether that was reported nothing given says.
  const payments = DUE.map((date) => [date, date === '2024-12-05' ? '150.00' : '281.67'] as const);
  const input: ReconcileInput = { ...account(payments, []), cmsClaim: { date: '2025-02-28', balance: '563.34' } };

  it('says nothing of who told CMS what, and does not say CMS’s entries add up to nothing', () => {
    const r = reconcile(input);
    expect(r.balance.recomputed.toFixed(2)).toBe('131.67');
    expect(r.findings.map((f) => f.explanation)).toEqual([
      "The instalment of £281.67 due on 5 December 2024 was not paid in full (£150.00 paid for it, £131.67 short). None of CMS's entries was given, so whether it was reported is not known: on Direct Pay CMS's figure includes a shortfall only once it is reported.",
    ]);
    // £563.34 − £131.67 = £431.67: the shortfall (−£131.67) and CMS's figure, traced to nothing (+£563.34).
    const unexplained = r.bridge.lines.find((l) => l.kind === 'unexplained')!;
    expect(unexplained.amount.toFixed(2)).toBe('563.34');
    expect(unexplained.description).toBe(
      "CMS's figure (£563.34) cannot be traced to its entries: none was given. Ask CMS for the entries behind it: its statement of account, or on Direct Pay the missed-payment reports its arrears come from",
    );
  });

  it('the request for a breakdown asks for the entries, and calls the shortfall what is known of it', () => {
    const letter = draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2025-03-10',
      facts: {
        sender: { name: PAYING_PARENT.name, address: PAYING_PARENT.address },
        caseReference: CASE_REFERENCE,
        senderRole: 'paying',
        statedIn: 'arrears_notice',
      },
      reconciliation: input,
    });
    const text = letter.text.replace(/\s+/g, ' ');
    // The £563.34 none of CMS's entries explains is not an item in either parent's favour (before: "One item makes
    // your figure too high, by £563.34, in my favour; one instalment …"): it is the rest of the difference. The
    // shortfall alone would make CMS's figure £131.67 − £131.67 = £0.00, and its figure is £563.34 above that.
    expect(text).toContain(
      'One instalment not paid in full makes your figure too low, by £131.67, in the other parent’s favour. The rest is not an item: your figure is £563.34 higher than that item alone would make it, and I have been given none of your entries, so nothing shows how it is arrived at.',
    );
    expect(text).not.toContain('in my favour');
    expect(reconcile(input).bridge.inPayingParentsFavour.count).toBe(0);
    expect(text).not.toContain('nobody reported');
    expect(text).not.toContain('add up to (nothing owed');
  });
});
