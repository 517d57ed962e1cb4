/**
 * CMS's figure given by part, right in total, but split between maintenance and the collection fee a few pence
 * otherwise than Reckoner splits the same payments. Reckoner splits each Collect and Pay payment into maintenance and
 * the 20% fee by rounding the fee on that payment; CMS may round on another amount (a total, a period), and over many
 * payments the parts drift apart by a penny or so a payment, the total the same. That is rounding, not an error: a
 * letter asking CMS to "put its parts right" for it would tell CMS something false (second MCP audit: 3p over a year
 * of deductions from earnings). Within a penny for each payment split, CMS's split is taken, on its entries and on the
 * recomputed balance alike (the same payments, split its way), and a warning says so with the figures.
 * @module
 */
import { fromPence, pounds } from '../money.ts';
import type { Balances, Parts } from './balances.ts';
import type { Claim } from './read.ts';

/** The pence CMS's split moves from the collection fee to maintenance (negative: the other way), and the warning. */
export interface SplitRounding {
  readonly toMaintenance: number;
  readonly warning: string;
}

export function splitRounding(balances: Balances, claim: Claim | undefined): SplitRounding | undefined {
  if (claim?.maintenance === undefined || claim.collectionFees === undefined) return undefined;
  // Only on CMS's entries as they stand (no plan basis to choose) and with the charges as its entries have them.
  const entries = balances.cmsEntries;
  const notYetDue = balances.notYetDueInCms;
  if (notYetDue.maintenance !== 0 || notYetDue.fees !== 0 || notYetDue.charges !== 0) return undefined;
  if ((claim.enforcementCharges ?? entries.charges) !== entries.charges) return undefined;
  const toMaintenance = claim.maintenance - entries.maintenance;
  if (toMaintenance === 0 || claim.collectionFees - entries.fees !== -toMaintenance) return undefined;
  if (claim.total !== undefined && claim.total !== claim.maintenance + claim.collectionFees + entries.charges) return undefined;
  const n = balances.splitPayments;
  if (Math.abs(toMaintenance) > n) return undefined;
  const p = (pence: number) => pounds(fromPence(pence));
  const moved = p(Math.abs(toMaintenance));
  return {
    toMaintenance,
    warning:
      `CMS's figure puts ${moved} ${toMaintenance > 0 ? 'more' : 'less'} in maintenance and ${moved} ${toMaintenance > 0 ? 'less' : 'more'} in collection fees ` +
      `(${p(claim.maintenance)} and ${p(claim.collectionFees)}) than Reckoner's split of the same total (${p(entries.maintenance)} and ${p(entries.fees)}), ` +
      `which rounds the fee on each payment: within a penny for each of the ${n} payment${n === 1 ? '' : 's'} split, that is rounding, not an error, so CMS's split is used on both sides.`,
  };
}

/**
 * The balances with CMS's split: the payments' parts (what Reckoner counts paid, and what CMS records) move
 * `toMaintenance` pence from maintenance to the fee, so what is owed of each moves the other way, totals unchanged.
 */
export function withSplit(b: Balances, rounding: SplitRounding): Balances {
  const t = rounding.toMaintenance;
  const owed = (x: Parts): Parts => ({ ...x, maintenance: x.maintenance + t, fees: x.fees - t });
  const paid = (x: Parts): Parts => ({ ...x, maintenance: x.maintenance - t, fees: x.fees + t });
  return { ...b, paid: paid(b.paid), recordedByCms: paid(b.recordedByCms), recomputed: owed(b.recomputed), cmsEntries: owed(b.cmsEntries) };
}
