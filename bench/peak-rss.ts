/**
 * A process's resident-set high-water mark, in KiB. On Linux it is read from /proc/self/status (VmHWM), not from
 * `process.resourceUsage().maxRSS`: getrusage's figure carries over the parent's across fork and exec (a child of a
 * 300 MB parent reports 311 MB while holding 40 MB, tried on Node 20), so in a benchmark's child it would measure
 * the benchmark, not the child. Elsewhere (no /proc) `maxRSS` is all there is.
 * @module
 */
import { readFileSync } from 'node:fs';

export function peakRssKiB(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS;
}
