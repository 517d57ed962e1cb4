/**
 * `parse_statement`: a bank statement (PDF, CSV, OFX/QFX) or CMS document in; its transactions or CMS ledger
 * entries out, with the account details (masked), the checks that could be made, warnings and a confidence.
 * The summary is always complete; the rows come a page at a time.
 * @module
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import { CMS_ENTRY_TYPES, CREDITORS, DIRECTIONS } from '../calc/ledger/entries.ts';
import { Dec, pounds, groupedCount } from '../calc/money.ts';
import { ENFORCEMENT_ACTIONS } from '../calc/scheme-2012/parameters.ts';
import { DOCUMENT_KINDS, FORMATS, LIMITS, MappingError, ParseError, parseDocument, type ParseResult } from '../statements/index.ts';
import { BALANCE_COMPONENTS, SCHEDULE_STATUSES, type SourceLocation } from '../statements/types.ts';
import { readAllowedFile } from './local-files.ts';
import { describePage, inputHash, pageInput, pageOutput, pageSpan, type CursorKind } from './paging.ts';
import { civilDate, leanOutput, moneyOut, strictObject } from './schemas.ts';
import { plural } from './words.ts';
import { defineTool, type ToolContext } from './tool.ts';
import { stage, untilCancelled } from './progress.ts';

/** A document comes as contentBase64 or, to a local Reckoner, as a path: exactly one of the two. */
export function oneDocumentSource(input: { contentBase64?: unknown; path?: unknown }, ctx: z.RefinementCtx): void {
  if ((input.contentBase64 === undefined) === (input.path === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [input.contentBase64 === undefined ? 'contentBase64' : 'path'],
      message:
        input.contentBase64 === undefined
          ? 'is missing; send the file as contentBase64 (or, to a local Reckoner, its path)'
          : 'give either contentBase64 or path, not both',
    });
  }
}

/** The cursor kind of this tool's pages. (paging.ts names the kinds; see the report on wiring.) */
const PARSE_CURSOR = 'parse' as CursorKind;

/** Longest base64 text accepted: a file of the largest size, plus room for line breaks and a data: prefix. */
const MAX_BASE64_CHARS = Math.ceil(LIMITS.maxBytes / 3) * 4 + 1024 * 1024;

const column = z
  .union([z.string().min(1, 'a column name must not be empty').max(200), z.int().min(0, 'a column position counts from 0').max(999)], {
    error: 'must be a column name from the header (a string) or a column position counting from 0 (a whole number)',
  })
  .meta({ id: 'column', description: 'Header name, or position from 0' });

export const csvMappingInput = strictObject({
  date: column,
  description: column,
  amount: column.optional().describe('Signed (or with direction: DR/CR); or paidOut, paidIn'),
  paidOut: column.optional(),
  paidIn: column.optional(),
  direction: column.optional(),
  balance: column.optional(),
  reference: column.optional(),
  dateFormat: z.string().min(1).max(40).optional().describe('Default "DD/MM/YYYY"; or "YYYY-MM-DD", "D MMM YYYY" …'),
})
  .superRefine((m, ctx) => {
    if (m.amount !== undefined && (m.paidOut !== undefined || m.paidIn !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'give either amount (one signed column) or paidOut and paidIn (two columns), not both',
      });
    }
    if (m.direction !== undefined && m.amount === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message: 'goes with amount (one column printed unsigned), not with paidOut and paidIn, whose columns already say which way',
      });
    }
    if (m.amount === undefined && m.paidOut === undefined && m.paidIn === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'is missing; give amount (one signed column) or paidOut and paidIn (two columns)',
      });
    }
  })
  .describe('For a CSV layout Reckoner does not know');

/** Everything but the document itself: shared with the HTTP upload route. */
export const parseOptionsShape = {
  filename: z.string().max(255, 'filename must be at most 255 characters').optional().describe('For messages only'),
  password: z.string().max(1024).optional().describe('Of an encrypted PDF'),
  hint: z.enum(DOCUMENT_KINDS).optional().describe('What you believe it is; detection still checks'),
  csvMapping: csvMappingInput.optional(),
  page: pageInput,
};

