/**
 * The balance a CMS statement brings forward, held in a case (journey probe, story 4: the statement's first line
 * "Balance brought forward 635.57" was kept only as its metadata, so CMS's figure was compared with entries that left
 * it out, and the reconciliation said "1 difference the entries do not explain: £260.72").
 *
 * The statement is drawn from the ground truth in test/fixtures/pdf/cms-balance-statement.ts, with a first line
 * "Balance brought forward": 1 September to 20 December 2024, £1,300.00 of maintenance + £260.00 of fees + a £50.00
 * charge − £1,170.00 paid = £440.00 more than it brought forward. The parent's evidence shows the three payments.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reconcileRecords } from '../../cases/reconcile.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore, ReconcileOptions } from '../../store/types.ts';
import { PERIOD_END } from '../fixtures/pdf/cms-balance-statement.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { caseWithCmsStatement } from './cms-statement-case.ts';

const TODAY = '2025-01-06';
const options: ReconcileOptions = { bankFilter: { descriptionContains: ['CMS'] } };
const money = (d: { toFixed(n: number): string } | undefined) => d?.toFixed(2);

let store: CaseStore;
beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

describe('a balance brought forward from before the decisions counts as CMS’s, on both sides', () => {
  test('£500.00 brought forward on the day the decisions start: CMS’s £940.00 is explained, with no remainder', async () => {
    // CMS: £500.00 brought forward + £440.00 = £940.00 (its closing balance). Worked out: the £500.00 carried in is
    // from before the decisions (2024-09-01), so it is taken as CMS recorded it, + £1,560.00 due + £50.00 charge −
    // £1,170.00 paid = £940.00. Before, CMS's entries gave £440.00, and "£500.00 the entries do not explain".
    const id = await caseWithCmsStatement(
      store,
      { opening: '500.00', broughtForwardLine: true, balanceLabel: 'Closing balance' },
      'cms-bf-500.pdf',
    );
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect(r.options.cmsClaim).toEqual({ date: PERIOD_END, balance: '940.00' });
    const b = r.result.balance;
    expect([b.openingBalance, b.cmsEntriesTotal, b.recomputed, b.cmsClaimed, b.difference].map(money)).toEqual([
      '500.00',
      '940.00',
      '940.00',
      '940.00',
      '0.00',
    ]);
    expect(r.result.bridge.lines).toEqual([]);
    // The entry is CMS's, cited to the statement; and calc says it took it as recorded.
    const carried = (r.input.cmsEntries ?? []).filter((e) => e.type === 'opening_balance');
    expect(carried).toEqual([
      expect.objectContaining({ date: '2024-09-01', amount: '500.00', source: 'cms-bf-500.pdf, the balance brought forward' }),
    ]);
    expect(r.result.warnings.join('\n')).toMatch(/CMS's opening balance of £500\.00 \(arrears carried over\) is taken as recorded/);
  });

  test('a balance of CMS’s own typed in (a CSA closure, say) is not counted twice', async () => {
    const id = await caseWithCmsStatement(
      store,
      { opening: '500.00', broughtForwardLine: true, balanceLabel: 'Closing balance' },
      'cms-bf-typed.pdf',
    );
    await store.addCmsEntries(id, [
      { date: '2024-09-01', type: 'opening_balance', amount: '500.00', description: 'Arrears transferred from CSA' },
    ]);
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect((r.input.cmsEntries ?? []).filter((e) => e.type === 'opening_balance').map((e) => e.amount)).toEqual(['500.00']);
    expect([r.result.balance.cmsEntriesTotal, r.result.balance.difference].map(money)).toEqual(['940.00', '0.00']);
  });
});

describe('a balance brought forward on an account whose earlier periods the decisions cover', () => {
  const fromAugust = [{ label: 'cms_1', effectiveDate: '2024-08-01', weeklyAmount: '75.00' }];

  test('what the decisions make due for the periods before it stands for it: nothing left over, nothing said', async () => {
    // CMS brings forward £390.00: August's £325.00 + £65.00, unpaid. Its entries show no charge for August, which the
    // decisions make £390.00 due: £390.00 + £440.00 = £830.00, CMS's figure, and the recomputed one.
    const id = await caseWithCmsStatement(store, { opening: '390.00', broughtForwardLine: true }, 'cms-bf-august.pdf', fromAugust);
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect((r.input.cmsEntries ?? []).some((e) => e.type === 'opening_balance')).toBe(false);
    const b = r.result.balance;
    expect([b.cmsClaimed, b.cmsEntriesTotal, b.recomputed, b.difference].map(money)).toEqual(['830.00', '830.00', '830.00', '0.00']);
    expect(r.result.bridge.lines).toEqual([]);
    expect(r.result.warnings.join('\n')).not.toMatch(/brings forward/);
  });

  test('where CMS’s figure is more than its entries, the answer says the balance brought forward is in none of them', async () => {
    // CMS brings forward £400.00, £10.00 more than August's £390.00: its figure £840.00, its entries (August filled in
    // from the decisions) £830.00, so £10.00 the entries do not explain; the recomputed balance is £830.00.
    const id = await caseWithCmsStatement(store, { opening: '400.00', broughtForwardLine: true }, 'cms-bf-400.pdf', fromAugust);
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    const b = r.result.balance;
    expect([b.cmsClaimed, b.cmsEntriesTotal, b.recomputed, b.difference].map(money)).toEqual(['840.00', '830.00', '830.00', '10.00']);
    expect(r.result.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['unexplained', '10.00']]);
    expect(r.result.warnings[0]).toBe(
      "The CMS statement “cms-bf-400.pdf” brings forward a balance of £400.00 on 2024-09-01 (CMS's account before its first line). It is not counted as one of CMS's entries: the decisions start earlier (2024-08-01) and the balance is worked out from them, so CMS's figure is compared with the CMS entries the case holds, and whatever the balance brought forward stands for beyond the case's CMS entries before 2024-09-01 is in none of them. To explain it line by line, import CMS's earlier statements, or type in its entries before 2024-09-01.",
    );
  });
});
