/**
 * PDF statements: bank statements in the layouts of the main UK banks (and any with a recognisable header
 * row), CMS statements of account / arrears breakdowns, and CMS payment schedules.
 *
 * The text comes with positions (pdf.js); the table is rebuilt from the header row's x ranges, never from
 * flattened text. What can be checked is checked: the running balance row by row, and the printed totals.
 * @module
 */
import { fromDayNumber, toDayNumber, type CivilDate } from '../../calc/dates.ts';
import type { Dec } from '../../calc/money.ts';
import { formatMoney, fromPence, pounds } from '../../calc/money.ts';
import {
  ParseError,
  type DocumentKind,
  type ParseRequest,
  type ParseResult,
  type ParsedCmsEntry,
  type ParsedTransaction,
  type StatementChecks,
  type StatementMetadata,
} from '../types.ts';
import { listPlaces } from '../hygiene.ts';
import { assembleRows, bankRows, checkBank, inPence, printedRows, readingWarnings, tableFigures, type Event } from './bank.ts';
import { chooseReading, dateOrder, type ChainChoice } from './chain.ts';
import { cmsStatementEntries, scheduleEntries, type CmsRow } from './cms.ts';
import { cmsStatementLines } from './cms-columns.ts';
import { cmsDocumentKind, isCmsDocument, type CmsDocument } from './cms-detect.ts';
import { instalmentEntries } from './cms-instalments.ts';
import { flagOutsidePeriod } from './cms-period.ts';
import { accountKey, fingerprintRows } from '../fingerprint.ts';
import { balancesJson, readBalances, readParticulars, readSummary } from './metadata.ts';
import { linesOf, sideBySideHeaders, type Field, type Line, type TableLine } from './table.ts';
import { mayHoldImages, readPdfPages, type ExtractOptions } from './text.ts';
import type { BalanceSense } from './tokens.ts';
import { packPage, unpackPage } from './packed-pages.ts';
import { walkTables, type Section, type Walk } from './walk.ts';

/** How far before a statement's date its rows may be, where it prints a date and no period (three months). */
const STATEMENT_DATE_REACH = 92;
import { BANK_LAYOUTS } from './layouts.ts';

export { extractPdfItems, extractPdfText, type PdfPageItems, type PdfTextItem } from './text.ts';

export { BANK_LAYOUTS, type BankLayoutSpec } from './layouts.ts';

export const GENERIC_LAYOUT = 'generic_pdf';
export const CMS_STATEMENT_LAYOUT = 'cms_statement_pdf_v1';
export const CMS_SCHEDULE_LAYOUT = 'cms_payment_schedule_pdf_v1';

const NO_TEXT = 'This PDF has no text layer (it is a scan); send a CSV export or a PDF with text';

export interface ParsePdfOptions {
  /** Wall-clock budget in milliseconds for reading the PDF. */
  readonly maxMillis?: number;
}