export const parseStatementInput = strictObject({
  contentBase64: z
    .string()
    .max(MAX_BASE64_CHARS, `contentBase64 is longer than a ${LIMITS.maxBytes / 1024 / 1024} MiB file; split the document`)
    .optional()
    .describe(`The file, base64 (at most ${LIMITS.maxBytes / 1024 / 1024} MiB); or give path`),
  path: z.string().min(1, 'path must not be empty').max(4096).optional().describe('A file on this computer (local Reckoner only)'),
  ...parseOptionsShape,
}).superRefine(oneDocumentSource);

export type ParseStatementInput = z.infer<typeof parseStatementInput>;

const sourceOutput = z
  .object({
    page: z.int().min(1).optional().describe('PDF only: the page, counting from 1'),
    line: z
      .int()
      .min(1)
      .describe(
        'PDF: the line on the page, counting every line of text from the top; CSV: the line of the file; OFX: the transaction number',
      ),
  })
  .describe('Where the row is printed, so it can be cited ("page 3, line 14")');

const transactionOutput = z.object({
  date: civilDate,
  description: z.string(),
  amount: moneyOut.describe('Positive; direction says which way'),
  direction: z.enum(DIRECTIONS).describe('out: money left the account; in: money came in'),
  balance: moneyOut.optional().describe('The running balance printed after this row (negative when overdrawn)'),
  reference: z.string().optional().describe('The reference or transaction id (OFX FITID, Monzo transaction id …)'),
  fingerprint: z.string().describe('The same for the same transaction when the statement is imported again'),
  source: sourceOutput.optional(),
});

const cmsEntryOutput = z.object({
  date: civilDate,
  type: z.enum(CMS_ENTRY_TYPES),
  amount: moneyOut,
  description: z.string(),
  reference: z.string().optional(),
  chargeType: z
    .enum(ENFORCEMENT_ACTIONS)
    .optional()
    .describe('An enforcement_charge: the action it is for (deduction_from_earnings_order, liability_order …), when the line names one'),
  fingerprint: z.string(),
  source: sourceOutput.optional(),
  outsidePeriod: z.literal(true).optional().describe('Dated outside the period the document prints (a warning says which)'),
  status: z.enum(SCHEDULE_STATUSES).optional().describe('A payment schedule’s Status column for the instalment'),
  fromSchedule: z.literal(true).optional().describe('A payment schedule’s line (what falls due): reconcile_ledger reads it so'),
});

const balancesOutput = z
  .object({
    maintenanceArrears: moneyOut.optional().describe('Maintenance arrears owed, as the summary prints them'),
    collectionFees: moneyOut.optional().describe('Collection fees owed'),
    enforcementCharges: moneyOut.optional().describe('Enforcement charges owed'),
    total: moneyOut.optional().describe('The total owed, as printed'),
    byCreditor: z
      .array(z.object({ balance: z.enum(BALANCE_COMPONENTS), creditor: z.enum(CREDITORS), amount: moneyOut }))
      .optional()
      .describe('Where the summary says who a balance is owed to: each part as printed'),
  })
  .describe(
    'A CMS statement: what its summary says is owed, by component (arrears, fees and enforcement charges are separate balances); negative is in credit',
  );

const paymentPlanOutput = z
  .object({
    catchUp: z
      .array(z.object({ dueDate: civilDate, amount: moneyOut }))
      .describe('The arrears part of each instalment that has one, by due date: paymentPlan.catchUp for build_liability_schedule'),
  })
  .describe('A CMS payment schedule: its arrears column, the payment plan by which arrears already owed are collected');

const metadataOutput = z
  .object({
    issuer: z.string().optional().describe('The bank or issuer'),
    layout: z.string().describe('The layout read, e.g. monzo_csv, nationwide_statement_csv, ofx_sgml, custom_csv'),
    accountHolder: z.string().optional(),
    accountNumberMasked: z.string().optional().describe('Only the last four digits, e.g. ****1234'),
    sortCodeMasked: z.string().optional().describe('e.g. **-**-56'),
    caseReference: z.string().optional(),
    periodStart: civilDate.optional(),
    periodEnd: civilDate.optional(),
    openingBalance: moneyOut.optional().describe('The balance before the first transaction'),
    closingBalance: moneyOut.optional().describe('The balance after the last transaction'),
    totalPaidIn: moneyOut.optional(),
    totalPaidOut: moneyOut.optional(),
    pages: z.int().optional(),
    balances: balancesOutput.optional(),
    paymentPlan: paymentPlanOutput.optional(),
  })
  .describe('What the document says about itself; account numbers are masked');

