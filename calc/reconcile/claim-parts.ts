/**
 * CMS's figure given as one balance that is, to the penny, only some parts of CMS's own entries. A CMS statement's
 * summary keeps maintenance arrears, collection fees and enforcement charges apart (cms-accounts.md §4); a parent asked
 * "what does CMS say you owe?" gives the first line, the maintenance arrears. Compared with the whole of CMS's entries,
 * the fees and charges it leaves out read as CMS's figure being too low, "in the other parent's favour" — money that
 * is owed to the Secretary of State, not to her, and not arrears at all (journey probe F5: £1,462.50 of maintenance
 * arrears against £2,105.00 of entries, "£57.50 too low … -£642.50").
 *
 * Where the balance equals, to the penny, the maintenance part of CMS's entries (or maintenance with the collection
 * fees, or with the enforcement charges) on either basis the bridge compares on (the entries as they stand, or less
 * what they hold that is not yet due), while the whole of them is another figure, it is read as those parts: given so,
 * the parts left out are taken as CMS's entries have them, which is how a claim given by parts is compared (bridge.ts
 * claimedOn). A warning says what was read, and asks for the parts.
 * @module
 */
import { fromPence, poundsOfPence } from '../money.ts';
import type { Balances, Parts } from './balances.ts';
import type { Claim } from './read.ts';
import type { Component, Side } from './types.ts';

export interface ClaimAsParts {
  /** The figure as given, whole pence. */
  readonly given: number;
  readonly claim: Claim;
  readonly parts: readonly Component[];
  readonly leftOut: { readonly fees: number; readonly charges: number };
  readonly warning: string;
}

const total = (p: Parts) => p.maintenance + p.fees + p.charges;

export function claimAsParts(balances: Balances, claim: Claim | undefined, side: Side): ClaimAsParts | undefined {
  if (side !== 'paying' || claim?.total === undefined) return undefined;
  if (claim.maintenance !== undefined || claim.collectionFees !== undefined || claim.enforcementCharges !== undefined) return undefined;
  const entries = balances.cmsEntries;
  const n = balances.notYetDueInCms;
  const bases: Parts[] = [entries];
  if (n.maintenance !== 0 || n.fees !== 0 || n.charges !== 0)
    bases.push({ maintenance: entries.maintenance - n.maintenance, fees: entries.fees - n.fees, charges: entries.charges - n.charges });
  // A figure equal to the whole of CMS's entries on either basis is that whole, whatever its parts.
  if (bases.some((b) => total(b) === claim.total)) return undefined;
  for (const b of bases) {
    const reads: { parts: Component[]; pence: number; leftOut: { fees: number; charges: number } }[] = [
      { parts: ['maintenance'], pence: b.maintenance, leftOut: { fees: b.fees, charges: b.charges } },
      { parts: ['maintenance', 'collection_fees'], pence: b.maintenance + b.fees, leftOut: { fees: 0, charges: b.charges } },
      { parts: ['maintenance', 'enforcement_charges'], pence: b.maintenance + b.charges, leftOut: { fees: b.fees, charges: 0 } },
    ];
    const read = reads.find((r) => r.pence === claim.total && r.leftOut.fees + r.leftOut.charges !== 0);
    if (!read) continue;
    const asClaim: Claim = {
      date: claim.date,
      maintenance: b.maintenance,
      ...(read.parts.includes('collection_fees') ? { collectionFees: b.fees } : {}),
      ...(read.parts.includes('enforcement_charges') ? { enforcementCharges: b.charges } : {}),
    };
    const what =
      read.parts.length === 1
        ? 'the maintenance part of CMS’s own entries (its maintenance arrears)'
        : read.parts.includes('collection_fees')
          ? 'the maintenance and collection fees of CMS’s own entries together'
          : 'the maintenance and enforcement charges of CMS’s own entries together';
    const left = [
      ...(read.leftOut.fees !== 0 ? [`${poundsOfPence(read.leftOut.fees)} in collection fees`] : []),
      ...(read.leftOut.charges !== 0 ? [`${poundsOfPence(read.leftOut.charges)} in enforcement charges`] : []),
    ].join(' and ');
    return {
      given: claim.total,
      claim: asClaim,
      parts: read.parts,
      leftOut: read.leftOut,
      warning:
        `CMS’s figure as given, ${poundsOfPence(claim.total)}, is to the penny ${what}, not its whole balance: its entries also hold ${left}, ` +
        `owed to the Secretary of State, not to the other parent, which were not in the figure given. So it is read as ${read.parts.length === 1 ? 'that part' : 'those parts'} and compared like with like, ` +
        `the rest taken as CMS’s entries have ${read.leftOut.fees !== 0 && read.leftOut.charges !== 0 ? 'them' : 'it'}. Ask CMS for each part of its balance (maintenance arrears, collection fees, enforcement charges) ` +
        'and give them as cmsClaim.maintenance, cmsClaim.collectionFees and cmsClaim.enforcementCharges.',
    };
  }
  return undefined;
}

/** The parts left out, for the bridge (Bridge.claimReadAsParts). */
export const leftOutOf = (x: ClaimAsParts) => ({
  collectionFees: fromPence(x.leftOut.fees),
  enforcementCharges: fromPence(x.leftOut.charges),
});
