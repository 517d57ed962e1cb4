/**
 * Issue 16, item 1, through the stored case: a CSA case transferred to CMS, kept as a case (a 2003-scheme CSA
 * decision at its stated amount, the CMS decision, CMS's opening lines typed in with their creditors, the bank
 * statement imported), reconciled by the case service and by the reconcile_case tool with the opening balance and
 * the write-off as the CSA's closure letter and CMS's write-off letter state them. The figures are those of
 * test/calc/reconcile/csa-transfer.test.ts, computed there: 3,000.00 carried over + 1,404.00 due − 1,404.00 paid −
 * 1,000.00 written off = £2,000.00 (£500.00 of it owed to the Secretary of State); CMS, without the write-off, says
 * £3,000.00; the bridge is the £1,000.00 write-off CMS has not applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../calc/money.ts';
import { currentReconciliation, draftCaseLetter, reconcileCase } from '../../cases/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore, ReconcileOptions } from '../../store/types.ts';
import { reconcileCaseInput, reconcileStoredCase } from '../../tools/case-reconcile.ts';
import { TRANSFER_TOOL_INPUT as TRANSFER } from '../calc/schedule/transfer.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

const DUE = ['2018-07-01', '2018-08-01', '2018-09-01', '2018-10-01', '2018-11-01', '2018-12-01', '2019-01-01', '2019-02-01', '2019-03-01'];
const AS_OF = '2019-03-31';
const TODAY = '2019-04-10';

let store: CaseStore;
beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

/** The transferred case as stored: CMS's decision, its opening lines, its payments and the bank statement. */
async function transferredCase(): Promise<string> {
  const created = await store.createCase({
    title: 'CSA arrears carried to CMS',
    side: 'paying',
    scheme: '2012',
    reference: '121234567890',
    service: 'collect_and_pay',
    frequency: 'monthly',
    parties: [{ role: 'paying_parent', name: 'Sam Payer', address: '1 Test Road\nTestville\nTT1 1TT' }],
    decisions: [{ label: 'cms_1', effectiveDate: '2018-07-01', weeklyAmount: '30.00' }],
  });
  await store.addCmsEntries(created.id, [
    {
      date: '2018-06-30',
      type: 'opening_balance',
      amount: '2500.00',
      creditor: 'receiving_parent',
      description: 'Arrears transferred from CSA',
    },
    {
      date: '2018-06-30',
      type: 'opening_balance',
      amount: '500.00',
      creditor: 'secretary_of_state',
      description: 'Arrears transferred from CSA',
    },
    ...DUE.map((d) => ({ date: d, type: 'payment_received' as const, amount: '156.00' })),
  ]);
  await store.importRows(
    created.id,
    { sha256: 'c'.repeat(64), size: 900, kind: 'bank_statement', format: 'csv', filename: 'bank.csv' },
    {
      transactions: DUE.map((d, i) => ({
        date: d,
        amount: '156.00',
        direction: 'out' as const,
        description: 'CMS PAYMENT',
        fingerprint: `bank-${i}`,
        source: { line: i + 2 },
      })),
    },
  );
  return created.id;
}

const options: ReconcileOptions = {
  cmsClaim: { date: AS_OF, balance: '3000.00' },
  bankFilter: { descriptionContains: ['CMS'] },
  openingBalance: TRANSFER.openingBalance!,
  writeOffs: TRANSFER.writeOffs!,
};

describe('a CSA case transferred to CMS, reconciled from the stored case', () => {
  it('stores a CSA decision at its stated amount and refuses one to be calculated, naming the field', async () => {
    const c = await store.createCase({ title: 'The CSA years', side: 'paying', scheme: '2003' });
    const d = await store.addDecision(c.id, { label: 'csa_2005', effectiveDate: '2005-03-07', weeklyAmount: '42.50' });
    expect(d).toMatchObject({ label: 'csa_2005', effectiveDate: '2005-03-07', weeklyAmount: '42.50' });
    await expect(
      store.addDecision(c.id, {
        effectiveDate: '2006-01-02',
        calculation: { payingParent: { grossWeeklyIncome: '400' }, receivingParents: [{ children: [{}] }] },
      }),
    ).rejects.toThrow(/calculation: .*give weeklyAmount instead, the weekly amount the CSA decision letter states/);
  });

  it('the case service: each part its own line, the bridge the write-off CMS has not applied', async () => {
    const caseId = await transferredCase();
    const r = await reconcileCase(store, caseId, options, TODAY, () => ({}));
    const b = r.result.balance;
    const m = formatMoney;
    expect([m(b.openingBalance), m(b.due), m(b.paid), m(b.writtenOff), m(b.secretaryOfState), m(b.recomputed)]).toEqual([
      '3000.00',
      '1404.00',
      '1404.00',
      '1000.00',
      '500.00',
      '2000.00',
    ]);
    expect(r.result.bridge.lines.map((l) => [l.kind, m(l.amount)])).toEqual([['write_off_not_applied', '1000.00']]);
    expect(m(r.result.bridge.historic!.openingBalance)).toBe('3000.00');
    // The run keeps its options: a letter or a bundle drafted later quotes the same reconciliation.
    const current = currentReconciliation(await store.caseRecords(caseId), TODAY)!;
    expect(m(current.result.balance.recomputed)).toBe('2000.00');
    expect(current.result.schedule.historic!.writeOffs.map((x) => x.reason)).toEqual(['s41e']);
    const { letter } = await draftCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: TODAY }, TODAY);
    expect(letter.text).toContain('£3,000.00');
    expect(letter.text).toContain('£2,000.00');
    expect(letter.text).toMatch(/Arrears carried over £3,000\.00/);
    expect(letter.text).toMatch(/written off \(Child Support Act 1991 s\.41E\)/);
  });

  it('the reconcile_case tool: the same figures as JSON, the run kept', async () => {
    const caseId = await transferredCase();
    const input = reconcileCaseInput.parse({ caseId, ...options });
    const out = await reconcileStoredCase(store, input, { today: TODAY });
    expect(out.balance).toMatchObject({
      openingBalance: '3000.00',
      writtenOff: '1000.00',
      secretaryOfState: '500.00',
      recomputed: '2000.00',
      cmsClaimed: '3000.00',
      difference: '1000.00',
    });
    expect(out.bridge.historic).toEqual({ openingBalance: '3000.00', writtenOff: '0.00', secretaryOfState: '500.00' });
    expect(out.findings.map((f) => [f.kind, f.effect])).toEqual([['write_off_not_applied', '1000.00']]);
    expect(out.run.saved).toBe(true);
  });
});
