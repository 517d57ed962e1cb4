/**
 * One-to-one matching of CMS payment records against bank transactions, in passes from the strongest
 * evidence to the weakest (after Actual Budget's reconcileTransactions and beangulp's similar-entries):
 *
 * 1. the same reference, with the same amount (or one that differs by exactly the collection fee) — further apart
 *    than the window, a date discrepancy — or, failing that, another amount within the window;
 * 2. the same amount, nearest date within the window;
 * 3. an amount that differs by exactly the Collect and Pay fee, within the window;
 * 4. one bank payment that equals two or three CMS records, or one CMS record that equals two or three
 *    bank payments, within the window;
 * 5. the same amount but further apart than the window (a date discrepancy);
 * 6. near the same date but a different amount, whatever the size (an amount discrepancy): when the evidence is
 *    known to be maintenance, one payment recorded wrongly is a truer story than a phantom and a missing payment.
 *
 * A copy is a free record that repeats one already paired (the same type and amount, at most COPY_DAYS apart). It
 * is explained without evidence, as a duplicate, so it takes only the payments the other records leave: passes 5
 * and 6 run first for every record but copies, then for copies; pass 1 takes the amounts that agree within the
 * window, then the rest for records that are not copies of those, then for copies. Otherwise a copy could take, as
 * a payment recorded on the wrong date, a payment made weeks away for which CMS has a record that very day with the
 * wrong amount, and leave that record as a payment nobody made: CMS's £752.00 for the £572.00 paid on 9 June, and
 * the £572.00 of 10 July recorded twice, are a wrong amount and a duplicate, not a phantom and a misdated payment.
 *
 * Money is compared exactly in whole pence. Every candidate list is sorted by date distance and then by
 * the canonical order of the entries, so the result does not depend on the order of the input.
 * @module
 */

import { lowerBound, nearestPositions, Occurrences } from './nearest.ts';

export { lowerBound };

/** A payment-like record on either side, reduced to what matching needs. */
export interface Item {
  /** Position in the canonical order of its side. */
  readonly index: number;
  readonly day: number;
  readonly pence: number;
  /** Payments pair only with payments, refunds with refunds. */
  readonly kind: 'payment' | 'refund';
  /** Normalised reference; '' when none. */
  readonly reference: string;
  /** On CMS's side, what the record is (its entry type): a record repeats only one of the same type. */
  readonly type?: string;
}

/** A CMS record that repeats another of the same type and amount at most this many days away is a copy of it. */
export const COPY_DAYS = 3;

export type MatchReason = 'reference' | 'exact_amount' | 'collection_charge' | 'combined' | 'split';

export interface Pairing {
  readonly reason: MatchReason | 'date_outside_window' | 'amount_mismatch';
  readonly cms: readonly number[];
  readonly bank: readonly number[];
  /** Largest distance in days between the paired records. */
  readonly days: number;
  /** True when the CMS side was compared with the collection fee added (paying) or taken off (receiving). */
  readonly feeAdjusted: boolean;
}

export interface MatchOptions {
  /** Dates this many days apart or less count as the same payment. */
  readonly windowDays: number;
  /** Same amount further apart than the window, up to this, is a date discrepancy. */
  readonly maxDays: number;
  /** Pair leftovers of different amounts near the same date (pass 6); only safe when the bank side is all maintenance. */
  readonly amountMismatches?: boolean;
  /**
   * For Collect and Pay: what the bank would show for a CMS record once the fee is added or taken off, or
   * undefined where no fee applied on the record's date.
   */
  readonly chargeAdjusted?: (cms: Item) => number | undefined;
  /**
   * Whether CMS's record of an item follows the money on the evidence (a payment the paying parent makes, which CMS
   * receives after it leaves the bank) or goes before it (money CMS passes on or refunds, which reaches the bank after).
   * A copy of a paired record (which a duplicate explains) is paired further apart than the window only in that order,
   * or the other way round by no more than the window: a record of a receipt four weeks before the money left is not
   * that payment's (a probe: "recorded on 3 April … it left your account on 1 May, 28 days later", where the 3 April
   * record repeated the 1 April one). Another record may be a date error either way. Undefined: either way.
   */
  readonly recordFollows?: (c: Item) => boolean;
  /**
   * How many days after the evidence CMS dates its records of payment, as a rule ({@link recordingLag}): they are paired
   * as if dated that much earlier (refunds, which run the other way, as dated). A pair's `days` is still the distance
   * between the dates as written.
   */
  readonly lag?: number;
}

