/**
 * The work a PDF asks of pdf.js, counted before pdf.js does it. Decompression is bounded by streams.ts;
 * this bounds what the decoded content makes pdf.js do while it extracts the text:
 * - form XObjects nested in form XObjects (a 2 KB file of forms that each draw the next one twice asks
 *   for 2^30 drawings): refused past {@link STRUCTURE_LIMITS}.maxFormDepth levels, or when a form draws
 *   itself;
 * - operators and pieces of text, per page and in the whole document, counting each form as many times
 *   as it is drawn and each page's content as many times as pages share it (500 pages can share one
 *   heavy content stream);
 * - pages: the page tree is walked, and a tree with more pages than may be read is refused here;
 * - strings, and the content that holds them: one string or name, the bytes of strings and names a page's content
 *   holds and the whole document's, and the bytes of content a page draws. pdf.js builds each string a character
 *   at a time (about 25 bytes of memory a character while it does, and a glyph and a piece of text for each when
 *   it is drawn), and it is all heap or buffers no statement needs: one 60 MB string in a 60 KB file grew the
 *   process by 1.1 GB before the worker's memory cap stopped it. Each is counted as the content is read, and the
 *   reading stops at the first limit passed (a page's content is decoded no further than it may go);
 * - content as pdf.js reads it: a page's /Contents streams as the one stream pdf.js joins them into (a string opened
 *   in one runs on into the next), an inline image's dictionary (its strings) and its data to where pdf.js ends it
 *   (inline-image.ts), the glyphs of every Type 3 font met (in a page's, a form's or another Type 3 font's
 *   resources), the operands (a TJ of millions of numbers holds no string), and the bytes of content the whole
 *   document decodes (a security audit of 5 December: each of these let a file of under 17 KB grow the process by
 *   140–635 MB).
 *
 * Each content stream is read once (its counts are kept), so the check costs one pass over the decoded
 * content however often it is drawn. The caps sit well above any real statement (a dense 100-page
 * statement drawn word by word has about 235,000 operators and 42,000 pieces of text) and well below what
 * would keep pdf.js busy for the whole time a document may take.
 * @module
 */
import { LIMITS, ParseError } from '../types.ts';
import { Dict, MAX_STRING_BYTES, nameOf, Ref, sizeInWords, stringTooLong, type PdfValue } from './objects.ts';
import { inlineImageEnd, inlineImageFilter, newEndSearch } from './inline-image.ts';
import { OverBudget, type CheckedPdf } from './streams.ts';
import { groupedCount } from '../../calc/money.ts';

export const STRUCTURE_LIMITS = {
  /** Form XObjects inside form XObjects (real statements use one or two levels, if any). */
  maxFormDepth: 12,
  /** Content-stream operators on one page, forms counted each time they are drawn. */
  maxOperatorsPerPage: 1_000_000,
  /** Operators in the whole document (pdf.js reads about a million a second). */
  maxOperatorsPerDocument: 8_000_000,
  /** Pieces of text (Tj, ', ", and each string of a TJ) on one page. */
  maxTextItemsPerPage: 100_000,
  /** Pieces of text in the whole document (pdf.js places about 80,000 a second). */
  maxTextItemsPerDocument: 1_000_000,
  /** Bytes of one string or name in content (objects.ts): a statement's line is under 1 KB. */
  maxStringBytes: MAX_STRING_BYTES,
  /**
   * Bytes of strings and names in one page's content, forms counted each time they are drawn. A dense statement
   * page prints about 20,000 characters, 40 KB in two-byte glyph codes; 2 MB is 50 times that (and 20 times the
   * 100 KB no real page reaches). At worst (two strings of 1 MB) pdf.js needs about 70 MB more to read such a page.
   */
  maxTextBytesPerPage: 2 * 1024 * 1024,
  /**
   * Bytes of strings and names in the whole document's content: 500 dense pages come to 20 MB. 16 pages of 2 MB
   * each, just under it, are read with about 60 MB more than a normal statement.
   */
  maxTextBytesPerDocument: 32 * 1024 * 1024,
  /**
   * Decoded bytes of content one page draws (its content streams, and forms each time they are drawn): a real
   * statement page's come to tens or hundreds of KB (a million drawing operations, the cap above, to about 10 MB).
   * pdf.js decodes each into a buffer that doubles as it grows.
   */
  maxContentBytesPerPage: 16 * 1024 * 1024,
  /**
   * Decoded bytes of content the whole document draws, counted as for a page: a 100-page statement has about 1.5 MB
   * (15 KB a page), the 500 pages that may be read about 8 MB. Past this, pages sharing one heavy stream would keep
   * pdf.js decoding and reading it for minutes.
   */
  maxContentBytesPerDocument: 64 * 1024 * 1024,
  /**
   * Operands (numbers, strings, names, arrays …: everything in content that is not an operator, array items
   * included) on one page, forms counted each time they are drawn. A dense statement page has a few thousand;
   * pdf.js keeps each page's (about 22 bytes each: a TJ of 7.3 million numbers grew the process by 164 MB).
   */
  maxOperandsPerPage: 2_000_000,
  /** Operands in the whole document. */
  maxOperandsPerDocument: 16_000_000,
} as const;

