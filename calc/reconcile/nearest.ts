/**
 * Pairing records with evidence weighs each record against the evidence nearest its date, not against all of it:
 * real accounts have a handful within the time allowed, and a request of thousands alike on one date would otherwise
 * build every pair (a security probe of 5 December 2026: 7,000 receipts and 7,000 payslips, 826 KB, ran the server out
 * of memory). Among many of one date the n-th record starts from the n-th evidence of that date, as the pairing, which
 * takes the candidates in order of date distance and then of input order, would take them.
 * @module
 */

/** The index of the first of `days` (ascending) on or after `target`. */
export function lowerBound(days: readonly number[], target: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the nearest a record is weighed against, in each list it is looked up in. */
export const NEAR = 64;

/**
 * Positions in `days` (ascending) of up to `limit` entries dated from `from` to `to` inclusive, nearest `day` first
 * (a tie to the later), starting `offset` places into the entries dated `day` itself.
 */
export function nearestPositions(days: readonly number[], day: number, from: number, to: number, offset: number, limit = NEAR): number[] {
  const lo = lowerBound(days, day);
  let start = lo;
  while (start - lo < offset && start + 1 < days.length && days[start] === day && days[start + 1] === day) start++;
  const out: number[] = [];
  let left = start - 1;
  let right = start;
  while (out.length < limit) {
    const dl = left >= 0 && days[left]! >= from ? day - days[left]! : Infinity;
    const dr = right < days.length && days[right]! <= to ? days[right]! - day : Infinity;
    if (dl === Infinity && dr === Infinity) break;
    out.push(dl < dr ? left-- : right++);
  }
  return out;
}

/** Counts, by key, how many records have been looked up so far: the offset of the next one with that key. */
export class Occurrences {
  readonly #seen = new Map<string, number>();

  next(key: string): number {
    const n = this.#seen.get(key) ?? 0;
    this.#seen.set(key, n + 1);
    return n;
  }
}
