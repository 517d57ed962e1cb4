/**
 * CMS's figure right in total but split wrongly between its parts (cms-accounts.md §4: maintenance arrears, collection
 * fees and enforcement charges are kept apart): the reconciliation and the letters say which part is wrong by how much,
 * not that a £0.00 difference is unexplained or that "the entries are not" right. Found by an MCP audit.
 */
import { describe, expect, it } from 'vitest';
import type { CmsEntryInput } from '../../calc/ledger/entries.ts';
import { addDays } from '../../calc/dates.ts';
import { formatMoney } from '../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { draftLetter } from '../../letters/index.ts';
import { CASES } from './fixture.ts';

// £60 a week on Collect and Pay from 1 Jan 2024: 260.00 + 52.00 fee due on the 1st, Jan–May (1,560.00); paid 312.00
// each month Jan–Apr (1,248.00), CMS recording each; a £300.00 liability-order charge on 20 May. Worked out by part:
// maintenance 1,300.00 − 1,040.00 = 260.00; fees 260.00 − 208.00 = 52.00; charges 300.00; in all 612.00. CMS gives
// 612.00, all of it as maintenance.
const MONTHS = ['01', '02', '03', '04', '05'];
const cmsEntries: CmsEntryInput[] = [
  ...MONTHS.flatMap((m): CmsEntryInput[] => [
    { date: `2024-${m}-01`, type: 'liability', amount: '260.00' },
    { date: `2024-${m}-01`, type: 'collection_fee', amount: '52.00' },
    ...(m === '05' ? [] : [{ date: `2024-${m}-02`, type: 'payment_received' as const, amount: '312.00' }]),
  ]),
  { date: '2024-05-20', type: 'enforcement_charge', amount: '300.00', chargeType: 'liability_order' },
];
const input: ReconcileInput = {
  schedule: {
    decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }],
    frequency: 'monthly',
    firstDueDate: '2024-01-01',
    service: 'collect_and_pay',
    asOf: '2024-05-31',
  },
  side: 'paying',
  cmsEntries,
  bankTransactions: MONTHS.slice(0, 4).map((m) => ({
    date: `2024-${m}-02`,
    amount: '312.00',
    direction: 'out',
    description: 'CMS PAYMENT',
  })),
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2024-05-31', maintenance: '612.00', collectionFees: '0.00', enforcementCharges: '0.00' },
};

describe('CMS’s figure right in total, wrong in its parts', () => {
  const r = reconcile(input);

  it('the bridge names each part: 612.00 − 260.00 = 352.00 more in maintenance, 52.00 and 300.00 less in fees and charges', () => {
    expect(r.findings).toEqual([]);
    const line = r.bridge.lines.find((l) => l.kind === 'unexplained')!;
    expect(formatMoney(line.amount)).toBe('0.00');
    expect(line.description).toBe(
      "CMS's figure (£612.00) is what its own entries add up to, but it puts £352.00 more in maintenance, £52.00 less in collection fees and £300.00 less in enforcement charges than they do. Collection fees and enforcement charges are owed to the Secretary of State and kept apart from maintenance arrears, which are owed to the receiving parent; ask CMS to put its figure right part by part.",
    );
  });

  it('the letter says its total is right and its parts are not, never that the entries are wrong', () => {
    const letter = draftLetter({ ...CASES['account_breakdown_request']!.input, reconciliation: input });
    expect(letter.text).toContain(
      'Your figure is what your own entries add up to, but it puts £352.00 more in maintenance, £52.00 less in collection fees and £300.00 less in enforcement charges than they do: its total is right, its parts are not.',
    );
    expect(letter.text).toContain('CMS’s figure is right in total, though its parts are not');
    expect(letter.text).toContain('What my evidence shows: Its own entries, part by part');
    expect(letter.text).not.toMatch(
      /£0\.00 (lower|higher)|though the entries are not|nothing in the entries I have been given explains it/,
    );
  });
});

