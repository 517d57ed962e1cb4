/**
 * The bank PDF layouts Reckoner knows, recognised by text near the top of the first page. They are hints
 * (who issued the statement, how its rows are printed), not the only way a statement is read.
 *
 * The first layout whose marker appears wins, so a bank that prints another's name (first direct is "a
 * division of HSBC UK Bank plc", Halifax "a division of Bank of Scotland plc") comes before that one.
 * @module
 */
import type { AmountLine } from './bank.ts';

/** A bank layout Reckoner knows, recognised by text near the top of the first page. */
export interface BankLayoutSpec {
  readonly id: string;
  /** The bank, by the name the registry of banks lists it under (statements/banks.ts). */
  readonly issuer: string;
  readonly markers: readonly RegExp[];
  /** Which line of a wrapped row carries its amounts (see assembleRows in bank.ts). */
  readonly amountLine: AmountLine;
}

/** Known layouts, modelled on the structure of real UK statements. */
export const BANK_LAYOUTS: readonly BankLayoutSpec[] = [
  // Before HSBC: first direct's statements name HSBC UK Bank plc in their small print.
  { id: 'first_direct_pdf_v1', issuer: 'first direct', markers: [/\bfirst direct\b/i], amountLine: 'last' },
  { id: 'barclays_pdf_v1', issuer: 'Barclays', markers: [/\bBarclays Bank (?:UK )?PLC\b/i], amountLine: 'first' },
  { id: 'hsbc_pdf_v1', issuer: 'HSBC', markers: [/\bHSBC (?:UK )?Bank plc\b/i], amountLine: 'last' },
  // Before Lloyds: Halifax belongs to the same group; its statements name Bank of Scotland plc, not Lloyds.
  {
    id: 'halifax_pdf_v1',
    issuer: 'Halifax',
    markers: [/\bHalifax is a division of Bank of Scotland plc\b/i, /\bwww\.halifax\.co\.uk\b/i],
    amountLine: 'first',
  },
  { id: 'lloyds_pdf_v1', issuer: 'Lloyds Bank', markers: [/\bLloyds Bank plc\b/i], amountLine: 'first' },
  { id: 'tsb_pdf_v1', issuer: 'TSB', markers: [/\bTSB Bank plc\b/i], amountLine: 'first' },
  { id: 'santander_pdf_v1', issuer: 'Santander', markers: [/\bSantander UK plc\b/i], amountLine: 'first' },
  { id: 'nationwide_pdf_v1', issuer: 'Nationwide', markers: [/\bNationwide Building Society\b/i], amountLine: 'first' },
  { id: 'monzo_pdf_v1', issuer: 'Monzo', markers: [/\bMonzo Bank (?:Limited|Ltd)\b/i], amountLine: 'first' },
  { id: 'starling_pdf_v1', issuer: 'Starling Bank', markers: [/\bStarling Bank (?:Limited|Ltd)\b/i], amountLine: 'first' },
  { id: 'coop_pdf_v1', issuer: 'The Co-operative Bank', markers: [/\bCo-operative Bank\b/i], amountLine: 'last' },
  { id: 'metro_pdf_v1', issuer: 'Metro Bank', markers: [/\bMetro Bank (?:PLC|Limited)\b/i], amountLine: 'auto' },
  { id: 'virgin_money_pdf_v1', issuer: 'Virgin Money', markers: [/\bVirgin Money\b/], amountLine: 'auto' },
  { id: 'revolut_pdf_v1', issuer: 'Revolut', markers: [/\bRevolut (?:Ltd|Limited|NewCo UK Ltd)\b/i], amountLine: 'first' },
  // Chase UK's statements name the company behind it.
  { id: 'chase_uk_pdf_v1', issuer: 'Chase UK', markers: [/\bJ\.\s?P\.\s?Morgan Europe Limited\b/i], amountLine: 'first' },
];
