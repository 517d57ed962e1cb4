/**
 * A CMS statement of another of the parent's cases, imported into this one (journey probe, story 3). A paying parent
 * has two CMS cases, 1217 0000 0001 (this one) and 1217 0000 0002, each £40.00 a week on Collect and Pay from
 * 1 November 2025, monthly: 40 × 52 ÷ 12 = £173.33 and the 20% fee £34.67 (173.33 × 0.2 = 34.666), £208.00 a month.
 * He pays each case £208.00 on the 2nd of every month with its own reference. CMS put his February payment for this
 * case on the other one: this case's statement shows five receipts and "Balance you owe 208.00"; the other's seven,
 * and "Balance you owe -208.00". Both statements are imported into this case, the other one last.
 *
 * Worked out by hand, to 30 April 2026: due 6 × £208.00 = £1,248.00 (maintenance 6 × £173.33 = £1,039.98, fees
 * 6 × £34.67 = £208.02), paid 6 × £208.00 = £1,248.00 for this case: nothing owed. CMS's £208.00 is the February
 * payment it recorded on the other case: one line of £208.00.
 *
 * Before: the other statement's lines were read as this case's ("CMS charged £173.33 maintenance twice for
 * 1 November 2025 …" six times, and its fees), "£1,248.00 overpaid", and CMS's claim (−£208.00) read from it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reconcileRecords } from '../../cases/reconcile.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore, ReconcileOptions } from '../../store/types.ts';
import { ddMonYYYY, grouped } from '../fixtures/pdf/generate.ts';
import { drawSheet, type SheetColumn, type SheetLine } from '../fixtures/pdf/ground-truth-statement.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

const THIS = '121700000001';
const OTHER = '121700000002';
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
const TODAY = '2026-05-20';
const options: ReconcileOptions = { bankFilter: { descriptionContains: ['CMS CHILD MAINT'] } };

const COLUMNS: readonly SheetColumn[] = [
  { key: 'date', label: 'Date', x: 40, w: 70, align: 'left' },
  { key: 'desc', label: 'Description', x: 115, w: 220, align: 'left' },
  { key: 'due', label: 'Due', x: 340, w: 65, align: 'right' },
  { key: 'paid', label: 'Paid', x: 410, w: 65, align: 'right' },
];

/** A statement of one case: £173.33 and £34.67 due on the 1st, £208.00 received on the 3rd of the months given. */
function statement(reference: string, received: readonly string[], owed: string): Promise<Uint8Array> {
  const lines: SheetLine[] = [];
  for (const ym of MONTHS) {
    lines.push({ date: ddMonYYYY(`${ym}-01`), desc: 'Payment due', due: '173.33' });
    lines.push({ date: ddMonYYYY(`${ym}-01`), desc: 'Collection fee', due: '34.67' });
    for (const day of received.filter((d) => d.startsWith(ym)))
      lines.push({ date: ddMonYYYY(day), desc: 'Payment received - thank you', paid: '208.00' });
  }
  return drawSheet({
    top: [
      'Child Maintenance Service',
      'Statement of account',
      `Case reference: ${reference.replace(/(\d{4})(?=\d)/g, '$1 ')}`,
      'Mr Oliver Testcase',
      'Statement period: 01 Nov 2025 to 30 Apr 2026',
      `Balance you owe ${owed.startsWith('-') ? '-' : ''}${grouped(owed)}`,
    ],
    columns: COLUMNS,
    lines,
  });
}

/** This case's statement: no receipt in February. The other's: its own six and this case's February payment. */
const thisReceipts = MONTHS.filter((m) => m !== '2026-02').map((m) => `${m}-03`);
const otherReceipts = [...MONTHS.map((m) => `${m}-03`), '2026-02-03'];

let store: CaseStore;
beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

async function importPdf(caseId: string, bytes: Uint8Array, filename: string): Promise<void> {
  const parsed = await parsePdf({ bytes });
  await store.importParsed(caseId, { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, filename }, parsed);
}

