/**
 * Letters and reconciliation runs: what the case service made from the case and keeps.
 *
 * A letter is a draft, a new version at each save of its type, until it is marked sent: once, with the day and
 * how, in the same transaction as the event of its sending (whose deadlines start its clocks). A reconciliation
 * run is the result of one reconciliation with the hash of its input.
 * @module
 */
import { and, asc, desc, eq, getTableColumns, max } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import { StoreError } from '../errors.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import {
  LETTER_METHODS,
  LETTER_CONTENT_MAX_CHARS,
  RUN_RESULT_MAX_CHARS,
  type CaseStore,
  type LetterRecord,
  type LetterSummary,
  type ReconciliationRun,
} from '../types.ts';
import { checkCaseId, checkId, civilDate, jsonObject, optionalOneOf, record, requireText } from './check.ts';
import type { Context } from './context.ts';
import { checkEvent, insertEvent } from './events.ts';
import { letterOf, letterRow, letterSummaryOf, runOf, runRow } from './rows.ts';
import { makeRoom } from './limits.ts';
import type { Database } from './sql.ts';

const LETTER_ID_ADVICE = 'give the id of a letter of this case (get_case lists them)';

/** Every version of every letter, by type then version; with their content or without. */
export async function readLetters(ex: Database, caseId: string, s: Sealer, content: true): Promise<LetterRecord[]>;
export async function readLetters(ex: Database, caseId: string, s: Sealer, content: false): Promise<LetterSummary[]>;
export async function readLetters(ex: Database, caseId: string, s: Sealer, content: boolean): Promise<LetterSummary[]> {
  const where = eq(t.letters.caseId, caseId);
  const order = [asc(t.letters.type), asc(t.letters.version)];
  if (content)
    return (
      await ex
        .select()
        .from(t.letters)
        .where(where)
        .orderBy(...order)
    ).map((r) => letterOf(r, s));
  const { content: _content, ...columns } = getTableColumns(t.letters);
  const rows = await ex
    .select(columns)
    .from(t.letters)
    .where(where)
    .orderBy(...order);
  return rows.map(letterSummaryOf);
}

/** The reconciliation runs, oldest first (an export), or the latest only. */
export async function readRuns(ex: Database, caseId: string, s: Sealer): Promise<ReconciliationRun[]> {
  const r = t.reconciliationRuns;
  const rows = await ex.select().from(r).where(eq(r.caseId, caseId)).orderBy(asc(r.createdAt), asc(r.id));
  return rows.map((row) => runOf(row, s));
}

export async function latestRun(ex: Database, caseId: string, s: Sealer): Promise<ReconciliationRun | undefined> {
  const r = t.reconciliationRuns;
  const [row] = await ex.select().from(r).where(eq(r.caseId, caseId)).orderBy(desc(r.createdAt), desc(r.id)).limit(1);
  return row ? runOf(row, s) : undefined;
}

function noSuchLetter(letterId: string): StoreError {
  return new StoreError('not_found', 'letterId', `there is no letter ${letterId} in this case; ${LETTER_ID_ADVICE}`);
}