export interface MatchResult {
  readonly pairings: readonly Pairing[];
  readonly unmatchedCms: readonly number[];
  readonly unmatchedBank: readonly number[];
}

/** How many of the nearest free records in the window the split/combination search reads for each record. */
const POOL_LOOKED_AT = 256;

/** How many nearest candidates the split/combination search looks at for each record. */
const COMBINATION_CANDIDATES = 12;

/** Items grouped by kind and a key, each group sorted by day then index. */
class Index {
  readonly #groups = new Map<string, { days: number[]; items: Item[] }>();

  constructor(items: readonly Item[], key: (item: Item) => number | string) {
    for (const item of items) {
      const k = `${item.kind}|${key(item)}`;
      let g = this.#groups.get(k);
      if (!g) this.#groups.set(k, (g = { days: [], items: [] }));
      g.items.push(item);
    }
    for (const g of this.#groups.values()) {
      g.items.sort((a, b) => a.day - b.day || a.index - b.index);
      g.days = g.items.map((i) => i.day);
    }
  }

  /**
   * Up to NEAR items with this kind and key dated from `from` to `to` inclusive, nearest `day` first, starting `offset`
   * places into those dated `day` (nearest.ts).
   */
  nearest(kind: Item['kind'], key: number | string, day: number, from: number, to: number, offset: number, limit?: number): Item[] {
    const g = this.#groups.get(`${kind}|${key}`);
    if (!g) return [];
    return nearestPositions(g.days, day, from, to, offset, limit).map((p) => g.items[p]!);
  }

  /** Items with this kind and key dated from `from` to `to` inclusive. */
  *within(kind: Item['kind'], key: number | string, from: number, to: number): Generator<Item> {
    const g = this.#groups.get(`${kind}|${key}`);
    if (!g) return;
    for (let i = lowerBound(g.days, from); i < g.items.length && g.days[i]! <= to; i++) yield g.items[i]!;
  }
}

