/**
 * A receiving parent's own Collect and Pay statement, as ground truth and in two layouts (journey probe, story 1). Her
 * statement's balance is what she is owed: maintenance due to her raises it; her 4% collection fee (SI 2014/612: the
 * paying parent pays 20% on top, 4% is taken from what she is passed) and each payment passed on to her lower it, so
 * the fee is printed in the paid column beside the payment it was taken from. Invented figures and names.
 *
 * The figures: £60.00 a week is £260.00 a month (60 × 52 ÷ 12); 4% of it is £10.40; she is passed £249.60. January's
 * payment passed on is short (£200.00: £49.60 owed to her); £25.00 of arrears collected in February is passed on less
 * its 4% (£1.00): £24.00. Due 3 × £260.00 = £780.00; fees 3 × £10.40 + £1.00 = £32.20; paid to her £249.60 + £200.00 +
 * £249.60 + £24.00 = £723.20; owed to her at the end £780.00 − £32.20 − £723.20 = £24.60.
 * @module
 */
import { Dec, formatMoney } from '../../../calc/money.ts';
import type { CmsEntryType } from '../../../calc/ledger/entries.ts';
import { DATES, grouped, type Furniture, type Layout } from './pdf.ts';
import type { Account, TruthRow } from './truth.ts';

const line = (date: string, lines: string[], amount: string, direction: 'in' | 'out', type: CmsEntryType): TruthRow => ({
  date,
  lines,
  amount,
  direction,
  cms: { type },
});
const due = (date: string, lines: string[]) => line(date, lines, '260.00', 'in', 'liability');
const fee = (date: string, lines: string[]) => line(date, lines, '10.40', 'out', 'collection_fee');
const passed = (date: string, lines: string[], amount = '249.60') => line(date, lines, amount, 'out', 'payment_passed_on');

/**
 * Three months, each fee in other words: "Collection fee (4%) deducted", "Fee deducted from payment", a bare
 * "Collection fee", "4% collection fee"; and each payment to her in other words.
 */
export const RECEIVING: Account = {
  name: 'MS R E CEIVER',
  sortCode: '',
  number: '121555000111',
  periodStart: '2024-12-01',
  periodEnd: '2025-02-28',
  openingBalance: '0.00',
  rows: [
    due('2024-12-02', ['Maintenance due to you']),
    fee('2024-12-09', ['Collection fee (4%) deducted']),
    passed('2024-12-09', ['Payment passed on to you']),
    due('2025-01-02', ['Child maintenance due', 'for January 2025']),
    fee('2025-01-10', ['Fee deducted from payment']),
    passed('2025-01-10', ['Payment to you'], '200.00'),
    due('2025-02-03', ['Maintenance due to you']),
    fee('2025-02-07', ['Collection fee']),
    passed('2025-02-07', ['Paid into your account']),
    line('2025-02-21', ['4% collection fee', 'on arrears collected'], '1.00', 'out', 'collection_fee'),
    passed('2025-02-21', ['Payment passed on to you', 'arrears'], '24.00'),
  ],
};

/** What her statement's summary prints: due to her, fees taken, paid to her, and the balance owed to her. */
export function receivingTotals(a: Account): { due: string; fees: string; paid: string; closing: string } {
  const sum = (type: CmsEntryType) => a.rows.filter((r) => r.cms?.type === type).reduce((s, r) => s.plus(r.amount), new Dec(0));
  const [d, f, p] = [sum('liability'), sum('collection_fee'), sum('payment_passed_on')];
  return {
    due: formatMoney(d),
    fees: formatMoney(f),
    paid: formatMoney(p),
    closing: formatMoney(new Dec(a.openingBalance).plus(d).minus(f).minus(p)),
  };
}

const CMS_NAME = 'Child Maintenance Service';
const money = (a: string) => `£${grouped(a)}`;

/**
 * "Due to you" / "Paid to you" / "Owed to you", dates "9 Dec 2024", the date once a day, a summary box above the table
 * (maintenance due to you, collection fees deducted, paid to you, balance owed to you), "Balance brought forward" in
 * the table.
 */
