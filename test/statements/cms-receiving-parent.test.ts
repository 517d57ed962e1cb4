/**
 * A receiving parent's own Collect and Pay statement (journey probe, story 1). Her statement's balance is what she is
 * owed, and her 4% collection fee (SI 2014/612) is printed in the paid column, taken from what she is passed. The reader
 * took each fee as an adjustment (a credit) with a warning that it "belongs in the due column"; her reconciliation then
 * came to £195.20 owed to her, where the same lines typed in as `collection_fee` give £340.80.
 *
 * Asserted here: a fee line is a `collection_fee` of the amount printed (positive, no chargeType: calc's chargeType is
 * for enforcement charges only) in whatever words and column it is printed, read as the receiving side needs; a line
 * whose meaning the statement does not settle is warned of; two layouts drawn from ground truth come back entry for
 * entry, with their metadata; and story 1's statement, through the store, reconciles to £340.80 owed to her.
 *
 * CMS documents are read from PDF only (statements/index.ts: a CSV or OFX file is a bank statement), so there is no CSV
 * layout to draw.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { reconcileRecords } from '../../cases/reconcile.ts';
import { Dec, formatMoney } from '../../calc/money.ts';
import { cmsEntryType, statementSide } from '../../statements/pdf/cms.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import type { ParseResult } from '../../statements/types.ts';
import { openStore } from '../../store/open.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { cmsEntriesOf, renderUnseen, type Layout } from './unseen/pdf.ts';
import { RECEIVING, RECEIVING_DUE_PAID_TO_YOU, RECEIVING_SIGNED_LANDSCAPE, receivingTotals } from './unseen/receiving.ts';
import type { Account, TruthRow } from './unseen/truth.ts';

const entriesOf = (r: ParseResult) => r.cmsEntries.map(({ fingerprint: _f, ...e }) => e);

describe('a fee line is a collection fee wherever it is printed', () => {
  const fee = { type: 'collection_fee', recognised: true };
  test.each([
    'Collection fee (4%) deducted',
    'Collection fee deducted',
    'Fee deducted from payment',
    'Fee deducted from payment passed on to you',
    '4% collection fee',
    'Deducted collection fee',
    'Collection charge (4%)',
  ])('"%s" in the paid column: the receiving parent’s 4%, on any statement that is not the paying parent’s', (wording) => {
    expect(cmsEntryType(wording, 'paid')).toEqual(fee);
    expect(cmsEntryType(wording, 'paid', 'receiving')).toEqual(fee);
  });

  test('a bare "Collection fee" in the paid column is hers on her statement; on a statement that does not say whose, read as hers and warned of', () => {
    expect(cmsEntryType('Collection fee', 'paid', 'receiving')).toEqual(fee);
    const unsure = cmsEntryType('Collection fee', 'paid');
    expect(unsure).toMatchObject({ type: 'collection_fee', recognised: false });
    expect(unsure.doubt).toMatch(/nothing else on the statement says whose it is.*Check this line/);
  });

  test('in the paid column of the paying parent’s statement a fee lowers what he owes: not understood, read from its column and warned of, as before', () => {
    expect(cmsEntryType('Collection fee', 'paid', 'paying')).toEqual({
      type: 'adjustment',
      recognised: false,
      contradicts: 'collection_fee',
    });
  });

  test('in the due column: the paying parent’s fee; on her statement (the due column raises what she is owed) warned of', () => {
    expect(cmsEntryType('Collection charge (20%)', 'due')).toEqual(fee);
    expect(cmsEntryType('Collection fee', 'due', 'paying')).toEqual(fee);
    const hers = cmsEntryType('Collection fee', 'due', 'receiving');
    expect(hers).toMatchObject({ type: 'collection_fee', recognised: false });
    expect(hers.doubt).toMatch(/due column of what reads as a receiving parent’s statement.*Check this line/);
  });

  test('a payment named before the fee is the payment; a refund, waiver or reversal of a fee is that', () => {
    expect(cmsEntryType('Payment to you after the 4% collection fee', 'paid')).toEqual({ type: 'payment_passed_on', recognised: true });
    expect(cmsEntryType('Payment passed on to you less collection fee', 'paid')).toEqual({ type: 'payment_passed_on', recognised: true });
    expect(cmsEntryType('Payment received - collection fees', 'paid', 'paying')).toEqual({ type: 'payment_received', recognised: true });
    expect(cmsEntryType('Collection fee waived', 'paid', 'receiving')).toEqual({ type: 'adjustment', recognised: true });
    expect(cmsEntryType('Collection fee reversed', 'due', 'receiving')).toEqual({ type: 'adjustment', recognised: true });
    expect(cmsEntryType('Collection fee refund', 'due', 'receiving')).toEqual({ type: 'refund', recognised: true });
  });

  test('payments to her in her statement’s words', () => {
    for (const w of ['Payment passed on to you', 'Payment to you', 'Paid to you', 'Paid into your account', 'Payments sent to you']) {
      expect(cmsEntryType(w, 'paid', 'receiving')).toEqual({ type: 'payment_passed_on', recognised: true });
    }
  });

  test('whose statement it is, from its words', () => {
    expect(statementSide(['Balance owed to you £24.60'])).toBe('receiving');
    expect(statementSide(['Maintenance due to you', 'Payment passed on to you'])).toBe('receiving');
    expect(statementSide(['Balance you owe £440.00', 'Payment received - thank you'])).toBe('paying');
    // A paying parent's statement whose summary says "Amount owed to you" (cms-balance-wording.test.ts) says both.
    expect(statementSide(['Amount owed to you 440.00', 'Payment received - thank you'])).toBeUndefined();
    expect(statementSide(['Statement of account', 'Collection fee'])).toBeUndefined();
    // Both: it does not say.
    expect(statementSide(['Balance you owe', 'Refund paid to you'])).toBeUndefined();
  });
});

describe('a receiving parent’s statement, drawn from ground truth', () => {
  const t = receivingTotals(RECEIVING);
  test('the truth’s figures, worked by hand: due £780.00, fees £32.20, paid to her £723.20, owed to her £24.60', () => {
    expect(t).toEqual({ due: '780.00', fees: '32.20', paid: '723.20', closing: '24.60' });
  });

  const metadata = (layout: Layout) => ({
    issuer: 'Child Maintenance Service',
    layout: 'cms_statement_pdf_v1',
    accountHolder: 'MS R E CEIVER',
    caseReference: '121555000111',
    periodStart: '2024-12-01',
    periodEnd: '2025-02-28',
    openingBalance: '0.00',
    closingBalance: '24.60',
    // "Paid to you £723.20" where the summary prints it; else the payments passed on, added up.
    totalPaidIn: '723.20',
    pages: layout === RECEIVING_DUE_PAID_TO_YOU ? 2 : 1,
  });

  test.each([RECEIVING_DUE_PAID_TO_YOU, RECEIVING_SIGNED_LANDSCAPE].map((l) => [l.name, l] as const))(
    '%s: every entry exact (date, type, amount, no chargeType, page and line); each fee a collection fee; no warning',
    async (_name, layout) => {
      const drawn = await renderUnseen(layout, [RECEIVING]);
      const result = await parsePdf({ bytes: drawn.bytes });
      expect(result.kind).toBe('cms_statement');
      const entries = entriesOf(result);
      expect(entries).toEqual(cmsEntriesOf(drawn.expected[0]!, RECEIVING));
      expect(entries.filter((e) => e.type === 'collection_fee').map((e) => [e.date, e.amount, e.description])).toEqual([
        ['2024-12-09', '10.40', 'Collection fee (4%) deducted'],
        ['2025-01-10', '10.40', 'Fee deducted from payment'],
        ['2025-02-07', '10.40', 'Collection fee'],
        ['2025-02-21', '1.00', '4% collection fee on arrears collected'],
      ]);
      expect(entries.every((e) => !('chargeType' in e))).toBe(true);
      expect(entries.some((e) => e.type === 'adjustment')).toBe(false);
      expect(result.checks.runningBalance).toBe('ok');
      expect(result.checks.totals).toBe('ok');
      if (layout === RECEIVING_DUE_PAID_TO_YOU) {
        // The summary box's four figures, each checked against the entries.
        expect(result.checks.totalsDetail).toBe(
          'The printed payments due £780.00, payments received £723.20, collection fees £32.20, closing balance £24.60 agree with the 11 entries.',
        );
      }
      expect(result.warnings).toEqual([]);
      expect(result.metadata).toEqual(metadata(layout));
    },
  );
});

// ------------------------------------------------------------------------------------------ through the store

/**
 * Story 1 (journey probe): £60.00 a week from 1 July 2025 (£260.00 a month, 4% £10.40, she is passed £249.60), ten
 * months to April 2026. CMS's statement says every month was passed on, February's fee £52.00 (20%, not 4%: she was
 * passed £208.00), November's on the 10th, March's on the 9th. Her bank shows March never arrived, November's £200.00
 * (short), January's 21 days late. Worked by hand: due net 10 × £249.60 = £2,496.00; she received 7 × £249.60 + £200.00
 * + £208.00 = £2,155.20; owed to her £340.80.
 */
