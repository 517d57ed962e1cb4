/**
 * What a cold child of the statement benchmark (bench/statements.ts) reports on stdout when its one piece
 * of work is done: one JSON line, then the process exits. Times are milliseconds since the process
 * started (`performance.timeOrigin`); memory is the process's resident-set high-water mark.
 *
 * On Linux that mark is read from /proc/self/status (VmHWM), not from `process.resourceUsage().maxRSS`:
 * getrusage's figure carries over the parent's across fork and exec (a child of a 300 MB parent reports
 * 311 MB while holding 40 MB, tried on Node 20), so it would measure the benchmark, not the child.
 * @module
 */
import { peakRssKiB } from '../peak-rss.ts';

export interface ColdReport {
  /** The entry module's body starts running: node booted, every static import loaded. */
  readonly ready: number;
  /** pdf.js loaded. */
  readonly pdfjs: number;
  /** The document read. */
  readonly done: number;
  /** CPU time of the whole process (every thread), user and system, in milliseconds. */
  readonly cpu: number;
  /** Peak resident set size of this process in KiB (VmHWM; `maxRSS` where there is no /proc). */
  readonly maxRssKiB: number;
  /** Text items (raw) or transactions (parse) found: the parent checks them, so no work can be skipped. */
  readonly count: number;
}

/** Writes the report and ends the process at once, so neither contender pays for an orderly teardown. */
export function report(r: Omit<ColdReport, 'maxRssKiB' | 'cpu'>): never {
  const { user, system } = process.cpuUsage();
  const full: ColdReport = { ...r, cpu: (user + system) / 1000, maxRssKiB: peakRssKiB() };
  process.stdout.write(`${JSON.stringify(full)}\n`); // synchronous on a pipe (Linux, macOS)
  process.exit(0);
}