const checksOutput = z
  .object({
    runningBalance: z
      .enum(['ok', 'failed', 'not_available'])
      .describe('Whether each printed balance equals the previous one plus or minus the row'),
    firstBreak: z
      .object({ row: z.int().describe('The transaction, counting from 0'), date: civilDate, expected: moneyOut, printed: moneyOut })
      .optional()
      .describe('Where the running balance first fails'),
    totals: z.enum(['ok', 'failed', 'not_available']).describe('Whether the printed totals and closing balance agree with the rows'),
    totalsDetail: z.string().optional(),
  })
  .describe('What could be checked, and whether it held');

export const parseStatementOutput = z.object({
  kind: z.enum(DOCUMENT_KINDS).describe('What the document is'),
  format: z.enum(FORMATS),
  metadata: metadataOutput,
  checks: checksOutput,
  warnings: z.array(z.string()).describe('What the reader was unsure of or had to work around'),
  confidence: z.number().min(0).max(1).describe('0 to 1: how sure the reader is of the whole result'),
  counts: z.object({ transactions: z.int(), cmsEntries: z.int() }).describe('Rows in the whole document, not just this page'),
  page: pageOutput.describe('The detail is one stream, in order: transactions (oldest first), then CMS entries'),
  transactions: z.array(transactionOutput).describe('This page’s bank transactions, oldest first'),
  cmsEntries: z.array(cmsEntryOutput).describe('This page’s CMS ledger entries'),
});

export type ParseStatementOutput = z.infer<typeof parseStatementOutput>;

/**
 * What a field adds to a row's JSON besides its value: `"key":` and a comma. (A row's JSON is `{`, its fields with a
 * comma between each, `}`: two characters, and one fewer comma than fields.)
 */
const field = (key: string): number => key.length + 4;
const F = {
  date: field('date'),
  description: field('description'),
  amount: field('amount'),
  direction: field('direction'),
  balance: field('balance'),
  reference: field('reference'),
  fingerprint: field('fingerprint'),
  source: field('source'),
  type: field('type'),
  chargeType: field('chargeType'),
  outsidePeriod: field('outsidePeriod'),
  status: field('status'),
  fromSchedule: field('fromSchedule'),
  page: field('page'),
  line: field('line'),
} as const;

/**
 * The fields of each kind of row, each sized below: a field added to a row's type must be sized too (tsc fails here
 * until it is listed), and test/server/parse-pages.test.ts holds this list to the output schema's.
 */
export const SIZED_FIELDS = {
  transactions: {
    date: true,
    description: true,
    amount: true,
    direction: true,
    balance: true,
    reference: true,
    fingerprint: true,
    source: true,
  } satisfies Record<keyof ParseResult['transactions'][number], true>,
  cmsEntries: {
    date: true,
    type: true,
    amount: true,
    description: true,
    reference: true,
    chargeType: true,
    fingerprint: true,
    source: true,
    outsidePeriod: true,
    status: true,
  } satisfies Record<keyof ParseResult['cmsEntries'][number], true>,
} as const;

/** A JSON string with no escapes: the text and two quotes. */
const q = (text: string): number => text.length + 2;
const sourceLength = (s: SourceLocation): number =>
  1 + F.line + String(s.line).length + (s.page === undefined ? 0 : F.page + String(s.page).length);

/**
 * The length of a row's JSON if its free text (description, reference) needs no escape. Every other string is one
 * Reckoner writes, in a form JSON never escapes: a date YYYY-MM-DD, money -?d+.dd, a name from a list (direction,
 * type, chargeType, status), a SHA-256 in hex (fingerprint).
 */
function transactionLength(t: ParseResult['transactions'][number]): number {
  return (
    1 +
    F.date +
    q(t.date) +
    F.description +
    q(t.description) +
    F.amount +
    q(t.amount) +
    F.direction +
    q(t.direction) +
    (t.balance === undefined ? 0 : F.balance + q(t.balance)) +
    (t.reference === undefined ? 0 : F.reference + q(t.reference)) +
    F.fingerprint +
    q(t.fingerprint) +
    (t.source === undefined ? 0 : F.source + sourceLength(t.source))
  );
}

