/**
 * A payment CMS recorded after the date of its figure is on its way, not missing (the story and its arithmetic:
 * ./payment-in-transit.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { chargesOn, MONTHS, SCHEDULE } from './fifty-a-week.ts';
import { julyMissingToo, recordedAfter } from './payment-in-transit.ts';

const story = recordedAfter;

describe('a payment CMS recorded after the date of its figure', () => {
  it('is on its way, not missing: CMS’s figure is not wrong about it, and it is in nobody’s favour', () => {
    const r = reconcile(story({ date: '2024-09-02', amount: '260.00' }));
    expect(r.findings.map((f) => `${f.kind} ${f.date} ${formatMoney(f.amount)}`)).toEqual(['payment_in_transit 2024-08-30 260.00']);
    expect(r.findings[0]!.explanation).toBe(
      '£260.00 left your account on 30 August 2024 ("CMS MAINT"); CMS recorded it on 2 September 2024, after the date of its figure, so its figure does not include it yet and is not wrong about it.',
    );
    expect(formatMoney(r.balance.recomputed)).toBe('0.00');
    // CMS's £260.00 − £0.00 worked out = £260.00, all of it on its way: once it arrives, nothing.
    expect([r.bridge.inTransit.count, formatMoney(r.bridge.inTransit.amount), formatMoney(r.bridge.differenceOnceArrived)]).toEqual([
      1,
      '260.00',
      '0.00',
    ]);
    expect([r.bridge.inPayingParentsFavour.count, r.bridge.inReceivingParentsFavour.count]).toEqual([0, 0]);
    expect(r.ignored).toContainEqual({ cmsEntryId: 'received-later', reason: 'after_as_of' });
  });

  it('with a record after the date of another amount, it is still missing from CMS', () => {
    const r = reconcile(story({ date: '2024-09-02', amount: '200.00' }));
    expect(r.findings.map((f) => [f.kind, f.facts.reason])).toEqual([['payment_missing_from_cms', undefined]]);
    expect(r.findings[0]!.explanation).toBe('£260.00 left your account on 30 August 2024 ("CMS MAINT"), but CMS has no record of it.');
  });

  it('with none of CMS’s records after the date given, a payment made in the window before it is not checked, not missing (a probe)', () => {
    // Paid 30 August, the day before CMS's figure of 31 August; CMS's statement given ends on that date. The matching
    // window is 5 days: 30 August is after 31 August − 5 days = 26 August.
    const r = reconcile(story());
    expect(r.findings.map((f) => [f.kind, f.date, formatMoney(f.amount), f.facts.reason])).toEqual([
      ['payment_missing_from_cms', '2024-08-30', '260.00', 'too_recent_to_check'],
    ]);
    expect(r.findings[0]!.explanation).toBe(
      '£260.00 left your account on 30 August 2024 ("CMS MAINT"), shortly before the date of CMS\'s figure: CMS may not have recorded it by then, and none of its entries after that date was given, so whether CMS recorded it is not checked.',
    );
    expect(r.warnings).toContain(
      'A payment the evidence shows (£260.00) was made in the 5 days before the date of CMS’s figure, 31 August 2024, and CMS’s statement given records no payment after that date: CMS may not have recorded it by then, so it is listed as not checked, not as missing from CMS’s record. Give CMS’s entries after that date to check, or reconcile to an earlier date (asOf).',
    );
  });

  it('the bridge says which of the payments CMS has no record of were not checked: those, and no more (notChecked)', () => {
    // July's £260.00 receipt left out of CMS's record as well: July's payment is checked against CMS's record and
    // missing from it; August's (30 August, the day before the figure) is not checked. CMS's figure £520.00 − £0.00
    // worked out = £520.00, two lines of £260.00, of which the one not checked: 1 line, £260.00.
    const base = story();
    const r = reconcile(julyMissingToo());
    expect(r.findings.map((f) => [f.kind, f.date, f.facts.reason])).toEqual([
      ['payment_missing_from_cms', '2024-07-15', undefined],
      ['payment_missing_from_cms', '2024-08-30', 'too_recent_to_check'],
    ]);
    expect(r.bridge.subtotals.map((x) => [x.kind, x.count, formatMoney(x.amount)])).toEqual([['payment_missing_from_cms', 2, '520.00']]);
    expect([r.bridge.notChecked?.count, r.bridge.notChecked && formatMoney(r.bridge.notChecked.amount)]).toEqual([1, '260.00']);
    // The one not checked may be on its way (CMS may have recorded it after the date): in neither way's tally. Beside
    // it, CMS's figure is 520.00 − 0.00 − 260.00 = £260.00 out, July's payment alone.
    expect([r.bridge.inPayingParentsFavour.count, formatMoney(r.bridge.inPayingParentsFavour.amount)]).toEqual([1, '260.00']);
    expect(r.bridge.inPayingParentsFavour.lines).toEqual([0]);
    expect([r.bridge.tooRecent?.count, formatMoney(r.bridge.tooRecent!.differenceBeside)]).toEqual([1, '260.00']);
    // Alone, it is in no tally, and nothing is out beside it.
    const alone = reconcile(story()).bridge;
    expect([
      alone.inPayingParentsFavour.count,
      alone.inReceivingParentsFavour.count,
      formatMoney(alone.tooRecent!.differenceBeside),
    ]).toEqual([0, 0, '0.00']);
    // None of CMS's account given: every payment is not checked, none of them as too recent (30 August too), and all
    // four count in the paying parent's favour: they were paid, whatever CMS recorded.
    const noAccount = reconcile({ ...base, cmsEntries: [] });
    expect(noAccount.findings.map((f) => f.facts.reason)).toEqual(Array(4).fill('no_cms_record_given'));
    expect([noAccount.bridge.notChecked?.count, noAccount.bridge.tooRecent, noAccount.bridge.inPayingParentsFavour.count]).toEqual([
      4,
      undefined,
      4,
    ]);
    // With CMS's record after the date of another amount, the August payment is checked too: nothing is left unchecked.
    expect(reconcile(story({ date: '2024-09-02', amount: '200.00' })).bridge.notChecked).toBeUndefined();
  });

  it('on the receiving side a payment that reached her shortly before the date is missing from CMS’s record, not too recent', () => {
    // CMS records passing a payment on before it reaches her bank: £208.00 in on 30 August 2024, with CMS's record of
    // passing on ending on 31 August and holding none for it, is one CMS has no record of.
    const r = reconcile({
      schedule: SCHEDULE,
      side: 'receiving',
      cmsEntries: [
        ...MONTHS.flatMap(chargesOn),
        ...MONTHS.slice(0, 3).map((d): CmsEntryInput => ({ id: `passed-${d}`, date: d, type: 'payment_passed_on', amount: '208.00' })),
      ],
      bankTransactions: [...MONTHS.slice(0, 3), '2024-08-30'].map((d) => ({
        id: `bank-${d}`,
        date: d,
        amount: '208.00',
        direction: 'in' as const,
        description: 'CMS MAINT',
      })),
      bankFilter: { descriptionContains: ['CMS'] },
      cmsClaim: { date: '2024-08-31', balance: '208.00', basis: 'net' },
    });
    expect(r.findings.map((f) => [f.kind, f.date, f.facts.reason])).toEqual([['payment_missing_from_cms', '2024-08-30', undefined]]);
    expect(r.findings[0]!.explanation).toBe('£208.00 reached your account on 30 August 2024 ("CMS MAINT"), but CMS has no record of it.');
  });

  it('a payment made before the window, with none of CMS’s records after the date given, is missing from CMS', () => {
    // The same story as of 10 September: 30 August is 11 days before it, outside the 5-day window.
    const base = story();
    const r = reconcile({
      ...base,
      schedule: { ...base.schedule!, asOf: '2024-09-10' },
      cmsClaim: { date: '2024-09-10', balance: '260.00' },
    });
    expect(r.findings.map((f) => [f.kind, f.date, f.facts.reason])).toEqual([['payment_missing_from_cms', '2024-08-30', undefined]]);
  });

  it('a record more than the matching window after the payment is not taken for it', () => {
    // 30 August to 10 September is 11 days; the window is 5.
    const r = reconcile(story({ date: '2024-09-10', amount: '260.00' }));
    expect(r.findings.map((f) => f.kind)).toEqual(['payment_missing_from_cms']);
  });

  it('a record after the date as near to a payment made after it is not taken for the earlier one (a probe)', () => {
    // Paid 30 August and again 1 September; CMS recorded one, on 2 September: it may be the 1 September payment's.
    const base = story({ date: '2024-09-02', amount: '260.00' });
    const r = reconcile({
      ...base,
      bankTransactions: [
        ...base.bankTransactions!,
        { id: 'bank-sep', date: '2024-09-01', amount: '260.00', direction: 'out', description: 'CMS MAINT' },
      ],
    });
    expect(r.findings.map((f) => f.kind)).toEqual(['payment_missing_from_cms']);
  });

  it('a payment made after the record is not what it records: the earlier one is still on its way (a second probe)', () => {
    // Paid 30 August, recorded 3 September; paid again 5 September, after the record.
    const b = story({ date: '2024-09-03', amount: '260.00' });
    const r = reconcile({
      ...b,
      bankTransactions: [
        ...b.bankTransactions!,
        { id: 'bank-sep', date: '2024-09-05', amount: '260.00', direction: 'out', description: 'CMS MAINT' },
      ],
    });
    expect(r.findings.map((f) => f.kind)).toEqual(['payment_in_transit']);
  });
});