/** Parses a PDF statement or CMS document. */
export async function parsePdf(request: ParseRequest, options: ParsePdfOptions = {}): Promise<ParseResult> {
  const extract: ExtractOptions = {
    ...(request.password !== undefined ? { password: request.password } : {}),
    ...(options.maxMillis !== undefined ? { maxMillis: options.maxMillis } : {}),
  };
  // Each page is packed as soon as it is read (packed-pages.ts says why), and its lines built once pdf.js is done.
  const pages = await readPdfPages(request.bytes, extract, packPage);
  const textPages = pages.filter((p) => p.count > 0).length;
  if (textPages === 0) {
    throw mayHoldImages(request.bytes)
      ? new ParseError('unsupported', NO_TEXT)
      : new ParseError(
          'parse_failed',
          'This PDF has no text and no images: its pages are blank. Send the statement itself, or a CSV export.',
        );
  }
  const warnings: string[] = [];
  const dirty = pages.filter((p) => (p.removed ?? 0) > 0);
  if (dirty.length > 0) {
    const removed = dirty.reduce((n, p) => n + p.removed!, 0);
    warnings.push(
      `${removed} character${removed === 1 ? '' : 's'} that cannot be kept (NUL bytes or broken UTF-16 characters) ${removed === 1 ? 'was' : 'were'} removed from the text of page${dirty.length === 1 ? '' : 's'} ${listPlaces(dirty.map((p) => String(p.page)))}; check the descriptions there against the statement.`,
    );
  }
  if (textPages < pages.length) {
    warnings.push(`${pages.length - textPages} of the ${pages.length} pages have no text (scanned images); anything on them was not read.`);
  }
  const lines = pages.map((p) => linesOf(unpackPage(p)));
  refuseSideBySide(lines);
  const walk = walkTables(
    lines,
    pages.map((p) => p.height),
  );
  if (!walk) {
    const askew = pages.filter((p) => p.askew).map((p) => String(p.page));
    if (askew.length > 0) {
      throw new ParseError(
        'unsupported',
        `No transaction table was found in this PDF, and the text of page${askew.length === 1 ? '' : 's'} ${listPlaces(askew)} is drawn at a slant (not level, nor turned a quarter or half turn), so its lines cannot be told apart: it looks like a scan that was not straightened. Send the statement as the bank's own PDF or a CSV export, or scan it again with the page straight.`,
      );
    }
    throw new ParseError(
      'unsupported',
      'No transaction table was found in this PDF (no header row such as "Date / Description / Paid out / Paid in / Balance"). If it is a bank statement, send a CSV export; if it is a CMS letter, it is not a statement or payment schedule.',
    );
  }
  const preamble = walk.preamble.map((l) => l.text);
  const fields = walk.columns.fields;
  // A CMS document names the CMS and a case reference above its table; its columns say which document it is.
  // The caller's hint does not override them: a hint that disagrees with the document is a warning (below).
  // Where the columns do not say (a date and an amount, say), the caller's hint of a CMS document does.
  const cmsNamed = isCmsDocument(preamble);
  const cms = cmsNamed ? (cmsDocumentKind(fields) ?? hintedKind(request.hint)) : undefined;
  if (cmsNamed && cms === undefined) {
    warnings.push(
      'This document names the Child Maintenance Service and a case reference, but its columns do not say whether it is a statement of account or a payment schedule, so it was read as a bank statement. If it is CMS’s, send it again with hint "cms_payment_schedule" or "cms_statement".',
    );
  }
  let result: ParseResult;
  // The preamble's lines cell by cell: a name is read from its own cell, not with text printed beside it.
  const cells = walk.preamble.map(wordRuns);
  if (cms === 'statement') {
    const lines = walk.lines.map(referenceInWords);
    result = parseCmsStatement(cmsStatementLines(lines, fields, warnings), preamble, walk.outside, pages.length, warnings, cells);
  } else if (cms === 'schedule') {
    result = parseSchedule(walk.lines.map(referenceInWords), fields, preamble, pages.length, warnings, cells);
  } else {
    result = parseBank(walk.lines, preamble, walk.outside, pages.length, warnings, walk.sections, cells, walk.columns.ambiguousInOut);
    if (walk.unread.length > 0) warnings.push(unreadWarning(walk.unread));
  }
  if (walk.pending && walk.pending.rows.length > 0) warnings.push(pendingWarning(walk.pending));
  if (request.hint && request.hint !== result.kind) {
    warnings.push(
      `You said this is a ${words(request.hint)}, but it reads as a ${words(result.kind)}; it was parsed as a ${words(result.kind)}.`,
    );
  }
  return { ...result, warnings, confidence: confidence(result.metadata.layout, result.checks, warnings.length, chainOf.get(result)) };
}

/**
 * Warnings for an opening balance printed after rows ("Balance brought forward" under a table) that does not follow
 * from them: the table of another account on the same statement (a savings account under the current account)
 * starts there, and its rows were read as this account's.
 */
