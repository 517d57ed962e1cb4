/**
 * Every CSV fixture parses to its ground truth exactly: every field of every row, the metadata, the checks,
 * the warnings and the confidence. The fixtures are written by test/fixtures/csv/generate.ts from the truth
 * JSON next to them; the first test makes sure the committed CSVs are exactly what the generator writes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument, type CsvMapping, type ParseResult } from '../../statements/index.ts';
import {
  encodeText,
  FIXTURE_DIR,
  fixtureNames,
  loadTruth,
  renderCsv,
  renderCsvText,
  type CsvTruth,
  type TruthTransaction,
} from '../fixtures/csv/generate.ts';

const NAMES = fixtureNames();

function committed(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}.csv`));
}

async function parse(bytes: Uint8Array, truth: CsvTruth): Promise<ParseResult> {
  return parseDocument({ bytes, ...(truth.csvMapping ? { csvMapping: truth.csvMapping as unknown as CsvMapping } : {}) });
}

/** A truth row as the parser returns it (without its fingerprint). */
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

test('there is a fixture for every layout', () => {
  const layouts = new Set(NAMES.map((n) => loadTruth(n).layout));
  expect([...layouts].sort()).toEqual([
    'barclays_csv',
    'custom_csv',
    'hsbc_csv',
    'lloyds_csv',
    'monzo_csv',
    'monzo_legacy_csv',
    'nationwide_midata_csv',
    'nationwide_statement_csv',
    'natwest_csv',
    'starling_csv',
  ]);
});

describe.each(NAMES)('%s', (name) => {
  const truth = loadTruth(name);

  test('the committed CSV is exactly what the generator writes from the truth', () => {
    expect(Buffer.from(committed(name)).equals(Buffer.from(renderCsv(truth)))).toBe(true);
  });

  test('the truth itself adds up (worked in whole pence, apart from the break it declares)', () => {
    const pence = (m: string) => Math.round(Number(m) * 100);
    const breaks: number[] = [];
    truth.transactions.forEach((t, i) => {
      const before = truth.transactions[i - 1];
      if (i === 0 || t.balance === undefined || before?.balance === undefined) return;
      if (pence(before.balance) + (t.direction === 'in' ? 1 : -1) * pence(t.amount) !== pence(t.balance)) breaks.push(i);
    });
    const declared = (truth.expected.checks.firstBreak as { row: number } | undefined)?.row;
    expect(breaks).toEqual(declared === undefined ? [] : [declared]);
  });

  test('parses to the ground truth exactly', async () => {
    const result = await parse(committed(name), truth);
    expect(result.kind).toBe('bank_statement');
    expect(result.format).toBe('csv');
    expect(result.cmsEntries).toEqual([]);
    // Fingerprints are tested below, each row's line in the file in provenance.test.ts.
    expect(result.transactions.map(({ fingerprint: _f, source: _s, ...row }) => row)).toEqual(truth.transactions.map(expectedRow));
    expect(result.metadata).toEqual(truth.expected.metadata);
    expect(result.checks).toEqual(truth.expected.checks);
    if (truth.expected.warnings) expect(result.warnings).toEqual(truth.expected.warnings);
    for (const part of truth.expected.warningsContain ?? [])
      expect(
        result.warnings.some((w) => w.includes(part)),
        part,
      ).toBe(true);
    expect(result.confidence).toBe(truth.expected.confidence);
  });

  test('fingerprints are distinct, and the same when the statement is imported again', async () => {
    const first = await parse(committed(name), truth);
    const again = await parse(committed(name), truth);
    const prints = first.transactions.map((t) => t.fingerprint);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(prints).size).toBe(prints.length);
    expect(again.transactions.map((t) => t.fingerprint)).toEqual(prints);
  });

  test('the same statement in UTF-16 (LE with a BOM, BE without) and with other line ends reads the same', async () => {
    const text = renderCsvText(truth);
    const baseline = await parse(committed(name), truth);
    const variants = [
      encodeText(text, 'utf-16le', true),
      encodeText(text, 'utf-16be', false),
      encodeText(text.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n'), 'utf-8', true),
      encodeText(text.replace(/\r\n/g, '\n'), 'utf-8', false),
    ];
    for (const bytes of variants) {
      const result = await parse(bytes, truth);
      expect(result.transactions).toEqual(baseline.transactions);
      expect(result.metadata).toEqual(baseline.metadata);
    }
  });
});