export function matchPayments(written: readonly Item[], bank: readonly Item[], options: MatchOptions): MatchResult {
  // A refund runs the other way (CMS pays, the bank shows it later): only payments are paired as if dated earlier.
  const lag = options.lag ?? 0;
  const lagOf = (c: Item): number => (c.kind === 'payment' ? lag : 0);
  const cms = lag === 0 ? written : written.map((c) => (c.kind === 'payment' ? { ...c, day: c.day - lag } : c));
  const cmsUsed = new Uint8Array(cms.length);
  const bankUsed = new Uint8Array(bank.length);
  const pairings: Pairing[] = [];
  const take = (reason: Pairing['reason'], c: readonly Item[], b: readonly Item[], feeAdjusted = false): void => {
    for (const x of c) cmsUsed[x.index] = 1;
    for (const x of b) bankUsed[x.index] = 1;
    const days = [...c.map((x) => x.day + lagOf(x)), ...b.map((x) => x.day)];
    const span = Math.max(...days) - Math.min(...days);
    pairings.push({ reason, cms: c.map((x) => x.index), bank: b.map((x) => x.index), days: span, feeAdjusted });
  };
  const free = <T extends Item>(list: readonly T[], used: Uint8Array): T[] => list.filter((x) => !used[x.index]);
  const charge = options.chargeAdjusted;

  // Pass 1: the same reference. Every pair with one is ranked — an amount that agrees (or differs by the fee) first,
  // then the nearest date, then canonical order — and taken nearest first, so that a record keyed twice with its
  // payment's reference cannot take the next payment's place and push every later record along.
  const withReference = new Index(
    bank.filter((b) => b.reference),
    (b) => b.reference,
  );
  const referenced: [number, number, number, boolean][] = [];
  // Each record against the nearest with its reference only (nearest.ts): a reference on thousands of lines of one
  // date would otherwise pair every one with every other.
  const sameReference = new Occurrences();
  for (const c of cms) {
    if (!c.reference) continue;
    const offset = sameReference.next(`${c.kind}|${c.reference}|${c.day}`);
    for (const b of withReference.nearest(c.kind, c.reference, c.day, c.day - options.maxDays, c.day + options.maxDays, offset)) {
      const adjusted = b.pence !== c.pence && charge !== undefined && b.pence === charge(c);
      const exact = b.pence === c.pence || adjusted;
      // A different amount with the same reference is the same payment only near the same date: a case reference is
      // often on every payment.
      if (!exact && Math.abs(b.day - c.day) > options.windowDays) continue;
      referenced.push([(exact ? 0 : 1e6) + Math.abs(b.day - c.day), c.index, b.index, adjusted]);
    }
  }
  referenced.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const byReference = (which: (score: number, ci: number) => boolean): void => {
    for (const [score, ci, bi, adjusted] of referenced) {
      if (cmsUsed[ci] || bankUsed[bi] || !which(score, ci)) continue;
      const days = score % 1e6;
      const reason: Pairing['reason'] = score >= 1e6 ? 'amount_mismatch' : days > options.windowDays ? 'date_outside_window' : 'reference';
      take(reason, [cms[ci]!], [bank[bi]!], adjusted);
    }
  };
  // The amounts that agree within the window first; then the rest, copies of a record paired last (module doc).
  byReference((score) => score <= options.windowDays);
  const copiesByReference = copiesOfPaired(cms, cmsUsed);
  for (const copy of [false, true]) byReference((score, ci) => score > options.windowDays && copiesByReference.has(ci) === copy);

  // Passes 2, 3 and 5: the same amount (or the fee-adjusted amount), nearest dates first, one to one.
  const byAmount = (
    key: (c: Item) => number | undefined,
    minDays: number,
    maxDays: number,
    reason: Pairing['reason'],
    feeAdjusted: boolean,
    /** Only pairs in the order the money moves (options.recordFollows): for copies, which a duplicate explains. */
    ordered = false,
  ): void => {
    const freeBank = free(bank, bankUsed);
    const index = new Index(freeBank, (b) => b.pence);
    const candidates: [number, number, number][] = [];
    const sameAmount = new Occurrences();
    for (const c of free(cms, cmsUsed)) {
      const k = key(c);
      if (k === undefined) continue;
      const offset = sameAmount.next(`${c.kind}|${k}|${c.day}`);
      const follows = ordered ? options.recordFollows?.(c) : undefined;
      for (const b of index.nearest(c.kind, k, c.day, c.day - maxDays, c.day + maxDays, offset)) {
        const d = Math.abs(b.day - c.day);
        if (d < minDays) continue;
        if (follows === true ? c.day < b.day - options.windowDays : follows === false && c.day > b.day + options.windowDays) continue;
        candidates.push([d, c.index, b.index]);
      }
    }
    candidates.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    for (const [, ci, bi] of candidates) {
      if (cmsUsed[ci] || bankUsed[bi]) continue;
      take(reason, [cms[ci]!], [bank[bi]!], feeAdjusted);
    }
  };
  byAmount((c) => c.pence, 0, options.windowDays, 'exact_amount', false);
  if (charge) byAmount(charge, 0, options.windowDays, 'collection_charge', true);

  // Pass 4: one record on one side equal to two or three on the other (on Collect and Pay, also with the fee).
  const plain = (x: Item): number | undefined => x.pence;
  for (const cmsValue of charge ? [plain, charge] : [plain]) {
    const adjusted = cmsValue !== plain;
    combine(cms, bank, cmsUsed, bankUsed, options.windowDays, cmsValue, plain, (one, many) => take('combined', many, [one], adjusted));
    combine(bank, cms, bankUsed, cmsUsed, options.windowDays, plain, cmsValue, (one, many) => take('split', [one], many, adjusted));
  }

  // Passes 5 and 6, for the records that are not copies of a paired one, then for the copies (see the module doc).
  const copies = copiesOfPaired(cms, cmsUsed);
  for (const copy of [false, true]) {
    const only =
      (value: (c: Item) => number | undefined) =>
      (c: Item): number | undefined =>
        copies.has(c.index) === copy ? value(c) : undefined;
    byAmount(only(plain), options.windowDays + 1, options.maxDays, 'date_outside_window', false, copy);
    if (charge) byAmount(only(charge), options.windowDays + 1, options.maxDays, 'date_outside_window', true, copy);
    // Pass 6: near the same date, a different amount: nearest date first, then nearest amount.
    if (options.amountMismatches !== false)
      pairDifferentAmounts(cms, bank, cmsUsed, bankUsed, options.windowDays, (c) => copies.has(c.index) === copy, take);
  }

  return {
    pairings,
    unmatchedCms: cms.filter((c) => !cmsUsed[c.index]).map((c) => c.index),
    unmatchedBank: bank.filter((b) => !bankUsed[b.index]).map((b) => b.index),
  };
}

