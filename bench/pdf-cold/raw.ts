/**
 * Cold child, baseline: a fresh process that loads pdf.js and extracts the raw text of a PDF (open the
 * document, `getTextContent` on every page), nothing else. Run from its own bundle by bench/statements.ts:
 *
 *   node raw.mjs <pdf path> <pdf.js document options as JSON, without `data`>
 *
 * The options come from the parent (`pdfJsDocumentOptions`, the one source), so this child does not load
 * any of Reckoner's modules to get them.
 * @module
 */
import { readFileSync } from 'node:fs';
import { report } from './report.ts';

const ready = performance.now();
const [path, optionsJson] = process.argv.slice(2);
if (!path || !optionsJson) throw new Error('usage: raw.mjs <pdf> <options json>');
const bytes = new Uint8Array(readFileSync(path));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const loaded = performance.now();
const doc = await pdfjs.getDocument({ ...JSON.parse(optionsJson), data: new Uint8Array(bytes) }).promise;
let items = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  items += content.items.length;
  page.cleanup();
}
await doc.destroy();
report({ ready, pdfjs: loaded, done: performance.now(), count: items });
