/**
 * Documents are parsed in a cage: a pool of child processes, each with a memory cap (V8's
 * `--max-old-space-size`), a cap on its whole resident memory, and a wall-clock deadline after which it is
 * killed, so that no document can stop the process that serves requests. pdf.js decodes and interprets on the
 * thread that calls it and cannot be interrupted from inside; a process can be, from outside. A process, not a
 * worker thread: V8 aborts the whole process on some out-of-memory paths (a worker's heap cap notwithstanding:
 * a security audit's 868-byte PDF made pdf.js build 16.7 million entries and aborted the server), and a child
 * that aborts takes only itself, and the document it was reading, with it.
 *
 * - At most {@link WORKER_LIMITS}.poolSize documents are read at once; up to `maxQueue` more wait their
 *   turn (for at most the deadline), and past that a document is refused with a {@link ReaderBusyError}
 *   (`too_large`, marked busy) whose message says to try again.
 * - A child past its deadline, over its memory, or gone for any other reason, is replaced; the document
 *   gets a clear `too_large` (or `parse_failed`) naming the limit it hit.
 * - Memory outside V8's heap (typed arrays, which pdf.js decodes into) is not covered by the heap cap: on Linux
 *   a watchdog reads each child's resident memory while it reads a document and stops it past its share.
 * - Children are reused (pdf.js stays loaded) and are let go after a while idle, or after many documents; one
 *   whose parent has gone ends itself (entry.ts).
 *
 * The child's code: statements/worker/entry.ts, started from the sources through tsx (boot.mjs), or, in
 * the bundle that bin/reckoner runs, as dist/parse-worker.mjs beside dist/reckoner.mjs (scripts/build.mjs).
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MappingError } from '../csv/index.ts';
import { LIMITS, ParseError, type ParseRequest, type ParseResult } from '../types.ts';
import type { ParseOptions } from '../index.ts';
import type { WorkerJob, WorkerReply } from './entry.ts';
import { ResultAssembler } from './reply.ts';
import { groupedCount } from '../../calc/money.ts';

export const WORKER_LIMITS = {
  /** Documents read at once. */
  poolSize: Math.max(2, Math.min(4, availableParallelism() - 1)),
  /** Documents that may wait for a worker; more are refused. */
  maxQueue: 32,
  /** V8 heap of one child (old generation), in MB. */
  maxOldGenerationSizeMb: 768,
  /** Resident memory beyond its heap cap (typed arrays, code) one child may grow by, in MB, before the watchdog stops it. */
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
  /** The child's code, a module that speaks entry.ts's messages (tests); default entry.ts (or the bundle's). */
  readonly entry?: URL;
}

/** Where the child's code is: the bundle's dist/parse-worker.mjs, or the sources through tsx. */
function childEntry(entry?: URL): { file: string; args: string[] } {
  const here = import.meta.url;
  if (entry) return { file: fileURLToPath(new URL('./boot.mjs', here)), args: [entry.href] };
  if (/\.ts$/.test(new URL(here).pathname)) {
    return { file: fileURLToPath(new URL('./boot.mjs', here)), args: [new URL('./entry.ts', here).href] };
  }
  // Bundled: this code is in dist/reckoner.mjs, and scripts/build.mjs writes the child's code beside it.
  return { file: fileURLToPath(new URL('./parse-worker.mjs', here)), args: [] };
}

