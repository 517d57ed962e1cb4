/**
 * The statement's particulars, read from the lines outside the table: account holder, masked account number
 * and sort code, the period, and the printed summary (opening and closing balances, totals in and out).
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { Dec } from '../../calc/money.ts';
import { AMOUNT_IN_TEXT, findPeriod, owedBalance, parseAmountToken, signedBalance } from './tokens.ts';

export interface Particulars {
  accountHolder?: string;
  accountNumberMasked?: string;
  sortCodeMasked?: string;
  caseReference?: string;
  periodStart?: CivilDate;
  periodEnd?: CivilDate;
}

export function readParticulars(lines: readonly string[], options: { caseReference: boolean }): Particulars {
  const out: Particulars = {};
  for (const text of lines) {
    if (out.accountHolder === undefined) {
      const m = /\baccount (?:name\(s\)|names?|holders?)\s*:?\s+(.+)$/i.exec(text);
      if (m) out.accountHolder = m[1]!.replace(/\s+(?:sort ?code|account (?:number|no)).*$/i, '').trim();
    }
    if (out.sortCodeMasked === undefined) {
      const m = /\bsort ?code\s*:?\s*(\d{2})[- ]?(\d{2})[- ]?(\d{2})\b/i.exec(text);
      if (m) out.sortCodeMasked = `**-**-${m[3]}`;
    }
    if (out.accountNumberMasked === undefined) {
      const m = /\baccount(?: number| no\.?)?\s*:?\s*(\d{8})\b/i.exec(text) ?? /\b(?:\d{2}-\d{2}-\d{2})\s+(\d{8})\b/.exec(text);
      if (m) out.accountNumberMasked = `****${m[1]!.slice(-4)}`;
    }
    if (options.caseReference && out.caseReference === undefined) {
      const m = /\b(?:case (?:reference|ref\.?|number)|our reference|scheme reference)\s*:?\s*((?:\d[ -]?){11}\d)\b/i.exec(text);
      if (m) out.caseReference = m[1]!.replace(/\D/g, '');
    }
    if (out.periodStart === undefined) {
      const p = findPeriod(text);
      if (p) {
        out.periodStart = p.start;
        out.periodEnd = p.end;
      }
    }
  }
  if (out.accountHolder === undefined) {
    const named = lines.find((l) => /^(?:mr|mrs|ms|miss|mx|dr|master)\.?\s+[A-Za-z]/i.test(l) && l.length <= 60);
    if (named) out.accountHolder = named.trim();
  }
  return out;
}

/** Labels of the printed summary, by figure. */
export type SummaryFigure = 'opening' | 'closing' | 'paidIn' | 'paidOut' | 'due' | 'received' | 'fees' | 'enforcement' | 'adjustments';

const BANK_LABELS: [SummaryFigure, RegExp][] = [
  [
    'opening',
    /\b(?:start(?:ing)? balance|opening balance|previous balance|balance brought forward|balance from (?:previous|last) statement)\b/i,
  ],
  ['closing', /\b(?:end(?:ing)? balance|closing balance|new balance|balance carried forward)\b/i],
  ['paidIn', /\b(?:total paid in|paid in|money in|payments in|total deposits|total credits|total money in|total receipts|total in)\b/i],
  [
    'paidOut',
    /\b(?:total paid out|paid out|money out|payments out|total outgoings|total debits|total money out|total payments out|total withdrawals|total out)\b/i,
  ],
];

const CMS_LABELS: [SummaryFigure, RegExp][] = [
  ['opening', /\bopening balance\b/i],
  ['closing', /\bclosing balance\b/i],
  ['due', /\b(?:payments|maintenance|amounts?) due (?:from you|to you|for the period)?(?: for the period)?\b/i],
  ['received', /\b(?:payments received(?: from you)?|payments made|payments passed on(?: to you)?|amount received)\b/i],
  ['fees', /\bcollection (?:fees|charges)\b/i],
  ['enforcement', /\benforcement (?:charges|fees)\b/i],
  ['adjustments', /\badjustments\b/i],
];

const FIGURE_AFTER = new RegExp(`^\\s*:?\\s*(${AMOUNT_IN_TEXT})`, 'i');

/** Figures printed after their labels in the summary lines (signed: "D", "DR", "-" are negative). */
export function readSummary(lines: readonly string[], kind: 'bank' | 'cms'): Partial<Record<SummaryFigure, Dec>> {
  const labels = kind === 'bank' ? BANK_LABELS : CMS_LABELS;
  const out: Partial<Record<SummaryFigure, Dec>> = {};
  for (const text of lines) {
    for (const [figure, re] of labels) {
      if (out[figure] !== undefined) continue;
      const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
      const global = new RegExp(re.source, flags);
      for (let m = global.exec(text); m; m = global.exec(text)) {
        const after = FIGURE_AFTER.exec(text.slice(m.index + m[0].length));
        if (!after) continue;
        const token = parseAmountToken(after[1]!.replace(/\s+(?=CR|DR|OD|D\b)/i, ' '));
        if (token) {
          out[figure] = kind === 'cms' ? owedBalance(token) : signedBalance(token);
          break;
        }
      }
    }
  }
  return out;
}