function anotherAccount(events: readonly Event[], choice: ChainChoice): string[] {
  const opened = new Set<string>();
  let rowSeen = false;
  for (const e of events) {
    if (e.kind === 'row') rowSeen = true;
    else if (rowSeen && e.which === 'open') opened.add(`${e.page}|${e.line ?? 0}`);
  }
  if (opened.size === 0) return [];
  return choice.walk.breaks
    .filter((b) => b.mark !== undefined && opened.has(`${b.source.page}|${b.source.line}`))
    .map(
      (b) =>
        `Page ${b.source.page}, line ${b.source.line}: an opening balance of ${pounds(fromPence(b.printed))} is printed after rows and does not follow from them (they give ${pounds(fromPence(b.expected))}): it may open the table of another account on the same statement (a savings account, say), whose rows were read as this account's. Check the statement, and send each account's transactions separately.`,
    );
}

/** A second account's table found under the first: where it starts, its opening balance, and the rows under it. */
interface SecondAccount {
  readonly section: Section;
  /** The first balance under the header (a balance line's, or a row's where `row`), and what the rows above give. */
  readonly opening: { readonly line: number; readonly printed: number; readonly expected: number; readonly row?: true };
  readonly rows: readonly { readonly page: number; readonly line: number }[];
}

/** Account numbers (eight digits) printed in lines of text. */
const accountNumbersIn = (lines: readonly Line[]) =>
  lines.flatMap((l) => [...l.text.matchAll(/(?<![\d-])(\d{8})(?!\d)/g)].map((m) => m[1]!));

/**
 * The table of another account printed under this account's rows (a savings account under the current account):
 * the headers printed again under rows of the table (walk.ts), the first one whose lines, before any row, open with a
 * balance ("Balance brought forward", "Opening balance") that does not follow from the rows above it. A header printed
 * again with a balance that follows is the same account's table going on; a balance that does not follow with no
 * header printed again above it is a break in the chain, warned as before ({@link anotherAccount}).
 *
 * The other account's table may start on a page of its own (a statement probe: a current account over two pages and
 * its savings account on the third were read as one account, the savings rows among the current account's). A header
 * at the top of a later page starts another account where the page's lines above it name an account number other
 * than this account's or print a summary with an opening balance, and the first balance under the header, on a
 * balance line or a row, does not follow from the rows above: a page that only goes on with the same account does
 * not, and a second month's statement of the same account opens with the balance the first closed with.
 */
function secondAccount(
  events: readonly Event[],
  choice: ChainChoice,
  sections: readonly Section[],
  accountMasked: string | undefined,
): SecondAccount | undefined {
  if (sections.length === 0) return undefined;
  const breaks = new Map<string, { printed: number; expected: number }>();
  for (const b of choice.walk.breaks) breaks.set(`${b.source.page}|${b.source.line}`, b);
  if (breaks.size === 0) return undefined;
  const below = (s: Section, page: number, line: number) => page > s.header.page || (page === s.header.page && line > s.header.number);
  const placeOf = (e: Event) => (e.kind === 'row' ? { page: e.row.page, line: e.row.line } : { page: e.page, line: e.line ?? 0 });
  for (const section of sections) {
    const under = events.filter((e) => below(section, placeOf(e).page, placeOf(e).line));
    let first = under[0];
    if (section.newPage) {
      // The page names another account, or prints a summary of its own with an opening balance.
      const above = section.above ?? section.title;
      const named = accountNumbersIn(above).some((n) => accountMasked === undefined || n.slice(-4) !== accountMasked.slice(-4));
      const summarised =
        readSummary(
          above.map((l) => l.text),
          'bank',
        ).opening !== undefined;
      if (!named && !summarised) continue;
      // The first balance printed under the header, on a balance line or with a row.
      first = under.find((e) => (e.kind === 'row' ? e.row.money.balance !== undefined : e.balance !== undefined));
      if (first === undefined || placeOf(first).page !== section.header.page) continue;
    } else if (first?.kind !== 'marker' || first.which !== 'open' || first.page !== section.header.page) continue;
    if (first.kind === 'marker' && (first.which !== 'open' || !breaks.has(`${first.page}|${first.line ?? 0}`))) continue;
    const at = placeOf(first);
    const b = breaks.get(`${at.page}|${at.line}`);
    if (!b) continue;
    const rows = under.flatMap((e) => (e.kind === 'row' ? [{ page: e.row.page, line: e.row.line }] : []));
    return {
      section,
      opening: { line: at.line, printed: b.printed, expected: b.expected, ...(first.kind === 'row' ? { row: true as const } : {}) },
      rows,
    };
  }
  return undefined;
}