export function letterOperations(
  cx: Context,
): Pick<CaseStore, 'saveLetter' | 'markLetterSent' | 'letters' | 'letter' | 'saveReconciliation' | 'latestReconciliation'> {
  async function letters(caseId: string, options: { readonly content: true }): Promise<readonly LetterRecord[]>;
  async function letters(caseId: string, options?: { readonly content?: boolean }): Promise<readonly LetterSummary[]>;
  async function letters(caseId: string, options?: { readonly content?: boolean }): Promise<readonly LetterSummary[]> {
    return cx.run('Reading the letters', async () => {
      const id = checkCaseId(caseId);
      return cx.scoped('case', async (tx) => {
        const { s } = await cx.findCase(tx, id);
        return options?.content === true ? readLetters(tx, id, s, true) : readLetters(tx, id, s, false);
      });
    });
  }

  return {
    saveLetter: (caseId, input) =>
      cx.run('Saving the letter', async () => {
        const id = checkCaseId(caseId);
        const type = requireText('type', input?.type, 100);
        const content = jsonObject('content', input?.content, LETTER_CONTENT_MAX_CHARS);
        if (!content) throw new InputError('content', 'must be the letter');
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          await makeRoom(tx, id, 'letters', 'letter');
          const [last] = await tx
            .select({ v: max(t.letters.version) })
            .from(t.letters)
            .where(and(eq(t.letters.caseId, id), eq(t.letters.type, type)));
          const [row] = await tx
            .insert(t.letters)
            .values(letterRow(id, { type, version: (last?.v ?? 0) + 1, status: 'draft', content }, s))
            .returning();
          await cx.audit(tx, id, 'letter_saved');
          return letterOf(row!, s);
        });
      }),

    markLetterSent: (caseId, letterId, sending, event) =>
      cx.run('Marking the letter sent', async () => {
        const id = checkCaseId(caseId);
        const letter = checkId('letterId', letterId, LETTER_ID_ADVICE);
        const how = record('sending', sending, 'how the letter was sent: { sentOn, method? }', ['sentOn', 'method']);
        const sentOn = civilDate('sending.sentOn', how.sentOn);
        const method = optionalOneOf('sending.method', how.method, LETTER_METHODS);
        const values = checkEvent(event);
        if (values.letterId !== undefined && values.letterId !== letter) {
          throw new InputError('event.letterId', 'must be the letter being marked sent (or left out)');
        }
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          // Only a draft becomes sent: the condition is in the update, so two callers at once cannot both send it.
          const [sent] = await tx
            .update(t.letters)
            .set({ status: 'sent', sentOn, method })
            .where(and(eq(t.letters.id, letter), eq(t.letters.caseId, id), eq(t.letters.status, 'draft')))
            .returning();
          if (!sent) {
            const [there] = await tx
              .select({ id: t.letters.id })
              .from(t.letters)
              .where(and(eq(t.letters.id, letter), eq(t.letters.caseId, id)));
            if (!there) throw noSuchLetter(letter);
            throw new StoreError(
              'conflict',
              'letterId',
              `letter ${letter} was marked sent already; a letter is sent once (to send it again, save it again and mark the new version sent)`,
            );
          }
          await makeRoom(tx, id, 'events', 'event');
          const recorded = await insertEvent(tx, id, { ...values, letterId: letter }, s);
          await cx.audit(tx, id, 'letter_sent');
          return { letter: letterSummaryOf(sent), event: recorded };
        });
      }),

    letters,

    letter: (caseId, letterId) =>
      cx.run('Reading the letter', async () => {
        const id = checkCaseId(caseId);
        const letter = checkId('letterId', letterId, LETTER_ID_ADVICE);
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.findCase(tx, id);
          const [row] = await tx
            .select()
            .from(t.letters)
            .where(and(eq(t.letters.id, letter), eq(t.letters.caseId, id)));
          if (!row) throw noSuchLetter(letter);
          return letterOf(row, s);
        });
      }),

    saveReconciliation: (caseId, input) =>
      cx.run('Saving the reconciliation', async () => {
        const id = checkCaseId(caseId);
        const inputsHash = requireText('inputsHash', input?.inputsHash, 200);
        const result = jsonObject('result', input?.result, RUN_RESULT_MAX_CHARS);
        if (!result) throw new InputError('result', 'must be the reconciliation result');
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          await makeRoom(tx, id, 'reconciliationRuns', 'result');
          const [row] = await tx
            .insert(t.reconciliationRuns)
            .values(runRow(id, { inputsHash, result }, s))
            .returning();
          await cx.audit(tx, id, 'reconciliation_saved');
          return runOf(row!, s);
        });
      }),

    latestReconciliation: (caseId) =>
      cx.run('Reading the reconciliation', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => latestRun(tx, id, (await cx.findCase(tx, id)).s));
      }),
  };
}