export type StructureLimits = { readonly [K in keyof typeof STRUCTURE_LIMITS]: number };

/** What one content stream holds, counted once. */
export interface StreamCounts {
  readonly operators: number;
  /** Everything that is not an operator: numbers, strings, names, true/false/null, arrays and dictionaries, and their items. */
  readonly operands: number;
  readonly textItems: number;
  /** Each XObject drawn (`/Name Do`), with how many times. */
  readonly draws: ReadonlyMap<string, number>;
  /** Bytes of its strings (as decoded: escapes undone, two hex digits a byte) and names. */
  readonly textBytes: number;
  /** Bytes of its longest string or name. */
  readonly longest: number;
  /** Its decoded length. */
  readonly bytes: number;
}

/** Where {@link countContent} stops reading: past either, what it returns is already over it. */
export interface ContentStops {
  readonly maxStringBytes: number;
  readonly maxTextBytes: number;
}

/** What drawing one stream costs, with the forms it draws (and theirs) counted in. */
interface Cost {
  operators: number;
  operands: number;
  textItems: number;
  textBytes: number;
  /** Decoded bytes of content. */
  contentBytes: number;
  /** Levels of forms below this stream. */
  height: number;
}

/** Adds what drawing `c` costs, `times` times over, to `into` (its height is the caller's to set). */
function addCost(into: Cost, c: Cost, times = 1): void {
  into.operators += times * c.operators;
  into.operands += times * c.operands;
  into.textItems += times * c.textItems;
  into.textBytes += times * c.textBytes;
  into.contentBytes += times * c.contentBytes;
}

const en = (n: number) => groupedCount(n);

function tooDeep(max: number): ParseError {
  return new ParseError(
    'too_large',
    `The PDF draws pictures inside pictures (form XObjects) nested more than ${max} levels deep; no bank or CMS statement does, and reading it could take hours. Send the statement as the bank or CMS issued it, or a CSV export.`,
  );
}

/** `where`: "Page 3 of the PDF asks", "The first 51 pages of the PDF ask". */
function tooMuch(what: 'operators' | 'operands' | 'text', where: string, count: number, max: number): ParseError {
  const noun =
    what === 'operators'
      ? 'drawing operations'
      : what === 'operands'
        ? 'numbers, strings and names given to drawing operations'
        : 'pieces of text';
  return new ParseError(
    'too_large',
    `${where} for more than ${en(max)} ${noun} (at least ${en(count)}, counting drawings repeated inside others and content shared between pages), the most that may be read; no bank or CMS statement needs so many. Split the statement into smaller files, or send a CSV export.`,
  );
}

/**
 * Too many bytes of text (strings and names) or of content, on one page or (`document`) in the pages so far; `where`:
 * "Page 3 of the PDF asks", "The first 51 pages of the PDF ask".
 */
