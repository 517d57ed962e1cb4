/**
 * OFX faults found by a statement probe of January 2027, each file written from ground truth
 * (test/fixtures/ofx/generate.ts and the truths there):
 * - a NAME or MEMO in a CDATA section (as OFX 2 allows) gave an empty description;
 * - a NAME cut short (banks cut it at 32 characters) with the MEMO in full gave the words twice;
 * - several statements in one file: only the first was read (a bank paging one account by month lost the rest, and a
 *   card statement listed before the current account's was read in its place), with only a warning.
 */
import { describe, expect, test } from 'vitest';
import { parseDocumentInProcess, type ParseResult } from '../../statements/index.ts';
import { failure } from './parse-failure.ts';
import { encodeText } from '../fixtures/csv/generate.ts';
import { loadOfxTruth, renderOfxText, type OfxTruth, type OfxTruthTransaction } from '../fixtures/ofx/generate.ts';

const XML = loadOfxTruth('xml-utf8');
const parse = (text: string) => parseDocumentInProcess({ bytes: encodeText(text, 'utf-8') });
const rows = (r: ParseResult) => r.transactions.map((t) => [t.date, t.direction, t.amount, t.description, t.reference]);
const truthRows = (ts: readonly OfxTruthTransaction[]) => ts.map((t) => [t.date, t.direction, t.amount, t.description, t.reference]);

/** The truth with each transaction's NAME and MEMO as written given by `columns`. */
function withNames(truth: OfxTruth, columns: (t: OfxTruthTransaction) => { name: string; memo?: string }): OfxTruth {
  return {
    ...truth,
    transactions: truth.transactions.map((t) => {
      const { memo: _m, ...rest } = t.columns;
      const c = columns(t);
      return { ...t, columns: { ...rest, name: c.name, ...(c.memo !== undefined ? { memo: c.memo } : {}) } };
    }),
  };
}

describe('NAME and MEMO', () => {
  test('in CDATA sections: their text, "&" and "<" as written, not an empty description', async () => {
    const truth = withNames(XML, (t) => ({ name: `<![CDATA[${t.description}]]>` }));
    const r = await parse(renderOfxText(truth));
    expect(rows(r)).toEqual(truthRows(XML.transactions));
    expect(r.warnings).toEqual([]);
  });

  test('a CDATA section among plain text, entities decoded outside it only', async () => {
    const truth = withNames(XML, (t) => ({ name: `M&amp;S <![CDATA[A&B <1>]]> ${t.reference}` }));
    const r = await parse(renderOfxText(truth));
    expect(r.transactions.map((t) => t.description)).toEqual(XML.transactions.map((t) => `M&S A&B <1> ${t.reference}`));
  });

  test('a NAME cut short and the MEMO in full: the MEMO once, not the words twice', async () => {
    const full = ['SAMPLE LETTINGS RENT DECEMBER', 'CHILD MAINTENANCE SERVICE 121000000017', 'EXAMPLE WIDGETS LTD SALARY'];
    const truth = withNames(XML, (t) => {
      const i = XML.transactions.indexOf(t);
      return { name: full[i]!.slice(0, 12), memo: full[i]! };
    });
    const r = await parse(renderOfxText(truth));
    expect(r.transactions.map((t) => t.description)).toEqual(full);
  });

  test('a MEMO that says more than the NAME and does not hold it: both, as before', async () => {
    const truth = withNames(XML, (t) => ({ name: 'ALEX EXAMPLE', memo: `Ref ${t.reference}` }));
    const r = await parse(renderOfxText(truth));
    expect(r.transactions.map((t) => t.description)).toEqual(XML.transactions.map((t) => `ALEX EXAMPLE Ref ${t.reference}`));
  });
});

/** The `<STMTTRNRS>` (or `<CCSTMTTRNRS>`) of a rendered truth. */
const statementOf = (text: string) => /<(CC)?STMTTRNRS>[\s\S]*<\/(CC)?STMTTRNRS>/.exec(text)![0];
/** The message set (bank or card) of a rendered truth. */
const messageSetOf = (text: string) => /<(BANKMSGSRSV1|CREDITCARDMSGSRSV1)>[\s\S]*<\/\1>/.exec(text)![0];

describe('several statements in one file', () => {
  // The same account paged by half-month: the first two transactions in one statement, the third in another.
  const first: OfxTruth = {
    ...XML,
    transactions: XML.transactions.slice(0, 2),
    period: { start: '20240601', end: '20240615' },
    ledger: { amount: '87.66', asOf: '20240615' },
  };
  const second: OfxTruth = { ...XML, transactions: XML.transactions.slice(2), period: { start: '20240616', end: '20240630' } };

  test('the same account in two statements: read in full, as one, its period and closing balance the whole', async () => {
    const base = renderOfxText(first);
    const text = base.replace(statementOf(base), `${statementOf(base)}\n${statementOf(renderOfxText(second))}`);
    const r = await parse(text);
    expect(rows(r)).toEqual(truthRows(XML.transactions));
    expect(r.transactions.map((t) => t.source)).toEqual([{ line: 1 }, { line: 2 }, { line: 3 }]);
    expect(r.metadata).toEqual(XML.expected.metadata);
    expect(r.warnings).toEqual([
      'The file holds 2 statements of the same account (bank account ****4321); their transactions were read together, as one statement.',
    ]);
  });

  test('statements of one account that overlap: a transaction both list (same FITID, date and amount) is read once', async () => {
    const overlapping: OfxTruth = { ...second, transactions: XML.transactions.slice(1) };
    const base = renderOfxText(first);
    const text = base.replace(statementOf(base), `${statementOf(base)}\n${statementOf(renderOfxText(overlapping))}`);
    const r = await parse(text);
    expect(rows(r)).toEqual(truthRows(XML.transactions));
    expect(r.warnings).toContain(
      '1 transaction is listed by two of the statements (the same FITID, date and amount) and was read once: Transaction 3 (FITID FIT-0002).',
    );
  });

  test('two different accounts: refused, naming both, not the first read alone', async () => {
    const other: OfxTruth = { ...second, account: { ...XML.account, acctId: '11112222' } };
    const base = renderOfxText(first);
    const text = base.replace(statementOf(base), `${statementOf(base)}\n${statementOf(renderOfxText(other))}`);
    const error = await failure(parse(text));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      'This file holds statements of 2 accounts (bank account ****4321, bank account ****2222); Reckoner reads one account at a time, so none was read. Export each account on its own and send the file of each separately.',
    );
  });

  test("a credit card statement before the current account's: refused, naming both, the card not read in its place", async () => {
    const card = loadOfxTruth('qfx-creditcard');
    const bank = renderOfxText(XML);
    const text = bank.replace(messageSetOf(bank), `${messageSetOf(renderOfxText({ ...card, syntax: 'xml' }))}\n${messageSetOf(bank)}`);
    const error = await failure(parse(text));
    expect(error.message).toMatch(/^This file holds statements of 2 accounts \(credit card \*{4}\d{4}, bank account \*{4}4321\)/);
  });
});
