/**
 * How many calls that load a whole stored case (a reconciliation, a bundle, an export, a letter drafted from the case,
 * a case export imported, a kept file read back over MCP) a shared server runs at once: each may hold hundreds of
 * megabytes for a case of many rows, and nothing else bounded how many ran together (a security audit passed 2 GB with
 * three ~100-byte reconcile_case requests). Calls past the limit wait their turn, first come first served among the
 * organisations that may start; one organisation never holds more than its share of the running slots, so another's
 * call is never queued behind all of its.
 *
 * The wait is bounded too, as the document reader's is, by the calls waiting and by the bytes of their requests (each
 * waiting call holds its request and its parsed body: a security probe sent 300 calls of 970 KB behind one slow
 * export; all waited, the server grew from 173 MB to 1.2 GB, and nothing stopped more): at most
 * {@link CASE_WORK_LIMITS}.maxWaiting calls and `maxWaitingBytes` of requests wait, one organisation's at most half
 * of each; past that a call is refused at once with a {@link CaseWorkBusyError} (HTTP 503 with Retry-After). The
 * places are many, so that a page sending a parent's two years of statements at once still has them all read. A call
 * whose client has gone (its signal aborted) leaves the queue at once, and is never run for nobody.
 * @module
 */
import { ReckonerError } from '../calc/errors.ts';
import { groupedCount } from '../calc/money.ts';

export const CASE_WORK_LIMITS = {
  /** Calls running at once, in all. */
  total: 2,
  /** Calls running at once for one organisation. */
  perOrganisation: 1,
  /** Calls waiting, in all; one organisation may hold at most half of these places. */
  maxWaiting: 256,
  /** Bytes of the requests of the calls waiting, in all; one organisation's at most half. */
  maxWaitingBytes: 256 * 1024 * 1024,
  /** Seconds a refused call is told to wait before it is sent again. */
  retryAfterSeconds: 10,
};

/** The limits a limiter keeps (tests make them small). */
export type CaseWorkLimits = typeof CASE_WORK_LIMITS;

/**
 * A call refused because too many calls on cases are waiting (for its organisation, or in all): `too_large`, marked
 * `busy` with `retryAfterSeconds` (as the document reader's busy refusal is), so that HTTP answers 503 with Retry-After.
 */
export class CaseWorkBusyError extends ReckonerError {
  override name = 'CaseWorkBusyError';
  readonly busy = true;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_large', [{ field: '(request)', message }]);
  }
}

/** The case-work busy refusal an error is, or was made from (a rewritten error keeps it as its `cause`), or undefined. */
export function caseWorkBusyIn(error: unknown): CaseWorkBusyError | undefined {
  let e = error;
  for (let depth = 0; depth < 8 && e instanceof Error; depth++, e = e.cause) if (e instanceof CaseWorkBusyError) return e;
  return undefined;
}

/**
 * Whether a tool call takes a turn of the case work: a call on a stored case (given a `caseId`), or `import_case`,
 * which writes a whole case (an export of up to 64 MiB: three at once held a probe's server for minutes).
 */
export function isCaseWork(tool: string, input: unknown): boolean {
  return tool === 'import_case' || typeof (input as { caseId?: unknown } | null)?.caseId === 'string';
}

/** Runs a call when the shared server has room for it; `signal` aborted while it waits takes it out of the queue. */
export type CaseWork = <T>(work: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

interface Waiting {
  readonly organisation: string;
  /** The bytes of its request. */
  readonly bytes: number;
  readonly start: () => void;
}

const bytesOf = (n: number): string => `${groupedCount(n)} bytes`;

export class CaseWorkLimiter {
  private running = 0;
  private readonly byOrganisation = new Map<string, number>();
  private readonly waiting: Waiting[] = [];
  readonly limits: CaseWorkLimits;

  constructor(limits: Partial<CaseWorkLimits> = {}) {
    this.limits = { ...CASE_WORK_LIMITS, ...limits };
  }

  /**
   * Runs `work` when a slot is free for `organisation`, or refuses it at once ({@link CaseWorkBusyError}) when the
   * queue has no place for it (`bytes`: the size of its request); a call waiting when `signal` aborts leaves the queue
   * and rejects with the signal's reason.
   */
  async run<T>(organisation: string, work: () => Promise<T>, signal?: AbortSignal, bytes = 0): Promise<T> {
    await this.acquire(organisation, signal, bytes);
    try {
      return await work();
    } finally {
      this.release(organisation);
    }
  }

  /** Calls running now, and waiting. */
  get counts(): { readonly running: number; readonly waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private canStart(organisation: string): boolean {
    return this.running < this.limits.total && (this.byOrganisation.get(organisation) ?? 0) < this.limits.perOrganisation;
  }

  private take(organisation: string): void {
    this.running++;
    this.byOrganisation.set(organisation, (this.byOrganisation.get(organisation) ?? 0) + 1);
  }

  /** Why a call of this organisation and size may not wait now, or undefined when it may. */
  private noPlace(organisation: string, bytes: number): string | undefined {
    const { maxWaiting, maxWaitingBytes } = this.limits;
    let calls = 0;
    let held = 0;
    let allHeld = 0;
    for (const w of this.waiting) {
      allHeld += w.bytes;
      if (w.organisation === organisation) {
        calls++;
        held += w.bytes;
      }
    }
    if (calls + 1 > Math.max(1, Math.floor(maxWaiting / 2)))
      return `${calls} of your organisation's calls on cases are already waiting their turn`;
    if (held + bytes > Math.floor(maxWaitingBytes / 2) && calls > 0) {
      return `your organisation's calls on cases already waiting their turn hold ${bytesOf(held)} of requests, and this one ${bytesOf(bytes)} more`;
    }
    if (this.waiting.length + 1 > maxWaiting) return `${this.waiting.length} calls on cases are already waiting their turn`;
    if (allHeld + bytes > maxWaitingBytes && this.waiting.length > 0) {
      return `the calls on cases already waiting their turn hold ${bytesOf(allHeld)} of requests`;
    }
    return undefined;
  }

  private acquire(organisation: string, signal: AbortSignal | undefined, bytes: number): Promise<void> {
    signal?.throwIfAborted();
    // Whatever waits cannot start now (release starts all that can), so a call that can start does.
    if (this.canStart(organisation)) {
      this.take(organisation);
      return Promise.resolve();
    }
    const why = this.noPlace(organisation, bytes);
    if (why) {
      throw new CaseWorkBusyError(
        `The server is busy: ${why}, the most it keeps waiting; send this call again in ${this.limits.retryAfterSeconds} ` +
          'seconds, or once your other calls have answered',
        this.limits.retryAfterSeconds,
      );
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal!.reason);
      };
      const entry: Waiting = {
        organisation,
        bytes,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.take(organisation);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private release(organisation: string): void {
    this.running--;
    const left = (this.byOrganisation.get(organisation) ?? 1) - 1;
    if (left === 0) this.byOrganisation.delete(organisation);
    else this.byOrganisation.set(organisation, left);
    // Start every waiting call that may now start, oldest first.
    for (let i = 0; i < this.waiting.length && this.running < this.limits.total;) {
      const next = this.waiting[i]!;
      if (this.canStart(next.organisation)) {
        this.waiting.splice(i, 1);
        next.start();
      } else i++;
    }
  }
}