function tooManyBytes(what: 'text' | 'content', where: string, max: number, document: boolean): ParseError {
  const their = document ? 'their' : 'its';
  const counting = document
    ? 'counting content shared between pages, and pictures drawn inside others, each time they are drawn'
    : 'counting pictures drawn inside others each time they are drawn';
  const head =
    what === 'text'
      ? `${where} for more than ${sizeInWords(max)} of text (the strings and names in ${their} content, ${counting})`
      : `${where} for more than ${sizeInWords(max)} of drawing instructions (${their} content decompressed, ${counting})`;
  const most = document ? 'the most one document may hold' : 'the most one page may hold';
  const real =
    what === 'text'
      ? document
        ? 'a bank or CMS statement holds a few megabytes at most'
        : 'a page of a bank or CMS statement holds well under 100 KB'
      : document
        ? 'a bank or CMS statement has a few megabytes at most'
        : 'a page of a bank or CMS statement has well under 1 MB';
  const todo = document
    ? 'Split the statement into smaller files, or send a CSV export.'
    : 'the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.';
  return new ParseError('too_large', `${head}, ${most}; ${real}${document ? '. ' : ', so '}${todo}`);
}

/**
 * Checks the page tree and the content the pages draw against the limits.
 * @throws {ParseError} `too_large` past a limit, `parse_failed` for a form that draws itself.
 */