/** The case (with its reference, or none), with this case's statement, the bank's lines, then the other statement. */
async function caseWithBoth(reference: string | undefined): Promise<string> {
  const created = await store.createCase({
    title: 'Payment put on my other case',
    side: 'paying',
    scheme: '2012',
    ...(reference ? { reference } : {}),
    service: 'collect_and_pay',
    frequency: 'monthly',
    firstDueDate: '2025-11-01',
    parties: [{ role: 'paying_parent', name: 'Oliver Testcase', address: '9 Placeholder Road\nMocktown\nMO2 4CK' }],
    decisions: [{ label: 'cms_1', effectiveDate: '2025-11-01', weeklyAmount: '40.00' }],
  });
  await importPdf(created.id, await statement(THIS, thisReceipts, '208.00'), 'cms-this-case.pdf');
  await store.importRows(
    created.id,
    {
      sha256: createHash('sha256').update(`bank ${created.id}`).digest('hex'),
      size: 100,
      kind: 'bank_statement',
      format: 'csv',
      filename: 'bank.csv',
    },
    {
      transactions: MONTHS.flatMap((m, i) =>
        [THIS, OTHER].map((ref, k) => ({
          date: `${m}-02`,
          amount: '208.00',
          direction: 'out' as const,
          description: `CMS CHILD MAINT ${ref}`,
          fingerprint: `bank-${m}-${ref}`,
          source: { line: 2 + 2 * i + k },
        })),
      ),
    },
  );
  await importPdf(created.id, await statement(OTHER, otherReceipts, '-208.00'), 'cms-other-case.pdf');
  return created.id;
}

describe('a CMS statement that prints another case’s reference', () => {
  test('its lines are that case’s: this case owes nothing, and CMS’s £208.00 is the payment it put on the other case', async () => {
    const id = await caseWithBoth(THIS);
    const records = await store.caseRecords(id);
    const r = reconcileRecords(records, options, TODAY);
    // CMS's figure is this case's statement's, on its last day; not the other's −£208.00.
    const thisStatement = records.documents.find((d) => d.filename === 'cms-this-case.pdf')!;
    expect(r.options.cmsClaim).toEqual({ date: '2026-04-30', balance: '208.00' });
    expect(r.defaults.claimFrom).toBe(thisStatement.id);
    const b = r.result.balance;
    // Due 6 × £208.00 = £1,248.00; paid for this case 6 × £208.00 = £1,248.00: nothing owed. CMS says £208.00.
    expect([b.due, b.paid, b.recomputed, b.cmsClaimed, b.difference].map((x) => x?.toFixed(2))).toEqual([
      '1248.00',
      '1248.00',
      '0.00',
      '208.00',
      '208.00',
    ]);
    // No charge of the other case's is this case's twice.
    expect(r.result.findings.map((f) => [f.kind, f.date, f.amount.toFixed(2), f.effect.toFixed(2)])).toEqual([
      ['payment_on_wrong_case', '2026-02-02', '208.00', '208.00'],
    ]);
    expect(r.result.findings[0]!.explanation).toMatch(/^£208\.00 left your account on 2 February 2026 .*another case/);
    // The bridge: CMS's £208.00 − the recomputed £0.00 = the one line, £208.00.
    expect(r.result.bridge.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['payment_on_wrong_case', '208.00']]);
    expect(r.result.warnings).toContain(
      'The CMS statement “cms-other-case.pdf” prints the case reference 1217 0000 0002, not this case’s (1217 0000 0001): it was read as that case’s statement. Its lines are that case’s (a payment it records that the evidence shows paid for this case is one CMS recorded on the wrong case), and CMS’s figure, the balance it brings forward and its payment plan are not taken from it.',
    );
  });

  test('a case with no reference of its own reads every statement as its own, as before', async () => {
    const id = await caseWithBoth(undefined);
    const records = await store.caseRecords(id);
    const r = reconcileRecords(records, options, TODAY);
    // Nothing to compare the printed reference with: CMS's figure is the latest statement's, the one imported last
    // (−£208.00), and each month's charges are there twice (6 × £173.33 and 6 × £34.67 again).
    expect(r.options.cmsClaim).toEqual({ date: '2026-04-30', balance: '-208.00' });
    expect(r.defaults.claimFrom).toBe(records.documents.find((d) => d.filename === 'cms-other-case.pdf')!.id);
    expect(r.result.findings.filter((f) => f.kind === 'duplicate_liability')).toHaveLength(6);
    expect(r.result.warnings.some((w) => w.includes('not this case’s'))).toBe(false);
  });
});