/** Fewest records that must agree on a lag before pairing allows for it. */
const LAG_MIN_RECORDS = 3;
/** How many of the commonest date differences between a record and a payment of its amount are tried as the lag. */
const LAGS_TRIED = 8;
/** How many payments of its amount on each side of a record's date are looked at, for the lags and for each fit. */
const LAG_NEIGHBOURS = 3;

/**
 * How many days after the evidence CMS dates its records, as a rule: 0, or the lag at which more records find a
 * payment of their amount within the window, one to one, than at any other (then the nearer they are, then the smaller
 * the lag), where at least LAG_MIN_RECORDS do. CMS dates a payment when it has it, days after the bank shows it paid;
 * with weekly payments of one amount, a record twelve days late is two days from the payment a fortnight on, and
 * pairing by nearest date moved every record on by two weeks: the first two payments "missing from CMS", the last two
 * records "without evidence", and a payment CMS really missed named as the week two after it (a probe of long disputes,
 * 5 December 2026). Only where the payments began can that tell the lags apart, so every record counts, those dated
 * after the reconciliation too. Each record looks at a few payments of its amount each side (LAG_NEIGHBOURS), so the
 * work stays in proportion to the records however many payments share a date. Reckoner's rule.
 */
export function recordingLag(cms: readonly Item[], bank: readonly Item[], options: MatchOptions): number {
  const records = cms.filter((c) => c.kind === 'payment');
  const payments = bank.filter((b) => b.kind === 'payment');
  // (Each candidate pair is packed into one number below, with 21 bits for each side's position.)
  if (records.length < LAG_MIN_RECORDS || payments.length < LAG_MIN_RECORDS || records.length >= 2 ** 21 || bank.length >= 2 ** 21)
    return 0;
  // Each amount's payments, by day.
  const byAmount = new Map<number, { days: number[]; ids: number[] }>();
  for (const b of [...payments].sort((x, y) => x.day - y.day || x.index - y.index)) {
    let g = byAmount.get(b.pence);
    if (!g) byAmount.set(b.pence, (g = { days: [], ids: [] }));
    g.days.push(b.day);
    g.ids.push(b.index);
  }
  // The amounts each record may have been paid as (with the fee added or taken off on Collect and Pay).
  const groups = records.map((c) => {
    const adjusted = options.chargeAdjusted?.(c);
    const own = byAmount.get(c.pence);
    const other = adjusted === undefined || adjusted === c.pence ? undefined : byAmount.get(adjusted);
    return own && other ? [own, other] : own ? [own] : other ? [other] : [];
  });
  /** Calls `visit` with the day and id of each of the few payments nearest `day` in each of a record's groups. */
  const near = (r: number, day: number, visit: (payDay: number, id: number) => void): void => {
    for (const g of groups[r]!) {
      const at = lowerBound(g.days, day);
      for (let k = Math.max(0, at - LAG_NEIGHBOURS); k < Math.min(g.days.length, at + LAG_NEIGHBOURS); k++) visit(g.days[k]!, g.ids[k]!);
    }
  };
  const differences = new Map<number, number>();
  for (let r = 0; r < records.length; r++) {
    const c = records[r]!;
    near(r, c.day, (payDay) => {
      const d = c.day - payDay;
      if (Math.abs(d) <= options.maxDays) differences.set(d, (differences.get(d) ?? 0) + 1);
    });
  }
  const lags = [...differences]
    .sort((x, y) => y[1] - x[1] || Math.abs(x[0]) - Math.abs(y[0]) || x[0] - y[0])
    .slice(0, LAGS_TRIED)
    .map(([lag]) => lag)
    .filter((lag) => lag !== 0)
    .sort((x, y) => Math.abs(x) - Math.abs(y) || x - y);
  const cmsUsed = new Uint8Array(records.length);
  const bankUsed = new Uint8Array(bank.length);
  /** Records paired one to one within the window with the lag allowed for, nearest first, and their distances. */
  const fit = (lag: number): { count: number; distance: number } => {
    // Each candidate pair as one number, distance first, so that a plain numeric sort ranks them.
    const candidates: number[] = [];
    for (let r = 0; r < records.length; r++) {
      const day = records[r]!.day - lag;
      near(r, day, (payDay, id) => {
        const d = Math.abs(payDay - day);
        if (d <= options.windowDays) candidates.push(d * 2 ** 42 + r * 2 ** 21 + id);
      });
    }
    const sorted = Float64Array.from(candidates).sort();
    cmsUsed.fill(0);
    bankUsed.fill(0);
    let count = 0;
    let distance = 0;
    for (const key of sorted) {
      const d = Math.floor(key / 2 ** 42);
      const r = Math.floor(key / 2 ** 21) % 2 ** 21;
      const id = key % 2 ** 21;
      if (cmsUsed[r] || bankUsed[id]) continue;
      cmsUsed[r] = 1;
      bankUsed[id] = 1;
      count++;
      distance += d;
    }
    return { count, distance };
  };
  let best = { lag: 0, ...fit(0) };
  for (const lag of lags) {
    const f = fit(lag);
    if (f.count >= LAG_MIN_RECORDS && (f.count > best.count || (f.count === best.count && f.distance < best.distance)))
      best = { lag, ...f };
  }
  return best.lag;
}