/** Account numbers in a line quoted in a warning, masked as the metadata masks them ("****4321"). */
const masked = (text: string) => text.replace(/\d{4,}(\d{4})\b/g, '****$1');

function secondAccountWarning(s: SecondAccount): string {
  const { header, title } = s.section;
  const named = title.map((l) => masked(l.text)).join(' / ');
  const shown = named.length > 80 ? `${named.slice(0, 77)}...` : named;
  const n = s.rows.length;
  const places = listPlaces(s.rows.map((r) => `page ${r.page} line ${r.line}`));
  const left =
    n === 0
      ? 'it has no rows of its own'
      : `the ${n === 1 ? 'row' : `${n} rows`} under it (${places}) ${n === 1 ? 'was' : 'were'} left out, not read as this account's`;
  return (
    `Page ${header.page}, line ${header.number}: the column headings are printed again${s.section.newPage ? ' at the top of the page' : ''}${shown ? ` with "${shown}"` : ''}, and ${
      s.opening.row
        ? `the first balance under them, ${pounds(fromPence(s.opening.printed))} (line ${s.opening.line}), does not follow from the rows above and that row (they give ${pounds(fromPence(s.opening.expected))})`
        : `the table under them opens with a balance of ${pounds(fromPence(s.opening.printed))} (line ${s.opening.line}) that does not follow from the rows above (they give ${pounds(fromPence(s.opening.expected))})`
    }: it is the table of another account on the same statement. ` +
    `Only the first account's rows were read; ${left}. If payments you need went through that account, send that account's transactions separately (a CSV export of it).`
  );
}

/**
 * Refuses a page that prints two tables side by side (the same column headings twice across one line): read as
 * one table, every row would take the row beside it into its description, and the balances would not add up.
 */
function refuseSideBySide(pages: readonly (readonly Line[])[]): void {
  for (const lines of pages) {
    const line = lines.find(sideBySideHeaders);
    if (line) {
      throw new ParseError(
        'unsupported',
        `Page ${line.page} prints two tables side by side (line ${line.number} has the same column headings twice), which Reckoner cannot read apart safely. Send a CSV export of the statement, or a PDF with one table across the page.`,
      );
    }
  }
}

/**
 * The warning for lines the table walk left outside the table that read as its rows (a date and an amount
 * on its columns): they may be transactions that were not read, so the list may be short.
 */
function unreadWarning(unread: readonly Line[]): string {
  const n = unread.length;
  const places = listPlaces(unread.map((l) => `page ${l.page} line ${l.number}`));
  return `${n} line${n === 1 ? '' : 's'} below where the table was taken to end ${n === 1 ? 'reads' : 'read'} like ${n === 1 ? 'a transaction' : 'transactions'} (a date and an amount) but ${n === 1 ? 'was' : 'were'} not read (${places}): the transactions given may be incomplete. Check the statement, or send a CSV export.`;
}

/** Widest gap between two words of one phrase, in font heights: a wide font's word space (Courier's is 0.6). */
const WORD_GAP = 0.65;

/**
 * A line's text in runs of words, split where the gap is wider than a word space: its cells, with cells a word space
 * apart joined (in Courier a word space is wider than a cell gap, and "MR B SAMPLE & MRS C SAMPLE" was read as its
 * first four words).
 */
function wordRuns(line: Line): string[] {
  const runs: string[] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const c of line.cells) {
    if (runs.length > 0 && c.left - right <= WORD_GAP * line.height) runs[runs.length - 1] += ` ${c.text}`;
    else runs.push(c.text);
    right = c.right;
  }
  return runs;
}

