/**
 * The bank PDF layouts Reckoner knows, recognised by text near the top of the first page. They are hints
 * (who issued the statement, how its rows are printed), not the only way a statement is read.
 * @module
 */
import type { AmountLine } from './bank.ts';

/** A bank layout Reckoner knows, recognised by text near the top of the first page. */
export interface BankLayoutSpec {
  readonly id: string;
  readonly issuer: string;
  readonly markers: readonly RegExp[];
  readonly amountLine: AmountLine;
}

/** Known layouts, modelled on the structure of real UK statements. */
export const BANK_LAYOUTS: readonly BankLayoutSpec[] = [
  { id: 'barclays_pdf_v1', issuer: 'Barclays', markers: [/\bBarclays Bank (?:UK )?PLC\b/i], amountLine: 'first' },
  { id: 'hsbc_pdf_v1', issuer: 'HSBC', markers: [/\bHSBC (?:UK )?Bank plc\b/i], amountLine: 'last' },
  { id: 'lloyds_pdf_v1', issuer: 'Lloyds Bank', markers: [/\bLloyds Bank plc\b/i], amountLine: 'first' },
  { id: 'nationwide_pdf_v1', issuer: 'Nationwide', markers: [/\bNationwide Building Society\b/i], amountLine: 'first' },
  { id: 'monzo_pdf_v1', issuer: 'Monzo', markers: [/\bMonzo Bank (?:Limited|Ltd)\b/i], amountLine: 'first' },
  { id: 'coop_pdf_v1', issuer: 'The Co-operative Bank', markers: [/\bCo-operative Bank\b/i], amountLine: 'last' },
];
