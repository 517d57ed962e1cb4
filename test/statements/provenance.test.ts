/**
 * Provenance (issue 14 item 5, issue 12's evidence bundle): every row a reader returns keeps where it is
 * printed, `source: { page?, line }`, so that a letter can cite "statement 2, page 3, line 14".
 * - CSV: the line of the file the row starts on (line 1 is the first line of the file), no page;
 * - OFX: the transaction's number in the file (the n-th `<STMTTRN>`), no page;
 * - PDF: the page and the line on that page, counting every line of text from the top; a row that wraps is
 *   cited by its first line.
 * Expected places come from the fixtures themselves: counted by hand in the CSV files (shown below), found in
 * the OFX text, and, for the PDFs, recorded from where the generator draws each line (every text it draws is
 * logged with its page and y while it renders; the n-th distinct y from the top of a page is line n).
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, test } from 'vitest';
import { MONTH_NAMES } from '../../calc/dates.ts';
import { parseDocument, parseDocumentInProcess, type ParseResult, type SourceLocation } from '../../statements/index.ts';
import { FIXTURE_DIR, fixtureNames, loadTruth } from '../fixtures/csv/generate.ts';
import { loadOfxTruth, OFX_DIR, ofxFileName, ofxFixtureNames } from '../fixtures/ofx/generate.ts';
import { largeTruth, renderTruth } from '../fixtures/pdf/generate.ts';
import { loadTruths, type Truth } from '../fixtures/pdf/truth.ts';

const csv = (name: string) => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}.csv`));
const sources = (result: ParseResult) => [...result.transactions, ...result.cmsEntries].map((r) => r.source);
const lines = (...numbers: number[]): SourceLocation[] => numbers.map((line) => ({ line }));

// ------------------------------------------------------------------------------------------------ CSV

describe('CSV: the line of the file each row starts on', () => {
  test('monzo.csv: the header is line 1; a quoted note with a line break makes one row span lines 6 and 7', async () => {
    // test/fixtures/csv/monzo.csv, counted (`cat -n`, lines cut short):
    //    1  Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,...        header
    //    2  tx_...5Ff,01/03/2024,...,Joe Bloggs Payroll Ltd,...,1850.00,...     row 1
    //    3  tx_...5Fg,02/03/2024,...,Tesco,...,-23.45,...                       row 2
    //    4  tx_...5Fh,04/03/2024,...,Bean & Leaf Café,...,-3.20,...             row 3
    //    5  tx_...5Fi,04/03/2024,...,Bean & Leaf Café,...,-3.20,...             row 4
    //    6  tx_...5Fj,05/03/2024,...,"Example, Alex",...,"Child maintenance March   row 5 starts …
    //    7  Direct Pay ref 121000000017",,,"EXAMPLE, ALEX",,-433.33,             … and ends
    //    8  tx_...5Fk,11/03/2024,...,Octopus Energy,...,-89.00,...              row 6
    //    9  tx_...5Fl,15/03/2024,...,"Refund ""Sample Shop""",...,12.99,...      row 7
    //   10  tx_...5Fm,29/03/2024,...,Sample Lettings,...,-950.00,...            row 8
    const result = await parseDocument({ bytes: csv('monzo') });
    expect(result.transactions.map((t) => [t.reference?.slice(-3), t.source])).toEqual([
      ['5Ff', { line: 2 }],
      ['5Fg', { line: 3 }],
      ['5Fh', { line: 4 }],
      ['5Fi', { line: 5 }],
      ['5Fj', { line: 6 }],
      ['5Fk', { line: 8 }],
      ['5Fl', { line: 9 }],
      ['5Fm', { line: 10 }],
    ]);
  });

  test('nationwide-midata.csv: preamble lines count; newest first in the file, so oldest first the lines run backwards', async () => {
    // test/fixtures/csv/nationwide-midata.csv, counted:
    //    1  "Account Number:","****12345"                                       preamble
    //    2                                                                      blank
    //    3  "Date","Type","Merchant/Description","Debit/Credit","Balance"      header
    //    4  "19/07/2025","Visa purchase","A COFFEE SHOP GB","-£52.00",...       newest
    //    5  "26/05/2025","Contactless Payment","A PARK GB","-£15.00",...
    //    6  "11/09/2024","Bank credit SAMPLE MERCHANT",...,"+£5.00",...
    //    7  "29/08/2024","Visa Credit","GROCERY SHOP GB","+£3.20",...
    //    8  "01/08/2024","Contactless Payment","A GARAGE GB","-£9.70",...
    //    9  "29/07/2024","Transfer from JOE BLOGGS",...,"+£1.50",...
    //   10  "25/07/2024","Direct debit BROADBAND","BROADBAND","-£35.00",...
    //   11  "23/07/2024","PAYMENT TO ALEX EXAMPLE",...,"-£26.15",...           oldest
    //   12                                                                      blank
    //   13  "Arranged Overdraft Limit","19/07/2025","£100.00"                  trailer
    const result = await parseDocument({ bytes: csv('nationwide-midata') });
    expect(result.transactions.map((t) => [t.date, t.amount, t.source])).toEqual([
      ['2024-07-23', '26.15', { line: 11 }],
      ['2024-07-25', '35.00', { line: 10 }],
      ['2024-07-29', '1.50', { line: 9 }],
      ['2024-08-01', '9.70', { line: 8 }],
      ['2024-08-29', '3.20', { line: 7 }],
      ['2024-09-11', '5.00', { line: 6 }],
      ['2025-05-26', '15.00', { line: 5 }],
      ['2025-07-19', '52.00', { line: 4 }],
    ]);
  });

  test('blank lines, CRLF, CR and a multi-line field: still the line the row starts on, whatever the line ends', async () => {
    const rows = [
      'Date,Description,Amount,Balance', //                             line 1
      '', //                                                            line 2
      '01/02/2024,"SALARY', //                                          line 3 (row 1 starts)
      'ACME WIDGETS",1000.00,1000.00', //                               line 4
      '02/02/2024,TESCO,-10.00,990.00', //                              line 5 (row 2)
      '', //                                                            line 6
      '', //                                                            line 7
      '03/02/2024,"A ""QUOTED"" PAYEE",-5.00,985.00', //                line 8 (row 3)
    ];
    const mapping = { date: 'Date', description: 'Description', amount: 'Amount', balance: 'Balance' };
    for (const eol of ['\n', '\r\n', '\r']) {
      const result = await parseDocumentInProcess({ bytes: new TextEncoder().encode(rows.join(eol) + eol), csvMapping: mapping });
      expect(sources(result), JSON.stringify(eol)).toEqual(lines(3, 5, 8));
    }
  });

  test.each(fixtureNames())('%s: every row names a line of the file that holds its amount, each line once', async (name) => {
    const truth = loadTruth(name);
    const bytes = csv(name);
    const result = await parseDocument({ bytes, ...(truth.csvMapping ? { csvMapping: truth.csvMapping as never } : {}) });
    const fileLines = new TextDecoder(truth.file.encoding === 'windows-1252' ? 'windows-1252' : truth.file.encoding)
      .decode(bytes)
      .split(/\r\n|\n|\r/);
    const at = result.transactions.map((t) => t.source?.line);
    expect(at.every((l) => Number.isInteger(l) && l! >= 1 && l! <= fileLines.length)).toBe(true);
    expect(new Set(at).size).toBe(at.length);
    expect(result.transactions.every((t) => t.source?.page === undefined)).toBe(true);
    for (const t of result.transactions) {
      const printed = fileLines[t.source!.line - 1]!.replace(/(\d),(\d{3})/g, '$1$2');
      // Monzo's first export writes an amount as a number prints it ("400", "-13.3"): that form, where the file uses it.
      const shown = printed.includes(t.amount) ? t.amount : String(Number(t.amount));
      expect(printed, `${t.date} ${t.amount} at line ${t.source!.line}`).toContain(shown);
    }
  });
});

// ------------------------------------------------------------------------------------------------ OFX

describe('OFX: the transaction number in the file', () => {
  test.each(ofxFixtureNames())('%s: the n-th <STMTTRN> of the file holds the row cited as n', async (name) => {
    const truth = loadOfxTruth(name);
    const bytes = new Uint8Array(readFileSync(`${OFX_DIR}${ofxFileName(name, truth)}`));
    const text = new TextDecoder(truth.encoding === 'windows-1252' ? 'windows-1252' : truth.encoding).decode(bytes);
    const blocks = text.split(/<STMTTRN>/i).slice(1);
    const result = await parseDocument({ bytes });
    const n = result.transactions.length;
    expect(n).toBe(truth.transactions.length);
    // Counted in the file: oldest first, row i is transaction i + 1; newest first, transaction n − i.
    const expected = result.transactions.map((_, i) => ({ line: truth.order === 'newest_first' ? n - i : i + 1 }));
    expect(sources(result)).toEqual(expected);
    for (const t of result.transactions) expect(blocks[t.source!.line - 1]).toMatch(new RegExp(`<FITID>${t.reference}\\b`));
  });
});

// ------------------------------------------------------------------------------------------------ PDF

interface Drawn {
  readonly page: number;
  readonly text: string;
  readonly y: number;
}

/** Renders a truth, logging every text pdfkit is asked to draw with its page and y (the generator's own placing). */
async function renderRecorded(truth: Truth, options: { splitWords?: boolean } = {}): Promise<{ bytes: Uint8Array; drawn: Drawn[] }> {
  const proto = PDFDocument.prototype as unknown as {
    text: (this: unknown, text: string, x?: number, y?: number, o?: object) => unknown;
    addPage: (this: unknown, ...args: unknown[]) => unknown;
  };
  const { text, addPage } = proto;
  const drawn: Drawn[] = [];
  let page = 0;
  proto.addPage = function (...args) {
    page++;
    return addPage.apply(this, args);
  };
  proto.text = function (s, x, y, o) {
    drawn.push({ page, text: s, y: y! });
    return text.call(this, s, x, y, o);
  };
  try {
    return { bytes: await renderTruth(truth, options), drawn };
  } finally {
    proto.text = text;
    proto.addPage = addPage;
  }
}

