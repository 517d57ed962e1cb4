/**
 * Bank statements in layouts unlike the any-layout fixtures, drawn from ground truth (./truth.ts): the page furniture
 * real UK statements print round the table. A page header and footer on every page ("Page 2 of 3", "continued"), the
 * customer's address and a second column of text beside it, a summary box above the table, landscape pages, dates
 * without a year under a period that crosses a year end, descriptions over two or three lines, amounts with "£" or
 * "CR"/"DR", balances marked "OD", and a second account's table on a page of its own. Content flows down the page and
 * on to the next, so a day or a row may break across pages. Every name, sort code and account number is invented.
 *
 * The drawing records each row's place (page, and its first line's rank among the heights drawn on the page), so the
 * expected rows carry the source the reader must give them.
 * @module
 */
import PDFDocument from 'pdfkit';
import { Dec, formatMoney } from '../../../calc/money.ts';
import { runningBalances, totals, type Account, type TruthRow } from './truth.ts';

export type Align = 'left' | 'right' | 'center';
/** `ref`: a reference column; `posted`: a second date column (the day a card transaction was posted). */
export type ColKey = 'date' | 'desc' | 'out' | 'in' | 'amount' | 'balance' | 'type' | 'ref' | 'posted';
export interface Col {
  readonly key: ColKey;
  readonly label: string;
  /** A heading over two lines: this is printed under `label` ("Money" over "out (£)"). */
  readonly label2?: string;
  readonly x: number;
  readonly w: number;
  readonly align: Align;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ymd = (d: string) => d.split('-').map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, '0');

/** Date forms. */
export const DATES = {
  /** "06 Apr": the year only in the header. */
  ddMon: (d: string) => `${pad(ymd(d)[2])} ${MONTHS[ymd(d)[1] - 1]}`,
  /** "6 April": the year only in the header. */
  dMonth: (d: string) => `${ymd(d)[2]} ${MONTHS_LONG[ymd(d)[1] - 1]}`,
  /** "06/04/2025" */
  slash: (d: string) => `${pad(ymd(d)[2])}/${pad(ymd(d)[1])}/${ymd(d)[0]}`,
  /** "06-Apr-25" */
  dashed: (d: string) => `${pad(ymd(d)[2])}-${MONTHS[ymd(d)[1] - 1]}-${String(ymd(d)[0]).slice(2)}`,
  /** "06.04.25" */
  dotted: (d: string) => `${pad(ymd(d)[2])}.${pad(ymd(d)[1])}.${String(ymd(d)[0]).slice(2)}`,
  /** "6 Apr 2025" */
  dMonYYYY: (d: string) => `${ymd(d)[2]} ${MONTHS[ymd(d)[1] - 1]} ${ymd(d)[0]}`,
  /** "1 March 2025" */
  long: (d: string) => `${ymd(d)[2]} ${MONTHS_LONG[ymd(d)[1] - 1]} ${ymd(d)[0]}`,
  /** "02Dec2024": day, month and year run together. */
  compact: (d: string) => `${pad(ymd(d)[2])}${MONTHS[ymd(d)[1] - 1]}${ymd(d)[0]}`,
  /** "2 Dec 24" */
  dMonYY: (d: string) => `${ymd(d)[2]} ${MONTHS[ymd(d)[1] - 1]} ${String(ymd(d)[0]).slice(2)}`,
  /** "02/12/24" */
  slashYY: (d: string) => `${pad(ymd(d)[2])}/${pad(ymd(d)[1])}/${String(ymd(d)[0]).slice(2)}`,
  /** "Mon 2 Dec": the weekday first, the year only in the header. */
  weekday: (d: string) => `${WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]} ${ymd(d)[2]} ${MONTHS[ymd(d)[1] - 1]}`,
  /** "02/12": day and month in figures, the year only in the header. */
  dayMonth: (d: string) => `${pad(ymd(d)[2])}/${pad(ymd(d)[1])}`,
  /** "2nd Dec": an ordinal day, the year only in the header. */
  ordinal: (d: string) => {
    const n = ymd(d)[2];
    const th = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
    return `${n}${th} ${MONTHS[ymd(d)[1] - 1]}`;
  },
} as const;

