/**
 * Amounts split by a thousands comma not in quotes: "2,450.00" written bare in a comma-separated file reads as two
 * fields, "2" and "450.00" ("1,234,567.89" as three). Where a row has more fields than the file's other rows (or its
 * header) and joining such parts again is the one way to give it their width with every joined value in a money
 * column, the parts are joined; a row that can be joined more than one way is ambiguous, and the caller refuses it,
 * naming the line.
 * @module
 */

/** The first part of a split amount: one to three digits, perhaps after a sign, "(" or "£" ("-1", "£2", "(12"). */
const HEAD = /^\s*[-+]?\(?£?-?\d{1,3}$/;
/** A middle part: exactly three digits. */
const GROUP = /^\d{3}$/;
/** The last part: three digits, perhaps pence, a closing ")" or a sign after it ("450.00", "045.00-", "450.00 CR"). */
const LAST = /^\d{3}(?:\.\d{1,2})?\)?(?:\s*-|\s*(?:CR|DR)\.?)?\s*$/i;

/** A run of fields that may be one amount split at its thousands commas: from `start`, `length` fields. */
interface Run {
  readonly start: number;
  readonly length: number;
}

/** Every maximal run of fields shaped like a split amount (a head, then groups of three digits, the last perhaps with pence). */
function runs(fields: readonly string[]): Run[] {
  const found: Run[] = [];
  for (let i = 0; i < fields.length - 1; i++) {
    if (!HEAD.test(fields[i]!)) continue;
    let j = i + 1;
    while (j < fields.length && GROUP.test(fields[j]!)) j++;
    if (j < fields.length && !GROUP.test(fields[j]!) && LAST.test(fields[j]!)) j++;
    if (j === i + 1) continue;
    found.push({ start: i, length: j - i });
    i = j - 1;
  }
  return found;
}

/** What joining a row's split amounts gives: the fields joined, or why not. */
export type Rejoined =
  | { readonly kind: 'joined'; readonly fields: readonly string[] }
  /** No joining gives the row `width` fields with the joined values in money columns. */
  | { readonly kind: 'none' }
  /** More than one joining does: which amount is which cannot be told. */
  | { readonly kind: 'ambiguous' };

/** Most runs a row is searched over (a row of more is not joined). */
const MAX_RUNS = 8;

/**
 * The row's fields (trailing empty ones left out) with split amounts joined again to give it `width` fields, each
 * joined value landing in one of the `money` columns. Exactly one choice of runs to join must do it.
 */
export function rejoinSplitAmounts(fields: readonly string[], width: number, money: ReadonlySet<number>): Rejoined {
  const found = runs(fields);
  const extra = fields.length - width;
  if (extra <= 0 || found.length === 0 || found.length > MAX_RUNS) return { kind: 'none' };
  let chosen: readonly string[] | undefined;
  let ways = 0;
  for (let mask = 1; mask < 1 << found.length; mask++) {
    const picked = found.filter((_, k) => (mask >> k) & 1);
    if (picked.reduce((n, r) => n + r.length - 1, 0) !== extra) continue;
    const out: string[] = [];
    let ok = true;
    let i = 0;
    for (const r of picked) {
      out.push(...fields.slice(i, r.start));
      if (!money.has(out.length)) ok = false;
      out.push(fields.slice(r.start, r.start + r.length).join(','));
      i = r.start + r.length;
    }
    out.push(...fields.slice(i));
    if (!ok || out.length !== width) continue;
    ways++;
    chosen = out;
  }
  if (ways === 1) return { kind: 'joined', fields: chosen! };
  return ways > 1 ? { kind: 'ambiguous' } : { kind: 'none' };
}

/** The warning for rows whose split amounts were joined again, naming the first few lines. */
export function rejoinedWarning(lines: readonly number[]): string {
  const n = lines.length;
  const shown = lines
    .slice(0, 5)
    .map((l) => `line ${l}`)
    .join(', ');
  const more = n > 5 ? ` and ${n - 5} more` : '';
  return (
    `${n === 1 ? 'A row has' : `${n} rows have`} an amount written with a thousands comma and no quotes ("2,450.00" read as "2" and "450.00"): ` +
    `the parts were joined again, the one way that gives ${n === 1 ? 'the row' : 'each row'} the file's columns with the amount in a money column (${shown}${more}). Check ${n === 1 ? 'that amount' : 'those amounts'} against the statement.`
  );
}
