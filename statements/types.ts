/**
 * What statement ingestion produces: typed bank transactions and CMS ledger entries, ready for
 * `reconcile` (their fields are those of `BankTransactionInput` and `CmsEntryInput` in calc/ledger, except
 * `source`: calc's is a text naming the place, e.g. "statement 2, page 3, line 14"; a parsed row's is the
 * place as data, a {@link SourceLocation}, from which whoever hands the rows to calc writes that text).
 * Money is a string with two decimals, dates are YYYY-MM-DD.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { ReckonerError } from '../calc/errors.ts';
import type { CmsEntryType, Creditor, Direction, ScheduleStatus } from '../calc/ledger/entries.ts';
import type { EnforcementAction } from '../calc/scheme-2012/parameters.ts';
import { groupedCount } from '../calc/money.ts';

export const DOCUMENT_KINDS = ['bank_statement', 'cms_statement', 'cms_payment_schedule'] as const;
/** What a document is. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const FORMATS = ['pdf', 'csv', 'ofx'] as const;
export type Format = (typeof FORMATS)[number];

/** A caller's mapping for a CSV layout Reckoner does not know: column names (or 0-based indexes) to fields. */
export interface CsvMapping {
  readonly date: string | number;
  readonly description: string | number;
  /** One signed amount column (negative = money out) … */
  readonly amount?: string | number;
  /** … or separate columns for money out and money in. */
  readonly paidOut?: string | number;
  readonly paidIn?: string | number;
  /** With `amount` printed unsigned: the column that says which way each went (DR/CR, Debit/Credit, Out/In). */
  readonly direction?: string | number;
  readonly balance?: string | number;
  readonly reference?: string | number;
  /** e.g. "DD/MM/YYYY" (default), "YYYY-MM-DD", "D MMM YYYY". */
  readonly dateFormat?: string;
}

export interface ParseRequest {
  readonly bytes: Uint8Array;
  readonly filename?: string;
  /** For an encrypted PDF. */
  readonly password?: string;
  /** What the caller believes the document is; detection still checks it. */
  readonly hint?: DocumentKind;
  readonly csvMapping?: CsvMapping;
}

/**
 * Where a row is printed in its document, so that a letter or the evidence bundle can cite it ("statement 2,
 * page 3, line 14"). The same shape as the store's `SourceLocation` (store/types.ts):
 * - a PDF: the page (1-based) and the line on that page, counting every line of text from the top of the
 *   page as the reader groups them (items on one baseline are one line), headings, addresses and all;
 * - a CSV: the line of the file the row starts on (the first line of the file is line 1, so a header with no
 *   preamble is line 1; a quoted field that holds line breaks makes a row span lines, and it is cited by its
 *   first); no page;
 * - an OFX or QFX file: the transaction's number, counting `<STMTTRN>` from 1 in the file's order; no page.
 * A row whose description wraps over several lines is cited by its first line. Rows listed newest first keep
 * the place they are printed at when they are given back oldest first.
 */
export interface SourceLocation {
  /** PDF only: the page, from 1. */
  readonly page?: number;
  /** The line on the page (PDF), the line of the file (CSV), or the transaction's number (OFX); from 1. */
  readonly line: number;
}

export interface ParsedTransaction {
  readonly date: CivilDate;
  readonly description: string;
  /** Positive, two decimals. */
  readonly amount: string;
  readonly direction: Direction;
  /** The running balance printed after this row, if any (negative when overdrawn). */
  readonly balance?: string;
  readonly reference?: string;
  /** Stable across re-imports of the same statement: a hash of the normalised row, the account and its occurrence. */
  readonly fingerprint: string;
  /** Where the row is printed (not part of the fingerprint: the same row re-exported elsewhere is the same row). */
  readonly source?: SourceLocation;
}

export interface ParsedCmsEntry {
  readonly date: CivilDate;
  readonly type: CmsEntryType;
  /** Positive, two decimals (an adjustment may be negative). */
  readonly amount: string;
  readonly description: string;
  readonly reference?: string;
  /** An enforcement charge: the action it is for, when the wording names one. */
  readonly chargeType?: EnforcementAction;
  readonly fingerprint: string;
  /** Where the line is printed (not part of the fingerprint). */
  readonly source?: SourceLocation;
  /**
   * Optional (issue 14): true when the line's date falls outside the period the document prints (a warning
   * names the date and the period); absent otherwise, and on documents that print no period.
   */
  readonly outsidePeriod?: true;
  /**
   * Optional (issue 14): a payment schedule's status of the instalment, as its Status column prints it
   * (normalised); absent when the schedule has no such column. Not part of the fingerprint: the same
   * instalment is the same entry when it moves from due to paid.
   */
  readonly status?: ScheduleStatus;
}

/** What a payment schedule's Status column says of an instalment (calc/ledger/entries.ts, which reads it). */
export { SCHEDULE_STATUSES } from '../calc/ledger/entries.ts';
export type { ScheduleStatus } from '../calc/ledger/entries.ts';

