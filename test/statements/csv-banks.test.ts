/**
 * The CSV (and text) exports of the banks added with the registry of banks: Santander, TSB, Halifax, Metro
 * Bank, first direct, the Co-operative Bank, Virgin Money, Revolut and Chase UK. Each fixture in
 * test/fixtures/csv/banks/ is written by test/fixtures/csv/generate.ts from the truth JSON next to it, and
 * parses to that truth exactly: every field of every row (date, description, amount, direction, balance),
 * the metadata, the checks, the warnings and the confidence.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument, type ParseResult } from '../../statements/index.ts';
import { HEADERLESS_LAYOUTS, LAYOUTS } from '../../statements/csv/layouts.ts';
import { supportedBanks } from '../../statements/banks.ts';
import {
  BANK_FIXTURE_DIR,
  encodeText,
  FIXTURE_DIR,
  fixtureNames,
  loadTruth,
  renderCsv,
  renderCsvText,
  type CsvTruth,
  type TruthTransaction,
} from '../fixtures/csv/generate.ts';

const NAMES = fixtureNames(BANK_FIXTURE_DIR);
const truthOf = (name: string) => loadTruth(name, BANK_FIXTURE_DIR);
const committed = (name: string) => new Uint8Array(readFileSync(`${BANK_FIXTURE_DIR}${name}.csv`));
const parse = (bytes: Uint8Array): Promise<ParseResult> => parseDocument({ bytes });

/** A truth row as the parser returns it (without its fingerprint and place). */
function expectedRow(t: TruthTransaction) {
  return {
    date: t.date,
    description: t.description,
    amount: t.amount,
    direction: t.direction,
    ...(t.balance === undefined ? {} : { balance: t.balance }),
    ...(t.reference === undefined ? {} : { reference: t.reference }),
  };
}

test('there is a fixture for each bank added, and one for every CSV layout across both fixture folders', () => {
  expect(NAMES).toEqual(['chase-uk', 'coop', 'first-direct', 'halifax', 'metro', 'revolut', 'santander', 'tsb', 'virgin-money']);
  const covered = new Set([...fixtureNames(FIXTURE_DIR).map((n) => loadTruth(n).layout), ...NAMES.map((n) => truthOf(n).layout)]);
  const layouts = [...LAYOUTS.map((l) => l.id), ...Object.values(HEADERLESS_LAYOUTS).map((l) => l.id)];
  expect(layouts.filter((id) => !covered.has(id))).toEqual([]);
});

test('every bank the registry lists with CSV has a layout with a fixture', () => {
  const covered = new Set([...fixtureNames(FIXTURE_DIR).map((n) => loadTruth(n).layout), ...NAMES.map((n) => truthOf(n).layout)]);
  const csvBanks = supportedBanks().filter((b) => b.formats.includes('csv'));
  for (const bank of csvBanks)
    expect(
      bank.layouts.some((id) => covered.has(id)),
      bank.issuer,
    ).toBe(true);
});

