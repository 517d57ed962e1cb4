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
  /** CMS's records of what it passed on: which receipts they followed. */
  passOns: readonly CmsEntry[] = [],
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
    // The receipts no pass-on of their amount followed, where they make up what is held exactly (each pass-on taken
    // as the nearest receipt before it still unpaired: CMS passes a payment on days after it has it, and one passed on
    // late does not move the rest along). Otherwise the latest receipts first, until they make up what is held; the
    // last one taken may be part passed on.
    const unpaired = receiptsNotFollowed(collected, onBasis, passOns, basis, receiving);
    if (unpaired && unpaired.reduce((a, i) => a + onBasis[i]!, 0) === amount) {
      const e = (i: number) => collected[i]!;
      const held = unpaired.map((i) => ({
        cmsEntryId: e(i).id,
        date: e(i).date,
        pence: e(i).pence,
        notPassedOn: onBasis[i]!,
        part: false,
      }));
      readings.push({ amount, feeInside, receipts: held });
      continue;
    }
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

/**
 * The receipts (positions in `collected`, by date) that no pass-on followed: each pass-on, in date order, is paired
 * with the nearest receipt on or before its day not yet paired whose amount, on the basis, it is (on the net basis
 * the 4% is taken; on the gross basis the pass-on is the maintenance less the 4%). Undefined where a pass-on pairs with
 * none (one of another amount, or several payments in one): then nothing says which receipts are held.
 */
function receiptsNotFollowed(
  collected: readonly CmsEntry[],
  onBasis: readonly number[],
  passOns: readonly CmsEntry[],
  basis: Basis,
  receiving: FeeRules,
): number[] | undefined {
  // Each receipt under the amounts a pass-on of it may have (on the basis, and net of the 4%), in date order; the
  // receipts are brought in as the pass-ons reach their dates, so the last of a stack is the nearest before.
  const byAmount = new Map<number, number[]>();
  const stack = (amount: number) => byAmount.get(amount) ?? (byAmount.set(amount, []).get(amount) as number[]);
  const paired = new Uint8Array(collected.length);
  let next = 0;
  for (const p of [...passOns].sort((a, b) => a.day - b.day)) {
    for (; next < collected.length && collected[next]!.day <= p.day; next++) {
      const net = basis === 'net' ? onBasis[next]! : onBasis[next]! - feeOf(onBasis[next]!, receiving.pctOn(collected[next]!.day));
      stack(onBasis[next]!).push(next);
      if (net !== onBasis[next]) stack(net).push(next);
    }
    // The nearest receipt before it still unpaired (one under two amounts may already be taken under the other).
    const candidates = byAmount.get(p.pence) ?? [];
    while (candidates.length > 0 && paired[candidates.at(-1)!]) candidates.pop();
    const found = candidates.pop();
    if (found === undefined) return undefined;
    paired[found] = 1;
  }
  return collected.flatMap((_, i) => (paired[i] ? [] : [i]));
}