export function checkPdfStructure(
  checked: CheckedPdf,
  limits: StructureLimits = STRUCTURE_LIMITS,
  maxPages: number = LIMITS.maxPages,
): void {
  const { file } = checked;
  const root = catalog(checked);
  if (!root) return; // pdf.js cannot open it either; it says so
  const countsCache = new Map<string, StreamCounts | null>();
  const costCache = new Map<string, Cost>();
  const resourceIds = new Map<Dict, number>();
  const type3Seen = new Set<string>();
  let docOperators = 0;
  let docOperands = 0;
  let docText = 0;
  let docTextBytes = 0;
  let docContentBytes = 0;
  /** The glyph procedures of the Type 3 fonts first met on the page being walked (see chargeType3). */
  let type3: Cost = noCost();

  const resourcesId = (r: Dict | undefined) => {
    if (!r) return 0;
    let id = resourceIds.get(r);
    if (id === undefined) resourceIds.set(r, (id = resourceIds.size + 1));
    return id;
  };

  /** The streams of the page being walked past a page's limits (`cost`: what it draws so far). */
  const checkPage = (cost: Cost, page: number) => {
    const where = `Page ${page} of the PDF asks`;
    if (cost.operators > limits.maxOperatorsPerPage) throw tooMuch('operators', where, cost.operators, limits.maxOperatorsPerPage);
    if (cost.operands > limits.maxOperandsPerPage) throw tooMuch('operands', where, cost.operands, limits.maxOperandsPerPage);
    if (cost.textItems > limits.maxTextItemsPerPage) throw tooMuch('text', where, cost.textItems, limits.maxTextItemsPerPage);
    if (cost.textBytes > limits.maxTextBytesPerPage) throw tooManyBytes('text', where, limits.maxTextBytesPerPage, false);
    if (cost.contentBytes > limits.maxContentBytesPerPage) throw tooManyBytes('content', where, limits.maxContentBytesPerPage, false);
  };

  /**
   * What the streams `refs` hold, read as one: pdf.js joins a page's /Contents array into one stream, with
   * nothing between them, so a string opened in one runs on into the next (a security audit: a `(` in the first,
   * 15 MB of spaces in the second and `) Tj` in the third passed every string limit when each was read alone).
   * `page`: the page being walked, for the messages.
   */
  const countsOf = (refs: readonly Ref[], page: number): StreamCounts | undefined => {
    const key = refs.map((r) => r.key).join(' ');
    const cached = countsCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const where = `Page ${page} of the PDF asks`;
    // Decoded no further than a page may draw, and read no further than a page may hold: what a bomb of
    // content or of text would build is never built.
    const parts: Uint8Array[] = [];
    let room = limits.maxContentBytesPerPage;
    for (const ref of refs) {
      const stream = checked.stream(ref);
      if (!stream) continue; // pdf.js leaves out what is not a stream
      let data: Uint8Array | undefined;
      try {
        data = stream.decode(room);
      } catch (e) {
        if (e instanceof OverBudget) throw tooManyBytes('content', where, limits.maxContentBytesPerPage, false);
        throw e;
      }
      if (data === undefined) {
        throw new ParseError(
          'parse_failed',
          'The PDF stores page content with an image codec (JPEG, JBIG2 …), which no statement does; the file is damaged or was made to attack readers. Send the original statement, or a CSV export.',
        );
      }
      room -= data.length;
      parts.push(data);
    }
    let counts: StreamCounts | null = null;
    if (parts.length > 0) {
      counts = countContent(parts, { maxStringBytes: limits.maxStringBytes, maxTextBytes: limits.maxTextBytesPerPage });
      if (counts.longest > limits.maxStringBytes) throw stringTooLong(`Page ${page} of the PDF`, limits.maxStringBytes);
      if (counts.textBytes > limits.maxTextBytesPerPage) throw tooManyBytes('text', where, limits.maxTextBytesPerPage, false);
    }
    countsCache.set(key, counts);
    return counts ?? undefined;
  };

  const dictOf = (v: PdfValue | undefined): Dict | undefined => {
    const d = file.resolve(v);
    return d instanceof Dict ? d : undefined;
  };

  /**
   * The cost of drawing the streams `refs` (read as one) with `resources`; `path` holds the forms being drawn around
   * them; `page` is the page walked. The Type 3 fonts in `resources` are charged to the page (chargeType3).
   */
  const costOf = (refs: readonly Ref[], resources: Dict | undefined, depth: number, path: Set<string>, page: number): Cost => {
    const key = `${refs.map((r) => r.key).join(' ')}|${resourcesId(resources)}`;
    const cached = costCache.get(key);
    if (cached) {
      if (depth + cached.height > limits.maxFormDepth) throw tooDeep(limits.maxFormDepth);
      return cached;
    }
    const counts = countsOf(refs, page);
    const cost: Cost = {
      operators: counts?.operators ?? 0,
      operands: counts?.operands ?? 0,
      textItems: counts?.textItems ?? 0,
      textBytes: counts?.textBytes ?? 0,
      contentBytes: counts?.bytes ?? 0,
      height: 0,
    };
    if (counts) chargeType3(resources, depth, page);
    if (counts && counts.draws.size > 0) {
      const xobjects = dictOf(resources?.get('XObject'));
      for (const [name, times] of counts.draws) {
        const target = xobjects?.get(name);
        if (!(target instanceof Ref)) continue;
        const stream = checked.stream(target);
        if (!stream || nameOf(file.resolve(stream.dict.get('Subtype'))) !== 'Form') continue;
        if (path.has(target.key)) {
          throw new ParseError(
            'parse_failed',
            'The PDF has a picture (form XObject) that draws itself, so reading it would never end; the file is damaged or was made to attack readers. Send the original statement, or a CSV export.',
          );
        }
        if (depth + 1 > limits.maxFormDepth) throw tooDeep(limits.maxFormDepth);
        path.add(target.key);
        const child = costOf([target], dictOf(stream.dict.get('Resources')) ?? resources, depth + 1, path, page);
        path.delete(target.key);
        addCost(cost, child, times);
        cost.height = Math.max(cost.height, child.height + 1);
        // Stop as soon as a page's caps are passed (whatever draws this draws it on a page): the product of
        // the counts can be astronomically large.
        checkPage(cost, page);
      }
    }
    costCache.set(key, cost);
    return cost;
  };

  /**
   * Type 3 fonts run their glyph procedures once per document when pdf.js loads them: counted once each, wherever
   * they are defined (a page's resources, a form's, or another Type 3 font's: a glyph may draw with a font of its
   * own), and charged to the page that first meets them. `depth`: the forms (and glyphs) drawn around `resources`.
   */
  const chargeType3 = (resources: Dict | undefined, depth: number, page: number): void => {
    const fonts = dictOf(resources?.get('Font'));
    if (!fonts) return;
    for (const value of fonts.map.values()) {
      const font = dictOf(value);
      if (!font || nameOf(file.resolve(font.get('Subtype'))) !== 'Type3') continue;
      const id = value instanceof Ref ? value.key : `inline:${resourcesId(font)}`;
      if (type3Seen.has(id)) continue;
      type3Seen.add(id);
      const procs = dictOf(font.get('CharProcs'));
      const fontResources = dictOf(font.get('Resources')) ?? resources;
      for (const proc of procs?.map.values() ?? []) {
        if (!(proc instanceof Ref)) continue;
        if (depth + 1 > limits.maxFormDepth) throw tooDeep(limits.maxFormDepth);
        const c = costOf([proc], fontResources, depth + 1, new Set(), page);
        addCost(type3, c);
        checkPage(type3, page);
      }
    }
  };

  let pageNumber = 0;
  walkPages(checked, root, maxPages, (page, resources) => {
    pageNumber++;
    const first = `The first ${pageNumber} pages of the PDF ask`;
    const contents = file.resolve(page.get('Contents'));
    const refs = (Array.isArray(contents) ? contents : [page.get('Contents')]).filter((c): c is Ref => c instanceof Ref);
    type3 = noCost();
    const cost = refs.length > 0 ? { ...costOf(refs, resources, 0, new Set(), pageNumber) } : noCost();
    chargeType3(resources, 0, pageNumber);
    addCost(cost, type3);
    checkPage(cost, pageNumber);
    docOperators += cost.operators;
    docOperands += cost.operands;
    docText += cost.textItems;
    docTextBytes += cost.textBytes;
    docContentBytes += cost.contentBytes;
    if (docTextBytes > limits.maxTextBytesPerDocument) throw tooManyBytes('text', first, limits.maxTextBytesPerDocument, true);
    if (docContentBytes > limits.maxContentBytesPerDocument) throw tooManyBytes('content', first, limits.maxContentBytesPerDocument, true);
    if (docOperators > limits.maxOperatorsPerDocument) throw tooMuch('operators', first, docOperators, limits.maxOperatorsPerDocument);
    if (docOperands > limits.maxOperandsPerDocument) throw tooMuch('operands', first, docOperands, limits.maxOperandsPerDocument);
    if (docText > limits.maxTextItemsPerDocument) throw tooMuch('text', first, docText, limits.maxTextItemsPerDocument);
  });
}