export const RECEIVING_DUE_PAID_TO_YOU: Layout = {
  name: 'cms-receiving-parent-due-paid-to-you',
  about: 'A receiving parent’s Collect and Pay statement: Due to you / Paid to you / Owed to you, a summary box',
  size: 8.5,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 45, w: 60, align: 'left' },
    { key: 'desc', label: 'Details', x: 110, w: 210, align: 'left' },
    { key: 'in', label: 'Due to you', x: 325, w: 70, align: 'right' },
    { key: 'out', label: 'Paid to you', x: 400, w: 70, align: 'right' },
    { key: 'balance', label: 'Owed to you', x: 475, w: 75, align: 'right' },
  ],
  date: 'dMonYYYY',
  dateOncePerDay: true,
  amounts: 'split',
  balances: 'owed',
  openLine: 'Balance brought forward',
  everyPage: (page, pages) => [
    { text: CMS_NAME, x: 45, y: 30, w: 300, bold: true, size: 13 },
    { text: `Page ${page} of ${pages}`, x: 450, y: 30, w: 100, align: 'right', size: 8 },
  ],
  firstPage: (a) => {
    const t = receivingTotals(a);
    const box: [string, string][] = [
      ['Maintenance due to you', t.due],
      ['Collection fees deducted', t.fees],
      ['Paid to you', t.paid],
      ['Balance owed to you', t.closing],
    ];
    return {
      items: [
        { text: 'Collect and Pay statement', x: 45, y: 50, w: 300, bold: true, size: 10 },
        { text: a.name, x: 45, y: 70, w: 200, size: 9 },
        { text: 'Case reference 1215 5500 0111', x: 330, y: 70, w: 220, align: 'right', size: 9 },
        { text: `Statement period ${DATES.long(a.periodStart)} to ${DATES.long(a.periodEnd)}`, x: 45, y: 84, w: 400, size: 9 },
        ...box.flatMap(([w, f], i): Furniture[] => [
          { text: w, x: 45, y: 104 + i * 12, w: 170, size: 9 },
          { text: money(f), x: 215, y: 104 + i * 12, w: 80, align: 'right', size: 9 },
        ]),
      ],
      top: 165,
    };
  },
  nextTop: 70,
  bottom: 300,
};

/**
 * One signed Amount column (what is taken off her balance printed "-£10.40"), landscape, "Transaction" and "Balance
 * owed to you" headings, dates "9 Dec 2024", no summary: the balance owed to her is the running balance's last.
 */
export const RECEIVING_SIGNED_LANDSCAPE: Layout = {
  name: 'cms-receiving-parent-signed-amount-landscape',
  about: 'A receiving parent’s statement with one signed Amount column, landscape, notices beside the table',
  landscape: true,
  size: 9,
  lineHeight: 12,
  cols: [
    { key: 'date', label: 'Date', x: 40, w: 75, align: 'left' },
    { key: 'desc', label: 'Transaction', x: 120, w: 250, align: 'left' },
    { key: 'amount', label: 'Amount', x: 375, w: 85, align: 'right' },
    { key: 'balance', label: 'Balance owed to you', x: 465, w: 110, align: 'right' },
  ],
  date: 'dMonYYYY',
  amounts: 'signed-pounds',
  balances: 'owed',
  openLine: 'Balance brought forward',
  everyPage: (page, pages) => [
    { text: CMS_NAME, x: 40, y: 25, w: 300, bold: true, size: 12 },
    { text: `Page ${page} of ${pages}`, x: 700, y: 570, w: 100, align: 'right', size: 7 },
  ],
  firstPage: (a) => ({
    items: [
      { text: 'Your child maintenance statement', x: 40, y: 45, w: 300, size: 10 },
      { text: a.name, x: 40, y: 60, w: 200, size: 9 },
      { text: 'CMS reference 1215 5500 0111', x: 40, y: 73, w: 300, size: 9 },
      { text: `From ${DATES.long(a.periodStart)} to ${DATES.long(a.periodEnd)}`, x: 40, y: 86, w: 400, size: 9 },
    ],
    top: 110,
  }),
  beside: {
    x: 600,
    w: 200,
    lines: ['We take a 4% collection fee', 'from each payment we pass on.', '', 'Questions? Call 0800 000 0000'],
  },
  nextTop: 50,
  bottom: 555,
};
