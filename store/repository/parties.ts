/**
 * The people of a case: parties (with their contact details; a withheld address is kept but never shown) and
 * children. Both are given when a case is made, in order, and read back in that order.
 * @module
 */
import { and, asc, eq } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import { PARTY_ROLES, type CaseStore, type ChildInput, type PartyChanges, type PartyInput } from '../types.ts';
import { checkCaseId, checkId, list, oneOf, optionalDate, optionalNiNumber, optionalText, requireText } from './check.ts';
import {
  childOf,
  childRow,
  opt,
  partyOf,
  partyRow,
  shownParty,
  type ChildRecord,
  type ChildValues,
  type PartyRecord,
  type PartyValues,
} from './rows.ts';
import type { Context } from './context.ts';
import { StoreError } from '../errors.ts';
import type { Database } from './sql.ts';

export const MAX_PARTIES = 20;
export const MAX_CHILDREN = 20;
const PARTY_ID_ADVICE = 'get_case lists the case’s parties with their ids';

/**
 * One party's values, checked; a refusal names the field after `at` (`parties[0].` in a new case's list, nothing
 * for a party added or changed on its own, whose fields are the call's own).
 */
function checkParty(at: string, p: PartyInput): PartyValues {
  if (p === null || typeof p !== 'object') throw new InputError(at.replace(/\.$/, '') || 'party', 'must be { role, name, … }');
  const f = (name: string) => `${at}${name}`;
  const email = optionalText(f('email'), p.email, 320);
  const phone = optionalText(f('phone'), p.phone, 50);
  const address = optionalText(f('address'), p.address, 1000);
  const dateOfBirth = optionalDate(f('dateOfBirth'), p.dateOfBirth);
  const nationalInsuranceNumber = optionalNiNumber(f('nationalInsuranceNumber'), p.nationalInsuranceNumber);
  return {
    role: oneOf(f('role'), p.role, PARTY_ROLES),
    name: requireText(f('name'), p.name, 200),
    ...opt('email', email),
    ...opt('phone', phone),
    ...opt('address', address),
    addressWithheld: p.addressWithheld === true,
    ...opt('dateOfBirth', dateOfBirth),
    ...opt('nationalInsuranceNumber', nationalInsuranceNumber),
  };
}

export function checkParties(field: string, given: readonly PartyInput[] | undefined): PartyValues[] {
  return list(field, given, MAX_PARTIES).map((p, i) => checkParty(`${field}[${i}].`, p));
}

/** The fields a change may remove (null); name, role and addressWithheld are always there. */
const REMOVABLE = ['email', 'phone', 'address', 'dateOfBirth', 'nationalInsuranceNumber'] as const;
const CHANGEABLE: readonly string[] = ['role', 'name', 'addressWithheld', ...REMOVABLE];

/** A stored party with `changes` made, checked as a new party is: a field given as null is removed. */
function changedParty(stored: PartyRecord, changes: PartyChanges): PartyValues {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes))
    throw new InputError('changes', 'must be an object of the fields to change');
  const unknown = Object.keys(changes).find((k) => !CHANGEABLE.includes(k));
  if (unknown !== undefined)
    throw new InputError(unknown.slice(0, 100), `is not a field of a party; change one of ${CHANGEABLE.join(', ')}`);
  if (Object.values(changes).every((v) => v === undefined)) throw new InputError('changes', 'give at least one field to change');
  for (const k of ['role', 'name', 'addressWithheld'] as const) {
    if (changes[k] === null) throw new InputError(k, `cannot be removed; give the ${k === 'addressWithheld' ? 'new setting' : `new ${k}`}`);
  }
  const { id: _id, createdAt: _createdAt, ...kept } = stored;
  const merged: Record<string, unknown> = { ...kept };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  // A stored field was checked when it was kept: only a change can be refused, named as the change names it.
  return checkParty('', merged as unknown as PartyInput);
}