function noCost(): Cost {
  return { operators: 0, operands: 0, textItems: 0, textBytes: 0, contentBytes: 0, height: 0 };
}

/** The document catalog: the trailer's /Root, or failing that the last object that says it is one. */
function catalog(checked: CheckedPdf): Dict | undefined {
  const { file } = checked;
  const root = file.resolve(file.trailerEntry('Root'));
  if (root instanceof Dict) return root;
  for (let i = file.sites.length - 1; i >= 0; i--) {
    const v = file.valueAt(file.sites[i]!);
    if (v instanceof Dict && nameOf(v.get('Type')) === 'Catalog') return v;
  }
  return undefined;
}

/**
 * Calls `visit` for each page, in order, with the resources it inherits. Refuses a tree of more than
 * `maxPages` pages (naming its /Count when that is larger), and stops at a node that contains itself.
 */
function walkPages(checked: CheckedPdf, root: Dict, maxPages: number, visit: (page: Dict, resources: Dict | undefined) => void): void {
  const { file } = checked;
  const top = file.resolve(root.get('Pages'));
  if (!(top instanceof Dict)) return;
  const declared = file.resolve(top.get('Count'));
  let pages = 0;
  let visits = 0;
  const maxVisits = maxPages * 64 + 10_000;
  const tooMany = () => {
    const count = typeof declared === 'number' && declared > maxPages ? `${declared}` : `more than ${maxPages}`;
    return new ParseError(
      'too_large',
      `The PDF has ${count} pages; at most ${maxPages} can be read at once. Split it into smaller statements, or send a CSV export.`,
    );
  };
  const walk = (node: Dict, inherited: Dict | undefined, path: Set<Dict>): void => {
    if (++visits > maxVisits) throw tooMany();
    const own = file.resolve(node.get('Resources'));
    const resources = own instanceof Dict ? own : inherited;
    const kids = file.resolve(node.get('Kids'));
    if (!Array.isArray(kids)) {
      if (++pages > maxPages) throw tooMany();
      visit(node, resources);
      return;
    }
    if (path.has(node)) return; // a loop in the tree: pdf.js refuses it
    // A real page tree is a few levels deep; walking one 100,000 deep would overflow the stack (a security audit).
    if (path.size >= MAX_TREE_DEPTH) {
      throw new ParseError(
        'parse_failed',
        `The PDF's page tree is nested more than ${MAX_TREE_DEPTH} levels deep, which no statement is. Send the statement as the bank or CMS issued it, or a CSV export.`,
      );
    }
    path.add(node);
    for (const kid of kids) {
      const child = file.resolve(kid);
      if (child instanceof Dict) walk(child, resources, path);
    }
    path.delete(node);
  };
  walk(top, undefined, new Set());
}