/** A CMS document's line with the text of a reference column read as words of its description, as the CMS readers take it. */
function referenceInWords(t: TableLine): TableLine {
  return t.reference ? { ...t, description: [t.description, t.reference].filter(Boolean).join(' '), reference: '' } : t;
}

/**
 * The warning for the rows of a section of transactions that have not gone through yet ("Pending transactions"): left
 * out, each named, since the statement's balances do not count them.
 */
function pendingWarning(pending: NonNullable<Walk['pending']>): string {
  const { title, rows } = pending;
  const n = rows.length;
  const words = title.text.trim();
  const shown = words.length > 60 ? `${words.slice(0, 57)}...` : words;
  const places = listPlaces(rows.map((l) => `page ${l.page} line ${l.number}`));
  return `Page ${title.page}, line ${title.number}: the ${n === 1 ? 'line' : `${n} lines`} under "${shown}" (${places}) ${n === 1 ? 'is a transaction' : 'are transactions'} not yet gone through the account, so ${n === 1 ? 'it was' : 'they were'} left out: the statement's balances do not count ${n === 1 ? 'it' : 'them'}. ${n === 1 ? 'It' : 'They'} should be on the next statement.`;
}

/** Where a CMS document's columns do not say which it is, the kind the caller said it is, if a CMS one. */
function hintedKind(hint: DocumentKind | undefined): CmsDocument | undefined {
  return hint === 'cms_payment_schedule' ? 'schedule' : hint === 'cms_statement' ? 'statement' : undefined;
}

function words(kind: DocumentKind): string {
  return kind === 'bank_statement' ? 'bank statement' : kind === 'cms_statement' ? 'CMS statement' : 'CMS payment schedule';
}

/**
 * How sure the parse is. A bank statement's comes from its balance chain (chain.ts): the chain holding under
 * the headings' own reading is the best evidence there is; a reading the chain had to choose, another reading
 * that holds as well (the statement could be read two ways), amounts it could not place, or a chain that
 * breaks each take confidence away. A known layout adds a little; it is a hint, not the proof.
 */
function confidence(layout: string, checks: StatementChecks, warnings: number, chain?: ChainChoice): number {
  let c = layout === GENERIC_LAYOUT ? (chain ? 0.85 : 0.8) : 0.95;
  if (checks.runningBalance === 'ok') c += 0.05;
  if (checks.runningBalance === 'failed') c -= chain ? 0.5 : 0.35;
  if (checks.runningBalance === 'not_available') c -= 0.1;
  if (checks.totals === 'failed') c -= 0.25;
  if (checks.totals === 'not_available') c -= 0.05;
  if (chain) {
    if (chain.decided === 'by_chain') c -= 0.05;
    if (chain.alternatives > 0) c -= 0.3;
    if (chain.undecided > 0) c -= 0.1;
  }
  c -= Math.min(0.2, warnings * 0.05);
  return Math.round(Math.max(0.05, Math.min(1, c)) * 100) / 100;
}

/** The balance chain behind each bank statement's result, for its confidence. */
const chainOf = new WeakMap<ParseResult, ChainChoice>();

