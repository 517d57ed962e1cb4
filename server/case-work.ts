/**
 * How many calls that load a whole stored case (a reconciliation, a bundle, an export, a letter drafted from the case)
 * a shared server runs at once: each may hold hundreds of megabytes for a case of many rows, and nothing else
 * bounded how many ran together (a security audit passed 2 GB with three ~100-byte reconcile_case requests). Calls
 * past the limit wait their turn, first come first served among the organisations that may start; one organisation
 * never holds more than its share of the running slots, so another's call is never queued behind all of its.
 * @module
 */

export class CaseWorkLimiter {
  private running = 0;
  private readonly byOrganisation = new Map<string, number>();
  private readonly waiting: { readonly organisation: string; readonly start: () => void }[] = [];

  constructor(
    /** Calls running at once, in all. */
    readonly total = 2,
    /** Calls running at once for one organisation. */
    readonly perOrganisation = 1,
  ) {}

  /** Runs `work` when a slot is free for `organisation`. */
  async run<T>(organisation: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(organisation);
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
    return this.running < this.total && (this.byOrganisation.get(organisation) ?? 0) < this.perOrganisation;
  }

  private take(organisation: string): void {
    this.running++;
    this.byOrganisation.set(organisation, (this.byOrganisation.get(organisation) ?? 0) + 1);
  }

  private acquire(organisation: string): Promise<void> {
    // Whatever waits cannot start now (release starts all that can), so a call that can start does.
    if (this.canStart(organisation)) {
      this.take(organisation);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ organisation, start: () => (this.take(organisation), resolve()) }));
  }

  private release(organisation: string): void {
    this.running--;
    const left = (this.byOrganisation.get(organisation) ?? 1) - 1;
    if (left === 0) this.byOrganisation.delete(organisation);
    else this.byOrganisation.set(organisation, left);
    // Start every waiting call that may now start, oldest first.
    for (let i = 0; i < this.waiting.length && this.running < this.total;) {
      const next = this.waiting[i]!;
      if (this.canStart(next.organisation)) {
        this.waiting.splice(i, 1);
        next.start();
      } else i++;
    }
  }
}