/** How deep a page tree may nest (PDF writers keep it shallow: pdf.js's own writers and banks', a few levels). */
const MAX_TREE_DEPTH = 256;

// ---------------------------------------------------------------- content streams

const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
const NO_STOPS: ContentStops = { maxStringBytes: Number.POSITIVE_INFINITY, maxTextBytes: Number.POSITIVE_INFINITY };

/**
 * The words pdf.js's content lexer knows (its operators, and the prefixes it lists with them), as a trie: it reads
 * a word only as far as it stays one of these once it has found one, so `TjBI` is `Tj` then `BI`, and `IDx` is `ID`.
 * Node 0 is "none", 1 the root; WORD marks the words counted apart.
 */
const KNOWN_WORDS =
  'w J j M d ri i gs q Q cm m l c v y h re S s f F f* B B* b b* n W W* BT ET Tc Tw Tz TL Tf Tr Ts Td TD Tm T* Tj TJ \' " ' +
  'd0 d1 CS cs SC SCN sc scn G g RG rg K k sh BI ID EI Do MP DP BMC BDC EMC BX EX BM BD true fa fal fals false nu nul null';
const W_TJ = 1;
const W_TJ_ARRAY = 2;
const W_QUOTE = 3;
const W_DO = 4;
const W_BI = 5;
const W_ID = 6;
const W_VALUE = 7;
const TRIE_NEXT = new Int16Array(256 * 128);
const TRIE_KNOWN = new Uint8Array(256);
const TRIE_WORD = new Uint8Array(256);
{
  let nodes = 2;
  const special: Record<string, number> = {
    Tj: W_TJ,
    TJ: W_TJ_ARRAY,
    "'": W_QUOTE,
    '"': W_QUOTE,
    Do: W_DO,
    BI: W_BI,
    ID: W_ID,
    true: W_VALUE,
    false: W_VALUE,
    null: W_VALUE,
  };
  for (const word of KNOWN_WORDS.split(' ')) {
    let node = 1;
    for (const ch of word) {
      const at = node * 128 + ch.charCodeAt(0);
      if (TRIE_NEXT[at] === 0) TRIE_NEXT[at] = nodes++;
      node = TRIE_NEXT[at]!;
    }
    TRIE_KNOWN[node] = 1;
    TRIE_WORD[node] = special[word] ?? 0;
  }
}

