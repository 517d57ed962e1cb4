/**
 * Money accrued but not yet due under the payment plan is owed, later: no error of CMS's (cms-accounts.md §3). A journey
 * probe (F2, story 3) found a right figure of £371.18 called "£371.18 higher than it should be" on the evidence
 * bundle's cover, which asked CMS to put the balance "right at nothing owed (£0.00)"; L02's schedule ended "CMS's
 * figure is £371.18 too high"; the chart said CMS's record of payments put it higher, though CMS recorded every payment.
 *
 * The account is test/calc/reconcile/between-instalments.ts's (every figure worked out there): accrued by 20 August
 * £3,274.33, due under the plan £3,075.30, not yet due 3,274.33 − 3,075.30 = £199.03; paid 5 × 615.06 = £3,075.30.
 * - `laterOnly`: CMS recorded all five payslip deductions (a fifth receipt, 5 August) and counts all it accrued:
 *   3,274.33 − 3,075.30 = £199.03, exactly the not-yet-due part: right on the accrued basis, nothing overdue.
 * - `withError`: CMS missed the July deduction (four receipts): 3,274.33 − 2,460.24 = £814.09 = 199.03 not yet due
 *   + 615.06 not credited. Only the £615.06 is an error.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { BUNDLE_PURPOSES, PURPOSES, type BundlePurpose } from '../../letters/bundle/index.ts';
import { bundleContext } from '../../letters/bundle/context.ts';
import { coverSection } from '../../letters/bundle/sections/cover.ts';
import { chartText } from '../../letters/chart/text.ts';
import { draftLetter } from '../../letters/index.ts';
import { betweenInstalments, cmsEntries } from '../calc/reconcile/between-instalments.ts';
import { CASE_REFERENCE, PAYING_PARENT } from './fixture.ts';
import { squash, unescapeMarkdown } from './helpers.ts';

const laterOnly: ReconcileInput = {
  ...betweenInstalments({ date: '2024-08-20', balance: '199.03' }),
  cmsEntries: [
    ...cmsEntries,
    {
      id: 'deo-2024-08-05',
      date: '2024-08-05',
      type: 'deo_receipt',
      amount: '615.06',
      description: 'DEO ACME LOGISTICS',
      source: 'page 2, line 5',
    },
  ],
};
const withError = betweenInstalments({ date: '2024-08-20', balance: '814.09' });

function cover(input: ReconcileInput, purpose: BundlePurpose): string {
  const c = bundleContext({
    purpose,
    generatedOn: '2024-08-25',
    case: { reference: '1234 5678 9012', side: 'paying', service: 'collect_and_pay' },
    reconciliation: { input, result: reconcile(input) },
  });
  return coverSection(c)
    .blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
    .join(' ');
}
const chart = (input: ReconcileInput) =>
  chartText(
    bundleContext({
      purpose: 'complaint',
      generatedOn: '2024-08-25',
      case: { reference: '1', side: 'paying', service: 'collect_and_pay' },
      reconciliation: { input, result: reconcile(input) },
    }).chart,
  );

describe('all of the difference accrued and not yet due', () => {
  it('the fixture: one line, the not-yet-due £199.03, and nothing beside it', () => {
    const r = reconcile(laterOnly);
    expect(r.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['accrued_not_yet_due', '199.03']]);
    expect(r.bridge.differenceBesideNotYetDue?.toFixed(2)).toBe('0.00');
    expect(r.balance.recomputed.toFixed(2)).toBe('0.00');
  });

  it.each(BUNDLE_PURPOSES)(
    'the %s bundle’s cover: CMS’s figure agrees on the accrued basis, and nothing is asked to be taken off',
    (purpose) => {
      const text = cover(laterOnly, purpose);
      expect(text).toContain(
        'CMS’s figure is £199.03 higher only by what has accrued and is not yet due: it agrees with the account on the basis of everything accrued, and nothing is overdue.',
      );
      expect(text).not.toContain('than it should be');
      expect(text).not.toMatch(/right at nothing (owed|overdue)/);
      expect(text).not.toContain('instead of');
    },
  );

  it('the complaint asks CMS to confirm what its figure counts', () => {
    expect(cover(laterOnly, 'complaint')).toContain(
      'I ask CMS to confirm in writing that its figure of a balance of £199.03 owed on 20 August 2024 counts what has accrued and is not yet due under the payment plan, and that nothing is overdue',
    );
  });

  it('L02’s reconciliation statement does not end "too high"', () => {
    const letter = draftLetter({
      type: 'account_breakdown_request',
      sentOn: '2024-08-25',
      facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying', statedIn: 'letter', statedOn: '2024-08-20' },
      reconciliation: laterOnly,
    });
    const text = squash(unescapeMarkdown(letter.markdown));
    expect(text).toContain(
      'CMS’s figure is £199.03 higher only by what has accrued and is not yet due: it agrees with the account on the basis of everything accrued, and nothing is overdue',
    );
    expect(text).not.toContain('£199.03 too high');
  });

  it('the chart does not put it down to CMS’s record of payments, which records all that was paid', () => {
    const text = chart(laterOnly);
    // Paid 5 × 615.06 = £3,075.30, and CMS recorded the same five.
    expect(text).toContain('CMS recorded £3,075.30 as paid, the same as the evidence shows');
    expect(text).toContain(
      'CMS’s records put the balance £199.03 higher than the evidence does, though they record as paid what the evidence shows: the difference is in what CMS charged and adjusted, set against what fell due under the decisions and the payment plan.',
    );
    expect(text).not.toContain('record of payments puts');
  });
});

describe('a real error beside what is not yet due', () => {
  it.each(BUNDLE_PURPOSES)('the %s bundle’s cover: only the £615.06 is wrong, and only it is asked to be corrected', (purpose) => {
    const text = cover(withError, purpose);
    // 814.09 − 199.03 = 615.06.
    expect(text).toContain(
      'CMS’s figure is £814.09 higher than the balance worked out, but not all of that is an error: what has accrued and is not yet due under the payment plan is owed, later. Beside it, CMS’s figure is £615.06 too high.',
    );
    expect(text).not.toContain('£814.09 higher than it should be');
    expect(text).not.toContain('instead of');
    if (purpose !== 'tribunal') expect(text).toContain('take £615.06 off its figure of a balance of £814.09 owed on 20 August 2024');
  });

  it('the ask is the purpose’s, with the part that is wrong', () => {
    const f = {
      asOf: '20 August 2024',
      correct: 'nothing overdue (£0.00)',
      cms: 'a balance of £814.09 owed',
      agrees: false,
      notYetDue: { kind: 'beside', by: '£615.06', way: 'too_high' },
      disputed: true,
    } as const;
    expect(cover(withError, 'ice')).toContain(PURPOSES.ice.ask(f));
    expect(cover(withError, 'tribunal')).toContain(PURPOSES.tribunal.ask(f));
  });

  it('the chart puts £615.06 of the gap down to CMS’s record of payments, and the rest to what it charged', () => {
    // CMS recorded 4 × 615.06 = £2,460.24 against £3,075.30 paid: £615.06 less; the gap is £814.09.
    expect(chart(withError)).toContain(
      'CMS’s records put the balance £814.09 higher than the evidence does: £615.06 of that is its record of payments, and the rest of the difference is in what CMS charged and adjusted',
    );
  });
});
