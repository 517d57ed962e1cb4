/**
 * OFX 1.x SGML, OFX 2.x XML and QFX: every fixture parses to its ground truth exactly, and broken files are
 * clear errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../statements/index.ts';
import { failure } from './parse-failure.ts';
import { encodeText } from '../fixtures/csv/generate.ts';
import { loadOfxTruth, OFX_DIR, ofxFileName, ofxFixtureNames, renderOfx, renderOfxText } from '../fixtures/ofx/generate.ts';

const NAMES = ofxFixtureNames();
const committed = (name: string) => new Uint8Array(readFileSync(`${OFX_DIR}${ofxFileName(name, loadOfxTruth(name))}`));

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

  describe("each transaction's type against its amount's sign", () => {
    // OFX 1.02 SGML, one transaction a line; amounts and types as given.
    const ofx = (transactions: readonly [type: string, amount: string, name: string][]) =>
      [
        'OFXHEADER:100',
        'DATA:OFXSGML',
        'VERSION:102',
        '',
        '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP',
        '<BANKACCTFROM><BANKID>309457<ACCTID>12345678</BANKACCTFROM><BANKTRANLIST>',
        ...transactions.map(
          ([type, amount, name], i) =>
            `<STMTTRN><TRNTYPE>${type}<DTPOSTED>2023121${i + 5}<TRNAMT>${amount}<FITID>T${i + 1}<NAME>${name}</STMTTRN>`,
        ),
        '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
      ].join('\r\n');
    const read = async (text: string) => {
      const result = await parseDocument({ bytes: encodeText(text, 'utf-8') });
      return {
        rows: result.transactions.map((t) => [t.amount, t.direction, t.description]),
        warnings: result.warnings,
        confidence: result.confidence,
      };
    };

    test('a file that writes no sign: the types that say money out make it money out, and the warning says so', async () => {
      const result = await read(
        ofx([
          ['DEBIT', '45.00', 'CMS CHILD MAINTENANCE'],
          ['CREDIT', '1250.00', 'ACME SALARY'],
          ['DIRECTDEBIT', '89.00', 'SAMPLE ENERGY'],
        ]),
      );
      expect(result.rows).toEqual([
        ['45.00', 'out', 'CMS CHILD MAINTENANCE'],
        ['1250.00', 'in', 'ACME SALARY'],
        ['89.00', 'out', 'SAMPLE ENERGY'],
      ]);
      expect(result.warnings).toEqual([
        'No amount in the file has a sign, though OFX writes money out as negative: the 2 transactions whose type says money out (TRNTYPE DEBIT, PAYMENT, DIRECTDEBIT and the like) were read as money out, and the rest as money in. Check the directions against the statement.',
      ]);
    });

    test('no sign and a type that goes either way (POS): read as money in, and said', async () => {
      const result = await read(
        ofx([
          ['DEBIT', '45.00', 'CMS CHILD MAINTENANCE'],
          ['POS', '3.20', 'CAFE SAMPLE'],
        ]),
      );
      expect(result.rows).toEqual([
        ['45.00', 'out', 'CMS CHILD MAINTENANCE'],
        ['3.20', 'in', 'CAFE SAMPLE'],
      ]);
      expect(result.warnings[1]).toBe(
        '1 transaction has a type (such as POS, ATM or XFER) that can go either way and no sign: it was read as money in. Check it against the statement.',
      );
    });

    test('a signed file with one type against its sign: the sign is followed, as OFX says, and the transaction named', async () => {
      const result = await read(
        ofx([
          ['DEBIT', '-45.00', 'CMS CHILD MAINTENANCE'],
          ['DEBIT', '20.00', 'SAMPLE SHOP'],
          ['CREDIT', '1250.00', 'ACME SALARY'],
        ]),
      );
      expect(result.rows).toEqual([
        ['45.00', 'out', 'CMS CHILD MAINTENANCE'],
        ['20.00', 'in', 'SAMPLE SHOP'],
        ['1250.00', 'in', 'ACME SALARY'],
      ]);
      expect(result.warnings).toEqual([
        "1 transaction's type says the money went the other way from its amount's sign (Transaction 2 (FITID T2)); the sign was followed, as OFX says. Check it against the statement.",
      ]);
    });

    test('a signed file whose types agree: no warning', async () => {
      const result = await read(
        ofx([
          ['DEBIT', '-45.00', 'CMS CHILD MAINTENANCE'],
          ['POS', '-3.20', 'CAFE SAMPLE'],
          ['CREDIT', '1250.00', 'ACME SALARY'],
        ]),
      );
      expect(result.rows.map((r) => r[1])).toEqual(['out', 'out', 'in']);
      expect(result.warnings).toEqual([]);
    });
  });

  test('two statements of the same account in one file: both are read, as one, with a warning', async () => {
    // Once only the first was read (a statements probe of 6 December 2026: an account split over two statements lost its later rows);
    // statements of different accounts are refused (ofx-statements-and-names.test.ts).
    const text = renderOfxText(loadOfxTruth('xml-utf8'));
    const statement = /<STMTTRNRS>[\s\S]*<\/STMTTRNRS>/.exec(text)![0];
    const doubled = text.replace(statement, statement + statement.replace(/FIT-/g, 'OTHER-'));
    const result = await parseDocument({ bytes: encodeText(doubled, 'utf-8') });
    expect(result.transactions.map((t) => t.reference).sort()).toEqual([
      'FIT-0001',
      'FIT-0002',
      'FIT-0003',
      'OTHER-0001',
      'OTHER-0002',
      'OTHER-0003',
    ]);
    expect(result.warnings[0]).toMatch(
      /holds 2 statements of the same account \(bank account \*{4}4321\); their transactions were read together/,
    );
  });
});
