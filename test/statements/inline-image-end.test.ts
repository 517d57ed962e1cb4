/**
 * Where an inline image's data ends (statements/pdf/inline-image.ts), against pdf.js itself: for each page below,
 * raw pdf.js (no checks of Reckoner's before it) reads the text drawn after the image, and the content count made
 * before pdf.js reads a page (countContent) must count that text too. The security audit of 5 December 2026 found
 * that the count stopped an image's data at the first `EI` followed by white space and 15 bytes of text, where pdf.js
 * also looks for a JPEG, ASCII85 or hex end marker, checks that an operation follows, and falls back to the last
 * `EI`: each page here hid the text after its image from the count (the string counted 0 times, 1 with the fix), so a
 * string of any length could have been drawn there unseen by the limits.
 */
import { describe, expect, test } from 'vitest';
import { checkDecompressionBudget } from '../../statements/pdf/streams.ts';
import { MAX_EI_TRIES } from '../../statements/pdf/inline-image.ts';
import { checkPdfStructure, countContent, STRUCTURE_LIMITS } from '../../statements/pdf/structure.ts';
import { loadPdfJs, pdfJsDocumentOptions } from '../../statements/pdf/text.ts';
import { handMadePdf } from '../fixtures/pdf/generate.ts';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** One page whose content is `content` (latin1), Helvetica as /F1. */
function pagePdf(content: string): Uint8Array {
  const data = latin1(content);
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    new Uint8Array(Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')])),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** The page's text as raw pdf.js reads it. */
async function pdfJsText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfJsDocumentOptions(bytes));
  try {
    const doc = await task.promise;
    const content = await (await doc.getPage(1)).getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  } finally {
    await task.destroy();
  }
}

const TEXT = 'BT /F1 12 Tf 72 700 Td (AFTER THE IMAGE) Tj ET';
const IMAGE = 'q 10 0 0 10 72 720 cm BI /W 2 /H 1 /BPC 8 /CS /G';

const PAGES: [string, string][] = [
  // No EI passes pdf.js's tests (the bytes after the only one are not text): pdf.js goes back to the last EI.
  ['no EI passes: pdf.js resumes after the last one', `${IMAGE} ID \x01\x02 EI \x80\x81\x82 Q\n${TEXT}`],
  // JPEG data: to its end marker (FF D9), then past the next EI and the one byte after it, here a tab.
  ['a JPEG image ends at its end marker', `${IMAGE} /F /DCT ID \xff\xd8\xff\xe0\x00\x04EI\xff\xd9EI\tQ ${TEXT}`],
  ['ASCIIHexDecode ends at the first >', `${IMAGE} /F /AHx ID 0a0b>EI\tQ ${TEXT}`],
  ['ASCII85Decode ends at ~>', `${IMAGE} /Filter /ASCII85Decode ID !!~>EI\tQ ${TEXT}`],
  ['the filter in an array, its name escaped', `${IMAGE} /Filter [/AS#43IIHexDecode] ID 0a0b>EI\tQ ${TEXT}`],
  // pdf.js takes F || Filter: an F of null leaves Filter to name it.
  ['/F null, /Filter named', `${IMAGE} /F null /Filter /AHx ID 0a0b>EI\tQ ${TEXT}`],
  // "EI zap": text follows, but not an operation pdf.js knows, so the image goes on; a % there began a comment.
  // ("EI nope" would end it: pdf.js reads "nope" as the operator n, then "ope", the word it stops at.)
  ['an EI not followed by an operation is not the end', `${IMAGE} ID ab EI zap zap % EI Q ${TEXT}`],
];

describe('an inline image ends where pdf.js ends it, so the text after it is counted', () => {
  test.each(PAGES)('%s', async (_name, content) => {
    expect(await pdfJsText(pagePdf(content))).toContain('AFTER THE IMAGE');
    // The string "AFTER THE IMAGE" (15 bytes) and the name /F1 (2) are counted, and Tj with them.
    const counts = countContent(latin1(content));
    expect(counts.textItems).toBe(1);
    expect(counts.textBytes).toBeGreaterThanOrEqual(15 + 2);
  });

  test('an image followed by an operation still ends at its first EI (the usual inline image)', async () => {
    const content = `${IMAGE} ID \x00\xff EI Q ${TEXT}`;
    expect(await pdfJsText(pagePdf(content))).toContain('AFTER THE IMAGE');
    // The dictionary's names W, H, BPC, CS and G (8 bytes), then /F1 and the string.
    expect(countContent(latin1(content))).toMatchObject({ textItems: 1, textBytes: 8 + 2 + 15 });
  });
});

test('a string over the limit drawn after a JPEG inline image is refused before pdf.js reads the page', () => {
  const long = 'A'.repeat(STRUCTURE_LIMITS.maxStringBytes + 1);
  const pdf = pagePdf(`${IMAGE} /F /DCT ID \xff\xd8\xff\xd9EI\tQ BT /F1 12 Tf 72 700 Td (${long}) Tj ET`);
  expect(() => checkPdfStructure(checkDecompressionBudget(pdf), STRUCTURE_LIMITS)).toThrow(
    'Page 1 of the PDF holds a string or name longer than',
  );
});

test('the EIs tried in one content stream are capped: 100,000 are tried, one more is refused', () => {
  // Each "EI zap" is tried (text follows) and fails (zap is no operation); the last, "EI Q", ends the image.
  const tried = (bad: number) => latin1(`${IMAGE} ID ab ${'EI zap '.repeat(bad)}EI Q ${TEXT}`);
  expect(countContent(tried(MAX_EI_TRIES - 1)).textItems).toBe(1);
  expect(() => countContent(tried(MAX_EI_TRIES))).toThrow(
    'The PDF has inline images whose ends take too long to find (more than 100,000 "EI"s tried, or their data searched more than twice over)',
  );
});

test('images whose end markers are missing are searched over at most twice the content and a megabyte', () => {
  // Each image's hex data has no ">", so each is searched to the end of the content, then by its EI.
  const images = (count: number) => latin1(`${IMAGE} /F /AHx ID 0a EI Q `.repeat(count));
  // 50 images of 50 bytes: the first searched over 2,500 bytes, the last 50, about 64 KB in all.
  // Each image's operators counted: q, cm, BI and Q (its ID, data and EI are the image's).
  expect(countContent(images(50)).operators).toBe(50 * 4);
  // 8,000 images (400 KB): about 1.6 GB of searching, past 2 × 400 KB + 1 MB long before the end.
  expect(() => countContent(images(8000))).toThrow('The PDF has inline images whose ends take too long to find');
});

describe('inline images PDF does not allow, which pdf.js would read its own way, are refused', () => {
  test('a filter given by reference to an object', () => {
    expect(() => countContent(latin1(`${IMAGE} /F 6 0 R ID \x00 EI Q ${TEXT}`))).toThrow(
      'The PDF has an inline image that names its filter by reference to an object, which PDF does not allow',
    );
  });

  test.each(['(', '<', '/'])('no white space between ID and data beginning "%s"', (first) => {
    expect(() => countContent(latin1(`${IMAGE} ID${first}\x00 EI Q ${TEXT}`))).toThrow(
      'The PDF has an inline image that has no white space after its ID, which PDF does not allow',
    );
  });
});
