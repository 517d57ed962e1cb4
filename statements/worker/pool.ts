/**
 * Documents are parsed in a cage: a pool of worker threads, each with a memory cap (V8's
 * `resourceLimits`) and a wall-clock deadline after which it is terminated, so that no document can
 * stop the process that serves requests. pdf.js decodes and interprets on the thread that calls it and
 * cannot be interrupted from inside; a worker can be, from outside.
 *
 * - At most {@link WORKER_LIMITS}.poolSize documents are read at once; up to `maxQueue` more wait their
 *   turn (for at most the deadline), and past that a document is refused with `too_large` and a message
 *   that says to try again.
 * - A worker past its deadline, over its memory, or gone for any other reason, is replaced; the document
 *   gets a clear `too_large` (or `parse_failed`) naming the limit it hit.
 * - Memory outside V8's heap (typed arrays, which pdf.js decodes into) is not covered by `resourceLimits`:
 *   a watchdog reads the process's resident memory while documents are being read, and stops them when
 *   the workers hold more than their share.
 * - Workers are reused (pdf.js stays loaded) and are let go after a while idle, or after many documents.
 *
 * The worker's code: statements/worker/entry.ts, started from the sources through tsx (boot.mjs), or, in
 * the bundle that bin/reckoner runs, as dist/parse-worker.mjs beside dist/reckoner.mjs (scripts/build.mjs).
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MappingError } from '../csv/index.ts';
import { LIMITS, ParseError, type ParseRequest, type ParseResult } from '../types.ts';
import type { ParseOptions } from '../index.ts';
import type { WorkerJob, WorkerReply } from './entry.ts';
import { groupedCount } from '../../calc/money.ts';

export const WORKER_LIMITS = {
  /** Documents read at once. */
  poolSize: Math.max(2, Math.min(4, availableParallelism() - 1)),
  /** Documents that may wait for a worker; more are refused. */
  maxQueue: 32,
  /** V8 heap of one worker (old generation), in MB. */
  maxOldGenerationSizeMb: 768,
  /** Memory outside V8's heap (typed arrays) one worker may hold, in MB, before the watchdog stops it. */
  maxExternalMb: 512,
  /** Extra time after the document's own time budget before the worker is terminated (the budget is checked inside it too). */
  graceMillis: 2000,
  /** A worker idle this long is let go (pdf.js holds memory). */
  idleMillis: 30_000,
  /** Documents one worker reads before it is replaced. */
  maxJobsPerWorker: 200,
} as const;

export interface PoolOptions {
  readonly size?: number;
  readonly maxQueue?: number;
  readonly maxOldGenerationSizeMb?: number;
  readonly maxExternalMb?: number;
  /** Wall-clock deadline for one document, from when a worker takes it (default: the document's time budget plus grace). */
  readonly deadlineMillis?: number;
  readonly idleMillis?: number;
}

/** Where the worker's code is: the bundle's dist/parse-worker.mjs, or the sources through tsx. */
function workerEntry(): { url: URL; workerData: { entry?: string } } {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    return { url: new URL('./boot.mjs', here), workerData: { entry: new URL('./entry.ts', here).href } };
  }
  // Bundled: this code is in dist/reckoner.mjs, and scripts/build.mjs writes the worker beside it.
  return { url: new URL('./parse-worker.mjs', here), workerData: {} };
}

interface Job {
  readonly id: number;
  /** Whose document it is (an organisation on a shared server); '' when the pool serves one caller. */
  readonly owner: string;
  readonly request: ParseRequest;
  readonly options: ParseOptions;
  readonly resolve: (r: ParseResult) => void;
  readonly reject: (e: unknown) => void;
  readonly queuedAt: number;
  queueTimer?: NodeJS.Timeout;
}

interface Slot {
  readonly worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  jobs: number;
  /** Set once the worker is being ended on purpose, with the error its job gets. */
  ending?: ParseError;
  startedAt: number;
}

