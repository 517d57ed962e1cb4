/**
 * CMS's figure and the day to reconcile to, read from the CMS statement a case holds (journey probe, story 1: the
 * statement's "Balance you owe 1220.00" was not read, so reconcile_case reconciled to today and said "CMS's entries
 * add up to £1,610.00 owed … on 2025-01-06", a figure CMS never stated, and a letter said "CMS gave no balance").
 *
 * The statement is drawn from the ground truth in test/fixtures/pdf/cms-balance-statement.ts (Collect and Pay, £75.00 a
 * week from 1 September 2024: £325.00 a month and the 20% fee £65.00; a £50.00 deduction from earnings order charge;
 * £390.00 paid on 3 September by the parent, and on 12 November and 12 December by the employer). Worked out by hand,
 * to 20 December 2024: due 4 × (£325.00 + £65.00) = £1,560.00, + £50.00 charge, − 3 × £390.00 paid = £440.00, which is
 * what CMS says: the bridge has no line.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reconcileRecords } from '../../cases/reconcile.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore, ReconcileOptions } from '../../store/types.ts';
import { CLOSING, PERIOD_END, type CmsSheetOptions } from '../fixtures/pdf/cms-balance-statement.ts';
import { caseWithCmsStatement } from './cms-statement-case.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

/** A day well after the statement: reconciled to it, every instalment after the evidence would read as unpaid. */
const TODAY = '2025-01-06';
const options: ReconcileOptions = { bankFilter: { descriptionContains: ['CMS'] } };

let store: CaseStore;
beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

const caseWith = (sheet: CmsSheetOptions, filename: string | undefined) => caseWithCmsStatement(store, sheet, filename);

describe('a statement that prints "Balance you owe"', () => {
  test('CMS’s claim is that balance on the statement’s last day, and the reconciliation runs to that day', async () => {
    const id = await caseWith({ balanceLabel: 'Balance you owe' }, 'cms-statement-balance-you-owe.pdf');
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect(r.options.cmsClaim).toEqual({ date: PERIOD_END, balance: CLOSING });
    expect(r.options.asOf).toBe(PERIOD_END);
    expect(r.defaults.claimFrom).toEqual(expect.any(String));
    const b = r.result.balance;
    // £1,560.00 due + £50.00 charge − £1,170.00 paid = £440.00, CMS's own figure.
    expect([b.cmsClaimed?.toFixed(2), b.recomputed.toFixed(2), b.difference?.toFixed(2)]).toEqual(['440.00', '440.00', '0.00']);
    expect(r.result.bridge.fromLabel).toBe('cms_claim');
    expect(r.result.bridge.lines).toEqual([]);
    expect(r.result.warnings.join('\n')).not.toMatch(/gives no balance/);
  });

  test('with no summary label, the running balance the table ends on (£440.00) is CMS’s claim', async () => {
    const id = await caseWith({}, 'cms-statement-running-balance.pdf');
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect(r.options.cmsClaim).toEqual({ date: PERIOD_END, balance: CLOSING });
    expect(r.options.asOf).toBe(PERIOD_END);
  });
});

describe('a statement that gives no balance at all', () => {
  test('the answer names it, and the reconciliation runs to its last day, saying why', async () => {
    const id = await caseWith({ runningBalance: false }, 'cms-statement-no-balance.pdf');
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect(r.options.cmsClaim).toBeUndefined();
    // Not today (2025-01-06): CMS's record is known to 20 December 2024 and no further.
    expect(r.options.asOf).toBe(PERIOD_END);
    expect(r.result.balance.cmsClaimed).toBeUndefined();
    expect(r.result.warnings.slice(0, 2)).toEqual([
      "The CMS statement “cms-statement-no-balance.pdf” (to 2024-12-20) gives no balance that Reckoner could read, so CMS's figure on it is not known and is not compared; give the balance it states as cmsClaim (its date and amount).",
      "Reconciled to 2024-12-20, the last day of the latest CMS statement (“cms-statement-no-balance.pdf”): no date was given and CMS gave no balance, and CMS's record is known only to that day. Give asOf to reconcile to another day.",
    ]);
    // CMS's entries to that day add up to what the decisions and the evidence give: £440.00 either way.
    expect([r.result.balance.cmsEntriesTotal.toFixed(2), r.result.balance.recomputed.toFixed(2)]).toEqual(['440.00', '440.00']);
  });

  test('a statement imported without a file name is named by the period it prints', async () => {
    const id = await caseWith({ runningBalance: false }, undefined);
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY);
    expect(r.result.warnings.slice(0, 2)).toEqual([
      "The CMS statement for 2024-09-01 to 2024-12-20 gives no balance that Reckoner could read, so CMS's figure on it is not known and is not compared; give the balance it states as cmsClaim (its date and amount).",
      "Reconciled to 2024-12-20, the last day of the latest CMS statement (for 2024-09-01 to 2024-12-20): no date was given and CMS gave no balance, and CMS's record is known only to that day. Give asOf to reconcile to another day.",
    ]);
  });

  test('a day or a claim given is used as given, and nothing is said of the defaults', async () => {
    const id = await caseWith({ runningBalance: false }, 'cms-statement-no-balance-2.pdf');
    const records = await store.caseRecords(id);
    const dated = reconcileRecords(records, { ...options, asOf: '2024-12-31' }, TODAY);
    expect(dated.options.asOf).toBe('2024-12-31');
    expect(dated.result.warnings.some((w) => w.startsWith('Reconciled to'))).toBe(false);
    // The statement still gives no balance: that is said whatever the day.
    expect(dated.result.warnings[0]).toMatch(/^The CMS statement “cms-statement-no-balance-2\.pdf” \(to 2024-12-20\) gives no balance/);
    const claimed = reconcileRecords(records, { ...options, cmsClaim: { date: PERIOD_END, balance: '440.00' } }, TODAY);
    expect(claimed.options.asOf).toBe(PERIOD_END);
    expect(claimed.result.warnings.some((w) => /gives no balance|^Reconciled to/.test(w))).toBe(false);
  });
});
