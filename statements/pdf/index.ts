/**
 * PDF statements: bank statements in the layouts of the main UK banks (and any with a recognisable header
 * row), CMS statements of account / arrears breakdowns, and CMS payment schedules.
 *
 * The text comes with positions (pdf.js); the table is rebuilt from the header row's x ranges, never from
 * flattened text. What can be checked is checked: the running balance row by row, and the printed totals.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { Direction } from '../../calc/ledger/entries.ts';
import type { Dec } from '../../calc/money.ts';
import { formatMoney } from '../../calc/money.ts';
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
import { fileOrder } from '../balance.ts';
import { listPlaces } from '../hygiene.ts';
import { assembleRows, bankRows, checkBank, unsignedDirection } from './bank.ts';
import { cmsStatementEntries, scheduleEntries, type CmsRow } from './cms.ts';
import { accountKey, fingerprintRows } from '../fingerprint.ts';
import { balancesJson, readBalances, readParticulars, readSummary } from './metadata.ts';
import { pageLines, type Field, type Line } from './table.ts';
import { extractPdfItems, mayHoldImages, type ExtractOptions } from './text.ts';
import { walkTables } from './walk.ts';
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
  const pages = await extractPdfItems(request.bytes, extract);
  const textPages = pages.filter((p) => p.items.length > 0).length;
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
  const lines = pageLines(pages);
  const walk = walkTables(
    lines,
    pages.map((p) => p.height),
  );
  if (!walk) {
    throw new ParseError(
      'unsupported',
      'No transaction table was found in this PDF (no header row such as "Date / Description / Paid out / Paid in / Balance"). If it is a bank statement, send a CSV export; if it is a CMS letter, it is not a statement or payment schedule.',
    );
  }
  const preamble = walk.preamble.map((l) => l.text);
  const preambleText = preamble.join('\n');
  const fields = walk.columns.fields;
  const isCms = /child maintenance service/i.test(preambleText) && /case (?:reference|ref|number)/i.test(preambleText);
  let result: ParseResult;
  if (isCms && fields.has('due') && fields.has('paid')) {
    result = parseCmsStatement(walk.lines, preamble, walk.outside, pages.length, warnings);
  } else if (isCms && (fields.has('ongoing') || fields.has('total'))) {
    result = parseSchedule(walk.lines, preamble, pages.length, warnings);
  } else {
    result = parseBank(walk.lines, preamble, walk.outside, pages.length, warnings);
  }
  if (request.hint && request.hint !== result.kind) {
    warnings.push(
      `You said this is a ${words(request.hint)}, but it reads as a ${words(result.kind)}; it was parsed as a ${words(result.kind)}.`,
    );
  }
  return { ...result, warnings, confidence: confidence(result.metadata.layout, result.checks, warnings.length) };
}

function words(kind: DocumentKind): string {
  return kind === 'bank_statement' ? 'bank statement' : kind === 'cms_statement' ? 'CMS statement' : 'CMS payment schedule';
}

function confidence(layout: string, checks: StatementChecks, warnings: number): number {
  let c = layout === GENERIC_LAYOUT ? 0.8 : 0.95;
  if (checks.runningBalance === 'ok') c += 0.05;
  if (checks.runningBalance === 'failed') c -= 0.35;
  if (checks.runningBalance === 'not_available') c -= 0.1;
  if (checks.totals === 'failed') c -= 0.25;
  if (checks.totals === 'not_available') c -= 0.05;
  c -= Math.min(0.2, warnings * 0.05);
  return Math.round(Math.max(0.05, Math.min(1, c)) * 100) / 100;
}

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
): ParseResult {
  const head = preamble.join('\n');
  const spec = BANK_LAYOUTS.find((l) => l.markers.some((m) => m.test(head)));
  const particulars = readParticulars(preamble, { caseReference: false });
  const summary = readSummary(preamble, 'bank');
  // Totals printed after the table (some banks print the summary at the end).
  const after = readSummary(
    outside.map((l) => l.text),
    'bank',
  );
  const period = {
    ...(particulars.periodStart ? { start: particulars.periodStart } : {}),
    ...(particulars.periodEnd ? { end: particulars.periodEnd } : {}),
  };
  const entryFields: Field[] = ['out', 'in', 'amount'];
  const events = assembleRows(tableLines, { amountLine: spec?.amountLine ?? 'auto', entryFields, period, warnings });
  const unsigned: Direction = unsignedDirection(tableLines);
  const listed = bankRows(events, unsigned, warnings);
  // Online-banking print-outs list the newest first: turn the rows, and the balance lines between them,
  // the right way up, so the running balance is checked forwards and the rows come back oldest first.
  const newestFirst = fileOrder(listed.rows.map((r) => ({ date: r.date, signed: r.signed, balance: r.printedBalance }))) === 'newest_first';
  const rows = newestFirst ? [...listed.rows].reverse() : listed.rows;
  const order = newestFirst ? [...listed.order].reverse().map((o) => (typeof o === 'number' ? rows.length - 1 - o : o)) : listed.order;
  const inTime = newestFirst ? [...events].reverse() : events;
  if (newestFirst) warnings.push('The statement lists the newest transactions first; they are given here oldest first.');
  // Balance lines in the table: the first brought-forward is the opening, the last carried-forward the closing.
  const markers = inTime.filter((e) => e.kind === 'marker');
  const firstRow = inTime.findIndex((e) => e.kind === 'row');
  const lastRow = inTime.length - 1 - [...inTime].reverse().findIndex((e) => e.kind === 'row');
  const openMarker = inTime.slice(0, firstRow < 0 ? inTime.length : firstRow).find((e) => e.kind === 'marker' && e.balance !== undefined);
  const closeMarker = [...inTime.slice(lastRow + 1)]
    .reverse()
    .find((e) => e.kind === 'marker' && e.which !== 'total' && e.balance !== undefined);
  const totalMarker = markers.find((e) => e.kind === 'marker' && e.which === 'total');
  const printed = {
    opening: summary.opening ?? after.opening ?? (openMarker?.kind === 'marker' ? openMarker.balance : undefined),
    closing: summary.closing ?? after.closing ?? (closeMarker?.kind === 'marker' ? closeMarker.balance : undefined),
    paidIn: summary.paidIn ?? after.paidIn ?? (totalMarker?.kind === 'marker' ? totalMarker.money.in?.value : undefined),
    paidOut: summary.paidOut ?? after.paidOut ?? (totalMarker?.kind === 'marker' ? totalMarker.money.out?.value : undefined),
  };
  if (summary.opening && openMarker?.kind === 'marker' && openMarker.balance && !summary.opening.equals(openMarker.balance)) {
    warnings.push(
      `The summary's opening balance (${formatMoney(summary.opening)}) differs from the table's (${formatMoney(openMarker.balance)}).`,
    );
  }
  if (summary.closing && closeMarker?.kind === 'marker' && closeMarker.balance && !summary.closing.equals(closeMarker.balance)) {
    warnings.push(
      `The summary's closing balance (${formatMoney(summary.closing)}) differs from the table's (${formatMoney(closeMarker.balance)}).`,
    );
  }
  const checks = checkBank(rows, order, printed, warnings);
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
  const transactions: ParsedTransaction[] = plain.map((t, i) => ({ ...t, fingerprint: fingerprints[i]!, source: rows[i]!.source }));
  return { kind: 'bank_statement', format: 'pdf', metadata, transactions, cmsEntries: [], checks, warnings, confidence: 0 };
}

/** CMS entries fingerprinted like bank rows, with the entry type in place of the direction. */
function cmsFingerprints(entries: readonly CmsRow[], metadata: StatementMetadata): ParsedCmsEntry[] {
  const fingerprints = fingerprintRows(
    entries.map((e) => ({ date: e.date, amount: e.amount, direction: e.type, description: e.description })),
    accountKey(metadata),
  );
  return entries.map((e, i) => ({ ...e, fingerprint: fingerprints[i]! }));
}

