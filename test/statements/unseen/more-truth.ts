/**
 * Ground truth for the second round of unseen layouts: accounts unlike those of ./truth.ts. Every name, reference,
 * sort code and account number here is invented.
 * @module
 */
import type { Account, TruthRow } from './truth.ts';

const row = (date: string, lines: string[], amount: string, direction: 'in' | 'out'): TruthRow => ({ date, lines, amount, direction });

/**
 * A joint current account from 18 November 2024 to 17 January 2025 (over the year end, a period that starts mid-month):
 * a payment abroad whose second line prints the foreign amount and the rate ("EUR 120.00 @ 1.1850") and its fee on a
 * row of its own, a transfer in five figures, a penny, amounts in round pounds, overdrawn over Christmas, several rows
 * a day, and descriptions over one to three lines, one of them naming a date ("FOR 01/12/2024").
 */
export const JOINT: Account = {
  name: 'MR B SAMPLE & MRS C SAMPLE',
  sortCode: '09-01-28',
  number: '70451236',
  periodStart: '2024-11-18',
  periodEnd: '2025-01-17',
  openingBalance: '1208.14',
  rows: [
    row('2024-11-18', ['DIRECT DEBIT EXAMPLE WATER'], '41.20', 'out'),
    row('2024-11-19', ['CARD PAYMENT TO HOTEL EXEMPLE PARIS', 'EUR 120.00 @ 1.1850'], '101.27', 'out'),
    row('2024-11-19', ['NON-STERLING TRANSACTION FEE'], '2.78', 'out'),
    row('2024-11-22', ['CHILD MAINTENANCE SERVICE', 'CMS REF 1212 3456 7890', 'FOR 01/12/2024'], '287.50', 'in'),
    row('2024-11-25', ['FASTER PAYMENT TO D SAMPLE', 'RENT DECEMBER'], '950.00', 'out'),
    row('2024-11-25', ['INTEREST PAID'], '0.01', 'in'),
    row('2024-11-28', ['SALARY EXAMPLE LOGISTICS LTD'], '2114.63', 'in'),
    row('2024-12-02', ['TRANSFER FROM SAVINGS 12/24'], '12500.00', 'in'),
    row('2024-12-03', ['FASTER PAYMENT TO EXAMPLE CONVEYANCING', 'DEPOSIT 14 ACACIA AVENUE', 'REF COMPLETION'], '13750.00', 'out'),
    row('2024-12-09', ['CARD PAYMENT TO ARGOS LTD'], '64.99', 'out'),
    row('2024-12-09', ['CARD PAYMENT TO ARGOS LTD'], '64.99', 'out'),
    row('2024-12-16', ['CASH MACHINE HIGH ST 16DEC'], '40.00', 'out'),
    row('2024-12-20', ['CARD PAYMENT TO EXAMPLE TOYS LTD'], '215.45', 'out'),
    row('2024-12-23', ['REFUND EXAMPLE TOYS LTD'], '35.00', 'in'),
    row('2024-12-27', ['SALARY EXAMPLE LOGISTICS LTD'], '2114.63', 'in'),
    row('2024-12-30', ['CHILD MAINTENANCE SERVICE', 'CMS REF 1212 3456 7890'], '287.50', 'in'),
    row('2025-01-02', ['DIRECT DEBIT EXAMPLE COUNCIL', 'TAX 2024/25'], '168.00', 'out'),
    row('2025-01-06', ['STANDING ORDER TO SAVINGS'], '500.00', 'out'),
    row('2025-01-10', ['CARD PAYMENT TO EXAMPLE FUEL 4471'], '58.32', 'out'),
    row('2025-01-14', ['DIRECT DEBIT EXAMPLE INSURANCE'], '23.17', 'out'),
  ],
};

/**
 * A credit card from 4 December 2024 to 3 January 2025, its balance what is owed: purchases (money out of the
 * holder's pocket), a payment to the card and a refund (money in), interest.
 */
export const CARD: Account = {
  name: 'MS D EXAMPLE',
  sortCode: '',
  number: '4929000012345678',
  periodStart: '2024-12-04',
  periodEnd: '2025-01-03',
  openingBalance: '-612.40',
  rows: [
    row('2024-12-05', ['EXAMPLE SUPERMARKET LONDON'], '84.12', 'out'),
    row('2024-12-07', ['EXAMPLE AIRWAYS', 'LONDON'], '318.00', 'out'),
    row('2024-12-10', ['PAYMENT RECEIVED - THANK YOU'], '612.40', 'in'),
    row('2024-12-14', ['EXAMPLE BOOKS ONLINE'], '18.99', 'out'),
    row('2024-12-19', ['REFUND EXAMPLE AIRWAYS'], '318.00', 'in'),
    row('2024-12-24', ['EXAMPLE DEPARTMENT STORE'], '1045.50', 'out'),
    row('2024-12-31', ['EXAMPLE RAIL TICKETS'], '23.80', 'out'),
    row('2025-01-02', ['INTEREST'], '7.35', 'out'),
  ],
};
