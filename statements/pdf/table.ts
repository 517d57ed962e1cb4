/**
 * Rebuilding a statement's table from positioned text: lines by y, cells by x gaps, columns from the header
 * row's x ranges (header synonyms below; headings run together or spread apart are still told apart), then
 * placed by the rows' own alignment (align.ts). An amount belongs to the column its right edge aligns on,
 * else to the column whose band holds its right edge (amounts are right-aligned); text to the column whose
 * band holds its left edge, so "paid out" and "paid in" are never confused; a reference column's text is the
 * row's reference, not words of its description. Cells outside the table's extent
 * (a sidebar, an advert) belong to no row, and an amount run into its description is split off again.
 * @module
 */
import { cmsHeaderAccepts } from './cms-header.ts';
import { groupLines, lineText, type PdfPageItems, type PdfTextItem } from './text.ts';
import { isTimeOfDay, parseAmountToken, parseDateToken, splitLeadingDate, type AmountToken, type DateToken } from './tokens.ts';

/** What a column holds. */
export type Field =
  | 'date'
  | 'description'
  | 'type'
  /** A reference printed in a column of its own (a mandate, a payee's reference): text, not money, not the description. */
  | 'reference'
  | 'out'
  | 'in'
  | 'amount'
  | 'balance'
  | 'due'
  | 'paid'
  | 'ongoing'
  | 'arrears'
  | 'fee'
  | 'total'
  /** A payment schedule's status of each instalment ("Paid", "Due", "Missed", "Part paid"): text, not money. */
  | 'status';

const MONEY_FIELDS: ReadonlySet<Field> = new Set(['out', 'in', 'amount', 'balance', 'due', 'paid', 'ongoing', 'arrears', 'fee', 'total']);
export const isMoneyField = (f: Field) => MONEY_FIELDS.has(f);

/** Header words (lower case, without "£", "(£)", "(GBP)" and punctuation) for each field. */
const HEADER_WORDS: Record<Field, readonly string[]> = {
  date: [
    'date',
    'transaction date',
    'posting date',
    'date of transaction',
    'due date',
    'payment date',
    'value date',
    'posted',
    'date posted',
    'posted date',
    'entry date',
    // CMS payment schedules.
    'payment due date',
    'date due',
    'due on',
    'instalment date',
    'installment date',
  ],
  description: [
    'description',
    'details',
    'transaction details',
    'payment type and details',
    'transaction',
    'transactions',
    'particulars',
    'narrative',
    'transaction description',
    'payee',
    'payee details',
    'payment details',
    'details of transaction',
  ],
  type: ['type', 'transaction type', 'payment type', 'entry type'],
  // A column of its own between the description and the money (a statement probe: its text was read into the middle of
  // each description, after the first line and before the lines wrapped under it).
  reference: ['reference', 'ref', 'your reference', 'payment reference', 'transaction reference', 'reference number', 'ref no'],
  out: [
    'paid out',
    'money out',
    'debit',
    'debits',
    'withdrawn',
    'withdrawals',
    'withdrawal',
    'out',
    'payments out',
    'debit amount',
    'outgoings',
    'spent',
    // Only beside a money-in heading ("Payments" / "Receipts"): see headerColumns.
    'payments',
  ],
  in: [
    'paid in',
    'money in',
    'credit',
    'credits',
    'deposits',
    'deposit',
    'in',
    'receipts',
    'payments in',
    'credit amount',
    'received',
    // Irish and Northern Irish banks ("Withdrawals" / "Lodgements").
    'lodgements',
    'lodgement',
    'lodgments',
    'lodgment',
  ],
  amount: ['amount', 'value', 'transaction amount', 'instalment amount', 'installment amount', 'payment amount', 'instalment'],
  balance: [
    'balance',
    'running balance',
    // Starling's heading (a statement probe of 5 December 2026: the column was left out, and its check with it).
    'account balance',
    'balance owed',
    'arrears balance',
    'running arrears',
    'arrears owed',
    'balance outstanding',
    'outstanding balance',
    'total arrears',
    // A receiving parent's statement.
    'owed to you',
    'balance owed to you',
  ],
  due: ['due', 'amount due', 'payment due', 'charged', 'due from you', 'due to you', 'amount charged', 'payments due', 'charges due'],
  paid: [
    'paid',
    'amount paid',
    'paid or received',
    'paid/received',
    'payments received',
    'amount received',
    'payment received',
    'payments made',
    'payment made',
    'amount collected',
    // A receiving parent's statement: what was passed on to her, and her 4% fee, in one column.
    'paid to you',
    'paid or deducted',
  ],
  ongoing: [
    'ongoing maintenance',
    'ongoing',
    'maintenance',
    'ongoing amount',
    'maintenance amount',
    'ongoing maintenance amount',
    'child maintenance',
  ],
  arrears: [
    'arrears',
    'arrears amount',
    'arrears instalment',
    'towards arrears',
    'arrears payment',
    'arrears repayment',
    'arrears collection',
  ],
  fee: ['collection fee', 'collection fees', 'fee', 'fees', 'collection charge', 'collection fee 20%', 'fee 20%', 'collection charges'],
  total: [
    'total',
    'total due',
    'amount to pay',
    'total to pay',
    'total payment',
    'total payment due',
    'total amount',
    'amount payable',
    'total payable',
  ],
  status: ['status', 'payment status', 'instalment status'],
};

