/**
 * Local files, for a Reckoner on the user's own machine (stdio) only, and only by permission: a `path` is
 * read, or written, only inside the folders the client shares (MCP roots) or the user lists in
 * RECKONER_FILES_DIR (several separated by ":", like PATH). A language model asks for paths; it must not
 * be able to read ~/.ssh or /proc/self/environ by asking.
 *
 * Reading is safe against what a path may turn out to be:
 * - the real path (symbolic links followed) must lie inside an allowed folder; /proc, /sys and /dev are
 *   refused at once whatever the folders;
 * - the file is opened with O_NONBLOCK (a named pipe cannot hang the call, or the thread pool behind it)
 *   and O_NOFOLLOW, then checked on the open descriptor (fstat: a regular file; on Linux, the descriptor's
 *   own path, so that nothing swapped in between the check and the open is read);
 * - at most `maxBytes` are read, whatever the file claims its size is (/proc files claim 0);
 * - errors name the path and what to do, never the file's contents.
 *
 * Writing (export_case) creates a new file (never over an existing one, never through a link), 0600,
 * inside the same folders.
 * @module
 */
import { constants } from 'node:fs';
import { open, readlink, realpath, stat, unlink, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../calc/errors.ts';
import type { ToolContext } from './tool.ts';

/** The environment variable that lists the folders Reckoner may read and write, like PATH. */
export const FILES_DIR_VARIABLE = 'RECKONER_FILES_DIR';

/** Folders where nothing is a statement: refused whatever the allowed folders are. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];

/** `~` and `~/…` as the home folder, then absolute. */
export function expandHome(path: string): string {
  return resolve(path === '~' ? homedir() : path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path);
}

/** The folders listed in RECKONER_FILES_DIR (":"-separated, `~` allowed), absolute; empty entries ignored. */
export function filesDirsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[FILES_DIR_VARIABLE] ?? '')
    .split(delimiter)
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map(expandHome);
}

/** The allowed folders as real paths (links followed); folders that do not exist are left out. */
export async function realDirs(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of dirs) {
    try {
      const real = await realpath(d);
      if ((await stat(real)).isDirectory() && !out.includes(real)) out.push(real);
    } catch {
      // a folder that does not exist allows nothing
    }
  }
  return out;
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const isSystemPath = (path: string) => SYSTEM_DIRS.some((d) => inside(path, d));

const noFolders = (field: string) =>
  new InputError(
    field,
    `cannot be used: no folder on this computer is open to Reckoner. List the folders that hold your statements in ${FILES_DIR_VARIABLE} ` +
      '(in the MCP client\'s configuration, under "env"; several separated by ":", like PATH), or use a client that shares its folders ' +
      '(MCP roots); or send the file itself as contentBase64',
  );

const outside = (field: string, full: string, dirs: readonly string[]) =>
  new InputError(
    field,
    `${full} is outside the folders Reckoner may use (${dirs.join(', ')}); move the file into one of them, or add its folder to ` +
      `${FILES_DIR_VARIABLE} or to the client's roots`,
  );

const systemFile = (field: string, full: string) =>
  new InputError(field, `${full} is a system file (/proc, /sys or /dev), not a statement; give the path of the statement file`);

/** The folders a tool may use as given, from the context (the stdio server's), or from RECKONER_FILES_DIR alone. */
async function givenDirsOf(context: ToolContext): Promise<readonly string[]> {
  return context.allowedDirs ? await context.allowedDirs() : filesDirsFromEnv();
}

/** Refuses a path over HTTP: the server is not on the user's computer. */
function checkLocal(context: ToolContext, field: string, refusal: string): void {
  if (context.localFiles !== true) throw new InputError(field, refusal);
}

/** What an open descriptor is, in words, when it is not a regular file. */
function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Whether the descriptor really is the file at `real` inside the allowed folders: on Linux its own path
 * (/proc/self/fd), elsewhere the same device and inode as `real` now.
 */
async function sameFile(handle: FileHandle, real: string, dirs: readonly string[]): Promise<boolean> {
  try {
    const own = await readlink(`/proc/self/fd/${handle.fd}`);
    return dirs.some((d) => inside(own, d)) && !isSystemPath(own);
  } catch {
    const [a, b] = await Promise.all([handle.stat(), stat(real)]);
    return a.dev === b.dev && a.ino === b.ino;
  }
}

