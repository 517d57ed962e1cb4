/**
 * On the receiving side of Collect and Pay: what CMS's own entries show it received from the paying parent and had
 * not passed on by the reconciliation date. CMS's figure for a receiving parent is often the paying parent's arrears,
 * which count a payment as paid when CMS receives it; what she is owed counts it when it reaches her. The two differ
 * by what CMS holds: money the paying parent paid, not arrears. DWP holds a payment no longer than it takes to clear,
 * or, where no maintenance is outstanding, until the next payment falls due (written answer 25684, 11 March 2020).
 *
 * How a receipt was written is not always known: as the maintenance alone, or with the paying parent's 20% fee in it
 * (Fees Regs 2014 reg 7). Each reading gives a figure; the bridge takes one only where CMS's figure is lower than its
 * entries by exactly that much (bridge.ts).
 * @module
 */
import type { CivilDate } from '../dates.ts';
import type { CmsEntry } from '../ledger/entries.ts';
import { feeOf, maintenancePartOf, type FeeRules } from './credits.ts';
import type { Basis } from './types.ts';

/** What the paying parent paid CMS: the entries a receiving parent's statement may show beside what she was passed. */
export const RECEIPT_TYPES: ReadonlySet<string> = new Set(['payment_received', 'deo_receipt', 'benefit_deduction_receipt']);

/** A receipt of CMS's, some or all of it not passed on. */
export interface HeldReceipt {
  readonly cmsEntryId: string;
  readonly date: CivilDate;
  /** As CMS recorded it, in pence. */
  readonly pence: number;
  /** Of it, on the reconciliation's basis, what had not reached her by the date. */
  readonly notPassedOn: number;
  /** Whether some of it was passed on (the earliest receipt held may be part passed on). */
  readonly part: boolean;
}

export interface HeldByCms {
  /** On the reconciliation's basis, in pence: what CMS received less what its entries show it passed on. Positive. */
  readonly amount: number;
  /** Whether the receipts are read as holding the paying parent's 20% fee (then the maintenance is the rest). */
  readonly feeInside: boolean;
  /** The latest receipts that make up `amount` (what was passed on went to the earlier ones first). */
  readonly receipts: readonly HeldReceipt[];
}

/**
 * Each reading of the receipts that leaves CMS holding money: what it received (on her basis: less her 4% on the net
 * basis) less what its entries show it passed on (`passedOn`, on the same basis), where her evidence agrees that so much
 * did not reach her (`reached`: what it shows she received, on the same basis). None on Direct Pay, where CMS receives
 * nothing, or where it passed on all it received; none where her bank shows money CMS did not record passing on (then
 * nothing is held: the record is what is missing, and a finding says so).
 */
export function heldByCms(
  receipts: readonly CmsEntry[],
  passedOn: number,
  reached: number,
  paying: FeeRules,
  receiving: FeeRules,
  basis: Basis,
): HeldByCms[] {
  const collected = receipts.filter((e) => paying.serviceOn(e.day) === 'collect_and_pay').sort((a, b) => a.day - b.day);
  if (collected.length === 0) return [];
  const readings: HeldByCms[] = [];
  for (const feeInside of [false, true]) {
    if (feeInside && collected.every((e) => paying.pctOn(e.day) === 0)) continue;
    const onBasis = collected.map((e) => {
      const maintenance = feeInside ? maintenancePartOf(e.pence, paying.pctOn(e.day)) : e.pence;
      return basis === 'net' ? maintenance - feeOf(maintenance, receiving.pctOn(e.day)) : maintenance;
    });
    const received = onBasis.reduce((a, x) => a + x, 0);
    const amount = received - passedOn;
    if (amount <= 0 || received - reached !== amount) continue;
    // The latest receipts first, until they make up what is held; the last one taken may be part passed on.
    const held: HeldReceipt[] = [];
    let left = amount;
    for (let i = collected.length - 1; i >= 0 && left > 0; i--) {
      const part = Math.min(left, onBasis[i]!);
      const e = collected[i]!;
      held.unshift({ cmsEntryId: e.id, date: e.date, pence: e.pence, notPassedOn: part, part: part < onBasis[i]! });
      left -= part;
    }
    if (left > 0) continue; // more held than ever received: the entries say something else
    readings.push({ amount, feeInside, receipts: held });
  }
  return readings;
}
