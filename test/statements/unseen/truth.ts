/**
 * Ground truth for the unseen-layout tests: invented accounts, their transactions as they happened (date, the
 * description line by line as printed, amount, direction) and their opening balance. Every name, reference, sort code
 * and account number here is invented.
 * @module
 */
import { Dec, formatMoney } from '../../../calc/money.ts';
import type { CmsEntryType } from '../../../calc/ledger/entries.ts';
import type { EnforcementAction } from '../../../calc/scheme-2012/parameters.ts';

export interface TruthRow {
  readonly date: string;
  readonly lines: readonly string[];
  readonly amount: string;
  /** A bank row: money in or out. A CMS line: `in` is charged (it raises what is owed), `out` is paid. */
  readonly direction: 'in' | 'out';
  /** A CMS line: what it is. */
  readonly cms?: { readonly type: CmsEntryType; readonly chargeType?: EnforcementAction };
}

export interface Account {
  readonly name: string;
  readonly sortCode: string;
  readonly number: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly openingBalance: string;
  readonly rows: readonly TruthRow[];
}

const row = (date: string, lines: string[], amount: string, direction: 'in' | 'out'): TruthRow => ({ date, lines, amount, direction });

/**
 * A current account from 1 December 2024 to 31 January 2025 (over the year end): several rows a day, descriptions over
 * one, two and three lines, overdrawn twice, amounts in thousands, two identical rows on one day.
 */
export const CURRENT: Account = {
  name: 'MS A N EXAMPLE',
  sortCode: '04-00-75',
  number: '31926819',
  periodStart: '2024-12-01',
  periodEnd: '2025-01-31',
  openingBalance: '412.37',
  rows: [
    row('2024-12-02', ['CARD PAYMENT TO SAINSBURYS S/MKTS', 'ON 30 NOV'], '42.18', 'out'),
    row('2024-12-02', ['DIRECT DEBIT PAYMENT TO', 'EXAMPLE WATER PLC', 'REF 0000123456'], '38.50', 'out'),
    row('2024-12-03', ['CHILD MAINTENANCE SERVICE', 'CMS REF 123456789012'], '310.25', 'in'),
    row('2024-12-05', ['STANDING ORDER TO LANDLORD SAMPLE'], '725.00', 'out'),
    row('2024-12-06', ['BANK GIRO CREDIT REF EXAMPLE', 'COUNCIL HOUSING BENEFIT'], '96.00', 'in'),
    row('2024-12-09', ['CARD PAYMENT TO TFL TRAVEL CH'], '7.80', 'out'),
    row('2024-12-09', ['CARD PAYMENT TO TFL TRAVEL CH'], '7.80', 'out'),
    row('2024-12-10', ['FASTER PAYMENT RECEIVED FROM', 'J SAMPLE', 'REF BIRTHDAY'], '50.00', 'in'),
    row('2024-12-13', ['DIRECT DEBIT PAYMENT TO', 'EXAMPLE COUNCIL TAX'], '142.00', 'out'),
    row('2024-12-16', ['CASH WITHDRAWAL AT EXAMPLE BANK', 'HIGH STREET'], '100.00', 'out'),
    row('2024-12-19', ['CARD PAYMENT TO ARGOS LTD'], '249.99', 'out'),
    row('2024-12-20', ['SALARY EXAMPLE CARE HOMES LTD'], '1684.22', 'in'),
    row('2024-12-23', ['CARD PAYMENT TO AMAZON.CO.UK', 'ON 21 DEC'], '1099.00', 'out'),
    row('2024-12-24', ['CARD PAYMENT TO TESCO STORES 3125'], '88.41', 'out'),
    row('2024-12-27', ['OVERDRAFT USAGE FEE'], '5.00', 'out'),
    row('2024-12-30', ['TRANSFER TO SAVINGS 12345678'], '200.00', 'out'),
    row('2025-01-02', ['CHILD MAINTENANCE SERVICE', 'CMS REF 123456789012'], '310.25', 'in'),
    row('2025-01-03', ['STANDING ORDER TO LANDLORD SAMPLE'], '725.00', 'out'),
    row('2025-01-06', ['DIRECT DEBIT PAYMENT TO', 'EXAMPLE ENERGY LTD', 'REF 998877'], '118.60', 'out'),
    row('2025-01-08', ['REFUND FROM AMAZON.CO.UK'], '1099.00', 'in'),
    row('2025-01-10', ['CARD PAYMENT TO PRET A MANGER'], '6.45', 'out'),
    row('2025-01-14', ['INTEREST CHARGED'], '3.17', 'out'),
    row('2025-01-17', ['SALARY EXAMPLE CARE HOMES LTD'], '1684.22', 'in'),
    row('2025-01-20', ['MOBILE PAYMENT TO', 'R SAMPLE-PERSON'], '60.00', 'out'),
    row('2025-01-24', ['CARD PAYMENT TO BOOTS 1123'], '12.99', 'out'),
    row('2025-01-29', ['DIRECT DEBIT PAYMENT TO', 'EXAMPLE MOBILE LTD'], '21.00', 'out'),
  ],
};

