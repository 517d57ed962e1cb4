/**
 * Rebuilding a statement's table from positioned text: lines by y, cells by x gaps, columns from the header
 * row's x ranges. An amount belongs to the column whose band holds its right edge (amounts are right-aligned),
 * text to the column whose band holds its left edge, so "paid out" and "paid in" are never confused.
 * @module
 */
import { groupLines, lineText, type PdfPageItems, type PdfTextItem } from './text.ts';
import { parseAmountToken, parseDateToken, splitLeadingDate, type AmountToken, type DateToken } from './tokens.ts';

/** What a column holds. */
export type Field =
  'date' | 'description' | 'type' | 'out' | 'in' | 'amount' | 'balance' | 'due' | 'paid' | 'ongoing' | 'arrears' | 'fee' | 'total';

const MONEY_FIELDS: ReadonlySet<Field> = new Set(['out', 'in', 'amount', 'balance', 'due', 'paid', 'ongoing', 'arrears', 'fee', 'total']);
export const isMoneyField = (f: Field) => MONEY_FIELDS.has(f);

/** Header words (lower case, without "£", "(£)", "(GBP)" and punctuation) for each field. */
const HEADER_WORDS: Record<Field, readonly string[]> = {
  date: ['date', 'transaction date', 'posting date', 'date of transaction', 'due date', 'payment date', 'value date'],
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
  ],
  type: ['type', 'transaction type', 'payment type'],
  out: [
    'paid out',
    'money out',
    'debit',
    'debits',
    'withdrawn',
    'withdrawals',
    'out',
    'payments out',
    'debit amount',
    'outgoings',
    'spent',
  ],
  in: ['paid in', 'money in', 'credit', 'credits', 'deposits', 'in', 'receipts', 'payments in', 'credit amount', 'received'],
  amount: ['amount', 'value', 'transaction amount'],
  balance: ['balance', 'running balance', 'balance owed', 'arrears balance'],
  due: ['due', 'amount due', 'payment due', 'charged', 'due from you', 'due to you'],
  paid: ['paid', 'amount paid', 'paid or received', 'paid/received', 'payments received'],
  ongoing: ['ongoing maintenance', 'ongoing', 'maintenance', 'ongoing amount'],
  arrears: ['arrears', 'arrears amount', 'arrears instalment', 'towards arrears'],
  fee: ['collection fee', 'collection fees', 'fee', 'fees', 'collection charge'],
  total: ['total', 'total due', 'amount to pay', 'total to pay', 'total payment'],
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

/** A run of items on one line with no more than a word gap between them. */
export interface Cell {
  readonly text: string;
  readonly left: number;
  readonly right: number;
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
  let cur: { parts: string[]; left: number; right: number; h: number } | undefined;
  for (const it of line) {
    const text = it.str.trim();
    if (text === '') continue;
    // pdf.js counts leading spaces in the item's width; measure from the visible text.
    const lead = it.str.length - it.str.trimStart().length;
    const perChar = it.str.length > 0 ? it.width / it.str.length : 0;
    const left = it.x + lead * perChar;
    const right = it.x + it.width - (it.str.length - it.str.trimEnd().length) * perChar;
    const h = it.height || 8;
    if (cur && left - cur.right <= CELL_GAP * Math.max(h, cur.h)) {
      cur.parts.push(text);
      cur.right = Math.max(cur.right, right);
    } else {
      if (cur) cells.push({ text: cur.parts.join(' '), left: cur.left, right: cur.right });
      cur = { parts: [text], left, right, h };
    }
  }
  if (cur) cells.push({ text: cur.parts.join(' '), left: cur.left, right: cur.right });
  return cells;
}

/** Every page's lines, top to bottom and numbered from 1, with cells. */
export function pageLines(pages: readonly PdfPageItems[]): Line[][] {
  return pages.map((p) =>
    groupLines(p.items).map((items, i) => ({
      page: p.page,
      number: i + 1,
      y: items[0]!.y,
      height: Math.max(...items.map((i) => i.height || 8)),
      cells: toCells(items),
      text: lineText(items),
    })),
  );
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
}