describe('a part of the balance in credit is quoted as overpaid, not as an amount owed', () => {
  // £80 a week on Collect and Pay from 1 Jan 2024: 80 × 52 ÷ 12 = 346.67 maintenance + 20% fee 69.33 (69.334) = 416.00
  // due on the 1st, Jan–Mar. Paid 416.00, 416.00 and 416.01. The 416.01 is 346.67 of maintenance and 69.34 of fee
  // (346.68 would need 346.68 + 69.34 = 416.02): fees are overpaid by 1p, maintenance paid exactly. CMS records the
  // January and February payments only and gives 346.67 maintenance and 69.33 fees owed. So its maintenance is
  // 346.67 − 0.00 = 346.67 too high, and its fees 69.33 − (−0.01) = 69.34 too high: an audit found the letter
  // saying "you give £69.33; worked out, they are £0.01", which reads as 69.34 too high of 1p owed.
  const months = ['01', '02', '03'];
  const credited: ReconcileInput = {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '80.00' }],
      frequency: 'monthly',
      firstDueDate: '2024-01-01',
      service: 'collect_and_pay',
      asOf: '2024-03-31',
    },
    side: 'paying',
    cmsEntries: months.flatMap((m): CmsEntryInput[] => [
      { date: `2024-${m}-01`, type: 'liability', amount: '346.67' },
      { date: `2024-${m}-01`, type: 'collection_fee', amount: '69.33' },
      ...(m === '03' ? [] : [{ date: `2024-${m}-02`, type: 'payment_received' as const, amount: '416.00' }]),
    ]),
    bankTransactions: months.map((m) => ({
      date: `2024-${m}-02`,
      amount: m === '03' ? '416.01' : '416.00',
      direction: 'out',
      description: 'CMS PAYMENT',
    })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2024-03-31', maintenance: '346.67', collectionFees: '69.33', enforcementCharges: '0.00' },
  };

  it('says the fees worked out are overpaid by £0.01', () => {
    const letter = draftLetter({ ...CASES['payment_dispute']!.input, reconciliation: credited });
    expect(letter.text.replace(/\s+/g, ' ')).toContain(
      'the maintenance is £346.67 too high (you give £346.67; worked out, it is £0.00) and the collection fees are £69.34 too high (you give £69.33; worked out, they are overpaid by £0.01)',
    );
    expect(letter.figures.find((f) => f.id === 'recomputed_collection_fees')).toMatchObject({
      label: 'Collection fees overpaid, worked out from the decisions and my evidence of payment',
      value: '£0.01',
    });
  });
});

describe('CMS’s split differing from Reckoner’s by rounding only', () => {
  // £50 a week on Collect and Pay from Monday 1 January 2024, weekly: £50.00 + 20% fee £10.00 due each Monday, 12 weeks
  // to 24 March (£600.00 + £120.00). Paid £55.55 each Tuesday (£666.60), CMS recording each. Reckoner splits each
  // payment: maintenance m with m + 20% of m, rounded, = 55.55: 46.29 + 9.26 (46.29 × 20 ÷ 100 = 9.258); 12 of them are
  // £555.48 + £111.12, leaving £44.52 + £8.88. CMS splits the total: 666.60 ÷ 1.2 = £555.50 + £111.10, and gives
  // £44.50 + £8.90. The total is the same (£53.40); the parts differ by 2p, within a penny for each of the 12 payments.
  const weeks = Array.from({ length: 12 }, (_, i) => addDays('2024-01-01', 7 * i));
  const rounded: ReconcileInput = {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '50.00' }],
      frequency: 'weekly',
      service: 'collect_and_pay',
      asOf: '2024-03-24',
    },
    side: 'paying',
    cmsEntries: weeks.flatMap((d): CmsEntryInput[] => [
      { date: d, type: 'liability', amount: '50.00' },
      { date: d, type: 'collection_fee', amount: '10.00' },
      { date: addDays(d, 1), type: 'payment_received', amount: '55.55' },
    ]),
    bankTransactions: weeks.map((d) => ({ date: addDays(d, 1), amount: '55.55', direction: 'out', description: 'CMS PAYMENT' })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2024-03-24', maintenance: '44.50', collectionFees: '8.90', enforcementCharges: '0.00' },
  };

  it('takes CMS’s split, says so, and has no line asking CMS to put its parts right', () => {
    const r = reconcile(rounded);
    expect(r.bridge.lines).toEqual([]);
    const part = (c: string) => r.balance.components.find((x) => x.component === c)!;
    expect([formatMoney(part('maintenance').recomputed), formatMoney(part('collection_fees').recomputed)]).toEqual(['44.50', '8.90']);
    // The same payments, split CMS's way: paid 555.50 + 111.10 = 666.60; 600.00 − 555.50 = 44.50, 120.00 − 111.10 = 8.90.
    expect([formatMoney(part('maintenance').paid), formatMoney(part('collection_fees').paid)]).toEqual(['555.50', '111.10']);
    expect(formatMoney(r.balance.recomputed)).toBe('53.40');
    expect(r.warnings).toContain(
      "CMS's figure puts £0.02 less in maintenance and £0.02 more in collection fees (£44.50 and £8.90) than Reckoner's split of the same total (£44.52 and £8.88), which rounds the fee on each payment: within a penny for each of the 12 payments split, that is rounding, not an error, so CMS's split is used on both sides.",
    );
    const letter = draftLetter({ ...CASES['account_breakdown_request']!.input, reconciliation: rounded });
    expect(letter.text).toContain('Your figure agrees with it.');
    expect(letter.text).not.toMatch(/its parts are not|correct the parts|too low \(you give|right part by part/);
  });

  it('a split further apart than a penny a payment is still a line, part by part', () => {
    // £0.13 apart with 12 payments split: more than rounding explains.
    const r = reconcile({
      ...rounded,
      cmsClaim: { date: '2024-03-24', maintenance: '44.39', collectionFees: '9.01', enforcementCharges: '0.00' },
    });
    expect(r.bridge.lines.map((l) => [l.kind, formatMoney(l.amount)])).toEqual([['unexplained', '0.00']]);
    expect(r.bridge.lines[0]!.description).toContain('it puts £0.13 less in maintenance and £0.13 more in collection fees than they do');
  });
});