/** A savings account in the same document: few rows, no overdraft. */
export const SAVINGS: Account = {
  name: 'MS A N EXAMPLE',
  sortCode: '04-00-75',
  number: '12345678',
  periodStart: '2024-12-01',
  periodEnd: '2025-01-31',
  openingBalance: '1500.00',
  rows: [
    row('2024-12-30', ['TRANSFER FROM CURRENT 31926819'], '200.00', 'in'),
    row('2024-12-31', ['GROSS INTEREST'], '4.93', 'in'),
    row('2025-01-15', ['TRANSFER TO CURRENT 31926819'], '350.00', 'out'),
    row('2025-01-31', ['GROSS INTEREST'], '5.61', 'in'),
  ],
};

const charged = (date: string, lines: string[], amount: string, type: CmsEntryType, chargeType?: EnforcementAction): TruthRow => ({
  date,
  lines,
  amount,
  direction: 'in',
  cms: { type, ...(chargeType ? { chargeType } : {}) },
});
const paid = (date: string, lines: string[], amount: string, type: CmsEntryType): TruthRow => ({
  date,
  lines,
  amount,
  direction: 'out',
  cms: { type },
});

/**
 * A Collect and Pay account from 1 December 2024 to 28 February 2025, as the paying parent's statement prints it: the
 * balance is what is owed (charges raise it, payments lower it). Maintenance due every four weeks with its 20%
 * collection charge, payments, an employer's payments under a deduction from earnings order and the charge for it, and
 * an adjustment that lowers the balance. The "account" fields hold the case: the number is its reference.
 */
export const COLLECT_AND_PAY: Account = {
  name: 'MR E X PAYER',
  sortCode: '',
  number: '121234567890',
  periodStart: '2024-12-01',
  periodEnd: '2025-02-28',
  openingBalance: '640.00',
  rows: [
    charged('2024-12-02', ['Child maintenance due', 'for 2 Dec 2024 to 29 Dec 2024'], '296.00', 'liability'),
    charged('2024-12-02', ['Collection charge (20%)'], '59.20', 'collection_fee'),
    paid('2024-12-13', ['Payment received - thank you', 'Standing order'], '355.20', 'payment_received'),
    charged('2024-12-30', ['Child maintenance due', 'for 30 Dec 2024 to 26 Jan 2025'], '296.00', 'liability'),
    charged('2024-12-30', ['Collection charge (20%)'], '59.20', 'collection_fee'),
    charged('2025-01-10', ['Deduction from earnings order', 'charge'], '50.00', 'enforcement_charge', 'deduction_from_earnings_order'),
    paid('2025-01-24', ['Payment from employer', 'EXAMPLE CARE HOMES LTD'], '200.00', 'deo_receipt'),
    charged('2025-01-27', ['Child maintenance due'], '296.00', 'liability'),
    charged('2025-01-27', ['Collection charge (20%)'], '59.20', 'collection_fee'),
    paid('2025-02-07', ['Payment received - thank you'], '100.00', 'payment_received'),
    paid('2025-02-14', ['Adjustment - change of circumstances', 'effective 1 Feb 2025'], '48.00', 'adjustment'),
    paid('2025-02-24', ['Payment from employer'], '200.00', 'deo_receipt'),
    charged('2025-02-24', ['Child maintenance due'], '296.00', 'liability'),
    charged('2025-02-24', ['Collection charge (20%)'], '59.20', 'collection_fee'),
  ],
};

/** The balance after each row. */
export function runningBalances(a: Account): string[] {
  let b = new Dec(a.openingBalance);
  return a.rows.map((r) => {
    b = r.direction === 'in' ? b.plus(r.amount) : b.minus(r.amount);
    return formatMoney(b);
  });
}

export function totals(a: Account): { paidIn: string; paidOut: string; closing: string } {
  let paidIn = new Dec(0);
  let paidOut = new Dec(0);
  for (const r of a.rows) {
    if (r.direction === 'in') paidIn = paidIn.plus(r.amount);
    else paidOut = paidOut.plus(r.amount);
  }
  return {
    paidIn: formatMoney(paidIn),
    paidOut: formatMoney(paidOut),
    closing: formatMoney(new Dec(a.openingBalance).plus(paidIn).minus(paidOut)),
  };
}