/**
 * Counts a content stream's operators, operands and pieces of text, the XObjects it draws, and the bytes of its
 * strings and names, in one pass that reads tokens as pdf.js's lexer does: strings (with nesting and escapes), names,
 * numbers, arrays, comments, and inline images (`BI <dictionary> ID <data> EI`: the dictionary read as content, its
 * strings and names counted, the data skipped). Several streams (a page's /Contents array) are read as one, joined
 * with nothing between them as pdf.js joins them: a string may open in one and close in another. Stops as soon as
 * a string or name is longer than `stops.maxStringBytes`, or the strings and names together pass `stops.maxTextBytes`:
 * the counts it then returns are over that limit (and short of the rest).
 */
export function countContent(content: Uint8Array | readonly Uint8Array[], stops: ContentStops = NO_STOPS): StreamCounts {
  const data =
    content instanceof Uint8Array ? content : content.length === 1 ? content[0]! : new Uint8Array(Buffer.concat(content as Uint8Array[]));
  const n = data.length;
  let operators = 0;
  let operands = 0;
  let textItems = 0;
  let textBytes = 0;
  let longest = 0;
  const over = () => longest > stops.maxStringBytes || textBytes > stops.maxTextBytes;
  const counts = (): StreamCounts => ({ operators, operands, textItems, draws, textBytes, longest, bytes: n });
  const draws = new Map<string, number>();
  let lastName: string | undefined;
  let arrayDepth = 0;
  let stringsInArray = 0;
  /** Between an inline image's BI and its ID: its dictionary, from `imageFrom` (just after the BI). */
  let inlineImage = false;
  let imageFrom = 0;
  const endSearch = newEndSearch(n);
  let i = 0;
  while (i < n) {
    const c = data[i]!;
    if (WHITE[c]) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // A comment, to the end of the line.
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x28) {
      // A literal string: balanced parentheses, backslash escapes. Its length as pdf.js decodes it: an escape
      // is one byte (\ddd up to three octal digits), a backslash before an end of line none.
      operands++;
      let depth = 1;
      let length = 0;
      i++;
      while (i < n && depth > 0) {
        const d = data[i++]!;
        if (d === 0x5c) {
          const e = data[i++];
          if (e !== undefined && e >= 0x30 && e <= 0x37) {
            for (let k = 0; k < 2 && i < n && data[i]! >= 0x30 && data[i]! <= 0x37; k++) i++;
          } else if (e === 0x0d) {
            if (data[i] === 0x0a) i++;
            continue;
          } else if (e === 0x0a) continue;
        } else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
        // Checked as the string is read: a string of hundreds of megabytes is not read to its end.
        if (++length > stops.maxStringBytes || textBytes + length > stops.maxTextBytes) {
          longest = Math.max(longest, length);
          textBytes += length;
          return counts();
        }
      }
      longest = Math.max(longest, length);
      textBytes += length;
      if (arrayDepth > 0) stringsInArray++;
      continue;
    }
    if (c === 0x3c) {
      operands++;
      if (data[i + 1] === 0x3c) {
        i += 2;
        continue;
      }
      // A hexadecimal string: two digits a byte (anything else inside is skipped, as pdf.js skips it).
      let digits = 0;
      i++;
      while (i < n && data[i] !== 0x3e) {
        if (HEX[data[i++]!] && ++digits % 2 === 1) {
          const length = (digits + 1) >> 1;
          if (length > stops.maxStringBytes || textBytes + length > stops.maxTextBytes) {
            longest = Math.max(longest, length);
            textBytes += length;
            return counts();
          }
        }
      }
      i = Math.min(n, i + 1);
      const length = (digits + 1) >> 1;
      longest = Math.max(longest, length);
      textBytes += length;
      if (arrayDepth > 0) stringsInArray++;
      continue;
    }
    if (c === 0x3e || c === 0x7b || c === 0x7d || c === 0x29) {
      i++;
      continue;
    }
    if (c === 0x5b) {
      operands++;
      if (arrayDepth === 0) stringsInArray = 0;
      arrayDepth++;
      i++;
      continue;
    }
    if (c === 0x5d) {
      if (arrayDepth > 0) arrayDepth--;
      i++;
      continue;
    }
    if (c === 0x2f) {
      // A name: kept (its escapes undone) in case the next operator is Do. pdf.js builds it whole, and keeps
      // every name it has read until the document is closed.
      operands++;
      const start = ++i;
      while (i < n && !WHITE[data[i]!] && !DELIM[data[i]!]) i++;
      lastName = decodeName(data, start, i);
      longest = Math.max(longest, i - start);
      textBytes += i - start;
      if (over()) return counts();
      continue;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      // A number: pdf.js reads its digits, signs and point, and what follows them (`1Tj`) as the next token.
      operands++;
      i++;
      while (i < n) {
        const d = data[i]!;
        if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2d) i++;
        else break;
      }
      continue;
    }
    // A word: an operator, or true, false or null. Read as pdf.js reads it: once it is a word pdf.js knows, only
    // as far as it stays one.
    const wordStart = i;
    let node = c < 0x80 ? TRIE_NEXT[128 + c]! : 0;
    let known = TRIE_KNOWN[node]!;
    i++;
    if ((c < 0x20 || c > 0x7f) && i < n && data[i]! >= 0x20 && data[i]! <= 0x7f) {
      // pdf.js reads a byte outside ASCII followed by one inside it as a word of its own.
    } else {
      while (i < n && !WHITE[data[i]!] && !DELIM[data[i]!]) {
        const d = data[i]!;
        const next = d < 0x80 ? TRIE_NEXT[node * 128 + d]! : 0;
        if (known && !TRIE_KNOWN[next]) break;
        node = next;
        known = TRIE_KNOWN[node]!;
        i++;
      }
    }
    const word = known ? TRIE_WORD[node]! : 0;
    if (word === W_VALUE || (inlineImage && word !== W_ID)) {
      operands++;
      continue;
    }
    if (word === W_ID && inlineImage) {
      // The image data: pdf.js takes the byte after ID as its separator, and reads the data to where it finds its
      // end (inline-image.ts), by the filter the dictionary names.
      inlineImage = false;
      const filter = inlineImageFilter(data, imageFrom, wordStart);
      if (filter === 'by reference') throw inlineImageRefused('names its filter by reference to an object');
      // pdf.js reads the next word after the image from that separator on: a string or a name begun by it would
      // run on over the content after the image.
      if (data[i] === 0x28 || data[i] === 0x3c || data[i] === 0x2f) throw inlineImageRefused('has no white space after its ID');
      i = inlineImageEnd(data, i + 1, filter, endSearch);
      continue;
    }
    operators++;
    if (word === W_TJ || word === W_QUOTE) textItems++;
    else if (word === W_TJ_ARRAY) textItems += Math.max(1, stringsInArray);
    else if (word === W_DO && lastName !== undefined) draws.set(lastName, (draws.get(lastName) ?? 0) + 1);
    else if (word === W_BI) {
      inlineImage = true;
      imageFrom = i;
    }
    if (arrayDepth === 0) stringsInArray = 0;
  }
  return counts();
}

function decodeName(data: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to && k < from + 256; k++) {
    const c = data[k]!;
    if (c === 0x23 && k + 2 < to) {
      const h = parseInt(String.fromCharCode(data[k + 1]!, data[k + 2]!), 16);
      if (!Number.isNaN(h)) {
        s += String.fromCharCode(h);
        k += 2;
        continue;
      }
    }
    s += String.fromCharCode(c);
  }
  return s;
}

/** The refusal of a content stream with an inline image that PDF does not allow, which pdf.js would read its own way. */
function inlineImageRefused(what: string): ParseError {
  return new ParseError(
    'parse_failed',
    `The PDF has an inline image that ${what}, which PDF does not allow; the file is damaged or was made to attack readers. Send the original statement, or a CSV export.`,
  );
}
