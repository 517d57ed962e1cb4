/**
 * A paying parent with two CMS cases paid from one bank account, each standing order carrying its own case reference
 * (cms-accounts.md §4: "payments allocated to the wrong case (a parent with two cases and two references)"). Only this
 * case's entries are given. Before: each payment for the other case was "£208.00 left your account …, but CMS has no
 * record of it", and a refund letter asked for 4 × £208.00 = £832.00 (a meaning probe of 5 December 2026).
 *
 * This case (1210 0011 1222): £50.00 a week on Collect and Pay, monthly from 15 May 2024 (50 × 52 ÷ 12 = £216.67 and
 * the 20% fee £43.33: £260.00 a month), paid and recorded each month. The other case (1210 0099 9888): £208.00 a month.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { chargesOn, MONTHS, SCHEDULE } from './fifty-a-week.ts';

const THIS = '121000111222';
const OTHER = '121000999888';

const story = (extra: Partial<ReconcileInput> = {}, otherRef = OTHER): ReconcileInput => ({
  schedule: SCHEDULE,
  side: 'paying',
  caseReference: THIS,
  cmsEntries: MONTHS.flatMap((d): CmsEntryInput[] => [
    ...chargesOn(d),
    { id: `received-${d}`, date: d, type: 'payment_received', amount: '260.00', reference: THIS },
  ]),
  bankTransactions: MONTHS.flatMap((d) => [
    { id: `this-${d}`, date: d, amount: '260.00', direction: 'out' as const, description: 'CMS MAINT', reference: THIS },
    { id: `other-${d}`, date: d, amount: '208.00', direction: 'out' as const, description: 'CMS MAINT', reference: otherRef },
  ]),
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2024-08-31', balance: '0.00' },
  ...extra,
});

describe('payments that give another case reference', () => {
  it('are left out as paid for the other case, with a warning, not called missing from this one', () => {
    const r = reconcile(story());
    expect(r.findings).toEqual([]);
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
    expect(r.ignored.filter((i) => i.reason === 'another_case').map((i) => i.bankTransactionId)).toEqual(MONTHS.map((d) => `other-${d}`));
    // 4 × £208.00 = £832.00.
    expect(r.warnings).toContain(
      '4 payments the evidence shows (£832.00) give another case reference (1210 0099 9888), not this case’s (1210 0011 1222), and no entry of this case records them: they are left out as paid for that case, not counted as missing from this one. If CMS put any on this case, or it was meant for it, give that case’s entries too.',
    );
  });

  it('one that gives this case’s reference and is not recorded is still missing from CMS', () => {
    const r = reconcile(story({}, THIS));
    expect(r.findings.map((f) => `${f.kind} ${f.date} ${formatMoney(f.amount)}`)).toEqual(
      MONTHS.map((d) => `payment_missing_from_cms ${d} 208.00`),
    );
  });

  it('one CMS recorded on this case is matched, whatever reference it gives', () => {
    // CMS put the other case's May payment on this case: it is this case's record, so it is matched, not left out.
    const base = story();
    const r = reconcile({
      ...base,
      cmsEntries: [...base.cmsEntries!, { id: 'misposted', date: '2024-05-16', type: 'payment_received', amount: '208.00' }],
      cmsClaim: { date: '2024-08-31', balance: '-208.00' },
    });
    expect(r.ignored.some((i) => i.bankTransactionId === 'other-2024-05-15')).toBe(false);
    expect(r.ignored.filter((i) => i.reason === 'another_case')).toHaveLength(3);
  });

  it('without this case’s reference nothing is left out', () => {
    const { caseReference: _, ...noReference } = story();
    const r = reconcile(noReference);
    expect(r.findings.filter((f) => f.kind === 'payment_missing_from_cms')).toHaveLength(4);
  });
});
