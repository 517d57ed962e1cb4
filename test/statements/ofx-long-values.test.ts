/**
 * An OFX value of millions of characters (a security probe's 10 MB MEMO, in SGML and in XML OFX). The reader found a
 * value's end with a pattern that repeats a group once per character, `(?:[^<]|<!\[CDATA\[…\]\]>)*`, which ran out of
 * stack (V8's RangeError), and the parse worker answered with the PDF reader's "nested inside one another thousands of
 * levels deep". Now the end is found with indexOf, and a value longer than LIMITS.maxCellChars (4,000 characters; OFX
 * 2.1.1 allows 255 for a MEMO and 32 for a NAME) is refused naming the transaction and the tag.
 * Invented data: the fixtures' synthetic statements with one value made long.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument, parseDocumentInProcess } from '../../statements/index.ts';
import { TOO_DEEP } from '../../statements/pdf/text.ts';
import { LIMITS } from '../../statements/types.ts';
import { failure } from './parse-failure.ts';
import { loadOfxTruth, renderOfx, type OfxTruth } from '../fixtures/ofx/generate.ts';

/** The fixture `name` with the columns of transaction `index` (in the truth's order) changed to `columns`. */
function withTransaction(name: string, index: number, columns: Partial<OfxTruth['transactions'][number]['columns']>): Uint8Array {
  const truth = loadOfxTruth(name);
  const transactions = truth.transactions.map((t, i) => (i === index ? { ...t, columns: { ...t.columns, ...columns } } : t));
  return renderOfx({ ...truth, transactions });
}

const TEN_MILLION = 10_000_000;

/** The refusal, as the reader words it (ofx.ts leaf). */
const tooLong = (where: string, tag: string, length: string) =>
  `${where}, ${tag}: the value is ${length} characters long, more than the 4,000 a value may hold (OFX allows 32 for a NAME and 255 for a MEMO), so the file is damaged or was not made by the bank. Download the statement again from online banking and send that file, or export the statement as CSV.`;

describe('a value of ten million characters', () => {
  test('XML OFX, a MEMO: refused naming the transaction and MEMO, not as a PDF nested too deeply', async () => {
    // xml-utf8's second transaction (FIT-0002) is the second in the file (oldest first).
    const bytes = withTransaction('xml-utf8', 1, { memo: 'A'.repeat(TEN_MILLION) });
    const e = await failure(parseDocument({ bytes }));
    expect(e.code).toBe('parse_failed');
    expect(e.message).toBe(tooLong('Transaction 2 (FITID FIT-0002)', 'MEMO', '10,000,000'));
    expect(e.message).not.toBe(TOO_DEEP);
  });

  test('SGML OFX, a NAME with no closing tag: the same, in process too', async () => {
    // sgml-1252 is written newest first: the truth's last transaction (20240328-0006) is the file's first.
    const bytes = withTransaction('sgml-1252', 5, { name: 'B'.repeat(TEN_MILLION) });
    const e = await failure(parseDocumentInProcess({ bytes }));
    expect(e.message).toBe(tooLong('Transaction 1 (FITID 20240328-0006)', 'NAME', '10,000,000'));
  });

  test('XML OFX, a MEMO in a CDATA section: the same', async () => {
    const bytes = withTransaction('xml-utf8', 2, { memo: `<![CDATA[${'C'.repeat(TEN_MILLION)}]]>` });
    const e = await failure(parseDocumentInProcess({ bytes }));
    // 10,000,000 characters and the section's 12 (`<![CDATA[` and `]]>`).
    expect(e.message).toBe(tooLong('Transaction 3 (FITID FIT-0003)', 'MEMO', '10,000,012'));
  });
});

describe('the limit', () => {
  test('is 4,000 characters', () => {
    expect(LIMITS.maxCellChars).toBe(4000);
  });

  test('a MEMO of exactly 4,000 characters, blank space around it, is read in full', async () => {
    const memo = 'D'.repeat(4000);
    const bytes = withTransaction('xml-utf8', 1, { memo: `   ${memo}   ` });
    const result = await parseDocumentInProcess({ bytes });
    // describe() joins NAME and MEMO with a space where neither holds the other.
    expect(result.transactions[1]!.description).toBe(`ALEX EXAMPLE ${memo}`);
  });

  test('one character more is refused', async () => {
    const bytes = withTransaction('xml-utf8', 1, { memo: 'D'.repeat(4001) });
    const e = await failure(parseDocumentInProcess({ bytes }));
    expect(e.message).toBe(tooLong('Transaction 2 (FITID FIT-0002)', 'MEMO', '4,001'));
  });

  test('a long value outside a transaction names its place: the account number', async () => {
    const truth = loadOfxTruth('xml-utf8');
    const bytes = renderOfx({ ...truth, account: { ...truth.account, acctId: '9'.repeat(5000) } });
    const e = await failure(parseDocumentInProcess({ bytes }));
    expect(e.message).toBe(tooLong('The account (BANKACCTFROM)', 'ACCTID', '5,000'));
  });

  test('a CDATA section that never closes ends the value at it, as before', async () => {
    const bytes = withTransaction('xml-utf8', 1, { memo: 'JUNE <![CDATA[never closed' });
    const result = await parseDocumentInProcess({ bytes });
    expect(result.transactions[1]!.description).toBe('ALEX EXAMPLE JUNE');
  });
});