/**
 * The free CMS records that repeat a paired one: of the same kind, type and amount, at most COPY_DAYS apart. They
 * depend only on which records are paired, so not on the order of the input.
 */
function copiesOfPaired(cms: readonly Item[], cmsUsed: Uint8Array): Set<number> {
  const key = (c: Item) => `${c.type ?? ''}|${c.pence}`;
  const paired = new Index(
    cms.filter((c) => cmsUsed[c.index]),
    key,
  );
  const copies = new Set<number>();
  for (const c of cms) {
    if (cmsUsed[c.index]) continue;
    if (!paired.within(c.kind, key(c), c.day - COPY_DAYS, c.day + COPY_DAYS).next().done) copies.add(c.index);
  }
  return copies;
}

function pairDifferentAmounts(
  cms: readonly Item[],
  bank: readonly Item[],
  cmsUsed: Uint8Array,
  bankUsed: Uint8Array,
  windowDays: number,
  which: (c: Item) => boolean,
  take: (reason: Pairing['reason'], c: readonly Item[], b: readonly Item[], feeAdjusted?: boolean) => void,
): void {
  const free = <T extends Item>(list: readonly T[], used: Uint8Array): T[] => list.filter((x) => !used[x.index]);
  const options = { windowDays };
  const left: [number, number, number, number][] = [];
  const freeBank = free(bank, bankUsed).sort((a, b) => a.day - b.day || a.index - b.index);
  const bankDays = freeBank.map((b) => b.day);
  const sameDay = new Occurrences();
  for (const c of free(cms, cmsUsed).filter(which)) {
    const offset = sameDay.next(String(c.day));
    for (const i of nearestPositions(bankDays, c.day, c.day - options.windowDays, c.day + options.windowDays, offset)) {
      const b = freeBank[i]!;
      if (b.kind !== c.kind) continue;
      left.push([Math.abs(b.day - c.day), Math.abs(b.pence - c.pence), c.index, b.index]);
    }
  }
  left.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
  for (const [, , ci, bi] of left) {
    if (cmsUsed[ci] || bankUsed[bi]) continue;
    take('amount_mismatch', [cms[ci]!], [bank[bi]!]);
  }
}