describe.each(NAMES)('%s', (name) => {
  const truth: CsvTruth = truthOf(name);

  test('the committed file is exactly what the generator writes from the truth', () => {
    expect(Buffer.from(committed(name)).equals(Buffer.from(renderCsv(truth)))).toBe(true);
  });

  test('the truth itself adds up, in whole pence', () => {
    const pence = (m: string) => Math.round(Number(m) * 100);
    const breaks: number[] = [];
    truth.transactions.forEach((t, i) => {
      const before = truth.transactions[i - 1];
      if (i === 0 || t.balance === undefined || before?.balance === undefined) return;
      if (pence(before.balance) + (t.direction === 'in' ? 1 : -1) * pence(t.amount) !== pence(t.balance)) breaks.push(i);
    });
    expect(breaks).toEqual([]);
  });

  test('parses to the ground truth exactly: every field of every row, the metadata, checks, warnings, confidence', async () => {
    const result = await parse(committed(name));
    expect(result.kind).toBe('bank_statement');
    expect(result.format).toBe('csv');
    expect(result.cmsEntries).toEqual([]);
    expect(result.transactions.map(({ fingerprint: _f, source: _s, ...row }) => row)).toEqual(truth.transactions.map(expectedRow));
    expect(result.metadata).toEqual(truth.expected.metadata);
    expect(result.checks).toEqual(truth.expected.checks);
    expect(result.warnings).toEqual(truth.expected.warnings);
    expect(result.confidence).toBe(truth.expected.confidence);
  });

  test('fingerprints are distinct and the same on a second import', async () => {
    const first = await parse(committed(name));
    const again = await parse(committed(name));
    const prints = first.transactions.map((t) => t.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect(again.transactions.map((t) => t.fingerprint)).toEqual(prints);
  });

  test('the same file in UTF-16 and with LF line ends reads the same', async () => {
    const text = renderCsvText(truth);
    const baseline = await parse(committed(name));
    for (const bytes of [encodeText(text, 'utf-16le', true), encodeText(text.replace(/\r\n/g, '\n'), 'utf-8', false)]) {
      const result = await parse(bytes);
      expect(result.transactions).toEqual(baseline.transactions);
      expect(result.metadata).toEqual(baseline.metadata);
    }
  });
});

describe('particular cases', () => {
  test('Santander: a text download in windows-1252, no-break spaces after the colons, commas inside descriptions', async () => {
    const bytes = committed('santander');
    // "CAFÉ" is one byte (0xC9), the no-break space 0xA0; nothing is UTF-8.
    expect(bytes.includes(0xc9)).toBe(true);
    expect(bytes.includes(0xa0)).toBe(true);
    expect(bytes.includes(0xc3)).toBe(false);
    const result = await parse(bytes);
    expect(result.transactions[3]).toMatchObject({
      date: '2024-05-07',
      description: 'CARD PAYMENT TO TESTTOWN GROCER,23.45 GBP, RATE 1.00/GBP ON 04-05-2024',
      amount: '23.45',
      direction: 'out',
      balance: '2209.42',
    });
    // Each row is cited by its "Date:" line: newest first, blocks of five lines after four lines of preamble.
    expect(result.transactions.map((t) => t.source)).toEqual([
      { line: 35 },
      { line: 30 },
      { line: 25 },
      { line: 20 },
      { line: 15 },
      { line: 10 },
      { line: 5 },
    ]);
  });

  test('Santander: a block that lost its amount is refused, naming its line', async () => {
    const text = renderCsvText(truthOf('santander')).replace(/Amount:\u00a0-875\.00\u00a0GBP\r\n/, '');
    await expect(parse(encodeText(text, 'utf-8'))).rejects.toMatchObject({
      code: 'parse_failed',
      message: expect.stringMatching(/^Line 10, column "Amount:" \(the amount\) is empty/),
    });
  });

  test('TSB and the Lloyds group share a header: ISO dates are TSB, DD/MM/YYYY the Lloyds group (Halifax)', async () => {
    const tsb = await parse(committed('tsb'));
    const halifax = await parse(committed('halifax'));
    expect([tsb.metadata.issuer, tsb.metadata.layout]).toEqual(['TSB', 'tsb_csv']);
    expect([halifax.metadata.issuer, halifax.metadata.layout]).toEqual(['Lloyds, Halifax or Bank of Scotland', 'lloyds_csv']);
  });

  test('Revolut: declined and pending rows are not transactions; a fee goes out with its payment', async () => {
    const result = await parse(committed('revolut'));
    expect(result.transactions.map((t) => t.description)).not.toContain('Sample Cinema');
    expect(result.transactions.map((t) => t.description)).not.toContain('Sample Taxi');
    // Computed: the ATM withdrawal's Amount is -100.00 and its Fee 1.50, so £101.50 left the account: 103.07 − 101.50 = 1.57.
    expect(result.transactions[3]).toMatchObject({ date: '2024-06-10', amount: '101.50', direction: 'out', balance: '1.57' });
  });

  test('a Lloyds-group file whose first date is damaged is refused for that date, not as a layout it does not know', async () => {
    const text = renderCsvText(truthOf('halifax')).replace('20/09/2024', '31/09/2024');
    await expect(parse(encodeText(text, 'utf-8'))).rejects.toMatchObject({
      code: 'parse_failed',
      message: expect.stringMatching(
        /^Line 2, column "Transaction Date" \(the date\): "31\/09\/2024" is not a real date \(September 2024 has no day 31\)/,
      ),
    });
  });

  test('"Date, Description, Amount" with ISO dates is not first direct: it is a layout to map', async () => {
    const text = 'Date,Description,Amount\r\n2024-10-01,SAMPLE PAYROLL LTD,1987.65\r\n';
    await expect(parse(encodeText(text, 'utf-8'))).rejects.toMatchObject({ code: 'unsupported' });
  });

  test('Starling (checked): a newer download with a "Notes" column after the category reads as the existing fixture does', async () => {
    const truth = loadTruth('starling');
    const lines = renderCsvText(truth).split('\n');
    const withNotes = lines.map((l, i) => (l === '' ? l : i === 0 ? `${l},Notes` : `${l},`)).join('\n');
    const baseline = await parse(new Uint8Array(readFileSync(`${FIXTURE_DIR}starling.csv`)));
    const result = await parse(encodeText(withNotes, 'utf-8'));
    expect(result.metadata.layout).toBe('starling_csv');
    expect(result.transactions).toEqual(baseline.transactions);
  });

  test('first direct is only the exact three-column header: a fourth column makes it a layout to map', async () => {
    const text = 'Date,Description,Amount,Balance\r\n01/10/2024,SAMPLE PAYROLL LTD,1987.65,1987.65\r\n';
    await expect(parse(encodeText(text, 'utf-8'))).rejects.toMatchObject({ code: 'unsupported' });
  });

  test('a layout Reckoner does not know is refused with every bank whose CSV it knows, from the registry', async () => {
    const text = 'Posted,Payee,Value\r\n01/10/2024,SAMPLE,1.00\r\n';
    const error = await parse(encodeText(text, 'utf-8')).catch((e: Error) => e);
    expect((error as Error).message).toContain(
      'it knows the exports of Bank of Scotland, Barclays, Chase UK, The Co-operative Bank, first direct, Halifax, HSBC, Lloyds Bank, Metro Bank, Monzo, Nationwide, NatWest, RBS, Revolut, Santander, Starling Bank, TSB and Virgin Money)',
    );
  });
});
