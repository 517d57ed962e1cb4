/**
 * An OFX file whose TRNAMT values carry no sign and whose TRNTYPEs never say money out (POS, XFER, OTHER): every
 * transaction was read as money in, with no warning (probe of December 2024 exports, ofx-unsigned-pos-xfer.ofx).
 * Nothing in such a file says which way those went (OFX gives only a closing LEDGERBAL): they are read as the
 * sign says, and a warning names TRNAMT and TRNTYPE. Where a TRNTYPE does say (DEBIT, CREDIT…), it is followed.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../statements/index.ts';
import { DECEMBER, balancesAfter, type TruthRow } from '../fixtures/pdf/ground-truth-statement.ts';
import { rowsOf } from './read-rows.ts';

/** OFX 1.02 SGML, one STMTTRN a line, each row's TRNAMT and TRNTYPE as given; LEDGERBAL the closing balance. */
function ofx(rows: readonly TruthRow[], amount: (r: TruthRow) => string, type: (r: TruthRow) => string): Uint8Array {
  const text = [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    '',
    '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP',
    '<BANKACCTFROM><BANKID>123456<ACCTID>12345678</BANKACCTFROM><BANKTRANLIST><DTSTART>20241201<DTEND>20241231',
    ...rows.map(
      (r, i) =>
        `<STMTTRN><TRNTYPE>${type(r)}<DTPOSTED>${r.date.replace(/-/g, '')}<TRNAMT>${amount(r)}<FITID>T${i + 1}<NAME>${r.description}</STMTTRN>`,
    ),
    `</BANKTRANLIST><LEDGERBAL><BALAMT>${balancesAfter(rows).at(-1)}<DTASOF>20241231</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
  ].join('\r\n');
  return new TextEncoder().encode(text);
}

const allIn = (rows: readonly TruthRow[]) => rows.map((r) => ({ ...r, direction: 'in' as const }));

describe('unsigned TRNAMT with TRNTYPEs that go either way', () => {
  test('POS for money out, XFER for money in: read as money in, and a warning names TRNAMT and TRNTYPE', async () => {
    const result = await parseDocument({
      bytes: ofx(
        DECEMBER,
        (r) => r.amount,
        (r) => (r.direction === 'out' ? 'POS' : 'XFER'),
      ),
    });
    expect(rowsOf(result)).toEqual(allIn(DECEMBER));
    expect(result.warnings).toEqual([
      `No TRNAMT (amount) in the file has a minus sign, though OFX writes money out as negative, and ${DECEMBER.length} transactions have TRNTYPEs (POS, XFER) that do not say which way the money went: they were read as money in. If the bank wrote its amounts without signs, some may be money out: check them against the statement, or export the file again with signed amounts.`,
    ]);
    expect(result.confidence).toBeLessThan(0.95);
  });

  test('OTHER for every transaction, one of them: the warning counts it alone', async () => {
    const rows: TruthRow[] = [DECEMBER[0]!];
    const result = await parseDocument({
      bytes: ofx(
        rows,
        (r) => r.amount,
        () => 'OTHER',
      ),
    });
    expect(rowsOf(result)).toEqual(allIn(rows));
    expect(result.warnings).toEqual([
      'No TRNAMT (amount) in the file has a minus sign, though OFX writes money out as negative, and 1 transaction has a TRNTYPE (OTHER) that does not say which way the money went: it was read as money in. If the bank wrote its amounts without signs, it may be money out: check it against the statement, or export the file again with signed amounts.',
    ]);
  });

  test('CREDIT and DIRECTDEP with the XFERs: the types that say money in need no check, the XFERs are named', async () => {
    const result = await parseDocument({
      bytes: ofx(
        DECEMBER,
        (r) => r.amount,
        (r) => (r.direction === 'out' ? 'XFER' : r.description.startsWith('SALARY') ? 'DIRECTDEP' : 'CREDIT'),
      ),
    });
    expect(rowsOf(result)).toEqual(allIn(DECEMBER));
    const out = DECEMBER.filter((r) => r.direction === 'out').length;
    expect(result.warnings).toEqual([expect.stringContaining(`and ${out} transactions have TRNTYPEs (XFER) that do not say`)]);
  });
});

describe('where TRNTYPE or the sign says, it is followed', () => {
  test('unsigned, DEBIT for money out and CREDIT for money in: every direction as the types say', async () => {
    const result = await parseDocument({
      bytes: ofx(
        DECEMBER,
        (r) => r.amount,
        (r) => (r.direction === 'out' ? 'DEBIT' : 'CREDIT'),
      ),
    });
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^No amount in the file has a sign/);
  });

  test('signed, POS and XFER: the signs say, no warning', async () => {
    const result = await parseDocument({
      bytes: ofx(
        DECEMBER,
        (r) => `${r.direction === 'out' ? '-' : ''}${r.amount}`,
        (r) => (r.direction === 'out' ? 'POS' : 'XFER'),
      ),
    });
    expect(rowsOf(result)).toEqual(DECEMBER);
    expect(result.warnings).toEqual([]);
  });

  test('money in only, every TRNTYPE saying so (CREDIT): no warning', async () => {
    const rows = DECEMBER.filter((r) => r.direction === 'in');
    const result = await parseDocument({
      bytes: ofx(
        rows,
        (r) => r.amount,
        () => 'CREDIT',
      ),
    });
    expect(rowsOf(result)).toEqual(rows);
    expect(result.warnings).toEqual([]);
  });
});