function cmsEntryLength(e: ParseResult['cmsEntries'][number], fromSchedule: boolean): number {
  return (
    1 +
    F.date +
    q(e.date) +
    F.type +
    q(e.type) +
    F.amount +
    q(e.amount) +
    F.description +
    q(e.description) +
    (e.reference === undefined ? 0 : F.reference + q(e.reference)) +
    (e.chargeType === undefined ? 0 : F.chargeType + q(e.chargeType)) +
    F.fingerprint +
    q(e.fingerprint) +
    (e.source === undefined ? 0 : F.source + sourceLength(e.source)) +
    (e.outsidePeriod === undefined ? 0 : F.outsidePeriod + 4) +
    (e.status === undefined ? 0 : F.status + q(e.status)) +
    (fromSchedule ? F.fromSchedule + 4 : 0)
  );
}

/** A character JSON may write escaped: a control character, a quote, a backslash, a surrogate (JSON escapes a lone one). */
const ESCAPED = /[\u0000-\u001f"\\\ud800-\udfff]/;
/** Rows whose free text is tested at once: one regular-expression test over their text joined, not one a row. */
const BATCH = 1024;

/** What escapes add to a text's JSON: nothing for most. */
const escapes = (text: string | undefined): number =>
  text === undefined || !ESCAPED.test(text) ? 0 : JSON.stringify(text).length - q(text);

/**
 * The length of each row's JSON, as `JSON.stringify` of the row on the page gives it, without writing it: from the
 * lengths of its fields, and for a batch of rows whose free text holds a character JSON may escape, what each row's
 * escapes add.
 */
function rowLengths<R extends { readonly description: string; readonly reference?: string }>(
  rows: readonly R[],
  lengthIfPlain: (row: R) => number,
  out: Uint32Array,
  at: number,
): void {
  for (let from = 0; from < rows.length; from += BATCH) {
    const to = Math.min(from + BATCH, rows.length);
    let text = '';
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      text += row.description;
      if (row.reference !== undefined) text += row.reference;
      out[at + i] = lengthIfPlain(row);
    }
    if (ESCAPED.test(text)) {
      for (let i = from; i < to; i++) out[at + i] = out[at + i]! + escapes(rows[i]!.description) + escapes(rows[i]!.reference);
    }
  }
}

/** The metadata as plain JSON (its lists copied). */
function metadataJson(m: ParseResult['metadata']): ParseStatementOutput['metadata'] {
  const { balances, paymentPlan, ...rest } = m;
  const { byCreditor, ...components } = balances ?? {};
  return {
    ...rest,
    ...(balances ? { balances: { ...components, ...(byCreditor ? { byCreditor: byCreditor.map((p) => ({ ...p })) } : {}) } } : {}),
    ...(paymentPlan ? { paymentPlan: { catchUp: paymentPlan.catchUp.map((c) => ({ ...c })) } } : {}),
  };
}

/** The JSON form of a parse result, with one page of its rows. */
export function toJson(result: ParseResult, hash: string, page: z.infer<typeof pageInput>): ParseStatementOutput {
  const summary = {
    kind: result.kind,
    format: result.format,
    metadata: metadataJson(result.metadata),
    checks: { ...result.checks, ...(result.checks.firstBreak ? { firstBreak: { ...result.checks.firstBreak } } : {}) },
    warnings: [...result.warnings],
    confidence: result.confidence,
    counts: { transactions: result.transactions.length, cmsEntries: result.cmsEntries.length },
  };
  // The page is found from each row's JSON length, counted without writing the rows; only the page's rows are copied.
  const schedule = result.kind === 'cms_payment_schedule';
  const rows = result.transactions.length;
  const lengths = new Uint32Array(rows + result.cmsEntries.length);
  rowLengths(result.transactions, transactionLength, lengths, 0);
  rowLengths(result.cmsEntries, (e) => cmsEntryLength(e, schedule), lengths, rows);
  const {
    offset,
    end,
    page: pageOut,
  } = pageSpan(lengths, { kind: PARSE_CURSOR, hash, page, summaryChars: JSON.stringify(summary).length });
  return {
    ...summary,
    page: pageOut,
    transactions: result.transactions.slice(Math.min(offset, rows), Math.min(end, rows)).map((item) => ({ ...item })),
    // A payment schedule's lines say so, so reconcile_ledger given them beside a statement's does not count them twice.
    cmsEntries: result.cmsEntries
      .slice(Math.max(offset - rows, 0), Math.max(end - rows, 0))
      .map((item) => (schedule ? { ...item, fromSchedule: true as const } : { ...item })),
  };
}

