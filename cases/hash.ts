/**
 * A short, stable hash of an input: the same input (whatever its key order) gives the same hash. Paging cursors
 * carry it, and a kept reconciliation run is recognised by it.
 * @module
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal inputs hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short hash of everything in the input but `page`: two requests for pages of one result share it. */
export function inputHash(input: object): string {
  const { page: _page, ...rest } = input as { readonly page?: unknown };
  return createHash('sha256').update(canonicalJson(rest)).digest('base64url').slice(0, 16);
}