/**
 * For each free record in `ones` (canonical order), looks among the nearest free records of `many` within
 * the window for two or three whose values add up to its value exactly; takes the set with the fewest
 * records, then the smallest total date distance, then the earliest in canonical order. A value of
 * undefined (no fee on that date) leaves the record out.
 */
function combine(
  many: readonly Item[],
  ones: readonly Item[],
  manyUsed: Uint8Array,
  onesUsed: Uint8Array,
  windowDays: number,
  manyValue: (x: Item) => number | undefined,
  oneValue: (x: Item) => number | undefined,
  take: (one: Item, many: Item[]) => void,
): void {
  const pool = many.filter((m) => !manyUsed[m.index]).sort((a, b) => a.day - b.day || a.index - b.index);
  const poolDays = pool.map((m) => m.day);
  for (const one of ones) {
    if (onesUsed[one.index]) continue;
    const target = oneValue(one);
    if (target === undefined) continue;
    const near: { item: Item; value: number }[] = [];
    // The nearest in the window only (nearest.ts), enough of them that those used or of no use leave plenty.
    for (const i of nearestPositions(poolDays, one.day, one.day - windowDays, one.day + windowDays, 0, POOL_LOOKED_AT)) {
      const m = pool[i]!;
      const value = manyValue(m);
      if (!manyUsed[m.index] && m.kind === one.kind && value !== undefined && value < target) near.push({ item: m, value });
    }
    if (near.length < 2) continue;
    near.sort((a, b) => Math.abs(a.item.day - one.day) - Math.abs(b.item.day - one.day) || a.item.index - b.item.index);
    const c = near.slice(0, COMBINATION_CANDIDATES);
    const dist = (x: { item: Item }) => Math.abs(x.item.day - one.day);
    let best: Item[] | undefined;
    let bestScore = Infinity;
    for (let i = 0; i < c.length; i++) {
      for (let j = i + 1; j < c.length; j++) {
        if (c[i]!.value + c[j]!.value === target) {
          const score = dist(c[i]!) + dist(c[j]!);
          if (score < bestScore) [best, bestScore] = [[c[i]!.item, c[j]!.item], score];
        }
      }
    }
    if (!best) {
      for (let i = 0; i < c.length; i++) {
        for (let j = i + 1; j < c.length; j++) {
          for (let k = j + 1; k < c.length; k++) {
            if (c[i]!.value + c[j]!.value + c[k]!.value === target) {
              const score = dist(c[i]!) + dist(c[j]!) + dist(c[k]!);
              if (score < bestScore) [best, bestScore] = [[c[i]!.item, c[j]!.item, c[k]!.item], score];
            }
          }
        }
      }
    }
    if (best)
      take(
        one,
        best.sort((a, b) => a.index - b.index),
      );
  }
}
