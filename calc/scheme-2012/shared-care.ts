/**
 * Shared care: the fraction by which the amount falls for the nights a child spends with the paying
 * parent (Child Support Act 1991 Sch 1 para 7).
 * @module
 */
import { fraction, gcd, type Fraction } from '../money.ts';
import type { ResolvedValue } from '../parameters.ts';
import type { Trace } from '../trace.ts';
import { STEP } from './steps.ts';
import type { SharedCareBand } from './parameters.ts';

const NONE: Fraction = { numerator: 0, denominator: 1 };

/** Each band's fraction in lowest terms, worked out once per band. */
const bandFractions = new WeakMap<SharedCareBand, Fraction>();

/** The para 7(4) fraction for one child's nights a year: 0, 1/7, 2/7, 3/7 or 1/2. */
export function sharedCareFraction(nights: number, bands: readonly SharedCareBand[]): Fraction {
  let found: SharedCareBand | undefined;
  for (const band of bands) {
    if (nights >= band.minNights) found = band;
  }
  if (found === undefined) return NONE;
  let f = bandFractions.get(found);
  if (f === undefined) bandFractions.set(found, (f = fraction(found.numerator, found.denominator)));
  return f;
}

/** The para 7(4) band a number of nights falls in: its first and last night a year (null for the top band, which has no last). */
export interface SharedCareBandRange {
  readonly fromNights: number;
  readonly toNights: number | null;
}

/** The band of `nights`: 0 to 51 nights is the band below the table's first row (no decrease). */
export function sharedCareBandOf(nights: number, bands: readonly SharedCareBand[]): SharedCareBandRange {
  let fromNights = 0;
  let toNights: number | null = bands.length > 0 ? bands[0]!.minNights - 1 : null;
  for (const [i, band] of bands.entries()) {
    if (nights < band.minNights) break;
    fromNights = band.minNights;
    const next = bands[i + 1];
    toNights = next === undefined ? null : next.minNights - 1;
  }
  return { fromNights, toNights };
}

/** True when the child's fraction is the top band (one-half), which also carries the £7-per-child deduction. */
export function isHalfBand(nights: number, bands: readonly SharedCareBand[]): boolean {
  const top = bands[bands.length - 1];
  return top !== undefined && nights >= top.minNights;
}

/**
 * Para 7(5): where one receiving parent has several qualifying children, the decrease is the sum of the
 * children's fractions divided by the number of those children.
 */
export function averageFraction(fractions: readonly Fraction[]): Fraction {
  // Sum over a common denominator, then divide by the count; `fraction` reduces to lowest terms.
  const denominator = fractions.reduce((d, f) => lcm(d, f.denominator), 1);
  const numerator = fractions.reduce((n, f) => n + (f.numerator * denominator) / f.denominator, 0);
  return fraction(numerator, denominator * fractions.length);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** A child as both schemes' calculations name it, with its nights. */
interface NightsOfChild {
  readonly name: string;
  readonly nightsPerYear: number;
  readonly nightsPerWeek: number | null;
}

/**
 * The trace step, in both schemes, for each child whose nights were given a week: "Child 2: 2 nights a week × 52 =
 * 104 nights a year", each weekly night counted as `perNight` nights a year.
 */
export function traceWeeklyNights(
  parents: readonly { readonly children: readonly NightsOfChild[] }[],
  perNight: ResolvedValue<number>,
  trace: Trace,
): void {
  for (const p of parents) {
    for (const c of p.children) {
      if (c.nightsPerWeek === null) continue;
      trace.add(
        STEP.sharedCareNights,
        `${c.name[0]!.toUpperCase()}${c.name.slice(1)}: ${c.nightsPerWeek} ${c.nightsPerWeek === 1 ? 'night' : 'nights'} a week × ${perNight.value} = ${c.nightsPerYear} nights a year`,
        String(c.nightsPerYear),
        perNight.reference,
      );
    }
  }
}