function storyOne(): { account: Account; bank: { date: string; amount: string }[] } {
  const rows: TruthRow[] = [];
  const bank: { date: string; amount: string }[] = [];
  const months = Array.from({ length: 10 }, (_, i) => {
    const m = 7 + i;
    return `${m > 12 ? 2026 : 2025}-${String(m > 12 ? m - 12 : m).padStart(2, '0')}`;
  });
  for (const ym of months) {
    const fee = ym === '2026-02' ? '52.00' : '10.40';
    const passed = formatMoney(new Dec('260.00').minus(fee));
    const day = ({ '2025-11': '10', '2026-03': '09' } as Record<string, string>)[ym] ?? '08';
    rows.push({ date: `${ym}-01`, lines: ['Maintenance due to you'], amount: '260.00', direction: 'in', cms: { type: 'liability' } });
    rows.push({
      date: `${ym}-${day}`,
      lines: ['Collection fee (4%) deducted'],
      amount: fee,
      direction: 'out',
      cms: { type: 'collection_fee' },
    });
    rows.push({
      date: `${ym}-${day}`,
      lines: ['Payment passed on to you'],
      amount: passed,
      direction: 'out',
      cms: { type: 'payment_passed_on' },
    });
    if (ym === '2026-03') continue;
    bank.push({ date: `${ym}-${ym === '2026-01' ? '29' : day}`, amount: ym === '2025-11' ? '200.00' : passed });
  }
  const account: Account = {
    name: 'MS A TESTWELL',
    sortCode: '',
    number: '121555000111',
    periodStart: '2025-07-01',
    periodEnd: '2026-04-30',
    openingBalance: '0.00',
    rows,
  };
  return { account, bank };
}

