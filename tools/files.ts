/**
 * The file shelf: files a tool makes (a letter's PDF, an evidence bundle, a calendar, a case export) are kept here
 * for a while instead of travelling as base64 inside a result. A result carries a `file` object (`StoredFile`): the
 * MCP server turns it into a `resource_link` (`reckoner://files/<id>`, read with `resources/read`), and HTTP serves
 * the same bytes at `GET /api/v1/files/<id>`.
 *
 * - In memory only: nothing is written to disk, and a restart forgets every file (they are made again on request).
 * - Each file belongs to the organisation and principal that made it; another one asking gets "not there", the
 *   same answer as for an id that never existed, so an id reveals nothing.
 * - Ids are 128 random bits (a UUID v4 has 122; these are 32 hex digits from `randomBytes(16)`): unguessable.
 * - A file is kept for `ttlMs` (60 minutes by default); the shelf holds at most `maxBytes` (256 MiB by default),
 *   the oldest files going first when a new one needs the room. One file larger than the whole shelf is refused.
 * @module
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { CodedInputError } from './tool.ts';

/** What a tool's result carries for a file it made. */
export interface StoredFile {
  /** `reckoner://files/<id>`: read it with MCP `resources/read`. */
  readonly uri: string;
  /** The file name to save it under, e.g. `letter-L04-v1.pdf`. */
  readonly name: string;
  readonly mimeType: string;
  /** Bytes. */
  readonly size: number;
  /** The HTTP path that downloads it: `/api/v1/files/<id>` (same token as the other routes). */
  readonly download: string;
  /** Only when no shelf was given (a bare context): the bytes themselves, base64. */
  readonly base64?: string;
}

/** The output schema of a `file`: written once, used by every tool that makes a file. */
export const fileOutput = z
  .object({
    uri: z.string(),
    name: z.string(),
    mimeType: z.string(),
    size: z.int(),
    download: z.string(),
    base64: z.string().optional(),
  })
  .describe('A file kept for 60 minutes: read uri with resources/read, or GET download over HTTP');

export interface NewFile {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly name: string;
  /** The case it comes from, if any (kept with it; never shown to another organisation). */
  readonly caseId?: string;
}

export interface KeptFile {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly name: string;
  readonly caseId?: string;
  /** When it goes, in ms since the epoch. */
  readonly expiresAt: number;
}

/** One principal's view of the shelf: what a tool context carries. */
export interface Files {
  put(file: NewFile): StoredFile;
  /** The file, or undefined when it is unknown, expired or someone else's. */
  get(id: string): KeptFile | undefined;
}

export interface ShelfOptions {
  readonly ttlMs?: number;
  readonly maxBytes?: number;
  /** The clock, ms since the epoch (tests move it). */
  readonly now?: () => number;
}

export const FILE_TTL_MS = 60 * 60 * 1000;
export const SHELF_MAX_BYTES = 256 * 1024 * 1024;
export const FILE_URI_PREFIX = 'reckoner://files/';
export const FILE_DOWNLOAD_PREFIX = '/api/v1/files/';
const ID = /^[0-9a-f]{32}$/;

interface Entry extends KeptFile {
  readonly owner: string;
  readonly organisation: string;
}

/** The owner key of a principal: organisation and principal (a NUL cannot occur in either). */
const ownerKey = (owner: { organisation: string; id: string }): string => `${owner.organisation}\u0000${owner.id}`;

export class FileShelf {
  /** Oldest first (a Map keeps insertion order), so eviction takes from the front. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: ShelfOptions = {}) {
    this.ttlMs = options.ttlMs ?? FILE_TTL_MS;
    this.maxBytes = options.maxBytes ?? SHELF_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** Bytes held now (after dropping expired files). */
  get size(): number {
    this.sweep();
    return this.bytes;
  }

  /** The shelf as one principal sees it. */
  for(owner: { organisation: string; id: string }): Files {
    const key = ownerKey(owner);
    return { put: (file) => this.put(key, owner.organisation, file), get: (id) => this.get(key, id) };
  }

  /**
   * Most bytes one organisation's files may hold: half the shelf. A file it puts past that evicts its own oldest
   * files first, so one organisation's exports cannot push another's files off the shelf before their hour is up
   * (a security audit evicted another organisation's calendar within minutes); with two organisations, neither
   * ever evicts the other's.
   */
  private get organisationMaxBytes(): number {
    return Math.floor(this.maxBytes / 2);
  }

  private put(owner: string, organisation: string, file: NewFile): StoredFile {
    const size = file.bytes.byteLength;
    if (size > this.organisationMaxBytes) {
      throw new CodedInputError(
        'too_large',
        'file',
        `is ${size} bytes, more than the ${this.organisationMaxBytes} bytes this server keeps for one organisation's files`,
      );
    }
    this.sweep();
    let own = 0;
    for (const entry of this.entries.values()) if (entry.organisation === organisation) own += entry.bytes.byteLength;
    for (const [id, entry] of this.entries) {
      if (own + size <= this.organisationMaxBytes) break;
      if (entry.organisation !== organisation) continue;
      own -= entry.bytes.byteLength;
      this.drop(id, entry);
    }
    for (const [id, entry] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.drop(id, entry);
    }
    const id = randomBytes(16).toString('hex');
    const entry: Entry = {
      id,
      owner,
      organisation,
      bytes: file.bytes,
      mimeType: file.mimeType,
      name: file.name,
      ...(file.caseId ? { caseId: file.caseId } : {}),
      expiresAt: this.now() + this.ttlMs,
    };
    this.entries.set(id, entry);
    this.bytes += size;
    return describe(entry);
  }

  private get(owner: string, id: string): KeptFile | undefined {
    if (!ID.test(id)) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.drop(id, entry);
      return undefined;
    }
    if (entry.owner !== owner) return undefined;
    const { owner: _owner, organisation: _organisation, ...kept } = entry;
    return kept;
  }

  /** Drops every expired file (they expire in the order they were put, so from the front). */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.drop(id, entry);
    }
  }

  private drop(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entry.bytes.byteLength;
  }
}

function describe(entry: KeptFile): StoredFile {
  return {
    uri: `${FILE_URI_PREFIX}${entry.id}`,
    name: entry.name,
    mimeType: entry.mimeType,
    size: entry.bytes.byteLength,
    download: `${FILE_DOWNLOAD_PREFIX}${entry.id}`,
  };
}

/**
 * What a tool puts in its result for a file: the shelf's link when the context has a shelf, else (a bare context,
 * in tests or a library call) the bytes as base64 under `base64`, with an empty uri and download.
 */
export function shelve(files: Files | undefined, file: NewFile): StoredFile {
  if (files) return files.put(file);
  return {
    uri: '',
    name: file.name,
    mimeType: file.mimeType,
    size: file.bytes.byteLength,
    download: '',
    base64: Buffer.from(file.bytes).toString('base64'),
  };
}

/** The id in a `reckoner://files/<id>` URI, or undefined. */
export function fileIdOf(uri: string): string | undefined {
  if (!uri.startsWith(FILE_URI_PREFIX)) return undefined;
  const id = uri.slice(FILE_URI_PREFIX.length);
  return ID.test(id) ? id : undefined;
}