const WORD_TO_FIELD = new Map<string, Field>();
for (const [field, words] of Object.entries(HEADER_WORDS) as [Field, readonly string[]][]) {
  for (const w of words) WORD_TO_FIELD.set(w, field);
}

function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(£\)|\(gbp\)|\bgbp\b|£/g, ' ')
    .replace(/[():.*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One text item of a cell, with its visible extent. */
export interface CellPart {
  readonly text: string;
  readonly left: number;
  readonly right: number;
}

/** A run of items on one line with no more than a word gap between them. */
export interface Cell {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  /**
   * The items it was built from, left to right, when there are two or more (a cell of one item is its own
   * part): where a tight layout runs two columns together (an amount touching its description, two
   * headings a word gap apart), the cell is split again at an item boundary.
   */
  readonly parts?: readonly CellPart[];
}

export interface Line {
  readonly page: number;
  /**
   * The line's number on its page, from 1: every line of text from the top of the page counts (headings,
   * addresses, footers, lines the table walk skips), as {@link pageLines} groups them. A row cites it.
   */
  readonly number: number;
  readonly y: number;
  readonly height: number;
  readonly cells: readonly Cell[];
  readonly text: string;
}

/** Items closer than this fraction of the font height are one cell. */
const CELL_GAP = 0.45;

export function toCells(line: readonly PdfTextItem[]): Cell[] {
  const cells: Cell[] = [];
  let cur: { parts: CellPart[]; left: number; right: number; h: number } | undefined;
  const flush = () => {
    if (!cur) return;
    // A cell of one item is its own part: no list kept (most cells are one item, and every line is kept).
    if (cur.parts.length === 1) cells.push({ text: cur.parts[0]!.text, left: cur.left, right: cur.right });
    else cells.push({ text: cur.parts.map((p) => p.text).join(' '), left: cur.left, right: cur.right, parts: cur.parts });
  };
  for (const it of line) {
    const text = it.str.trim();
    if (text === '') continue;
    // pdf.js counts leading spaces in the item's width; measure from the visible text.
    const padded = text.length !== it.str.length;
    const lead = padded ? it.str.length - it.str.trimStart().length : 0;
    const trail = padded ? it.str.length - it.str.trimEnd().length : 0;
    const perChar = it.str.length > 0 ? it.width / it.str.length : 0;
    const left = it.x + lead * perChar;
    const right = it.x + it.width - trail * perChar;
    const h = it.height || 8;
    if (cur && left - cur.right <= CELL_GAP * Math.max(h, cur.h)) {
      cur.parts.push({ text, left, right });
      cur.right = Math.max(cur.right, right);
    } else {
      flush();
      cur = { parts: [{ text, left, right }], left, right, h };
    }
  }
  flush();
  return cells;
}

/** The line's height: its tallest item's (8 points for an item without one). */
function tallest(items: readonly PdfTextItem[]): number {
  let h = Number.NEGATIVE_INFINITY;
  for (const it of items) h = Math.max(h, it.height || 8);
  return h;
}

/** A page's lines, top to bottom and numbered from 1, with cells. */
export function linesOf(p: PdfPageItems): Line[] {
  return groupLines(p.items).map((items, i) => ({
    page: p.page,
    number: i + 1,
    y: items[0]!.y,
    height: tallest(items),
    cells: toCells(items),
    text: lineText(items),
  }));
}

/** Every page's lines, top to bottom and numbered from 1, with cells. */
export function pageLines(pages: readonly PdfPageItems[]): Line[][] {
  return pages.map(linesOf);
}

export interface Column {
  readonly field: Field;
  readonly label: string;
  readonly left: number;
  readonly right: number;
}

/** The columns of a table, in x order, with the bands that decide which cell goes where. */
export interface Columns {
  readonly columns: readonly Column[];
  readonly fields: ReadonlySet<Field>;
  /**
   * Money columns as the rows print them: the right edge each column's amounts align on, found over many
   * rows (align.ts). An amount on one of these edges belongs to that column wherever its heading sits.
   */
  readonly aligned?: ReadonlyMap<Field, number>;
  /** The table's horizontal extent: a cell wholly outside it (a sidebar, an advert) is not part of a row. */
  readonly extent?: { readonly left: number; readonly right: number };
  /**
   * Two money columns whose headings do not say which is money out and which money in (e.g. "Amount" twice):
   * read left as out and right as in until the running balance decides.
   */
  readonly ambiguousInOut?: boolean;
}

/** The first word of every heading, to pass over lines with no heading in them quickly. */
const FIRST_WORDS = new Set([...WORD_TO_FIELD.keys()].map((w) => w.split(' ')[0]!));
const LETTERS = /^[A-Za-z]+$/;
/** Whether an item may open a heading: it starts with a letter (after "£" or "(") and its first word opens one. */
function mayStartHeading(text: string): boolean {
  const c = text.charCodeAt(0);
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!letter && c !== 0xa3 && c !== 40) return false;
  // The first word alone ("(GBP) Amount" has none of its own, so the whole is read).
  const space = text.indexOf(' ');
  const first = space < 0 ? text : text.slice(0, space);
  // A word of plain letters normalises to itself in lower case (but "gbp", which normalising removes).
  if (LETTERS.test(first)) {
    const lower = first.toLowerCase();
    if (lower !== 'gbp') return FIRST_WORDS.has(lower);
  }
  const word = normaliseHeader(first);
  return FIRST_WORDS.has(word === '' ? normaliseHeader(text).split(' ')[0]! : word);
}

/** Most items one heading may be drawn in (a heading of n words, one item a word). */
const MAX_HEADING_ITEMS = Math.max(...[...WORD_TO_FIELD.keys()].map((w) => w.split(' ').length));
/** Widest gap inside one heading, in font heights: a wide font's word space (Courier's is 0.6). */
const HEADING_GAP = 1;

/**
 * The headings on a line: its items split into the fewest groups, each a heading Reckoner knows or a single
 * item it does not, a group never spanning more than a word space. So headings set a word gap apart in a
 * tight layout ("Paid out Paid in") are two, and a heading whose words are a wide word space apart
 * ("Transaction date" in Courier) is one.
 */
function headings(line: Line): { columns: Column[]; unknown: Set<number> } | undefined {
  // Most lines are rows: pass over them before building anything.
  let starts = 0;
  for (const c of line.cells) {
    if (!c.parts) starts += mayStartHeading(c.text) ? 1 : 0;
    else for (const p of c.parts) if (mayStartHeading(p.text)) starts++;
    if (starts >= 2) break;
  }
  if (starts < 2) return undefined;
  const items: (CellPart & { cell: number })[] = [];
  line.cells.forEach((c, k) => {
    for (const p of c.parts ?? [c]) items.push({ ...p, cell: k });
  });
  // Each item normalised once: a group's words normalise to its items' normalised words, space-joined
  // (nothing normalising removes or replaces spans a space).
  const norms = items.map((p) => normaliseHeader(p.text));
  const maxGap = HEADING_GAP * line.height;
  type Best = { cost: number; columns: Column[]; unknown: number[] };
  const best: (Best | undefined)[] = [{ cost: 0, columns: [], unknown: [] }];
  for (let end = 1; end <= items.length; end++) {
    let key = '';
    for (let start = end - 1; start >= 0 && end - start <= MAX_HEADING_ITEMS; start--) {
      if (start < end - 1 && items[start + 1]!.left - items[start]!.right > maxGap) break;
      const n = norms[start]!;
      if (n !== '') key = key === '' ? n : `${n} ${key}`;
      const before = best[start];
      if (!before) continue;
      const field = WORD_TO_FIELD.get(key);
      let candidate: Best | undefined;
      if (field !== undefined) {
        const group = items.slice(start, end);
        const text = group.map((p) => p.text).join(' ');
        candidate = {
          cost: before.cost + 1,
          columns: [...before.columns, { field, label: text, left: group[0]!.left, right: group[group.length - 1]!.right }],
          unknown: before.unknown,
        };
      } else if (end - start === 1) {
        candidate = { cost: before.cost + 1, columns: before.columns, unknown: [...before.unknown, items[start]!.cell] };
      }
      if (candidate && (!best[end] || candidate.cost < best[end]!.cost)) best[end] = candidate;
    }
  }
  const found = best[items.length]!;
  return { columns: found.columns, unknown: new Set(found.unknown) };
}

/** A bank statement's header: a date, what the row is, and where its money is. */
function bankHeaderAccepts(fields: ReadonlySet<Field>, money: number): boolean {
  if (!fields.has('date')) return false;
  if (fields.has('description') && (money >= 2 || fields.has('amount') || fields.has('out') || fields.has('in'))) return true;
  return fields.has('ongoing') && money >= 2;
}

/**
 * Reads a line as a table header, or undefined if it is not one. Each cell must be a heading Reckoner knows
 * (header words above); at most one unknown cell may sit among them, and cells beyond them on either side
 * (a sidebar level with the header) are not part of it. The header is a bank statement's
 * ({@link bankHeaderAccepts}) or a CMS document's (cms-header.ts).
 */
export function headerColumns(line: Line): Columns | undefined {
  const found = headings(line);
  if (!found || found.columns.length < 2) return undefined;
  let columns = found.columns;
  const lo = Math.min(...columns.map((c) => c.left));
  const hi = Math.max(...columns.map((c) => c.right));
  const unknownInside = [...found.unknown].filter((k) => line.cells[k]!.right > lo && line.cells[k]!.left < hi);
  // "Payments" alone says money out only beside a money-in column ("Payments" / "Receipts"): on a CMS
  // document, or with no such column, it may be what was paid, so it is a heading not known, as before.
  const payments = columns.find((c) => c.field === 'out' && normaliseHeader(c.label) === 'payments');
  if (payments && !columns.some((c) => c.field === 'in')) {
    columns = columns.filter((c) => c !== payments);
    if (unknownInside.length > 0) return undefined;
  }
  if (unknownInside.length > 1) return undefined;
  let ambiguousInOut = false;
  const amounts = columns.filter((c) => c.field === 'amount');
  if (amounts.length === 2 && !columns.some((c) => c.field === 'out' || c.field === 'in')) {
    // "Amount | Amount": two money columns that do not say which way; left out, right in, until the balance decides.
    const [a, b] = amounts.sort((x, y) => x.left - y.left) as [Column, Column];
    columns = columns.map((c) => (c === a ? { ...c, field: 'out' } : c === b ? { ...c, field: 'in' } : c));
    ambiguousInOut = true;
  }
  // Two date columns ("Transaction date", "Posting date" on a card statement): the row's date is the first; the
  // second's band joins it, and the date printed there is not read as words of the description (classifyLine).
  const dates = columns.filter((c) => c.field === 'date').sort((a, b) => a.left - b.left);
  if (dates.length === 2) columns = columns.filter((c) => c !== dates[1]);
  const fields = new Set(columns.map((c) => c.field));
  if (fields.size !== columns.length) return undefined;
  const money = columns.filter((c) => isMoneyField(c.field)).length;
  if (!bankHeaderAccepts(fields, money) && !cmsHeaderAccepts(fields)) return undefined;
  columns.sort((a, b) => a.left - b.left);
  return { columns, fields, ...(ambiguousInOut ? { ambiguousInOut } : {}) };
}

/**
 * A header set over two lines in a narrow table ("Money" over "out (£)", "Paid" over "in"), as one line: the
 * cells of the two that overlap across, joined top first; cells on one line alone are kept. Undefined unless the
 * lines are set as close as lines of text, neither is a header alone, some heading is stacked and the two together
 * are one (a statement probe: "Paid in" and "Paid out" over two lines were no header, the table was found from its
 * rows, and with no balance to say otherwise every row was read the wrong way round, with no warning).
 */
export function stackedHeader(line: Line, next: Line | undefined): Columns | undefined {
  if (!next || next.y - line.y > 1.6 * Math.max(line.height, next.height) || next.y <= line.y) return undefined;
  type Group = { parts: Cell[]; left: number; right: number };
  const groups: Group[] = line.cells.map((c) => ({ parts: [c], left: c.left, right: c.right }));
  let stacked = false;
  for (const c of next.cells) {
    const over = groups.filter((g) => g.parts[0]!.right >= c.left - SLACK && g.parts[0]!.left <= c.right + SLACK);
    // Under one heading only: the rest of it; under none, a heading of the lower line alone; under two, no header.
    if (over.length > 1 || over.some((g) => g.parts.length > 1)) return undefined;
    if (over.length === 1) {
      const g = over[0]!;
      g.parts.push(c);
      g.left = Math.min(g.left, c.left);
      g.right = Math.max(g.right, c.right);
      stacked = true;
    } else {
      groups.push({ parts: [c], left: c.left, right: c.right });
    }
  }
  if (!stacked) return undefined;
  groups.sort((a, b) => a.left - b.left);
  const cells: Cell[] = groups.map((g) => ({ text: g.parts.map((p) => p.text).join(' '), left: g.left, right: g.right }));
  const joined: Line = { ...line, cells, text: cells.map((c) => c.text).join(' ') };
  return headerColumns(joined);
}

/**
 * Whether a line is two tables' headers side by side (a page printed in two columns: "Date Details Amount Balance"
 * twice across the page): its cells split in two, each half a header of the same columns. Such a page cannot be read
 * as one table: each row would take the row beside it into its description.
 */
export function sideBySideHeaders(line: Line): boolean {
  const cells = line.cells;
  if (cells.length < 4 || cells.filter((c) => mayStartHeading(c.text)).length < 4) return false;
  for (let k = 2; k <= cells.length - 2; k++) {
    const left = headerColumns({ ...line, cells: cells.slice(0, k) });
    if (!left) continue;
    const right = headerColumns({ ...line, cells: cells.slice(k) });
    if (right && right.columns.length === left.columns.length && right.columns.every((c, i) => c.field === left.columns[i]!.field))
      return true;
  }
  return false;
}

/** Tolerance (points) when deciding bands. */
const SLACK = 2;
/** How far an amount's right edge may sit from its column's alignment edge (points). */
export const ALIGN_SLACK = 3;

/** The column whose band [left of this header, left of the next header) holds x. */
function columnAt(cols: Columns, x: number): Column {
  const list = cols.columns;
  for (let i = list.length - 1; i >= 0; i--) {
    if (x >= list[i]!.left - SLACK) return list[i]!;
  }
  return list[0]!;
}

/** Each alignment map's entries as an array, made once: every amount cell of every row asks. */
const alignedLists = new WeakMap<ReadonlyMap<Field, number>, readonly (readonly [Field, number])[]>();
function alignedList(aligned: ReadonlyMap<Field, number>): readonly (readonly [Field, number])[] {
  let list = alignedLists.get(aligned);
  if (!list) alignedLists.set(aligned, (list = [...aligned]));
  return list;
}

/**
 * The money column for an amount cell: the column whose amounts align on its right edge (found over the
 * rows), else the band that holds its right edge, among money columns.
 */
function moneyColumnAt(cols: Columns, right: number): Column | undefined {
  if (cols.aligned) {
    for (const [field, edge] of alignedList(cols.aligned)) {
      if (Math.abs(edge - right) <= ALIGN_SLACK) return cols.columns.find((c) => c.field === field);
    }
  }
  const col = columnAt(cols, right);
  return isMoneyField(col.field) ? col : undefined;
}

/** A CR / DR / D / OD marker printed as an item of its own after a figure. */
const MARKER = /^(?:CR|DR|OD|D|C)\.?$/i;

/**
 * Where the figure of an amount cell ends when the cell ends with a marker drawn as an item of its own
 * ("433.64" then "D", set just right of the column): the figure's right edge, else undefined. Such a figure
 * is right-aligned with the unmarked amounts of its column, the marker standing outside it.
 */
export function figureRight(cell: Cell): number | undefined {
  const parts = cell.parts;
  if (!parts || parts.length < 2 || !MARKER.test(parts[parts.length - 1]!.text)) return undefined;
  const figure = parts[parts.length - 2]!;
  const token = parseAmountToken(figure.text);
  return token && token.suffix === undefined ? figure.right : undefined;
}

/** Whether x is on the edge some money column's amounts align on. */
function onAlignment(cols: Columns, x: number): boolean {
  if (!cols.aligned) return false;
  for (const [, edge] of alignedList(cols.aligned)) if (Math.abs(edge - x) <= ALIGN_SLACK) return true;
  return false;
}

/**
 * Where an amount cell is taken to end: its right edge, or, for a figure followed by a marker of its own
 * ("433.64 D"), the figure's when that is on a column's alignment and the marker's is not.
 */
function amountRight(cols: Columns, cell: Cell): number {
  if (!cols.aligned || onAlignment(cols, cell.right)) return cell.right;
  const figure = figureRight(cell);
  return figure !== undefined && onAlignment(cols, figure) ? figure : cell.right;
}

/** An amount printed across one or two items ("1,234.56", "1,234.56 DR", "£ 12.00"). */
function amountAt(parts: readonly CellPart[], end: number): { start: number; token: AmountToken } | undefined {
  if (end < 1) return undefined;
  const last = parts[end - 1]!.text;
  const one = parseAmountToken(last);
  if (one) return { start: end - 1, token: one };
  if (end < 2) return undefined;
  const two = parseAmountToken(`${parts[end - 2]!.text} ${last}`);
  return two ? { start: end - 2, token: two } : undefined;
}

const joinParts = (parts: readonly CellPart[]): Cell => ({
  text: parts.map((p) => p.text).join(' '),
  left: parts[0]!.left,
  right: parts[parts.length - 1]!.right,
  parts,
});

/**
 * The amount a cell opens with (one item, or two: "12.00 DR", "£ 12.00"), when a money column holds it and
 * the text after it is in another column: a money column set just left of the description, its figures run
 * into the words ("23.45" then "CARD PAYMENT TO TESCO"). Not when what follows is a figure or a marker.
 */
function leadingAmount(cols: Columns, parts: readonly CellPart[]): Cell | undefined {
  if (!/^[-–−+(£\d]/.test(parts[0]!.text)) return undefined;
  for (const n of [2, 1]) {
    if (parts.length <= n) continue;
    const amount = joinParts(parts.slice(0, n));
    if (!parseAmountToken(amount.text)) continue;
    const money = moneyColumnAt(cols, amountRight(cols, amount));
    const next = parts[n]!;
    if (!money || parseAmountToken(next.text) || MARKER.test(next.text) || columnAt(cols, next.left) === money) return undefined;
    return amount;
  }
  return undefined;
}

/**
 * A cell split where a tight layout ran two columns together: amounts at its end that belong to another
 * column than the text before them ("TESCO STORES 12.50", "12.50 1,234.56"), and an amount at its start
 * ({@link leadingAmount}), become cells of their own.
 */
function splitCell(cols: Columns, cell: Cell): Cell[] {
  const parts = cell.parts;
  if (!parts || parts.length < 2) return [cell];
  const lead = leadingAmount(cols, parts);
  const body = lead ? parts.slice(lead.parts!.length) : parts;
  const tail: Cell[] = [];
  let end = body.length;
  while (end > 1) {
    const found = amountAt(body, end);
    if (!found || found.start === 0) break;
    const amount = joinParts(body.slice(found.start, end));
    const money = moneyColumnAt(cols, amountRight(cols, amount));
    if (!money) break;
    const before = body.slice(0, found.start);
    const beforeIsAmount = parseAmountToken(before[before.length - 1]!.text) !== undefined;
    if (!beforeIsAmount && columnAt(cols, before[0]!.left) === money) break;
    tail.unshift(amount);
    end = found.start;
  }
  if (!lead && tail.length === 0) return [cell];
  return [...(lead ? [lead] : []), joinParts(body.slice(0, end)), ...tail];
}

/** Whether a cell lies wholly outside the table (left of its first column or right of its last). */
function outsideTable(cols: Columns, cell: Cell): boolean {
  const e = cols.extent;
  if (e === undefined) return false;
  // A sign drawn as a word of its own just after the last column's figure ("433.64" then "DR") is the figure's.
  if (cell.left > e.right) return !(MONEY_MARKER.test(cell.text) && cell.left <= e.right + MARKER_GAP);
  return cell.right < e.left;
}

/** How far past the table's right edge a sign drawn after the last figure may start (points): a space or two. */
const MARKER_GAP = 8;

/** One table line, split into fields. */
export interface TableLine {
  readonly line: Line;
  readonly date?: DateToken;
  /** Text by column, in x order (description and type). */
  readonly description: string;
  readonly type: string;
  /** Text in a reference column. */
  readonly reference: string;
  readonly money: Partial<Record<Field, AmountToken>>;
  /** Where each amount was printed (its right edge), by field. */
  readonly moneyRight?: Partial<Record<Field, number>>;
  /** Text that sat in the date column but was not a date. */
  readonly strayDateText?: string;
  /** Amount-like text in a money column that could not be read. */
  readonly unreadable: readonly string[];
  /** Whether anything on the line lies inside the table (a line wholly in a sidebar has nothing). */
  readonly inTable?: boolean;
}

/**
 * The line's cells with a date drawn a word apart in a wide font ("15", "Dec", "2023": three cells in
 * Courier, whose space is wider than a cell gap) joined into one. Only at the start of the line, where a
 * row's date is.
 */
export function joinDateCells(line: Line, cells: readonly Cell[] = line.cells): readonly Cell[] {
  const first = cells[0];
  if (!first || cells.length < 2 || parseDateToken(first.text) || !/^\d{1,2}(?:st|nd|rd|th)?$/.test(first.text)) return cells;
  for (const n of [3, 2]) {
    const group = cells.slice(0, n);
    if (group.length < n) continue;
    if (group.some((c, i) => i > 0 && c.left - group[i - 1]!.right > line.height)) continue;
    const text = group.map((c) => c.text).join(' ');
    if (!parseDateToken(text)) continue;
    const joined: Cell = { text, left: first.left, right: group[n - 1]!.right, parts: group.flatMap((c) => c.parts ?? [c]) };
    return [joined, ...cells.slice(n)];
  }
  return cells;
}

/**
 * The cells with a date drawn word by word joined where the date column starts: at the start of the line,
 * or after a description printed before the date.
 */
function joinDateCellsAt(cols: Columns, line: Line, cells: readonly Cell[]): readonly Cell[] {
  const first = cells[0];
  if (!first || columnAt(cols, first.left).field === 'date' || cols.columns[0]!.field === 'date') return joinDateCells(line, cells);
  const k = cells.findIndex((c) => columnAt(cols, c.left).field === 'date');
  return k <= 0 ? cells : [...cells.slice(0, k), ...joinDateCells(line, cells.slice(k))];
}

/**
 * A row whose date is printed over two lines ("11th" over "December" in a narrow column, or "1 Dec" over
 * "2026"): the row's line with the rest of its date joined on, or undefined. The line under it holds only
 * text in the date column, no further below than a line is set, and the two read as one date; a date that
 * reads already takes only a year of four digits (a "12" under "1 Dec" is no year).
 */
export function joinWrappedDate(cols: Columns, line: Line, next: Line | undefined): Line | undefined {
  if (!next || next.cells.length === 0 || next.y - line.y > 1.6 * Math.max(line.height, next.height)) return undefined;
  const inDate = (c: Cell) => !outsideTable(cols, c) && columnAt(cols, c.left).field === 'date';
  if (!next.cells.every((c) => inDate(c) && !parseAmountToken(c.text))) return undefined;
  const own = joinDateCells(line);
  const k = own.findIndex(inDate);
  if (k < 0 || !own.slice(0, k).every((c) => outsideTable(cols, c))) return undefined;
  const cell = own[k]!;
  const rest = next.cells.map((c) => c.text).join(' ');
  const before = parseDateToken(cell.text);
  if (before && (before.year !== undefined || !/^\d{4}$/.test(rest))) return undefined;
  const text = `${cell.text} ${rest}`;
  if (!parseDateToken(text)) return undefined;
  const joined: Cell = { text, left: cell.left, right: Math.max(cell.right, ...next.cells.map((c) => c.right)) };
  const cells = own.map((c, i) => (i === k ? joined : c));
  return { ...line, cells, text: `${line.text} ${rest}` };
}

/** A sign drawn after a figure as a word of its own. */
const MONEY_MARKER = /^(CR|DR|D|OD)$/i;

export function classifyLine(cols: Columns, line: Line): TableLine {
  let date: DateToken | undefined;
  const desc: string[] = [];
  const type: string[] = [];
  const reference: string[] = [];
  const money: Partial<Record<Field, AmountToken>> = {};
  const moneyRight: Partial<Record<Field, number>> = {};
  const unreadable: string[] = [];
  let stray: string | undefined;
  let inTable = false;
  // Cells beside the table first left out, so a date drawn word by word after a sidebar's text is still joined.
  const inside = cols.extent ? line.cells.filter((c) => !outsideTable(cols, c)) : line.cells;
  for (const whole of joinDateCellsAt(cols, line, inside)) {
    for (const cell of splitCell(cols, whole)) {
      if (outsideTable(cols, cell)) continue;
      inTable = true;
      const amount = parseAmountToken(cell.text);
      if (amount) {
        const right = amountRight(cols, cell);
        const col = moneyColumnAt(cols, right);
        if (col && money[col.field] === undefined) {
          money[col.field] = amount;
          moneyRight[col.field] = right;
          continue;
        }
      }
      const col = columnAt(cols, cell.left);
      if (col.field === 'date') {
        const d = parseDateToken(cell.text);
        // A second date on the line, in a date column of its own ("Transaction date", then "Posting date" on a card
        // statement), is the day it was posted, not words of the description: the row keeps the first.
        if (d) {
          date ??= d;
          continue;
        }
        // The time of day printed after the date as a word of its own ("18/11/2024" then "09:14"): no words of the row.
        if (date !== undefined && desc.length === 0 && isTimeOfDay(cell.text)) continue;
        const lead = splitLeadingDate(cell.text);
        if (lead && date === undefined) {
          date = lead.date;
          desc.push(lead.rest);
          continue;
        }
        if (desc.length === 0 && stray === undefined) stray = cell.text;
        desc.push(cell.text);
      } else if (col.field === 'type') {
        type.push(cell.text);
      } else if (col.field === 'reference') {
        reference.push(cell.text);
      } else if (
        isMoneyField(col.field) &&
        cell.left > (cols.aligned?.get(col.field) ?? col.right) + ALIGN_SLACK &&
        !MONEY_MARKER.test(cell.text)
      ) {
        // Wholly right of the column's figures, before the next column, and not a marker drawn after a figure: a
        // description printed after the money columns (a table with no header reads it from the rows), a number
        // that ends it ("2041") included.
        desc.push(cell.text);
      } else if (isMoneyField(col.field)) {
        // Text in a money column: a sign or marker that did not merge, or a description that runs long.
        if (MONEY_MARKER.test(cell.text)) {
          const f = (Object.keys(money) as Field[]).find((k) => columnAt(cols, cell.left).field === k);
          if (f && money[f] && money[f]!.suffix === undefined) {
            money[f] = { ...money[f]!, suffix: /^CR$/i.test(cell.text) ? 'cr' : 'dr' };
            continue;
          }
        }
        if (/\d/.test(cell.text) && /^[-+£(\d]/.test(cell.text)) unreadable.push(cell.text);
        else desc.push(cell.text);
      } else {
        desc.push(cell.text);
      }
    }
  }
  return {
    line,
    ...(date ? { date } : {}),
    description: desc.join(' ').replace(/\s+/g, ' ').trim(),
    type: type.join(' ').trim(),
    reference: reference.join(' ').trim(),
    money,
    moneyRight,
    ...(stray !== undefined ? { strayDateText: stray } : {}),
    unreadable,
    inTable,
  };
}

/** The figures in pounds and pence a line prints ("1,234.56", "-433.64"), joined: what a page's furniture keeps the same. */
function figuresOf(text: string): string {
  return (text.match(/\d[\d,]*\.\d\d\b/g) ?? []).join(' ');
}

/**
 * Lines repeated at the same height on several pages (page headers and footers), as keys. A line whose
 * figures in pounds and pence change from page to page is not furniture, though its words and the shape of
 * its figures repeat: it is a balance brought or carried forward at the top or foot of each page.
 */
export function repeatedFurniture(pages: readonly (readonly Line[])[], pageHeights: readonly number[]): Set<string> {
  const seen = new Map<string, { pages: Set<number>; figures: string; varies: boolean }>();
  pages.forEach((lines, p) => {
    const h = pageHeights[p] ?? 842;
    for (const l of lines) {
      if (l.y > h * 0.2 && l.y < h * 0.85) continue;
      const key = furnitureKey(l);
      const figures = figuresOf(l.text);
      let s = seen.get(key);
      if (!s) seen.set(key, (s = { pages: new Set(), figures, varies: false }));
      s.pages.add(p);
      if (figures !== s.figures) s.varies = true;
    }
  });
  const out = new Set<string>();
  if (pages.length < 2) return out;
  for (const [key, s] of seen) if (!s.varies && s.pages.size >= 2 && s.pages.size >= pages.length / 2) out.add(key);
  return out;
}

/** The height band a line is printed in, the first part of its {@link furnitureKey}. */
export const furnitureRow = (l: Line): number => Math.round(l.y / 3);

export function furnitureKey(l: Line): string {
  return `${furnitureRow(l)}|${l.text.replace(/\d/g, '#')}`;
}
