/**
 * The people of a case: parties (with their contact details; a withheld address is kept but never shown) and
 * children. Both are given when a case is made, in order, and read back in that order.
 * @module
 */
import { asc, eq } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import { PARTY_ROLES, type ChildInput, type PartyInput } from '../types.ts';
import { list, oneOf, optionalDate, optionalText, requireText } from './check.ts';
import { childOf, childRow, partyOf, partyRow, type ChildRecord, type ChildValues, type PartyRecord, type PartyValues } from './rows.ts';
import type { Database } from './sql.ts';

export const MAX_PARTIES = 20;
export const MAX_CHILDREN = 20;

export function checkParties(field: string, given: readonly PartyInput[] | undefined): PartyValues[] {
  return list(field, given, MAX_PARTIES).map((p, i) => {
    const f = `${field}[${i}]`;
    if (p === null || typeof p !== 'object') throw new InputError(f, 'must be { role, name, … }');
    const email = optionalText(`${f}.email`, p.email, 320);
    const phone = optionalText(`${f}.phone`, p.phone, 50);
    const address = optionalText(`${f}.address`, p.address, 1000);
    return {
      role: oneOf(`${f}.role`, p.role, PARTY_ROLES),
      name: requireText(`${f}.name`, p.name, 200),
      ...(email === null ? {} : { email }),
      ...(phone === null ? {} : { phone }),
      ...(address === null ? {} : { address }),
      addressWithheld: p.addressWithheld === true,
    };
  });
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