/** The line number of a drawn text on its page: how many distinct y positions the page has at or above it. */
function lineOf(drawn: readonly Drawn[], d: Drawn): SourceLocation {
  const ys = [...new Set(drawn.filter((o) => o.page === d.page).map((o) => o.y))].sort((a, b) => a - b);
  return { page: d.page, line: ys.indexOf(d.y) + 1 };
}

const longDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[m - 1]} ${y}`;
};

/**
 * Where each row of the truth begins, in the order the parse gives its rows: the first line of its description
 * (a schedule line: its due date), found in the drawing log in print order. Also where the last line of each
 * row went, to show rows that carry on past a page break.
 */
function placed(truth: Truth, drawn: readonly Drawn[]): { first: SourceLocation[]; last: SourceLocation[] } {
  let cursor = 0;
  const find = (text: string): Drawn => {
    const i = drawn.findIndex((d, k) => k >= cursor && d.text === text);
    if (i < 0) throw new Error(`"${text}" was not drawn after item ${cursor}`);
    cursor = i + 1;
    return drawn[i]!;
  };
  if (truth.kind === 'cms_payment_schedule') {
    const byDate = new Map(truth.lines.map((l) => [l.dueDate, lineOf(drawn, find(longDate(l.dueDate)))] as const));
    const first = truth.expected.cmsEntries.map((e) => byDate.get(e.date)!);
    return { first, last: first };
  }
  const rows: readonly { readonly lines: readonly string[] }[] = truth.rows;
  const printOrder = truth.kind === 'bank_statement' && truth.newestFirst ? [...rows].reverse() : rows;
  const where = new Map<object, { first: SourceLocation; last: SourceLocation }>();
  for (const r of printOrder) {
    const first = lineOf(drawn, find(r.lines[0]!));
    let last = first;
    for (const l of r.lines.slice(1)) last = lineOf(drawn, find(l));
    where.set(r, { first, last });
  }
  return { first: rows.map((r) => where.get(r)!.first), last: rows.map((r) => where.get(r)!.last) };
}

const pdfTruths = [...loadTruths(), largeTruth(4)];

describe.each(pdfTruths.map((t) => [t.name, t] as const))(
  'PDF %s: each row cites the page and line the generator drew it on',
  (_n, truth) => {
    test('drawn one text per cell, and one text per word: the same places', async () => {
      const { bytes, drawn } = await renderRecorded(truth);
      const expected = placed(truth, drawn).first;
      const result = await parseDocumentInProcess({ bytes });
      expect(sources(result)).toEqual(expected);
      const split = await parseDocumentInProcess({ bytes: (await renderRecorded(truth, { splitWords: true })).bytes });
      expect(sources(split)).toEqual(expected);
      if (truth.kind === 'cms_payment_schedule') {
        // The plan's instalments stay calc's { dueDate, amount } (build_liability_schedule takes exactly that);
        // each is cited by the entries of its due date, which come from the same schedule line.
        const plan = result.metadata.paymentPlan?.catchUp ?? [];
        expect(plan.length).toBeGreaterThan(0);
        for (const c of plan) {
          expect(Object.keys(c).sort()).toEqual(['amount', 'dueDate']);
          expect(result.cmsEntries.filter((e) => e.date === c.dueDate).map((e) => e.source)).toContainEqual(
            expect.objectContaining({ page: 1 }),
          );
        }
      }
    });
  },
);

describe('PDF: the hard cases, spelled out', () => {
  const byName = (name: string) => pdfTruths.find((t) => t.name === name)!;

  test('counted by hand: the first transaction of barclays-year-end is page 1, line 14', async () => {
    // Page 1 as the generator draws it, each distinct y (points from the top) one line of text:
    //   1 issuer (40)   2 title and period (62)   3 account name (80)   4 sort code and account number (92)
    //   5-7 address (130, 142, 154)   8-11 summary (200, 212, 224, 236)   12 column names (330)
    //   13 the start balance line (346)   14 the first transaction (358)
    const truth = byName('barclays-year-end');
    const { bytes, drawn } = await renderRecorded(truth);
    const result = await parseDocumentInProcess({ bytes });
    const pageOne = [...new Set(drawn.filter((d) => d.page === 1).map((d) => d.y))].sort((a, b) => a - b);
    expect(pageOne.slice(0, 14)).toEqual([40, 62, 80, 92, 130, 142, 154, 200, 212, 224, 236, 330, 346, 358]);
    expect(result.transactions[0]!.source).toEqual({ page: 1, line: 14 });
  });

  test('a row whose description wraps is cited by its first line, on whichever page the wrap ends', async () => {
    const truth = largeTruth(4);
    const { bytes, drawn } = await renderRecorded(truth);
    const { first, last } = placed(truth, drawn);
    const result = await parseDocumentInProcess({ bytes });
    const wrapped = truth.rows.map((r, i) => i).filter((i) => truth.rows[i]!.lines.length > 1);
    expect(wrapped.length).toBeGreaterThan(10);
    for (const i of wrapped) expect(result.transactions[i]!.source).toEqual(first[i]);
    // At least one wraps over a page break: it starts at the foot of one page and ends on the next.
    const across = wrapped.filter((i) => last[i]!.page !== first[i]!.page);
    expect(across.length).toBeGreaterThan(0);
    for (const i of across) expect(result.transactions[i]!.source!.page).toBe(last[i]!.page! - 1);
  });

  test('amounts on the last line (HSBC-like): the row is still cited by its first line', async () => {
    const truth = byName('hsbc-overdrawn');
    const { bytes, drawn } = await renderRecorded(truth);
    const { first, last } = placed(truth, drawn);
    const result = await parseDocumentInProcess({ bytes });
    const wrapped = truth.kind === 'bank_statement' ? truth.rows.map((_, i) => i).filter((i) => truth.rows[i]!.lines.length > 1) : [];
    expect(wrapped.length).toBeGreaterThan(0);
    for (const i of wrapped) {
      expect(result.transactions[i]!.source).toEqual(first[i]);
      expect(result.transactions[i]!.source).not.toEqual(last[i]);
    }
  });
});

// ------------------------------------------------------------------------------------------------ the worker

describe('the places cross the worker boundary unchanged', () => {
  test('CSV, OFX and PDF: parseDocument (a worker) gives the same sources as the same parse on this thread', async () => {
    const ofxTruth = loadOfxTruth('sgml-1252');
    const documents = [
      csv('monzo'),
      new Uint8Array(readFileSync(`${OFX_DIR}${ofxFileName('sgml-1252', ofxTruth)}`)),
      await renderTruth(pdfTruths.find((t) => t.name === 'hsbc-overdrawn')!),
      await renderTruth(pdfTruths.find((t) => t.kind === 'cms_statement')!),
      await renderTruth(pdfTruths.find((t) => t.kind === 'cms_payment_schedule')!),
    ];
    for (const bytes of documents) {
      const here = await parseDocumentInProcess({ bytes: bytes.slice() });
      const there = await parseDocument({ bytes: bytes.slice() });
      expect(sources(here).length).toBeGreaterThan(0);
      expect(sources(here).every((s) => s !== undefined && Number.isInteger(s.line))).toBe(true);
      expect(sources(there)).toEqual(sources(here));
    }
  });
});