describe('story 1 through the store: her statement read, reconciled', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await close?.();
    cleanup();
  });

  test('the fees are collection fees, and she is owed £340.80 (the imported statement gave £195.20)', async () => {
    const { account, bank } = storyOne();
    const drawn = await renderUnseen(RECEIVING_DUE_PAID_TO_YOU, [account]);
    const parsed = await parsePdf({ bytes: drawn.bytes });
    expect(entriesOf(parsed)).toEqual(cmsEntriesOf(drawn.expected[0]!, account));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.metadata.closingBalance).toBe('0.00');

    const store = await openStore({ dataDir: await freshDataDir() });
    close = () => store.close();
    const created = await store.createCase({
      title: 'CMS not passing on maintenance',
      side: 'receiving',
      scheme: '2012',
      reference: '121555000111',
      service: 'collect_and_pay',
      frequency: 'monthly',
      firstDueDate: '2025-07-01',
      parties: [
        { role: 'receiving_parent', name: 'Aisha Testwell', address: '12 Example Row\nTestford\nTE1 2ST' },
        { role: 'paying_parent', name: 'Gareth Sample' },
      ],
      decisions: [{ label: 'decision_1', effectiveDate: '2025-07-01', weeklyAmount: '60.00', service: 'collect_and_pay' }],
    });
    await store.importParsed(
      created.id,
      { sha256: createHash('sha256').update(drawn.bytes).digest('hex'), size: drawn.bytes.length },
      parsed,
    );
    await store.importRows(
      created.id,
      {
        sha256: createHash('sha256').update('story 1 bank').digest('hex'),
        size: 100,
        kind: 'bank_statement',
        format: 'csv',
        filename: 'bank.csv',
      },
      {
        transactions: bank.map((b, i) => ({
          date: b.date,
          amount: b.amount,
          direction: 'in' as const,
          description: 'CMS CHILD MAINT 121555000111',
          fingerprint: `bank-${i}`,
          source: { line: i + 2 },
        })),
      },
    );
    const r = reconcileRecords(
      await store.caseRecords(created.id),
      { bankFilter: { descriptionContains: ['CMS CHILD MAINT'] }, cmsClaim: { date: '2026-04-30', balance: '0.00', basis: 'net' } },
      '2026-05-20',
    );
    const b = r.result.balance;
    expect([b.basis, b.due.toFixed(2), b.paid.toFixed(2), b.adjustments.toFixed(2), b.recomputed.toFixed(2)]).toEqual([
      'net',
      '2496.00',
      '2155.20',
      '0.00',
      '340.80',
    ]);
  });
});
