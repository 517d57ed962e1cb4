/**
 * What a payment counts for on the balance, by component. On Collect and Pay the paying parent pays 20% on top of
 * the maintenance and the receiving parent is passed the maintenance less 4% (Fees Regs 2014 reg 7), so the same
 * payment can be written three ways: what moved through the bank, the maintenance part, and the fee. CMS writes
 * either; the evidence shows what moved. Whole pence throughout.
 * @module
 */
import { fromDayNumber, toDayNumber } from '../dates.ts';
import { valueOn } from '../parameters.ts';
import type { Schedule } from '../schedule/build.ts';
import type { CollectionService } from '../scheme-2012/calculate.ts';
import { collectionFeePayingPercent, collectionFeeReceivingPercent, SCHEME_START } from '../scheme-2012/parameters.ts';
import type { Basis, Side } from './types.ts';

/** How a payment's amount is written: as it moved through the bank, or as the maintenance part alone. */
export type Written = 'as_paid' | 'maintenance_part';

/** A credit to the account, in whole pence, by component (payments never pay enforcement charges: they come last). */
export interface Credit {
  readonly maintenance: number;
  readonly fees: number;
}

export const NO_CREDIT: Credit = { maintenance: 0, fees: 0 };

export interface FeeRules {
  readonly side: Side;
  /** The service on a day: the decision in force then (before the first, the first's). */
  serviceOn(day: number): CollectionService;
  /** The collection fee, as a whole percentage, on a payment made that day from this side; 0 when none applies. */
  pctOn(day: number): number;
}

/** Whole-pence half-up percentage of a whole-pence amount (Fees Regs 2014 reg 7 rounds half a penny up). */
export function feeOf(pence: number, pct: number): number {
  const q = Math.floor((Math.abs(pence) * pct + 50) / 100);
  return pence < 0 ? -q : q;
}

/**
 * The maintenance part m of a paying parent's payment P with the fee on top: m + fee(m) = P. Some totals have no
 * such m (adding 20% and rounding skips values); then the nearest m below, the rest counting as fee.
 */
export function maintenancePartOf(paid: number, pct: number): number {
  if (pct === 0) return paid;
  const a = Math.abs(paid);
  // m + fee(m) never falls as m rises: step from the estimate to the largest m that does not exceed what was paid.
  let m = Math.floor((a * 100) / (100 + pct));
  while (m + 1 + feeOf(m + 1, pct) <= a) m++;
  while (m > 0 && m + feeOf(m, pct) > a) m--;
  return paid < 0 ? -m : m;
}

/** The gross maintenance G whose 4% fee leaves `net` received: G − fee(G) = net (the nearest when none). */
export function grossFromNet(net: number, pct: number): number {
  if (pct === 0) return net;
  const a = Math.abs(net);
  const guess = Math.round((a * 100) / (100 - pct));
  let g = guess;
  for (const x of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) {
    if (x - feeOf(x, pct) === a) {
      g = x;
      break;
    }
  }
  return net < 0 ? -g : g;
}

const SCHEME_START_DAY = toDayNumber(SCHEME_START);

export function feeRules(schedule: Schedule, side: Side): FeeRules {
  const decisions = schedule.decisions.filter((d) => !d.superseded);
  const days = decisions.map((d) => toDayNumber(d.effectiveDate));
  const parameter = side === 'paying' ? collectionFeePayingPercent : collectionFeeReceivingPercent;
  const cache = new Map<number, number>();
  /** The decision in force on `day` (the first, before any). */
  const inForce = (day: number): number => {
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (days[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const serviceOn = (day: number): CollectionService => decisions[inForce(day)]?.service ?? 'direct_pay';
  // Fees are the 2012 scheme's: none before it began, nor under a CSA decision (effective before it began).
  const feesOn = (day: number): boolean =>
    day >= SCHEME_START_DAY && serviceOn(day) === 'collect_and_pay' && (days[inForce(day)] ?? day) >= SCHEME_START_DAY;
  return {
    side,
    serviceOn,
    pctOn(day) {
      let pct = cache.get(day);
      if (pct === undefined) {
        pct = feesOn(day) ? Number(valueOn(parameter, fromDayNumber(day)).value) : 0;
        cache.set(day, pct);
      }
      return pct;
    },
  };
}

/**
 * What a payment of `pence` on `day` counts for. Paying side: what left the account is maintenance and fee together,
 * unless it is written as the maintenance part (then the fee is on top). Receiving side: what arrived is net of the
 * 4% unless written as the maintenance part (gross); the credit is on the reconciliation's basis. A refund is a
 * negative amount.
 */
export function creditOf(pence: number, day: number, written: Written, fees: FeeRules, basis: Basis): Credit {
  const pct = fees.pctOn(day);
  if (fees.side === 'paying') {
    if (pct === 0) return { maintenance: pence, fees: 0 };
    if (written === 'maintenance_part') return { maintenance: pence, fees: feeOf(pence, pct) };
    const m = maintenancePartOf(pence, pct);
    return { maintenance: m, fees: pence - m };
  }
  if (pct === 0) return { maintenance: pence, fees: 0 };
  const gross = written === 'maintenance_part' ? pence : grossFromNet(pence, pct);
  const net = written === 'maintenance_part' ? pence - feeOf(pence, pct) : pence;
  return { maintenance: basis === 'gross' ? gross : net, fees: 0 };
}

export const total = (c: Credit): number => c.maintenance + c.fees;
export const creditMinus = (a: Credit, b: Credit): Credit => ({ maintenance: a.maintenance - b.maintenance, fees: a.fees - b.fees });
export const creditPlus = (a: Credit, b: Credit): Credit => ({ maintenance: a.maintenance + b.maintenance, fees: a.fees + b.fees });
export const negate = (a: Credit): Credit => ({ maintenance: -a.maintenance, fees: -a.fees });
