/**
 * `calculate_maintenance`'s 2012-scheme answer written straight to JSON text, byte for byte what
 * `JSON.stringify(toJson(result))` gives (test/server/calculation-text.test.ts holds it to that on the golden inputs):
 * the JSON API answers a calculation with it, without the object graph made only to be stringified. The shape is
 * calculateMaintenanceOutput's, keys in toJson's order; a change to either must be made here too, and the test says so.
 * @module
 */
import { FREQUENCIES } from '../calc/frequency.ts';
import { flatString } from '../calc/flat-string.ts';
import { formatFraction } from '../calc/money.ts';
import { moneyTextsOf, receivingParentsWithoutMoney, type MaintenanceResult, type MoneyTexts } from '../calc/scheme-2012/calculate.ts';
import type { TraceStep } from '../calc/trace.ts';
import { jsonInner, jsonString, jsonStrings, needsEscape } from './json-text.ts';

type Charges = NonNullable<MoneyTexts['collectionCharges']>;

/**
 * Every value is a string written between two pieces of fixed text that carry its quotes (`,"rate":"` and `","`):
 * V8 joins two strings by a node that points at both, flattened into one piece only when the answer is written out,
 * and that costs for each node; a value quoted on its own (`"` + value + `"`) made two more. Values that need no
 * escaping: money ("62.86"), fractions ("3/14"), percentages, counts, names from the calculator's own lists (rate,
 * collection service, scheme), and the date, which the calculator has read as a real date written YYYY-MM-DD.
 * What a user wrote (an id) goes through jsonInner, unless no id needs escaping (calculatorWordsArePlain).
 */
const asIs = (s: string): string => s;

type Parents = ReturnType<typeof receivingParentsWithoutMoney>;

/**
 * Whether the words the calculator wrote (each step's description and value, the read-out) can be written as they
 * are. Their only words not the calculator's own are the names of the people and children, which are the ids given
 * (or its own "child 2", "the receiving parent"): when no id needs escaping, neither do they
 * (test/server/calculation-text.test.ts holds every golden input to that). Testing each id, a few short strings,
 * spares a scan of some 4,000 characters of words, which JSON.stringify or a regular expression would first copy
 * into one piece each.
 */
function calculatorWordsArePlain(parents: Parents): boolean {
  for (const p of parents) {
    if (needsEscape(p.id)) return false;
    for (const c of p.children) if (needsEscape(c.id)) return false;
  }
  return true;
}

/** The JSON text of toJson(result). */
export function calculationText(result: MaintenanceResult): string {
  const money = moneyTextsOf(result);
  const parents = receivingParentsWithoutMoney(result);
  // The ids, and the words around them: written as they are when no id needs escaping.
  const words = calculatorWordsArePlain(parents) ? asIs : jsonInner;
  const gross = money.grossWeeklyIncome === null ? 'null' : `"${money.grossWeeklyIncome}"`;
  return (
    `{"scheme":"${result.scheme}","date":"${result.date}","rate":"${result.rate}","grossWeeklyIncome":${gross}` +
    `,"weeklyAmount":"${money.weeklyAmount}","receivingParents":${parentsText(parents, money.shares, words)}` +
    `,"perFrequency":${perFrequencyText(money.perFrequency)},"collection":"${result.collection}"` +
    (money.collectionCharges ? `,"collectionCharges":${chargesText(money.collectionCharges, words)}` : '') +
    `,"warnings":${jsonStrings(result.warnings)},"readOut":"${words(result.readOut)}","trace":${traceText(result.trace, words)}}`
  );
}

function parentsText(parents: Parents, shares: readonly string[], ids: (s: string) => string): string {
  let out = '[';
  for (let i = 0; i < parents.length; i++) {
    const rp = parents[i]!;
    out +=
      (i === 0 ? '{"id":"' : ',{"id":"') +
      ids(rp.id) +
      '","weeklyAmount":"' +
      shares[i]! +
      '","sharedCareFraction":"' +
      formatFraction(rp.sharedCareFraction) +
      '","children":[';
    for (let j = 0; j < rp.children.length; j++) {
      const c = rp.children[j]!;
      out +=
        (j === 0 ? '{"id":"' : ',{"id":"') +
        ids(c.id) +
        `","nightsPerYear":${c.nightsPerYear},"nightsPerWeek":${c.nightsPerWeek}` +
        `,"band":{"fromNights":${c.band.fromNights},"toNights":${c.band.toNights}},"sharedCareFraction":"` +
        formatFraction(c.sharedCareFraction) +
        '"}';
    }
    out += ']}';
  }
  return `${out}]`;
}