/** "1,234.56", no sign. */
export function grouped(amount: string): string {
  const [whole, pence] = formatMoney(new Dec(amount).abs()).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence}`;
}
const neg = (a: string) => new Dec(a).isNegative();

/**
 * `parens`: one signed column, money out in brackets ("(42.18)"); `trailing-minus`: money out with a minus after it
 * ("42.18-"); `card`: a card's charges unsigned and its credits marked "CR".
 */
export type AmountStyle =
  'split' | 'split-pounds' | 'signed' | 'signed-pounds' | 'crdr' | 'pounds-crdr' | 'in-out-type' | 'parens' | 'trailing-minus' | 'card';
/**
 * `owed`: what is owed as a positive figure, a credit marked "CR" (a CMS statement's balance); `parens`: overdrawn in
 * brackets; `trailing-minus`: overdrawn with a minus after the figure.
 */
export type BalanceStyle =
  'plain' | 'signed' | 'pounds' | 'crdr' | 'pounds-crdr' | 'od' | 'minus-pounds' | 'owed' | 'parens' | 'trailing-minus';

function amountCells(style: AmountStyle, r: TruthRow): Partial<Record<ColKey, string>> {
  const g = grouped(r.amount);
  switch (style) {
    case 'split':
      return r.direction === 'out' ? { out: g } : { in: g };
    case 'split-pounds':
      return r.direction === 'out' ? { out: `£${g}` } : { in: `£${g}` };
    case 'signed':
      return { amount: r.direction === 'out' ? `-${g}` : g };
    case 'signed-pounds':
      return { amount: r.direction === 'out' ? `-£${g}` : `£${g}` };
    case 'crdr':
      return { amount: `${g} ${r.direction === 'out' ? 'DR' : 'CR'}` };
    case 'pounds-crdr':
      return { amount: `£${g} ${r.direction === 'out' ? 'DR' : 'CR'}` };
    case 'in-out-type':
      return { amount: g, type: r.direction === 'out' ? 'Debit' : 'Credit' };
    case 'parens':
      return { amount: r.direction === 'out' ? `(${g})` : g };
    case 'trailing-minus':
      return { amount: r.direction === 'out' ? `${g}-` : g };
    case 'card':
      return { amount: r.direction === 'out' ? g : `${g} CR` };
  }
}

export function balanceText(style: BalanceStyle, b: string): string {
  const g = grouped(b);
  switch (style) {
    case 'plain':
      return g;
    case 'signed':
      return `${neg(b) ? '-' : ''}${g}`;
    case 'pounds':
      return `£${g}${neg(b) ? ' DR' : ''}`;
    case 'crdr':
      return `${g} ${neg(b) ? 'DR' : 'CR'}`;
    case 'pounds-crdr':
      return `£${g} ${neg(b) ? 'DR' : 'CR'}`;
    case 'od':
      return neg(b) ? `${g} OD` : g;
    case 'minus-pounds':
      return `${neg(b) ? '-' : ''}£${g}`;
    case 'owed':
      return neg(b) ? `£${g} CR` : `£${g}`;
    case 'parens':
      return neg(b) ? `(${g})` : g;
    case 'trailing-minus':
      return neg(b) ? `${g}-` : g;
  }
}

/** Text on the page that is not the table. */
export interface Furniture {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly align?: Align;
  readonly bold?: boolean;
  readonly size?: number;
}

export interface Layout {
  readonly name: string;
  readonly about: string;
  readonly landscape?: boolean;
  readonly font?: 'Helvetica' | 'Times-Roman' | 'Courier';
  readonly size: number;
  readonly lineHeight: number;
  readonly cols: readonly Col[];
  readonly date: keyof typeof DATES;
  readonly dateOncePerDay?: boolean;
  readonly amounts: AmountStyle;
  readonly balances: BalanceStyle;
  /** Print the balance only on the last row of each day. */
  readonly balanceEndOfDay?: boolean;
  /** The line of a wrapped row that carries its amounts. */
  readonly amountLine?: 'first' | 'last';
  /** Lines printed in the table before the first row and after the last (with the balance). */
  readonly openLine?: string;
  readonly closeLine?: string;
  /** Carried forward / brought forward lines at a page break. */
  readonly carry?: { readonly cf: string; readonly bf: string };
  /** Drawn on every page: a function of the page and the page count; these lines are not rows. */
  readonly everyPage: (page: number, pages: number, account: Account) => readonly Furniture[];
  /** Drawn on the first page of each account only, above the table; returns where the table starts. */
  readonly firstPage: (account: Account) => { readonly items: readonly Furniture[]; readonly top: number };
  /** Where the table starts on later pages, and where it must end on every page. */
  readonly nextTop: number;
  readonly bottom: number;
  /** Drawn under the last row of an account's table (a notice, an interest box), in the space left. */
  readonly after?: (account: Account) => readonly Furniture[];
  /** A column of text beside the table on the first page, from this x, one item a table line. */
  readonly beside?: { readonly x: number; readonly w: number; readonly lines: readonly string[] };
  /** Reprint the header row at the top of every page (default true). */
  readonly headerEveryPage?: boolean;
  /** A totals line under the last row (after the closing line): its words, and the sums of money out and in. */
  readonly totalsLine?: string;
  /** What the `ref` column prints for a row (on its first line). */
  readonly refOf?: (r: TruthRow, i: number) => string | undefined;
  /** What the `posted` column prints for a row (on its first line): the day it was posted. */
  readonly postedOf?: (r: TruthRow) => string;
  /**
   * A payment-type code printed at the left of the description column on a row's first line, the details indented
   * `codeIndent` points after it (HSBC's "VIS", "DD", ")))"): the description is the code and the details.
   */
  readonly codeOf?: (r: TruthRow) => string | undefined;
  readonly codeIndent?: number;
  /** What the `type` column prints on a row's first line (a code such as "DD"): the description starts with it. */
  readonly typeOf?: (r: TruthRow) => string;
  /** List the rows newest first (each row's own lines still top to bottom). */
  readonly newestFirst?: boolean;
  /** Printed after the date on a row's first line, in the date column (the time of day: "14:32"). */
  readonly dateSuffix?: (r: TruthRow, i: number) => string;
}

export interface ExpectedRow {
  readonly date: string;
  readonly description: string;
  readonly amount: string;
  readonly direction: 'in' | 'out';
  readonly balance?: string;
  readonly source: { readonly page: number; readonly line: number };
}

interface Line {
  /** `code`: a payment-type code at the left of the description column ({@link Layout.codeOf}). */
  readonly cells: Partial<Record<ColKey | 'code', string>>;
  readonly opens?: { readonly account: number; readonly row: number };
  /** The balance after the line (for carry lines). */
  readonly after: string;
  /** Keep on one page with the lines that follow it (a row's wrapped lines). */
  readonly keepWithNext?: boolean;
}

function accountLines(l: Layout, a: Account, accountIndex: number): Line[] {
  const after = runningBalances(a);
  const fmt = DATES[l.date];
  const out: Line[] = [];
  if (l.openLine)
    out.push({
      cells: { date: fmt(a.periodStart), desc: l.openLine, balance: balanceText(l.balances, a.openingBalance) },
      after: a.openingBalance,
    });
  let lastDate = '';
  const order = a.rows.map((r, i) => [r, i] as const);
  if (l.newestFirst) order.reverse();
  order.forEach(([r, i]) => {
    const at = l.amountLine === 'last' ? r.lines.length - 1 : 0;
    const showBalance = !l.balanceEndOfDay || a.rows[i + 1]?.date !== r.date;
    const before = i === 0 ? a.openingBalance : after[i - 1]!;
    r.lines.forEach((text, k) => {
      const cells: Partial<Record<ColKey | 'code', string>> = { desc: text };
      if (k === 0 && (!l.dateOncePerDay || r.date !== lastDate)) cells.date = fmt(r.date);
      if (cells.date && l.dateSuffix) cells.date = `${cells.date} ${l.dateSuffix(r, i)}`;
      if (k === 0 && l.refOf) {
        const ref = l.refOf(r, i);
        if (ref) cells.ref = ref;
      }
      if (k === 0 && l.postedOf) cells.posted = l.postedOf(r);
      if (k === 0 && l.typeOf) cells.type = l.typeOf(r);
      const code = k === 0 ? l.codeOf?.(r) : undefined;
      if (code) cells.code = code;
      if (k === at) {
        Object.assign(cells, amountCells(l.amounts, r));
        if (showBalance && l.cols.some((c) => c.key === 'balance')) cells.balance = balanceText(l.balances, after[i]!);
      }
      out.push({
        cells,
        ...(k === 0 ? { opens: { account: accountIndex, row: i } } : {}),
        after: k >= at ? after[i]! : before,
        keepWithNext: k < r.lines.length - 1,
      });
    });
    lastDate = r.date;
  });
  const closing = totals(a).closing;
  if (l.closeLine)
    out.push({ cells: { date: fmt(a.periodEnd), desc: l.closeLine, balance: balanceText(l.balances, closing) }, after: closing });
  if (l.totalsLine) {
    const t = totals(a);
    out.push({ cells: { desc: l.totalsLine, out: grouped(t.paidOut), in: grouped(t.paidIn) }, after: closing });
  }
  return out;
}

/** A CMS line as the reader must give it (an adjustment that lowers the balance is negative). */
export interface ExpectedEntry {
  readonly date: string;
  readonly type: string;
  readonly amount: string;
  readonly description: string;
  readonly chargeType?: string;
  readonly source: { readonly page: number; readonly line: number };
}

export function cmsEntriesOf(expected: readonly ExpectedRow[], a: Account): ExpectedEntry[] {
  return expected.map((e, i) => {
    const cms = a.rows[i]!.cms!;
    const lowers = cms.type === 'adjustment' && e.direction === 'out';
    return {
      date: e.date,
      type: cms.type,
      amount: lowers ? `-${e.amount}` : e.amount,
      description: e.description,
      ...(cms.chargeType ? { chargeType: cms.chargeType } : {}),
      source: e.source,
    };
  });
}

export interface Rendered {
  readonly bytes: Uint8Array;
  /** The rows of each account, oldest first, each with its place. */
  readonly expected: ExpectedRow[][];
  readonly pages: number;
}

const BOLD = { Helvetica: 'Helvetica-Bold', 'Times-Roman': 'Times-Bold', Courier: 'Courier-Bold' } as const;

/** Draws the accounts one after another, each starting on a new page. */
export async function renderUnseen(l: Layout, accounts: readonly Account[]): Promise<Rendered> {
  const font = l.font ?? 'Helvetica';
  // First pass: where the page breaks fall (no drawing), to know the page count; second pass: draw.
  type Placed = { page: number; y: number; line: Line | 'header' | { carry: string; balance: string } };
  const plan: Placed[] = [];
  const accountFirstPage: number[] = [];
  let page = 0;
  const lh = l.lineHeight;
  // A heading over two lines takes a line more.
  const headerHeight = (l.cols.some((c) => c.label2) ? 2 * lh : lh) + 4;
  for (const [ai, a] of accounts.entries()) {
    page++;
    accountFirstPage.push(page);
    let y = l.firstPage(a).top;
    plan.push({ page, y, line: 'header' });
    y += headerHeight;
    const lines = accountLines(l, a, ai);
    for (let i = 0; i < lines.length; i++) {
      // A row's lines stay together: break before a row that would not fit whole.
      let n = 1;
      while (lines[i + n - 1]!.keepWithNext) n++;
      const need = (n + (l.carry ? 1 : 0)) * lh;
      if (y + need > l.bottom) {
        const prev = lines[i - 1]!;
        if (l.carry) plan.push({ page, y, line: { carry: l.carry.cf, balance: prev.after } });
        page++;
        y = l.nextTop;
        if (l.headerEveryPage ?? true) {
          plan.push({ page, y, line: 'header' });
          y += headerHeight;
        }
        if (l.carry) {
          plan.push({ page, y, line: { carry: l.carry.bf, balance: prev.after } });
          y += lh;
        }
      }
      plan.push({ page, y, line: lines[i]! });
      y += lh;
    }
  }
  const pages = page;

  const doc = new PDFDocument({
    size: 'A4',
    layout: l.landscape ? 'landscape' : 'portrait',
    margin: 0,
    autoFirstPage: false,
    info: { CreationDate: new Date(Date.UTC(2025, 1, 1, 12, 0, 0)), Producer: 'Reckoner tests', Creator: 'Reckoner tests' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const heights: Set<number>[] = [];
  const put = (f: Furniture) => {
    heights[heights.length - 1]!.add(f.y);
    doc.font(f.bold ? BOLD[font] : font).fontSize(f.size ?? l.size);
    doc.text(f.text, f.x, f.y, { width: f.w, align: f.align ?? 'left', lineBreak: false });
  };
  const opened = new Map<string, { page: number; y: number }>();
  let drawnPage = 0;
  let account = -1;
  for (const p of plan) {
    if (p.page !== drawnPage) {
      // The last rows' page is done: what goes under the table, then the new page.
      drawnPage = p.page;
      const ai = accountFirstPage.lastIndexOf(Math.max(...accountFirstPage.filter((f) => f <= p.page)));
      doc.addPage();
      heights.push(new Set());
      const a = accounts[ai]!;
      if (ai !== account) {
        account = ai;
        for (const f of l.firstPage(a).items) put(f);
        if (l.beside) {
          l.beside.lines.forEach((text, k) => {
            if (text) put({ text, x: l.beside!.x, y: l.firstPage(a).top + lh + 4 + k * lh, w: l.beside!.w, size: l.size });
          });
        }
      }
      for (const f of l.everyPage(p.page, pages, a)) put(f);
    }
    if (p.line === 'header') {
      for (const c of l.cols) {
        const align = c.key === 'desc' || c.key === 'date' || c.key === 'type' || c.key === 'ref' || c.key === 'posted' ? 'left' : c.align;
        if (c.label) put({ text: c.label, x: c.x, y: p.y, w: c.w, align, bold: true });
        if (c.label2) put({ text: c.label2, x: c.x, y: p.y + lh, w: c.w, align, bold: true });
      }
      continue;
    }
    if ('carry' in p.line) {
      put({ text: p.line.carry, x: l.cols.find((c) => c.key === 'desc')!.x, y: p.y, w: 200 });
      const bc = l.cols.find((c) => c.key === 'balance');
      if (bc) put({ text: balanceText(l.balances, p.line.balance), x: bc.x, y: p.y, w: bc.w, align: bc.align });
      continue;
    }
    const line = p.line;
    for (const c of l.cols) {
      const text = line.cells[c.key];
      if (!text) continue;
      // A code at the left of the description column, the details indented after it; lines under it indented alike.
      const indent = c.key === 'desc' && l.codeOf ? (l.codeIndent ?? 22) : 0;
      if (indent && line.cells.code) put({ text: line.cells.code, x: c.x, y: p.y, w: indent, align: 'left' });
      put({ text, x: c.x + indent, y: p.y, w: c.w - indent, align: c.align });
    }
    if (line.opens) opened.set(`${line.opens.account}:${line.opens.row}`, { page: p.page, y: p.y });
    // After an account's last line: what the layout prints under the table.
    const next = plan[plan.indexOf(p) + 1];
    const lastOfAccount = !next || (next.page !== p.page && accountFirstPage.includes(next.page) && next.line === 'header');
    if (lastOfAccount && l.after) for (const f of l.after(accounts[account]!)) put({ ...f, y: p.y + f.y });
  }
  doc.end();
  const bytes = await done;
  const lineOf = (pg: number, y: number) => [...heights[pg - 1]!].sort((a, b) => a - b).indexOf(y) + 1;
  const expected = accounts.map((a, ai) => {
    const after = runningBalances(a);
    return a.rows.map((r, i): ExpectedRow => {
      const at = opened.get(`${ai}:${i}`)!;
      const shown = l.cols.some((c) => c.key === 'balance') && (!l.balanceEndOfDay || a.rows[i + 1]?.date !== r.date);
      const code = l.codeOf?.(r) ?? l.typeOf?.(r);
      return {
        date: r.date,
        description: [...(code ? [code] : []), ...r.lines].join(' '),
        amount: formatMoney(new Dec(r.amount)),
        direction: r.direction,
        ...(shown ? { balance: after[i]! } : {}),
        source: { page: at.page, line: lineOf(at.page, at.y) },
      };
    });
  });
  return { bytes, expected, pages };
}