/** Reads a line as a table header, or undefined if it is not one. */
export function headerColumns(line: Line): Columns | undefined {
  if (line.cells.length < 3) return undefined;
  const columns: Column[] = [];
  let unknown = 0;
  for (const c of line.cells) {
    const field = WORD_TO_FIELD.get(normaliseHeader(c.text));
    if (field === undefined) {
      unknown++;
      continue;
    }
    if (columns.some((k) => k.field === field)) return undefined;
    columns.push({ field, label: c.text, left: c.left, right: c.right });
  }
  const fields = new Set(columns.map((c) => c.field));
  const money = columns.filter((c) => isMoneyField(c.field)).length;
  if (!fields.has('date') || money < 2 || columns.length < 3 || unknown > 1) return undefined;
  if (!fields.has('description') && !fields.has('ongoing')) return undefined;
  columns.sort((a, b) => a.left - b.left);
  return { columns, fields };
}

/** Tolerance (points) when deciding bands. */
const SLACK = 2;

/** The column whose band [left of this header, left of the next header) holds x. */
function columnAt(cols: Columns, x: number): Column {
  const list = cols.columns;
  for (let i = list.length - 1; i >= 0; i--) {
    if (x >= list[i]!.left - SLACK) return list[i]!;
  }
  return list[0]!;
}

/** The money column for an amount cell: the band that holds its right edge, among money columns. */
function moneyColumnAt(cols: Columns, right: number): Column | undefined {
  const col = columnAt(cols, right);
  return isMoneyField(col.field) ? col : undefined;
}

/** One table line, split into fields. */
export interface TableLine {
  readonly line: Line;
  readonly date?: DateToken;
  /** Text by column, in x order (description and type). */
  readonly description: string;
  readonly type: string;
  readonly money: Partial<Record<Field, AmountToken>>;
  /** Text that sat in the date column but was not a date. */
  readonly strayDateText?: string;
  /** Amount-like text in a money column that could not be read. */
  readonly unreadable: readonly string[];
}

export function classifyLine(cols: Columns, line: Line): TableLine {
  let date: DateToken | undefined;
  const desc: string[] = [];
  const type: string[] = [];
  const money: Partial<Record<Field, AmountToken>> = {};
  const unreadable: string[] = [];
  let stray: string | undefined;
  for (const cell of line.cells) {
    const amount = parseAmountToken(cell.text);
    if (amount) {
      const col = moneyColumnAt(cols, cell.right);
      if (col && money[col.field] === undefined) {
        money[col.field] = amount;
        continue;
      }
    }
    const col = columnAt(cols, cell.left);
    if (col.field === 'date') {
      const d = parseDateToken(cell.text);
      if (d && date === undefined) {
        date = d;
        continue;
      }
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
    } else if (isMoneyField(col.field)) {
      // Text in a money column: a sign or marker that did not merge, or a description that runs long.
      if (/^(CR|DR|D|OD)$/i.test(cell.text)) {
        const f = (Object.keys(money) as Field[]).find((k) => columnAt(cols, cell.left).field === k);
        if (f && money[f] && money[f]!.suffix === undefined) {
          money[f] = { ...money[f]!, suffix: /^CR$/i.test(cell.text) ? 'cr' : 'dr' };
          continue;
        }
      }
      if (/\d/.test(cell.text) && /^[-£(\d]/.test(cell.text)) unreadable.push(cell.text);
      else desc.push(cell.text);
    } else {
      desc.push(cell.text);
    }
  }
  return {
    line,
    ...(date ? { date } : {}),
    description: desc.join(' ').replace(/\s+/g, ' ').trim(),
    type: type.join(' ').trim(),
    money,
    ...(stray !== undefined ? { strayDateText: stray } : {}),
    unreadable,
  };
}

/** Lines repeated at the same height on several pages (page headers and footers), as keys. */
export function repeatedFurniture(pages: readonly (readonly Line[])[], pageHeights: readonly number[]): Set<string> {
  const seen = new Map<string, Set<number>>();
  pages.forEach((lines, p) => {
    const h = pageHeights[p] ?? 842;
    for (const l of lines) {
      if (l.y > h * 0.2 && l.y < h * 0.85) continue;
      const key = furnitureKey(l);
      let s = seen.get(key);
      if (!s) seen.set(key, (s = new Set()));
      s.add(p);
    }
  });
  const out = new Set<string>();
  if (pages.length < 2) return out;
  for (const [key, s] of seen) if (s.size >= 2 && s.size >= pages.length / 2) out.add(key);
  return out;
}

export function furnitureKey(l: Line): string {
  return `${Math.round(l.y / 3)}|${l.text.replace(/\d/g, '#')}`;
}
