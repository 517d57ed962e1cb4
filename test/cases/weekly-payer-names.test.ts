/**
 * A paying parent on Direct Pay who pays the weekly amount every Friday, with no bankFilter (journey probe, story 9):
 * the case holds the receiving parent's name, and a bank payment whose description names her is maintenance
 * (cases/inputs.ts passes the case's other-parent names to calc/reconcile/payees.ts). Before, all 26 payments to
 * "C PROBE CM" were set aside as not maintenance (none equals the £260.00 instalment) and the case was told
 * "£1,560.00 owed … £0.00 paid for it" five times.
 *
 * Ground truth: £60.00 a week from 1 April 2024, monthly on the 1st: £60 × 52 ÷ 12 = £260.00; April–September
 * 6 × £260.00 = £1,560.00 due. Paid £60.00 every Friday from 5 April to 27 September 2024: 26 × £60.00 = £1,560.00.
 * Owed on 30 September: £1,560.00 − £1,560.00 = £0.00. CMS, on the receiving parent's report of June, says £260.00:
 * £260.00 too high.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../calc/dates.ts';
import { draftCaseLetter, reconcileRecords } from '../../cases/index.ts';
import { LetterInputError } from '../../letters/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

const TODAY = '2024-10-15';
let store: CaseStore;

/** Every Friday from 5 April to 27 September 2024: 26 of them. */
const FRIDAYS = Array.from({ length: 26 }, (_, i) => addDays('2024-04-05', 7 * i));

async function weeklyPayerCase(receivingParentName: string): Promise<string> {
  const created = await store.createCase({
    title: 'Weekly payer',
    side: 'paying',
    reference: '121000000909',
    parties: [
      { role: 'paying_parent', name: 'Ben Probe', address: '9 Probe Row, Testby TE1 1AJ' },
      { role: 'receiving_parent', name: receivingParentName },
    ],
    service: 'direct_pay',
    frequency: 'monthly',
    firstDueDate: '2024-04-01',
    decisions: [{ effectiveDate: '2024-04-01', letterDate: '2024-03-10', weeklyAmount: '60.00' }],
  });
  await store.importRows(
    created.id,
    { sha256: 'a'.repeat(64), size: 1000, kind: 'bank_statement', format: 'csv', filename: 'metro.csv' },
    {
      transactions: [
        ...FRIDAYS.map((date, i) => ({
          date,
          amount: '60.00',
          direction: 'out' as const,
          description: 'C PROBE CM',
          fingerprint: `cm-${i}`,
        })),
        // Wages in each month, which are nothing to do with maintenance.
        ...['2024-04-26', '2024-05-24', '2024-06-28', '2024-07-26', '2024-08-30', '2024-09-27'].map((date, i) => ({
          date,
          amount: '1850.00',
          direction: 'in' as const,
          description: 'ACME LTD WAGES',
          fingerprint: `wages-${i}`,
        })),
      ],
    },
  );
  await store.addCmsEntries(created.id, [{ date: '2024-06-01', type: 'missed_payment_reported', amount: '260.00' }]);
  return created.id;
}

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

const options = { cmsClaim: { date: '2024-09-30', balance: '260.00' } };

describe('a weekly payer with no bankFilter, the case holding the other parent’s name', () => {
  it('counts the 26 payments that name her: nothing owed, CMS’s £260.00 too high', async () => {
    expect(FRIDAYS.at(-1)).toBe('2024-09-27');
    const id = await weeklyPayerCase('Cat Probe');
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY).result;
    expect(r.balance.recomputed.toFixed(2)).toBe('0.00');
    // £260.00 − £0.00.
    expect(r.balance.difference?.toFixed(2)).toBe('260.00');
    expect(r.findings.map((f) => f.explanation).join(' ')).not.toContain('£0.00 paid for it');
  });

  it('a payee that names nobody the case knows is not assumed: the shortfalls say the payments were set aside', async () => {
    const id = await weeklyPayerCase('Dana Other');
    const r = reconcileRecords(await store.caseRecords(id), options, TODAY).result;
    // Nothing counted: 6 × £260.00 = £1,560.00 owed, but no finding states "£0.00 paid" as the evidence's fact.
    expect(r.balance.recomputed.toFixed(2)).toBe('1560.00');
    const words = r.findings.map((f) => f.explanation).join(' ');
    expect(words).toContain('set aside');
    expect(words).toContain('bankFilter');
  });

  it('a plan accepting those arrears is refused until the payee is named: no letter says £0.00 paid', async () => {
    const id = await weeklyPayerCase('Dana Other');
    const plan = { frequency: 'monthly', instalments: 6, firstPaymentOn: '2024-11-01' };
    const error = await draftCaseLetter(store, id, { type: 'arrears_payment_plan', sentOn: TODAY, facts: plan }, TODAY).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LetterInputError);
    const problem = (error as LetterInputError).problems.find((p) => p.field === 'reconciliation.bankFilter');
    // 26 × £60.00 = £1,560.00 set aside.
    expect(problem?.message).toContain('26 payments to “C PROBE CM” totalling £1,560.00');
  });
});
