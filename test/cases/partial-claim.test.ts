/**
 * A claim given in part completes the one the case's CMS statement prints, the fields given winning (journey probe,
 * story 1: reconcile_case refused "cmsClaim.basis: say whether …"; `{ basis: 'net' }` alone then replaced the
 * statement's claim and was refused "cmsClaim.date: give the date", then "give the balance CMS states", so the model
 * typed in CMS's date and balance from the statement the case holds). A refusal names the one thing to add, and a
 * field reconcile_case takes (it said "schedule.asOf", a field reconcile_case does not have).
 *
 * The statement is drawn from the ground truth in test/fixtures/pdf/cms-balance-statement.ts ("Balance you owe
 * 440.00" on 20 December 2024: £75.00 a week on Collect and Pay, 4 × (£325.00 + £65.00) + £50.00 − 3 × £390.00 =
 * £440.00, which is what the decisions and the evidence give too).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../calc/errors.ts';
import { reconcileRecords } from '../../cases/reconcile.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore, ReconcileOptions } from '../../store/types.ts';
import { CLOSING, drawCmsStatement, PERIOD_END } from '../fixtures/pdf/cms-balance-statement.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { caseWithCmsStatement } from './cms-statement-case.ts';

const TODAY = '2025-01-06';
const options: ReconcileOptions = { bankFilter: { descriptionContains: ['CMS'] } };
/** What a caller sends in part: the tool's schema lets each field of cmsClaim be left out. */
type Partial = NonNullable<ReconcileOptions['cmsClaim']>;

let store: CaseStore;
beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.problems[0]!;
    throw e;
  }
  throw new Error('not refused');
}

describe('a claim given in part', () => {
  test('its basis alone: CMS’s balance and its day are the statement’s', async () => {
    const id = await caseWithCmsStatement(store, { balanceLabel: 'Balance you owe' }, 'partial-basis.pdf');
    const r = reconcileRecords(await store.caseRecords(id), { ...options, cmsClaim: { basis: 'gross' } as Partial }, TODAY);
    expect(CLOSING).toBe('440.00');
    expect(r.options.cmsClaim).toEqual({ date: PERIOD_END, balance: '440.00', basis: 'gross' });
    expect(r.options.asOf).toBe(PERIOD_END);
    expect(r.defaults.claimFrom).toEqual(expect.any(String));
    // £1,560.00 due + £50.00 charge − £1,170.00 paid = £440.00, CMS's own figure: nothing between them.
    const b = r.result.balance;
    expect([b.cmsClaimed?.toFixed(2), b.recomputed.toFixed(2), b.difference?.toFixed(2)]).toEqual(['440.00', '440.00', '0.00']);
  });

  test('a balance without a day: the day is the statement’s, the balance the one given', async () => {
    const id = await caseWithCmsStatement(store, { balanceLabel: 'Balance you owe' }, 'partial-balance.pdf');
    const r = reconcileRecords(await store.caseRecords(id), { ...options, cmsClaim: { balance: '500.00' } as Partial }, TODAY);
    expect(r.options.cmsClaim).toEqual({ date: PERIOD_END, balance: '500.00' });
    // £500.00 given − £440.00 worked out = £60.00 the entries do not explain.
    expect(r.result.balance.difference?.toFixed(2)).toBe('60.00');
  });

  test('a day other than the statement’s, with no figure: asks for the balance on that day', async () => {
    const id = await caseWithCmsStatement(store, { balanceLabel: 'Balance you owe' }, 'partial-day.pdf');
    const records = await store.caseRecords(id);
    expect(refusal(() => reconcileRecords(records, { ...options, cmsClaim: { date: '2024-12-31' } as Partial }, TODAY))).toEqual({
      field: 'cmsClaim.balance',
      message:
        'give the balance CMS states for 2024-12-31: the CMS statement “partial-day.pdf” gives CMS’s figure for 2024-12-20 only (leave cmsClaim.date out to use that one)',
    });
  });
});

describe('a day to reconcile to that is not the day of CMS’s figure', () => {
  test('is refused naming asOf, the field reconcile_case takes, not schedule.asOf', async () => {
    const id = await caseWithCmsStatement(store, { balanceLabel: 'Balance you owe' }, 'later-as-of.pdf');
    const records = await store.caseRecords(id);
    expect(refusal(() => reconcileRecords(records, { ...options, asOf: '2025-01-06' }, TODAY))).toEqual({
      field: 'asOf',
      message:
        'is 2025-01-06, but CMS’s figure, read from the CMS statement “later-as-of.pdf”, is for 2024-12-20: the balances are compared on one day, so leave asOf out (reconciled to 2024-12-20), or give as cmsClaim (date and balance) a figure CMS states for 2025-01-06; its figure for 2024-12-20 is not its figure on 2025-01-06',
    });
    // A claim typed in with another day: the same field, saying which.
    expect(
      refusal(() =>
        reconcileRecords(records, { ...options, asOf: '2025-01-06', cmsClaim: { date: PERIOD_END, balance: '440.00' } }, TODAY),
      ),
    ).toEqual({
      field: 'asOf',
      message:
        'is 2025-01-06 but cmsClaim.date is 2024-12-20; the balances are compared on one day, so leave asOf out (the claim’s date is used) or make them the same',
    });
  });
});

describe('a receiving parent’s figure read from her statement', () => {
  /** The same statement in a receiving parent's case: on Collect and Pay, gross and net differ. */
  async function receivingCase(): Promise<string> {
    const created = await store.createCase({
      title: 'Statement of a receiving parent',
      side: 'receiving',
      scheme: '2012',
      reference: '121399887766',
      service: 'collect_and_pay',
      frequency: 'monthly',
      firstDueDate: '2024-09-01',
      parties: [{ role: 'receiving_parent', name: 'Rhian Sample', address: '2 Test Road\nTestville\nTT1 1TT' }],
      decisions: [{ label: 'cms_1', effectiveDate: '2024-09-01', weeklyAmount: '75.00' }],
    });
    const bytes = await drawCmsStatement({ balanceLabel: 'Balance you owe' });
    await store.importParsed(
      created.id,
      { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, filename: 'her-statement.pdf' },
      await parsePdf({ bytes }),
    );
    return created.id;
  }

  test('is refused saying the one thing to add, its basis, and runs with that alone', async () => {
    const records = await store.caseRecords(await receivingCase());
    const { field, message } = refusal(() => reconcileRecords(records, options, TODAY));
    expect(field).toBe('cmsClaim.basis');
    expect(message).toMatch(/^say whether CMS’s figure is gross .* or net /);
    expect(message.slice(message.indexOf('. CMS’s figure'))).toBe(
      '. CMS’s figure (£440.00 on 2024-12-20) is read from the CMS statement the case holds: send only its basis, as cmsClaim { "date": "2024-12-20", "basis": "net" } (or "gross"), and its balance is read from the statement',
    );
    // As the refusal says (the tool's schema asks for a date), and with the basis alone.
    const dated = reconcileRecords(records, { ...options, cmsClaim: { date: PERIOD_END, basis: 'gross' } as Partial }, TODAY);
    expect(dated.options.cmsClaim).toEqual({ date: PERIOD_END, balance: '440.00', basis: 'gross' });
    const r = reconcileRecords(records, { ...options, cmsClaim: { basis: 'gross' } as Partial }, TODAY);
    expect(r.options.cmsClaim).toEqual({ date: PERIOD_END, balance: '440.00', basis: 'gross' });
    expect(r.result.balance.cmsClaimed?.toFixed(2)).toBe('440.00');
  });
});
