/**
 * The statement's particulars, read from the lines outside the table: account holder, masked account number
 * and sort code, the period, the printed summary (opening and closing balances, totals in and out) and, on a
 * CMS statement, the balances by component (maintenance arrears, collection fees, enforcement charges) with
 * who each is owed to where it says.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { Creditor } from '../../calc/ledger/entries.ts';
import { Dec, formatMoney, pounds } from '../../calc/money.ts';
import type { BalanceComponent, CmsBalances } from '../types.ts';
import { AMOUNT_IN_TEXT, findMonthPeriod, findPeriod, findStatementDate, owedBalance, parseAmountToken, signedBalance } from './tokens.ts';

export interface Particulars {
  accountHolder?: string;
  accountNumberMasked?: string;
  sortCodeMasked?: string;
  caseReference?: string;
  periodStart?: CivilDate;
  periodEnd?: CivilDate;
  /** The date the statement was made, where it prints one (read for the year of dates printed without it). */
  statementDate?: CivilDate;
}

/**
 * The label of a CMS case reference, in the words documents use: "Case reference", "Case ref:", "Case number",
 * "Case no.", "CMS reference", "CMS case number", "Scheme reference", "Our reference", "Our ref".
 */
const REFERENCE_LABEL = String.raw`(?:(?:case|cms|scheme)\s+(?:case\s+)?(?:reference|ref\.?|number|no\.?)(?:\s+(?:number|no\.?))?|our\s+ref(?:erence|\.)?)`;
/** Twelve digits, perhaps printed in groups ("1212 3456 7890", "121 234 567 890", "1212-3456-7890"). */
const TWELVE_DIGITS = String.raw`((?:\d[ -]?){11}\d)(?!\d)`;
const CASE_REFERENCE = new RegExp(String.raw`\b${REFERENCE_LABEL}\s*[:#]?\s*${TWELVE_DIGITS}`, 'i');
const LABEL_ALONE = new RegExp(String.raw`\b${REFERENCE_LABEL}\s*:?\s*$`, 'i');
const DIGITS_FIRST = new RegExp(String.raw`^\s*${TWELVE_DIGITS}`);

/** A reference printed under its label (a box: "Case number" on one line, "1212 3456 7890" on the next). */
function referenceBelowLabel(lines: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!LABEL_ALONE.test(lines[i]!)) continue;
    const m = DIGITS_FIRST.exec(lines[i + 1]!);
    if (m) return m[1]!.replace(/\D/g, '');
  }
  return undefined;
}

export function readParticulars(
  lines: readonly string[],
  options: { caseReference: boolean; cells?: readonly (readonly string[])[] },
): Particulars {
  const out: Particulars = {};
  for (const text of lines) {
    if (out.accountHolder === undefined) {
      const m = /\baccount (?:name\(s\)|names?|holders?)\s*:?\s+(.+)$/i.exec(text);
      if (m) out.accountHolder = m[1]!.replace(/\s+(?:sort ?code|account (?:number|no)).*$/i, '').trim();
    }
    // "S/C" and "A/C" are how many statements abbreviate them ("A/C 70451236   S/C 09-01-28").
    if (out.sortCodeMasked === undefined) {
      const m = /(?:\bsort ?code|(?<![A-Za-z])s\/c)\s*:?\s*(\d{2})[- ]?(\d{2})[- ]?(\d{2})\b/i.exec(text);
      if (m) out.sortCodeMasked = `**-**-${m[3]}`;
    }
    if (out.accountNumberMasked === undefined) {
      const m =
        /(?:\baccount|(?<![A-Za-z])a\/c)(?: number| no\.?)?\s*:?\s*(\d{8})\b/i.exec(text) ??
        /\b(?:\d{2}-\d{2}-\d{2})\s+(\d{8})\b/.exec(text);
      if (m) out.accountNumberMasked = `****${m[1]!.slice(-4)}`;
    }
    if (options.caseReference && out.caseReference === undefined) {
      const m = CASE_REFERENCE.exec(text);
      if (m) out.caseReference = m[1]!.replace(/\D/g, '');
    }
    if (out.statementDate === undefined) {
      const d = findStatementDate(text);
      if (d) out.statementDate = d;
    }
    if (out.periodStart === undefined) {
      const p = findPeriod(text);
      if (p) {
        out.periodStart = p.start;
        out.periodEnd = p.end;
      }
    }
  }
  // No period with days: one in whole months ("Statement for December 2024 to January 2025").
  for (const text of out.periodStart === undefined ? lines : []) {
    const p = findMonthPeriod(text);
    if (p) {
      out.periodStart = p.start;
      out.periodEnd = p.end;
      break;
    }
  }
  if (options.caseReference && out.caseReference === undefined) out.caseReference = referenceBelowLabel(lines);
  if (out.accountHolder === undefined) {
    // A name first on its line; where the lines' cells are given, the name's own cell (an address block often has a
    // second column of text beside it, "Your branch", that is not part of the name).
    // The length asked of a name is its cell's: a line with the account's details beside the name is still its line.
    const title = /^(?:mr|mrs|ms|miss|mx|dr|master)\.?\s+[A-Za-z]/i;
    const nameOf = (k: number) => {
      const cell = options.cells?.[k]?.[0];
      return cell !== undefined && title.test(cell) ? cell : lines[k]!;
    };
    const at = lines.findIndex((l, k) => title.test(l) && nameOf(k).length <= 60);
    if (at >= 0) out.accountHolder = nameOf(at).trim();
  }
  return out;
}

