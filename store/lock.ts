/**
 * One process per PGlite directory. PGlite has no lock of its own: two processes on one directory would
 * both write and lose each other's writes. Before PGlite opens, the store takes `<dir>/reckoner.lock`,
 * created with O_EXCL and holding the owner's pid, host and start time. A second process fails at once,
 * naming the pid that holds it. A lock whose process is gone (killed, crashed) is stale and is taken over;
 * so is one whose pid now belongs to a different process (Linux: the start time in /proc tells them apart).
 * @module
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError } from './errors.ts';

export const LOCK_FILE = 'reckoner.lock';

interface LockBody {
  readonly pid: number;
  readonly host: string;
  /** When the owning process started (ISO). */
  readonly startedAt: string;
  /** Linux: the process start time from /proc/<pid>/stat, in clock ticks since boot. */
  readonly procStart?: string;
  readonly lockedAt: string;
}

export interface DirectoryLock {
  readonly path: string;
  /** Removes the lock file, if it is still ours. Safe to call twice. */
  release(): void;
}

/** Field 22 of /proc/<pid>/stat (the start time), or undefined off Linux or when the process is gone. */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockBody | undefined {
  try {
    const body = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockBody>;
    if (typeof body.pid !== 'number' || typeof body.host !== 'string') return undefined;
    return body as LockBody;
  } catch {
    return undefined;
  }
}

/** Whether the process named in the lock is still the one that took it. */
function holderAlive(body: LockBody): boolean {
  if (body.host !== hostname()) return true; // another machine (a shared disk): we cannot tell, so it holds
  if (!alive(body.pid)) return false;
  if (body.procStart !== undefined) {
    const now = procStart(body.pid);
    if (now !== undefined && now !== body.procStart) return false; // the pid was reused
  }
  return true;
}

function inUse(dir: string, body: LockBody | undefined): StoreError {
  const who =
    body === undefined
      ? 'another Reckoner process (its lock file is being written)'
      : body.pid === process.pid && body.host === hostname()
        ? `this process (pid ${body.pid}), which opened it already`
        : `another Reckoner process: pid ${body.pid}${body.host === hostname() ? '' : ` on ${body.host}`}, started ${body.startedAt}`;
  return new StoreError(
    'conflict',
    'RECKONER_DATA_DIR',
    `the database in ${dir} is in use by ${who}. Only one process at a time can use an embedded database: ` +
      'stop that process (or use it instead), or set RECKONER_DATA_DIR to another directory, or set DATABASE_URL to share a PostgreSQL database',
  );
}

const processStart = new Date(Date.now() - process.uptime() * 1000).toISOString();

/**
 * Takes the directory's lock, or throws at once.
 *
 * @throws {StoreError} `conflict`, naming the process that holds it.
 */
export function lockDirectory(dir: string): DirectoryLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const body = readLock(path);
      if (body === undefined) {
        // Half-written by a process that is writing it now, or left empty by one that died while writing it.
        const age = Date.now() - safeMtime(path);
        if (age < 5_000) throw inUse(dir, undefined);
        breakStale(path, undefined);
        continue;
      }
      if (holderAlive(body)) throw inUse(dir, body);
      breakStale(path, body);
      continue;
    }
    const procStartTicks = procStart(process.pid);
    const body: LockBody = {
      pid: process.pid,
      host: hostname(),
      startedAt: processStart,
      ...(procStartTicks === undefined ? {} : { procStart: procStartTicks }),
      lockedAt: new Date().toISOString(),
    };
    try {
      writeSync(fd, `${JSON.stringify(body)}\n`);
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      process.off('exit', release);
      const now = readLock(path);
      if (now?.pid === body.pid && now.lockedAt === body.lockedAt) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    };
    // A process that exits without closing the store still gives the directory back.
    process.on('exit', release);
    return { path, release };
  }
  throw inUse(dir, readLock(path));
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Moves a stale lock aside so that O_EXCL can be tried again. Renaming is atomic: of two processes breaking
 * the same stale lock, one moves it and the other finds it gone. The moved file is checked to be the stale
 * one; if a live lock was moved by mistake (taken between our read and our rename), it is put back.
 */
function breakStale(path: string, seen: LockBody | undefined): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readLock(aside);
  const same = seen === undefined ? moved === undefined : moved?.pid === seen.pid && moved.lockedAt === seen.lockedAt;
  if (!same && moved !== undefined && holderAlive(moved)) {
    try {
      // Put the live lock back where it was, unless a new one has been taken meanwhile.
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, readFileSync(aside));
      closeSync(fd);
    } catch {
      // a new lock is there already
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone
  }
}