const money = (d: Dec | undefined) => (d === undefined ? undefined : formatMoney(d));

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function parseBank(
  tableLines: Parameters<typeof assembleRows>[0],
  preamble: string[],
  outside: readonly Line[],
  pages: number,
  warnings: string[],
  sections: readonly Section[] = [],
  preambleCells: readonly (readonly string[])[] = [],
  ambiguousInOut = false,
): ParseResult {
  const warned = warnings.length;
  const head = preamble.join('\n');
  const spec = BANK_LAYOUTS.find((l) => l.markers.some((m) => m.test(head)));
  const particulars = readParticulars(preamble, { caseReference: false, cells: preambleCells });
  const summary = readSummary(preamble, 'bank');
  // Totals printed after the table (some banks print the summary at the end).
  const after = readSummary(
    outside.map((l) => l.text),
    'bank',
  );
  // With no period printed, a statement date stands for its end (the dates before it are at most a few months old:
  // a card statement prints "Statement date 27 March 2024" and rows dated "01 Mar"), only to give them their year.
  const statementDate = particulars.periodEnd === undefined ? particulars.statementDate : undefined;
  const period = {
    ...(particulars.periodStart ? { start: particulars.periodStart } : {}),
    ...(particulars.periodEnd ? { end: particulars.periodEnd } : {}),
    ...(statementDate ? { start: fromDayNumber(toDayNumber(statementDate) - STATEMENT_DATE_REACH), end: statementDate } : {}),
  };
  const entryFields: Field[] = ['out', 'in', 'amount'];
  const events = assembleRows(tableLines, { amountLine: spec?.amountLine ?? 'auto', entryFields, period, warnings });
  const listed = printedRows(events, warnings);
  // The period's figures: the summary's, else the balance lines in the table (the first brought-forward is
  // the opening, the last carried-forward the closing, in the order the rows happened).
  // Read as what is owed (a card's balances), the summary's balances are negated as the chain negates them.
  const figures = (newestFirst: boolean, sense: BalanceSense = 'bank') => {
    const table = tableFigures(newestFirst ? [...events].reverse() : events, sense);
    const owed = (d: Dec | undefined) => (sense === 'owed' ? d?.negated() : d);
    return {
      opening: owed(summary.opening ?? after.opening) ?? table.opening,
      closing: owed(summary.closing ?? after.closing) ?? table.closing,
      paidIn: summary.paidIn ?? after.paidIn ?? table.paidIn,
      paidOut: summary.paidOut ?? after.paidOut ?? table.paidOut,
      table,
    };
  };
  const assumed = figures(dateOrder(listed.rows, listed.items) === 'newest_first');
  // The balance chain decides how the money is read (which column is which, signs, CR/DR, the order).
  const choice = chooseReading(listed.rows, listed.items, {
    ...(assumed.opening !== undefined ? { opening: inPence(assumed.opening) } : {}),
    ...(assumed.closing !== undefined ? { closing: inPence(assumed.closing) } : {}),
    ...(assumed.paidIn !== undefined ? { paidIn: inPence(assumed.paidIn) } : {}),
    ...(assumed.paidOut !== undefined ? { paidOut: inPence(assumed.paidOut) } : {}),
  });
  // A second account's table under the first: read the first account alone, and say what was left out.
  const second = secondAccount(events, choice, sections, particulars.accountNumberMasked);
  if (second) {
    warnings.length = warned;
    const result = parseBank(tableLines.slice(0, second.section.at), preamble, outside, pages, warnings, [], preambleCells, ambiguousInOut);
    warnings.push(secondAccountWarning(second));
    return result;
  }
  const newestFirst = choice.reading.newestFirst;
  if (newestFirst) warnings.push('The statement lists the newest transactions first; they are given here oldest first.');
  warnings.push(...readingWarnings(choice));
  // Two amount columns whose headings do not say which is money out (none read, or "Amount" twice), and nothing that
  // could check it: the reading is a guess, and is said to be one (a probe found every row the wrong way round, unsaid).
  if (ambiguousInOut && choice.decided === 'unchecked' && listed.rows.some((r) => r.out) && listed.rows.some((r) => r.in)) {
    warnings.push(
      'Nothing on the statement says which of its two amount columns is money out and which money in: their headings were not read as such, and no running balance or printed total checks them. The left-hand column was read as money out and the right-hand as money in; check the directions against the statement.',
    );
  }
  const rows = bankRows(listed.rows, choice);
  const { table, ...printed } = figures(newestFirst, choice.reading.balanceSense);
  if (summary.opening && table.opening && !summary.opening.equals(table.opening)) {
    warnings.push(
      `The summary's opening balance (${formatMoney(summary.opening)}) differs from the table's (${formatMoney(table.opening)}).`,
    );
  }
  if (summary.closing && table.closing && !summary.closing.equals(table.closing)) {
    warnings.push(
      `The summary's closing balance (${formatMoney(summary.closing)}) differs from the table's (${formatMoney(table.closing)}).`,
    );
  }
  const balances = listed.rows.some((r) => r.balance !== undefined) || listed.items.some((i) => typeof i !== 'number');
  const checks = checkBank(rows, choice, printed, balances, warnings);
  warnings.push(...anotherAccount(events, choice));
  if (checks.totals === 'failed') {
    warnings.push(
      `The totals printed on the statement do not agree with the transactions read, so some may be missing or misread: ${checks.totalsDetail ?? ''} Check the transactions against the statement.`,
    );
  }
  if (rows.length === 0) warnings.push('The table has no transactions.');
  const metadata: StatementMetadata = defined({
    issuer: spec?.issuer,
    layout: spec?.id ?? GENERIC_LAYOUT,
    accountHolder: particulars.accountHolder,
    accountNumberMasked: particulars.accountNumberMasked,
    sortCodeMasked: particulars.sortCodeMasked,
    periodStart: particulars.periodStart ?? rows[0]?.date,
    periodEnd: particulars.periodEnd ?? rows[rows.length - 1]?.date,
    openingBalance: money(printed.opening),
    closingBalance: money(printed.closing),
    totalPaidIn: money(printed.paidIn?.abs()),
    totalPaidOut: money(printed.paidOut?.abs()),
    pages,
  });
  const plain = rows.map((r) => ({
    date: r.date,
    description: r.description,
    amount: r.amount,
    direction: r.direction,
    ...(r.balance !== undefined ? { balance: r.balance } : {}),
  }));
  const fingerprints = fingerprintRows(plain, accountKey(metadata));
  // A reference column's text is the row's reference (not part of the fingerprint, as for CSV and OFX rows).
  const transactions: ParsedTransaction[] = plain.map((t, i) => ({
    ...t,
    ...(rows[i]!.reference !== undefined ? { reference: rows[i]!.reference } : {}),
    fingerprint: fingerprints[i]!,
    source: rows[i]!.source,
  }));
  const result: ParseResult = {
    kind: 'bank_statement',
    format: 'pdf',
    metadata,
    transactions,
    cmsEntries: [],
    checks,
    warnings,
    confidence: 0,
  };
  chainOf.set(result, choice);
  return result;
}