/** Labels of the printed summary, by figure. */
export type SummaryFigure =
  | 'opening'
  | 'closing'
  | 'paidIn'
  | 'paidOut'
  | 'due'
  | 'received'
  | 'fees'
  | 'enforcement'
  | 'adjustments'
  | 'missed'
  | 'offsets'
  | 'writeOffs';

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

/**
 * The balance CMS says is owed at the end of the statement, in the words CMS and similar statements print it: "Closing
 * balance", "Balance you owe", "Amount you owe", "Total owed", "Balance owed", "Amount owed (to you)", "Arrears
 * balance" (story 1 of the journey probe: "Balance you owe 1220.00" was not read, so CMS's figure was lost). Only a
 * figure printed right after the words counts ("Balance owed to the Secretary of State 50.00" is a part, read by
 * readBalances); "Maintenance arrears balance" is a part too, not the whole.
 */
const CMS_CLOSING =
  /\bclosing balance\b|\b(?:balance|amount|total) (?:you owe|owed(?: by you| to you)?)\b|\btotal you owe\b|(?<!\bmaintenance )\barrears balance\b/i;

const CMS_LABELS: [SummaryFigure, RegExp][] = [
  ['opening', /\bopening balance\b/i],
  ['closing', CMS_CLOSING],
  ['due', /\b(?:payments|maintenance|amounts?) due (?:from you|to you|for the period)?(?: for the period)?\b/i],
  // A receiving parent's statement: what was passed on to her ("Payments to you", "Paid to you").
  [
    'received',
    /\b(?:payments received(?: from you)?|payments made|payments passed on(?: to you)?|amount received|payments (?:sent |paid )?to you|(?:total )?paid to you)\b/i,
  ],
  // Not "Collection fees owed" or "Enforcement charges outstanding": those are balances (readBalances), not the period's charges.
  // A receiving parent's statement: her 4% "Collection fees deducted" (or "taken").
  ['fees', /(?<!\boutstanding )\bcollection (?:fees|charges)(?: \(4%\))?(?: deducted| taken)?\b(?! (?:owed|outstanding|balance))/i],
  ['enforcement', /(?<!\boutstanding )\benforcement (?:charges|fees)\b(?! (?:owed|outstanding|balance))/i],
  ['adjustments', /\badjustments\b/i],
  ['missed', /\b(?:missed|short) payments reported\b|\breported missed payments\b/i],
  ['offsets', /\b(?:overpayments? )?offsets?\b/i],
  ['writeOffs', /\b(?:amounts? |arrears )?written off\b|\bwrite[- ]offs\b/i],
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

/** A CMS statement's balances by component, as printed (owed positive, in credit negative). */
export interface ComponentBalances {
  maintenanceArrears?: Dec;
  collectionFees?: Dec;
  enforcementCharges?: Dec;
  total?: Dec;
  byCreditor?: { balance: BalanceComponent; creditor: Creditor; amount: Dec }[];
}

type ComponentKey = 'maintenanceArrears' | 'collectionFees' | 'enforcementCharges' | 'total';

const COMPONENT_LABELS: readonly { key: ComponentKey; balance?: BalanceComponent; words: string; re: RegExp }[] = [
  {
    key: 'maintenanceArrears',
    balance: 'maintenance_arrears',
    words: 'maintenance arrears',
    re: /\b(?:child )?maintenance arrears\b|\barrears of (?:child )?maintenance\b/i,
  },
  {
    key: 'collectionFees',
    balance: 'collection_fees',
    words: 'collection fees owed',
    re: /\bcollection (?:fees|charges) (?:owed|outstanding)\b|\boutstanding collection (?:fees|charges)\b|\bcollection (?:fees?|charges?) balance\b/i,
  },
  {
    key: 'enforcementCharges',
    balance: 'enforcement_charges',
    words: 'enforcement charges owed',
    re: /\benforcement (?:charges|fees) (?:owed|outstanding)\b|\boutstanding enforcement (?:charges|fees)\b|\benforcement (?:charges?|fees?) balance\b/i,
  },
  { key: 'total', words: 'total owed', re: /\btotal (?:amount |balance )?(?:owed|outstanding)\b|\btotal you owe\b/i },
];

/** After a component's label: who it is owed to (optional, perhaps in brackets), then the figure. */
const OWED_TO_THEN_FIGURE = new RegExp(
  String.raw`^\s*(?:\(?\s*(?:owed |due |payable )?to (?<to>[A-Za-z][A-Za-z '-]{1,60}?)\s*\)?)?\s*:?\s*(?<figure>${AMOUNT_IN_TEXT})`,
  'i',
);

/** Who a creditor's wording names; undefined for anyone else (a parent named by name, say). */
function creditorOf(text: string): Creditor | undefined {
  if (/\breceiving parent\b|\bparent with care\b|\bperson with care\b/i.test(text)) return 'receiving_parent';
  if (/\bsecretary of state\b|\bdwp\b|\bdepartment for work and pensions\b|\bchild maintenance service\b|\bcms\b/i.test(text))
    return 'secretary_of_state';
  return undefined;
}

/**
 * The balances by component that a CMS statement's summary prints ("Maintenance arrears", "Collection fees owed",
 * "Enforcement charges outstanding", "Total owed"), each perhaps with who it is owed to (GOV.UK statement guide:
 * arrears, fees and charges are separate balances). A component printed once per creditor is the sum of its
 * parts; printed once in all and once per creditor, the one in all is the figure and the parts must add up to
 * it. What does not add up, or is printed twice with different figures, is a warning.
 */
export function readBalances(lines: readonly string[], warnings: string[]): ComponentBalances {
  const found = new Map<ComponentKey, { creditor?: Creditor; to?: string; amount: Dec }[]>();
  for (const text of lines) {
    for (const { key, re } of COMPONENT_LABELS) {
      const m = re.exec(text);
      if (!m) continue;
      const after = OWED_TO_THEN_FIGURE.exec(text.slice(m.index + m[0].length));
      const figure = after?.groups?.figure;
      const token = figure === undefined ? undefined : parseAmountToken(figure.replace(/\s+(?=CR|DR|OD|D\b)/i, ' '));
      if (!token) continue;
      const to = after!.groups!.to?.trim();
      const creditor = to === undefined ? undefined : creditorOf(to);
      const list = found.get(key) ?? [];
      list.push({ ...(creditor ? { creditor } : {}), ...(to ? { to } : {}), amount: owedBalance(token) });
      found.set(key, list);
    }
  }
  const out: ComponentBalances = {};
  const byCreditor: NonNullable<ComponentBalances['byCreditor']> = [];
  for (const { key, balance, words } of COMPONENT_LABELS) {
    const parts = found.get(key);
    if (!parts) continue;
    const whole = parts.filter((p) => p.to === undefined);
    const split = parts.filter((p) => p.to !== undefined);
    const sum = split.reduce((a, p) => a.plus(p.amount), new Dec(0));
    if (whole.some((p) => !p.amount.equals(whole[0]!.amount))) {
      warnings.push(
        `The summary prints the ${words} more than once (${whole.map((p) => pounds(p.amount)).join(', ')}); the first, ${pounds(whole[0]!.amount)}, was read.`,
      );
    }
    out[key] = whole[0]?.amount ?? sum;
    if (whole.length > 0 && split.length > 0 && !sum.equals(whole[0]!.amount)) {
      warnings.push(
        `The summary's ${words} is ${pounds(whole[0]!.amount)}, but the amounts it shows owed to each (${split.map((p) => `${pounds(p.amount)} to ${p.to}`).join(', ')}) add up to ${pounds(sum)}.`,
      );
    }
    if (balance) for (const p of split) if (p.creditor) byCreditor.push({ balance, creditor: p.creditor, amount: p.amount });
  }
  if (byCreditor.length > 0) out.byCreditor = byCreditor;
  return out;
}

/** Balances by component in their JSON form (money strings), or undefined when the summary prints none. */
export function balancesJson(b: ComponentBalances): CmsBalances | undefined {
  const out: { -readonly [K in keyof CmsBalances]: CmsBalances[K] } = {};
  if (b.maintenanceArrears) out.maintenanceArrears = formatMoney(b.maintenanceArrears);
  if (b.collectionFees) out.collectionFees = formatMoney(b.collectionFees);
  if (b.enforcementCharges) out.enforcementCharges = formatMoney(b.enforcementCharges);
  if (b.total) out.total = formatMoney(b.total);
  if (b.byCreditor) out.byCreditor = b.byCreditor.map((p) => ({ balance: p.balance, creditor: p.creditor, amount: formatMoney(p.amount) }));
  return Object.keys(out).length > 0 ? out : undefined;
}