function openError(field: string, full: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(
    field,
    code === 'ENOENT' || code === 'ENOTDIR'
      ? `there is no file at ${full}; check the path`
      : code === 'EACCES' || code === 'EPERM'
        ? `${full} cannot be read (permission denied)`
        : code === 'ENXIO'
          ? `${full} is a socket or a device, not a file; give the path of the statement file`
          : code === 'ELOOP'
            ? `${full} changed while it was being opened (it is now a link); give the path of the file itself`
            : `${full} cannot be read (${code ?? 'error'})`,
  );
}

export interface ReadOptions {
  /** The input field that holds the path, for messages. */
  readonly field?: string;
  /** Most bytes read. */
  readonly maxBytes: number;
  /** The error for a file larger than `maxBytes`. */
  readonly tooLarge: (size: number, full: string) => Error;
  /** The refusal over HTTP. */
  readonly notLocal: string;
}

/** The full path asked for and the folders it may be in; refused at once off stdio, in /proc and the like, or with no folder allowed. */
async function allowedTarget(
  path: string,
  context: ToolContext,
  field: string,
  notLocal: string,
): Promise<{ full: string; dirs: string[] }> {
  checkLocal(context, field, notLocal);
  const full = expandHome(path);
  if (isSystemPath(full)) throw systemFile(field, full);
  const given = await givenDirsOf(context);
  const dirs = await realDirs(given);
  if (dirs.length === 0) throw noFolders(field);
  // A path not inside an allowed folder as written is refused before anything is looked up, so the answer never
  // says whether a file exists elsewhere (a security audit: "there is no file at /etc/no-such-file" told it apart
  // from /etc/shadow). Links inside a folder are still followed, and checked again, when the file is opened.
  const written = resolve(full);
  if (![...dirs, ...given.map((d) => resolve(d))].some((d) => inside(written, d))) throw outside(field, full, dirs);
  return { full, dirs };
}

/**
 * A local file's bytes, for a stdio server only, from inside the allowed folders, bounded.
 * @throws {InputError} naming the path and what to do; `tooLarge` past `maxBytes`.
 */
export async function readAllowedFile(path: string, context: ToolContext, options: ReadOptions): Promise<Uint8Array> {
  const field = options.field ?? 'path';
  const { full, dirs } = await allowedTarget(path, context, field, options.notLocal);
  let real: string;
  try {
    real = await realpath(full);
  } catch (e) {
    throw openError(field, full, e);
  }
  if (isSystemPath(real)) throw systemFile(field, full);
  if (!dirs.some((d) => inside(real, d))) throw outside(field, full, dirs);
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | constants.O_NOCTTY);
  } catch (e) {
    throw openError(field, full, e);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError(field, `${full} is ${kindOf(info)}, not a file; give the path of the statement file`);
    if (!(await sameFile(handle, real, dirs))) throw outside(field, full, dirs);
    if (info.size > options.maxBytes) throw options.tooLarge(info.size, full);
    // Read to the bound whatever the size said (a file can grow, and /proc-like files say 0).
    const chunk = Buffer.alloc(Math.min(options.maxBytes + 1, Math.max(info.size + 1, 64 * 1024), 8 * 1024 * 1024));
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > options.maxBytes) throw options.tooLarge(length, full);
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    const all = Buffer.concat(chunks, length);
    return new Uint8Array(all.buffer, all.byteOffset, all.length);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` to a new file at `path`, 0600, inside the allowed folders (for a stdio server only).
 * @returns the file's full path.
 * @throws {InputError} naming the path and what to do.
 */
export async function writeAllowedFile(
  path: string,
  context: ToolContext,
  data: string,
  options: { field?: string; notLocal: string },
): Promise<string> {
  const field = options.field ?? 'path';
  const { full, dirs } = await allowedTarget(path, context, field, options.notLocal);
  let folder: string;
  try {
    folder = await realpath(dirname(full));
  } catch {
    throw new InputError(field, `the folder of ${full} does not exist`);
  }
  if (isSystemPath(folder) || !dirs.some((d) => inside(folder, d))) throw outside(field, full, dirs);
  const target = join(folder, basename(full));
  let handle: FileHandle;
  try {
    // A new file, readable by this user only; never over an existing one, never through a link.
    handle = await open(
      target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o600,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      field,
      code === 'EEXIST'
        ? `${full} already exists; give the name of a new file`
        : code === 'ENOENT'
          ? `the folder of ${full} does not exist`
          : `${full} cannot be written (${code ?? 'error'})`,
    );
  }
  let ok = false;
  try {
    if (!(await sameFile(handle, target, dirs))) throw outside(field, full, dirs);
    await handle.chmod(0o600);
    await handle.writeFile(data);
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await unlink(target).catch(() => undefined);
  }
  return target;
}