describe('particular cases', () => {
  test('Nationwide is read as windows-1252: "£" is the single byte 0xA3, and the file has CRLF line ends', () => {
    const bytes = committed('nationwide-statement');
    expect([...bytes].filter((b) => b === 0xa3).length).toBeGreaterThan(10);
    expect([...bytes].filter((b) => b === 0xc2).length).toBe(0);
    // "SAMPLE’S": the curly apostrophe is 0x92 in windows-1252 (ISO-8859-1 has a control code there).
    expect(bytes.includes(0x92)).toBe(true);
    expect(Buffer.from(bytes).toString('latin1')).toContain('\r\n');
  });

  test('two identical payments on one day keep distinct fingerprints (Barclays: two £3.95 coffees on 7 Feb)', async () => {
    const truth = loadTruth('barclays');
    const result = await parse(committed('barclays'), truth);
    const coffees = result.transactions.filter((t) => t.date === '2024-02-07');
    expect(coffees).toHaveLength(2);
    expect(coffees[0]!.amount).toBe(coffees[1]!.amount);
    expect(coffees[0]!.description).toBe(coffees[1]!.description);
    expect(coffees[0]!.fingerprint).not.toBe(coffees[1]!.fingerprint);
  });

  test('a re-formatted export of the same transactions (spacing, case of the file) keeps the fingerprints', async () => {
    const truth = loadTruth('barclays');
    const baseline = await parse(committed('barclays'), truth);
    // Different padding inside the memo: the normalised description is the same.
    const text = renderCsvText(truth).replace(/ {2,}/g, ' ');
    const result = await parse(encodeText(text, 'utf-8'), truth);
    expect(result.transactions.map((t) => t.fingerprint)).toEqual(baseline.transactions.map((t) => t.fingerprint));
  });

  test('a newest-first file (Lloyds) is checked in the order of events and returned oldest first', async () => {
    const result = await parse(committed('lloyds'), loadTruth('lloyds'));
    expect(result.transactions[0]!.date).toBe('2024-08-01');
    expect(result.checks.runningBalance).toBe('ok');
    // Same-day rows keep the bank's order of events: the rent went out before the salary came in.
    expect(result.transactions.slice(0, 2).map((t) => t.direction)).toEqual(['out', 'in']);
  });

  test('the balance break names the row, its date, and the expected and printed balances', async () => {
    const truth = loadTruth('balance-break');
    const result = await parse(committed('balance-break'), truth);
    const row = result.checks.firstBreak!.row;
    expect(result.transactions[row]!.date).toBe('2024-05-14');
    // Computed: balance after Tesco on 6 May £2,644.57 − £18.75 = £2,625.82; the file shows £2,595.83 (£29.99 less: the missing gym payment).
    expect(result.checks.firstBreak).toEqual({ row: 3, date: '2024-05-14', expected: '2625.82', printed: '2595.83' });
    expect(result.warnings.join(' ')).toContain('line 5');
  });

  test('commas inside quoted descriptions and a quoted line break stay in one field', async () => {
    const monzo = await parse(committed('monzo'), loadTruth('monzo'));
    expect(monzo.transactions.find((t) => t.description === 'Example, Alex')?.amount).toBe('433.33');
    const natwest = await parse(committed('natwest'), loadTruth('natwest'));
    expect(natwest.transactions[2]!.description).toBe('ALEX EXAMPLE , CMS 121000000017 , FP 27/08/26 1034');
  });

  test('a file mixing accounts is refused, naming them masked', async () => {
    const truth = loadTruth('lloyds');
    const text = renderCsvText(truth);
    const lines = text.split('\r\n');
    lines[2] = lines[2]!.replace('00654321', '00999911');
    await expect(parse(encodeText(lines.join('\r\n'), 'utf-8'), truth)).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/2 accounts \(\*\*\*\*\d{4}, \*\*\*\*\d{4}\)/),
    });
  });
});

describe('100,000 rows', () => {
  // How long it takes, against a statement a tenth of its size, is measured by `npm run bench -- statements`.
  test('a 100,000-row statement parses to its truth', async () => {
    const { largeStatement } = await import('../fixtures/csv/generate.ts');
    const { bytes, truth } = largeStatement(100_000);
    const result = await parseDocument({ bytes });
    expect(result.metadata.layout).toBe('starling_csv');
    expect(result.transactions).toHaveLength(100_000);
    expect(result.checks.runningBalance).toBe('ok');
    for (let i = 0; i < truth.length; i++) {
      const { fingerprint: _f, source, ...row } = result.transactions[i]!;
      if (JSON.stringify(row) !== JSON.stringify(expectedRow(truth[i]!))) expect(row).toEqual(expectedRow(truth[i]!));
      // The header is line 1 and every row one line, oldest first: row i is on line i + 2.
      if (source?.line !== i + 2 || source.page !== undefined) expect(source).toEqual({ line: i + 2 });
    }
    expect(new Set(result.transactions.map((t) => t.fingerprint)).size).toBe(100_000);
  }, 60_000);
});
