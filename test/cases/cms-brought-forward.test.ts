/**
 * The balance a CMS statement brings forward, held in a case (journey probe, story 4: the statement's first line
 * "Balance brought forward 635.57" was kept only as its metadata, so CMS's figure was compared with entries that left
 * it out, and the reconciliation said "1 difference the entries do not explain: £260.72").
 *
 * The statement is drawn from the ground truth in test/fixtures/pdf/cms-balance-statement.ts, with a first line
 * "Balance brought forward": 1 September to 20 December 2024, £1,300.00 of maintenance + £260.00 of fees + a £50.00
 * charge − £1,170.00 paid = £440.00 more than it brought forward. The parent's evidence shows the three payments.
 */
import { createHash } from 'node:crypto';
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

  test('equal to what the decisions make due before it: CMS’s entry, nothing left over, nothing said', async () => {
    // CMS brings forward £390.00: August's £325.00 + £65.00, unpaid (no payment before 1 September). It is CMS's
    // account before 1 September in one figure: 390.00 + 440.00 = £830.00, CMS's figure; the recomputed one is
    // 390.00 due in August + £440.00 from September = £830.00.
    const id = await caseWithCmsStatement(store, { opening: '390.00', broughtForwardLine: true }, 'cms-bf-august.pdf', fromAugust);
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect((r.input.cmsEntries ?? []).filter((e) => e.type === 'opening_balance').map((e) => [e.date, e.amount])).toEqual([
      ['2024-09-01', '390.00'],
    ]);
    const b = r.result.balance;
    expect([b.cmsClaimed, b.cmsEntriesTotal, b.recomputed, b.difference, b.openingBalance].map(money)).toEqual([
      '830.00',
      '830.00',
      '830.00',
      '0.00',
      '0.00',
    ]);
    expect(r.result.bridge.lines).toEqual([]);
    expect(r.result.warnings.join('\n')).not.toMatch(/brings forward|counted twice/);
  });

  test('£10.00 more than that: one line of £10.00 for the balance brought forward, none the entries do not explain', async () => {
    // CMS brings forward £400.00, £10.00 more than August's £390.00: its figure 400.00 + 440.00 = £840.00, the
    // recomputed one £830.00. Before, its entries (August filled in from the decisions) made £830.00, and the answer
    // had "£10.00 the entries do not explain", with a note that the balance brought forward was not counted.
    const id = await caseWithCmsStatement(store, { opening: '400.00', broughtForwardLine: true }, 'cms-bf-400.pdf', fromAugust);
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    const b = r.result.balance;
    expect([b.cmsClaimed, b.cmsEntriesTotal, b.recomputed, b.difference].map(money)).toEqual(['840.00', '840.00', '830.00', '10.00']);
    expect(r.result.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['balance_brought_forward', '10.00']]);
    expect(r.result.warnings[0]).toBe(
      "The CMS statement “cms-bf-400.pdf” brings forward a balance of £400.00 on 2024-09-01: CMS's account before its first line, in one figure. The decisions start earlier (2024-08-01), so it is compared with what they and the evidence make owed at the end of the day before (£390.00): £10.00 more, one line of the reconciliation statement. Nothing before 2024-09-01 is taken as CMS's error entry by entry. To see where the difference arose, import CMS's statements for the time before 2024-09-01, or ask CMS for them.",
    );
  });

  test('a payment before the statement starts is in the balance brought forward, not one CMS has no record of', async () => {
    // The bank shows £260.00 paid on 5 August 2024, before the statement's first day. CMS brings forward £400.00;
    // the decisions and the evidence make 390.00 − 260.00 = £130.00 owed at the end of 31 August, so the one line is
    // 400.00 − 130.00 = £270.00. CMS's figure 400.00 + 440.00 = £840.00; the recomputed one 130.00 + 440.00 = £570.00;
    // 840.00 − 570.00 = £270.00, that line and nothing else. Before: "£260.00 left your account on 5 August 2024 …,
    // but CMS has no record of it", and £10.00 "the entries do not explain".
    const id = await caseWithCmsStatement(store, { opening: '400.00', broughtForwardLine: true }, 'cms-bf-paid-august.pdf', fromAugust);
    await store.importRows(
      id,
      {
        sha256: createHash('sha256').update('bank august').digest('hex'),
        size: 100,
        kind: 'bank_statement',
        format: 'csv',
        filename: 'bank-august.csv',
      },
      {
        transactions: [
          {
            date: '2024-08-05',
            amount: '260.00',
            direction: 'out',
            description: 'CMS 121399887766',
            fingerprint: 'bank-aug',
            source: { line: 2 },
          },
        ],
      },
    );
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    const b = r.result.balance;
    expect([b.cmsClaimed, b.cmsEntriesTotal, b.recomputed, b.difference].map(money)).toEqual(['840.00', '840.00', '570.00', '270.00']);
    expect(r.result.findings).toEqual([]);
    expect(r.result.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['balance_brought_forward', '270.00']]);
    expect(r.result.bridge.lines.some((l) => l.kind === 'unexplained')).toBe(false);
    expect(r.result.bridge.lines[0]!.description).toContain(
      'The decisions and the evidence make £130.00 owed at the end of 31 August 2024 (£390.00 due under the payment plan before 1 September 2024 − £260.00 paid before it)',
    );
    expect(r.result.matches.filter((m) => m.reason === 'in_balance_brought_forward').map((m) => m.amount.toFixed(2))).toEqual(['260.00']);
  });
});