/** CMS entries fingerprinted like bank rows, with the entry type in place of the direction. */
function cmsFingerprints(entries: readonly CmsRow[], metadata: StatementMetadata): ParsedCmsEntry[] {
  const fingerprints = fingerprintRows(
    entries.map((e) => ({ date: e.date, amount: e.amount, direction: e.type, description: e.description })),
    accountKey(metadata),
  );
  return entries.map((e, i) => ({ ...e, fingerprint: fingerprints[i]! }));
}

function cmsParticulars(preamble: string[], warnings: string[], cells: readonly (readonly string[])[]) {
  const p = readParticulars(preamble, { caseReference: true, cells });
  if (p.caseReference === undefined) warnings.push('No 12-digit case reference was found on the document.');
  else if (!/^121\d{9}$/.test(p.caseReference))
    warnings.push(`The case reference ${p.caseReference} does not look like a CMS reference (12 digits starting 121).`);
  return p;
}

/**
 * A CMS statement from which no balance could be read: CMS's figure is then unknown, and nothing may stand in for it
 * (a reconciliation that added up CMS's entries to another day said "CMS's entries add up to £1,610.00", a figure CMS
 * never stated; journey probe, story 1).
 */
export const NO_CMS_BALANCE =
  'No balance was found on this CMS statement: no summary line such as "Closing balance", "Balance you owe" or "Total owed" with a figure, and no running balance column that adds up to its last line. CMS\'s figure cannot be read from it: check the statement, and give the balance it states as cmsClaim when reconciling.';