const mb = (n: number) => `${groupedCount(n)} MB`;
/** "60 seconds", "1 second", "300 ms". */
const duration = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} second${Math.round(ms / 1000) === 1 ? '' : 's'}`;

/** Rebuilds the error a worker reported: ParseError and MappingError keep their class, code and field. */
function rebuild(error: WorkerReply & { ok: false }): Error {
  const e = error.error;
  if (e.kind === 'mapping') return new MappingError(e.field!, e.problem ?? e.message);
  if (e.kind === 'parse') return new ParseError(e.code as ParseError['code'], e.message);
  const out = new Error(e.message);
  out.name = e.name;
  return out;
}

export class ParsePool {
  readonly size: number;
  readonly maxQueue: number;
  readonly maxOldGenerationSizeMb: number;
  readonly maxExternalMb: number;
  private readonly deadlineMillis: number | undefined;
  private readonly idleMillis: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** When each owner's document last started (a count of starts), for taking turns. */
  private readonly lastTurn = new Map<string, number>();
  private turns = 0;
  private watchdog: NodeJS.Timeout | undefined;
  private baseline = 0;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? WORKER_LIMITS.poolSize);
    this.maxQueue = Math.max(0, options.maxQueue ?? WORKER_LIMITS.maxQueue);
    this.maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? WORKER_LIMITS.maxOldGenerationSizeMb;
    this.maxExternalMb = options.maxExternalMb ?? WORKER_LIMITS.maxExternalMb;
    this.deadlineMillis = options.deadlineMillis;
    this.idleMillis = options.idleMillis ?? WORKER_LIMITS.idleMillis;
  }

  /** Documents being read and waiting, for messages and tests. */
  get load(): { readonly running: number; readonly waiting: number; readonly workers: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.queue.length, workers: this.slots.length };
  }

  /**
   * Parses in a worker; settles with the result or the document's error, never later than the deadline. When
   * `signal` aborts (the request was cancelled), a waiting document leaves the queue and a running one's worker is
   * terminated: nothing goes on reading a document nobody is waiting for.
   */
  parse(request: ParseRequest, options: ParseOptions = {}, signal?: AbortSignal, owner = ''): Promise<ParseResult> {
    if (this.closed) return Promise.reject(new Error('the parse pool is closed'));
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<ParseResult>((resolve, reject) => {
      const onAbort = () => {
        const waiting = this.queue.indexOf(job);
        if (waiting >= 0) {
          this.queue.splice(waiting, 1);
          clearTimeout(job.queueTimer);
          reject(cancelled());
          return;
        }
        const slot = this.slots.find((s) => s.job === job);
        if (slot) void this.end(slot, cancelled());
      };
      const settle =
        <T>(f: (value: T) => void) =>
        (value: T) => {
          signal?.removeEventListener('abort', onAbort);
          f(value);
        };
      const job: Job = {
        id: this.nextId++,
        owner,
        request,
        options,
        resolve: settle(resolve),
        reject: settle(reject),
        queuedAt: performance.now(),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const free = this.slots.find((s) => !s.job && !s.ending);
      if (free) return this.start(free, job);
      if (this.slots.length < this.size) return this.start(this.spawn(), job);
      // One owner may fill at most half the queue, so that another's documents can still wait their turn.
      const share = Math.ceil(this.maxQueue / 2);
      const own = owner === '' ? 0 : this.queue.filter((j) => j.owner === owner).length;
      if (owner !== '' && share > 0 && own >= share) {
        return reject(
          new ParseError(
            'too_large',
            `Your organisation already has ${own} document${own === 1 ? '' : 's'} waiting to be read, the most one organisation may have waiting on this server; try again when they are done.`,
          ),
        );
      }
      if (this.queue.length >= this.maxQueue) {
        return reject(
          new ParseError(
            'too_large',
            `Reckoner is already reading ${this.size} document${this.size === 1 ? '' : 's'}, the most it reads at once, and ${this.queue.length} more ${this.queue.length === 1 ? 'is' : 'are'} waiting; try again in a minute.`,
          ),
        );
      }
      // Waiting counts against the same time budget: a document is never answered later than that.
      const budget = this.budgetOf(options);
      job.queueTimer = setTimeout(() => {
        const at = this.queue.indexOf(job);
        if (at >= 0) this.queue.splice(at, 1);
        reject(
          new ParseError(
            'too_large',
            `Reckoner was busy reading other documents for ${duration(budget)}, the most a document may wait; try again in a minute.`,
          ),
        );
      }, budget);
      this.queue.push(job);
    });
  }

  /** Ends every worker; waiting documents are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.reject(new Error('the parse pool is closed'));
    }
    await Promise.all(
      this.slots.map((s) => this.end(s, new ParseError('parse_failed', 'Reckoner is shutting down; send the document again.'))),
    );
    this.stopWatchdog();
  }

  private budgetOf(options: ParseOptions): number {
    return Math.min(options.limits?.maxMillis ?? LIMITS.maxMillis, LIMITS.maxMillis);
  }

  private spawn(): Slot {
    const { url, workerData } = workerEntry();
    const worker = new Worker(url, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.maxOldGenerationSizeMb },
      // The worker drops its stdout writes itself (silence.ts): over stdio that is the JSON-RPC channel. A
      // captured stdout (stdout: true) would keep this process running for as long as an idle worker lives.
      stdout: false,
      stderr: false,
      env: process.env,
    });
    const slot: Slot = { worker, jobs: 0, startedAt: performance.now() };
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.ending) return;
      slot.ending =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? this.memoryError()
          : new ParseError(
              'parse_failed',
              'The document could not be read: the reader stopped unexpectedly. Download it again, or send a CSV export.',
            );
    });
    worker.on('exit', () => this.onExit(slot));
    return slot;
  }

  private memoryError(): ParseError {
    return new ParseError(
      'too_large',
      `Reading this document needed more than ${mb(this.maxOldGenerationSizeMb)} of memory, the most one document may use, and was stopped; no bank or CMS statement needs so much. Split it into smaller files, or send a CSV export.`,
    );
  }

  private start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    this.lastTurn.set(job.owner, ++this.turns);
    slot.job = job;
    slot.jobs++;
    slot.startedAt = performance.now();
    slot.worker.ref();
    const deadline = this.deadlineMillis ?? this.budgetOf(job.options) + WORKER_LIMITS.graceMillis;
    slot.timer = setTimeout(() => {
      void this.end(
        slot,
        new ParseError(
          'too_large',
          `Reading this document took longer than ${duration(deadline)}, the most one document may take, and was stopped; split it into smaller statements, or send a CSV export.`,
        ),
      );
    }, deadline);
    // A copy of the bytes is handed over (the caller keeps its own, to hash and store).
    const bytes = new Uint8Array(job.request.bytes);
    const message: WorkerJob = { id: job.id, request: { ...job.request, bytes }, options: job.options };
    slot.worker.postMessage(message, [bytes.buffer]);
    this.startWatchdog();
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || reply.id !== job.id || slot.ending) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (reply.ok) job.resolve(reply.result);
    else job.reject(rebuild(reply));
    if (slot.jobs >= WORKER_LIMITS.maxJobsPerWorker) void this.end(slot);
    else this.next(slot);
  }

  /**
   * The next waiting document, owners taking turns: of the owners with the fewest documents being read, the one whose
   * turn came longest ago (or never), and its longest-waiting document. One owner's many documents then never keep
   * another's waiting behind them all.
   */
  private takeNext(): Job | undefined {
    if (this.queue.length === 0) return undefined;
    const running = new Map<string, number>();
    for (const s of this.slots) if (s.job) running.set(s.job.owner, (running.get(s.job.owner) ?? 0) + 1);
    const rank = (j: Job): [number, number] => [running.get(j.owner) ?? 0, this.lastTurn.get(j.owner) ?? -1];
    let best = 0;
    let [rb, tb] = rank(this.queue[0]!);
    for (let i = 1; i < this.queue.length; i++) {
      const [r, t] = rank(this.queue[i]!);
      if (r < rb || (r === rb && t < tb)) [best, rb, tb] = [i, r, t];
    }
    return this.queue.splice(best, 1)[0];
  }

  /** Gives a free worker the next waiting document, or lets it idle. */
  private next(slot: Slot): void {
    const job = this.takeNext();
    if (job) {
      clearTimeout(job.queueTimer);
      this.start(slot, job);
      return;
    }
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.end(slot), this.idleMillis);
    slot.idleTimer.unref();
    if (!this.slots.some((s) => s.job)) this.stopWatchdog();
  }

  /** Terminates a worker on purpose; its document (if any) fails with `error`. */
  private async end(slot: Slot, error?: ParseError): Promise<void> {
    if (!slot.ending) slot.ending = error ?? new ParseError('parse_failed', 'The reader was stopped; send the document again.');
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    await slot.worker.terminate();
  }

  private onExit(slot: Slot): void {
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      job.reject(
        slot.ending ??
          new ParseError(
            'parse_failed',
            'The document could not be read: the reader stopped unexpectedly. Download it again, or send a CSV export.',
          ),
      );
    }
    // Someone waiting gets a fresh worker in place of this one.
    if (!this.closed && this.queue.length > 0 && this.slots.length < this.size) {
      const next = this.takeNext()!;
      clearTimeout(next.queueTimer);
      this.start(this.spawn(), next);
    }
    if (!this.slots.some((s) => s.job)) this.stopWatchdog();
  }

  /**
   * Watches the process's resident memory while documents are read: V8's limits do not cover typed
   * arrays, so a document that gets past every check and fills them is stopped here.
   */
  private startWatchdog(): void {
    if (this.watchdog) return;
    const usage = process.memoryUsage();
    this.baseline = usage.rss - usage.heapTotal - usage.external;
    this.watchdog = setInterval(() => {
      const running = this.slots.filter((s) => s.job && !s.ending);
      if (running.length === 0) return;
      const now = process.memoryUsage();
      const workers = now.rss - now.heapTotal - now.external - this.baseline;
      const allowed = this.slots.length * (this.maxOldGenerationSizeMb + this.maxExternalMb) * 1024 * 1024;
      if (workers > allowed) {
        // The memory cannot be told apart by worker: the document read longest is stopped first.
        const oldest = running.reduce((a, b) => (a.startedAt <= b.startedAt ? a : b));
        void this.end(oldest, this.memoryError());
      }
    }, 250);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}

let shared: ParsePool | undefined;

/** The process's pool, made on first use. */
/** The error a cancelled parse settles with. */
function cancelled(): ParseError {
  return new ParseError('parse_failed', 'The request was cancelled, so the document was not read further.');
}

export function sharedPool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
