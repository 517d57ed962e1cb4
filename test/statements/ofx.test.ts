/**
 * OFX 1.x SGML, OFX 2.x XML and QFX: every fixture parses to its ground truth exactly, and broken files are
 * clear errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument, ParseError, type ParseResult } from '../../statements/index.ts';
import { encodeText } from '../fixtures/csv/generate.ts';
import { loadOfxTruth, OFX_DIR, ofxFileName, ofxFixtureNames, renderOfx, renderOfxText } from '../fixtures/ofx/generate.ts';

const NAMES = ofxFixtureNames();
const committed = (name: string) => new Uint8Array(readFileSync(`${OFX_DIR}${ofxFileName(name, loadOfxTruth(name))}`));

async function failure(promise: Promise<ParseResult>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

test('fixtures cover SGML, XML, QFX and a credit card statement', () => {
  const truths = NAMES.map(loadOfxTruth);
  expect(new Set(truths.map((t) => t.syntax))).toEqual(new Set(['sgml', 'xml']));
  expect(truths.some((t) => t.qfx)).toBe(true);
  expect(truths.some((t) => t.statement === 'creditcard')).toBe(true);
});

describe.each(NAMES)('%s', (name) => {
  const truth = loadOfxTruth(name);

  test('the committed file is exactly what the generator writes from the truth', () => {
    expect(Buffer.from(committed(name)).equals(Buffer.from(renderOfx(truth)))).toBe(true);
  });

  test('parses to the ground truth exactly', async () => {
    const result = await parseDocument({ bytes: committed(name) });
    expect(result.kind).toBe('bank_statement');
    expect(result.format).toBe('ofx');
    // Each row's transaction number is tested in provenance.test.ts.
    expect(result.transactions.map(({ fingerprint: _f, source: _s, ...row }) => row)).toEqual(
      truth.transactions.map(({ columns: _c, ...row }) => row),
    );
    expect(result.metadata).toEqual(truth.expected.metadata);
    expect(result.checks).toEqual(truth.expected.checks);
    expect(result.warnings).toEqual(truth.expected.warnings);
    expect(result.confidence).toBe(truth.expected.confidence);
    const prints = result.transactions.map((t) => t.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect((await parseDocument({ bytes: committed(name) })).transactions.map((t) => t.fingerprint)).toEqual(prints);
  });
});

describe('particular cases', () => {
  test('windows-1252: "É" and "£" are single bytes in the file (and the truth test shows they come out right)', () => {
    const bytes = committed('sgml-1252');
    expect(bytes.includes(0xc9)).toBe(true);
    expect(bytes.includes(0xa3)).toBe(true);
  });

  test('a bare <OFX> body without any header is still OFX', async () => {
    const text = renderOfxText(loadOfxTruth('xml-utf8'));
    const body = text.slice(text.indexOf('<OFX>'));
    const result = await parseDocument({ bytes: encodeText(body, 'utf-8') });
    expect(result.format).toBe('ofx');
    expect(result.transactions).toHaveLength(3);
  });

  test('a file cut off inside a transaction: a clear error naming the transaction', async () => {
    const text = renderOfxText(loadOfxTruth('xml-utf8'));
    const cut = text.slice(0, text.indexOf('<TRNAMT>1500.00'));
    const error = await failure(parseDocument({ bytes: encodeText(cut, 'utf-8') }));
    expect(error.code).toBe('parse_failed');
    // Cut before its FITID, so the transaction is named by its position.
    expect(error.message).toBe(
      'Transaction 3 has no TRNAMT (amount) and is not closed, so the file looks cut off. Download the statement again and send the whole file.',
    );
  });

  test('a file cut off after the last transaction is read, with a warning', async () => {
    const text = renderOfxText(loadOfxTruth('xml-utf8'));
    const cut = text.slice(0, text.indexOf('</BANKTRANLIST>'));
    const result = await parseDocument({ bytes: encodeText(cut, 'utf-8') });
    expect(result.transactions).toHaveLength(3);
    expect(result.warnings).toContain('The file ends before </OFX>, so it may be cut off; check that the last transactions are all there.');
    expect(result.confidence).toBe(0.9);
  });

  test('an impossible DTPOSTED, a bad TRNAMT, another currency, no statement at all', async () => {
    const text = renderOfxText(loadOfxTruth('qfx-creditcard'));
    const cases: [string, string, RegExp][] = [
      ['unsupported', text.replace('<CURDEF>GBP', '<CURDEF>EUR'), /in EUR; Reckoner reads statements in pounds/],
      [
        'parse_failed',
        text.replace('<DTPOSTED>20240710', '<DTPOSTED>20240231'),
        /Transaction 2 \(FITID CC2024071001\): "20240231" is not a real date/,
      ],
      [
        'parse_failed',
        text.replace('<TRNAMT>-324.99', '<TRNAMT>-324,99'),
        /Transaction 2 \(FITID CC2024071001\), TRNAMT: "-324,99" has a decimal comma/,
      ],
      ['unsupported', text.replace(/<CCSTMTRS>[\s\S]*<\/CCSTMTRS>/, ''), /no bank or credit card statement/],
      ['parse_failed', 'OFXHEADER:100\nDATA:OFXSGML\n\n', /has an OFX header but no <OFX> element/],
    ];
    for (const [code, bad, message] of cases) {
      const error = await failure(parseDocument({ bytes: encodeText(bad, 'utf-8') }));
      expect(error.code, String(message)).toBe(code);
      expect(error.message).toMatch(message);
    }
  });

  test('two statements in one file: the first is read, with a warning', async () => {
    const text = renderOfxText(loadOfxTruth('xml-utf8'));
    const statement = /<STMTTRNRS>[\s\S]*<\/STMTTRNRS>/.exec(text)![0];
    const doubled = text.replace(statement, statement + statement.replace(/FIT-/g, 'OTHER-'));
    const result = await parseDocument({ bytes: encodeText(doubled, 'utf-8') });
    expect(result.transactions.map((t) => t.reference)).toEqual(['FIT-0001', 'FIT-0002', 'FIT-0003']);
    expect(result.warnings[0]).toMatch(/holds 2 statements; only the first was read/);
  });
});