function parseCmsStatement(
  tableLines: Parameters<typeof assembleRows>[0],
  preamble: string[],
  outside: readonly Line[],
  pages: number,
  warnings: string[],
  cells: readonly (readonly string[])[] = [],
): ParseResult {
  const p = cmsParticulars(preamble, warnings, cells);
  const summary = {
    ...readSummary(
      outside.map((l) => l.text),
      'cms',
    ),
    ...readSummary(preamble, 'cms'),
  };
  // The balances by component, from the summary above the table or, failing that, from the lines after it.
  const above = readBalances(preamble, warnings);
  const balances =
    Object.keys(above).length > 0
      ? above
      : readBalances(
          outside.map((l) => l.text),
          warnings,
        );
  const period = { ...(p.periodStart ? { start: p.periodStart } : {}), ...(p.periodEnd ? { end: p.periodEnd } : {}) };
  const events = assembleRows(tableLines, { amountLine: 'first', entryFields: ['due', 'paid'], period, warnings, balanceSense: 'owed' });
  const read = cmsStatementEntries(events, summary, warnings, balances, [...preamble, ...outside.map((l) => l.text)]);
  const { checks, opening, closing, received } = read;
  const entries = flagOutsidePeriod(read.entries, period, 'statement', warnings);
  if (closing === undefined && Object.keys(balances).length === 0) warnings.push(NO_CMS_BALANCE);
  const metadata: StatementMetadata = defined({
    issuer: 'Child Maintenance Service',
    layout: CMS_STATEMENT_LAYOUT,
    accountHolder: p.accountHolder,
    caseReference: p.caseReference,
    periodStart: p.periodStart ?? entries[0]?.date,
    periodEnd: p.periodEnd ?? entries[entries.length - 1]?.date,
    openingBalance: money(opening),
    closingBalance: money(closing),
    totalPaidIn: money(received),
    pages,
    balances: balancesJson(balances),
  });
  const cmsEntries = cmsFingerprints(entries, metadata);
  return { kind: 'cms_statement', format: 'pdf', metadata, transactions: [], cmsEntries, checks, warnings, confidence: 0 };
}

function parseSchedule(
  tableLines: Parameters<typeof assembleRows>[0],
  fields: ReadonlySet<Field>,
  preamble: string[],
  pages: number,
  warnings: string[],
  cells: readonly (readonly string[])[] = [],
): ParseResult {
  const p = cmsParticulars(preamble, warnings, cells);
  const refLine = preamble.map((l) => /\bpayment reference\s*:?\s*([A-Z0-9][A-Z0-9 /-]{2,30}[A-Z0-9])\s*$/i.exec(l)).find(Boolean);
  // The period the schedule covers, where it prints one ("Payments from 1 May 2024 to 1 October 2024").
  const period: { start?: CivilDate; end?: CivilDate } = {
    ...(p.periodStart ? { start: p.periodStart } : {}),
    ...(p.periodEnd ? { end: p.periodEnd } : {}),
  };
  const options = { ...(refLine ? { reference: refLine[1]!.trim() } : {}), period, warnings };
  // Split into ongoing maintenance, arrears and fee, or one amount per due date (perhaps with a status).
  const split = fields.has('ongoing') || fields.has('arrears') || fields.has('fee');
  const read: ReturnType<typeof scheduleEntries> = split ? scheduleEntries(tableLines, options) : instalmentEntries(tableLines, options);
  const { checks, first, last, paymentPlan } = read;
  const entries = flagOutsidePeriod(read.entries, period, 'schedule', warnings);
  const metadata: StatementMetadata = defined({
    issuer: 'Child Maintenance Service',
    layout: CMS_SCHEDULE_LAYOUT,
    accountHolder: p.accountHolder,
    caseReference: p.caseReference,
    periodStart: p.periodStart ?? first,
    periodEnd: p.periodEnd ?? last,
    pages,
    paymentPlan,
  });
  const cmsEntries = cmsFingerprints(entries, metadata);
  return { kind: 'cms_payment_schedule', format: 'pdf', metadata, transactions: [], cmsEntries, checks, warnings, confidence: 0 };
}
