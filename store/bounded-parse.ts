/**
 * The first problem in an input's long arrays, found before zod parses the whole of it. zod collects every issue of
 * every element: an array of 2,000,000 `{}` sent as a case export's transactions made 6,000,000 issues and stopped a
 * shared server (heap exhausted); 249,000 of them, under the 1 MiB body limit, held it 6–9 s and 1–2 GB (a security
 * test, 5 December 2026). Here an array longer than its schema's maximum is refused at once, and the elements of one
 * longer than {@link LONG} are checked one at a time, stopping at the first that fails, so a refusal costs what one
 * bad element costs. Used by the tools' input parsing (tools/tool.ts) and the case export reader (store/export.ts).
 * @module
 */
import * as z from 'zod';

/** Arrays up to this long are left to zod whole; longer ones are checked element by element first. */
export const LONG = 1000;

/** At most this many issues of the first element that fails are kept. */
const ISSUES_KEPT = 10;

type Issue = z.core.$ZodIssue;
type Key = string | number;
/** The keys down to a value, innermost last, kept as a chain so that walking makes no array until a problem is found. */
type Path = { readonly up: Path; readonly key: Key } | null;

const keysOf = (path: Path): Key[] => {
  const keys: Key[] = [];
  for (let p = path; p !== null; p = p.up) keys.unshift(p.key);
  return keys;
};

/** The first problems in `value`'s long arrays as zod would report them (paths from the top), or undefined. */
export function longArrayProblems(schema: z.ZodType, value: unknown): z.ZodError | undefined {
  const issues = walk(schema as unknown as z.core.$ZodType, value, null);
  return issues === undefined ? undefined : new z.ZodError(issues);
}

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

/** The schema a wrapper (optional, nullable, a default, a pipe's input…) wraps; undefined for any other schema. */
function wrapped(def: Def): z.core.$ZodType | undefined {
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType as z.core.$ZodType;
    case 'pipe':
      return def.in as z.core.$ZodType;
    default:
      return undefined;
  }
}

function walk(schema: z.core.$ZodType, value: unknown, path: Path): Issue[] | undefined {
  const def = schema._zod.def as Def;
  const inner = wrapped(def);
  if (inner) return value === undefined || value === null ? undefined : walk(inner, value, path);
  switch (def.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const shape = def.shape as Record<string, z.core.$ZodType>;
      for (const key in shape) {
        // A field whose schema holds no array is left to zod: not even read here.
        if (!holdsArrays(shape[key]!) || !Object.hasOwn(value, key)) continue;
        const found = walk(shape[key]!, (value as Record<string, unknown>)[key], { up: path, key });
        if (found) return found;
      }
      return undefined;
    }
    case 'array':
      return Array.isArray(value) ? arrayProblems(def as unknown as z.core.$ZodArrayDef, value, path) : undefined;
    default:
      return undefined;
  }
}

function arrayProblems(def: z.core.$ZodArrayDef, items: readonly unknown[], path: Path): Issue[] | undefined {
  const tooMany = lengthProblems(def, items, path);
  if (tooMany) return tooMany;
  const element = def.element;
  const long = items.length > LONG;
  const nesting = holdsArrays(element);
  if (!long && !nesting) return undefined;
  for (let i = 0; i < items.length; i++) {
    const nested = nesting ? walk(element, items[i], { up: path, key: i }) : undefined;
    if (nested) return nested;
    if (!long) continue;
    const parsed = z.safeParse(element, items[i]);
    if (!parsed.success)
      return parsed.error.issues.slice(0, ISSUES_KEPT).map((issue) => ({ ...issue, path: [...keysOf(path), i, ...issue.path] }));
  }
  return undefined;
}

const holding = new WeakMap<z.core.$ZodType, boolean>();

/** Whether values of `schema` can hold an array (through objects and wrappers; not through unions or lazy schemas). */
function holdsArrays(schema: z.core.$ZodType): boolean {
  let holds = holding.get(schema);
  if (holds !== undefined) return holds;
  const def = schema._zod.def as Def;
  const inner = wrapped(def);
  holds = inner
    ? holdsArrays(inner)
    : def.type === 'array' || (def.type === 'object' && Object.values(def.shape as Record<string, z.core.$ZodType>).some(holdsArrays));
  holding.set(schema, holds);
  return holds;
}

/**
 * The array's own maximum-length checks, run as zod runs them (with their own messages), before any element is read;
 * undefined when the array is short enough.
 */
function lengthProblems(def: z.core.$ZodArrayDef, items: readonly unknown[], path: Path): Issue[] | undefined {
  for (const check of def.checks ?? []) {
    if ((check._zod.def as { check?: string }).check !== 'max_length') continue;
    const payload = { value: items, issues: [] as z.core.$ZodRawIssue[] } as unknown as z.core.ParsePayload<never>;
    check._zod.check(payload);
    if (payload.issues.length > 0) {
      return payload.issues.map((raw) => ({ ...z.core.util.finalizeIssue(raw, {}, z.core.config()), path: keysOf(path) }));
    }
  }
  return undefined;
}
