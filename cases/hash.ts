/**
 * A short, stable hash of an input: the same input (whatever its key order) gives the same hash. Paging cursors
 * carry it, and a kept reconciliation run is recognised by it.
 * @module
 */
import { createHash } from 'node:crypto';
import { nextTurn } from './turns.ts';

/** JSON with object keys sorted at every level, so equal inputs hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = sortedEntries(value);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sortedEntries(value: object): [string, unknown][] {
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A short hash of everything in the input but `page`: two requests for pages of one result share it. */
export function inputHash(input: object): string {
  const { page: _page, ...rest } = input as { readonly page?: unknown };
  return createHash('sha256').update(canonicalJson(rest)).digest('base64url').slice(0, 16);
}

/** Items of a list written between two turns of the event loop (about 15 ms of a case's bank lines). */
const ITEMS_A_TURN = 5_000;
/** Text handed to the hash at a time. */
const FLUSH_CHARS = 1 << 16;

/**
 * {@link inputHash}, the same hash of the same text, written in turns: a case of 100,000 bank lines is 13 MB of
 * canonical JSON, about 0.4 s of work that would otherwise hold every other request on a shared server. The text is
 * handed to the hash in whole JSON pieces (never a character pair split); an object's values are written in turn,
 * and a list's items each as one piece, the event loop turning every {@link ITEMS_A_TURN} items.
 */
export async function inputHashInTurns(input: object, turn: () => Promise<void> = nextTurn): Promise<string> {
  const { page: _page, ...rest } = input as { readonly page?: unknown };
  const hash = createHash('sha256');
  let pending = '';
  let sinceTurn = 0;
  const put = (text: string) => {
    pending += text;
    if (pending.length >= FLUSH_CHARS) {
      hash.update(pending);
      pending = '';
    }
  };
  const write = async (value: unknown): Promise<void> => {
    if (Array.isArray(value)) {
      put('[');
      for (let i = 0; i < value.length; i++) {
        put(i > 0 ? `,${canonicalJson(value[i])}` : canonicalJson(value[i]));
        if (++sinceTurn >= ITEMS_A_TURN) {
          sinceTurn = 0;
          await turn();
        }
      }
      put(']');
    } else if (value !== null && typeof value === 'object') {
      put('{');
      const entries = sortedEntries(value);
      for (let i = 0; i < entries.length; i++) {
        put(`${i > 0 ? ',' : ''}${JSON.stringify(entries[i]![0])}:`);
        await write(entries[i]![1]);
      }
      put('}');
    } else put(JSON.stringify(value) ?? 'null');
  };
  await write(rest);
  hash.update(pending);
  return hash.digest('base64url').slice(0, 16);
}
