/** Reading a rendered bundle back: its text page by page (the project's own extraction), and its content streams. */
import { constants, inflateSync } from 'node:zlib';
import { extractPdfText } from '../../../statements/pdf/text.ts';

/** Whitespace (non-breaking spaces included) as single spaces. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Each page's text, whitespace squashed: extractPdfText separates pages with a form feed. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  return (await extractPdfText(pdf)).split('\f').map(squash);
}

/** Every stream of the PDF, inflated where it is compressed (pdfkit compresses page content with Flate). */
export function streams(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const text = raw.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const body = raw.subarray(start, end);
    try {
      // The end-of-line before `endstream` is not part of the data; a lenient flush ignores it either way.
      out.push(inflateSync(body, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      out.push(body.toString('latin1'));
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/**
 * Whether `xml` is well-formed, as far as an SVG written by us needs: one root, every tag closed in order,
 * attributes quoted, no raw `<` or stray `&` in text or values. Returns the problems (empty when well-formed).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token = /<[^>]*>|[^<]+/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const t = m[0];
    if (!t.startsWith('<')) {
      if (entity.test(t)) problems.push(`a stray & in text: ${t.slice(0, 40)}`);
      if (stack.length === 0 && t.trim()) problems.push(`text outside the root: ${t.slice(0, 40)}`);
      continue;
    }
    const close = /^<\/([A-Za-z][\w:-]*)\s*>$/.exec(t);
    if (close) {
      const open = stack.pop();
      if (open !== close[1]) problems.push(`</${close[1]}> closes <${open}>`);
      continue;
    }
    const open = /^<([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/.exec(t);
    if (!open) {
      problems.push(`a malformed tag: ${t.slice(0, 60)}`);
      continue;
    }
    if (entity.test(open[2]!)) problems.push(`a stray & in an attribute: ${t.slice(0, 60)}`);
    const names = [...open[2]!.matchAll(/([\w:-]+)=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) problems.push(`a repeated attribute: ${t.slice(0, 60)}`);
    if (stack.length === 0) roots++;
    if (!open[3]) stack.push(open[1]!);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
