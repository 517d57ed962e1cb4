/**
 * Evidence of money paid that no bank statement shows (calc/ledger EvidenceInput): payslip deductions, benefit
 * deductions and payments the parent declares, typed in; each once per case by its content (typed.ts).
 * @module
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import { EVIDENCE_TYPES } from '../../calc/ledger/entries.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import type { CaseStore, EvidenceItemInput, StoredEvidence } from '../types.ts';
import { checkCaseId, civilDate, list, MAX_TEXT, moneyText, oneOf, optionalText, record, rowText } from './check.ts';
import type { Context } from './context.ts';
import { evidenceOf, evidenceRow, opt, type EvidenceValues } from './rows.ts';
import { heldRows, refuseOverLimit } from './limits.ts';
import { batches, insertNew, type Database } from './sql.ts';
import { contentFingerprint, MAX_TYPED, occurrenceOf, refuseRepeats } from './typed.ts';

const FIELDS = ['type', 'date', 'amount', 'from', 'description', 'reference', 'source', 'occurrence'] as const;
const SHAPE = 'an item of evidence';

/** Evidence items, checked and fingerprinted; errors name `evidence[i].…`. */
export function checkEvidence(items: readonly EvidenceItemInput[]): EvidenceValues[] {
  const rows = list('evidence', items, MAX_TYPED).map((item, i): EvidenceValues => {
    const f = `evidence[${i}]`;
    const x = record(f, item, SHAPE, FIELDS);
    const type = oneOf(`${f}.type`, x.type, EVIDENCE_TYPES);
    const date = civilDate(`${f}.date`, x.date);
    const amount = moneyText(`${f}.amount`, x.amount, { negative: false });
    const from = optionalText(`${f}.from`, x.from, 200);
    const description = rowText(`${f}.description`, x.description, MAX_TEXT);
    const reference = optionalText(`${f}.reference`, x.reference, 200);
    const source = optionalText(`${f}.source`, x.source, 500);
    const occurrence = occurrenceOf(`${f}.occurrence`, x.occurrence);
    // `source` (where it is shown) is a note about the item, not part of it: the same deduction cited from
    // another copy of the payslip is the same deduction.
    const fingerprint = contentFingerprint('evidence', [type, date, amount, from, description, reference, occurrence]);
    return {
      fingerprint,
      type,
      date,
      amount,
      ...opt('from', from),
      ...(description === '' ? {} : { description }),
      ...opt('reference', reference),
      ...opt('source', source),
    };
  });
  refuseRepeats(
    'evidence',
    rows.map((r) => r.fingerprint),
    'item',
    'type, date, amount, from, description and reference',
  );
  return rows;
}

export async function readEvidence(ex: Database, caseId: string, s: Sealer): Promise<StoredEvidence[]> {
  const rows = await ex
    .select()
    .from(t.evidence)
    .where(eq(t.evidence.caseId, caseId))
    .orderBy(asc(t.evidence.date), asc(t.evidence.createdAt), asc(t.evidence.fingerprint));
  return rows.map((r) => evidenceOf(r, s));
}

/** Rows of the case with these fingerprints, by fingerprint. */
async function byFingerprint(
  ex: Database,
  caseId: string,
  fingerprints: readonly string[],
  s: Sealer,
): Promise<Map<string, StoredEvidence>> {
  const found = new Map<string, StoredEvidence>();
  for (const batch of batches(fingerprints)) {
    const rows = await ex
      .select()
      .from(t.evidence)
      .where(and(eq(t.evidence.caseId, caseId), inArray(t.evidence.fingerprint, batch)));
    for (const r of rows) found.set(r.fingerprint, evidenceOf(r, s));
  }
  return found;
}

export function evidenceOperations(cx: Context): Pick<CaseStore, 'addEvidence' | 'evidence'> {
  return {
    addEvidence: (caseId, items) =>
      cx.run('Adding the evidence', async () => {
        const id = checkCaseId(caseId);
        const values = checkEvidence(items);
        if (values.length === 0) throw new InputError('evidence', 'give at least one item');
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          const held = await heldRows(tx, id, 'evidence');
          let added = 0;
          for (const batch of batches(values)) {
            // Every row with the same keys (insertNew needs it): the mapper gives null for what is absent.
            const rows = batch.map((e) => {
              const { caseId: _caseId, ...row } = evidenceRow(id, e, s);
              return row;
            });
            added += await insertNew(tx, t.evidence, rows, {
              conflict: [t.evidence.caseId, t.evidence.fingerprint],
              constants: { caseId: id },
            });
          }
          refuseOverLimit('evidence', 'evidence', held, added);
          const stored = await byFingerprint(
            tx,
            id,
            values.map((v) => v.fingerprint),
            s,
          );
          // Audited either way (the audit log says who tried what); "re-added" when nothing was new.
          await cx.audit(tx, id, added > 0 ? 'evidence_added' : 'evidence_readded');
          return { new: added, alreadyThere: values.length - added, rows: values.map((v) => stored.get(v.fingerprint)!) };
        });
      }),

    evidence: (caseId) =>
      cx.run('Reading the evidence', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => readEvidence(tx, id, (await cx.findCase(tx, id)).s));
      }),
  };
}