/** The document's bytes from base64 text. */
export function decodeBase64(text: string): Uint8Array {
  let s = text.trim();
  const dataUrl = /^data:[^,]{0,200};base64,/i.exec(s);
  if (dataUrl) s = s.slice(dataUrl[0].length);
  s = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s) || s.length % 4 === 1) {
    throw new InputError('contentBase64', 'is not base64; encode the file’s bytes as base64 (for example with `base64 -w0 statement.pdf`)');
  }
  if (Math.floor((s.replace(/=+$/, '').length * 3) / 4) > LIMITS.maxBytes) {
    throw new ParseError(
      'too_large',
      `The document is larger than ${LIMITS.maxBytes / 1024 / 1024} MiB, the most that can be read. Split it (for example one file per year), or export a CSV.`,
    );
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/**
 * A local file's bytes, for a stdio server only, from the folders the client shares (roots) or the user
 * lists (RECKONER_FILES_DIR); at most a document's largest size (see local-files.ts).
 */
export async function readLocalFile(path: string, context: ToolContext): Promise<Uint8Array> {
  return readAllowedFile(path, context, {
    maxBytes: LIMITS.maxBytes,
    tooLarge: () =>
      new ParseError(
        'too_large',
        `The document is larger than ${groupedCount(LIMITS.maxBytes)} bytes (${LIMITS.maxBytes / 1024 / 1024} MiB), the most that can be read. Split it, or export a CSV.`,
      ),
    notLocal:
      'cannot be read here: this Reckoner is not on your computer (HTTP), so it cannot open your files. Send the file itself as contentBase64, or upload it to POST /api/v1/parse-statement',
  });
}

/** The options of a parse other than the document: what {@link parseBytes} takes. */
export type ParseOptionsInput = Omit<ParseStatementInput, 'contentBase64' | 'path'>;

/**
 * Parses a document's bytes and shapes one page of the result. The cursor hash covers the document's content
 * and the options that change the result, so a cursor works however the same file is sent (base64, path or upload).
 */
export async function parseBytes(
  bytes: Uint8Array,
  options: ParseOptionsInput,
  signal?: AbortSignal,
  owner?: string,
): Promise<ParseStatementOutput> {
  const { page, filename, password, hint, csvMapping } = options;
  const hash = inputHash({ document: createHash('sha256').update(bytes).digest('hex'), hint, csvMapping });
  let result: ParseResult;
  try {
    result = await parseDocument(
      {
        bytes,
        ...(filename === undefined ? {} : { filename }),
        ...(password === undefined ? {} : { password }),
        ...(hint === undefined ? {} : { hint }),
        ...(csvMapping === undefined ? {} : { csvMapping }),
      },
      {},
      signal,
      owner,
    );
  } catch (e) {
    // A mistake in csvMapping names its field; other parse errors keep their own code (toFailure maps ParseError).
    if (e instanceof MappingError) throw new InputError(e.problems);
    throw e;
  }
  return toJson(result, hash, page);
}

const KIND_WORDS: Record<ParseResult['kind'], string> = {
  bank_statement: 'bank statement',
  cms_statement: 'CMS statement of account',
  cms_payment_schedule: 'CMS payment schedule',
};

export const parseStatementTool = defineTool({
  name: 'parse_statement',
  title: 'Read a bank statement or CMS document',
  description:
    'Reads a bank statement (PDF, CSV, OFX) or a CMS statement or payment schedule (PDF) into its rows, each citing ' +
    'where it is printed, the running balance checked (a page at a time).',
  inputSchema: parseStatementInput,
  // Lean: the rows by name; the text gives the counts, checks and first rows.
  outputSchema: leanOutput(parseStatementOutput, ['kind', 'format', 'counts', 'page', 'transactions', 'cmsEntries', 'warnings']),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const { contentBase64, path, ...options } = input;
    const bytes = contentBase64 !== undefined ? decodeBase64(contentBase64) : await readLocalFile(path!, context);
    // Progress by stage (tools/progress.ts): the worker reports nothing until the whole document is read.
    stage(context, 1, 3, `Received the document (${groupedCount(bytes.length)} bytes); reading it`);
    const out = await untilCancelled(context, parseBytes(bytes, options, context?.signal, context?.owner));
    const rows =
      out.kind === 'bank_statement'
        ? plural(out.counts.transactions, 'transaction')
        : plural(out.counts.cmsEntries, 'CMS entry', 'CMS entries');
    stage(
      context,
      2,
      3,
      `Read ${out.metadata.pages === undefined ? 'the document' : plural(out.metadata.pages, 'page')}: ${rows}; checking`,
    );
    stage(context, 3, 3, 'Done');
    return out;
  },
  summarize: (out) => {
    const m = out.metadata;
    const rows =
      out.kind === 'bank_statement'
        ? plural(out.counts.transactions, 'transaction')
        : plural(out.counts.cmsEntries, 'CMS entry', 'CMS entries');
    const account = [m.sortCodeMasked, m.accountNumberMasked].filter(Boolean).join(' ');
    const lines = [
      `Read a ${KIND_WORDS[out.kind]} (${out.format.toUpperCase()}, ${m.issuer ? `${m.issuer}, ` : ''}layout ${m.layout}): ${rows}` +
        (m.periodStart && m.periodEnd ? `, ${m.periodStart} to ${m.periodEnd}` : '') +
        (account ? `; account ${account}` : '') +
        (m.caseReference ? `; CMS case ${m.caseReference}` : '') +
        '.',
    ];
    const balances = [
      m.openingBalance === undefined ? '' : `opening balance ${pounds(new Dec(m.openingBalance))}`,
      m.closingBalance === undefined ? '' : `closing balance ${pounds(new Dec(m.closingBalance))}`,
    ].filter(Boolean);
    if (balances.length > 0) {
      const line = balances.join(', ');
      lines.push(`${line[0]!.toUpperCase()}${line.slice(1)}.`);
    }
    const b = m.balances;
    if (b) {
      const owed = (label: string, amount: string | undefined) => (amount === undefined ? [] : [`${label} ${pounds(new Dec(amount))}`]);
      const parts = [
        ...owed('maintenance arrears', b.maintenanceArrears),
        ...owed('collection fees', b.collectionFees),
        ...owed('enforcement charges', b.enforcementCharges),
        ...owed('total', b.total),
      ];
      if (parts.length > 0) lines.push(`CMS's balances by component: ${parts.join(', ')}.`);
    }
    const plan = m.paymentPlan?.catchUp ?? [];
    if (plan.length > 0) {
      const arrears = plan.reduce((sum, p) => sum.plus(p.amount), new Dec(0));
      lines.push(
        `Payment plan: ${pounds(arrears)} of arrears collected in ${plan.length} instalment${plan.length === 1 ? '' : 's'}, ${plan[0]!.dueDate} to ${plan[plan.length - 1]!.dueDate} (metadata.paymentPlan).`,
      );
    }
    const c = out.checks;
    if (c.runningBalance === 'ok') lines.push('Running balance: adds up on every row.');
    else if (c.runningBalance === 'failed' && c.firstBreak) {
      lines.push(
        `Running balance: does NOT add up; first at row ${c.firstBreak.row + 1} (${c.firstBreak.date}): expected ${pounds(new Dec(c.firstBreak.expected))}, printed ${pounds(new Dec(c.firstBreak.printed))}.`,
      );
    } else lines.push('Running balance: cannot be checked (the document shows no running balance).');
    if (c.totals !== 'not_available')
      lines.push(
        `Printed totals: ${c.totals === 'ok' ? 'agree with the rows' : 'do NOT agree with the rows'}${c.totalsDetail ? ` (${c.totalsDetail})` : ''}.`,
      );
    lines.push(`Confidence: ${out.confidence.toFixed(2)}.`);
    for (const w of out.warnings) lines.push(`Note: ${w}`);
    lines.push(`Detail: ${describePage(out.page)}.`);
    return lines.join('\n');
  },
});
