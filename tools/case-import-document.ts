/**
 * `import_document`: a bank statement or CMS document read and stored in a case, in one transaction: the
 * rows that are new are added, the rows already there (the same fingerprint, from this file or an
 * overlapping one) are left as they were, and the result says how many of each.
 * @module
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { InputError } from '../calc/errors.ts';
import {
  DOCUMENT_KINDS,
  FORMATS,
  LIMITS,
  MappingError,
  parseDocument,
  type CsvMapping,
  type DocumentKind,
  type ParseResult,
} from '../statements/index.ts';
import type { CaseStore, ImportResult } from '../store/types.ts';
import { caseId, storeOf } from './case-common.ts';
import { csvMappingInput, decodeBase64, oneDocumentSource, readLocalFile } from './parse-statement.ts';
import { leanOutput, sameAs, strictObject } from './schemas.ts';
import { plural } from './words.ts';
import { defineTool } from './tool.ts';
import { checkCancelled, stage, untilCancelled, type Progressing } from './progress.ts';
import { groupedCount } from '../calc/money.ts';

const MAX_BASE64_CHARS = Math.ceil(LIMITS.maxBytes / 3) * 4 + 1024 * 1024;

export interface ImportDocumentOptions {
  readonly filename?: string;
  readonly password?: string;
  readonly hint?: DocumentKind;
  readonly csvMapping?: CsvMapping;
  /** Keep the original file with the document (it is then in export_case too). */
  readonly keepOriginal?: boolean;
}

/** Parses a document's bytes and imports the result into a case: parseDocument, then importParsed. */
export async function importDocument(
  store: CaseStore,
  caseId: string,
  bytes: Uint8Array,
  options: ImportDocumentOptions = {},
  context?: Progressing,
): Promise<{ readonly parsed: ParseResult; readonly result: ImportResult }> {
  let parsed: ParseResult;
  stage(context, 1, 3, `Received the document (${groupedCount(bytes.length)} bytes); reading it`);
  try {
    parsed = await untilCancelled(
      context,
      parseDocument(
        {
          bytes,
          ...(options.filename === undefined ? {} : { filename: options.filename }),
          ...(options.password === undefined ? {} : { password: options.password }),
          ...(options.hint === undefined ? {} : { hint: options.hint }),
          ...(options.csvMapping === undefined ? {} : { csvMapping: options.csvMapping }),
        },
        {},
        context?.signal,
        context?.owner,
      ),
    );
  } catch (e) {
    if (e instanceof MappingError) throw new InputError(e.problems);
    throw e;
  }
  const rows =
    parsed.kind === 'bank_statement'
      ? plural(parsed.transactions.length, 'transaction')
      : plural(parsed.cmsEntries.length, 'CMS entry', 'CMS entries');
  stage(context, 2, 3, `Read ${rows}; adding the new ones to the case`);
  // The last moment to stop: the import is one transaction, all of it kept or none.
  checkCancelled(context);
  const result = await store.importParsed(
    caseId,
    {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      ...(options.filename === undefined ? {} : { filename: options.filename }),
      ...(options.keepOriginal ? { original: bytes } : {}),
    },
    parsed,
  );
  stage(context, 3, 3, 'Imported');
  return { parsed, result };
}

export const importDocumentInput = strictObject({
  caseId,
  contentBase64: z
    .string()
    .max(MAX_BASE64_CHARS, `contentBase64 is longer than a ${LIMITS.maxBytes / 1024 / 1024} MiB file; split the document`)
    .optional()
    .describe('The file, base64; or give path'),
  path: z.string().min(1, 'path must not be empty').max(4096).optional().describe('A file on this computer (local Reckoner only)'),
  filename: z.string().max(255, 'filename must be at most 255 characters').optional().describe('To recognise it later'),
  password: z.string().max(1024).optional().describe('Of an encrypted PDF (not stored)'),
  hint: z.enum(DOCUMENT_KINDS).optional(),
  csvMapping: sameAs(csvMappingInput, 'Unrecognised CSV layout: as parse_statement takes it').optional(),
  keepOriginal: z.boolean().optional().describe('Keep the file itself too'),
}).superRefine(oneDocumentSource);