export const BALANCE_COMPONENTS = ['maintenance_arrears', 'collection_fees', 'enforcement_charges'] as const;
/** The separate balances of a CMS account (GOV.UK statement guide): arrears, fees and enforcement charges. */
export type BalanceComponent = (typeof BALANCE_COMPONENTS)[number];

/**
 * What a CMS statement's summary says is owed, by component, where it prints them: CMS's claim, part by part.
 * Money strings, two decimals; negative is in credit.
 */
export interface CmsBalances {
  readonly maintenanceArrears?: string;
  readonly collectionFees?: string;
  readonly enforcementCharges?: string;
  /** The total owed, as printed. */
  readonly total?: string;
  /** Where the summary says who a balance is owed to: each part as printed. */
  readonly byCreditor?: readonly { readonly balance: BalanceComponent; readonly creditor: Creditor; readonly amount: string }[];
}

/**
 * A payment schedule's arrears column: the arrears (catch-up) part of each instalment, in the shape of calc's
 * `PaymentPlanInput`, for the liability schedule and reconciliation. Only instalments with an arrears part.
 */
export interface CmsPaymentPlan {
  readonly catchUp: readonly { readonly dueDate: CivilDate; readonly amount: string }[];
}

export interface StatementMetadata {
  /** The bank or issuer detected, e.g. "Barclays", "Child Maintenance Service". */
  readonly issuer?: string;
  /** Layout identifier, e.g. "barclays_pdf_v1", "monzo_csv". */
  readonly layout: string;
  readonly accountHolder?: string;
  /** Only the last four digits, e.g. "****1234". */
  readonly accountNumberMasked?: string;
  /** e.g. "**-**-56". */
  readonly sortCodeMasked?: string;
  /** The 12-digit CMS case reference, where the document carries one. */
  readonly caseReference?: string;
  readonly periodStart?: CivilDate;
  readonly periodEnd?: CivilDate;
  readonly openingBalance?: string;
  readonly closingBalance?: string;
  readonly totalPaidIn?: string;
  readonly totalPaidOut?: string;
  readonly pages?: number;
  /** A CMS statement: the balances by component its summary prints. */
  readonly balances?: CmsBalances;
  /** A CMS payment schedule: the arrears part of each instalment. */
  readonly paymentPlan?: CmsPaymentPlan;
}

/** What could be checked, and whether it held. */
export interface StatementChecks {
  /** Each printed running balance equals the previous one plus or minus the row. */
  readonly runningBalance: 'ok' | 'failed' | 'not_available';
  /** Where it first failed: the row (0-based), the balance expected and the one printed. */
  readonly firstBreak?: { readonly row: number; readonly date: CivilDate; readonly expected: string; readonly printed: string };
  /** The printed totals and closing balance agree with the rows. */
  readonly totals: 'ok' | 'failed' | 'not_available';
  readonly totalsDetail?: string;
}

export interface ParseResult {
  readonly kind: DocumentKind;
  readonly format: Format;
  readonly metadata: StatementMetadata;
  readonly transactions: readonly ParsedTransaction[];
  readonly cmsEntries: readonly ParsedCmsEntry[];
  readonly checks: StatementChecks;
  readonly warnings: readonly string[];
  /** 0 to 1: how sure the parser is of the whole result (layout recognised, checks passed). */
  readonly confidence: number;
}

/** Longest error message about a document: anything longer is cut, and says so (it never grows with the file). */
export const MAX_MESSAGE_CHARS = 4000;

/**
 * Why a document could not be read: a {@link ReckonerError} about the field `document` (or, for a mistake in
 * the caller's options, the option's field). The message says what to do instead, in at most
 * {@link MAX_MESSAGE_CHARS} characters; about the whole document it is that sentence alone (it reads as one).
 */
export class ParseError extends ReckonerError {
  override name = 'ParseError';
  declare readonly code: 'parse_failed' | 'unsupported' | 'too_large' | 'invalid_input';

  constructor(code: 'parse_failed' | 'unsupported' | 'too_large' | 'invalid_input', message: string, field = 'document') {
    const text =
      message.length > MAX_MESSAGE_CHARS
        ? `${message.slice(0, MAX_MESSAGE_CHARS - 80)}… (message cut: it was ${groupedCount(message.length)} characters long)`
        : message;
    super(code, [{ field, message: text }]);
    if (field === 'document') this.message = text;
  }
}

/** Limits that keep a hostile file from taking the process down. */
export const LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 500,
  maxRows: 250_000,
  /** Wall-clock budget for one document. */
  maxMillis: 60_000,
  /**
   * Longest value read from one cell of a CSV file or one field of an OFX file, in characters (surrounding blank space
   * aside). A bank writes a description in a few dozen characters and a reference in fewer (OFX 2.1.1 allows 32 for a
   * NAME and 255 for a MEMO), so a longer one is refused as damaged, naming the line or transaction and the column or
   * tag, rather than carried into the answer (a security probe's 19 MB description).
   */
  maxCellChars: 4_000,
} as const;