/** Each frequency's key and the opening quote of its value, as the first in an object and after a comma (one piece each). */
const FREQUENCY_KEYS = FREQUENCIES.map((f, i) => flatString(`${i === 0 ? '{' : ','}"${f}":"`));
/** The same, opening an object of that frequency's charges. */
const CHARGED_KEYS = FREQUENCIES.map((f, i) => flatString(`${i === 0 ? '{' : ','}"${f}":{"maintenance":"`));

function perFrequencyText(texts: Record<(typeof FREQUENCIES)[number], string>): string {
  let out = '';
  for (let i = 0; i < FREQUENCIES.length; i++) out += FREQUENCY_KEYS[i]! + texts[FREQUENCIES[i]!] + '"';
  return `${out}}`;
}

/** Each frequency's three figures, under the names given (the paying parent's total, a receiving parent's net). */
function chargedText<K extends 'total' | 'net'>(
  byFrequency: Record<(typeof FREQUENCIES)[number], { maintenance: string; fee: string } & Record<K, string>>,
  last: K,
): string {
  const lastKey = last === 'total' ? '","total":"' : '","net":"';
  let out = '';
  for (let i = 0; i < FREQUENCIES.length; i++) {
    const x = byFrequency[FREQUENCIES[i]!];
    out += CHARGED_KEYS[i]! + x.maintenance + '","fee":"' + x.fee + lastKey + x[last] + '"}';
  }
  return `${out}}`;
}

function chargesText(c: Charges, ids: (s: string) => string): string {
  let out =
    `{"payingParentPercent":"${c.payingParentPercent}","receivingParentPercent":"${c.receivingParentPercent}"` +
    `,"payingParent":${chargedText(c.payingParent, 'total')},"receivingParents":[`;
  for (let i = 0; i < c.receivingParents.length; i++) {
    const rp = c.receivingParents[i]!;
    out += (i === 0 ? '{"id":"' : ',{"id":"') + ids(rp.id) + '","perFrequency":' + chargedText(rp.perFrequency, 'net') + '}';
  }
  return `${out}]}`;
}

function traceText(steps: readonly TraceStep[], words: (s: string) => string): string {
  let out = '[';
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    out += (i === 0 ? '' : ',') + stepOpening(s.step) + words(s.description) + '","value":"' + words(s.value) + sourceClosing(s);
  }
  return `${out}]`;
}

/**
 * A step's name and its legal source are a few dozen fixed strings (calc's STEP and LAW), written again in every
 * answer: each is quoted once, the first time it is written, and kept as one piece (calc/flat-string.ts) up to
 * MEMO_LIMIT, a bound no fixed list reaches, so that a source made at run time could never grow the maps without end.
 */
const MEMO_LIMIT = 1000;
const openings = new Map<string, string>();
const closings = new Map<string, Map<string | undefined, string>>();

function stepOpening(step: string): string {
  let text = openings.get(step);
  if (text === undefined) {
    text = flatString(`{"step":${jsonString(step)},"description":"`);
    if (openings.size < MEMO_LIMIT) openings.set(step, text);
  }
  return text;
}

function sourceClosing(s: TraceStep): string {
  // By citation, then by href (or none): the keys are the calculator's own strings, whose hashes V8 keeps.
  let byHref = closings.get(s.citation);
  if (byHref === undefined) {
    byHref = new Map();
    if (closings.size < MEMO_LIMIT) closings.set(s.citation, byHref);
  }
  let text = byHref.get(s.href);
  if (text === undefined) {
    text = flatString(`","citation":${jsonString(s.citation)}${s.href === undefined ? '' : `,"href":${jsonString(s.href)}`}}`);
    if (byHref.size < MEMO_LIMIT) byHref.set(s.href, text);
  }
  return text;
}
