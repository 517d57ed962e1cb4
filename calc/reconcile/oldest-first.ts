/**
 * Money set against a queue of amounts, oldest first: a payment in advance drawn on, shortfalls made good.
 * @module
 */

/** Takes up to `pence` from the queue's amounts, oldest first, dropping each it empties; how much it took. */
export function takeOldestFirst(queue: { pence: number }[], pence: number): number {
  let left = pence;
  while (left > 0 && queue.length) {
    const first = queue[0]!;
    const take = Math.min(left, first.pence);
    first.pence -= take;
    left -= take;
    if (first.pence === 0) queue.shift();
  }
  return pence - left;
}