const rowCounts = z.object({
  new: z.int().describe('Rows this import added'),
  alreadyThere: z.int().describe('Rows the case already had (the same fingerprint), left as they were'),
});

export const importDocumentOutput = z.object({
  caseId: z.string(),
  documentId: z.string(),
  documentAlreadyImported: z.boolean().describe('True if this very file had been imported into the case before'),
  kind: z.enum(DOCUMENT_KINDS),
  format: z.enum(FORMATS),
  filename: z.string().optional(),
  layout: z.string().describe('The layout read, e.g. monzo_csv'),
  issuer: z.string().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  new: z.int().describe('Bank transactions and CMS entries added'),
  alreadyThere: z.int().describe('Bank transactions and CMS entries the case already had'),
  transactions: rowCounts,
  cmsEntries: rowCounts,
  checks: z.object({
    runningBalance: z.enum(['ok', 'failed', 'not_available']),
    totals: z.enum(['ok', 'failed', 'not_available']),
  }),
  warnings: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  originalKept: z.boolean(),
});

export type ImportDocumentOutput = z.infer<typeof importDocumentOutput>;

const KIND_WORDS: Record<DocumentKind, string> = {
  bank_statement: 'bank statement',
  cms_statement: 'CMS statement',
  cms_payment_schedule: 'CMS payment schedule',
};

export const importDocumentTool = defineTool({
  name: 'import_document',
  title: 'Import a statement into a case',
  description:
    'Reads a statement as parse_statement does and keeps its rows in a case, all or nothing; a repeated import adds only ' +
    'rows the case lacked.',
  inputSchema: importDocumentInput,
  // Lean: what was added, by name; the text says it in words.
  outputSchema: leanOutput(importDocumentOutput, ['documentId', 'kind', 'new', 'alreadyThere', 'warnings']),
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false, destructiveHint: false },
  handler: async (input, context): Promise<ImportDocumentOutput> => {
    const { contentBase64, path, caseId: id, keepOriginal, ...options } = input;
    const store = await storeOf(context);
    const bytes = contentBase64 !== undefined ? decodeBase64(contentBase64) : await readLocalFile(path!, context);
    const { parsed, result } = await importDocument(store, id, bytes, { ...options, keepOriginal: keepOriginal === true }, context);
    const m = parsed.metadata;
    return {
      caseId: result.caseId,
      documentId: result.documentId,
      documentAlreadyImported: result.documentAlreadyImported,
      kind: parsed.kind,
      format: parsed.format,
      ...(options.filename === undefined ? {} : { filename: options.filename }),
      layout: m.layout,
      ...(m.issuer === undefined ? {} : { issuer: m.issuer }),
      ...(m.periodStart === undefined ? {} : { periodStart: m.periodStart }),
      ...(m.periodEnd === undefined ? {} : { periodEnd: m.periodEnd }),
      new: result.new,
      alreadyThere: result.alreadyThere,
      transactions: { ...result.transactions },
      cmsEntries: { ...result.cmsEntries },
      checks: { runningBalance: parsed.checks.runningBalance, totals: parsed.checks.totals },
      warnings: [...parsed.warnings],
      confidence: parsed.confidence,
      originalKept: keepOriginal === true,
    };
  },
  summarize: (out) => {
    const rows = out.kind === 'bank_statement' ? out.transactions : out.cmsEntries;
    const [one, many] = out.kind === 'bank_statement' ? ['bank transaction', 'bank transactions'] : ['CMS entry', 'CMS entries'];
    const lines = [
      `${out.documentAlreadyImported ? 'This file was imported before' : 'Imported'}${out.filename ? ` ${out.filename}` : ''} ` +
        `(${KIND_WORDS[out.kind]}, ${out.layout}${out.periodStart ? `, ${out.periodStart} to ${out.periodEnd ?? '?'}` : ''}): ` +
        `${plural(rows.new, `new ${one}`, `new ${many}`)}, ${rows.alreadyThere} already in the case.`,
    ];
    if (out.checks.runningBalance === 'failed') lines.push('The running balance did not add up on every row: check the statement.');
    for (const w of out.warnings) lines.push(`Note: ${w}`);
    return lines.join('\n');
  },
});