function cmsParticulars(preamble: string[], warnings: string[]) {
  const p = readParticulars(preamble, { caseReference: true });
  if (p.caseReference === undefined) warnings.push('No 12-digit case reference was found on the document.');
  else if (!/^121\d{9}$/.test(p.caseReference))
    warnings.push(`The case reference ${p.caseReference} does not look like a CMS reference (12 digits starting 121).`);
  return p;
}

function parseCmsStatement(
  tableLines: Parameters<typeof assembleRows>[0],
  preamble: string[],
  outside: readonly Line[],
  pages: number,
  warnings: string[],
): ParseResult {
  const p = cmsParticulars(preamble, warnings);
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
  const { entries, checks, opening, closing, received } = cmsStatementEntries(events, summary, warnings, balances);
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

function parseSchedule(tableLines: Parameters<typeof assembleRows>[0], preamble: string[], pages: number, warnings: string[]): ParseResult {
  const p = cmsParticulars(preamble, warnings);
  const refLine = preamble.map((l) => /\bpayment reference\s*:?\s*([A-Z0-9][A-Z0-9 /-]{2,30}[A-Z0-9])\s*$/i.exec(l)).find(Boolean);
  const period: { start?: CivilDate; end?: CivilDate } = {};
  const { entries, checks, first, last, paymentPlan } = scheduleEntries(tableLines, {
    ...(refLine ? { reference: refLine[1]!.trim() } : {}),
    period,
    warnings,
  });
  const metadata: StatementMetadata = defined({
    issuer: 'Child Maintenance Service',
    layout: CMS_SCHEDULE_LAYOUT,
    accountHolder: p.accountHolder,
    caseReference: p.caseReference,
    periodStart: first,
    periodEnd: last,
    pages,
    paymentPlan,
  });
  const cmsEntries = cmsFingerprints(entries, metadata);
  return { kind: 'cms_payment_schedule', format: 'pdf', metadata, transactions: [], cmsEntries, checks, warnings, confidence: 0 };
}