export function checkChildren(field: string, given: readonly ChildInput[] | undefined): ChildValues[] {
  return list(field, given, MAX_CHILDREN).map((c, i) => {
    const f = `${field}[${i}]`;
    if (c === null || typeof c !== 'object') throw new InputError(f, 'must be { name, dateOfBirth }');
    const dateOfBirth = optionalDate(`${f}.dateOfBirth`, c.dateOfBirth);
    return { name: requireText(`${f}.name`, c.name, 200), ...(dateOfBirth === null ? {} : { dateOfBirth }) };
  });
}

export async function insertParties(ex: Database, caseId: string, parties: readonly PartyValues[], s: Sealer): Promise<void> {
  if (parties.length > 0) await ex.insert(t.parties).values(parties.map((p, i) => partyRow(caseId, i, p, s)));
}

export async function insertChildren(ex: Database, caseId: string, children: readonly ChildValues[], s: Sealer): Promise<void> {
  if (children.length > 0) await ex.insert(t.children).values(children.map((c, i) => childRow(caseId, i, c, s)));
}

/** The parties as kept (a withheld address included: callers show them with `shownParty`). */
export async function readParties(ex: Database, caseId: string, s: Sealer): Promise<PartyRecord[]> {
  const rows = await ex.select().from(t.parties).where(eq(t.parties.caseId, caseId)).orderBy(asc(t.parties.position));
  return rows.map((r) => partyOf(r, s));
}

export async function readChildren(ex: Database, caseId: string, s: Sealer): Promise<ChildRecord[]> {
  const rows = await ex.select().from(t.children).where(eq(t.children.caseId, caseId)).orderBy(asc(t.children.position));
  return rows.map((r) => childOf(r, s));
}

/** Adding a person to a case, and changing one: each in the case's own transaction, recorded in the audit log. */
export function partyOperations(cx: Context): Pick<CaseStore, 'addParty' | 'updateParty'> {
  return {
    addParty: (caseId, input) =>
      cx.run('Adding the party', async () => {
        const id = checkCaseId(caseId);
        const values = checkParty('', input);
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          const stored = await readParties(tx, id, s);
          if (stored.length >= MAX_PARTIES)
            throw new InputError('party', `the case already has ${MAX_PARTIES} parties, the most it may have; change one with its partyId`);
          const position = Math.max(-1, ...(await positions(tx, id))) + 1;
          const [inserted] = await tx
            .insert(t.parties)
            .values(partyRow(id, position, values, s))
            .returning();
          await cx.audit(tx, id, 'party_added');
          return shownParty(partyOf(inserted!, s));
        });
      }),

    updateParty: (caseId, partyId, changes) =>
      cx.run('Changing the party', async () => {
        const id = checkCaseId(caseId);
        const pid = checkId('partyId', partyId, PARTY_ID_ADVICE);
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          const stored = (await readParties(tx, id, s)).find((p) => p.id === pid);
          if (!stored) throw new StoreError('not_found', 'partyId', `is not a party of this case; ${PARTY_ID_ADVICE}`);
          const values = changedParty(stored, changes);
          const row = partyRow(id, 0, values, s);
          const [updated] = await tx
            .update(t.parties)
            .set({
              role: row.role,
              name: row.name,
              email: row.email,
              phone: row.phone,
              address: row.address,
              addressWithheld: row.addressWithheld,
              dateOfBirth: row.dateOfBirth,
              nationalInsuranceNumber: row.nationalInsuranceNumber,
            })
            .where(and(eq(t.parties.caseId, id), eq(t.parties.id, pid)))
            .returning();
          await cx.audit(tx, id, 'party_changed');
          return shownParty(partyOf(updated!, s));
        });
      }),
  };
}

async function positions(ex: Database, caseId: string): Promise<number[]> {
  const rows = await ex.select({ position: t.parties.position }).from(t.parties).where(eq(t.parties.caseId, caseId));
  return rows.map((r) => r.position);
}