/** The environment a parse process gets: this one's, less Reckoner's settings and the database's address. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^(RECKONER_|DATABASE_URL$|PG[A-Z]+$)/.test(name)) env[name] = value;
  return env;
}

const VM_RSS = /^VmRSS:\s*(\d+) kB/m;
const VM_HWM = /^VmHWM:\s*(\d+) kB/m;

/** A Linux process's resident memory now (VmRSS) and at its peak (VmHWM), in MB; undefined elsewhere or once gone. */
function residentMb(pid: number | undefined): { now: number; peak: number } | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const now = Number(VM_RSS.exec(status)?.[1]);
    const peak = Number(VM_HWM.exec(status)?.[1]);
    return Number.isFinite(now) && Number.isFinite(peak) ? { now: now / 1024, peak: peak / 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/** What V8 writes to stderr as it aborts for memory: its heap cap, or an array or table past the most it can hold. */
const OUT_OF_MEMORY = /heap out of memory|Allocation failed|invalid size error|invalid table size|invalid array length/i;

/** How long a busy refusal asks a caller to wait, in seconds: the longest one document may take to read. */
export const BUSY_RETRY_AFTER_SECONDS = Math.ceil(LIMITS.maxMillis / 1000);

/**
 * The reader's refusal for being busy — its queue full, an organisation's share of it full, or a document that waited
 * its whole time budget — as against a document that is too large: `too_large` with the reader's words, and marked
 * (`busy`, `retryAfterSeconds`) so that an adapter tells the two apart by the mark, never by the words. HTTP answers it
 * 503 with Retry-After (server/errors.ts): the same request, sent again later, may well be read.
 */
export class ReaderBusyError extends ParseError {
  override name = 'ReaderBusyError';
  readonly busy = true;
  /** Seconds after which to send the same request again. */
  readonly retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS;
  constructor(message: string) {
    super('too_large', message);
  }
}

/**
 * The busy refusal an error is, or was made from (an error rewritten for its caller keeps the one it came from as its
 * `cause`: calc/errors.ts withProblems), or undefined.
 */
export function readerBusyIn(error: unknown): ReaderBusyError | undefined {
  let e = error;
  for (let depth = 0; depth < 8 && e instanceof Error; depth++, e = e.cause) if (e instanceof ReaderBusyError) return e;
  return undefined;
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
  /** The parts of its result's rows received so far (reply.ts). */
  assembler?: ResultAssembler;
}

interface Slot {
  readonly child: ChildProcess;
  /** Settles when the child has exited. */
  readonly exited: Promise<void>;
  /** The end of what the child wrote to stderr (V8 says there why it aborted). */
  stderr: string;
  /** Its resident memory when it took its document, in MB (the watchdog measures growth from it). */
  residentAtStart?: number;
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
  private readonly entry: URL | undefined;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** When each owner's document last started (a count of starts), for taking turns. */
  private readonly lastTurn = new Map<string, number>();
  private turns = 0;
  private watchdog: NodeJS.Timeout | undefined;
  private closed = false;
  private peak: number | undefined;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? WORKER_LIMITS.poolSize);
    this.maxQueue = Math.max(0, options.maxQueue ?? WORKER_LIMITS.maxQueue);
    this.maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? WORKER_LIMITS.maxOldGenerationSizeMb;
    this.maxExternalMb = options.maxExternalMb ?? WORKER_LIMITS.maxExternalMb;
    this.deadlineMillis = options.deadlineMillis;
    this.idleMillis = options.idleMillis ?? WORKER_LIMITS.idleMillis;
    this.entry = options.entry;
  }

  /** The highest resident memory any of its children had reached when it answered, in MB (Linux), for tests and diagnostics. */
  get peakMemoryMb(): number | undefined {
    return this.peak;
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
          new ReaderBusyError(
            `Your organisation already has ${own} document${own === 1 ? '' : 's'} waiting to be read, the most one organisation may have waiting on this server; try again when they are done.`,
          ),
        );
      }
      if (this.queue.length >= this.maxQueue) {
        return reject(
          new ReaderBusyError(
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
          new ReaderBusyError(
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
    const { file, args } = childEntry(this.entry);
    const child = fork(file, args, {
      // Its own flags only (not the parent's: a debugger's or a test runner's), and the heap cap.
      execArgv: [`--max-old-space-size=${this.maxOldGenerationSizeMb}`],
      // Nothing it prints reaches stdout, which over stdio is the JSON-RPC channel; stderr is kept to tell why it died.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      // Reading a document needs none of the server's secrets (its keys, tokens, database address): the process
      // that reads untrusted files is given none of them.
      env: childEnv(),
    });
    let exited!: () => void;
    const slot: Slot = { child, exited: new Promise<void>((r) => (exited = r)), stderr: '', jobs: 0, startedAt: performance.now() };
    this.slots.push(slot);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      slot.stderr = (slot.stderr + text).slice(-4096);
    });
    child.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    let gone = false;
    const onGone = () => {
      if (gone) return;
      gone = true;
      this.onExit(slot);
      exited();
    };
    child.on('error', () => {
      // Failed to start, or a message it could not be sent: it is ended, and its document told so. A child that never
      // started may never say it exited, so it is taken as gone now.
      if (!slot.ending) slot.ending = this.stoppedError();
      if (child.pid === undefined) onGone();
      else child.kill('SIGKILL');
    });
    child.on('exit', onGone);
    this.idle(slot);
    return slot;
  }

  private stoppedError(): ParseError {
    return new ParseError(
      'parse_failed',
      'The document could not be read: the reader stopped unexpectedly. Download it again, or send a CSV export.',
    );
  }

  /** Lets this process exit while the child idles, or keeps it running while the child reads. */
  private idle(slot: Slot, idle = true): void {
    const handles = [slot.child, slot.child.channel, slot.child.stderr] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const h of handles) if (h) idle ? h.unref() : h.ref();
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
    slot.residentAtStart = residentMb(slot.child.pid)?.now;
    this.idle(slot, false);
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
    // The bytes are copied to the child (the caller keeps its own, to hash and store).
    const message: WorkerJob = { id: job.id, request: job.request, options: job.options };
    slot.child.send(message);
    this.startWatchdog();
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || reply.id !== job.id || slot.ending) return;
    // A part of the result's rows (reply.ts): read as it comes, the rest of the answer still to come.
    if (reply.ok && 'part' in reply) {
      (job.assembler ??= new ResultAssembler()).add(reply.part);
      return;
    }
    clearTimeout(slot.timer);
    slot.job = undefined;
    const peak = residentMb(slot.child.pid)?.peak;
    if (peak !== undefined) this.peak = Math.max(this.peak ?? 0, peak);
    if (reply.ok) {
      let result: ParseResult | undefined;
      try {
        result = (job.assembler ?? new ResultAssembler()).finish(reply);
      } catch {
        job.reject(this.stoppedError());
      }
      job.assembler = undefined;
      if (result) job.resolve(result);
    } else job.reject(rebuild(reply));
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
    this.idle(slot);
    slot.idleTimer = setTimeout(() => void this.end(slot), this.idleMillis);
    slot.idleTimer.unref();
    if (!this.slots.some((s) => s.job)) this.stopWatchdog();
  }

  /** Kills a child on purpose; its document (if any) fails with `error`. */
  private async end(slot: Slot, error?: ParseError): Promise<void> {
    if (!slot.ending) slot.ending = error ?? new ParseError('parse_failed', 'The reader was stopped; send the document again.');
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
    await slot.exited;
  }

  private onExit(slot: Slot): void {
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    const job = slot.job;
    slot.job = undefined;
    // Gone by itself: V8 says on stderr when it aborted for memory (its heap cap, or a table past its size).
    if (job) job.reject(slot.ending ?? (OUT_OF_MEMORY.test(slot.stderr) ? this.memoryError() : this.stoppedError()));
    // Someone waiting gets a fresh worker in place of this one.
    if (!this.closed && this.queue.length > 0 && this.slots.length < this.size) {
      const next = this.takeNext()!;
      clearTimeout(next.queueTimer);
      this.start(this.spawn(), next);
    }
    if (!this.slots.some((s) => s.job)) this.stopWatchdog();
  }

  /**
   * Watches each reading child's resident memory (Linux): V8's heap cap does not cover typed arrays, so a document
   * that gets past every check and fills them is stopped here, before it takes the machine's memory.
   */
  private startWatchdog(): void {
    if (this.watchdog || process.platform !== 'linux') return;
    this.watchdog = setInterval(() => {
      for (const slot of this.slots) {
        if (!slot.job || slot.ending) continue;
        const now = residentMb(slot.child.pid)?.now;
        if (now === undefined) continue;
        if (now - (slot.residentAtStart ?? 0) > this.maxOldGenerationSizeMb + this.maxExternalMb) void this.end(slot, this.memoryError());
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
