/**
 * From rows read out of a CSV or OFX file to the parse result: transactions with fingerprints, the period
 * and balances, the checks, and a confidence for the whole.
 * @module
 */
import { Dec, formatMoney, pounds } from '../../calc/money.ts';
import { accountKey, Fingerprinter } from '../fingerprint.ts';
import type { Format, ParsedTransaction, ParseRequest, ParseResult, SourceLocation, StatementChecks, StatementMetadata } from '../types.ts';
import { checkRunningBalance, type BalancedRow, type BalanceCheck } from '../balance.ts';
import { hasUnstorable, stripUnstorable, unstorableWarning } from '../hygiene.ts';

export interface StatementRow extends BalancedRow {
  readonly description: string;
  readonly reference?: string;
  /** Where the row is in the file (line for CSV, transaction number for OFX), for messages. */
  readonly where: string;
  /** The same place as data, kept with the transaction (see {@link SourceLocation}). */
  readonly source?: SourceLocation;
}

/**
 * {@link formatMoney} for amounts already in whole pence (the readers refuse anything else), without its
 * rounding step: the same string, at half the cost over 100,000 rows.
 */
function twoDecimals(value: Dec): string {
  return value.isZero() ? '0.00' : value.toFixed(2);
}

/** How the layout was found: from a known header, a caller's mapping, the shape of the rows, or the file format itself. */
export type LayoutSource = 'known' | 'mapping' | 'guessed' | 'format';

const BASE_CONFIDENCE: Record<LayoutSource, number> = { known: 0.95, format: 0.95, mapping: 0.9, guessed: 0.8 };

/** Confidence in the whole result: the layout source, then the running balance check and the warnings. */
export function confidenceFor(source: LayoutSource, check: BalanceCheck, extraWarnings: number): number {
  let c = BASE_CONFIDENCE[source];
  if (check.status === 'ok') c += 0.04;
  if (check.status === 'failed') c *= 0.6;
  c -= 0.05 * Math.min(extraWarnings, 4);
  return Math.max(0.05, Math.round(c * 100) / 100);
}

function describeBreak(rows: readonly StatementRow[], check: BalanceCheck): string {
  const b = check.firstBreak!;
  const row = rows[b.row]!;
  return (
    `The running balance does not add up at ${check.breaks} of ${check.checked} rows checked. The first is transaction ${b.row + 1} ` +
    `(${row.where}, ${b.date}): the previous balance and this row make ${pounds(new Dec(b.expected))}, but the statement shows ${pounds(new Dec(b.printed))}. ` +
    'A row may be missing or altered; check the file against the bank’s own statement.'
  );
}

/**
 * The parse result for a bank statement whose rows are already oldest first.
 *
 * @param warnings warnings so far (encoding, layout); those about the data are added here
 * @param doubtful how many of those warnings lower the confidence
 */
export function bankStatementResult(options: {
  readonly request: ParseRequest;
  readonly format: Format;
  readonly rows: readonly StatementRow[];
  readonly metadata: StatementMetadata;
  readonly source: LayoutSource;
  readonly warnings: readonly string[];
  readonly doubtful: number;
  readonly totals?: Pick<StatementChecks, 'totals' | 'totalsDetail'>;
}): ParseResult {
  const { request } = options;
  const warnings = [...options.warnings];
  let doubtful = options.doubtful;
  // NUL bytes and lone surrogates cannot be stored: removed before the rows are fingerprinted, the rows kept.
  const dirty: string[] = [];
  let removed = 0;
  const rows = options.rows.map((r) => {
    if (!hasUnstorable(r.description) && (r.reference === undefined || !hasUnstorable(r.reference))) return r;
    const description = stripUnstorable(r.description);
    const reference = r.reference === undefined ? undefined : stripUnstorable(r.reference);
    removed += description.removed + (reference?.removed ?? 0);
    dirty.push(r.where);
    return { ...r, description: description.text, ...(reference ? { reference: reference.text } : {}) };
  });
  if (dirty.length > 0) {
    warnings.push(unstorableWarning(dirty, removed));
    doubtful++;
  }
  const check = checkRunningBalance(rows);
  if (check.status === 'failed') warnings.push(describeBreak(rows, check));
  if (rows.length === 0) {
    warnings.push('The file holds no transactions.');
    doubtful++;
  }
  if (request.hint !== undefined && request.hint !== 'bank_statement') {
    warnings.push(
      `The document was described as ${request.hint}, but it is a bank statement (${options.format.toUpperCase()}); it was read as one.`,
    );
  }

  const metadata: { -readonly [K in keyof StatementMetadata]: StatementMetadata[K] } = { ...options.metadata };
  if (rows.length > 0) {
    let start = rows[0]!.date;
    let end = start;
    for (const r of rows) {
      if (r.date < start) start = r.date;
      if (r.date > end) end = r.date;
    }
    metadata.periodStart ??= start;
    metadata.periodEnd ??= end;
    const first = rows[0]!;
    if (metadata.openingBalance === undefined && first.balance !== undefined) {
      metadata.openingBalance = formatMoney(first.balance.minus(first.signed));
    }
    const last = [...rows].reverse().find((r) => r.balance !== undefined);
    if (metadata.closingBalance === undefined && last?.balance !== undefined && last === rows[rows.length - 1]) {
      metadata.closingBalance = formatMoney(last.balance);
    }
  }

  const fingerprints = new Fingerprinter(accountKey(metadata));
  const transactions: ParsedTransaction[] = new Array<ParsedTransaction>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const negative = r.signed.isNegative() && !r.signed.isZero();
    const amount = twoDecimals(negative ? r.signed.negated() : r.signed);
    const direction = negative ? ('out' as const) : ('in' as const);
    const balance = r.balance === undefined ? undefined : twoDecimals(r.balance);
    const fingerprint = fingerprints.next({ date: r.date, amount, direction, description: r.description, balance });
    const t: { -readonly [K in keyof ParsedTransaction]?: ParsedTransaction[K] } = {
      date: r.date,
      description: r.description,
      amount,
      direction,
    };
    if (balance !== undefined) t.balance = balance;
    if (r.reference) t.reference = r.reference;
    t.fingerprint = fingerprint;
    if (r.source) t.source = r.source;
    transactions[i] = t as ParsedTransaction;
  }

  return {
    kind: 'bank_statement',
    format: options.format,
    metadata,
    transactions,
    cmsEntries: [],
    checks: {
      runningBalance: check.status,
      ...(check.firstBreak ? { firstBreak: check.firstBreak } : {}),
      totals: options.totals?.totals ?? 'not_available',
      ...(options.totals?.totalsDetail ? { totalsDetail: options.totals.totalsDetail } : {}),
    },
    warnings,
    confidence: confidenceFor(options.source, check, doubtful),
  };
}
