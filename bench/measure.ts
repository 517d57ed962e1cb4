/**
 * Timing helpers for the benchmarks: operations counted in fixed wall-clock windows, contenders taking
 * turns in short slices so drift in the machine's speed falls on all of them alike, and the median of
 * several rounds reported. Times come from `process.hrtime.bigint()`.
 * @module
 */

export interface Contender {
  readonly name: string;
  /** Runs operations for about `windowMs` and says how many it ran in how long. */
  readonly measure: (windowMs: number) => Promise<Count>;
}

export interface Sample {
  readonly name: string;
  /** Operations per second, one per measured round. */
  readonly rounds: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Operations run and the nanoseconds they took. */
export interface Count {
  readonly ops: number;
  readonly ns: number;
}

const NS_PER_S = 1e9;

/** Check the clock once per this many synchronous operations, so reading it costs next to nothing. */
const CLOCK_EVERY = 8;

/** `step(i)` (i = 0, 1, 2…) run synchronously for about `windowMs`. */
export function syncWindow(step: (i: number) => void, windowMs: number): Count {
  const budget = BigInt(Math.round(windowMs * 1e6));
  const start = process.hrtime.bigint();
  let ops = 0;
  let elapsed = 0n;
  for (;;) {
    for (let k = 0; k < CLOCK_EVERY; k++) step(ops++);
    elapsed = process.hrtime.bigint() - start;
    if (elapsed >= budget) break;
  }
  return { ops, ns: Number(elapsed) };
}

/** `step(i)` awaited one after another for about `windowMs`. */
export async function asyncWindow(step: (i: number) => Promise<void>, windowMs: number): Promise<Count> {
  const budget = BigInt(Math.round(windowMs * 1e6));
  const start = process.hrtime.bigint();
  let ops = 0;
  let elapsed = 0n;
  for (;;) {
    await step(ops++);
    elapsed = process.hrtime.bigint() - start;
    if (elapsed >= budget) break;
  }
  return { ops, ns: Number(elapsed) };
}

/** Exactly `count` calls of `step(i)`, at most `concurrency` in flight. */
export async function fixedCount(step: (i: number) => Promise<void>, count: number, concurrency: number): Promise<Count> {
  let next = 0;
  const worker = async () => {
    while (next < count) await step(next++);
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { ops: count, ns: Number(process.hrtime.bigint() - start) };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `warmupRounds` unrecorded rounds, then `rounds` recorded ones. A round gives each contender
 * `windowMs` in all, cut into `slices` turns taken in alternation (A B A B…, reversed every other round),
 * so whatever else the machine is doing in that round falls on every contender alike; the round's figure
 * for a contender is its operations over its own time. The heap is deliberately not collected between
 * turns: tried on Node 20, a forced full collection before each window made the bare Hono route 3–4×
 * slower, so it distorted more than it cancelled. Returns one sample per contender, in the order given.
 */
export async function interleaved(
  contenders: readonly Contender[],
  options: { rounds: number; warmupRounds: number; windowMs: number; slices?: number; warmupWindowMs?: number },
): Promise<Sample[]> {
  for (let r = 0; r < options.warmupRounds; r++) {
    for (const c of contenders) await c.measure(options.warmupWindowMs ?? options.windowMs);
  }
  const slices = options.slices ?? 1;
  const results = contenders.map(() => [] as number[]);
  const forward = contenders.map((_, i) => i);
  const backward = [...forward].reverse();
  for (let r = 0; r < options.rounds; r++) {
    const ops = contenders.map(() => 0);
    const ns = contenders.map(() => 0);
    for (let s = 0; s < slices; s++) {
      for (const i of (r + s) % 2 === 0 ? forward : backward) {
        const count = await contenders[i]!.measure(options.windowMs / slices);
        ops[i]! += count.ops;
        ns[i]! += count.ns;
      }
    }
    for (const i of forward) results[i]!.push((ops[i]! * NS_PER_S) / ns[i]!);
  }
  return contenders.map((c, i) => {
    const rounds = results[i]!;
    return { name: c.name, rounds, median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds) };
  });
}

/**
 * `a` ÷ `b` round by round (each pair measured back to back, so drift between rounds cancels), as the
 * median of those ratios with their smallest and largest.
 */
export function pairedRatio(a: Sample, b: Sample): { median: number; min: number; max: number } {
  const ratios = a.rounds.map((x, i) => x / b.rounds[i]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
