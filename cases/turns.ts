/**
 * A turn of the event loop, taken between the long steps of work on a large case (reading its inputs, reconciling,
 * hashing, writing the answer): a shared server runs on one thread, and without a turn a reconciliation of 100,000
 * bank lines held every other organisation's requests for as long as it ran (a security probe measured 4 s).
 * `setImmediate` lets waiting I/O and timers run first.
 * @module
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
